//! The one caller pipeline, the same for every authenticated surface:
//!
//! credentials → caller → organisation check → rate limit
//!
//! It runs as a middleware layer in front of a surface's routes and leaves the [`Caller`] in
//! the request for the handlers; each service then requires the permission its flow needs.
//! What differs between surfaces (whether `X-Org-Id` is required, how an error looks) is the
//! surface's [`Surface`] implementation, nothing else.

use crate::error::RequestError;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use backend::auth::{Caller, Credential};
use backend::Error;
use std::marker::PhantomData;
use std::net::IpAddr;

/// How a surface treats the `X-Org-Id` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgHeader {
    /// Optional; when sent it must name the caller's organisation (403 otherwise).
    Optional,
    /// Required before credentials are checked: missing or unknown is 400 (seeds 000-002).
    Required,
}

/// A surface of the API: how it wants the organisation named, and how its errors look.
pub trait Surface: Send + Sync + 'static {
    const ORG_HEADER: OrgHeader;
    fn error_response(err: RequestError) -> Response;
}

/// The credential a request carries, before it is checked: `Authorization: Bearer <session>`,
/// `Authorization: Token <API key>`, or else `X-API-Key`. An `Authorization` header that is
/// neither is refused, never skipped: a request is judged by the credential it leads with.
pub fn credential(headers: &HeaderMap) -> Result<Option<Credential>, Error> {
    if let Some(auth) = headers.get(axum::http::header::AUTHORIZATION) {
        let auth = auth.to_str().map_err(|_| Error::Unauthenticated)?.trim();
        let (scheme, value) = auth.split_once(' ').ok_or(Error::Unauthenticated)?;
        let value = value.trim().to_string();
        return if scheme.eq_ignore_ascii_case("bearer") {
            Ok(Some(Credential::Session(value)))
        } else if scheme.eq_ignore_ascii_case("token") {
            Ok(Some(Credential::ApiKey(value)))
        } else {
            Err(Error::Unauthenticated)
        };
    }
    Ok(headers.get("x-api-key").and_then(|v| v.to_str().ok()).map(|v| Credential::ApiKey(v.trim().to_string())))
}

fn org_header(headers: &HeaderMap) -> Option<&str> {
    headers.get("x-org-id").and_then(|v| v.to_str().ok()).map(str::trim).filter(|s| !s.is_empty())
}

/// Resolves the caller of a request, in the pipeline's order.
pub async fn resolve_caller<S: Surface>(state: &AppState, headers: &HeaderMap) -> Result<Caller, RequestError> {
    let credential = credential(headers)?.ok_or(Error::Unauthenticated)?;
    let named = org_header(headers);
    if S::ORG_HEADER == OrgHeader::Required {
        let slug = named.ok_or_else(|| RequestError::bad_request("X-Org-Id header is required"))?;
        match state.services.tenancy.org_by_slug(slug).await {
            Ok(_) => {}
            Err(Error::NotFound(_)) => return Err(RequestError::bad_request("X-Org-Id could not be resolved")),
            Err(e) => return Err(e.into()),
        }
    }
    let caller = state.services.tenancy.authenticate(&credential).await?;
    if named.is_some_and(|slug| slug != caller.org.slug) {
        return Err(Error::Forbidden("these credentials do not belong to the organisation in X-Org-Id").into());
    }
    state.api_limiter.check(&rate_key(&caller)).map_err(|retry_after_secs| Error::RateLimited { retry_after_secs })?;
    Ok(caller)
}

/// Every surface limits by who is calling, spelled as the ledger spells actors.
pub fn rate_key(caller: &Caller) -> String {
    caller.actor().to_string()
}

/// The pipeline as a middleware for the routes of surface `S`.
pub async fn authenticate<S: Surface>(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    match resolve_caller::<S>(&state, req.headers()).await {
        Ok(caller) => {
            req.extensions_mut().insert(caller);
            next.run(req).await
        }
        Err(err) => S::error_response(err),
    }
}

/// Routes without credentials (sign-in, first-run setup) are limited per client address.
pub async fn limit_by_address<S: Surface>(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let ip = req.extensions().get::<crate::client_addr::ClientAddr>().map(|c| c.0);
    let key = format!("ip:{}", ip.map(|i| i.to_string()).unwrap_or_default());
    match state.api_limiter.check(&key) {
        Ok(()) => next.run(req).await,
        Err(retry_after_secs) => S::error_response(Error::RateLimited { retry_after_secs }.into()),
    }
}

/// The caller the pipeline resolved. Only routes behind [`authenticate`] may take one.
pub struct Authenticated<S>(pub Caller, PhantomData<S>);

impl<S> std::ops::Deref for Authenticated<S> {
    type Target = Caller;
    fn deref(&self) -> &Caller {
        &self.0
    }
}

impl<S: Surface> FromRequestParts<AppState> for Authenticated<S> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Caller>() {
            Some(caller) => Ok(Authenticated(caller.clone(), PhantomData)),
            None => {
                tracing::error!(path = %parts.uri.path(), "a handler wants a caller but its route is not behind the caller pipeline");
                Err(S::error_response(Error::Internal("route not behind the caller pipeline".into()).into()))
            }
        }
    }
}

/// The client's address (see `client_addr`), when the server was started with connect info.
pub struct ClientIp(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(parts.extensions.get::<crate::client_addr::ClientAddr>().map(|c| c.0)))
    }
}
