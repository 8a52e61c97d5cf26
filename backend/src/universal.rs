//! Universal consents (seed 003): a person's consent to a referenced object (a document, a
//! call, a site), recorded by the customer's backend or, without credentials, through an
//! integration. The rules of its values live here; the flows in `services::universal`.

use crate::ledger::Identifier;
use crate::types::{Email, Phone};
use crate::{Error, Result};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// How much the person agreed to: the seed's `ConsentGiven`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentGiven {
    All,
    Partial,
    None,
}

impl ConsentGiven {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentGiven::All => "All",
            ConsentGiven::Partial => "Partial",
            ConsentGiven::None => "None",
        }
    }

    /// The search's boolean: `true` for All or Partial (the seed types it so).
    pub fn given(self) -> bool {
        !matches!(self, ConsentGiven::None)
    }
}

impl FromStr for ConsentGiven {
    type Err = Error;
    /// Exactly the seed's three words; the vendor's clients send them capitalised, and a
    /// lower-case one means the same.
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "all" => Ok(ConsentGiven::All),
            "partial" => Ok(ConsentGiven::Partial),
            "none" => Ok(ConsentGiven::None),
            _ => Err(Error::invalid("ConsentGiven", "must be one of All, Partial or None")),
        }
    }
}

impl TryFrom<String> for ConsentGiven {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        s.parse()
    }
}

impl fmt::Display for ConsentGiven {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn bounded_text(field: &'static str, s: &str, max: usize) -> Result<String> {
    let s = s.trim();
    if s.is_empty() {
        Err(Error::invalid(field, "must not be empty"))
    } else if s.chars().count() > max {
        Err(Error::invalid(field, format!("must be at most {max} characters")))
    } else if s.chars().any(char::is_control) {
        Err(Error::invalid(field, "must not contain control characters"))
    } else {
        Ok(s.to_string())
    }
}

macro_rules! text_newtype {
    ($name:ident, $field:literal, $max:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self> {
                bounded_text($field, s, $max).map(Self)
            }
        }
    };
}

text_newtype!(
    Reference,
    "Reference",
    512,
    "What the consent is about: a URL, an id, anything the customer names (at most 512 characters)."
);
text_newtype!(CustomUserId, "CustomUserId", 256, "The customer's own id of the person: an email, a phone number, an account id.");
text_newtype!(ConsentType, "ConsentType", 100, "The customer's kind of consent: Call, Chatbot, Newsletter, …");

impl CustomUserId {
    /// The identifiers that make this person the same principal as on other surfaces: an
    /// email or phone number is also the consent links' person.
    pub fn identifiers(&self) -> Vec<Identifier> {
        let raw = self.0.as_str();
        if raw.contains('@') {
            if let Ok(email) = raw.parse::<Email>() {
                return vec![Identifier::Email(email.as_str().to_string())];
            }
        }
        // Only the unambiguous E.164 form: a bare ten-digit account number is not a phone.
        if raw.starts_with('+') {
            if let Ok(phone) = raw.parse::<Phone>() {
                return vec![Identifier::Phone(phone.as_str().to_string())];
            }
        }
        Vec::new()
    }
}

/// The seed's `Metadata`: a JSON text describing the consent object, at most 200 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata(String);

impl Metadata {
    pub const MAX_CHARS: usize = 200;

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Metadata {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        if s.chars().count() > Self::MAX_CHARS {
            return Err(Error::invalid("Metadata", format!("must be at most {} characters", Self::MAX_CHARS)));
        }
        if serde_json::from_str::<serde_json::Value>(s).is_err() {
            return Err(Error::invalid("Metadata", "must be a JSON text (for example {\"title\":\"Terms v2\"})"));
        }
        Ok(Self(s.to_string()))
    }
}

/// The seed's `ClientId`: who gave the consent. A UUID, compared in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClientId(String);

impl ClientId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A fresh one, for a record without a CustomUserId.
    pub fn random() -> Self {
        Self(uuid::Uuid::new_v4().to_string())
    }

    /// The one ClientId of `custom_user_id` in the organisation whose key is `key`: an HMAC, so
    /// the same id always gives the same ClientId, and nobody without the key can compute it.
    /// Shaped as a UUID (version 8, "custom").
    pub fn derive(key: &[u8], custom_user_id: &CustomUserId) -> Self {
        let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
        mac.update(b"assent client id\0");
        mac.update(custom_user_id.as_str().as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        Self(uuid::Builder::from_custom_bytes(bytes).into_uuid().to_string())
    }
}

impl FromStr for ClientId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        uuid::Uuid::try_parse(s.trim())
            .map(|u| Self(u.to_string()))
            .map_err(|_| Error::invalid("ClientId", "must be a ClientId that Assent issued (a UUID)"))
    }
}

impl fmt::Display for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a record came from, as the search shows it (`Fingerprint`). The IP is the client as
/// `server::client_addr` decided it (forwarded addresses only from trusted proxies); the
/// proxified IP is the proxy that forwarded the request, when there was one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    pub ip: Option<String>,
    pub proxified_ip: Option<String>,
    pub user_agent: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
}

/// An origin as browsers send it: `scheme://host[:port]`, lower case, no path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Origin(String);

impl Origin {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Origin {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        let bad = || Error::invalid("allowed_origins", format!("'{s}' is not an origin such as https://shop.example.com"));
        let url = url::Url::parse(s).map_err(|_| bad())?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() || !url.username().is_empty() {
            return Err(bad());
        }
        // An origin has no path, query or fragment: a URL with one is a mistake to point out.
        if !(url.path() == "/" && url.query().is_none() && url.fragment().is_none() && !s.ends_with('/')) {
            return Err(bad());
        }
        Ok(Self(url.origin().ascii_serialization()))
    }
}

impl TryFrom<String> for Origin {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        s.parse()
    }
}

impl From<Origin> for String {
    fn from(o: Origin) -> String {
        o.0
    }
}

/// A category of the banner: `necessary` is always on; the others are the visitor's choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BannerCategory {
    pub id: String,
    /// Always on (the visitor cannot refuse it).
    #[serde(default)]
    pub required: bool,
    /// The category's name per language (`en`, `hi`, …).
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub descriptions: BTreeMap<String, String>,
}

/// The banner's texts in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BannerTexts {
    pub title: String,
    pub body: String,
}

/// What an integration's banner shows and asks: its categories, texts per language and the
/// version of the policy they describe (recorded with every choice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BannerConfig {
    pub policy_version: String,
    pub categories: Vec<BannerCategory>,
    #[serde(default)]
    pub texts: BTreeMap<String, BannerTexts>,
}

impl Default for BannerConfig {
    fn default() -> Self {
        let one = |en: &str| BTreeMap::from([("en".to_string(), en.to_string())]);
        Self {
            policy_version: "1".into(),
            categories: vec![
                BannerCategory {
                    id: "necessary".into(),
                    required: true,
                    labels: one("Necessary"),
                    descriptions: one("Needed for the site to work."),
                },
                BannerCategory {
                    id: "analytics".into(),
                    required: false,
                    labels: one("Analytics"),
                    descriptions: one("Helps us understand how the site is used."),
                },
                BannerCategory {
                    id: "marketing".into(),
                    required: false,
                    labels: one("Marketing"),
                    descriptions: one("Personalised advertising."),
                },
            ],
            texts: BTreeMap::from([(
                "en".to_string(),
                BannerTexts { title: "Your privacy".into(), body: "We use cookies for the purposes below. Choose what you allow.".into() },
            )]),
        }
    }
}

impl BannerConfig {
    /// Checks what serde cannot: ids, languages, lengths, and that `necessary` is there and required.
    pub fn validate(&self) -> Result<()> {
        let field = "banner";
        bounded_text(field, &self.policy_version, 64).map_err(|_| Error::invalid(field, "policy_version must be 1-64 characters"))?;
        if self.categories.is_empty() || self.categories.len() > 20 {
            return Err(Error::invalid(field, "must have 1-20 categories"));
        }
        let mut seen = std::collections::BTreeSet::new();
        for c in &self.categories {
            c.id.parse::<crate::types::PurposeId>()
                .map_err(|_| Error::invalid(field, format!("category id '{}' must be 1-64 letters, digits, '-' or '_'", c.id)))?;
            if !seen.insert(c.id.as_str()) {
                return Err(Error::invalid(field, format!("category '{}' appears twice", c.id)));
            }
            if c.labels.is_empty() {
                return Err(Error::invalid(field, format!("category '{}' needs a label", c.id)));
            }
            for (lang, text) in c.labels.iter().chain(c.descriptions.iter()) {
                lang.parse::<crate::types::LanguageTag>().map_err(|_| Error::invalid(field, format!("'{lang}' is not a language code")))?;
                if text.chars().count() > 1000 {
                    return Err(Error::invalid(field, "category texts must be at most 1000 characters"));
                }
                crate::types::check_text(field, text)?;
            }
        }
        match self.categories.iter().find(|c| c.id == "necessary") {
            Some(c) if c.required => {}
            _ => return Err(Error::invalid(field, "the category 'necessary' must be present and required")),
        }
        for (lang, t) in &self.texts {
            lang.parse::<crate::types::LanguageTag>().map_err(|_| Error::invalid(field, format!("'{lang}' is not a language code")))?;
            if t.title.chars().count() > 200 || t.body.chars().count() > 4000 {
                return Err(Error::invalid(field, "a title is at most 200 characters and a body at most 4000"));
            }
            crate::types::check_text(field, &t.title)?;
            crate::types::check_text(field, &t.body)?;
        }
        Ok(())
    }
}

/// A visitor's choice on an integration's banner, read against that banner's configuration:
/// every category with whether it is allowed (the required ones always are), the level that
/// makes (`All`, `Partial` or `None`) and the policy version the visitor was shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BannerChoice {
    level: ConsentGiven,
    allowed: BTreeMap<String, bool>,
    policy_version: String,
}

impl BannerChoice {
    /// `consent` is `All` (every category), `None` (the required ones only) or `Partial` with
    /// `categories`, the optional ones the visitor allowed. A category the banner does not have
    /// is refused, and so is a choice made on an older version of its policy: the visitor has
    /// not seen the current one.
    pub fn new(config: &BannerConfig, consent: &str, categories: &[String], policy_version: Option<&str>) -> Result<Self> {
        let level = consent.parse::<ConsentGiven>().map_err(|_| Error::invalid("consent", "must be one of All, Partial or None"))?;
        if let Some(unknown) = categories.iter().find(|c| !config.categories.iter().any(|k| &k.id == *c)) {
            return Err(Error::invalid(
                "category",
                format!("the banner has no category '{}'", unknown.chars().take(64).collect::<String>()),
            ));
        }
        if let Some(shown) = policy_version.map(str::trim).filter(|v| !v.is_empty()) {
            if shown != config.policy_version {
                return Err(Error::Conflict(format!(
                    "the banner's policy is now version {}; show it to the visitor again (they saw version {})",
                    config.policy_version,
                    shown.chars().take(64).collect::<String>()
                )));
            }
        }
        let allowed: BTreeMap<String, bool> = config
            .categories
            .iter()
            .map(|c| {
                let yes = c.required
                    || match level {
                        ConsentGiven::All => true,
                        ConsentGiven::None => false,
                        ConsentGiven::Partial => categories.contains(&c.id),
                    };
                (c.id.clone(), yes)
            })
            .collect();
        // `All` when every category is allowed, `None` when only the required ones are.
        let optional = || config.categories.iter().filter(|c| !c.required).map(|c| allowed[&c.id]);
        let level = if optional().all(|yes| yes) {
            ConsentGiven::All
        } else if optional().all(|yes| !yes) {
            ConsentGiven::None
        } else {
            ConsentGiven::Partial
        };
        Ok(Self { level, allowed, policy_version: config.policy_version.clone() })
    }

    pub fn consent_given(&self) -> ConsentGiven {
        self.level
    }

    /// What the record keeps of the choice: `{"categories": {id: allowed}, "policyVersion"}`.
    pub fn metadata(&self) -> Metadata {
        Metadata(serde_json::json!({ "categories": self.allowed, "policyVersion": self.policy_version }).to_string())
    }
}

/// An integration's name: the Reference its consents are recorded against.
pub fn integration_name(s: &str) -> Result<Reference> {
    s.parse::<Reference>().map_err(|e| match e {
        Error::Invalid { message, .. } => Error::invalid("name", message),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_banner_choice_is_read_against_the_banner() {
        let config = BannerConfig::default();
        let read = |consent: &str, categories: &[&str], version: Option<&str>| {
            let categories: Vec<String> = categories.iter().map(|c| c.to_string()).collect();
            BannerChoice::new(&config, consent, &categories, version)
        };
        let all = read("All", &[], Some("1")).unwrap();
        assert_eq!(all.consent_given(), ConsentGiven::All);
        let metadata: serde_json::Value = serde_json::from_str(all.metadata().as_str()).unwrap();
        assert_eq!(
            metadata,
            serde_json::json!({"categories": {"necessary": true, "analytics": true, "marketing": true}, "policyVersion": "1"})
        );
        // Necessary is always allowed; rejecting the rest is None.
        let none = read("none", &["analytics"], None).unwrap();
        assert_eq!(none.consent_given(), ConsentGiven::None);
        assert!(none.metadata().as_str().contains(r#""necessary":true"#));
        let some = read("Partial", &["analytics"], None).unwrap();
        assert_eq!(some.consent_given(), ConsentGiven::Partial);
        // A Partial that allows every optional category is All; one that allows none is None.
        assert_eq!(read("Partial", &["analytics", "marketing"], None).unwrap().consent_given(), ConsentGiven::All);
        assert_eq!(read("Partial", &[], None).unwrap().consent_given(), ConsentGiven::None);
        assert!(matches!(read("Maybe", &[], None), Err(Error::Invalid { field: "consent", .. })));
        assert!(matches!(read("Partial", &["telemetry"], None), Err(Error::Invalid { field: "category", .. })));
        assert!(matches!(read("All", &[], Some("0")), Err(Error::Conflict(_))), "a choice on an older policy");
    }

    #[test]
    fn consent_given_is_one_of_three_words() {
        assert_eq!("All".parse::<ConsentGiven>().unwrap(), ConsentGiven::All);
        assert_eq!("partial".parse::<ConsentGiven>().unwrap(), ConsentGiven::Partial);
        assert_eq!(" None ".parse::<ConsentGiven>().unwrap(), ConsentGiven::None);
        let err = "yes".parse::<ConsentGiven>().unwrap_err();
        assert_eq!(err.report().field, Some("ConsentGiven"));
        assert!(ConsentGiven::Partial.given() && !ConsentGiven::None.given());
    }

    #[test]
    fn the_same_custom_user_id_gives_the_same_client_id_only_under_the_same_key() {
        let id: CustomUserId = "ada@example.com".parse().unwrap();
        let a = ClientId::derive(b"key one", &id);
        assert_eq!(a, ClientId::derive(b"key one", &id));
        assert_ne!(a, ClientId::derive(b"key two", &id));
        assert_ne!(a, ClientId::derive(b"key one", &"bob@example.com".parse().unwrap()));
        let parsed: ClientId = a.as_str().to_ascii_uppercase().parse().unwrap();
        assert_eq!(parsed, a, "a ClientId is found in any case");
        assert_eq!(uuid::Uuid::parse_str(a.as_str()).unwrap().get_version_num(), 8);
        assert!("not-a-client".parse::<ClientId>().is_err());
    }

    #[test]
    fn metadata_is_short_json() {
        assert!(r#"{"title":"Terms v2"}"#.parse::<Metadata>().is_ok());
        assert!("not json".parse::<Metadata>().is_err());
        let long = format!("\"{}\"", "x".repeat(199));
        assert_eq!(long.parse::<Metadata>().unwrap_err().report().field, Some("Metadata"));
    }

    #[test]
    fn custom_user_ids_that_are_emails_or_phones_are_the_same_person() {
        let email: CustomUserId = "Ada@Example.com".parse().unwrap();
        assert_eq!(email.identifiers(), vec![Identifier::Email("ada@example.com".into())]);
        let phone: CustomUserId = "+919876543210".parse().unwrap();
        assert_eq!(phone.identifiers(), vec![Identifier::Phone("+919876543210".into())]);
        let account: CustomUserId = "9876543210".parse().unwrap();
        assert!(account.identifiers().is_empty(), "a bare number is an account id, not a phone");
        assert!("".parse::<CustomUserId>().is_err());
        assert!("a".repeat(257).parse::<CustomUserId>().is_err());
    }

    #[test]
    fn origins() {
        assert_eq!("https://Shop.Example.com".parse::<Origin>().unwrap().as_str(), "https://shop.example.com");
        assert_eq!("http://localhost:8080".parse::<Origin>().unwrap().as_str(), "http://localhost:8080");
        for bad in ["shop.example.com", "https://shop.example.com/path", "https://shop.example.com/", "ftp://x.com", "https://u@x.com"] {
            assert!(bad.parse::<Origin>().is_err(), "{bad}");
        }
    }

    #[test]
    fn banner_config_rules() {
        BannerConfig::default().validate().unwrap();
        let mut c = BannerConfig::default();
        c.categories[0].required = false;
        assert!(c.validate().is_err(), "necessary is always on");
        let mut c = BannerConfig::default();
        c.categories.push(c.categories[1].clone());
        assert!(c.validate().is_err(), "ids are unique");
    }
}
