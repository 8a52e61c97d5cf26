//! Who is calling and what they may do. The caller pipeline in `server` turns credentials into
//! a [`Caller`]; every service then asks the caller for the [`Permission`] its flow needs, so a
//! handler cannot forget to check.

use crate::store::tenancy::OrgRow;
use crate::types::{Role, Scope, Scopes};
use crate::{Error, Result};
use std::fmt;

/// A secret a request presents, before it is checked.
#[derive(Clone, PartialEq, Eq)]
pub enum Credential {
    /// A dashboard session token (`Authorization: Bearer`).
    Session(String),
    /// An API key (`X-API-Key` or `Authorization: Token`).
    ApiKey(String),
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::Session(_) => f.write_str("Credential::Session(***)"),
            Credential::ApiKey(_) => f.write_str("Credential::ApiKey(***)"),
        }
    }
}

/// An authenticated caller, always acting inside one organisation.
#[derive(Debug, Clone)]
pub struct Caller {
    pub org: OrgRow,
    pub identity: Identity,
}

#[derive(Debug, Clone)]
pub enum Identity {
    /// A person signed in to the dashboard.
    User { user_id: String, email: String, role: Role, session_id: String },
    /// The customer's backend, with an API key.
    ApiKey { key_id: String, scopes: Scopes },
}

/// What a flow needs the caller to be allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Read the organisation's configuration, consent records, history and ledger:
    /// every dashboard user, and keys with the `admin` scope.
    Read,
    /// Change the organisation's configuration: owners and admins, and `admin` keys.
    Manage,
    /// Ask for and record consent (create consent links): owners and admins, and keys with
    /// the `consent` (or `admin`) scope.
    RecordConsent,
    /// Look up one person's consent (a check, a full record by ClientId): every dashboard
    /// user, and keys with the `consent` (or `admin`) scope, which the customer's backend
    /// needs to decide what it may do for that person.
    ReadConsent,
}

/// Who made a change, as the ledger and every record of it spell it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    User(String),
    ApiKey(String),
    /// The data principal, deciding for themselves.
    Principal,
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::User(id) => write!(f, "user:{id}"),
            Actor::ApiKey(id) => write!(f, "api_key:{id}"),
            Actor::Principal => f.write_str("principal"),
        }
    }
}

impl Caller {
    pub fn org_id(&self) -> &str {
        &self.org.id
    }

    pub fn actor(&self) -> Actor {
        match &self.identity {
            Identity::User { user_id, .. } => Actor::User(user_id.clone()),
            Identity::ApiKey { key_id, .. } => Actor::ApiKey(key_id.clone()),
        }
    }

    pub fn require(&self, permission: Permission) -> Result<()> {
        let allowed = match (&self.identity, permission) {
            (Identity::User { .. }, Permission::Read | Permission::ReadConsent) => true,
            (Identity::User { role, .. }, Permission::Manage | Permission::RecordConsent) => role.can_write(),
            (Identity::ApiKey { scopes, .. }, Permission::Read | Permission::Manage) => scopes.allows(Scope::Admin),
            (Identity::ApiKey { scopes, .. }, Permission::RecordConsent | Permission::ReadConsent) => scopes.allows(Scope::Consent),
        };
        if allowed {
            return Ok(());
        }
        Err(Error::Forbidden(match (&self.identity, permission) {
            (Identity::User { .. }, _) => "viewers cannot change anything",
            (Identity::ApiKey { .. }, Permission::RecordConsent | Permission::ReadConsent) => "API key lacks the consent scope",
            // The words of the consent-link documents (seed 001).
            (Identity::ApiKey { .. }, _) => "API key lacks the admin scope",
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org() -> OrgRow {
        OrgRow {
            id: "o".into(),
            slug: "acme".into(),
            subdomain: "acme".into(),
            name: "Acme".into(),
            brand_name: "Acme".into(),
            logo_url: None,
            brand_color: "#000000".into(),
            retention_days: 2557,
            created_at: 0,
        }
    }

    fn user(role: Role) -> Caller {
        Caller { org: org(), identity: Identity::User { user_id: "u".into(), email: "e".into(), role, session_id: "s".into() } }
    }

    fn key(scopes: &str) -> Caller {
        Caller { org: org(), identity: Identity::ApiKey { key_id: "k".into(), scopes: scopes.parse().unwrap() } }
    }

    #[test]
    fn the_permission_matrix() {
        use Permission::*;
        let table = [
            (user(Role::Owner), [true, true, true, true]),
            (user(Role::Admin), [true, true, true, true]),
            (user(Role::Viewer), [true, false, false, true]),
            (key("admin"), [true, true, true, true]),
            (key("consent"), [false, false, true, true]),
        ];
        for (caller, expected) in table {
            let got = [Read, Manage, RecordConsent, ReadConsent].map(|p| caller.require(p).is_ok());
            assert_eq!(got, expected, "{:?}", caller.identity);
        }
    }

    #[test]
    fn actors_are_spelled_one_way() {
        assert_eq!(user(Role::Owner).actor().to_string(), "user:u");
        assert_eq!(key("consent").actor().to_string(), "api_key:k");
        assert_eq!(Actor::Principal.to_string(), "principal");
    }
}
