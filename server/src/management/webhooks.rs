//! `/api/v1/webhooks`: the organisation's webhook subscriptions (created through the
//! universal-consent dialect's `subscribe`), their deliveries, and redelivery.

use super::{ApiId, ApiJson, ApiPath, ApiQuery, ApiResult, Caller, PageParams};
use crate::state::AppState;
use app::dto::{
    PatchWebhookSubscription, RotateWebhookSecret, RotatedWebhookSecret, WebhookAttemptDto, WebhookDeliveryDetail, WebhookDeliveryDto,
    WebhookDeliveryPage, WebhookSubscriptionDto, WebhookSubscriptionPage,
};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use backend::rfc3339;
use backend::services::webhooks::DEFAULT_ROTATION_OVERLAP;
use backend::store::webhooks::{AttemptRow, DeliveryRow, SubscriptionRow};
use std::time::Duration;

pub fn subscription_dto(s: SubscriptionRow) -> WebhookSubscriptionDto {
    let status = if s.disabled_at.is_some() {
        "disabled"
    } else if s.paused_at.is_some() {
        "paused"
    } else {
        "active"
    };
    WebhookSubscriptionDto {
        id: s.id,
        url: s.url,
        custom_user_id: s.custom_user_id,
        reference: s.reference,
        consent_type: s.consent_type,
        status: status.into(),
        disabled_reason: s.disabled_reason,
        previous_secret_until: s.previous_secret_until.map(rfc3339),
        created_at: rfc3339(s.created_at),
    }
}

pub fn delivery_dto(d: &DeliveryRow) -> WebhookDeliveryDto {
    WebhookDeliveryDto {
        id: d.id.clone(),
        subscription_id: d.subscription_id.clone(),
        event_type: d.event_type.clone(),
        status: d.status.as_str().into(),
        attempts: d.attempts,
        last_status: d.last_status,
        last_error: d.last_error.clone(),
        next_attempt_at: d.next_attempt_at.map(rfc3339),
        delivered_at: d.delivered_at.map(rfc3339),
        created_at: rfc3339(d.created_at),
    }
}

fn attempt_dto(a: AttemptRow) -> WebhookAttemptDto {
    WebhookAttemptDto {
        attempt: a.attempt,
        started_at: rfc3339(a.started_at),
        duration_ms: a.duration_ms,
        response_status: a.response_status,
        error: a.error,
        response_body: a.response_body,
    }
}

/// Lists the organisation's subscriptions, newest first.
#[utoipa::path(get, path = "/api/v1/webhooks", tag = "webhooks", params(PageParams),
    responses((status = 200, body = WebhookSubscriptionPage)), security(("session" = []), ("api_key" = [])))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<PageParams>,
) -> ApiResult<Json<WebhookSubscriptionPage>> {
    let page = params.page()?;
    let res = state.services.webhooks.subscriptions(&caller, page).await?;
    Ok(Json(WebhookSubscriptionPage {
        items: res.items.into_iter().map(subscription_dto).collect(),
        total: res.total,
        limit: page.limit,
        offset: page.offset,
    }))
}

/// One subscription (never its secret).
#[utoipa::path(get, path = "/api/v1/webhooks/{id}", tag = "webhooks", params(("id" = uuid::Uuid, Path, description = "The subscription's id")),
    responses((status = 200, body = WebhookSubscriptionDto)), security(("session" = []), ("api_key" = [])))]
pub async fn get_one(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<Json<WebhookSubscriptionDto>> {
    Ok(Json(subscription_dto(state.services.webhooks.subscription(&caller, &id).await?)))
}

/// Pauses or resumes a subscription.
#[utoipa::path(patch, path = "/api/v1/webhooks/{id}", tag = "webhooks", params(("id" = uuid::Uuid, Path, description = "The subscription's id")),
    request_body = PatchWebhookSubscription, responses((status = 200, body = WebhookSubscriptionDto)), security(("session" = []), ("api_key" = [])))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    ApiId(id): ApiId,
    ApiJson(req): ApiJson<PatchWebhookSubscription>,
) -> ApiResult<Json<WebhookSubscriptionDto>> {
    Ok(Json(subscription_dto(state.services.webhooks.set_paused(&caller, &id, req.paused).await?)))
}

/// Deletes a subscription; its pending deliveries fail at their next attempt.
#[utoipa::path(delete, path = "/api/v1/webhooks/{id}", tag = "webhooks", params(("id" = uuid::Uuid, Path, description = "The subscription's id")),
    responses((status = 204)), security(("session" = []), ("api_key" = [])))]
pub async fn delete(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<StatusCode> {
    state.services.webhooks.delete(&caller, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A new signing secret, shown once; the previous one signs beside it for `overlap_seconds`
/// (default a day), so the receiver can switch without missing a message.
#[utoipa::path(post, path = "/api/v1/webhooks/{id}/rotate-secret", tag = "webhooks", params(("id" = uuid::Uuid, Path, description = "The subscription's id")),
    request_body = RotateWebhookSecret, responses((status = 200, body = RotatedWebhookSecret)), security(("session" = []), ("api_key" = [])))]
pub async fn rotate_secret(
    State(state): State<AppState>,
    caller: Caller,
    ApiId(id): ApiId,
    ApiJson(req): ApiJson<RotateWebhookSecret>,
) -> ApiResult<Json<RotatedWebhookSecret>> {
    let overlap = req.overlap_seconds.map(Duration::from_secs).unwrap_or(DEFAULT_ROTATION_OVERLAP);
    let done = state.services.webhooks.rotate_secret(&caller, &id, overlap).await?;
    Ok(Json(RotatedWebhookSecret {
        id: done.subscription.id,
        secret: done.secret.to_whsec(),
        previous_secret_until: done.subscription.previous_secret_until.map(rfc3339),
    }))
}

/// A subscription's deliveries, newest first.
#[utoipa::path(get, path = "/api/v1/webhooks/{id}/deliveries", tag = "webhooks",
    params(("id" = uuid::Uuid, Path, description = "The subscription's id"), PageParams),
    responses((status = 200, body = WebhookDeliveryPage)), security(("session" = []), ("api_key" = [])))]
pub async fn deliveries(
    State(state): State<AppState>,
    caller: Caller,
    ApiId(id): ApiId,
    ApiQuery(params): ApiQuery<PageParams>,
) -> ApiResult<Json<WebhookDeliveryPage>> {
    let page = params.page()?;
    let res = state.services.webhooks.deliveries(&caller, &id, page).await?;
    Ok(Json(WebhookDeliveryPage {
        items: res.items.iter().map(delivery_dto).collect(),
        total: res.total,
        limit: page.limit,
        offset: page.offset,
    }))
}

/// One delivery: the message as sent, and every attempt (status, timing, the start of the answer).
#[utoipa::path(get, path = "/api/v1/webhook-deliveries/{id}", tag = "webhooks",
    params(("id" = String, Path, description = "The delivery's id (its webhook-id, msg_…)", pattern = "^msg_[0-9a-f]{32}$")),
    responses((status = 200, body = WebhookDeliveryDetail)), security(("session" = []), ("api_key" = [])))]
pub async fn delivery(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<WebhookDeliveryDetail>> {
    let log = state.services.webhooks.delivery(&caller, id.trim()).await?;
    Ok(Json(WebhookDeliveryDetail {
        delivery: delivery_dto(&log.delivery),
        payload: serde_json::from_str(&log.delivery.body).unwrap_or(serde_json::Value::String(log.delivery.body.clone())),
        attempts: log.attempts.into_iter().map(attempt_dto).collect(),
    }))
}

/// Sends a delivery again now, with the same webhook-id.
#[utoipa::path(post, path = "/api/v1/webhook-deliveries/{id}/redeliver", tag = "webhooks",
    params(("id" = String, Path, description = "The delivery's id (its webhook-id, msg_…)", pattern = "^msg_[0-9a-f]{32}$")),
    responses((status = 202, body = WebhookDeliveryDto)), security(("session" = []), ("api_key" = [])))]
pub async fn redeliver(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<(StatusCode, Json<WebhookDeliveryDto>)> {
    let d = state.services.webhooks.redeliver(&caller, id.trim()).await?;
    Ok((StatusCode::ACCEPTED, Json(delivery_dto(&d))))
}
