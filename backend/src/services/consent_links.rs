//! Consent links: creating and regenerating them (with the branded email), the hosted page's
//! view of one, the person's decisions through it, and the dialect's status and history.

use super::outbox::{Job, Outbox, Outcome, MAX_ATTEMPTS};
use super::Context;
use crate::auth::{Actor, Caller, Permission};
use crate::email::{ConsentLinkEmail, SendError};
use crate::i18n::{self, Locale, Overrides};
use crate::ledger::{Action, Decision, Identifier, LedgerEntry, PurposeDecision, SubjectKind};
use crate::links::{
    consent_action_word, link_url, EmailDelivery, ExpiryHours, LinkChoice, LinkEvidence, DAY_MS, DECISIONS_PER_LINK_PER_HOUR,
    STATUS_LOG_LIMIT,
};
use crate::store::catalog::{self as catalog, CollectionPointRow};
use crate::store::links::{self as store, ConsentRequestRow, History, HistoryFilter, RequestLog};
use crate::store::tenancy::{self as tenancy, OrgRow};
use crate::store::{ledger, new_id, Page, Tx};
use crate::types::{Email, Phone};
use crate::{human_utc, Error, Result};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct NewConsentLink {
    /// UUID or display id.
    pub collection_point: String,
    pub asset_id: String,
    pub phone: Phone,
    pub email: Option<Email>,
    pub expiry: ExpiryHours,
    pub data_collected_at: Option<i64>,
}

/// A request with its current link.
#[derive(Debug, Clone)]
pub struct LinkedRequest {
    pub request: ConsentRequestRow,
    pub collection_point: CollectionPointRow,
    /// The URL of the current link instance.
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct CreatedLink {
    pub linked: LinkedRequest,
    /// Where the email stands when the call answers; `None` without email.
    pub email: Option<EmailDelivery>,
}

/// The management view of one request: what the dialect leaves out.
#[derive(Debug, Clone)]
pub struct RequestDetails {
    pub linked: LinkedRequest,
    pub dp_id: String,
}

/// One decision made through a request, with the names its purposes had in the version shown.
#[derive(Debug, Clone)]
pub struct StatusLog {
    pub log: RequestLog,
    pub purposes: Vec<(PurposeDecision, Option<String>)>,
}

#[derive(Debug, Clone)]
pub struct RequestStatusView {
    pub request: ConsentRequestRow,
    /// Gone only if it was deleted, which consents prevent.
    pub collection_point: Option<CollectionPointRow>,
    pub logs: Vec<StatusLog>,
    pub now: i64,
}

#[derive(Debug, Clone, Default)]
pub struct HistoryQuery {
    pub asset_id: String,
    /// UUID or display id; an unknown one matches nothing.
    pub collection_point: Option<String>,
    pub link_id: Option<String>,
    pub dp_id: Option<String>,
    pub from: Option<i64>,
    /// Defaults to now.
    pub to: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct HistoryView {
    pub history: History,
    pub from: Option<i64>,
    pub to: i64,
    pub now: i64,
}

/// The three segments of a consent link's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPath {
    pub subdomain: String,
    pub display_id: String,
    pub link_id: String,
}

/// What the person sees on a live link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageState {
    /// Waiting for the person's first decision.
    Open,
    /// Decided; the person may change or withdraw.
    Decided,
    /// Not answered in time.
    Expired,
}

#[derive(Debug, Clone)]
pub enum HostedPage {
    /// No such link (or the path does not match it).
    Unknown,
    /// A newer link replaced this one.
    Replaced {
        org: OrgRow,
    },
    Live(Box<LivePage>),
}

#[derive(Debug, Clone)]
pub struct LivePage {
    pub org: OrgRow,
    pub request: ConsentRequestRow,
    pub collection_point: CollectionPointRow,
    pub state: PageState,
    /// The notice language shown: the one asked for if the admin wrote it, else English,
    /// else the first there is.
    pub notice_lang: String,
    /// The person's current choice per purpose id, once they decided.
    pub granted: HashMap<String, bool>,
    /// The newest decision.
    pub receipt: Option<RequestLog>,
}

#[derive(Clone)]
pub struct ConsentLinks {
    ctx: Context,
    outbox: Outbox,
}

impl ConsentLinks {
    pub(crate) fn new(ctx: Context, outbox: Outbox) -> Self {
        Self { ctx, outbox }
    }

    fn url(&self, org: &OrgRow, cp: &CollectionPointRow, link_id: &str) -> String {
        link_url(&self.ctx.settings.public_url, &org.subdomain, &cp.display_id, link_id)
    }

    /// Creates a request and its first link instance, and queues its email in the same
    /// commit. The person is resolved (or created) from the phone and email, so their consents
    /// through any surface share one history. Answers after the commit and the email's first
    /// attempt, which is bounded by `Settings::first_attempt_wait`.
    pub async fn create(&self, caller: &Caller, new: &NewConsentLink) -> Result<CreatedLink> {
        caller.require(Permission::RecordConsent)?;
        let org_id = caller.org_id();
        let limits = self.ctx.settings.link_limits;
        let mut tx = self.ctx.store.begin().await?;
        let now = tx.now();
        let cp = catalog::collection_point(&mut tx, org_id, &new.collection_point).await?;
        if cp.asset_id != new.asset_id {
            return Err(Error::invalid("asset_id", "does not match the collection point's asset"));
        }
        check_link_limit(&mut tx, org_id, "phone", new.phone.as_str(), limits.per_phone_per_day).await?;
        if let Some(email) = &new.email {
            check_link_limit(&mut tx, org_id, "email", email.as_str(), limits.per_email_per_day).await?;
        }
        let mut identifiers = vec![Identifier::Phone(new.phone.as_str().to_string())];
        if let Some(email) = &new.email {
            identifiers.push(Identifier::Email(email.as_str().to_string()));
        }
        let principal = ledger::resolve_principal(&mut tx, org_id, &identifiers, now).await?;
        let request = ConsentRequestRow {
            id: new_id(),
            org_id: org_id.to_string(),
            asset_id: cp.asset_id.clone(),
            collection_point_id: cp.id.clone(),
            principal_id: principal.id,
            phone: new.phone.as_str().to_string(),
            email: new.email.as_ref().map(|e| e.as_str().to_string()),
            data_collected_at: new.data_collected_at.unwrap_or(now),
            created_at: now,
            expires_at: now + new.expiry.millis(),
            link_id: new_id(),
            regeneration_count: 0,
            completed_at: None,
            consent_action: None,
            email_status: new.email.as_ref().map(|_| EmailDelivery::Pending.as_str().to_string()),
            email_error: None,
            created_by: caller.actor().to_string(),
        };
        store::insert_request(&mut tx, &request).await?;
        store::insert_instance(&mut tx, &request.link_id, &request.id, now, request.expires_at).await?;
        let job = match &request.email {
            Some(_) => Some(Outbox::enqueue(&mut tx, org_id, &Job::ConsentLinkEmail { request_id: request.id.clone() }, true).await?),
            None => None,
        };
        tx.commit().await?;

        let email = match job {
            None => None,
            Some(job) => Some(match self.outbox.attempt_now(job, self.ctx.settings.first_attempt_wait).await {
                Some(Outcome::Done) => EmailDelivery::Sent,
                Some(Outcome::Retrying(_) | Outcome::GaveUp(_)) => EmailDelivery::Failed,
                None => EmailDelivery::Pending,
            }),
        };
        let request = store::request(&mut *self.ctx.store.conn().await?, org_id, &request.id).await?;
        let url = self.url(&caller.org, &cp, &request.link_id);
        Ok(CreatedLink { linked: LinkedRequest { request, collection_point: cp, url }, email })
    }

    /// Issues a new link instance for the same request; the previous link stops working at once.
    pub async fn regenerate(&self, caller: &Caller, request_id: &str, expiry: ExpiryHours) -> Result<LinkedRequest> {
        caller.require(Permission::RecordConsent)?;
        let org_id = caller.org_id();
        let mut tx = self.ctx.store.begin().await?;
        let current = store::request(&mut tx, org_id, request_id).await?;
        if current.completed_at.is_some() {
            return Err(Error::invalid("request_id", "consent was already given through this request; it cannot be regenerated"));
        }
        let now = tx.now();
        store::replace_instance(&mut tx, org_id, request_id, &new_id(), now, now + expiry.millis()).await?;
        let request = store::request(&mut tx, org_id, request_id).await?;
        let cp = catalog::collection_point(&mut tx, org_id, &request.collection_point_id).await?;
        tx.commit().await?;
        let url = self.url(&caller.org, &cp, &request.link_id);
        Ok(LinkedRequest { request, collection_point: cp, url })
    }

    /// One request, as the dashboard shows it.
    pub async fn details(&self, caller: &Caller, request_id: &str) -> Result<RequestDetails> {
        caller.require(Permission::Read)?;
        let mut c = self.ctx.store.conn().await?;
        let request = store::request(&mut c, caller.org_id(), request_id).await?;
        let cp = catalog::collection_point(&mut c, caller.org_id(), &request.collection_point_id).await?;
        let dp_id = ledger::dp_id(&mut c, caller.org_id(), &request.principal_id).await?;
        let url = self.url(&caller.org, &cp, &request.link_id);
        Ok(RequestDetails { linked: LinkedRequest { request, collection_point: cp, url }, dp_id })
    }

    /// A request's state and every decision made through it (seed 002).
    pub async fn status(&self, caller: &Caller, request_id: &str) -> Result<RequestStatusView> {
        caller.require(Permission::Read)?;
        let org_id = caller.org_id();
        let mut c = self.ctx.store.conn().await?;
        let request = store::request(&mut c, org_id, request_id).await?;
        let collection_point = match catalog::collection_point(&mut c, org_id, &request.collection_point_id).await {
            Ok(cp) => Some(cp),
            Err(Error::NotFound(_)) => None,
            Err(e) => return Err(e),
        };
        let mut versions: HashMap<i64, Option<CollectionPointRow>> = HashMap::new();
        let mut logs = Vec::new();
        for log in store::logs(&mut c, org_id, request_id, STATUS_LOG_LIMIT).await? {
            let version = log.entry.notice_version.unwrap_or(1);
            if let std::collections::hash_map::Entry::Vacant(slot) = versions.entry(version) {
                slot.insert(match catalog::collection_point_version(&mut c, org_id, &log.entry.subject_id, version).await {
                    Ok(v) => Some(v),
                    Err(Error::NotFound(_)) => None,
                    Err(e) => return Err(e),
                });
            }
            let shown = versions.get(&version).and_then(Option::as_ref);
            let purposes = log
                .entry
                .purposes()?
                .into_iter()
                .map(|p| {
                    let name = shown.and_then(|v| v.purposes.iter().find(|x| x.id == p.purpose_id)).map(|x| x.name.clone());
                    (p, name)
                })
                .collect();
            logs.push(StatusLog { log, purposes });
        }
        Ok(RequestStatusView { request, collection_point, logs, now: self.ctx.store.now() })
    }

    /// Requests for one asset, newest first, with counts (seed 001).
    pub async fn history(&self, caller: &Caller, query: &HistoryQuery, page: Page) -> Result<HistoryView> {
        caller.require(Permission::Read)?;
        let org_id = caller.org_id();
        let now = self.ctx.store.now();
        if query.from.is_some_and(|f| f > now) {
            return Err(Error::invalid("from", "must be in the past"));
        }
        let to = query.to.unwrap_or(now);
        let mut c = self.ctx.store.conn().await?;
        let collection_point_id = match &query.collection_point {
            None => None,
            Some(id) => match catalog::collection_point(&mut c, org_id, id).await {
                Ok(cp) => Some(cp.id),
                // Matches nothing, rather than everything.
                Err(Error::NotFound(_)) => Some(format!("unknown:{id}")),
                Err(e) => return Err(e),
            },
        };
        let filter = HistoryFilter {
            asset_id: query.asset_id.clone(),
            collection_point_id,
            link_id: query.link_id.clone(),
            dp_id: query.dp_id.clone(),
            from: query.from,
            to,
        };
        let history = store::history(&mut c, org_id, &filter, page, now).await?;
        Ok(HistoryView { history, from: query.from, to, now })
    }

    /// What the hosted page shows for `/{subdomain}/{display_id}/{link_id}`.
    pub async fn page(&self, path: &LinkPath, lang: Option<&str>) -> Result<HostedPage> {
        let mut c = self.ctx.store.conn().await?;
        let Some((org, instance_superseded, request, cp)) = resolve_path(&mut c, path).await? else {
            return Ok(HostedPage::Unknown);
        };
        if instance_superseded {
            return Ok(HostedPage::Replaced { org });
        }
        let now = self.ctx.store.now();
        let decided = request.completed_at.is_some();
        let state = if decided {
            PageState::Decided
        } else if now >= request.expires_at {
            PageState::Expired
        } else {
            PageState::Open
        };
        let wanted = lang.unwrap_or_default().trim().to_ascii_lowercase();
        let notice_lang = [wanted.as_str(), "en"]
            .into_iter()
            .find(|l| cp.notices.contains_key(*l))
            .map(str::to_string)
            .or_else(|| cp.notices.keys().next().cloned())
            .unwrap_or_else(|| "en".into());
        let granted = if decided {
            ledger::current_consents(&mut c, &org.id, &request.principal_id, &cp.id).await?.into_iter().collect()
        } else {
            HashMap::new()
        };
        let receipt = if decided { store::logs(&mut c, &org.id, &request.id, 1).await?.pop() } else { None };
        Ok(HostedPage::Live(Box::new(LivePage { org, request, collection_point: cp, state, notice_lang, granted, receipt })))
    }

    /// Records the person's choice made through a link: a ledger entry, the per-purpose state
    /// and the request's status, in one transaction. An unknown link is `NotFound`; an expired
    /// or replaced one is `Forbidden`; one that took too many decisions this hour is
    /// `RateLimited`. Making the same decision as the last one changes nothing and returns the
    /// entry that recorded it.
    pub async fn decide(&self, path: &LinkPath, choice: &LinkChoice, evidence: &LinkEvidence) -> Result<(ConsentRequestRow, LedgerEntry)> {
        let (org, request, current) = {
            let mut c = self.ctx.store.conn().await?;
            let Some((org, superseded, request, cp)) = resolve_path(&mut c, path).await? else {
                return Err(Error::NotFound("consent link"));
            };
            if superseded {
                return Err(Error::Forbidden("this consent link was replaced by a newer one"));
            }
            (org, request, cp)
        };
        if request.completed_at.is_none() && self.ctx.store.now() >= request.expires_at {
            return Err(Error::Forbidden("this consent link has expired"));
        }
        if matches!(choice, LinkChoice::Withdraw) && request.completed_at.is_none() {
            return Err(Error::invalid("decision", "there is no consent to withdraw yet"));
        }
        let shown = match evidence.shown_version {
            Some(v) if v != current.version => {
                match catalog::collection_point_version(&mut *self.ctx.store.conn().await?, &org.id, &current.id, v).await {
                    Ok(shown) => shown,
                    Err(Error::NotFound(_)) => current,
                    Err(e) => return Err(e),
                }
            }
            _ => current,
        };
        let decisions: Vec<PurposeDecision> = shown
            .purposes
            .iter()
            .map(|p| PurposeDecision {
                purpose_id: p.id.clone(),
                granted: match choice {
                    LinkChoice::ApproveAll => true,
                    LinkChoice::DeclineAll | LinkChoice::Withdraw => false,
                    LinkChoice::Choose(ticked) => p.required || ticked.contains(&p.id),
                },
            })
            .collect();
        let word = consent_action_word(choice, &decisions);
        let action = match choice {
            LinkChoice::Withdraw => Action::Withdrawn,
            _ if decisions.iter().all(|d| d.granted) => Action::Granted,
            _ => Action::Denied,
        };
        let mut identifiers = vec![Identifier::Phone(request.phone.clone())];
        if let Some(email) = &request.email {
            identifiers.push(Identifier::Email(email.clone()));
        }
        let decision = Decision {
            org_id: org.id.clone(),
            identifiers,
            subject_kind: SubjectKind::CollectionPoint,
            subject_id: shown.id.clone(),
            action,
            purposes: decisions,
            collected_via: "consent_link".into(),
            notice_version: Some(shown.version),
            notice_hash: Some(shown.content_hash.clone()),
            // `link_event_id` is the link instance, in the words the audit API has always used.
            evidence: serde_json::json!({
                "ip": evidence.ip,
                "user_agent": evidence.user_agent,
                "language": evidence.language,
                "request_id": request.id,
                "link_event_id": path.link_id,
                "consent_action": word,
            }),
            actor: Actor::Principal.to_string(),
        };
        let mut tx = self.ctx.store.begin().await?;
        let now = tx.now();
        // Re-checked under the write lock: a regeneration that committed meanwhile wins.
        if store::instance(&mut tx, &path.link_id).await?.and_then(|i| i.superseded_at).is_some() {
            return Err(Error::Forbidden("this consent link was replaced by a newer one"));
        }
        if let Some(last) = store::logs(&mut tx, &org.id, &request.id, 1).await?.pop() {
            if last.action == word && last.entry.purposes()? == decision.purposes {
                let request = store::request(&mut tx, &org.id, &request.id).await?;
                return Ok((request, last.entry));
            }
        }
        let hour_ago = now - 60 * 60 * 1000;
        if store::decisions_since(&mut tx, &path.link_id, hour_ago).await? >= DECISIONS_PER_LINK_PER_HOUR {
            return Err(Error::RateLimited { retry_after_secs: 15 * 60 });
        }
        let entry = ledger::append(&mut tx, &decision).await?;
        store::record_decision(&mut tx, &request.id, &entry, &path.link_id, word).await?;
        let request = store::request(&mut tx, &org.id, &request.id).await?;
        tx.commit().await?;
        Ok((request, entry))
    }
}

/// The link a path names, if the path matches it: its organisation, whether a newer instance
/// replaced it, its request and the request's collection point (current version).
async fn resolve_path(
    c: &mut sqlx::AnyConnection,
    path: &LinkPath,
) -> Result<Option<(OrgRow, bool, ConsentRequestRow, CollectionPointRow)>> {
    let Some(org) = tenancy::org_by_subdomain(c, &path.subdomain).await? else {
        return Ok(None);
    };
    let Some(instance) = store::instance(c, &path.link_id).await? else {
        return Ok(None);
    };
    if instance.org_id != org.id {
        return Ok(None);
    }
    let request = store::request(c, &org.id, &instance.request_id).await?;
    let cp = match catalog::collection_point(c, &org.id, &request.collection_point_id).await {
        Ok(cp) => cp,
        Err(Error::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    if cp.display_id != path.display_id {
        return Ok(None);
    }
    Ok(Some((org, instance.superseded_at.is_some(), request, cp)))
}

/// At most `limit` requests per phone (or email) in 24 hours.
async fn check_link_limit(tx: &mut Tx, org_id: &str, column: &'static str, value: &str, limit: i64) -> Result<()> {
    let now = tx.now();
    let (count, oldest) = store::recent_requests(tx, org_id, column, value, now - DAY_MS).await?;
    if count >= limit {
        let retry_after_secs = ((oldest.unwrap_or(now) + DAY_MS - now) / 1000).max(1) as u64;
        return Err(Error::RateLimited { retry_after_secs });
    }
    Ok(())
}

/// The outbox's `ConsentLinkEmail` job: sends a request's branded email.
pub(crate) async fn send_link_email(ctx: &Context, org_id: &str, request_id: &str) -> std::result::Result<(), SendError> {
    let unreadable = |e: Error| SendError { reason: format!("could not read the request: {e}"), permanent: !e.is_internal() };
    let (org, request, cp, locale, overrides) = async {
        let mut c = ctx.store.conn().await?;
        let org = tenancy::org(&mut c, org_id).await?;
        let request = store::request(&mut c, org_id, request_id).await?;
        let cp = catalog::collection_point(&mut c, org_id, &request.collection_point_id).await?;
        let locale = email_locale(&cp);
        let overrides = Overrides::new(tenancy::message_overrides(&mut c, org_id, locale.code()).await?.into_iter().collect());
        Ok::<_, Error>((org, request, cp, locale, overrides))
    }
    .await
    .map_err(unreadable)?;
    let Some(to) = &request.email else { return Ok(()) };
    let mut link = link_url(&ctx.settings.public_url, &org.subdomain, &cp.display_id, &request.link_id);
    if locale.code() != i18n::SOURCE_LANGUAGE {
        link = format!("{link}?lang={}", locale.code());
    }
    let expires_at = human_utc(request.expires_at);
    let mail = ConsentLinkEmail {
        to,
        locale,
        overrides: &overrides,
        org_name: &org.brand_name,
        brand_color: &org.brand_color,
        logo_url: org.logo_url.as_deref(),
        collection_point_name: &cp.name,
        link: &link,
        expires_at: &expires_at,
    };
    ctx.mailer.send_consent_link(&mail).await
}

/// The language of a link's email: the notice's, English when the notice has it, else the
/// first of the notice's languages that Assent speaks, so the email and the page it opens agree.
fn email_locale(cp: &CollectionPointRow) -> &'static Locale {
    let catalogue = i18n::catalogue();
    if cp.notices.contains_key(i18n::SOURCE_LANGUAGE) {
        return catalogue.source();
    }
    cp.notices.keys().find_map(|code| catalogue.locale(code)).unwrap_or_else(|| catalogue.source())
}

/// Shows an attempt's outcome on the request, in the attempt's transaction.
pub(crate) async fn record_email_outcome(tx: &mut Tx, request_id: &str, attempts: i64, outcome: &Outcome) -> Result<()> {
    let (status, error) = match outcome {
        Outcome::Done => (EmailDelivery::Sent, None),
        Outcome::Retrying(reason) => (EmailDelivery::Failed, Some(format!("{reason} (attempt {attempts} of {MAX_ATTEMPTS}; retrying)"))),
        Outcome::GaveUp(reason) if attempts >= MAX_ATTEMPTS => {
            (EmailDelivery::Failed, Some(format!("{reason} (gave up after {attempts} attempts)")))
        }
        Outcome::GaveUp(reason) => (EmailDelivery::Failed, Some(reason.clone())),
    };
    store::set_email_delivery(tx, request_id, status.as_str(), error.as_deref()).await
}
