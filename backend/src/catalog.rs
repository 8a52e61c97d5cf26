//! What an organisation collects consent for: assets (websites, apps) and their collection
//! points, each with versioned purposes and notice text. The rules of editing them.

use crate::crypto::sha256_hex;
use crate::store::new_id;
use crate::types::{DisplayId, HttpUrl, LanguageTag, Name, PurposeId};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::str::FromStr;

/// What sort of thing an asset is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssetKind {
    Website,
    MobileApp,
    Application,
    Offline,
}

impl AssetKind {
    pub const ALL: [&'static str; 4] = ["website", "mobile_app", "application", "offline"];

    pub fn as_str(self) -> &'static str {
        match self {
            AssetKind::Website => "website",
            AssetKind::MobileApp => "mobile_app",
            AssetKind::Application => "application",
            AssetKind::Offline => "offline",
        }
    }
}

impl FromStr for AssetKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "website" => Ok(AssetKind::Website),
            "mobile_app" => Ok(AssetKind::MobileApp),
            "application" => Ok(AssetKind::Application),
            "offline" => Ok(AssetKind::Offline),
            other => Err(Error::invalid("kind", format!("unknown kind '{other}' (expected one of {})", Self::ALL.join(", ")))),
        }
    }
}

impl TryFrom<String> for AssetKind {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        s.parse()
    }
}

#[derive(Debug, Clone)]
pub struct NewAsset {
    pub name: Name,
    pub kind: AssetKind,
    pub url: Option<HttpUrl>,
    pub description: String,
}

#[derive(Debug, Clone, Default)]
pub struct AssetPatch {
    pub name: Option<Name>,
    pub kind: Option<AssetKind>,
    /// `Some(None)` removes the URL.
    pub url: Option<Option<HttpUrl>>,
    pub description: Option<String>,
}

/// An asset's free-text description: at most 2000 characters, no control characters.
pub fn description(d: Option<&str>) -> Result<String> {
    let d = d.unwrap_or_default().trim();
    crate::types::check_text("description", d)?;
    if d.chars().count() > 2000 {
        return Err(Error::invalid("description", "must be at most 2000 characters"));
    }
    Ok(d.to_string())
}

/// One purpose of a collection point. `id` is stable across versions, so a consent to
/// "marketing" stays a consent to the same purpose after its description is edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purpose {
    pub id: String,
    pub name: String,
    pub description: String,
    pub required: bool,
    pub data_categories: Vec<String>,
}

/// A purpose as the admin submits it: without `id` it is new.
#[derive(Debug, Clone)]
pub struct PurposeInput {
    pub id: Option<PurposeId>,
    pub name: Name,
    pub description: String,
    pub required: bool,
    pub data_categories: Vec<String>,
}

/// Notice text by language. At least one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notices(BTreeMap<LanguageTag, String>);

impl Notices {
    pub fn parse(raw: BTreeMap<String, String>) -> Result<Self> {
        let mut out = BTreeMap::new();
        for (lang, text) in raw {
            let tag = LanguageTag::from_str(&lang)?;
            let text = text.trim().to_string();
            crate::types::check_text("notices", &text)?;
            if text.is_empty() {
                return Err(Error::invalid("notices", format!("the '{tag}' notice is empty")));
            }
            if text.len() > 100_000 {
                return Err(Error::invalid("notices", format!("the '{tag}' notice is longer than 100000 bytes")));
            }
            out.insert(tag, text);
        }
        if out.is_empty() {
            return Err(Error::invalid("notices", "at least one language is required, e.g. {\"en\": \"…\"}"));
        }
        Ok(Self(out))
    }

    pub fn as_map(&self) -> BTreeMap<String, String> {
        self.0.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }
}

#[derive(Debug, Clone)]
pub struct NewCollectionPoint {
    /// The asset's UUID.
    pub asset_id: String,
    pub name: Name,
    pub display_id: Option<DisplayId>,
    pub purposes: Vec<PurposeInput>,
    pub notices: Notices,
}

#[derive(Debug, Clone, Default)]
pub struct CollectionPointPatch {
    pub asset_id: Option<String>,
    pub name: Option<Name>,
    pub purposes: Option<Vec<PurposeInput>>,
    pub notices: Option<Notices>,
}

/// Purposes are named by id: a known id keeps its purpose (and the consents given to it), an id
/// not seen before names a new purpose, and a purpose without one gets a UUID.
pub fn resolve_purposes(inputs: &[PurposeInput]) -> Result<Vec<Purpose>> {
    if inputs.is_empty() {
        return Err(Error::invalid("purposes", "at least one purpose is required"));
    }
    if inputs.len() > 100 {
        return Err(Error::invalid("purposes", "at most 100 purposes"));
    }
    let mut out: Vec<Purpose> = Vec::with_capacity(inputs.len());
    for input in inputs {
        let id = match &input.id {
            Some(id) => id.as_str().to_string(),
            None => new_id(),
        };
        if out.iter().any(|p| p.id == id) {
            return Err(Error::invalid("purposes", format!("purpose id '{id}' appears twice")));
        }
        if out.iter().any(|p| p.name.eq_ignore_ascii_case(input.name.as_str())) {
            return Err(Error::invalid("purposes", format!("purpose name '{}' appears twice", input.name)));
        }
        crate::types::check_text("purposes", &input.description)?;
        for c in &input.data_categories {
            crate::types::check_text("purposes", c)?;
        }
        let data_categories = input.data_categories.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
        out.push(Purpose {
            id,
            name: input.name.as_str().to_string(),
            description: input.description.trim().to_string(),
            required: input.required,
            data_categories,
        });
    }
    Ok(out)
}

/// What a consent proves was shown: SHA-256 over a version's purposes and notices.
pub fn content_hash(purposes_json: &str, notices_json: &str) -> String {
    sha256_hex(format!("{{\"notices\":{notices_json},\"purposes\":{purposes_json}}}").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(id: Option<&str>, name: &str) -> PurposeInput {
        PurposeInput {
            id: id.map(|id| id.parse().unwrap()),
            name: Name::parse("name", name, 200).unwrap(),
            description: String::new(),
            required: false,
            data_categories: vec![],
        }
    }

    #[test]
    fn purposes_keep_their_ids_and_take_chosen_ones() {
        let first = resolve_purposes(&[input(None, "Marketing")]).unwrap();
        let again = resolve_purposes(&[input(Some(&first[0].id), "Marketing emails"), input(None, "Analytics")]).unwrap();
        assert_eq!(again[0].id, first[0].id);
        assert_ne!(again[1].id, first[0].id);
        let chosen = resolve_purposes(&[input(Some("marketing_emails"), "X")]).unwrap();
        assert_eq!(chosen[0].id, "marketing_emails");
        assert!(resolve_purposes(&[input(Some("x"), "A"), input(Some("x"), "B")]).is_err());
        assert!("no spaces".parse::<crate::types::PurposeId>().is_err());
        assert!("".parse::<crate::types::PurposeId>().is_err());
        assert!(resolve_purposes(&[input(None, "A"), input(None, "a")]).is_err());
        assert!(resolve_purposes(&[]).is_err());
    }

    #[test]
    fn notices_need_a_language_and_text() {
        assert!(Notices::parse(BTreeMap::new()).is_err());
        assert!(Notices::parse([("en".to_string(), " ".to_string())].into()).is_err());
        assert!(Notices::parse([("english".to_string(), "x".to_string())].into()).is_err());
        let n = Notices::parse([("EN".to_string(), "We use your data".to_string())].into()).unwrap();
        assert_eq!(n.as_map().get("en").unwrap(), "We use your data");
    }

    /// The content hash is evidence of what people were shown: its input format must never drift.
    #[test]
    fn content_hash_is_pinned() {
        assert_eq!(
            content_hash(r#"[{"id":"p","name":"A","description":"","required":false,"data_categories":[]}]"#, r#"{"en":"x"}"#),
            sha256_hex(
                br#"{"notices":{"en":"x"},"purposes":[{"id":"p","name":"A","description":"","required":false,"data_categories":[]}]}"#
            )
        );
    }
}
