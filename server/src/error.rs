//! The wire layer's one error type. A request fails either in the domain (a
//! [`backend::Error`]) or before it gets there: a body, query, path or header that does not
//! parse, an unknown route, a wrong method. Each surface formats a [`RequestError`] its own
//! way (`management::ManagementError`, `dialects::consent_links::LinkError`), but what a client
//! may read of it is decided here, once, by the backend's error policy.

use backend::{ErrorKind, PublicError};

#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error(transparent)]
    Domain(#[from] backend::Error),
    /// The request does not parse: the message says what is wrong, in the client's terms.
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    Timeout(String),
    #[error("no such endpoint")]
    NoRoute,
    #[error("this endpoint does not accept that method")]
    MethodNotAllowed,
}

/// A [`PublicError`] with the two statuses only the wire knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Public {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
    pub field: Option<&'static str>,
    pub retry_after_secs: Option<u64>,
    /// The domain's kind, for surfaces whose contract maps kinds differently.
    pub kind: ErrorKind,
}

impl From<PublicError> for Public {
    fn from(p: PublicError) -> Self {
        Public {
            status: p.kind.http_status(),
            code: p.kind.code(),
            message: p.message,
            field: p.field,
            retry_after_secs: p.retry_after_secs,
            kind: p.kind,
        }
    }
}

impl RequestError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        RequestError::BadRequest(message.into())
    }

    /// What the client may read (internal errors are logged here and described generically).
    pub fn public(&self) -> Public {
        let plain = |status: u16, code: &'static str, kind: ErrorKind| Public {
            status,
            code,
            message: self.to_string(),
            field: None,
            retry_after_secs: None,
            kind,
        };
        match self {
            RequestError::Domain(e) => e.report().into(),
            RequestError::BadRequest(_) => plain(400, "invalid_request", ErrorKind::Invalid),
            RequestError::UnsupportedMediaType(_) => plain(415, "unsupported_media_type", ErrorKind::Invalid),
            RequestError::PayloadTooLarge(_) => plain(413, "payload_too_large", ErrorKind::Invalid),
            RequestError::Timeout(_) => plain(408, "request_timeout", ErrorKind::Invalid),
            RequestError::NoRoute => plain(404, "not_found", ErrorKind::NotFound),
            RequestError::MethodNotAllowed => plain(405, "method_not_allowed", ErrorKind::Invalid),
        }
    }
}
