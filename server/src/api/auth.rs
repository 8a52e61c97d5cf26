//! Who is calling. Credentials, in the order they are looked at:
//! `Authorization: Bearer <session token>` (dashboard), `Authorization: Token <API key>`
//! (the agreements dialect) and `X-API-Key: <API key>`. A caller acts only inside its own
//! organisation: an `X-Org-Id` naming another one is refused.

use super::error::ApiError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use backend::store::OrgRow;
use backend::types::{Role, Scope, Scopes};
use backend::Error;

#[derive(Debug, Clone)]
pub enum CallerKind {
    User { user_id: String, email: String, role: Role, session_id: String },
    ApiKey { key_id: String, scopes: Scopes },
}

#[derive(Debug, Clone)]
pub struct Caller {
    pub org: OrgRow,
    pub kind: CallerKind,
}

/// The credential a request carries, before it is checked.
pub enum Credential {
    Session(String),
    ApiKey(String),
}

pub fn credential(headers: &HeaderMap) -> Option<Credential> {
    if let Some(auth) = headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        let auth = auth.trim();
        if let Some((scheme, value)) = auth.split_once(' ') {
            let value = value.trim().to_string();
            if scheme.eq_ignore_ascii_case("bearer") {
                return Some(Credential::Session(value));
            }
            if scheme.eq_ignore_ascii_case("token") {
                return Some(Credential::ApiKey(value));
            }
        }
    }
    headers.get("x-api-key").and_then(|v| v.to_str().ok()).map(|v| Credential::ApiKey(v.trim().to_string()))
}

impl Caller {
    /// The caller with an `X-Org-Id` that, when sent, must name its own organisation.
    pub async fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<Self, Error> {
        let caller = Self::from_credentials(state, headers).await?;
        if let Some(org_header) = headers.get("x-org-id").and_then(|v| v.to_str().ok()) {
            if org_header.trim() != caller.org.slug {
                return Err(Error::Forbidden("X-Org-Id does not match the organisation of these credentials"));
            }
        }
        Ok(caller)
    }

    /// Who the credentials belong to, whatever `X-Org-Id` says (dialects check it their way).
    pub async fn from_credentials(state: &AppState, headers: &HeaderMap) -> Result<Self, Error> {
        Ok(match credential(headers) {
            Some(Credential::Session(token)) => {
                let s = state.store.session(&token).await?.ok_or(Error::Unauthenticated)?;
                Caller { org: s.org, kind: CallerKind::User { user_id: s.user_id, email: s.email, role: s.role, session_id: s.session_id } }
            }
            Some(Credential::ApiKey(key)) => {
                let (row, org) = state.store.authenticate_api_key(&key).await?.ok_or(Error::Unauthenticated)?;
                Caller { org, kind: CallerKind::ApiKey { scopes: row.scopes(), key_id: row.id } }
            }
            None => return Err(Error::Unauthenticated),
        })
    }

    /// Management reads: any dashboard user, or an `admin` key.
    pub fn require_read(&self) -> Result<(), Error> {
        match &self.kind {
            CallerKind::User { .. } => Ok(()),
            CallerKind::ApiKey { scopes, .. } if scopes.allows(Scope::Admin) => Ok(()),
            CallerKind::ApiKey { .. } => Err(Error::Forbidden("this API key lacks the admin scope")),
        }
    }

    /// Management changes: owners and admins, or an `admin` key.
    pub fn require_write(&self) -> Result<(), Error> {
        match &self.kind {
            CallerKind::User { role, .. } if role.can_write() => Ok(()),
            CallerKind::User { .. } => Err(Error::Forbidden("viewers cannot change anything")),
            CallerKind::ApiKey { scopes, .. } if scopes.allows(Scope::Admin) => Ok(()),
            CallerKind::ApiKey { .. } => Err(Error::Forbidden("this API key lacks the admin scope")),
        }
    }

    /// Who did it, for the ledger.
    pub fn actor(&self) -> String {
        match &self.kind {
            CallerKind::User { user_id, .. } => format!("user:{user_id}"),
            CallerKind::ApiKey { key_id, .. } => format!("api_key:{key_id}"),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Caller::authenticate(state, &parts.headers).await?)
    }
}
