use thiserror::Error;

/// The backend's one error type. Each dialect maps it once to its own wire format;
/// the text of a database error never leaves the server.
#[derive(Debug, Error)]
pub enum Error {
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{0}")]
    Conflict(String),
    #[error("authentication required")]
    Unauthenticated,
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("too many requests")]
    RateLimited { retry_after_secs: u64 },
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("migration error")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("internal error: {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid { field, message: message.into() }
    }

    /// Unique-constraint violations become conflicts; everything else stays a database error.
    pub fn from_unique(err: sqlx::Error, what: &str) -> Self {
        if let sqlx::Error::Database(db) = &err {
            if db.is_unique_violation() {
                return Error::Conflict(format!("{what} already exists"));
            }
        }
        Error::Database(err)
    }
}
