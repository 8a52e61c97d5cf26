//! Proof of consent outside the database: the organisations' signing keys and their published
//! key sets, signed receipts of ledger entries, and checkpoints of chain heads written where the
//! database cannot rewrite them.

use super::Context;
use crate::auth::{Caller, Permission};
use crate::ledger::{LedgerEntry, GENESIS_HASH};
use crate::proof::{CheckpointClaims, Jwks, ReceiptClaims, CHECKPOINT_TYPE, RECEIPT_TYPE};
use crate::store::proof::{self as store, CheckpointRow, PublishedKey};
use crate::store::tenancy::{self, OrgRow};
use crate::store::{ledger, Conn};
use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// A receipt: the compact JWS, and what it states, for whoever cannot decode one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedReceipt {
    pub jws: String,
    pub claims: ReceiptClaims,
}

/// What checking a receipt someone brought found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiptCheck {
    /// Signed with one of the organisation's keys; `in_ledger`: the entry it states still has
    /// the hash it states.
    Valid {
        claims: ReceiptClaims,
        kid: String,
        in_ledger: bool,
    },
    Invalid {
        problem: String,
    },
}

/// What checking one checkpoint file against the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckpointFinding {
    pub file: PathBuf,
    /// The organisation (slug) the checkpoint is about, when it could be read.
    pub org: Option<String>,
    pub seq: Option<i64>,
    /// `None`: the chain still holds the entry the checkpoint signed.
    pub problem: Option<String>,
}

#[derive(Clone)]
pub struct Proof {
    ctx: Context,
}

impl Proof {
    pub(crate) fn new(ctx: Context) -> Self {
        Self { ctx }
    }

    /// Where an organisation's public keys are published.
    pub fn jwks_uri(&self, org_slug: &str) -> String {
        format!("{}{}", self.ctx.settings.public_url, jwks_path(org_slug))
    }

    /// The organisation's public keys, current and retired, for anyone. An organisation that
    /// has signed nothing yet has an empty set.
    pub async fn jwks(&self, org_slug: &str) -> Result<Jwks> {
        let mut c = self.ctx.store.conn().await?;
        let org = tenancy::org_by_slug(&mut c, org_slug).await?;
        Ok(Jwks { keys: store::published_keys(&mut c, &org.id).await?.into_iter().map(|k| k.jwk).collect() })
    }

    /// The organisation's keys with their dates, creating the first one if there is none.
    pub async fn keys(&self, caller: &Caller) -> Result<Vec<PublishedKey>> {
        caller.require(Permission::Read)?;
        let mut c = self.ctx.store.conn().await?;
        store::current_key(&mut c, caller.org_id(), self.ctx.store.now(), &self.ctx.settings.key_encryption).await?;
        store::published_keys(&mut c, caller.org_id()).await
    }

    /// Retires the current key and makes a new one current; what the old key signed still
    /// verifies, because it stays published.
    pub async fn rotate_key(&self, caller: &Caller) -> Result<Vec<PublishedKey>> {
        caller.require(Permission::Manage)?;
        let mut tx = self.ctx.store.begin().await?;
        store::rotate(&mut tx, caller.org_id(), &self.ctx.settings.key_encryption).await?;
        let keys = store::published_keys(&mut tx, caller.org_id()).await?;
        tx.commit().await?;
        Ok(keys)
    }

    /// A receipt for one of the organisation's entries, signed with its current key.
    pub async fn receipt(&self, org: &OrgRow, entry: &LedgerEntry) -> Result<SignedReceipt> {
        Ok(self.receipts(org, std::slice::from_ref(entry)).await?.remove(0))
    }

    /// Receipts for several of the organisation's entries: the key and each person's `DP…` id
    /// are read once, however many entries.
    pub async fn receipts(&self, org: &OrgRow, entries: &[LedgerEntry]) -> Result<Vec<SignedReceipt>> {
        if entries.iter().any(|e| e.org_id != org.id) {
            return Err(Error::NotFound("ledger entry"));
        }
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        let mut c = self.ctx.store.conn().await?;
        let key = store::current_key(&mut c, &org.id, self.ctx.store.now(), &self.ctx.settings.key_encryption).await?;
        let jwks_uri = self.jwks_uri(&org.slug);
        let mut dp_ids: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
        let mut out = Vec::with_capacity(entries.len());
        for entry in entries {
            if !dp_ids.contains_key(entry.principal_id.as_str()) {
                dp_ids.insert(&entry.principal_id, ledger::dp_id(&mut c, &org.id, &entry.principal_id).await?);
            }
            let claims = ReceiptClaims::of(entry, &org.slug, &dp_ids[entry.principal_id.as_str()], &jwks_uri)?;
            out.push(SignedReceipt { jws: key.sign(RECEIPT_TYPE, &claims), claims });
        }
        Ok(out)
    }

    /// The receipt of one of the caller's organisation's entries.
    pub async fn receipt_for(&self, caller: &Caller, entry_id: &str) -> Result<SignedReceipt> {
        caller.require(Permission::ReadConsent)?;
        let entry = ledger::entry_by_id(&mut *self.ctx.store.conn().await?, caller.org_id(), entry_id)
            .await?
            .ok_or(Error::NotFound("ledger entry"))?;
        self.receipt(&caller.org, &entry).await
    }

    /// Checks a receipt (the JSON file or the bare JWS) against the caller's organisation's
    /// published keys, and the entry it states against the ledger.
    pub async fn check_receipt(&self, caller: &Caller, text: &str) -> Result<ReceiptCheck> {
        caller.require(Permission::Read)?;
        let file = match crate::proof::ReceiptFile::parse(text) {
            Ok(f) => f,
            Err(problem) => return Ok(ReceiptCheck::Invalid { problem }),
        };
        let mut c = self.ctx.store.conn().await?;
        let jwks = Jwks { keys: store::published_keys(&mut c, caller.org_id()).await?.into_iter().map(|k| k.jwk).collect() };
        let (claims, kid): (ReceiptClaims, String) = match jwks.verify(&file.jws, RECEIPT_TYPE) {
            Ok(v) => v,
            Err(e) => return Ok(ReceiptCheck::Invalid { problem: e.to_string() }),
        };
        let in_ledger = ledger::entry_by_id(&mut c, caller.org_id(), &claims.entry_id)
            .await?
            .is_some_and(|e| e.hash == claims.entry_hash && e.seq == claims.entry_seq);
        Ok(ReceiptCheck::Valid { claims, kid, in_ledger })
    }

    /// Signs the organisation's chain head and writes it to the checkpoint directory, unless
    /// the newest checkpoint already holds this head. Returns the checkpoint written, if any.
    /// A head is signed only if the chain still holds the newest checkpoint and verifies from
    /// there: signing a rewritten chain would vouch for the rewrite.
    pub async fn checkpoint(&self, org: &OrgRow) -> Result<Option<CheckpointRow>> {
        let dir = self.checkpoint_dir()?;
        let mut c = self.ctx.store.conn().await?;
        let (seq, hash) = ledger::head(&mut c, &org.id).await?;
        let last = store::latest_checkpoint(&mut c, &org.id).await?;
        if let Some(last) = &last {
            let held = seq >= last.seq && ledger::entry_at(&mut c, &org.id, last.seq).await?.is_some_and(|e| e.hash == last.hash);
            if !held {
                return Err(Error::corrupt(
                    "ledger",
                    format!("{}'s chain no longer holds its checkpoint of entry {}; nothing was signed", org.slug, last.seq),
                ));
            }
            if last.seq == seq && last.hash == hash {
                return Ok(None);
            }
        }
        if seq == 0 {
            return Ok(None);
        }
        // Up to the newest checkpoint the chain was verified when that was signed, and it still
        // ends there in the same hash: only what came after needs walking.
        let (after, after_hash) = last.as_ref().map(|l| (l.seq, l.hash.as_str())).unwrap_or((0, GENESIS_HASH));
        let report = ledger::verify_after(&mut c, &org.id, after, after_hash).await?;
        if let Some(bad) = report.first_bad {
            return Err(Error::corrupt(
                "ledger",
                format!("{}'s chain breaks at entry {}: {}; nothing was signed", org.slug, bad.seq, bad.reason),
            ));
        }
        // The head verified may be newer than the one read first; sign what was verified.
        let (seq, hash) = (report.entries, report.head_hash);
        let now = self.ctx.store.now();
        let key = store::current_key(&mut c, &org.id, now, &self.ctx.settings.key_encryption).await?;
        let claims = CheckpointClaims {
            org: org.slug.clone(),
            org_id: org.id.clone(),
            seq,
            hash: hash.clone(),
            signed_at: crate::time::rfc3339(now),
        };
        let jws = key.sign(CHECKPOINT_TYPE, &claims);
        write_checkpoint_file(dir, &org.id, seq, now, &jws).await?;
        let row = CheckpointRow { org_id: org.id.clone(), seq, hash, signed_at: now, kid: key.kid.clone(), jws };
        store::record_checkpoint(&mut c, &row).await?;
        metrics::counter!("assent_checkpoints_written_total").increment(1);
        Ok(Some(row))
    }

    /// The caller's organisation's checkpoint, on demand.
    pub async fn checkpoint_for(&self, caller: &Caller) -> Result<Option<CheckpointRow>> {
        caller.require(Permission::Manage)?;
        self.checkpoint(&caller.org).await
    }

    /// Checkpoints every organisation (the scheduler's round). One organisation's failure
    /// does not keep the others from theirs; the first is returned.
    pub async fn checkpoint_all(&self) -> Result<usize> {
        let orgs = tenancy::orgs(&mut *self.ctx.store.conn().await?).await?;
        let (mut written, mut first_error) = (0, None);
        for org in orgs {
            match self.checkpoint(&org).await {
                Ok(Some(_)) => written += 1,
                Ok(None) => {}
                Err(e) => {
                    tracing::error!(org = %org.slug, error = %e, "checkpoint failed");
                    first_error.get_or_insert(e);
                }
            }
        }
        first_error.map_or(Ok(written), Err)
    }

    /// Reads every checkpoint under `dir` (or only `only_org`'s) and checks each against the
    /// chain: its signature with the organisation's published keys, and that the entry at its
    /// position still has the hash it signed. A tail rewritten together with its head passes
    /// the chain walk but not this.
    pub async fn verify_checkpoints(&self, dir: &Path, only_org: Option<&OrgRow>) -> Result<Vec<CheckpointFinding>> {
        let mut files = Vec::new();
        // One directory per organisation id; anything else there (`lost+found` on a fresh
        // mount, say) is not Assent's.
        let known: std::collections::HashMap<String, String> =
            tenancy::orgs(&mut *self.ctx.store.conn().await?).await?.into_iter().map(|o| (o.id, o.slug)).collect();
        let mut orgs = tokio::fs::read_dir(dir).await.map_err(|e| io_error("read the checkpoint directory", dir, e))?;
        while let Some(org_dir) = orgs.next_entry().await.map_err(|e| io_error("read the checkpoint directory", dir, e))? {
            let name = org_dir.file_name().to_string_lossy().to_string();
            if !known.contains_key(&name) || only_org.is_some_and(|o| o.id != name) || !org_dir.path().is_dir() {
                continue;
            }
            let mut entries = tokio::fs::read_dir(org_dir.path()).await.map_err(|e| io_error("read", &org_dir.path(), e))?;
            while let Some(f) = entries.next_entry().await.map_err(|e| io_error("read", &org_dir.path(), e))? {
                if f.path().extension().is_some_and(|x| x == "jws") {
                    files.push((name.clone(), f.path()));
                }
            }
        }
        files.sort();
        let mut c = self.ctx.store.conn().await?;
        let mut findings = Vec::with_capacity(files.len());
        for (org_id, file) in &files {
            findings.push(check_checkpoint(&mut c, org_id, file.clone()).await?);
        }
        // Checkpoints this database wrote whose file is gone from the directory: someone removed
        // proof (or this is not the directory the servers write to).
        for (org_id, slug) in known.iter().filter(|(id, _)| only_org.is_none_or(|o| &o.id == *id)) {
            for row in store::checkpoints(&mut c, org_id).await? {
                let file = dir.join(org_id).join(checkpoint_file_name(row.seq, row.signed_at));
                if !files.iter().any(|(_, f)| *f == file) {
                    let problem = format!(
                        "the checkpoint of entry {} signed at {} was written here and is missing",
                        row.seq,
                        crate::time::rfc3339(row.signed_at)
                    );
                    findings.push(CheckpointFinding { file, org: Some(slug.clone()), seq: Some(row.seq), problem: Some(problem) });
                }
            }
        }
        Ok(findings)
    }

    fn checkpoint_dir(&self) -> Result<&Path> {
        self.ctx
            .settings
            .checkpoint_dir
            .as_deref()
            .ok_or_else(|| Error::Conflict("no checkpoint directory is configured (ASSENT_CHECKPOINT_DIR)".into()))
    }
}

/// The path of an organisation's key set on the public site.
pub fn jwks_path(org_slug: &str) -> String {
    format!("/.well-known/assent/{org_slug}/jwks.json")
}

async fn check_checkpoint(c: &mut Conn, org_id: &str, file: PathBuf) -> Result<CheckpointFinding> {
    let finding =
        |org: Option<String>, seq: Option<i64>, problem: Option<String>| CheckpointFinding { file: file.clone(), org, seq, problem };
    let org = match tenancy::org(c, org_id).await {
        Ok(org) => org,
        Err(Error::NotFound(_)) => return Ok(finding(None, None, Some(format!("organisation {org_id} is not in the database")))),
        Err(e) => return Err(e),
    };
    let jws = match tokio::fs::read_to_string(&file).await {
        Ok(jws) => jws,
        Err(e) => return Ok(finding(Some(org.slug), None, Some(format!("the file cannot be read: {e}")))),
    };
    let jwks = Jwks { keys: store::published_keys(c, &org.id).await?.into_iter().map(|k| k.jwk).collect() };
    let claims: CheckpointClaims = match jwks.verify(&jws, CHECKPOINT_TYPE) {
        Ok((claims, _)) => claims,
        Err(e) => return Ok(finding(Some(org.slug), None, Some(format!("the checkpoint does not verify: {e}")))),
    };
    if claims.org_id != org.id {
        return Ok(finding(Some(org.slug), Some(claims.seq), Some(format!("it is about organisation {}, not this one", claims.org_id))));
    }
    let problem = match ledger::entry_at(c, &org.id, claims.seq).await? {
        None => Some(format!(
            "the chain has no entry {} any more, but it had one when signed at {} (entries removed)",
            claims.seq, claims.signed_at
        )),
        Some(entry) if entry.hash != claims.hash => {
            Some(format!("entry {} does not have the hash signed at {} (the chain was rewritten up to here)", claims.seq, claims.signed_at))
        }
        Some(_) => None,
    };
    Ok(finding(Some(org.slug), Some(claims.seq), problem))
}

fn checkpoint_file_name(seq: i64, signed_at: i64) -> String {
    format!("{seq:012}-{signed_at}.jws")
}

/// Writes a new file and never replaces one: the directory only grows.
async fn write_checkpoint_file(dir: &Path, org_id: &str, seq: i64, now: i64, jws: &str) -> Result<()> {
    use tokio::io::AsyncWriteExt;
    let org_dir = dir.join(org_id);
    tokio::fs::create_dir_all(&org_dir).await.map_err(|e| io_error("create", &org_dir, e))?;
    let path = org_dir.join(checkpoint_file_name(seq, now));
    let mut f = match tokio::fs::OpenOptions::new().write(true).create_new(true).open(&path).await {
        Ok(f) => f,
        // Another node signed the same head in the same millisecond: it is written.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(()),
        Err(e) => return Err(io_error("create", &path, e)),
    };
    f.write_all(jws.as_bytes()).await.map_err(|e| io_error("write", &path, e))?;
    f.sync_all().await.map_err(|e| io_error("sync", &path, e))?;
    Ok(())
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> Error {
    Error::Internal(format!("could not {what} {}: {e}", path.display()))
}
