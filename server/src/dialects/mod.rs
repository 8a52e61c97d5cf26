//! The wire dialects that existing clients speak (the seed documents in `shared/seeds`). Each
//! parses its own format into the domain's, calls a service, and writes the result back in the
//! same format; the rules are the services'.

pub mod consent_links;
pub mod universal_consents;
