//! Consent links: a request from the customer's backend for one person's consent through one
//! collection point, delivered as a link that opens the hosted consent page. Each URL is a
//! *link instance* (`link_id`; the consent-link dialect calls it `event_id`); regenerating a
//! request issues a new instance and the previous one stops working. The person's decisions
//! are ledger entries.

use crate::ledger::PurposeDecision;
use crate::{Error, Result};
use std::collections::BTreeSet;

/// How long a link stays valid: 1 to 24 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExpiryHours(i64);

impl ExpiryHours {
    pub const DEFAULT: ExpiryHours = ExpiryHours(24);

    pub fn new(hours: i64) -> Result<Self> {
        if (1..=24).contains(&hours) {
            Ok(Self(hours))
        } else {
            Err(Error::invalid("expiry_hours", "must be between 1 and 24"))
        }
    }

    pub fn millis(self) -> i64 {
        self.0 * 60 * 60 * 1000
    }
}

/// A request's state, as of a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    Active,
    Complete,
    Expired,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Active => "active",
            RequestStatus::Complete => "complete",
            RequestStatus::Expired => "expired",
        }
    }
}

/// What the person chose on the consent page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkChoice {
    ApproveAll,
    DeclineAll,
    /// The purposes the person ticked. Required purposes are granted regardless: declining
    /// them is what "Decline" is for.
    Choose(BTreeSet<String>),
    Withdraw,
}

/// The dialect's word for a decision: `approved`, `declined`, `partially_approved`, `withdrawn`.
pub fn consent_action_word(choice: &LinkChoice, decisions: &[PurposeDecision]) -> &'static str {
    match choice {
        LinkChoice::Withdraw => "withdrawn",
        _ if decisions.iter().all(|d| d.granted) => "approved",
        _ if decisions.iter().all(|d| !d.granted) => "declined",
        _ => "partially_approved",
    }
}

/// Proof of where a decision came from.
#[derive(Debug, Clone, Default)]
pub struct LinkEvidence {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub language: Option<String>,
    /// The collection point version the page showed (defaults to the current one).
    pub shown_version: Option<i64>,
}

/// Abuse limits on link creation, per person, over the last 24 hours.
#[derive(Debug, Clone, Copy)]
pub struct LinkLimits {
    pub per_phone_per_day: i64,
    pub per_email_per_day: i64,
}

impl Default for LinkLimits {
    fn default() -> Self {
        Self { per_phone_per_day: 10, per_email_per_day: 10 }
    }
}

pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Decisions one link instance takes per hour. A person changes their mind a few times; a
/// script hammering the link fills the ledger.
pub const DECISIONS_PER_LINK_PER_HOUR: i64 = 20;

/// The consent log a status response shows: the newest entries.
pub const STATUS_LOG_LIMIT: i64 = 100;

/// `{public URL}/{org subdomain}/{collection point display_id}/{link_id}`.
pub fn link_url(public_url: &str, subdomain: &str, display_id: &str, link_id: &str) -> String {
    format!("{}/{subdomain}/{display_id}/{link_id}", public_url.trim_end_matches('/'))
}

/// Where a request's email stands. `Pending` while the first attempt has not finished: the
/// outbox then finishes it and the request records the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailDelivery {
    Pending,
    Sent,
    Failed,
}

impl EmailDelivery {
    pub fn as_str(self) -> &'static str {
        match self {
            EmailDelivery::Pending => "pending",
            EmailDelivery::Sent => "sent",
            EmailDelivery::Failed => "failed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_is_capped_at_a_day() {
        assert!(ExpiryHours::new(24).is_ok());
        assert!(ExpiryHours::new(25).is_err());
        assert!(ExpiryHours::new(0).is_err());
        assert_eq!(ExpiryHours::DEFAULT.millis(), 86_400_000);
    }

    #[test]
    fn action_words() {
        let d = |g: &[bool]| g.iter().map(|g| PurposeDecision { purpose_id: "p".into(), granted: *g }).collect::<Vec<_>>();
        assert_eq!(consent_action_word(&LinkChoice::ApproveAll, &d(&[true, true])), "approved");
        assert_eq!(consent_action_word(&LinkChoice::DeclineAll, &d(&[false, false])), "declined");
        assert_eq!(consent_action_word(&LinkChoice::Choose(BTreeSet::new()), &d(&[true, false])), "partially_approved");
        assert_eq!(consent_action_word(&LinkChoice::Withdraw, &d(&[false])), "withdrawn");
    }

    #[test]
    fn link_urls() {
        assert_eq!(link_url("https://a.test/", "acme", "CP010", "x"), "https://a.test/acme/CP010/x");
    }
}
