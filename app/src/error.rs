//! The error type of every server function. It carries what a browser may read and nothing
//! more: the backend's error policy decides that (`backend::Error::report`); this type only
//! carries the result across the wire.

use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum AppErrorKind {
    Invalid,
    NotFound,
    Conflict,
    Unauthenticated,
    Forbidden,
    RateLimited,
    Internal,
    /// The call itself failed (network, encoding) before the server could answer.
    Transport,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[error("{message}")]
pub struct AppError {
    pub kind: AppErrorKind,
    pub message: String,
}

impl AppError {
    pub fn new(kind: AppErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into() }
    }
}

impl FromServerFnError for AppError {
    // As the public pages' answers are read (see `PageJson`): one JSON reader in their bundle.
    type Encoder = crate::public::PageJson;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let kind = match value {
            // The request's fields do not decode into the function's arguments: the caller's
            // mistake (`server_fn` answers it 500; the server's pipeline makes it 400).
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppErrorKind::Invalid,
            _ => AppErrorKind::Transport,
        };
        AppError::new(kind, value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<backend::Error> for AppError {
    fn from(err: backend::Error) -> Self {
        err.report().into()
    }
}

/// What the error policy let through, as a server function sends it.
#[cfg(feature = "ssr")]
impl From<backend::PublicError> for AppError {
    fn from(public: backend::PublicError) -> Self {
        use backend::ErrorKind as K;
        let kind = match public.kind {
            K::Invalid => AppErrorKind::Invalid,
            K::NotFound => AppErrorKind::NotFound,
            K::Conflict => AppErrorKind::Conflict,
            K::Unauthenticated => AppErrorKind::Unauthenticated,
            K::Forbidden => AppErrorKind::Forbidden,
            K::RateLimited => AppErrorKind::RateLimited,
            K::Internal => AppErrorKind::Internal,
        };
        AppError::new(kind, public.message)
    }
}

/// The services, in a server function (the router provides them to every render and call).
#[cfg(feature = "ssr")]
pub fn services() -> Result<backend::Services, AppError> {
    leptos::prelude::use_context::<backend::Services>()
        .ok_or_else(|| AppError::from(backend::Error::Internal("the services are not provided to server functions".into())))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_policy_decides_what_crosses_the_wire() {
        let e = AppError::from(backend::Error::Forbidden("this consent link has expired"));
        assert_eq!((e.kind, e.message.as_str()), (AppErrorKind::Forbidden, "this consent link has expired"));
        let e = AppError::from(backend::Error::RateLimited { retry_after_secs: 3 });
        assert_eq!(e.kind, AppErrorKind::RateLimited);
        let e = AppError::from(backend::Error::Internal("relation secret_table does not exist".into()));
        assert_eq!((e.kind, e.message.as_str()), (AppErrorKind::Internal, backend::error::INTERNAL_MESSAGE));
    }
}
