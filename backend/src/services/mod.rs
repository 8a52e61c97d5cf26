//! The flows. Each method is one flow: it checks what the caller may do, opens the
//! transaction, changes the aggregates, queues the jobs that must follow, and commits, all or
//! nothing. Dialect handlers and server functions parse their wire format, call one of these,
//! and map the result back; nothing else writes.

pub mod catalog;
pub mod consent_links;
pub mod ledger;
pub mod outbox;
pub mod principals;
pub mod proof;
pub mod tenancy;
pub mod universal;
pub mod webhooks;

use crate::email::Mailer;
use crate::links::LinkLimits;
use crate::store::Store;
use std::sync::Arc;
use std::time::Duration;

/// What the flows need to know about the installation.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The base of every link Assent hands out, without a trailing slash.
    pub public_url: String,
    pub link_limits: LinkLimits,
    /// How long a request waits for the first attempt of a job it queued (an email) before it
    /// answers; the outbox finishes what the attempt did not.
    pub first_attempt_wait: Duration,
    /// Which webhook destinations the address guard lets through beyond public addresses.
    pub webhook_policy: crate::webhooks::AddressPolicy,
    pub webhook_timeouts: crate::webhooks::Timeouts,
    /// Where signed chain heads are written, outside the database (`ASSENT_CHECKPOINT_DIR`).
    pub checkpoint_dir: Option<std::path::PathBuf>,
    /// Seals the organisations' signing keys in the database. A fresh random one unless set:
    /// `assent` loads the deployment's (`KeyEncryptionKey::load`).
    pub key_encryption: crate::proof::KeyEncryptionKey,
}

impl Settings {
    pub fn new(public_url: impl Into<String>) -> Self {
        Self {
            public_url: public_url.into().trim_end_matches('/').to_string(),
            link_limits: LinkLimits::default(),
            first_attempt_wait: Duration::from_secs(2),
            webhook_policy: Default::default(),
            webhook_timeouts: Default::default(),
            checkpoint_dir: None,
            key_encryption: crate::proof::KeyEncryptionKey::random(),
        }
    }
}

/// What every service shares.
#[derive(Clone)]
pub(crate) struct Context {
    pub store: Store,
    pub mailer: Arc<Mailer>,
    pub settings: Arc<Settings>,
}

#[derive(Clone)]
pub struct Services {
    pub tenancy: tenancy::Tenancy,
    pub catalog: catalog::Catalog,
    pub links: consent_links::ConsentLinks,
    pub ledger: ledger::Ledger,
    pub outbox: outbox::Outbox,
    pub universal: universal::UniversalConsents,
    pub webhooks: webhooks::Webhooks,
    pub proof: proof::Proof,
    pub principals: principals::Principals,
    store: Store,
}

impl Services {
    pub fn new(store: Store, mailer: Mailer, settings: Settings) -> Self {
        let ctx = Context { store: store.clone(), mailer: Arc::new(mailer), settings: Arc::new(settings) };
        let outbox = outbox::Outbox::new(ctx.clone());
        Self {
            tenancy: tenancy::Tenancy::new(ctx.clone()),
            catalog: catalog::Catalog::new(ctx.clone()),
            links: consent_links::ConsentLinks::new(ctx.clone(), outbox.clone()),
            ledger: ledger::Ledger::new(ctx.clone()),
            universal: universal::UniversalConsents::new(ctx.clone(), outbox.clone()),
            webhooks: webhooks::Webhooks::new(ctx.clone(), outbox.clone()),
            principals: principals::Principals::new(ctx.clone(), proof::Proof::new(ctx.clone())),
            proof: proof::Proof::new(ctx.clone()),
            outbox,
            store,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }
}
