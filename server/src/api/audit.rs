//! `/api/v1/audit`: the organisation's ledger entries, and verification of the chain.

use super::auth::Caller;
use super::error::ApiResult;
use super::extract::ApiQuery;
use crate::state::AppState;
use app::dto::{AuditEventDto, AuditEventPage, BrokenEntryDto, ErrorBody, LedgerVerificationDto, PurposeDecisionDto};
use axum::extract::State;
use axum::Json;
use backend::ledger::EventRow;
use backend::rfc3339;
use serde::Deserialize;

pub fn event_dto(e: EventRow) -> AuditEventDto {
    AuditEventDto {
        purposes: e.purposes().into_iter().map(|p| PurposeDecisionDto { purpose_id: p.purpose_id, granted: p.granted }).collect(),
        evidence: serde_json::from_str(&e.evidence_json).unwrap_or(serde_json::Value::Null),
        seq: e.seq,
        id: e.id,
        principal_id: e.principal_id,
        subject_kind: e.subject_kind,
        subject_id: e.subject_id,
        action: e.action,
        collected_via: e.collected_via,
        notice_version: e.notice_version,
        notice_hash: e.notice_hash,
        actor: e.actor,
        occurred_at: rfc3339(e.occurred_at),
        prev_hash: e.prev_hash,
        hash: e.hash,
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct EventParams {
    /// Only this principal's events.
    pub principal_id: Option<String>,
    /// 1-200, default 50.
    pub limit: Option<i64>,
    /// Default 0.
    pub offset: Option<i64>,
}

/// The organisation's consent events, newest first.
#[utoipa::path(get, path = "/api/v1/audit/events", tag = "audit", params(EventParams),
    responses((status = 200, body = AuditEventPage), (status = 400, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn events(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<EventParams>,
) -> ApiResult<Json<AuditEventPage>> {
    caller.require_read()?;
    let page = backend::store::Page::parse(params.limit, params.offset)?;
    let res = state.store.list_events(&caller.org.id, params.principal_id.as_deref(), page).await?;
    Ok(Json(AuditEventPage {
        items: res.items.into_iter().map(event_dto).collect(),
        total: res.total,
        limit: page.limit,
        offset: page.offset,
    }))
}

/// Recomputes the whole hash chain and names the first entry that does not verify.
#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "audit",
    responses((status = 200, body = LedgerVerificationDto)), security(("session" = []), ("api_key" = [])))]
pub async fn verify(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<LedgerVerificationDto>> {
    caller.require_read()?;
    let report = state.store.verify_ledger().await?;
    // The chain is shared by every organisation: report this organisation's own entries and
    // newest hash, never the others' volume.
    let own = state.store.list_events(&caller.org.id, None, backend::store::Page { limit: 1, offset: 0 }).await?;
    Ok(Json(LedgerVerificationDto {
        ok: report.ok(),
        entries: own.total,
        head_hash: own.items.first().map(|e| e.hash.clone()).unwrap_or_else(|| backend::ledger::GENESIS_HASH.to_string()),
        // The chain spans every organisation: name the position, never another tenant's entry id.
        first_bad: report.first_bad.map(|b| BrokenEntryDto { seq: b.seq, id: None, reason: b.reason }),
    }))
}
