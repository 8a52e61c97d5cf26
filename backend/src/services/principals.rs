//! A person's rights over what an organisation holds about them: a copy of their whole history
//! (every entry with its evidence, the notices they were shown, a receipt of each), and erasure
//! of their personal data that keeps every hash of the ledger verifying.

use super::proof::{Proof, SignedReceipt};
use super::Context;
use crate::auth::{Caller, Permission};
use crate::ledger::{LedgerEntry, PrincipalRow, ERASED};
use crate::store::catalog::CollectionPointRow;
use crate::store::tenancy::OrgRow;
use crate::store::{catalog, jobs, ledger, links, universal, webhooks};
use crate::{Error, Result};

/// Everything about one person, as the organisation holds it.
#[derive(Debug, Clone)]
pub struct PrincipalExport {
    pub principal: PrincipalRow,
    /// (kind, value): how the organisation knows them; empty once erased.
    pub identifiers: Vec<(String, String)>,
    /// Every entry, oldest first, with its receipt. An erased entry has no evidence.
    pub entries: Vec<(LedgerEntry, SignedReceipt)>,
    /// Each notice version they were shown, as it was.
    pub notices: Vec<CollectionPointRow>,
    /// The entries that record erasures of their personal data.
    pub erasures: Vec<LedgerEntry>,
}

/// What an erasure removed.
#[derive(Debug, Clone)]
pub struct Erasure {
    /// The ledger entry that records it.
    pub entry: LedgerEntry,
    pub consent_requests: u64,
    pub universal_consents: usize,
    pub webhook_deliveries: u64,
}

#[derive(Clone)]
pub struct Principals {
    ctx: Context,
    proof: Proof,
}

impl Principals {
    pub(crate) fn new(ctx: Context, proof: Proof) -> Self {
        Self { ctx, proof }
    }

    /// The person's whole history, for the organisation to hand to them.
    pub async fn export(&self, caller: &Caller, dp_id: &str) -> Result<PrincipalExport> {
        caller.require(Permission::Read)?;
        let principal = ledger::principal_by_dp_id(&mut *self.ctx.store.conn().await?, caller.org_id(), dp_id.trim()).await?;
        self.export_of(&caller.org, principal).await
    }

    /// The same, for the person themselves, through a link of theirs (the hosted page).
    pub async fn export_for_link(&self, org: &OrgRow, principal_id: &str) -> Result<PrincipalExport> {
        let principal = ledger::principal(&mut *self.ctx.store.conn().await?, &org.id, principal_id).await?;
        self.export_of(org, principal).await
    }

    async fn export_of(&self, org: &OrgRow, principal: PrincipalRow) -> Result<PrincipalExport> {
        let mut c = self.ctx.store.conn().await?;
        let identifiers = ledger::identifiers_of(&mut c, &org.id, &principal.id).await?;
        let all = ledger::entries_of(&mut c, &org.id, &principal.id).await?;
        let mut notices: Vec<CollectionPointRow> = Vec::new();
        for e in all.iter().filter(|e| e.subject_kind == crate::ledger::SubjectKind::CollectionPoint.as_str()) {
            let Some(version) = e.notice_version else { continue };
            if notices.iter().any(|n| n.id == e.subject_id && n.version == version) {
                continue;
            }
            match catalog::collection_point_version(&mut c, &org.id, &e.subject_id, version).await {
                Ok(shown) => notices.push(shown),
                // A deleted collection point's versions go with it; the entry keeps the hash.
                Err(Error::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        drop(c);
        let (erasures, decisions): (Vec<_>, Vec<_>) = all.into_iter().partition(|e| e.action == ERASED);
        let receipts = self.proof.receipts(org, &decisions).await?;
        let entries = decisions.into_iter().zip(receipts).collect();
        Ok(PrincipalExport { principal, identifiers, entries, notices, erasures })
    }

    /// Erases the person's personal data everywhere the organisation holds it, in one
    /// transaction: the evidence of their ledger entries and their identifiers, the contact
    /// details of their consent-link requests, what identifies them in universal consents, and
    /// webhook deliveries that mention them. What they decided, when, and on which notice stays,
    /// under their pseudonymous `DP…` id, and the chain still verifies; the erasure itself is an
    /// entry of the chain.
    pub async fn erase(&self, caller: &Caller, dp_id: &str) -> Result<Erasure> {
        caller.require(Permission::Manage)?;
        let principal = ledger::principal_by_dp_id(&mut *self.ctx.store.conn().await?, caller.org_id(), dp_id.trim()).await?;
        self.erase_principal(caller.org_id(), &principal, &caller.actor().to_string()).await
    }

    /// Erases the personal data of every person whose organisation's retention period has
    /// passed since their last consent change (the same erasure as on request, by `retention`).
    /// Returns how many people were erased.
    pub async fn apply_retention(&self) -> Result<usize> {
        const ROUND: i64 = 200;
        let now = self.ctx.store.now();
        let mut erased = 0;
        let orgs: Vec<(String, i64)> =
            sqlx::query_as("SELECT id, retention_days FROM orgs ORDER BY id").fetch_all(&mut *self.ctx.store.conn().await?).await?;
        for (org_id, days) in orgs {
            let cutoff = now - days * 24 * 60 * 60 * 1000;
            loop {
                let due = ledger::due_for_erasure(&mut *self.ctx.store.conn().await?, &org_id, cutoff, ROUND).await?;
                for principal in &due {
                    self.erase_principal(&org_id, principal, "retention").await?;
                    erased += 1;
                }
                if (due.len() as i64) < ROUND {
                    break;
                }
            }
        }
        Ok(erased)
    }

    async fn erase_principal(&self, org_id: &str, principal: &PrincipalRow, actor: &str) -> Result<Erasure> {
        let mut tx = self.ctx.store.begin().await?;
        jobs::erase_email_errors_of(&mut tx, org_id, &principal.id).await?;
        let consent_requests = links::erase_principal(&mut tx, org_id, &principal.id).await?;
        let (universal_consents, mut values) = universal::erase_principal(&mut tx, org_id, &principal.id).await?;
        values.extend(ledger::identifiers_of(&mut tx, org_id, &principal.id).await?.into_iter().map(|(_, v)| v));
        let webhook_deliveries = webhooks::erase_deliveries_mentioning(&mut tx, org_id, &values).await?;
        let entry = ledger::erase_principal(&mut tx, org_id, &principal.id, actor).await?;
        tx.commit().await?;
        metrics::counter!("assent_erasures_total").increment(1);
        Ok(Erasure { entry, consent_requests, universal_consents, webhook_deliveries })
    }
}
