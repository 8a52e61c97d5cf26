//! What an organisation collects consent for: assets (websites, apps) and their collection
//! points, each with versioned purposes and notice text.

use super::{new_id, Page, Paged, Store};
use crate::crypto::sha256_hex;
use crate::types::{DisplayId, HttpUrl, LanguageTag, Name};
use crate::{now_ms, Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::str::FromStr;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AssetRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub kind: String,
    pub url: Option<String>,
    pub description: String,
    pub created_at: i64,
    pub updated_at: i64,
}

const ASSET_COLUMNS: &str = "id, org_id, name, kind, url, description, created_at, updated_at";

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
    pub url: Option<Option<HttpUrl>>,
    pub description: Option<String>,
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
    pub id: Option<String>,
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

/// A collection point with the content of its current version.
#[derive(Debug, Clone)]
pub struct CollectionPointRow {
    pub id: String,
    pub org_id: String,
    pub asset_id: String,
    pub display_id: String,
    pub name: String,
    pub version: i64,
    pub purposes: Vec<Purpose>,
    pub notices: BTreeMap<String, String>,
    /// SHA-256 of the version's purposes and notices: what a consent proves was shown.
    pub content_hash: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct CollectionPointJoined {
    id: String,
    org_id: String,
    asset_id: String,
    display_id: String,
    name: String,
    version: i64,
    purposes_json: String,
    notices_json: String,
    content_hash: String,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<CollectionPointJoined> for CollectionPointRow {
    type Error = Error;
    fn try_from(j: CollectionPointJoined) -> Result<Self> {
        Ok(Self {
            purposes: serde_json::from_str(&j.purposes_json).map_err(|e| Error::Internal(format!("stored purposes: {e}")))?,
            notices: serde_json::from_str(&j.notices_json).map_err(|e| Error::Internal(format!("stored notices: {e}")))?,
            id: j.id,
            org_id: j.org_id,
            asset_id: j.asset_id,
            display_id: j.display_id,
            name: j.name,
            version: j.version,
            content_hash: j.content_hash,
            created_at: j.created_at,
            updated_at: j.updated_at,
        })
    }
}

const CP_SELECT: &str = "SELECT c.id, c.org_id, c.asset_id, c.display_id, c.name, c.current_version AS version,
        v.purposes_json, v.notices_json, v.content_hash, c.created_at, c.updated_at
   FROM collection_points c
   JOIN collection_point_versions v ON v.collection_point_id = c.id AND v.version = c.current_version";

/// Gives new purposes ids, keeps the ids of known ones, and rejects ids from elsewhere.
fn resolve_purposes(inputs: &[PurposeInput], previous: &[Purpose]) -> Result<Vec<Purpose>> {
    if inputs.is_empty() {
        return Err(Error::invalid("purposes", "at least one purpose is required"));
    }
    if inputs.len() > 100 {
        return Err(Error::invalid("purposes", "at most 100 purposes"));
    }
    let mut out: Vec<Purpose> = Vec::with_capacity(inputs.len());
    for input in inputs {
        let id = match &input.id {
            Some(id) if previous.iter().any(|p| &p.id == id) => id.clone(),
            Some(id) => return Err(Error::invalid("purposes", format!("unknown purpose id '{id}'"))),
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

fn content_hash(purposes_json: &str, notices_json: &str) -> String {
    sha256_hex(format!("{{\"notices\":{notices_json},\"purposes\":{purposes_json}}}").as_bytes())
}

impl Store {
    // ---- assets ----

    pub async fn create_asset(&self, org_id: &str, new: &NewAsset) -> Result<AssetRow> {
        let id = new_id();
        let now = now_ms();
        sqlx::query(
            "INSERT INTO assets (id, org_id, name, kind, url, description, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(new.name.as_str())
        .bind(new.kind.as_str())
        .bind(new.url.as_ref().map(|u| u.as_str().to_string()))
        .bind(new.description.trim())
        .bind(now)
        .bind(now)
        .execute(self.pool())
        .await?;
        self.asset(org_id, &id).await
    }

    pub async fn asset(&self, org_id: &str, id: &str) -> Result<AssetRow> {
        sqlx::query_as::<_, AssetRow>(&format!("SELECT {ASSET_COLUMNS} FROM assets WHERE id = $1 AND org_id = $2"))
            .bind(id)
            .bind(org_id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(Error::NotFound("asset"))
    }

    pub async fn list_assets(&self, org_id: &str, page: Page) -> Result<Paged<AssetRow>> {
        let items = sqlx::query_as::<_, AssetRow>(&format!(
            "SELECT {ASSET_COLUMNS} FROM assets WHERE org_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3"
        ))
        .bind(org_id)
        .bind(page.limit)
        .bind(page.offset)
        .fetch_all(self.pool())
        .await?;
        let total = sqlx::query_scalar("SELECT COUNT(*) FROM assets WHERE org_id = $1").bind(org_id).fetch_one(self.pool()).await?;
        Ok(Paged { items, total })
    }

    pub async fn update_asset(&self, org_id: &str, id: &str, patch: &AssetPatch) -> Result<AssetRow> {
        let current = self.asset(org_id, id).await?;
        let url = match &patch.url {
            Some(v) => v.as_ref().map(|u| u.as_str().to_string()),
            None => current.url,
        };
        sqlx::query("UPDATE assets SET name = $1, kind = $2, url = $3, description = $4, updated_at = $5 WHERE id = $6 AND org_id = $7")
            .bind(patch.name.as_ref().map(|n| n.as_str().to_string()).unwrap_or(current.name))
            .bind(patch.kind.map(|k| k.as_str().to_string()).unwrap_or(current.kind))
            .bind(url)
            .bind(patch.description.as_ref().map(|d| d.trim().to_string()).unwrap_or(current.description))
            .bind(now_ms())
            .bind(id)
            .bind(org_id)
            .execute(self.pool())
            .await?;
        self.asset(org_id, id).await
    }

    /// An asset with collection points cannot be deleted: their consents would lose their context.
    pub async fn delete_asset(&self, org_id: &str, id: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let in_use: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM collection_points WHERE asset_id = $1 AND org_id = $2")
            .bind(id)
            .bind(org_id)
            .fetch_one(&mut *tx)
            .await?;
        if in_use > 0 {
            return Err(Error::Conflict(format!("the asset has {in_use} collection point(s); delete or move them first")));
        }
        let gone =
            sqlx::query("DELETE FROM assets WHERE id = $1 AND org_id = $2").bind(id).bind(org_id).execute(&mut *tx).await?.rows_affected();
        if gone == 0 {
            return Err(Error::NotFound("asset"));
        }
        tx.commit().await?;
        Ok(())
    }

    // ---- collection points ----

    pub async fn create_collection_point(&self, org_id: &str, new: &NewCollectionPoint) -> Result<CollectionPointRow> {
        let purposes = resolve_purposes(&new.purposes, &[])?;
        let purposes_json = serde_json::to_string(&purposes).map_err(|e| Error::Internal(e.to_string()))?;
        let notices_json = serde_json::to_string(&new.notices.as_map()).map_err(|e| Error::Internal(e.to_string()))?;
        let mut tx = self.begin_write().await?;
        let asset_ok: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assets WHERE id = $1 AND org_id = $2")
            .bind(&new.asset_id)
            .bind(org_id)
            .fetch_one(&mut *tx)
            .await?;
        if asset_ok == 0 {
            return Err(Error::invalid("asset_id", "no such asset in this organisation"));
        }
        let display_id = match &new.display_id {
            Some(d) => d.as_str().to_string(),
            None => {
                loop {
                    // Skip numbers an admin already took by hand.
                    let n: i64 = sqlx::query_scalar("UPDATE orgs SET cp_seq = cp_seq + 1 WHERE id = $1 RETURNING cp_seq")
                        .bind(org_id)
                        .fetch_one(&mut *tx)
                        .await?;
                    let candidate = DisplayId::nth(n).as_str().to_string();
                    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM collection_points WHERE org_id = $1 AND display_id = $2")
                        .bind(org_id)
                        .bind(&candidate)
                        .fetch_one(&mut *tx)
                        .await?;
                    if taken == 0 {
                        break candidate;
                    }
                }
            }
        };
        let id = new_id();
        let now = now_ms();
        sqlx::query(
            "INSERT INTO collection_points (id, org_id, asset_id, display_id, name, current_version, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, 1, $6, $7)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(&new.asset_id)
        .bind(&display_id)
        .bind(new.name.as_str())
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(|e| Error::from_unique(e, "a collection point with this display_id"))?;
        insert_version(&mut tx, &id, 1, &purposes_json, &notices_json, now).await?;
        tx.commit().await?;
        self.collection_point(org_id, &id).await
    }

    /// By UUID or by display id (`CP010`).
    pub async fn collection_point(&self, org_id: &str, id_or_display: &str) -> Result<CollectionPointRow> {
        let joined =
            sqlx::query_as::<_, CollectionPointJoined>(&format!("{CP_SELECT} WHERE c.org_id = $1 AND (c.id = $2 OR c.display_id = $2)"))
                .bind(org_id)
                .bind(id_or_display)
                .fetch_optional(self.pool())
                .await?
                .ok_or(Error::NotFound("collection point"))?;
        joined.try_into()
    }

    /// The content of one version, for proving what a consent was shown.
    pub async fn collection_point_version(&self, org_id: &str, id: &str, version: i64) -> Result<CollectionPointRow> {
        let joined = sqlx::query_as::<_, CollectionPointJoined>(
            "SELECT c.id, c.org_id, c.asset_id, c.display_id, c.name, v.version,
                    v.purposes_json, v.notices_json, v.content_hash, c.created_at, v.created_at AS updated_at
               FROM collection_points c
               JOIN collection_point_versions v ON v.collection_point_id = c.id
              WHERE c.org_id = $1 AND c.id = $2 AND v.version = $3",
        )
        .bind(org_id)
        .bind(id)
        .bind(version)
        .fetch_optional(self.pool())
        .await?
        .ok_or(Error::NotFound("collection point version"))?;
        joined.try_into()
    }

    pub async fn list_collection_points(&self, org_id: &str, asset_id: Option<&str>, page: Page) -> Result<Paged<CollectionPointRow>> {
        let rows = sqlx::query_as::<_, CollectionPointJoined>(&format!(
            "{CP_SELECT} WHERE c.org_id = $1 AND ($2 IS NULL OR c.asset_id = $2)
             ORDER BY c.created_at DESC, c.id LIMIT $3 OFFSET $4"
        ))
        .bind(org_id)
        .bind(asset_id)
        .bind(page.limit)
        .bind(page.offset)
        .fetch_all(self.pool())
        .await?;
        let total = sqlx::query_scalar("SELECT COUNT(*) FROM collection_points WHERE org_id = $1 AND ($2 IS NULL OR asset_id = $2)")
            .bind(org_id)
            .bind(asset_id)
            .fetch_one(self.pool())
            .await?;
        Ok(Paged { items: rows.into_iter().map(TryInto::try_into).collect::<Result<_>>()?, total })
    }

    /// Renames or moves in place; new purposes or notice text make a new version.
    pub async fn update_collection_point(
        &self,
        org_id: &str,
        id_or_display: &str,
        patch: &CollectionPointPatch,
    ) -> Result<CollectionPointRow> {
        let current = self.collection_point(org_id, id_or_display).await?;
        let purposes = match &patch.purposes {
            Some(inputs) => resolve_purposes(inputs, &current.purposes)?,
            None => current.purposes.clone(),
        };
        let notices = patch.notices.as_ref().map(Notices::as_map).unwrap_or_else(|| current.notices.clone());
        let content_changed = purposes != current.purposes || notices != current.notices;
        let mut tx = self.begin_write().await?;
        if let Some(asset_id) = &patch.asset_id {
            let ok: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assets WHERE id = $1 AND org_id = $2")
                .bind(asset_id)
                .bind(org_id)
                .fetch_one(&mut *tx)
                .await?;
            if ok == 0 {
                return Err(Error::invalid("asset_id", "no such asset in this organisation"));
            }
        }
        let now = now_ms();
        // Guarded by the version we read, so two concurrent edits cannot both become version n+1.
        let next_version = if content_changed { current.version + 1 } else { current.version };
        let updated = sqlx::query(
            "UPDATE collection_points SET name = $1, asset_id = $2, current_version = $3, updated_at = $4
              WHERE id = $5 AND org_id = $6 AND current_version = $7",
        )
        .bind(patch.name.as_ref().map(|n| n.as_str().to_string()).unwrap_or(current.name.clone()))
        .bind(patch.asset_id.clone().unwrap_or(current.asset_id.clone()))
        .bind(next_version)
        .bind(now)
        .bind(&current.id)
        .bind(org_id)
        .bind(current.version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 0 {
            return Err(Error::Conflict("the collection point was changed concurrently; reload and try again".into()));
        }
        if content_changed {
            let purposes_json = serde_json::to_string(&purposes).map_err(|e| Error::Internal(e.to_string()))?;
            let notices_json = serde_json::to_string(&notices).map_err(|e| Error::Internal(e.to_string()))?;
            insert_version(&mut tx, &current.id, next_version, &purposes_json, &notices_json, now).await?;
        }
        tx.commit().await?;
        self.collection_point(org_id, &current.id).await
    }

    /// Only a collection point nobody has consented through can be deleted.
    pub async fn delete_collection_point(&self, org_id: &str, id_or_display: &str) -> Result<()> {
        let current = self.collection_point(org_id, id_or_display).await?;
        let mut tx = self.begin_write().await?;
        let used: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM consent_events WHERE org_id = $1 AND subject_kind = 'collection_point' AND subject_id = $2",
        )
        .bind(org_id)
        .bind(&current.id)
        .fetch_one(&mut *tx)
        .await?;
        if used > 0 {
            return Err(Error::Conflict("consents were recorded through this collection point; it is kept as evidence".into()));
        }
        sqlx::query("DELETE FROM collection_point_versions WHERE collection_point_id = $1").bind(&current.id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM collection_points WHERE id = $1 AND org_id = $2").bind(&current.id).bind(org_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn insert_version(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    cp_id: &str,
    version: i64,
    purposes_json: &str,
    notices_json: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO collection_point_versions (collection_point_id, version, purposes_json, notices_json, content_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(cp_id)
    .bind(version)
    .bind(purposes_json)
    .bind(notices_json)
    .bind(content_hash(purposes_json, notices_json))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(id: Option<&str>, name: &str) -> PurposeInput {
        PurposeInput {
            id: id.map(str::to_string),
            name: Name::parse("name", name, 200).unwrap(),
            description: String::new(),
            required: false,
            data_categories: vec![],
        }
    }

    #[test]
    fn purposes_keep_known_ids_and_reject_foreign_ones() {
        let first = resolve_purposes(&[input(None, "Marketing")], &[]).unwrap();
        let again = resolve_purposes(&[input(Some(&first[0].id), "Marketing emails"), input(None, "Analytics")], &first).unwrap();
        assert_eq!(again[0].id, first[0].id);
        assert_ne!(again[1].id, first[0].id);
        assert!(resolve_purposes(&[input(Some("nope"), "X")], &first).is_err());
        assert!(resolve_purposes(&[input(None, "A"), input(None, "a")], &[]).is_err());
        assert!(resolve_purposes(&[], &[]).is_err());
    }

    #[test]
    fn notices_need_a_language_and_text() {
        assert!(Notices::parse(BTreeMap::new()).is_err());
        assert!(Notices::parse([("en".to_string(), " ".to_string())].into()).is_err());
        assert!(Notices::parse([("english".to_string(), "x".to_string())].into()).is_err());
        let n = Notices::parse([("EN".to_string(), "We use your data".to_string())].into()).unwrap();
        assert_eq!(n.as_map().get("en").unwrap(), "We use your data");
    }
}
