//! Reading and verifying the ledger, and recording a decision that needs nothing else.

use super::Context;
use crate::auth::{Caller, Permission};
use crate::ledger::{BrokenEntry, Decision, LedgerEntry, GENESIS_HASH};
use crate::store::{ledger as store, Page, Paged};
use crate::Result;

/// The chain as one organisation may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgVerification {
    pub ok: bool,
    /// This organisation's entries.
    pub entries: i64,
    /// The hash of this organisation's newest entry.
    pub head_hash: String,
    /// Where the chain breaks: a position only, never another organisation's entry.
    pub first_bad: Option<BrokenEntry>,
}

#[derive(Clone)]
pub struct Ledger {
    ctx: Context,
}

impl Ledger {
    pub(crate) fn new(ctx: Context) -> Self {
        Self { ctx }
    }

    /// Appends one decision and its projection, in a transaction of its own.
    pub async fn record(&self, decision: &Decision) -> Result<LedgerEntry> {
        let mut tx = self.ctx.store.begin().await?;
        let entry = store::append(&mut tx, decision).await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// The organisation's entries, newest first.
    pub async fn entries(&self, caller: &Caller, principal_id: Option<&str>, page: Page) -> Result<Paged<LedgerEntry>> {
        caller.require(Permission::Read)?;
        store::list_entries(&mut *self.ctx.store.conn().await?, caller.org_id(), principal_id, page).await
    }

    /// Recomputes the whole chain. It spans every organisation, so the caller learns whether it
    /// verifies, their own count and newest hash, and where it breaks, but nothing of the others.
    pub async fn verify_for(&self, caller: &Caller) -> Result<OrgVerification> {
        caller.require(Permission::Read)?;
        let mut c = self.ctx.store.conn().await?;
        let report = store::verify(&mut c).await?;
        let own = store::list_entries(&mut c, caller.org_id(), None, Page { limit: 1, offset: 0 }).await?;
        Ok(OrgVerification {
            ok: report.ok(),
            entries: own.total,
            head_hash: own.items.first().map(|e| e.hash.clone()).unwrap_or_else(|| GENESIS_HASH.to_string()),
            first_bad: report.first_bad.map(|b| BrokenEntry { id: None, ..b }),
        })
    }

    /// The whole chain, for the operator (`assent audit verify`).
    pub async fn verify_all(&self) -> Result<crate::ledger::VerifyReport> {
        store::verify(&mut *self.ctx.store.conn().await?).await
    }

    /// How many entries the chain holds.
    pub async fn length(&self) -> Result<i64> {
        store::length(&mut *self.ctx.store.conn().await?).await
    }
}
