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
use backend::store::ledger::EntryWithPerson;
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

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ExportParams {
    /// Entries that occurred at or after this moment (ISO 8601). Required.
    #[param(format = DateTime)]
    pub from: Option<String>,
    /// Entries that occurred before this moment (ISO 8601). Default: now.
    #[param(format = DateTime)]
    pub to: Option<String>,
    /// `json` (an array of ledger entries, each with `dp_id`; the default) or `csv`.
    #[param(pattern = "^(json|csv)$")]
    pub format: Option<String>,
}

/// How many entries an export reads at a time: memory stays flat however long the range.
const EXPORT_PAGE: i64 = 500;

/// The header row of a CSV export.
const CSV_HEADER: &str =
    "seq,id,occurred_at,dp_id,principal_id,subject_kind,subject_id,action,purposes,collected_via,notice_version,notice_hash,evidence,personal_digest,actor,prev_hash,hash\n";

/// The organisation's ledger entries for a time range, streamed a page at a time as JSON or
/// CSV, oldest first: for an auditor, or for keeping outside Assent. Evidence is `null` (an
/// empty cell) where it was erased.
#[utoipa::path(get, path = "/api/v1/audit/events/export", tag = "audit", params(ExportParams),
    responses((status = 200, description = "A JSON array of ledger entries, each with its person's `dp_id`; or CSV with a header row",
            content((Vec<LedgerEntryDto> = "application/json"), (String = "text/csv"))),
        (status = 400, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn export_events(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<ExportParams>,
) -> ApiResult<axum::response::Response> {
    use axum::http::{header, HeaderValue};
    let time = |field: &'static str, v: Option<&str>| -> Result<Option<i64>, backend::Error> {
        v.map(|v| backend::time::parse_iso8601(v).ok_or_else(|| backend::Error::invalid(field, "must be an ISO 8601 date or date-time")))
            .transpose()
    };
    let from = time("from", params.from.as_deref())?.ok_or_else(|| backend::Error::invalid("from", "is required"))?;
    let to = time("to", params.to.as_deref())?.unwrap_or_else(|| state.services.store().now() + 1);
    let csv = match params.format.as_deref().map(str::trim) {
        None | Some("json") => false,
        Some("csv") => true,
        Some(_) => return Err(backend::Error::invalid("format", "must be json or csv").into()),
    };
    // The first page is read before anything is sent, so that a refusal is still an error.
    let first = state.services.ledger.export_page(&caller, from, to, 0, EXPORT_PAGE).await?;
    let file = format!("attachment; filename=\"ledger-{}.{}\"", caller.org.slug, if csv { "csv" } else { "json" });
    struct Cursor {
        state: AppState,
        caller: Caller,
        page: Option<Vec<EntryWithPerson>>,
        after: i64,
        written: usize,
        done: bool,
    }
    let cursor = Cursor { state, caller, page: Some(first), after: 0, written: 0, done: false };
    let stream = futures_util::stream::unfold(cursor, move |mut cur| async move {
        if cur.done {
            return None;
        }
        let page = match cur.page.take() {
            Some(p) => Ok(p),
            None => cur.state.services.ledger.export_page(&cur.caller, from, to, cur.after, EXPORT_PAGE).await,
        };
        // Once the status is sent, a failure can only end the body in an error: the client
        // sees a failed transfer, never a short file that looks whole.
        let chunk = page.and_then(|page| {
            let last = page.len() < EXPORT_PAGE as usize;
            let mut chunk = String::new();
            if cur.written == 0 && cur.after == 0 {
                chunk.push_str(if csv { CSV_HEADER } else { "[" });
            }
            for row in page {
                cur.after = row.entry.seq;
                if !csv && cur.written > 0 {
                    chunk.push(',');
                }
                chunk.push_str(&export_line(row, csv)?);
                cur.written += 1;
            }
            if last {
                cur.done = true;
                if !csv {
                    chunk.push(']');
                }
            }
            Ok(chunk)
        });
        match chunk {
            Ok(chunk) => Some((Ok(axum::body::Bytes::from(chunk)), cur)),
            Err(e) => {
                tracing::error!(error = %e, "an export failed part-way");
                cur.done = true;
                Some((Err(std::io::Error::other("the export failed part-way")), cur))
            }
        }
    });
    let mut res = axum::response::Response::new(axum::body::Body::from_stream(stream));
    let kind = if csv { "text/csv; charset=utf-8" } else { "application/json" };
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&file) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// One entry of an export: a JSON object (the audit API's entry with `dp_id`) or a CSV row.
fn export_line(row: EntryWithPerson, csv: bool) -> Result<String, backend::Error> {
    let dp_id = row.dp_id;
    let dto = entry_dto(row.entry)?;
    if !csv {
        let mut v = serde_json::to_value(&dto).expect("an entry serialises");
        v["dp_id"] = serde_json::Value::String(dp_id);
        return Ok(v.to_string());
    }
    let purposes = serde_json::to_string(&dto.purposes).expect("purposes serialise");
    let evidence = dto.evidence.as_ref().map(|e| e.to_string()).unwrap_or_default();
    let cells = [
        dto.seq.to_string(),
        dto.id,
        dto.occurred_at,
        dp_id,
        dto.principal_id,
        dto.subject_kind,
        dto.subject_id,
        dto.action,
        purposes,
        dto.collected_via,
        dto.notice_version.map(|v| v.to_string()).unwrap_or_default(),
        dto.notice_hash.unwrap_or_default(),
        evidence,
        dto.personal_digest,
        dto.actor,
        dto.prev_hash,
        dto.hash,
    ];
    let mut line = cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",");
    line.push('\n');
    Ok(line)
}

/// A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. A cell that a
/// spreadsheet would run as a formula is prefixed with `'`.
fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}
