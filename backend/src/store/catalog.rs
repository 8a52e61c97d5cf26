//! Assets and collection points, with every version of a collection point's purposes and notices.

use super::{Page, Paged};
use crate::catalog::{content_hash, AssetKind, Purpose};
use crate::{Error, Result};
use sqlx::AnyConnection;
use std::collections::BTreeMap;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AssetRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub kind: AssetKind,
    pub url: Option<String>,
    pub description: String,
    pub created_at: i64,
    pub updated_at: i64,
}

const ASSET_COLUMNS: &str = "id, org_id, name, kind, url, description, created_at, updated_at";

/// A collection point with the content of one version (the current one unless asked otherwise).
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
            purposes: serde_json::from_str(&j.purposes_json).map_err(|e| Error::corrupt("collection point purposes", e))?,
            notices: serde_json::from_str(&j.notices_json).map_err(|e| Error::corrupt("collection point notices", e))?,
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

// ---- assets ----

pub async fn insert_asset(c: &mut AnyConnection, a: &AssetRow) -> Result<()> {
    sqlx::query(&format!("INSERT INTO assets ({ASSET_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"))
        .bind(&a.id)
        .bind(&a.org_id)
        .bind(&a.name)
        .bind(a.kind.as_str())
        .bind(&a.url)
        .bind(&a.description)
        .bind(a.created_at)
        .bind(a.updated_at)
        .execute(&mut *c)
        .await?;
    Ok(())
}

pub async fn asset(c: &mut AnyConnection, org_id: &str, id: &str) -> Result<AssetRow> {
    sqlx::query_as::<_, AssetRow>(&format!("SELECT {ASSET_COLUMNS} FROM assets WHERE id = $1 AND org_id = $2"))
        .bind(id)
        .bind(org_id)
        .fetch_optional(&mut *c)
        .await?
        .ok_or(Error::NotFound("asset"))
}

pub async fn asset_exists(c: &mut AnyConnection, org_id: &str, id: &str) -> Result<bool> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM assets WHERE id = $1 AND org_id = $2").bind(id).bind(org_id).fetch_one(&mut *c).await?;
    Ok(n > 0)
}

pub async fn list_assets(c: &mut AnyConnection, org_id: &str, page: Page) -> Result<Paged<AssetRow>> {
    let items = sqlx::query_as::<_, AssetRow>(&format!(
        "SELECT {ASSET_COLUMNS} FROM assets WHERE org_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3"
    ))
    .bind(org_id)
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&mut *c)
    .await?;
    let total = sqlx::query_scalar("SELECT COUNT(*) FROM assets WHERE org_id = $1").bind(org_id).fetch_one(&mut *c).await?;
    Ok(Paged { items, total })
}

pub async fn update_asset(c: &mut AnyConnection, a: &AssetRow) -> Result<()> {
    sqlx::query("UPDATE assets SET name = $1, kind = $2, url = $3, description = $4, updated_at = $5 WHERE id = $6 AND org_id = $7")
        .bind(&a.name)
        .bind(a.kind.as_str())
        .bind(&a.url)
        .bind(&a.description)
        .bind(a.updated_at)
        .bind(&a.id)
        .bind(&a.org_id)
        .execute(&mut *c)
        .await?;
    Ok(())
}

pub async fn delete_asset(c: &mut AnyConnection, org_id: &str, id: &str) -> Result<bool> {
    let gone =
        sqlx::query("DELETE FROM assets WHERE id = $1 AND org_id = $2").bind(id).bind(org_id).execute(&mut *c).await?.rows_affected();
    Ok(gone > 0)
}

// ---- collection points ----

pub async fn count_collection_points_of_asset(c: &mut AnyConnection, org_id: &str, asset_id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM collection_points WHERE asset_id = $1 AND org_id = $2")
        .bind(asset_id)
        .bind(org_id)
        .fetch_one(&mut *c)
        .await?)
}

/// The next number of the organisation's display-id sequence (CP001, CP002, …).
pub async fn next_display_number(c: &mut AnyConnection, org_id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar("UPDATE orgs SET cp_seq = cp_seq + 1 WHERE id = $1 RETURNING cp_seq").bind(org_id).fetch_one(&mut *c).await?)
}

pub async fn display_id_taken(c: &mut AnyConnection, org_id: &str, display_id: &str) -> Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM collection_points WHERE org_id = $1 AND display_id = $2")
        .bind(org_id)
        .bind(display_id)
        .fetch_one(&mut *c)
        .await?;
    Ok(n > 0)
}

/// A new collection point at version 1, with that version's content.
pub async fn insert_collection_point(c: &mut AnyConnection, cp: &CollectionPointRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO collection_points (id, org_id, asset_id, display_id, name, current_version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&cp.id)
    .bind(&cp.org_id)
    .bind(&cp.asset_id)
    .bind(&cp.display_id)
    .bind(&cp.name)
    .bind(cp.version)
    .bind(cp.created_at)
    .bind(cp.updated_at)
    .execute(&mut *c)
    .await
    .map_err(|e| Error::from_unique(e, "a collection point with this display_id"))?;
    insert_version(c, cp).await
}

/// Stores `cp`'s content as its version `cp.version`, with the hash of that content.
pub async fn insert_version(c: &mut AnyConnection, cp: &CollectionPointRow) -> Result<()> {
    let purposes_json = serde_json::to_string(&cp.purposes).map_err(|e| Error::Internal(e.to_string()))?;
    let notices_json = serde_json::to_string(&cp.notices).map_err(|e| Error::Internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO collection_point_versions (collection_point_id, version, purposes_json, notices_json, content_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&cp.id)
    .bind(cp.version)
    .bind(&purposes_json)
    .bind(&notices_json)
    .bind(content_hash(&purposes_json, &notices_json))
    .bind(cp.updated_at)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// By UUID or by display id (`CP010`).
pub async fn collection_point(c: &mut AnyConnection, org_id: &str, id_or_display: &str) -> Result<CollectionPointRow> {
    sqlx::query_as::<_, CollectionPointJoined>(&format!("{CP_SELECT} WHERE c.org_id = $1 AND (c.id = $2 OR c.display_id = $2)"))
        .bind(org_id)
        .bind(id_or_display)
        .fetch_optional(&mut *c)
        .await?
        .ok_or(Error::NotFound("collection point"))?
        .try_into()
}

/// The content of one version, for proving what a consent was shown.
pub async fn collection_point_version(c: &mut AnyConnection, org_id: &str, id: &str, version: i64) -> Result<CollectionPointRow> {
    sqlx::query_as::<_, CollectionPointJoined>(
        "SELECT c.id, c.org_id, c.asset_id, c.display_id, c.name, v.version,
                v.purposes_json, v.notices_json, v.content_hash, c.created_at, v.created_at AS updated_at
           FROM collection_points c
           JOIN collection_point_versions v ON v.collection_point_id = c.id
          WHERE c.org_id = $1 AND c.id = $2 AND v.version = $3",
    )
    .bind(org_id)
    .bind(id)
    .bind(version)
    .fetch_optional(&mut *c)
    .await?
    .ok_or(Error::NotFound("collection point version"))?
    .try_into()
}

pub async fn list_collection_points(
    c: &mut AnyConnection,
    org_id: &str,
    asset_id: Option<&str>,
    page: Page,
) -> Result<Paged<CollectionPointRow>> {
    let rows = sqlx::query_as::<_, CollectionPointJoined>(&format!(
        "{CP_SELECT} WHERE c.org_id = $1 AND ($2 IS NULL OR c.asset_id = $2)
         ORDER BY c.created_at DESC, c.id LIMIT $3 OFFSET $4"
    ))
    .bind(org_id)
    .bind(asset_id)
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&mut *c)
    .await?;
    let total = sqlx::query_scalar("SELECT COUNT(*) FROM collection_points WHERE org_id = $1 AND ($2 IS NULL OR asset_id = $2)")
        .bind(org_id)
        .bind(asset_id)
        .fetch_one(&mut *c)
        .await?;
    Ok(Paged { items: rows.into_iter().map(TryInto::try_into).collect::<Result<_>>()?, total })
}

/// Writes `cp`'s name, asset and version, provided the stored version is still `read_version`
/// (so two concurrent edits cannot both become version n+1). False when it was not.
pub async fn update_collection_point(c: &mut AnyConnection, cp: &CollectionPointRow, read_version: i64) -> Result<bool> {
    let updated = sqlx::query(
        "UPDATE collection_points SET name = $1, asset_id = $2, current_version = $3, updated_at = $4
          WHERE id = $5 AND org_id = $6 AND current_version = $7",
    )
    .bind(&cp.name)
    .bind(&cp.asset_id)
    .bind(cp.version)
    .bind(cp.updated_at)
    .bind(&cp.id)
    .bind(&cp.org_id)
    .bind(read_version)
    .execute(&mut *c)
    .await?
    .rows_affected();
    Ok(updated == 1)
}

pub async fn delete_collection_point(c: &mut AnyConnection, org_id: &str, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM collection_point_versions WHERE collection_point_id = $1").bind(id).execute(&mut *c).await?;
    sqlx::query("DELETE FROM collection_points WHERE id = $1 AND org_id = $2").bind(id).bind(org_id).execute(&mut *c).await?;
    Ok(())
}
