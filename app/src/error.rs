use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// The error type of every server function. It carries only what a browser may see: a
/// database error becomes `Internal` with a generic message, never its text.
#[derive(Debug, Clone, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    ServerFn(ServerFnErrorErr),
    #[error("{0}")]
    Invalid(String),
    #[error("not found")]
    NotFound,
    #[error("something went wrong on the server")]
    Internal,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::ServerFn(value)
    }
}

#[cfg(feature = "ssr")]
impl From<backend::Error> for AppError {
    fn from(err: backend::Error) -> Self {
        match err {
            backend::Error::Invalid { .. } => AppError::Invalid(err.to_string()),
            backend::Error::NotFound(_) => AppError::NotFound,
            other => {
                leptos::logging::error!("server function failed: {other:?}");
                AppError::Internal
            }
        }
    }
}
