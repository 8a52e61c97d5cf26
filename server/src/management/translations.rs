//! `/api/v1/translations`: the words Assent itself shows people (the hosted page, its
//! answers, the consent-link email) in every language it speaks, and the organisation's own
//! wording of any of them, per language.

use super::{ApiJson, ApiPath, ApiResult, Caller};
use crate::state::AppState;
use app::dto::{ErrorBody, PutTranslation, TranslationDto, TranslationLanguageDto, TranslationLanguages, TranslationMessageDto};
use axum::extract::State;
use axum::Json;
use backend::i18n::{catalogue, Overrides};

/// Every language, with how many messages the organisation words itself in each.
#[utoipa::path(get, path = "/api/v1/translations", tag = "translations",
    responses((status = 200, body = TranslationLanguages), (status = 401, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn list(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<TranslationLanguages>> {
    let counts = state.services.tenancy.override_counts(&caller).await?;
    let c = catalogue();
    let languages = c
        .languages()
        .iter()
        .map(|l| TranslationLanguageDto {
            code: l.code().into(),
            name: l.name().into(),
            dir: l.dir().into(),
            overrides: counts.iter().find(|(code, _)| code == l.code()).map(|(_, n)| *n).unwrap_or(0),
            fallbacks: c.missing(l).into_iter().map(String::from).collect(),
        })
        .collect();
    Ok(Json(TranslationLanguages { languages }))
}

fn translation(code: &str, overrides: &Overrides) -> TranslationDto {
    let c = catalogue();
    let locale = c.locale(code).unwrap_or_else(|| c.source());
    let messages = c
        .keys()
        .into_iter()
        .map(|id| TranslationMessageDto {
            id: id.into(),
            variables: c.variables(c.source(), id).unwrap_or_default().into_iter().collect(),
            text: c.source_text(locale, id).or_else(|| c.source_text(c.source(), id)).unwrap_or_default(),
            override_text: overrides.get(id).map(String::from),
        })
        .collect();
    TranslationDto { code: locale.code().into(), name: locale.name().into(), dir: locale.dir().into(), messages }
}

/// Every message in one language: Assent's text and the organisation's own, if any.
#[utoipa::path(get, path = "/api/v1/translations/{lang}", tag = "translations",
    params(("lang" = String, Path, description = "A language code, such as `ta`")),
    responses((status = 200, body = TranslationDto), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn get_one(State(state): State<AppState>, caller: Caller, ApiPath(lang): ApiPath<String>) -> ApiResult<Json<TranslationDto>> {
    let overrides = state.services.tenancy.overrides(&caller, &lang).await?;
    Ok(Json(translation(&lang, &overrides)))
}

/// Replaces the organisation's wording in one language. Each text is Project Fluent: plain
/// words, the message's own variables (`{ $org }`), selectors (`{ $minutes -> … }`). A text
/// that does not parse, or uses a variable the message does not offer, is refused with the
/// message's id, and nothing is stored.
#[utoipa::path(put, path = "/api/v1/translations/{lang}", tag = "translations", request_body = PutTranslation,
    params(("lang" = String, Path, description = "A language code, such as `ta`")),
    responses((status = 200, body = TranslationDto), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn put(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(lang): ApiPath<String>,
    ApiJson(req): ApiJson<PutTranslation>,
) -> ApiResult<Json<TranslationDto>> {
    let overrides = state.services.tenancy.set_overrides(&caller, &lang, &req.overrides).await?;
    Ok(Json(translation(&lang, &overrides)))
}
