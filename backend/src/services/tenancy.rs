//! Organisations, dashboard users and sessions, API keys, first-run setup, and turning a
//! credential into a caller.

use super::Context;
use crate::auth::{Caller, Credential, Identity, Permission};
use crate::crypto::{dummy_password_hash, hash_password, random_token, token_hash, verify_password};
use crate::i18n::{self, Locale, Overrides};
use crate::store::tenancy::{self as store, ApiKeyRow, OrgRow, UserRow};
use crate::store::{new_id, Page, Paged};
use crate::types::{BrandColor, Email, HttpUrl, Name, NewPassword, OrgSlug, RetentionDays, Role, Scopes, Subdomain};
use crate::{Error, Result};
use std::collections::BTreeMap;

pub const SESSION_TTL_MS: i64 = 12 * 60 * 60 * 1000;
pub const SETUP_TOKEN_TTL_MS: i64 = 24 * 60 * 60 * 1000;
/// `last_used_at` is refreshed at most this often, so authenticating is not a write per request.
const LAST_USED_GRANULARITY_MS: i64 = 60 * 1000;
pub const DEFAULT_BRAND_COLOR: &str = "#1f6feb";
/// How many characters of a key stay visible, so people can tell their keys apart.
pub const API_KEY_PREFIX_LEN: usize = 14;

#[derive(Debug, Clone)]
pub struct NewOrg {
    pub slug: OrgSlug,
    pub name: Name,
    pub subdomain: Option<Subdomain>,
}

/// Changes to the caller's organisation: its name, its branding, how long it keeps personal data.
#[derive(Debug, Clone, Default)]
pub struct OrgChanges {
    pub name: Option<Name>,
    pub brand_name: Option<Name>,
    /// `Some(None)` clears the logo.
    pub logo_url: Option<Option<HttpUrl>>,
    pub brand_color: Option<BrandColor>,
    pub retention_days: Option<RetentionDays>,
}

/// A freshly opened dashboard session: the token is shown once and only its hash is stored.
#[derive(Debug, Clone)]
pub struct IssuedSession {
    pub token: String,
    pub expires_at: i64,
    pub user: UserRow,
    pub org: OrgRow,
}

/// A freshly created key: `key` is the only time the secret exists outside the caller.
#[derive(Debug, Clone)]
pub struct IssuedApiKey {
    pub row: ApiKeyRow,
    pub key: String,
}

#[derive(Clone)]
pub struct Tenancy {
    ctx: Context,
}

fn org_row(new: &NewOrg, now: i64) -> OrgRow {
    OrgRow {
        id: new_id(),
        slug: new.slug.as_str().to_string(),
        subdomain: new.subdomain.as_ref().map(|s| s.as_str()).unwrap_or(new.slug.as_str()).to_string(),
        name: new.name.as_str().to_string(),
        brand_name: new.name.as_str().to_string(),
        logo_url: None,
        brand_color: DEFAULT_BRAND_COLOR.to_string(),
        retention_days: RetentionDays::DEFAULT.days(),
        created_at: now,
    }
}

async fn hash_password_blocking(password: &NewPassword) -> Result<String> {
    let password = password.as_str().to_string();
    tokio::task::spawn_blocking(move || hash_password(&password)).await.map_err(|e| Error::Internal(e.to_string()))?
}

impl Tenancy {
    pub(crate) fn new(ctx: Context) -> Self {
        Self { ctx }
    }

    // ---- callers ----

    /// The caller behind a credential. Unknown, expired and revoked credentials are all
    /// `Unauthenticated`, alike.
    pub async fn authenticate(&self, credential: &Credential) -> Result<Caller> {
        let store = &self.ctx.store;
        let now = store.now();
        let mut c = store.conn().await?;
        match credential {
            Credential::Session(token) => {
                let s = store::live_session(&mut c, &token_hash(token), now).await?.ok_or(Error::Unauthenticated)?;
                let org = store::org(&mut c, &s.org_id).await?;
                Ok(Caller { org, identity: Identity::User { user_id: s.user_id, email: s.email, role: s.role, session_id: s.session_id } })
            }
            Credential::ApiKey(key) => {
                let row = store::live_api_key_by_hash(&mut c, &token_hash(key.trim())).await?.ok_or(Error::Unauthenticated)?;
                if row.last_used_at.is_none_or(|t| now - t > LAST_USED_GRANULARITY_MS) {
                    store::touch_api_key(&mut c, &row.id, now).await?;
                }
                let org = store::org(&mut c, &row.org_id).await?;
                Ok(Caller { org, identity: Identity::ApiKey { key_id: row.id, scopes: row.scopes } })
            }
        }
    }

    /// An organisation by the slug a client names in `X-Org-Id`.
    pub async fn org_by_slug(&self, slug: &str) -> Result<OrgRow> {
        store::org_by_slug(&mut *self.ctx.store.conn().await?, slug).await
    }

    // ---- dashboard sign-in ----

    /// Checks a password and opens a session. The same error, and roughly the same time,
    /// whether the email is unknown or the password wrong.
    pub async fn login(&self, email: &str, password: &str) -> Result<IssuedSession> {
        let email = email.trim().to_ascii_lowercase();
        if email.chars().any(char::is_control) || password.contains('\0') {
            return Err(Error::Unauthenticated);
        }
        let user = store::user_by_email(&mut *self.ctx.store.conn().await?, &email).await?;
        let stored = user.as_ref().map(|u| u.password_hash.clone());
        let password = password.to_string();
        let ok = tokio::task::spawn_blocking(move || verify_password(&password, stored.as_deref().unwrap_or(dummy_password_hash())))
            .await
            .map_err(|e| Error::Internal(e.to_string()))?;
        match user {
            Some(user) if ok => self.open_session(user).await,
            _ => Err(Error::Unauthenticated),
        }
    }

    async fn open_session(&self, user: UserRow) -> Result<IssuedSession> {
        let token = random_token();
        let mut tx = self.ctx.store.begin().await?;
        let now = tx.now();
        store::insert_session(&mut tx, &new_id(), &token_hash(&token), &user, now, now + SESSION_TTL_MS).await?;
        let org = store::org(&mut tx, &user.org_id).await?;
        tx.commit().await?;
        Ok(IssuedSession { token, expires_at: now + SESSION_TTL_MS, user, org })
    }

    /// Ends the session the caller used. API keys are revoked instead, elsewhere.
    pub async fn sign_out(&self, caller: &Caller) -> Result<()> {
        let Identity::User { session_id, .. } = &caller.identity else {
            return Err(Error::Unauthenticated);
        };
        let mut tx = self.ctx.store.begin().await?;
        let now = tx.now();
        store::revoke_session(&mut tx, session_id, now).await?;
        tx.commit().await
    }

    // ---- first-run setup ----

    /// Whether the installation still needs its first admin.
    pub async fn setup_needed(&self) -> Result<bool> {
        Ok(store::user_count(&mut *self.ctx.store.conn().await?).await? == 0)
    }

    /// A one-time setup token, only while no user exists.
    pub async fn create_setup_token(&self) -> Result<Option<String>> {
        let mut tx = self.ctx.store.begin().await?;
        if store::user_count(&mut tx).await? > 0 {
            return Ok(None);
        }
        let token = random_token();
        let now = tx.now();
        store::insert_setup_token(&mut tx, &token_hash(&token), now, now + SETUP_TOKEN_TTL_MS).await?;
        tx.commit().await?;
        Ok(Some(token))
    }

    /// Spends a setup token: creates the first organisation and its owner, and signs them in.
    pub async fn complete_setup(&self, token: &str, org: &NewOrg, email: &Email, password: &NewPassword) -> Result<IssuedSession> {
        let password_hash = hash_password_blocking(password).await?;
        let mut tx = self.ctx.store.begin().await?;
        let now = tx.now();
        if !store::spend_setup_token(&mut tx, &token_hash(token.trim()), now).await? {
            return Err(Error::Forbidden("this setup link is invalid, expired or already used"));
        }
        if store::user_count(&mut tx).await? > 0 {
            return Err(Error::Forbidden("setup is already complete"));
        }
        let org = org_row(org, now);
        store::insert_org(&mut tx, &org).await?;
        let user = UserRow {
            id: new_id(),
            org_id: org.id.clone(),
            email: email.as_str().to_string(),
            password_hash,
            role: Role::Owner,
            created_at: now,
        };
        store::insert_user(&mut tx, &user).await?;
        tx.commit().await?;
        self.open_session(user).await
    }

    // ---- the operator (the `assent` CLI, on the server itself) ----

    pub async fn create_org(&self, new: &NewOrg) -> Result<OrgRow> {
        let mut tx = self.ctx.store.begin().await?;
        let org = org_row(new, tx.now());
        store::insert_org(&mut tx, &org).await?;
        tx.commit().await?;
        Ok(org)
    }

    pub async fn create_user(&self, org_id: &str, email: &Email, role: Role, password: &NewPassword) -> Result<UserRow> {
        let password_hash = hash_password_blocking(password).await?;
        let mut tx = self.ctx.store.begin().await?;
        store::org(&mut tx, org_id).await?;
        let user = UserRow {
            id: new_id(),
            org_id: org_id.to_string(),
            email: email.as_str().to_string(),
            password_hash,
            role,
            created_at: tx.now(),
        };
        store::insert_user(&mut tx, &user).await?;
        tx.commit().await?;
        Ok(user)
    }

    pub async fn issue_api_key(&self, org_id: &str, name: &Name, scopes: &Scopes) -> Result<IssuedApiKey> {
        let key = format!("assent_{}", random_token());
        let mut tx = self.ctx.store.begin().await?;
        store::org(&mut tx, org_id).await?;
        let row = ApiKeyRow {
            id: new_id(),
            org_id: org_id.to_string(),
            name: name.as_str().to_string(),
            prefix: key[..API_KEY_PREFIX_LEN].to_string(),
            key_hash: token_hash(&key),
            scopes: scopes.clone(),
            created_at: tx.now(),
            last_used_at: None,
            revoked_at: None,
        };
        store::insert_api_key(&mut tx, &row).await?;
        tx.commit().await?;
        Ok(IssuedApiKey { row, key })
    }

    // ---- the caller's organisation ----

    pub async fn update_org(&self, caller: &Caller, patch: &OrgChanges) -> Result<OrgRow> {
        caller.require(Permission::Manage)?;
        let mut tx = self.ctx.store.begin().await?;
        let mut org = store::org(&mut tx, caller.org_id()).await?;
        if let Some(n) = &patch.name {
            org.name = n.as_str().to_string();
        }
        if let Some(n) = &patch.brand_name {
            org.brand_name = n.as_str().to_string();
        }
        if let Some(logo) = &patch.logo_url {
            org.logo_url = logo.as_ref().map(|u| u.as_str().to_string());
        }
        if let Some(c) = &patch.brand_color {
            org.brand_color = c.as_str().to_string();
        }
        if let Some(r) = patch.retention_days {
            org.retention_days = r.days();
        }
        store::update_org(&mut tx, &org).await?;
        tx.commit().await?;
        Ok(org)
    }

    // ---- the organisation's own wording of Assent's messages, per language ----

    /// Per language, how many messages the organisation words itself.
    pub async fn override_counts(&self, caller: &Caller) -> Result<Vec<(String, i64)>> {
        caller.require(Permission::Read)?;
        let mut c = self.ctx.store.conn().await?;
        store::message_override_counts(&mut c, caller.org_id()).await
    }

    /// The organisation's own wording in `lang`.
    pub async fn overrides(&self, caller: &Caller, lang: &str) -> Result<Overrides> {
        caller.require(Permission::Read)?;
        let locale = known_language(lang)?;
        self.overrides_for(caller.org_id(), locale).await
    }

    /// Replaces the organisation's wording in `lang` (an empty map goes back to Assent's own),
    /// each text checked before anything is stored.
    pub async fn set_overrides(&self, caller: &Caller, lang: &str, texts: &BTreeMap<String, String>) -> Result<Overrides> {
        caller.require(Permission::Manage)?;
        let locale = known_language(lang)?;
        if texts.len() > 500 {
            return Err(Error::invalid("overrides", "at most 500 messages"));
        }
        if let Some((key, _)) = texts.iter().find(|(_, text)| text.len() > 4000) {
            return Err(Error::invalid("overrides", format!("{key}: at most 4000 bytes")));
        }
        let catalogue = i18n::catalogue();
        for (key, text) in texts {
            catalogue.check_override(locale, key, text)?;
        }
        let texts: Vec<(String, String)> = texts.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let mut tx = self.ctx.store.begin().await?;
        let now = tx.now();
        store::replace_message_overrides(&mut tx, caller.org_id(), locale.code(), &texts, now).await?;
        tx.commit().await?;
        Ok(Overrides::new(texts.into_iter().collect()))
    }

    /// The wording a public page or an email of organisation `org_id` uses in `locale`.
    pub async fn overrides_for(&self, org_id: &str, locale: &Locale) -> Result<Overrides> {
        let mut c = self.ctx.store.conn().await?;
        Ok(Overrides::new(store::message_overrides(&mut c, org_id, locale.code()).await?.into_iter().collect()))
    }

    pub async fn create_api_key(&self, caller: &Caller, name: &Name, scopes: &Scopes) -> Result<IssuedApiKey> {
        caller.require(Permission::Manage)?;
        self.issue_api_key(caller.org_id(), name, scopes).await
    }

    pub async fn api_key(&self, caller: &Caller, id: &str) -> Result<ApiKeyRow> {
        caller.require(Permission::Read)?;
        store::api_key(&mut *self.ctx.store.conn().await?, caller.org_id(), id).await
    }

    pub async fn list_api_keys(&self, caller: &Caller, page: Page) -> Result<Paged<ApiKeyRow>> {
        caller.require(Permission::Read)?;
        store::list_api_keys(&mut *self.ctx.store.conn().await?, caller.org_id(), page).await
    }

    /// Revokes a key at once. Revoking twice is harmless.
    pub async fn revoke_api_key(&self, caller: &Caller, id: &str) -> Result<ApiKeyRow> {
        caller.require(Permission::Manage)?;
        let mut tx = self.ctx.store.begin().await?;
        let now = tx.now();
        store::revoke_api_key(&mut tx, caller.org_id(), id, now).await?;
        let row = store::api_key(&mut tx, caller.org_id(), id).await?;
        tx.commit().await?;
        Ok(row)
    }
}

fn known_language(code: &str) -> Result<&'static Locale> {
    i18n::catalogue().locale(code).ok_or(Error::NotFound("language"))
}
