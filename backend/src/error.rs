//! The backend's one error type, and the one policy for what a client may read of it. Every
//! surface (the management API, each dialect, server functions, the hosted page) calls
//! [`Error::report`] and only formats the result; none decides on its own what is internal.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{0}")]
    Conflict(String),
    #[error("missing or invalid credentials")]
    Unauthenticated,
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("too many requests; retry later")]
    RateLimited { retry_after_secs: u64 },
    #[error("database error: {0}")]
    Database(sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored row that does not parse. In an audit product a corrupt row is never read as a
    /// default: whoever asked gets an error, and the log says which row.
    #[error("corrupt {what}: {detail}")]
    Corrupt { what: &'static str, detail: String },
    #[error("internal error: {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What sort of failure an error is: the part of it every surface maps to its own wire format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Invalid,
    NotFound,
    Conflict,
    Unauthenticated,
    Forbidden,
    RateLimited,
    Internal,
}

impl ErrorKind {
    /// The management API's stable, machine-readable code.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Invalid => "invalid_request",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Unauthenticated => "unauthorized",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Internal => "internal",
        }
    }

    /// The HTTP status a surface uses unless its contract says otherwise.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorKind::Invalid => 400,
            ErrorKind::NotFound => 404,
            ErrorKind::Conflict => 409,
            ErrorKind::Unauthenticated => 401,
            ErrorKind::Forbidden => 403,
            ErrorKind::RateLimited => 429,
            ErrorKind::Internal => 500,
        }
    }
}

/// What a client may be told about an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicError {
    pub kind: ErrorKind,
    pub message: String,
    /// The request field at fault, for `Invalid`.
    pub field: Option<&'static str>,
    pub retry_after_secs: Option<u64>,
}

/// The message every surface shows for an internal error.
pub const INTERNAL_MESSAGE: &str = "internal error; the server log has details";

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid { field, message: message.into() }
    }

    pub fn corrupt(what: &'static str, detail: impl std::fmt::Display) -> Self {
        Error::Corrupt { what, detail: detail.to_string() }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::Unauthenticated => ErrorKind::Unauthenticated,
            Error::Forbidden(_) => ErrorKind::Forbidden,
            Error::RateLimited { .. } => ErrorKind::RateLimited,
            Error::Database(_) | Error::Migrate(_) | Error::Corrupt { .. } | Error::Internal(_) => ErrorKind::Internal,
        }
    }

    /// Whether the error is the server's fault. Its text then stays in the log.
    pub fn is_internal(&self) -> bool {
        self.kind() == ErrorKind::Internal
    }

    /// What a client may read. Internal errors are logged here, with their detail, and
    /// described to the client only generically: a database error's text never leaves the server.
    pub fn report(&self) -> PublicError {
        if self.is_internal() {
            tracing::error!(error = %self, "request failed");
        }
        PublicError {
            kind: self.kind(),
            message: if self.is_internal() { INTERNAL_MESSAGE.to_string() } else { self.to_string() },
            field: match self {
                Error::Invalid { field, .. } => Some(*field),
                _ => None,
            },
            retry_after_secs: match self {
                Error::RateLimited { retry_after_secs } => Some(*retry_after_secs),
                _ => None,
            },
        }
    }

    /// Unique-constraint violations become conflicts; everything else stays a database error.
    pub fn from_unique(err: sqlx::Error, what: &str) -> Self {
        if let sqlx::Error::Database(db) = &err {
            if db.is_unique_violation() {
                return Error::Conflict(format!("{what} already exists"));
            }
        }
        Error::from(err)
    }
}

impl From<sqlx::Error> for Error {
    fn from(err: sqlx::Error) -> Self {
        match err {
            // A column whose stored value does not parse into its domain type.
            sqlx::Error::ColumnDecode { index, source } => Error::Corrupt { what: "row", detail: format!("column {index}: {source}") },
            // The services check what they know to refuse with a better message; a reference
            // they did not foresee is still the client's conflict, never a 500.
            sqlx::Error::Database(db) if db.is_foreign_key_violation() => {
                tracing::warn!(error = %db, "foreign key violation");
                Error::Conflict("other records still refer to this; it cannot be changed this way".into())
            }
            other => Error::Database(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_never_show_their_text() {
        let db = Error::from(sqlx::Error::Protocol("password authentication failed for user secret".into()));
        let public = db.report();
        assert_eq!(public.kind, ErrorKind::Internal);
        assert_eq!(public.message, INTERNAL_MESSAGE);
        assert!(!public.message.contains("secret"));
        let corrupt = Error::corrupt("API key scopes", "unknown scope 'root'").report();
        assert_eq!((corrupt.kind, corrupt.message.as_str()), (ErrorKind::Internal, INTERNAL_MESSAGE));
    }

    #[test]
    fn client_errors_keep_their_meaning() {
        let cases = [
            (Error::invalid("phone", "must be in E.164 format"), ErrorKind::Invalid, "phone: must be in E.164 format", 400),
            (Error::NotFound("asset"), ErrorKind::NotFound, "asset not found", 404),
            (Error::Conflict("taken".into()), ErrorKind::Conflict, "taken", 409),
            (Error::Unauthenticated, ErrorKind::Unauthenticated, "missing or invalid credentials", 401),
            (Error::Forbidden("no"), ErrorKind::Forbidden, "no", 403),
            (Error::RateLimited { retry_after_secs: 7 }, ErrorKind::RateLimited, "too many requests; retry later", 429),
        ];
        for (err, kind, message, status) in cases {
            let p = err.report();
            assert_eq!((p.kind, p.message.as_str(), p.kind.http_status()), (kind, message, status));
        }
        assert_eq!(Error::invalid("phone", "x").report().field, Some("phone"));
        assert_eq!(Error::RateLimited { retry_after_secs: 7 }.report().retry_after_secs, Some(7));
    }
}
