//! The wire dialects that existing clients speak (seed documents in shared/seeds).

pub mod consent_links;
