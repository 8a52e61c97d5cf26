//! Organisations, dashboard users, their sessions, API keys and first-run setup tokens.

use super::{Page, Paged};
use crate::types::{Role, Scopes};
use crate::{Error, Result};
use sqlx::AnyConnection;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrgRow {
    pub id: String,
    pub slug: String,
    pub subdomain: String,
    pub name: String,
    pub brand_name: String,
    pub logo_url: Option<String>,
    pub brand_color: String,
    /// Days a person's personal data is kept after their last consent change.
    pub retention_days: i64,
    pub created_at: i64,
}

const ORG_COLUMNS: &str = "id, slug, subdomain, name, brand_name, logo_url, brand_color, retention_days, created_at";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: String,
    pub org_id: String,
    pub email: String,
    pub password_hash: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub created_at: i64,
}

const USER_COLUMNS: &str = "id, org_id, email, password_hash, role, created_at";

/// A live dashboard session with its user.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub session_id: String,
    pub user_id: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub org_id: String,
    pub expires_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiKeyRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub prefix: String,
    pub key_hash: String,
    #[sqlx(try_from = "String")]
    pub scopes: Scopes,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

const API_KEY_COLUMNS: &str = "id, org_id, name, prefix, key_hash, scopes, created_at, last_used_at, revoked_at";

// ---- organisations ----

pub async fn insert_org(c: &mut AnyConnection, org: &OrgRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO orgs (id, slug, subdomain, name, brand_name, logo_url, brand_color, retention_days, cp_seq, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9)",
    )
    .bind(&org.id)
    .bind(&org.slug)
    .bind(&org.subdomain)
    .bind(&org.name)
    .bind(&org.brand_name)
    .bind(&org.logo_url)
    .bind(&org.brand_color)
    .bind(org.retention_days)
    .bind(org.created_at)
    .execute(&mut *c)
    .await
    .map_err(|e| Error::from_unique(e, "an organisation with this slug or subdomain"))?;
    Ok(())
}

pub async fn org(c: &mut AnyConnection, id: &str) -> Result<OrgRow> {
    sqlx::query_as::<_, OrgRow>(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *c)
        .await?
        .ok_or(Error::NotFound("organisation"))
}

/// Every organisation, by slug.
pub async fn orgs(c: &mut AnyConnection) -> Result<Vec<OrgRow>> {
    Ok(sqlx::query_as::<_, OrgRow>(&format!("SELECT {ORG_COLUMNS} FROM orgs ORDER BY slug")).fetch_all(&mut *c).await?)
}

pub async fn org_by_slug(c: &mut AnyConnection, slug: &str) -> Result<OrgRow> {
    sqlx::query_as::<_, OrgRow>(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(&mut *c)
        .await?
        .ok_or(Error::NotFound("organisation"))
}

pub async fn org_by_subdomain(c: &mut AnyConnection, subdomain: &str) -> Result<Option<OrgRow>> {
    Ok(sqlx::query_as::<_, OrgRow>(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE subdomain = $1"))
        .bind(subdomain)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn update_org(c: &mut AnyConnection, org: &OrgRow) -> Result<()> {
    sqlx::query("UPDATE orgs SET name = $1, brand_name = $2, logo_url = $3, brand_color = $4, retention_days = $5 WHERE id = $6")
        .bind(&org.name)
        .bind(&org.brand_name)
        .bind(&org.logo_url)
        .bind(&org.brand_color)
        .bind(org.retention_days)
        .bind(&org.id)
        .execute(&mut *c)
        .await?;
    Ok(())
}

// ---- users and sessions ----

pub async fn user_count(c: &mut AnyConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(&mut *c).await?)
}

pub async fn insert_user(c: &mut AnyConnection, user: &UserRow) -> Result<()> {
    sqlx::query("INSERT INTO users (id, org_id, email, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&user.id)
        .bind(&user.org_id)
        .bind(&user.email)
        .bind(&user.password_hash)
        .bind(user.role.as_str())
        .bind(user.created_at)
        .execute(&mut *c)
        .await
        .map_err(|e| Error::from_unique(e, "a user with this email"))?;
    Ok(())
}

pub async fn user_by_email(c: &mut AnyConnection, email: &str) -> Result<Option<UserRow>> {
    Ok(sqlx::query_as::<_, UserRow>(&format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1"))
        .bind(email)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn insert_session(c: &mut AnyConnection, id: &str, token_hash: &str, user: &UserRow, now: i64, expires_at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (id, token_hash, user_id, org_id, created_at, expires_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, NULL)",
    )
    .bind(id)
    .bind(token_hash)
    .bind(&user.id)
    .bind(&user.org_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// The live (not revoked, not expired) session with this token hash.
pub async fn live_session(c: &mut AnyConnection, token_hash: &str, now: i64) -> Result<Option<SessionRow>> {
    Ok(sqlx::query_as::<_, SessionRow>(
        "SELECT s.id AS session_id, u.id AS user_id, u.email, u.role, s.org_id, s.expires_at
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut *c)
    .await?)
}

pub async fn revoke_session(c: &mut AnyConnection, session_id: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(now)
        .bind(session_id)
        .execute(&mut *c)
        .await?;
    Ok(())
}

// ---- first-run setup ----

pub async fn insert_setup_token(c: &mut AnyConnection, token_hash: &str, now: i64, expires_at: i64) -> Result<()> {
    sqlx::query("INSERT INTO setup_tokens (token_hash, created_at, expires_at, used_at) VALUES ($1, $2, $3, NULL)")
        .bind(token_hash)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *c)
        .await?;
    Ok(())
}

/// Marks a live, unused token as used; false when there was none.
pub async fn spend_setup_token(c: &mut AnyConnection, token_hash: &str, now: i64) -> Result<bool> {
    let spent = sqlx::query("UPDATE setup_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $3")
        .bind(now)
        .bind(token_hash)
        .bind(now)
        .execute(&mut *c)
        .await?
        .rows_affected();
    Ok(spent == 1)
}

// ---- API keys ----

pub async fn insert_api_key(c: &mut AnyConnection, key: &ApiKeyRow) -> Result<()> {
    sqlx::query(&format!("INSERT INTO api_keys ({API_KEY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)"))
        .bind(&key.id)
        .bind(&key.org_id)
        .bind(&key.name)
        .bind(&key.prefix)
        .bind(&key.key_hash)
        .bind(key.scopes.to_db())
        .bind(key.created_at)
        .execute(&mut *c)
        .await?;
    Ok(())
}

pub async fn api_key(c: &mut AnyConnection, org_id: &str, id: &str) -> Result<ApiKeyRow> {
    sqlx::query_as::<_, ApiKeyRow>(&format!("SELECT {API_KEY_COLUMNS} FROM api_keys WHERE id = $1 AND org_id = $2"))
        .bind(id)
        .bind(org_id)
        .fetch_optional(&mut *c)
        .await?
        .ok_or(Error::NotFound("API key"))
}

pub async fn list_api_keys(c: &mut AnyConnection, org_id: &str, page: Page) -> Result<Paged<ApiKeyRow>> {
    let items = sqlx::query_as::<_, ApiKeyRow>(&format!(
        "SELECT {API_KEY_COLUMNS} FROM api_keys WHERE org_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3"
    ))
    .bind(org_id)
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&mut *c)
    .await?;
    let total = sqlx::query_scalar("SELECT COUNT(*) FROM api_keys WHERE org_id = $1").bind(org_id).fetch_one(&mut *c).await?;
    Ok(Paged { items, total })
}

/// Revokes a live key; false when it was already revoked (or is not this organisation's).
pub async fn revoke_api_key(c: &mut AnyConnection, org_id: &str, id: &str, now: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND org_id = $3 AND revoked_at IS NULL")
        .bind(now)
        .bind(id)
        .bind(org_id)
        .execute(&mut *c)
        .await?
        .rows_affected();
    Ok(done == 1)
}

pub async fn live_api_key_by_hash(c: &mut AnyConnection, key_hash: &str) -> Result<Option<ApiKeyRow>> {
    Ok(sqlx::query_as::<_, ApiKeyRow>(&format!("SELECT {API_KEY_COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL"))
        .bind(key_hash)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn touch_api_key(c: &mut AnyConnection, id: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE api_keys SET last_used_at = $1 WHERE id = $2").bind(now).bind(id).execute(&mut *c).await?;
    Ok(())
}

/// The organisation's own wording in `lang`: message id → Fluent pattern.
pub async fn message_overrides(c: &mut AnyConnection, org_id: &str, lang: &str) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as::<_, (String, String)>(
        "SELECT message_id, text FROM org_message_overrides WHERE org_id = $1 AND lang = $2 ORDER BY message_id",
    )
    .bind(org_id)
    .bind(lang)
    .fetch_all(&mut *c)
    .await?)
}

/// How many messages the organisation words itself, per language.
pub async fn message_override_counts(c: &mut AnyConnection, org_id: &str) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as::<_, (String, i64)>("SELECT lang, COUNT(*) FROM org_message_overrides WHERE org_id = $1 GROUP BY lang ORDER BY lang")
        .bind(org_id)
        .fetch_all(&mut *c)
        .await?)
}

/// Replaces every override of `lang` with `texts`.
pub async fn replace_message_overrides(
    c: &mut AnyConnection,
    org_id: &str,
    lang: &str,
    texts: &[(String, String)],
    now: i64,
) -> Result<()> {
    sqlx::query("DELETE FROM org_message_overrides WHERE org_id = $1 AND lang = $2").bind(org_id).bind(lang).execute(&mut *c).await?;
    for (message_id, text) in texts {
        sqlx::query("INSERT INTO org_message_overrides (org_id, lang, message_id, text, updated_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(org_id)
            .bind(lang)
            .bind(message_id)
            .bind(text)
            .bind(now)
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}
