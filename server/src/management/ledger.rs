//! `/api/v1/audit`: the organisation's ledger entries, verification of its chain, receipts and
//! checkpoints; `/api/v1/signing-keys`: the keys they are signed with.

use super::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller};
use crate::state::AppState;
use app::dto::{
    BrokenEntryDto, CheckpointDto, CheckpointOutcomeDto, ErrorBody, LedgerEntryDto, LedgerEntryPage, LedgerVerificationDto,
    PurposeDecisionDto, ReceiptCheckDto, ReceiptCheckRequest, ReceiptDto, SigningKeyDto, SigningKeysDto,
};
use axum::extract::State;
use axum::Json;
use backend::ledger::LedgerEntry;
use backend::rfc3339;
use backend::services::proof::ReceiptCheck;
use backend::services::proof::SignedReceipt;
use backend::store::proof::{CheckpointRow, PublishedKey};
use serde::Deserialize;

pub fn entry_dto(e: LedgerEntry) -> Result<LedgerEntryDto, backend::Error> {
    Ok(LedgerEntryDto {
        purposes: e.purposes()?.into_iter().map(|p| PurposeDecisionDto { purpose_id: p.purpose_id, granted: p.granted }).collect(),
        evidence: e.evidence()?,
        personal_digest: e.personal_digest,
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

/// Recomputes the organisation's own hash chain (reading no other organisation's entries) and
/// names the first entry that does not verify.
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

pub fn receipt_dto(r: SignedReceipt) -> ReceiptDto {
    let jwks_uri = r.claims.jwks_uri.clone();
    ReceiptDto { jws: r.jws, claims: serde_json::to_value(&r.claims).expect("claims serialise"), jwks_uri }
}

/// The receipt of one entry, signed with the organisation's current key: what the person
/// decided, when and how, and the entry's place in the chain. Verifiable offline.
#[utoipa::path(get, path = "/api/v1/audit/events/{id}/receipt", tag = "audit",
    params(("id" = String, Path, description = "The ledger entry's id")),
    responses((status = 200, body = ReceiptDto), (status = 404, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn receipt(State(state): State<AppState>, caller: Caller, ApiPath(id): ApiPath<String>) -> ApiResult<Json<ReceiptDto>> {
    Ok(Json(receipt_dto(state.services.proof.receipt_for(&caller, id.trim()).await?)))
}

fn keys_dto(state: &AppState, caller: &Caller, keys: Vec<PublishedKey>) -> SigningKeysDto {
    SigningKeysDto {
        jwks_uri: state.services.proof.jwks_uri(&caller.org.slug),
        keys: keys
            .into_iter()
            .map(|k| SigningKeyDto {
                kid: k.jwk.kid.clone(),
                jwk: serde_json::to_value(&k.jwk).expect("a JWK serialises"),
                created_at: rfc3339(k.created_at),
                retired_at: k.retired_at.map(rfc3339),
            })
            .collect(),
    }
}

/// The organisation's signing keys, the current one first. Their public halves are published,
/// without credentials, at `jwks_uri`.
#[utoipa::path(get, path = "/api/v1/signing-keys", tag = "audit",
    responses((status = 200, body = SigningKeysDto)), security(("session" = []), ("api_key" = [])))]
pub async fn signing_keys(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<SigningKeysDto>> {
    let keys = state.services.proof.keys(&caller).await?;
    Ok(Json(keys_dto(&state, &caller, keys)))
}

/// Retires the current signing key and creates a new one. The retired key stays published, so
/// everything it signed still verifies.
#[utoipa::path(post, path = "/api/v1/signing-keys/rotate", tag = "audit",
    responses((status = 200, body = SigningKeysDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn rotate_signing_key(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<SigningKeysDto>> {
    let keys = state.services.proof.rotate_key(&caller).await?;
    Ok(Json(keys_dto(&state, &caller, keys)))
}

fn checkpoint_dto(c: CheckpointRow) -> CheckpointDto {
    CheckpointDto { seq: c.seq, hash: c.hash, signed_at: rfc3339(c.signed_at), kid: c.kid, jws: c.jws }
}

/// Signs the organisation's chain head now and writes it to the checkpoint directory
/// (`ASSENT_CHECKPOINT_DIR`), unless the newest checkpoint already holds it. 409 when no
/// directory is configured.
#[utoipa::path(post, path = "/api/v1/audit/checkpoints", tag = "audit",
    responses((status = 200, body = CheckpointOutcomeDto), (status = 409, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn checkpoint(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<CheckpointOutcomeDto>> {
    let written = state.services.proof.checkpoint_for(&caller).await?;
    Ok(Json(CheckpointOutcomeDto { written: written.is_some(), checkpoint: written.map(checkpoint_dto) }))
}

/// Checks a receipt someone brought (the JSON file or the bare JWS): its signature against the
/// organisation's published keys, current and retired, and whether the ledger entry it states
/// still has the hash it states. An invalid receipt is an answer (`valid: false` and why), not
/// an error.
#[utoipa::path(post, path = "/api/v1/audit/receipts/check", tag = "audit", request_body = ReceiptCheckRequest,
    responses((status = 200, body = ReceiptCheckDto), (status = 400, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn check_receipt(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<ReceiptCheckRequest>,
) -> ApiResult<Json<ReceiptCheckDto>> {
    Ok(Json(match state.services.proof.check_receipt(&caller, &req.receipt).await? {
        ReceiptCheck::Valid { claims, kid, in_ledger } => ReceiptCheckDto {
            valid: true,
            problem: None,
            kid: Some(kid),
            claims: Some(serde_json::to_value(&claims).expect("claims serialise")),
            in_ledger,
        },
        ReceiptCheck::Invalid { problem } => {
            ReceiptCheckDto { valid: false, problem: Some(problem), kid: None, claims: None, in_ledger: false }
        }
    }))
}
