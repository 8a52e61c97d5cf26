//! `/api/v1/principals/{dp_id}`: a person's export and the erasure of their personal data.

use super::{ApiPath, ApiResult, Caller};
use crate::management::collection_points::collection_point_dto;
use crate::management::ledger::entry_dto;
use crate::state::AppState;
use app::dto::{ErasureDto, ErasureRecordDto, ErrorBody, ExportedEntryDto, IdentifierDto, PrincipalExportDto};
use axum::extract::State;
use axum::Json;
use backend::ledger::LedgerEntry;
use backend::rfc3339;
use backend::services::principals::PrincipalExport;

pub fn export_dto(x: PrincipalExport, org_slug: &str, now: i64) -> Result<PrincipalExportDto, backend::Error> {
    Ok(PrincipalExportDto {
        dp_id: x.principal.dp_id,
        organisation: org_slug.to_string(),
        exported_at: rfc3339(now),
        identifiers: x.identifiers.into_iter().map(|(kind, value)| IdentifierDto { kind, value }).collect(),
        entries: x
            .entries
            .into_iter()
            .map(|(e, r)| Ok(ExportedEntryDto { entry: entry_dto(e)?, receipt: r.jws }))
            .collect::<Result<_, backend::Error>>()?,
        notices: x.notices.into_iter().map(collection_point_dto).collect(),
        erasures: x.erasures.into_iter().map(erasure_record).collect::<Result<_, _>>()?,
    })
}

fn erasure_record(e: LedgerEntry) -> Result<ErasureRecordDto, backend::Error> {
    Ok(ErasureRecordDto { removed: e.evidence()?, entry_id: e.id, seq: e.seq, erased_at: rfc3339(e.occurred_at), actor: e.actor })
}

/// Everything the organisation holds about one person, for them to keep: how it knows them,
/// every consent change with its evidence and signed receipt, the notices they were shown as
/// shown, and any erasure.
#[utoipa::path(get, path = "/api/v1/principals/{dp_id}/export", tag = "audit",
    params(("dp_id" = String, Path, description = "The person's data principal id (`DP…`)")),
    responses((status = 200, body = PrincipalExportDto), (status = 404, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn export_principal(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(dp_id): ApiPath<String>,
) -> ApiResult<Json<PrincipalExportDto>> {
    let export = state.services.principals.export(&caller, &dp_id).await?;
    Ok(Json(export_dto(export, &caller.org.slug, state.services.store().now())?))
}

/// Erases the person's personal data (identifiers, evidence such as addresses and user agents,
/// contact details, metadata) everywhere the organisation holds it. What they decided, when and
/// on which notice stays under their pseudonymous id, every hash still verifies, and the erasure
/// is itself an entry of the ledger. Not undoable.
#[utoipa::path(post, path = "/api/v1/principals/{dp_id}/erasure", tag = "audit",
    params(("dp_id" = String, Path, description = "The person's data principal id (`DP…`)")),
    responses((status = 200, body = ErasureDto), (status = 404, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn erase_principal(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(dp_id): ApiPath<String>,
) -> ApiResult<Json<ErasureDto>> {
    let done = state.services.principals.erase(&caller, &dp_id).await?;
    Ok(Json(ErasureDto {
        erasure: erasure_record(done.entry)?,
        consent_requests: done.consent_requests,
        universal_consents: done.universal_consents as u64,
        webhook_deliveries: done.webhook_deliveries,
    }))
}
