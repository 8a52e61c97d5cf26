//! Webhook subscriptions and the delivery of consent events to them, signed per the Standard
//! Webhooks specification. A consent's deliveries are written in the consent's transaction
//! (one outbox job each), so an acknowledged consent never loses its events.

use super::outbox::{Failure, Job, Outbox, Outcome};
use super::Context;
use crate::auth::{Caller, Permission};
use crate::store::jobs::JobRow;
use crate::store::webhooks::{self as store, AttemptRow, DeliveryRow, DeliveryStatus, SubscriptionRow};
use crate::store::{new_id, Page, Paged, Tx};
use crate::universal::{ConsentType, CustomUserId, Reference};
use crate::webhooks::{self as signing, AttemptResult, SigningSecret};
use crate::{Error, Result};
use std::time::Duration;

/// What a subscription listens for: each criterion that is set must match.
#[derive(Debug, Clone, Default)]
pub struct Criteria {
    pub custom_user_id: Option<CustomUserId>,
    pub reference: Option<Reference>,
    pub consent_type: Option<ConsentType>,
}

/// A subscription as created or rotated: the secret is shown this once.
#[derive(Debug, Clone)]
pub struct WithSecret {
    pub subscription: SubscriptionRow,
    pub secret: SigningSecret,
}

/// A delivery with its attempts, oldest first.
#[derive(Debug, Clone)]
pub struct DeliveryLog {
    pub delivery: DeliveryRow,
    pub attempts: Vec<AttemptRow>,
}

/// How long the previous secret keeps signing after a rotation, unless the caller says.
pub const DEFAULT_ROTATION_OVERLAP: Duration = Duration::from_secs(24 * 60 * 60);

#[derive(Clone)]
pub struct Webhooks {
    ctx: Context,
    outbox: Outbox,
}

impl Webhooks {
    pub(crate) fn new(ctx: Context, outbox: Outbox) -> Self {
        Self { ctx, outbox }
    }

    /// Subscribes `url` to the organisation's consent events that match `criteria`. A URL the
    /// address guard refuses is an invalid `WebhookUrl`, with the reason.
    pub async fn subscribe(&self, caller: &Caller, url: &str, criteria: &Criteria) -> Result<WithSecret> {
        caller.require(Permission::Manage)?;
        let checked = signing::check_url(&self.ctx.settings.webhook_policy, url).await.map_err(|why| Error::invalid("WebhookUrl", why))?;
        let secret = SigningSecret::generate();
        let mut tx = self.ctx.store.begin().await?;
        let subscription = SubscriptionRow {
            id: new_id(),
            org_id: caller.org_id().to_string(),
            url: checked.url.to_string(),
            custom_user_id: criteria.custom_user_id.as_ref().map(|c| c.as_str().to_string()),
            reference: criteria.reference.as_ref().map(|r| r.as_str().to_string()),
            consent_type: criteria.consent_type.as_ref().map(|c| c.as_str().to_string()),
            secret: secret.to_whsec(),
            previous_secret: None,
            previous_secret_until: None,
            paused_at: None,
            disabled_at: None,
            disabled_reason: None,
            created_by: caller.actor().to_string(),
            created_at: tx.now(),
        };
        store::insert_subscription(&mut tx, &subscription).await?;
        tx.commit().await?;
        Ok(WithSecret { subscription, secret })
    }

    pub async fn subscriptions(&self, caller: &Caller, page: Page) -> Result<Paged<SubscriptionRow>> {
        caller.require(Permission::Read)?;
        store::list_subscriptions(&mut *self.ctx.store.conn().await?, caller.org_id(), page).await
    }

    pub async fn subscription(&self, caller: &Caller, id: &str) -> Result<SubscriptionRow> {
        caller.require(Permission::Read)?;
        store::subscription(&mut *self.ctx.store.conn().await?, caller.org_id(), id).await
    }

    /// Pauses (no new deliveries are made for it) or resumes a subscription. Resuming also
    /// re-enables one that a receiver's 410 disabled.
    pub async fn set_paused(&self, caller: &Caller, id: &str, paused: bool) -> Result<SubscriptionRow> {
        caller.require(Permission::Manage)?;
        let mut tx = self.ctx.store.begin().await?;
        let mut s = store::subscription(&mut tx, caller.org_id(), id).await?;
        if paused {
            s.paused_at = s.paused_at.or(Some(tx.now()));
        } else {
            s.paused_at = None;
            s.disabled_at = None;
            s.disabled_reason = None;
        }
        store::update_state(&mut tx, &s, None).await?;
        tx.commit().await?;
        Ok(s)
    }

    /// Deletes a subscription; deliveries still pending fail at their next attempt.
    pub async fn delete(&self, caller: &Caller, id: &str) -> Result<()> {
        caller.require(Permission::Manage)?;
        let mut tx = self.ctx.store.begin().await?;
        let s = store::subscription(&mut tx, caller.org_id(), id).await?;
        let now = tx.now();
        store::update_state(&mut tx, &s, Some(now)).await?;
        tx.commit().await
    }

    /// A new signing secret; the previous one keeps signing beside it for `overlap`, so the
    /// receiver can switch without missing a message.
    pub async fn rotate_secret(&self, caller: &Caller, id: &str, overlap: Duration) -> Result<WithSecret> {
        caller.require(Permission::Manage)?;
        if overlap > Duration::from_secs(7 * 24 * 60 * 60) {
            return Err(Error::invalid("overlap_seconds", "must be at most 7 days"));
        }
        let secret = SigningSecret::generate();
        let mut tx = self.ctx.store.begin().await?;
        let mut s = store::subscription(&mut tx, caller.org_id(), id).await?;
        s.previous_secret = Some(std::mem::replace(&mut s.secret, secret.to_whsec()));
        s.previous_secret_until = Some(tx.now() + overlap.as_millis() as i64);
        store::update_state(&mut tx, &s, None).await?;
        tx.commit().await?;
        Ok(WithSecret { subscription: s, secret })
    }

    pub async fn deliveries(&self, caller: &Caller, subscription_id: &str, page: Page) -> Result<Paged<DeliveryRow>> {
        caller.require(Permission::Read)?;
        let mut c = self.ctx.store.conn().await?;
        store::subscription(&mut c, caller.org_id(), subscription_id).await?;
        store::list_deliveries(&mut c, caller.org_id(), subscription_id, page).await
    }

    pub async fn delivery(&self, caller: &Caller, id: &str) -> Result<DeliveryLog> {
        caller.require(Permission::Read)?;
        let mut c = self.ctx.store.conn().await?;
        let delivery = store::delivery(&mut c, Some(caller.org_id()), id).await?;
        let attempts = store::attempts(&mut c, id).await?;
        Ok(DeliveryLog { delivery, attempts })
    }

    /// Sends a delivery again, now, with the same `webhook-id` (a receiver that already has it
    /// can tell). Its attempts continue from where they were.
    pub async fn redeliver(&self, caller: &Caller, id: &str) -> Result<DeliveryRow> {
        caller.require(Permission::Manage)?;
        let mut tx = self.ctx.store.begin().await?;
        let mut delivery = store::delivery(&mut tx, Some(caller.org_id()), id).await?;
        store::subscription(&mut tx, caller.org_id(), &delivery.subscription_id).await?;
        delivery.status = DeliveryStatus::Pending;
        delivery.next_attempt_at = Some(tx.now());
        store::update_delivery(&mut tx, &delivery).await?;
        let job = Outbox::enqueue(&mut tx, caller.org_id(), &Job::WebhookDelivery { delivery_id: delivery.id.clone() }, true).await?;
        tx.commit().await?;
        self.outbox.attempt_in_background(job);
        Ok(delivery)
    }
}

/// Queues one delivery of `body` to each subscription, in the caller's transaction; the jobs
/// are leased to the caller, who starts them after the commit ([`Outbox::attempt_in_background`]).
pub(crate) async fn enqueue(tx: &mut Tx, subscriptions: &[SubscriptionRow], event_type: &str, body: &str) -> Result<Vec<JobRow>> {
    let mut jobs = Vec::with_capacity(subscriptions.len());
    for s in subscriptions {
        let delivery = DeliveryRow {
            id: format!("msg_{}", uuid::Uuid::new_v4().simple()),
            org_id: s.org_id.clone(),
            subscription_id: s.id.clone(),
            event_type: event_type.to_string(),
            body: body.to_string(),
            status: DeliveryStatus::Pending,
            attempts: 0,
            last_status: None,
            last_error: None,
            next_attempt_at: Some(tx.now()),
            delivered_at: None,
            created_at: tx.now(),
        };
        store::insert_delivery(tx, &delivery).await?;
        jobs.push(Outbox::enqueue(tx, &s.org_id, &Job::WebhookDelivery { delivery_id: delivery.id }, true).await?);
    }
    Ok(jobs)
}

/// What one attempt at a delivery did, for `record_attempt`.
#[derive(Debug, Clone)]
pub(crate) struct AttemptReport {
    pub delivery_id: String,
    pub subscription_id: String,
    pub started_at: i64,
    pub result: AttemptResult,
    pub failure: Option<Failure>,
    /// The receiver answered 410 Gone: the subscription is disabled.
    pub gone: bool,
}

impl AttemptReport {
    /// An attempt that sent nothing and never will: the job is given up with `reason`.
    fn given_up(delivery_id: String, subscription_id: String, started_at: i64, reason: String) -> Self {
        AttemptReport {
            delivery_id,
            subscription_id,
            started_at,
            result: AttemptResult::unsent(Some(reason.clone())),
            failure: Some(Failure { reason, permanent: true, not_before_ms: None }),
            gone: false,
        }
    }
}

/// One attempt at a delivery: signs the stored body with the subscription's secrets (both
/// during a rotation's overlap) and posts it through the address guard.
pub(crate) async fn attempt(ctx: &Context, delivery_id: &str) -> Result<AttemptReport> {
    let mut c = ctx.store.conn().await?;
    let started_at = ctx.store.now();
    let delivery = match store::delivery(&mut c, None, delivery_id).await {
        Ok(d) => d,
        // A job whose delivery is gone can never succeed: give it up rather than retry it forever.
        Err(Error::NotFound(_)) => {
            return Ok(AttemptReport::given_up(
                delivery_id.into(),
                String::new(),
                started_at,
                format!("delivery {delivery_id} does not exist"),
            ))
        }
        Err(e) => return Err(e),
    };
    let not_sent = |reason: String| AttemptReport::given_up(delivery.id.clone(), delivery.subscription_id.clone(), started_at, reason);
    let subscription = match store::subscription(&mut c, &delivery.org_id, &delivery.subscription_id).await {
        Ok(s) => s,
        Err(Error::NotFound(_)) => return Ok(not_sent("the subscription was deleted".into())),
        Err(e) => return Err(e),
    };
    drop(c);
    if subscription.disabled_at.is_some() {
        return Ok(not_sent(format!(
            "the subscription is disabled ({}); resume it, then redeliver",
            subscription.disabled_reason.as_deref().unwrap_or("no reason recorded")
        )));
    }
    if subscription.paused_at.is_some() {
        return Ok(not_sent("the subscription is paused; resume it, then redeliver".into()));
    }
    let mut secrets = vec![SigningSecret::parse(&subscription.secret).map_err(|e| Error::corrupt("webhook secret", e))?];
    if let (Some(previous), Some(until)) = (&subscription.previous_secret, subscription.previous_secret_until) {
        if started_at < until {
            secrets.push(SigningSecret::parse(previous).map_err(|e| Error::corrupt("webhook secret", e))?);
        }
    }
    let timestamp = started_at / 1000;
    let body = delivery.body.clone().into_bytes();
    let signature = signing::signature_header(&secrets.iter().collect::<Vec<_>>(), &delivery.id, timestamp, &body);
    let headers = vec![
        ("webhook-id".to_string(), delivery.id.clone()),
        ("webhook-timestamp".to_string(), timestamp.to_string()),
        ("webhook-signature".to_string(), signature),
    ];
    let result = signing::post(&ctx.settings.webhook_policy, &subscription.url, &headers, body, ctx.settings.webhook_timeouts).await;
    let status = result.status;
    let not_before_ms = result.retry_after_secs.map(|s| s as i64 * 1000);
    let failure = match (status, &result.error) {
        (Some(s), _) if (200..300).contains(&s) => None,
        (Some(410), _) => Some(Failure {
            reason: "the receiver answered 410 Gone; the subscription is disabled".into(),
            permanent: true,
            not_before_ms: None,
        }),
        (Some(s), _) => Some(Failure { reason: format!("the receiver answered {s}"), permanent: false, not_before_ms }),
        // The guard refusing the address now (DNS changed since the subscription) may pass
        // later; a connection error or timeout surely may.
        (None, error) => {
            Some(Failure { reason: error.clone().unwrap_or_else(|| "no response".into()), permanent: false, not_before_ms: None })
        }
    };
    Ok(AttemptReport {
        delivery_id: delivery.id.clone(),
        subscription_id: delivery.subscription_id.clone(),
        started_at,
        result,
        failure,
        gone: status == Some(410),
    })
}

/// Records an attempt on its delivery, in the outbox's transaction for the job's outcome.
pub(crate) async fn record_attempt(tx: &mut Tx, report: &AttemptReport, outcome: &Outcome, next_attempt_at: Option<i64>) -> Result<()> {
    let mut delivery = match store::delivery(tx, None, &report.delivery_id).await {
        Ok(d) => d,
        // Nothing to record on: the job's own row says why it was given up.
        Err(Error::NotFound(_)) => return Ok(()),
        Err(e) => return Err(e),
    };
    delivery.attempts += 1;
    let r = &report.result;
    store::insert_attempt(
        tx,
        &AttemptRow {
            delivery_id: delivery.id.clone(),
            attempt: delivery.attempts,
            started_at: report.started_at,
            duration_ms: r.duration_ms,
            response_status: r.status.map(i64::from),
            error: r.error.clone(),
            response_body: (!r.response_snippet.is_empty()).then(|| r.response_snippet.clone()),
        },
    )
    .await?;
    delivery.last_status = r.status.map(i64::from);
    delivery.last_error = match outcome {
        Outcome::Done => None,
        Outcome::Retrying(reason) | Outcome::GaveUp(reason) => Some(reason.clone()),
    };
    delivery.next_attempt_at = next_attempt_at;
    match outcome {
        Outcome::Done => {
            delivery.status = DeliveryStatus::Delivered;
            delivery.delivered_at = Some(tx.now());
        }
        Outcome::Retrying(_) => delivery.status = DeliveryStatus::Pending,
        Outcome::GaveUp(_) => delivery.status = DeliveryStatus::Failed,
    }
    store::update_delivery(tx, &delivery).await?;
    if report.gone {
        let now = tx.now();
        store::disable(tx, &report.subscription_id, "the receiver answered 410 Gone", now).await?;
    }
    Ok(())
}
