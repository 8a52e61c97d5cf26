//! Reading and verifying the ledger, and recording a decision that needs nothing else.

use super::Context;
use crate::auth::{Caller, Permission};
use crate::ledger::{BrokenEntry, Decision, LedgerEntry, VerifyReport};
use crate::store::ledger::EntryWithPerson;
use crate::store::{ledger as store, Page, Paged};
use crate::Result;

/// One organisation's chain, verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgVerification {
    pub ok: bool,
    /// This organisation's entries.
    pub entries: i64,
    /// The hash of this organisation's newest entry.
    pub head_hash: String,
    /// Where the chain breaks.
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

    /// Recomputes the caller's organisation's chain, reading only its rows.
    pub async fn verify_for(&self, caller: &Caller) -> Result<OrgVerification> {
        caller.require(Permission::Read)?;
        let report = store::verify(&mut *self.ctx.store.conn().await?, caller.org_id()).await?;
        Ok(OrgVerification { ok: report.ok(), entries: report.entries, head_hash: report.head_hash, first_bad: report.first_bad })
    }

    /// Every organisation's chain, by slug, for the operator (`assent audit verify`). Every
    /// organisation has one, maybe empty: they are listed from the organisations, not from the
    /// chains' head rows, which a removed head row must not hide.
    pub async fn verify_all(&self) -> Result<Vec<(String, VerifyReport)>> {
        let mut c = self.ctx.store.conn().await?;
        let mut out = Vec::new();
        for org in crate::store::tenancy::orgs(&mut c).await? {
            out.push((org.slug, store::verify(&mut c, &org.id).await?));
        }
        Ok(out)
    }

    /// One organisation's chain, for the operator (`assent audit verify --org SLUG`).
    pub async fn verify_org(&self, org_id: &str) -> Result<VerifyReport> {
        store::verify(&mut *self.ctx.store.conn().await?, org_id).await
    }

    /// One page of the organisation's entries that occurred in [`from`, `to`), after position
    /// `after`: what an export streams, a page at a time.
    pub async fn export_page(&self, caller: &Caller, from: i64, to: i64, after: i64, limit: i64) -> Result<Vec<EntryWithPerson>> {
        caller.require(Permission::Read)?;
        if from >= to {
            return Err(crate::Error::invalid("from", "must be before `to`"));
        }
        store::entries_between(&mut *self.ctx.store.conn().await?, caller.org_id(), from, to, after, limit).await
    }

    /// How many entries all chains hold.
    pub async fn length(&self) -> Result<i64> {
        store::length(&mut *self.ctx.store.conn().await?).await
    }
}
