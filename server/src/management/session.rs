//! Dashboard sign-in, first-run setup, and the caller's organisation.

use super::{ApiJson, ApiResult, Caller};
use crate::pipeline::ClientIp;
use crate::state::AppState;
use app::dto::{BrandingDto, ErrorBody, LoginRequest, MeDto, OrgDto, OrgPatch, SessionDto, SetupRequest, UserDto};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use backend::auth::Identity;
use backend::rfc3339;
use backend::services::tenancy::{IssuedSession, NewOrg, OrgChanges};
use backend::store::tenancy::OrgRow;
use backend::types::{BrandColor, Email, HttpUrl, Name, NewPassword, OrgSlug, RetentionDays};
use backend::Error;

pub fn org_dto(o: &OrgRow) -> OrgDto {
    OrgDto {
        id: o.id.clone(),
        slug: o.slug.clone(),
        subdomain: o.subdomain.clone(),
        name: o.name.clone(),
        branding: BrandingDto { name: o.brand_name.clone(), logo_url: o.logo_url.clone(), color: o.brand_color.clone() },
        retention_days: o.retention_days,
        created_at: rfc3339(o.created_at),
    }
}

fn session_dto(s: IssuedSession) -> SessionDto {
    SessionDto {
        token: s.token,
        expires_at: rfc3339(s.expires_at),
        user: UserDto { id: s.user.id, email: s.user.email, role: s.user.role.as_str().into() },
        org: org_dto(&s.org),
    }
}

/// Sign in with email and password; returns a session token for `Authorization: Bearer`.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "session", request_body = LoginRequest,
    responses((status = 200, body = SessionDto), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(req): ApiJson<LoginRequest>,
) -> ApiResult<Json<SessionDto>> {
    let email = req.email.trim().to_ascii_lowercase();
    let ip = ip.map(|i| i.to_string()).unwrap_or_default();
    // Failed attempts are what is limited, per client and per (account, client): guessing is
    // slowed down, but nobody can lock an admin out from elsewhere.
    let keys = [format!("ip:{ip}"), format!("email:{email}|ip:{ip}")];
    for key in &keys {
        state.login_limiter.blocked(key).map_err(|retry_after_secs| Error::RateLimited { retry_after_secs })?;
    }
    match state.services.tenancy.login(&email, &req.password).await {
        Ok(session) => {
            state.login_limiter.reset(&keys[1]);
            Ok(Json(session_dto(session)))
        }
        Err(Error::Unauthenticated) => {
            for key in &keys {
                state.login_limiter.record(key);
            }
            Err(Error::Unauthenticated.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Revokes the session used for this request.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "session",
    responses((status = 204), (status = 401, body = ErrorBody)), security(("session" = [])))]
pub async fn logout(State(state): State<AppState>, caller: Caller) -> ApiResult<StatusCode> {
    state.services.tenancy.sign_out(&caller).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Spends the one-time setup token: creates the first organisation and its owner.
#[utoipa::path(post, path = "/api/v1/setup", tag = "session", request_body = SetupRequest,
    responses((status = 201, body = SessionDto), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn setup(State(state): State<AppState>, ApiJson(req): ApiJson<SetupRequest>) -> ApiResult<(StatusCode, Json<SessionDto>)> {
    let org = NewOrg { slug: req.org_slug.parse::<OrgSlug>()?, name: Name::parse("org_name", &req.org_name, 200)?, subdomain: None };
    let email: Email = req.email.parse()?;
    let password: NewPassword = req.password.parse()?;
    let session = state.services.tenancy.complete_setup(&req.token, &org, &email, &password).await?;
    Ok((StatusCode::CREATED, Json(session_dto(session))))
}

/// The signed-in user and their organisation.
#[utoipa::path(get, path = "/api/v1/me", tag = "session",
    responses((status = 200, body = MeDto), (status = 401, body = ErrorBody)), security(("session" = [])))]
pub async fn me(caller: Caller) -> ApiResult<Json<MeDto>> {
    match &caller.identity {
        Identity::User { user_id, email, role, .. } => Ok(Json(MeDto {
            user: UserDto { id: user_id.clone(), email: email.clone(), role: role.as_str().into() },
            org: org_dto(&caller.org),
        })),
        // An API key is not the credential this operation takes: as if none were sent.
        Identity::ApiKey { .. } => Err(Error::Unauthenticated.into()),
    }
}

/// The caller's organisation.
#[utoipa::path(get, path = "/api/v1/org", tag = "organisation",
    responses((status = 200, body = OrgDto), (status = 401, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn get_org(caller: Caller) -> ApiResult<Json<OrgDto>> {
    caller.require(backend::auth::Permission::Read)?;
    Ok(Json(org_dto(&caller.org)))
}

/// Renames the organisation, changes its branding, or how long it keeps personal data.
#[utoipa::path(patch, path = "/api/v1/org", tag = "organisation", request_body = OrgPatch,
    responses((status = 200, body = OrgDto), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn patch_org(State(state): State<AppState>, caller: Caller, ApiJson(req): ApiJson<OrgPatch>) -> ApiResult<Json<OrgDto>> {
    let patch = OrgChanges {
        name: req.name.as_deref().map(|n| Name::parse("name", n, 200)).transpose()?,
        brand_name: req.brand_name.as_deref().map(|n| Name::parse("brand_name", n, 200)).transpose()?,
        logo_url: match req.logo_url.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(u) => Some(Some(HttpUrl::parse("logo_url", u)?)),
        },
        brand_color: req.brand_color.as_deref().map(str::parse::<BrandColor>).transpose()?,
        retention_days: req.retention_days.map(RetentionDays::parse).transpose()?,
    };
    Ok(Json(org_dto(&state.services.tenancy.update_org(&caller, &patch).await?)))
}
