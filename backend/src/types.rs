//! Parsed values. Once one of these exists, it is valid: handlers parse at the edge and the
//! rest of the code never re-checks.

use crate::Error;
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

macro_rules! string_newtype {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

fn is_dns_label(s: &str) -> bool {
    (2..=63).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Slugs and subdomains share one rule: they appear in headers and URLs.
fn dns_label(field: &'static str, s: &str) -> Result<String, Error> {
    let s = s.trim();
    if is_dns_label(s) {
        Ok(s.to_string())
    } else {
        Err(Error::invalid(field, "must be 2-63 lowercase letters, digits or dashes, not starting or ending with a dash"))
    }
}

/// An organisation's slug: the `X-Org-Id` header value. Lowercase letters, digits and dashes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrgSlug(String);
string_newtype!(OrgSlug);

impl FromStr for OrgSlug {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        dns_label("slug", s).map(Self)
    }
}

/// The organisation's path segment in consent links.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Subdomain(String);
string_newtype!(Subdomain);

impl FromStr for Subdomain {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        dns_label("subdomain", s).map(Self)
    }
}

/// A collection point's human id, such as `CP010`: unique per organisation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DisplayId(String);
string_newtype!(DisplayId);

impl DisplayId {
    /// The n-th assigned id of an organisation: CP001, CP002, … CP999, CP1000.
    pub fn nth(n: i64) -> Self {
        Self(format!("CP{n:03}"))
    }
}

impl FromStr for DisplayId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        // Existing clients use ids such as `CP010` and `cp_onboarding_v2`.
        let s = s.trim();
        // A UUID-shaped display id could be mistaken for another collection point's id.
        let ok = (1..=64).contains(&s.len())
            && s.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && uuid::Uuid::parse_str(s).is_err();
        if ok {
            Ok(Self(s.to_string()))
        } else {
            Err(Error::invalid("display_id", "must be 1-64 letters, digits, '-' or '_', starting with a letter (e.g. CP010)"))
        }
    }
}

/// A purpose's id within its collection point: chosen by the client (`marketing_emails`) or
/// assigned (a UUID). Consents are recorded against it, so it outlives edits to the purpose's
/// text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PurposeId(String);
string_newtype!(PurposeId);

impl FromStr for PurposeId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim();
        if (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            Ok(Self(s.to_string()))
        } else {
            Err(Error::invalid("purposes", format!("purpose id '{s}' must be 1-64 letters, digits, '-' or '_'")))
        }
    }
}

/// An email address, lower-cased. Deliberately permissive: one `@`, a dot in the domain, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);
string_newtype!(Email);

impl FromStr for Email {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim().to_ascii_lowercase();
        let valid = s.len() <= 254
            && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            && matches!(s.split_once('@'), Some((local, domain))
                if !local.is_empty() && !domain.contains('@') && domain.contains('.')
                    && !domain.starts_with('.') && !domain.ends_with('.'));
        if valid {
            Ok(Self(s))
        } else {
            Err(Error::invalid("email", "is not a valid email address"))
        }
    }
}

/// Free text (descriptions, notices): newlines and tabs are fine, other control characters
/// (NUL above all, which PostgreSQL refuses) are not.
pub fn check_text(field: &'static str, s: &str) -> Result<(), Error> {
    if s.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        Err(Error::invalid(field, "must not contain control characters"))
    } else {
        Ok(())
    }
}

/// A new password: at least 10 characters.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl FromStr for NewPassword {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        if s.chars().count() < 10 {
            Err(Error::invalid("password", "must be at least 10 characters"))
        } else if s.len() > 1024 {
            Err(Error::invalid("password", "must be at most 1024 bytes"))
        } else {
            Ok(Self(s.to_string()))
        }
    }
}

/// `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrandColor(String);
string_newtype!(BrandColor);

impl FromStr for BrandColor {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim();
        if s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Self(s.to_ascii_lowercase()))
        } else {
            Err(Error::invalid("brand_color", "must be a colour like #1f6feb"))
        }
    }
}

/// What an API key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// Create consent links, record and read consents.
    Consent,
    /// Everything, including history, status and management.
    Admin,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Consent => "consent",
            Scope::Admin => "admin",
        }
    }
}

impl FromStr for Scope {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim() {
            "consent" => Ok(Scope::Consent),
            "admin" => Ok(Scope::Admin),
            other => Err(Error::invalid("scopes", format!("unknown scope '{other}' (expected consent or admin)"))),
        }
    }
}

/// A non-empty set of scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scopes(BTreeSet<Scope>);

impl Scopes {
    pub fn new(scopes: impl IntoIterator<Item = Scope>) -> Result<Self, Error> {
        let set: BTreeSet<Scope> = scopes.into_iter().collect();
        if set.is_empty() {
            return Err(Error::invalid("scopes", "at least one scope is required"));
        }
        Ok(Self(set))
    }

    /// `admin` implies every other scope.
    pub fn allows(&self, needed: Scope) -> bool {
        self.0.contains(&Scope::Admin) || self.0.contains(&needed)
    }

    pub fn iter(&self) -> impl Iterator<Item = Scope> + '_ {
        self.0.iter().copied()
    }

    pub fn to_strings(&self) -> Vec<String> {
        self.iter().map(|s| s.as_str().to_string()).collect()
    }

    /// Stored as a comma-separated list.
    pub fn to_db(&self) -> String {
        self.to_strings().join(",")
    }
}

impl FromStr for Scopes {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Scopes::new(s.split(',').filter(|p| !p.trim().is_empty()).map(Scope::from_str).collect::<Result<Vec<_>, _>>()?)
    }
}

/// Stored as text; a stored value that does not parse is a corrupt row, never a default.
impl TryFrom<String> for Scopes {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

/// A dashboard user's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Owner,
    Admin,
    Viewer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Viewer => "viewer",
        }
    }

    /// Owners and admins change things; viewers only read.
    pub fn can_write(self) -> bool {
        matches!(self, Role::Owner | Role::Admin)
    }
}

impl FromStr for Role {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim() {
            "owner" => Ok(Role::Owner),
            "admin" => Ok(Role::Admin),
            "viewer" => Ok(Role::Viewer),
            other => Err(Error::invalid("role", format!("unknown role '{other}' (expected owner, admin or viewer)"))),
        }
    }
}

impl TryFrom<String> for Role {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

/// An id as the store keeps it: a UUID in any case (and with or without hyphens) becomes its
/// lower-case hyphenated form, so clients that send upper-case UUIDs find what they mean;
/// anything else (a display id such as `CP010`) stays as it is.
pub fn canonical_id(raw: &str) -> String {
    let raw = raw.trim();
    match uuid::Uuid::try_parse(raw) {
        Ok(id) => id.to_string(),
        Err(_) => raw.to_string(),
    }
}

/// A phone number in E.164 form. Ten bare digits are an Indian mobile number and get `+91`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);
string_newtype!(Phone);

impl FromStr for Phone {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim();
        let all_digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
        if s.len() == 10 && all_digits(s) {
            return Ok(Self(format!("+91{s}")));
        }
        match s.strip_prefix('+') {
            Some(d) if all_digits(d) && (8..=15).contains(&d.len()) && !d.starts_with('0') => Ok(Self(s.to_string())),
            _ => Err(Error::invalid("phone", "must be in E.164 format (+919876543210) or a 10-digit number")),
        }
    }
}

/// `+*******4311`: every digit but the last four hidden (the last three for short numbers).
pub fn mask_phone(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    let keep = if digits.len() > 8 { 4 } else { 3 };
    let hidden = digits.len().saturating_sub(keep);
    let tail: String = digits[hidden..].iter().collect();
    format!("+{}{}", "*".repeat(hidden), tail)
}

/// A bounded, required, trimmed piece of text (names, titles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name(String);
string_newtype!(Name);

impl Name {
    pub fn parse(field: &'static str, s: &str, max: usize) -> Result<Self, Error> {
        let s = s.trim();
        if s.is_empty() {
            Err(Error::invalid(field, "must not be empty"))
        } else if s.chars().any(char::is_control) {
            Err(Error::invalid(field, "must not contain control characters"))
        } else if s.chars().count() > max {
            Err(Error::invalid(field, format!("must be at most {max} characters")))
        } else {
            Ok(Self(s.to_string()))
        }
    }
}

/// An absolute http(s) URL with a host, kept as the client wrote it (trimmed). It is shown to
/// people and fetched by browsers, so it must be one a URL parser reads: `http://[` is not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl(String);
string_newtype!(HttpUrl);

impl HttpUrl {
    pub fn parse(field: &'static str, s: &str) -> Result<Self, Error> {
        let s = s.trim();
        let valid = s.len() <= 2048
            && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            && s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).is_some_and(|rest| !rest.starts_with(['/', '\\']))
            && url::Url::parse(s).is_ok_and(|u| u.host_str().is_some_and(|h| !h.is_empty()));
        if valid {
            Ok(Self(s.to_string()))
        } else {
            Err(Error::invalid(field, "must be an http:// or https:// URL"))
        }
    }
}

/// A notice language: a lowercase ISO 639-1 code (optionally with a region), e.g. `en`, `hi`, `pt-br`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LanguageTag(String);
string_newtype!(LanguageTag);

impl FromStr for LanguageTag {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim().to_ascii_lowercase();
        let mut parts = s.split('-');
        let primary = parts.next().unwrap_or_default();
        let ok = (2..=3).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_lowercase())
            && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if ok {
            Ok(Self(s))
        } else {
            Err(Error::invalid("notices", format!("'{s}' is not a language code such as en or hi")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!("acme".parse::<OrgSlug>().is_ok());
        assert!("acme-2".parse::<OrgSlug>().is_ok());
        for bad in ["A", "Acme", "-acme", "acme-", "ac me", "a", "ac_me"] {
            assert!(bad.parse::<OrgSlug>().is_err(), "{bad}");
        }
    }

    #[test]
    fn display_ids() {
        assert_eq!(DisplayId::nth(1).as_str(), "CP001");
        assert_eq!(DisplayId::nth(1234).as_str(), "CP1234");
        assert!("CP010".parse::<DisplayId>().is_ok());
        assert!("cp_onboarding_v2".parse::<DisplayId>().is_ok());
        assert!("10".parse::<DisplayId>().is_err());
        assert!("cp 9".parse::<DisplayId>().is_err());
        assert!("CP/1".parse::<DisplayId>().is_err());
        assert!("a0b1c2d3-1111-2222-3333-444455556666".parse::<DisplayId>().is_err());
        assert!(Name::parse("name", "a\u{0}b", 10).is_err());
    }

    #[test]
    fn scopes() {
        let s: Scopes = "consent".parse().unwrap();
        assert!(s.allows(Scope::Consent));
        assert!(!s.allows(Scope::Admin));
        let a: Scopes = "admin".parse().unwrap();
        assert!(a.allows(Scope::Consent));
        assert_eq!("admin,consent".parse::<Scopes>().unwrap().to_db(), "consent,admin");
        assert!("".parse::<Scopes>().is_err());
        assert!("root".parse::<Scopes>().is_err());
    }

    #[test]
    fn emails_and_colours() {
        assert_eq!("Ada@Example.COM".parse::<Email>().unwrap().as_str(), "ada@example.com");
        assert!("ada@example".parse::<Email>().is_err());
        assert!("a b@example.com".parse::<Email>().is_err());
        assert!("#1F6FEB".parse::<BrandColor>().is_ok());
        assert!("blue".parse::<BrandColor>().is_err());
        assert!("short".parse::<NewPassword>().is_err());
    }

    #[test]
    fn phones() {
        assert_eq!("9876543210".parse::<Phone>().unwrap().as_str(), "+919876543210");
        assert_eq!("+14155550123".parse::<Phone>().unwrap().as_str(), "+14155550123");
        for bad in ["98765", "+0123456789", "919876543210", "+91 98765 43210", "abc", "+1234567", "", "+1234567890123456"] {
            assert!(bad.parse::<Phone>().is_err(), "{bad}");
        }
    }

    #[test]
    fn masking_keeps_the_last_digits() {
        assert_eq!(mask_phone("+19876544311"), "+*******4311");
        assert_eq!(mask_phone("+919876543210"), "+********3210");
        assert_eq!(mask_phone("+12345678"), "+*****678");
    }

    #[test]
    fn uuids_are_canonical_in_any_case() {
        assert_eq!(canonical_id(" A0B1C2D3-1111-2222-3333-444455556666 "), "a0b1c2d3-1111-2222-3333-444455556666");
        assert_eq!(canonical_id("a0b1c2d3111122223333444455556666"), "a0b1c2d3-1111-2222-3333-444455556666");
        assert_eq!(canonical_id("CP010"), "CP010");
        assert_eq!(canonical_id("cp_onboarding_v2"), "cp_onboarding_v2");
    }

    #[test]
    fn stored_enums_refuse_unknown_values() {
        assert!(Role::try_from("superuser".to_string()).is_err());
        assert!(Scopes::try_from("consent,root".to_string()).is_err());
        assert_eq!(Scopes::try_from("admin".to_string()).unwrap().to_db(), "admin");
    }

    #[test]
    fn urls_and_languages() {
        assert!(HttpUrl::parse("url", "https://example.com/x").is_ok());
        assert!(HttpUrl::parse("url", "javascript:alert(1)").is_err());
        assert!(HttpUrl::parse("url", "http://[").is_err());
        assert!(HttpUrl::parse("url", "https:///path").is_err());
        assert!(HttpUrl::parse("url", "HTTPS://example.com").is_err());
        assert!(HttpUrl::parse("url", "http://[::1]:8080/logo.png").is_ok());
        assert!("hi".parse::<LanguageTag>().is_ok());
        assert!("pt-BR".parse::<LanguageTag>().is_ok());
        assert!("english".parse::<LanguageTag>().is_err());
    }
}

/// How many days an organisation keeps a person's personal data after their last consent
/// change: from 30 days to 100 years; seven years unless the organisation says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionDays(i64);

impl RetentionDays {
    pub const DEFAULT: RetentionDays = RetentionDays(2557);
    const RANGE: std::ops::RangeInclusive<i64> = 30..=36_525;

    pub fn parse(days: i64) -> Result<Self, Error> {
        if Self::RANGE.contains(&days) {
            Ok(Self(days))
        } else {
            Err(Error::invalid("retention_days", "must be between 30 and 36525 days"))
        }
    }

    pub fn days(self) -> i64 {
        self.0
    }
}
