//! Organisations, users, dashboard sessions, API keys and first-run setup tokens.

use super::{new_id, Page, Paged, Store};
use crate::crypto::{hash_password, random_token, token_hash, verify_password};
use crate::types::{BrandColor, Email, HttpUrl, Name, NewPassword, OrgSlug, Role, Scopes, Subdomain};
use crate::{now_ms, Error, Result};
use std::str::FromStr;

pub const SESSION_TTL_MS: i64 = 12 * 60 * 60 * 1000;
pub const SETUP_TOKEN_TTL_MS: i64 = 24 * 60 * 60 * 1000;
/// `last_used_at` is refreshed at most this often, so authenticating is not a write per request.
const LAST_USED_GRANULARITY_MS: i64 = 60 * 1000;
pub const DEFAULT_BRAND_COLOR: &str = "#1f6feb";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrgRow {
    pub id: String,
    pub slug: String,
    pub subdomain: String,
    pub name: String,
    pub brand_name: String,
    pub logo_url: Option<String>,
    pub brand_color: String,
    pub created_at: i64,
}

const ORG_COLUMNS: &str = "id, slug, subdomain, name, brand_name, logo_url, brand_color, created_at";

#[derive(Debug, Clone)]
pub struct NewOrg {
    pub slug: OrgSlug,
    pub name: Name,
    pub subdomain: Option<Subdomain>,
}

#[derive(Debug, Clone, Default)]
pub struct BrandingPatch {
    pub name: Option<Name>,
    pub brand_name: Option<Name>,
    /// `Some(None)` clears the logo.
    pub logo_url: Option<Option<HttpUrl>>,
    pub brand_color: Option<BrandColor>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: String,
    pub org_id: String,
    pub email: String,
    pub password_hash: String,
    pub role: String,
    pub created_at: i64,
}

impl UserRow {
    pub fn role(&self) -> Role {
        Role::from_str(&self.role).unwrap_or(Role::Viewer)
    }
}

/// Who is behind a dashboard session.
#[derive(Debug, Clone)]
pub struct SessionPrincipal {
    pub session_id: String,
    pub user_id: String,
    pub email: String,
    pub role: Role,
    pub org: OrgRow,
    pub expires_at: i64,
}

/// A freshly issued session: the token is shown once and only its hash is stored.
#[derive(Debug, Clone)]
pub struct IssuedSession {
    pub token: String,
    pub expires_at: i64,
    pub user_id: String,
    pub email: String,
    pub role: Role,
    pub org: OrgRow,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiKeyRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub prefix: String,
    pub key_hash: String,
    pub scopes: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

impl ApiKeyRow {
    pub fn scopes(&self) -> Scopes {
        Scopes::from_str(&self.scopes).unwrap_or_else(|_| Scopes::new([crate::types::Scope::Consent]).expect("non-empty"))
    }
}

const API_KEY_COLUMNS: &str = "id, org_id, name, prefix, key_hash, scopes, created_at, last_used_at, revoked_at";

/// A freshly created key: `key` is the only time the secret exists outside the caller.
#[derive(Debug, Clone)]
pub struct IssuedApiKey {
    pub row: ApiKeyRow,
    pub key: String,
}

/// How many characters of a key stay visible, so people can tell their keys apart.
pub const API_KEY_PREFIX_LEN: usize = 14;

impl Store {
    // ---- organisations ----

    pub async fn create_org(&self, new: &NewOrg) -> Result<OrgRow> {
        let id = new_id();
        let subdomain = new.subdomain.as_ref().map(|s| s.as_str()).unwrap_or(new.slug.as_str());
        sqlx::query(
            "INSERT INTO orgs (id, slug, subdomain, name, brand_name, logo_url, brand_color, cp_seq, created_at)
             VALUES ($1, $2, $3, $4, $5, NULL, $6, 0, $7)",
        )
        .bind(&id)
        .bind(new.slug.as_str())
        .bind(subdomain)
        .bind(new.name.as_str())
        .bind(new.name.as_str())
        .bind(DEFAULT_BRAND_COLOR)
        .bind(now_ms())
        .execute(self.pool())
        .await
        .map_err(|e| Error::from_unique(e, "an organisation with this slug or subdomain"))?;
        self.org(&id).await
    }

    pub async fn org(&self, id: &str) -> Result<OrgRow> {
        sqlx::query_as::<_, OrgRow>(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(Error::NotFound("organisation"))
    }

    pub async fn org_by_slug(&self, slug: &str) -> Result<OrgRow> {
        sqlx::query_as::<_, OrgRow>(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE slug = $1"))
            .bind(slug)
            .fetch_optional(self.pool())
            .await?
            .ok_or(Error::NotFound("organisation"))
    }

    pub async fn org_by_subdomain(&self, subdomain: &str) -> Result<OrgRow> {
        sqlx::query_as::<_, OrgRow>(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE subdomain = $1"))
            .bind(subdomain)
            .fetch_optional(self.pool())
            .await?
            .ok_or(Error::NotFound("organisation"))
    }

    pub async fn update_branding(&self, org_id: &str, patch: &BrandingPatch) -> Result<OrgRow> {
        let current = self.org(org_id).await?;
        let name = patch.name.as_ref().map(|n| n.as_str().to_string()).unwrap_or(current.name);
        let brand_name = patch.brand_name.as_ref().map(|n| n.as_str().to_string()).unwrap_or(current.brand_name);
        let logo_url = match &patch.logo_url {
            Some(v) => v.as_ref().map(|u| u.as_str().to_string()),
            None => current.logo_url,
        };
        let color = patch.brand_color.as_ref().map(|c| c.as_str().to_string()).unwrap_or(current.brand_color);
        sqlx::query("UPDATE orgs SET name = $1, brand_name = $2, logo_url = $3, brand_color = $4 WHERE id = $5")
            .bind(name)
            .bind(brand_name)
            .bind(logo_url)
            .bind(color)
            .bind(org_id)
            .execute(self.pool())
            .await?;
        self.org(org_id).await
    }

    // ---- users and sessions ----

    pub async fn user_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(self.pool()).await?)
    }

    pub async fn create_user(&self, org_id: &str, email: &Email, role: Role, password: &NewPassword) -> Result<UserRow> {
        self.org(org_id).await?;
        let hash = hash_password(password.as_str())?;
        let id = new_id();
        sqlx::query("INSERT INTO users (id, org_id, email, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&id)
            .bind(org_id)
            .bind(email.as_str())
            .bind(&hash)
            .bind(role.as_str())
            .bind(now_ms())
            .execute(self.pool())
            .await
            .map_err(|e| Error::from_unique(e, "a user with this email"))?;
        self.user(&id).await
    }

    pub async fn user(&self, id: &str) -> Result<UserRow> {
        sqlx::query_as::<_, UserRow>("SELECT id, org_id, email, password_hash, role, created_at FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(Error::NotFound("user"))
    }

    /// Checks a password and opens a session. The same error, and roughly the same time,
    /// whether the email is unknown or the password wrong.
    pub async fn login(&self, email: &str, password: &str) -> Result<IssuedSession> {
        let email = email.trim().to_ascii_lowercase();
        if email.chars().any(char::is_control) || password.contains('\0') {
            return Err(Error::Unauthenticated);
        }
        let user = sqlx::query_as::<_, UserRow>("SELECT id, org_id, email, password_hash, role, created_at FROM users WHERE email = $1")
            .bind(&email)
            .fetch_optional(self.pool())
            .await?;
        let stored = user.as_ref().map(|u| u.password_hash.clone());
        let password = password.to_string();
        let ok = tokio::task::spawn_blocking(move || {
            verify_password(&password, stored.as_deref().unwrap_or(crate::crypto::dummy_password_hash()))
        })
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
        match user {
            Some(user) if ok => self.issue_session(&user).await,
            _ => Err(Error::Unauthenticated),
        }
    }

    pub async fn issue_session(&self, user: &UserRow) -> Result<IssuedSession> {
        let token = random_token();
        let now = now_ms();
        let expires_at = now + SESSION_TTL_MS;
        sqlx::query(
            "INSERT INTO sessions (id, token_hash, user_id, org_id, created_at, expires_at, revoked_at)
             VALUES ($1, $2, $3, $4, $5, $6, NULL)",
        )
        .bind(new_id())
        .bind(token_hash(&token))
        .bind(&user.id)
        .bind(&user.org_id)
        .bind(now)
        .bind(expires_at)
        .execute(self.pool())
        .await?;
        Ok(IssuedSession {
            token,
            expires_at,
            user_id: user.id.clone(),
            email: user.email.clone(),
            role: user.role(),
            org: self.org(&user.org_id).await?,
        })
    }

    /// A live (not revoked, not expired) session for this token.
    pub async fn session(&self, token: &str) -> Result<Option<SessionPrincipal>> {
        let row: Option<(String, String, String, String, String, i64)> = sqlx::query_as(
            "SELECT s.id, u.id, u.email, u.role, s.org_id, s.expires_at
               FROM sessions s JOIN users u ON u.id = s.user_id
              WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2",
        )
        .bind(token_hash(token))
        .bind(now_ms())
        .fetch_optional(self.pool())
        .await?;
        let Some((session_id, user_id, email, role, org_id, expires_at)) = row else {
            return Ok(None);
        };
        Ok(Some(SessionPrincipal {
            session_id,
            user_id,
            email,
            role: Role::from_str(&role).unwrap_or(Role::Viewer),
            org: self.org(&org_id).await?,
            expires_at,
        }))
    }

    pub async fn revoke_session(&self, session_id: &str) -> Result<()> {
        sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(now_ms())
            .bind(session_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    // ---- first-run setup ----

    /// A one-time setup token, only while no user exists.
    pub async fn create_setup_token(&self) -> Result<Option<String>> {
        if self.user_count().await? > 0 {
            return Ok(None);
        }
        let token = random_token();
        let now = now_ms();
        sqlx::query("INSERT INTO setup_tokens (token_hash, created_at, expires_at, used_at) VALUES ($1, $2, $3, NULL)")
            .bind(token_hash(&token))
            .bind(now)
            .bind(now + SETUP_TOKEN_TTL_MS)
            .execute(self.pool())
            .await?;
        Ok(Some(token))
    }

    /// Spends a setup token: creates the first organisation and its owner, and signs them in.
    pub async fn complete_setup(&self, token: &str, org: &NewOrg, email: &Email, password: &NewPassword) -> Result<IssuedSession> {
        let password_hash = hash_password(password.as_str())?;
        let mut tx = self.begin_write().await?;
        let now = now_ms();
        let spent = sqlx::query("UPDATE setup_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $3")
            .bind(now)
            .bind(token_hash(token))
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if spent != 1 {
            return Err(Error::Forbidden("this setup link is invalid, expired or already used"));
        }
        let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(&mut *tx).await?;
        if users > 0 {
            return Err(Error::Forbidden("setup is already complete"));
        }
        let org_id = new_id();
        sqlx::query(
            "INSERT INTO orgs (id, slug, subdomain, name, brand_name, logo_url, brand_color, cp_seq, created_at)
             VALUES ($1, $2, $3, $4, $5, NULL, $6, 0, $7)",
        )
        .bind(&org_id)
        .bind(org.slug.as_str())
        .bind(org.subdomain.as_ref().map(|s| s.as_str()).unwrap_or(org.slug.as_str()))
        .bind(org.name.as_str())
        .bind(org.name.as_str())
        .bind(DEFAULT_BRAND_COLOR)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(|e| Error::from_unique(e, "an organisation with this slug or subdomain"))?;
        let user_id = new_id();
        sqlx::query("INSERT INTO users (id, org_id, email, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&user_id)
            .bind(&org_id)
            .bind(email.as_str())
            .bind(&password_hash)
            .bind(Role::Owner.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        let user = self.user(&user_id).await?;
        self.issue_session(&user).await
    }

    // ---- API keys ----

    pub async fn create_api_key(&self, org_id: &str, name: &Name, scopes: &Scopes) -> Result<IssuedApiKey> {
        self.org(org_id).await?;
        let key = format!("assent_{}", random_token());
        let id = new_id();
        sqlx::query(
            "INSERT INTO api_keys (id, org_id, name, prefix, key_hash, scopes, created_at, last_used_at, revoked_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(name.as_str())
        .bind(&key[..API_KEY_PREFIX_LEN])
        .bind(token_hash(&key))
        .bind(scopes.to_db())
        .bind(now_ms())
        .execute(self.pool())
        .await?;
        Ok(IssuedApiKey { row: self.api_key(org_id, &id).await?, key })
    }

    pub async fn api_key(&self, org_id: &str, id: &str) -> Result<ApiKeyRow> {
        sqlx::query_as::<_, ApiKeyRow>(&format!("SELECT {API_KEY_COLUMNS} FROM api_keys WHERE id = $1 AND org_id = $2"))
            .bind(id)
            .bind(org_id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(Error::NotFound("API key"))
    }

    pub async fn list_api_keys(&self, org_id: &str, page: Page) -> Result<Paged<ApiKeyRow>> {
        let items = sqlx::query_as::<_, ApiKeyRow>(&format!(
            "SELECT {API_KEY_COLUMNS} FROM api_keys WHERE org_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3"
        ))
        .bind(org_id)
        .bind(page.limit)
        .bind(page.offset)
        .fetch_all(self.pool())
        .await?;
        let total = sqlx::query_scalar("SELECT COUNT(*) FROM api_keys WHERE org_id = $1").bind(org_id).fetch_one(self.pool()).await?;
        Ok(Paged { items, total })
    }

    pub async fn revoke_api_key(&self, org_id: &str, id: &str) -> Result<ApiKeyRow> {
        let done = sqlx::query("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND org_id = $3 AND revoked_at IS NULL")
            .bind(now_ms())
            .bind(id)
            .bind(org_id)
            .execute(self.pool())
            .await?
            .rows_affected();
        let row = self.api_key(org_id, id).await?;
        if done == 0 && row.revoked_at.is_none() {
            return Err(Error::NotFound("API key"));
        }
        Ok(row)
    }

    /// The live key with this secret, with its organisation. Refreshes `last_used_at`.
    pub async fn authenticate_api_key(&self, key: &str) -> Result<Option<(ApiKeyRow, OrgRow)>> {
        let row =
            sqlx::query_as::<_, ApiKeyRow>(&format!("SELECT {API_KEY_COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL"))
                .bind(token_hash(key.trim()))
                .fetch_optional(self.pool())
                .await?;
        let Some(mut row) = row else { return Ok(None) };
        let now = now_ms();
        if row.last_used_at.is_none_or(|t| now - t > LAST_USED_GRANULARITY_MS) {
            sqlx::query("UPDATE api_keys SET last_used_at = $1 WHERE id = $2").bind(now).bind(&row.id).execute(self.pool()).await?;
            row.last_used_at = Some(now);
        }
        let org = self.org(&row.org_id).await?;
        Ok(Some((row, org)))
    }
}
