//! `/api/v1/audit`: the organisation's ledger entries, and verification of the chain.

use super::{ApiQuery, ApiResult, Caller};
use crate::state::AppState;
use app::dto::{BrokenEntryDto, ErrorBody, LedgerEntryDto, LedgerEntryPage, LedgerVerificationDto, PurposeDecisionDto};
use axum::extract::State;
use axum::Json;
use backend::ledger::LedgerEntry;
use backend::rfc3339;
use serde::Deserialize;

pub fn entry_dto(e: LedgerEntry) -> Result<LedgerEntryDto, backend::Error> {
    Ok(LedgerEntryDto {
        purposes: e.purposes()?.into_iter().map(|p| PurposeDecisionDto { purpose_id: p.purpose_id, granted: p.granted }).collect(),
        evidence: e.evidence()?,
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
    })
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EntryParams {
    /// Only this data principal's entries.
    pub principal_id: Option<String>,
    /// 1-200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// Default 0.
    #[param(minimum = 0)]
    pub offset: Option<i64>,
}

/// The organisation's ledger entries (every consent change), newest first.
#[utoipa::path(get, path = "/api/v1/audit/events", tag = "audit", params(EntryParams),
    responses((status = 200, body = LedgerEntryPage), (status = 400, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn entries(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<EntryParams>,
) -> ApiResult<Json<LedgerEntryPage>> {
    let page = backend::store::Page::parse(params.limit, params.offset)?;
    let res = state.services.ledger.entries(&caller, params.principal_id.as_deref(), page).await?;
    Ok(Json(LedgerEntryPage {
        items: res.items.into_iter().map(entry_dto).collect::<Result<_, _>>()?,
        total: res.total,
        limit: page.limit,
        offset: page.offset,
    }))
}

/// Recomputes the whole hash chain and names the first entry that does not verify.
#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "audit",
    responses((status = 200, body = LedgerVerificationDto)), security(("session" = []), ("api_key" = [])))]
pub async fn verify(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<LedgerVerificationDto>> {
    let v = state.services.ledger.verify_for(&caller).await?;
    Ok(Json(LedgerVerificationDto {
        ok: v.ok,
        entries: v.entries,
        head_hash: v.head_hash,
        first_bad: v.first_bad.map(|b| BrokenEntryDto { seq: b.seq, id: b.id, reason: b.reason }),
    }))
}
