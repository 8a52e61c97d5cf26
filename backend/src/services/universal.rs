//! Universal consents (seed 003): recording, updating, checking and searching a person's
//! consent to a referenced object, by the customer's backend or through an integration, and
//! the integrations themselves. Every record and update is one ledger entry, with its
//! projection and its webhook deliveries, in one commit.

use super::outbox::Outbox;
use super::{webhooks, Context};
use crate::auth::{Caller, Permission};
use crate::ledger::{Action, Decision, Identifier, PurposeDecision, SubjectKind};
use crate::store::universal::{self as store, IntegrationRow, SearchCriteria, SearchFilter, UniversalConsentRow};
use crate::store::webhooks as subscriptions;
use crate::store::{ledger, new_id, Page, Paged, Tx};
use crate::universal::{
    BannerChoice, BannerConfig, ClientId, ConsentGiven, ConsentType, CustomUserId, Fingerprint, Metadata, Origin, Reference,
};
use crate::{rfc3339, Error, Result};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// A banner's form, as the visitor's browser sent it; [`UniversalConsents::record_banner_choice`]
/// reads it against the integration's banner.
#[derive(Debug, Clone, Copy)]
pub struct BannerChoiceForm<'a> {
    /// `All`, `Partial` or `None`.
    pub consent: &'a str,
    /// The optional categories allowed, for `Partial`.
    pub categories: &'a [String],
    /// The policy version the banner showed.
    pub policy_version: Option<&'a str>,
    /// The ClientId an earlier choice gave this browser.
    pub client_id: Option<&'a str>,
}

/// A consent to record (the seed's record request, or an integration's).
#[derive(Debug, Clone)]
pub struct NewUniversalConsent {
    pub consent_given: ConsentGiven,
    pub custom_user_id: Option<CustomUserId>,
    /// The ClientId the person already has (a banner keeps it); without a CustomUserId and
    /// without this, a fresh one is issued.
    pub client_id: Option<ClientId>,
    pub reference: Reference,
    pub consent_type: Option<ConsentType>,
    pub uri: Option<String>,
    pub metadata: Option<Metadata>,
    pub fingerprint: Fingerprint,
}

/// The seed's update: a new ConsentGiven and/or Metadata for an existing record.
#[derive(Debug, Clone)]
pub struct UniversalUpdate {
    pub client_id: ClientId,
    pub reference: Reference,
    pub consent_given: Option<ConsentGiven>,
    pub metadata: Option<Metadata>,
    pub fingerprint: Fingerprint,
}

/// An integration to create, or the full new state of one.
#[derive(Debug, Clone)]
pub struct IntegrationSpec {
    pub name: Reference,
    pub allowed_origins: Vec<Origin>,
    pub banner: BannerConfig,
}

/// A change to an integration; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct IntegrationPatch {
    pub name: Option<Reference>,
    pub allowed_origins: Option<Vec<Origin>>,
    pub banner: Option<BannerConfig>,
}

/// The search's maximum page.
pub const MAX_SEARCH_LIMIT: i64 = 1000;
/// What the search covers when no dates are given: the last week.
pub const DEFAULT_SEARCH_WINDOW_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// The search as a client asks it: its criteria and, optionally, a window (milliseconds).
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub criteria: SearchCriteria,
    pub from: Option<i64>,
    pub to: Option<i64>,
}

/// Who writes a consent and how it came.
struct Writer {
    org_id: String,
    actor: String,
    collected_via: &'static str,
    integration_id: Option<String>,
}

/// What a write changes: a record as the client gave it, or an existing record's level and
/// metadata (merged with it inside the write's transaction).
enum Change<'a> {
    Record(&'a NewUniversalConsent),
    Update(&'a UniversalUpdate),
}

#[derive(Clone)]
pub struct UniversalConsents {
    ctx: Context,
    outbox: Outbox,
    /// Each organisation's ClientId key once a commit has made it durable: it never changes,
    /// so the hot write path need not read it again.
    client_id_keys: Arc<RwLock<HashMap<String, Arc<[u8]>>>>,
}

impl UniversalConsents {
    pub(crate) fn new(ctx: Context, outbox: Outbox) -> Self {
        Self { ctx, outbox, client_id_keys: Default::default() }
    }

    /// Records a consent (seed 003's record). One current record per (ClientId, Reference):
    /// recording again for the same pair changes that record.
    pub async fn record(&self, caller: &Caller, new: &NewUniversalConsent) -> Result<UniversalConsentRow> {
        caller.require(Permission::RecordConsent)?;
        let writer =
            Writer { org_id: caller.org_id().to_string(), actor: caller.actor().to_string(), collected_via: "api", integration_id: None };
        self.write(&writer, Change::Record(new)).await
    }

    /// Changes an existing record's ConsentGiven and/or Metadata (seed 003's update).
    pub async fn update(&self, caller: &Caller, update: &UniversalUpdate) -> Result<UniversalConsentRow> {
        caller.require(Permission::RecordConsent)?;
        if update.consent_given.is_none() && update.metadata.is_none() {
            return Err(Error::invalid("ConsentGiven", "an update needs ConsentGiven, Metadata or both"));
        }
        let writer =
            Writer { org_id: caller.org_id().to_string(), actor: caller.actor().to_string(), collected_via: "api", integration_id: None };
        self.write(&writer, Change::Update(update)).await
    }

    /// The current record of one ClientId for one Reference.
    pub async fn get(&self, caller: &Caller, client_id: &ClientId, reference: &Reference) -> Result<UniversalConsentRow> {
        caller.require(Permission::ReadConsent)?;
        store::by_client_and_reference(&mut *self.ctx.store.conn().await?, caller.org_id(), client_id.as_str(), reference.as_str())
            .await?
            .ok_or(Error::NotFound("consent for this ClientId and Reference"))
    }

    /// The organisation's records matching `query`, newest change first. Without dates, the
    /// last week; dates filter on the record's last change.
    pub async fn search(&self, caller: &Caller, query: &SearchQuery, limit: i64, offset: i64) -> Result<Paged<UniversalConsentRow>> {
        caller.require(Permission::Read)?;
        if !(1..=MAX_SEARCH_LIMIT).contains(&limit) {
            return Err(Error::invalid("Limit", format!("must be between 1 and {MAX_SEARCH_LIMIT}")));
        }
        if offset < 0 {
            return Err(Error::invalid("Offset", "must not be negative"));
        }
        let to = query.to.unwrap_or_else(|| self.ctx.store.now());
        let from = query.from.unwrap_or(to - DEFAULT_SEARCH_WINDOW_MS);
        if from > to {
            return Err(Error::invalid("FromDate", "must not be after ToDate"));
        }
        let filter = SearchFilter { criteria: query.criteria.clone(), from, to };
        store::search(&mut *self.ctx.store.conn().await?, caller.org_id(), &filter, limit, offset).await
    }

    /// Records a consent through an integration, without credentials: the integration's
    /// name is the Reference, and a browser's `origin` must be one the integration allows.
    /// A request without an Origin comes from a server (browsers always send one on a
    /// cross-origin POST), which could have sent any Origin it liked.
    /// The caller looked `integration` up already ([`Self::public_integration`]): it needs it
    /// for its CORS answer, and this hottest of write paths reads it once.
    pub async fn record_via_integration(
        &self,
        integration: &IntegrationRow,
        origin: Option<&Origin>,
        mut new: NewUniversalConsent,
    ) -> Result<UniversalConsentRow> {
        if let Some(origin) = origin {
            if !integration.allowed_origins.contains(origin) {
                return Err(Error::Forbidden("this origin may not record consents for this integration"));
            }
        }
        new.reference = integration.name.parse()?;
        if new.uri.is_none() {
            new.uri = origin.map(|o| o.as_str().to_string());
        }
        let writer = Writer {
            org_id: integration.org_id.clone(),
            actor: format!("integration:{}", integration.id),
            collected_via: "integration",
            integration_id: Some(integration.id.clone()),
        };
        self.write(&writer, Change::Record(&new)).await
    }

    /// A visitor's choice on the integration's banner (the banner's server function): the
    /// integration endpoint's write, its origin checked first, with the choice read against the
    /// banner's configuration ([`BannerChoice`]) into the level and a Metadata of every category
    /// and the policy version.
    pub async fn record_banner_choice(
        &self,
        integration: &IntegrationRow,
        origin: Option<&Origin>,
        choice: BannerChoiceForm<'_>,
        fingerprint: Fingerprint,
    ) -> Result<UniversalConsentRow> {
        if origin.is_some_and(|o| !integration.allowed_origins.contains(o)) {
            return Err(Error::Forbidden("this origin may not record consents for this integration"));
        }
        let read = BannerChoice::new(&integration.banner, choice.consent, choice.categories, choice.policy_version)?;
        let client_id = choice
            .client_id
            .filter(|c| !c.trim().is_empty())
            .map(|c| c.parse::<ClientId>().map_err(|_| Error::invalid("client_id", "must be a ClientId that Assent issued (a UUID)")))
            .transpose()?;
        let new = NewUniversalConsent {
            consent_given: read.consent_given(),
            custom_user_id: None,
            client_id,
            reference: integration.name.parse()?,
            consent_type: None,
            uri: None,
            metadata: Some(read.metadata()),
            fingerprint,
        };
        self.record_via_integration(integration, origin, new).await
    }

    /// An integration's record for one ClientId, without credentials.
    pub async fn check_via_integration(&self, integration_id: &str, client_id: &ClientId) -> Result<(UniversalConsentRow, IntegrationRow)> {
        let integration = self.public_integration(integration_id).await?;
        let row =
            store::by_client_and_reference(&mut *self.ctx.store.conn().await?, &integration.org_id, client_id.as_str(), &integration.name)
                .await?
                .ok_or(Error::NotFound("consent for this ClientId"))?;
        Ok((row, integration))
    }

    /// An integration by its id alone: what the unauthenticated endpoints (and their CORS
    /// preflights) know.
    pub async fn public_integration(&self, integration_id: &str) -> Result<IntegrationRow> {
        let id = uuid::Uuid::try_parse(integration_id.trim()).map_err(|_| Error::NotFound("integration"))?.to_string();
        store::integration(&mut *self.ctx.store.conn().await?, None, &id).await
    }

    /// The organisation's ClientId key, and whether it came from the store (to remember it
    /// once the transaction commits: a key created in a transaction that rolls back never existed).
    async fn client_id_key(&self, tx: &mut Tx, org_id: &str) -> Result<(Arc<[u8]>, bool)> {
        if let Some(key) = self.client_id_keys.read().expect("key cache lock").get(org_id) {
            return Ok((key.clone(), false));
        }
        Ok((store::client_id_key(tx, org_id).await?.into(), true))
    }

    async fn write(&self, writer: &Writer, change: Change<'_>) -> Result<UniversalConsentRow> {
        let mut tx = self.ctx.store.begin().await?;
        let now = tx.now();
        let mut learned_key = None;
        let (new, client_id, current, integration_id) = match change {
            Change::Record(new) => {
                let client_id = match (&new.custom_user_id, &new.client_id) {
                    (Some(custom), given) => {
                        let (key, from_store) = self.client_id_key(&mut tx, &writer.org_id).await?;
                        let derived = ClientId::derive(&key, custom);
                        if from_store {
                            learned_key = Some(key);
                        }
                        if given.as_ref().is_some_and(|g| *g != derived) {
                            return Err(Error::invalid("ClientId", "does not belong to this CustomUserId"));
                        }
                        derived
                    }
                    (None, Some(given)) => given.clone(),
                    (None, None) => ClientId::random(),
                };
                let current = store::by_client_and_reference(&mut tx, &writer.org_id, client_id.as_str(), new.reference.as_str()).await?;
                (new.clone(), client_id, current, writer.integration_id.clone())
            }
            Change::Update(update) => {
                let current = store::by_client_and_reference(&mut tx, &writer.org_id, update.client_id.as_str(), update.reference.as_str())
                    .await?
                    .ok_or(Error::NotFound("consent for this ClientId and Reference"))?;
                let new = NewUniversalConsent {
                    consent_given: update.consent_given.unwrap_or(current.consent_given),
                    custom_user_id: current.custom_user_id.as_deref().map(str::parse).transpose()?,
                    client_id: Some(update.client_id.clone()),
                    reference: update.reference.clone(),
                    consent_type: current.consent_type.as_deref().map(str::parse).transpose()?,
                    uri: current.uri.clone(),
                    metadata: update.metadata.clone().or(current.metadata.as_deref().map(str::parse).transpose()?),
                    fingerprint: update.fingerprint.clone(),
                };
                let integration_id = current.integration_id.clone();
                (new, update.client_id.clone(), Some(current), integration_id)
            }
        };
        let mut identifiers: Vec<Identifier> = new.custom_user_id.as_ref().map(CustomUserId::identifiers).unwrap_or_default();
        identifiers.push(Identifier::ClientId(client_id.as_str().to_string()));
        let given = new.consent_given.given();
        let action = match (given, &current) {
            (true, _) => Action::Granted,
            (false, Some(c)) if c.consent_given.given() => Action::Withdrawn,
            (false, _) => Action::Denied,
        };
        let fp = &new.fingerprint;
        let decision = Decision {
            org_id: writer.org_id.clone(),
            identifiers,
            subject_kind: SubjectKind::Reference,
            subject_id: new.reference.as_str().to_string(),
            action,
            purposes: vec![PurposeDecision { purpose_id: "consent".into(), granted: given }],
            collected_via: writer.collected_via.into(),
            notice_version: None,
            notice_hash: None,
            evidence: serde_json::json!({
                "consent_given": new.consent_given.as_str(),
                "client_id": client_id.as_str(),
                "consent_type": new.consent_type.as_ref().map(ConsentType::as_str),
                "uri": new.uri,
                "metadata": new.metadata.as_ref().map(Metadata::as_str),
                "integration_id": integration_id,
                "ip": fp.ip,
                "proxified_ip": fp.proxified_ip,
                "user_agent": fp.user_agent,
            }),
            actor: writer.actor.clone(),
        };
        let entry = ledger::append(&mut tx, &decision).await?;
        let row = UniversalConsentRow {
            id: current.as_ref().map(|c| c.id.clone()).unwrap_or_else(new_id),
            org_id: writer.org_id.clone(),
            client_id: client_id.as_str().to_string(),
            reference: new.reference.as_str().to_string(),
            principal_id: entry.principal_id.clone(),
            consent_given: new.consent_given,
            custom_user_id: new.custom_user_id.as_ref().map(|c| c.as_str().to_string()),
            uri: new.uri.clone(),
            consent_type: new.consent_type.as_ref().map(|c| c.as_str().to_string()),
            metadata: new.metadata.as_ref().map(|m| m.as_str().to_string()),
            integration_id,
            ip: fp.ip.clone(),
            proxified_ip: fp.proxified_ip.clone(),
            user_agent: fp.user_agent.clone(),
            city: fp.city.clone(),
            region: fp.region.clone(),
            country: fp.country.clone(),
            entry_seq: entry.seq,
            created_at: current.as_ref().map(|c| c.created_at).unwrap_or(now),
            updated_at: now,
        };
        store::upsert(&mut tx, &row).await?;
        let listeners =
            subscriptions::matching(&mut tx, &writer.org_id, row.custom_user_id.as_deref(), &row.reference, row.consent_type.as_deref())
                .await?;
        let jobs = if listeners.is_empty() {
            Vec::new()
        } else {
            let event_type = if current.is_some() { "universalconsent.updated" } else { "universalconsent.recorded" };
            let body = serde_json::json!({
                "type": event_type,
                "timestamp": rfc3339(now),
                "data": record_json(&row),
            })
            .to_string();
            webhooks::enqueue(&mut tx, &listeners, event_type, &body).await?
        };
        tx.commit().await?;
        if let Some(key) = learned_key {
            self.client_id_keys.write().expect("key cache lock").insert(writer.org_id.clone(), key);
        }
        for job in jobs {
            self.outbox.attempt_in_background(job);
        }
        Ok(row)
    }

    // ---- integrations ----

    pub async fn create_integration(&self, caller: &Caller, spec: &IntegrationSpec) -> Result<IntegrationRow> {
        caller.require(Permission::Manage)?;
        spec.banner.validate()?;
        let mut tx = self.ctx.store.begin().await?;
        let row = IntegrationRow {
            id: new_id(),
            org_id: caller.org_id().to_string(),
            name: spec.name.as_str().to_string(),
            allowed_origins: dedup(&spec.allowed_origins),
            banner: spec.banner.clone(),
            created_at: tx.now(),
            updated_at: tx.now(),
        };
        store::insert_integration(&mut tx, &row).await?;
        tx.commit().await?;
        Ok(row)
    }

    pub async fn integrations(&self, caller: &Caller, page: Page) -> Result<Paged<IntegrationRow>> {
        caller.require(Permission::Read)?;
        store::list_integrations(&mut *self.ctx.store.conn().await?, caller.org_id(), page.limit, page.offset).await
    }

    pub async fn integration(&self, caller: &Caller, id: &str) -> Result<IntegrationRow> {
        caller.require(Permission::Read)?;
        store::integration(&mut *self.ctx.store.conn().await?, Some(caller.org_id()), id).await
    }

    /// Changes an integration. Renaming it changes the Reference of consents recorded from
    /// then on; those recorded before keep the name they were given under.
    pub async fn update_integration(&self, caller: &Caller, id: &str, patch: &IntegrationPatch) -> Result<IntegrationRow> {
        caller.require(Permission::Manage)?;
        if let Some(banner) = &patch.banner {
            banner.validate()?;
        }
        let mut tx = self.ctx.store.begin().await?;
        let mut row = store::integration(&mut tx, Some(caller.org_id()), id).await?;
        if let Some(name) = &patch.name {
            row.name = name.as_str().to_string();
        }
        if let Some(origins) = &patch.allowed_origins {
            row.allowed_origins = dedup(origins);
        }
        if let Some(banner) = &patch.banner {
            row.banner = banner.clone();
        }
        row.updated_at = tx.now();
        store::update_integration(&mut tx, &row).await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Deletes an integration that recorded nothing yet; one with consents is evidence of
    /// where they came from.
    pub async fn delete_integration(&self, caller: &Caller, id: &str) -> Result<()> {
        caller.require(Permission::Manage)?;
        let mut tx = self.ctx.store.begin().await?;
        store::integration(&mut tx, Some(caller.org_id()), id).await?;
        let used = store::count_consents_of_integration(&mut tx, caller.org_id(), id).await?;
        if used > 0 {
            return Err(Error::Conflict(format!("the integration recorded {used} consent(s); it is kept as their evidence")));
        }
        store::delete_integration(&mut tx, caller.org_id(), id).await?;
        tx.commit().await
    }
}

fn dedup(origins: &[Origin]) -> Vec<Origin> {
    let set: std::collections::BTreeSet<&Origin> = origins.iter().collect();
    set.into_iter().cloned().collect()
}

/// A record in the seed's full-record shape: what webhook messages carry as `data`.
pub fn record_json(row: &UniversalConsentRow) -> serde_json::Value {
    serde_json::json!({
        "Id": row.id,
        "Created": rfc3339(row.created_at),
        "LastUpdated": rfc3339(row.updated_at),
        "URI": row.uri,
        "ConsentGiven": row.consent_given.as_str(),
        "ConsentType": row.consent_type,
        "Metadata": row.metadata,
        "Reference": row.reference,
        "CustomUserId": row.custom_user_id,
        "ClientId": row.client_id,
    })
}
