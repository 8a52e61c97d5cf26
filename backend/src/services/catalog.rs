//! Assets and collection points.

use super::Context;
use crate::auth::{Caller, Permission};
use crate::catalog::{resolve_purposes, AssetPatch, CollectionPointPatch, NewAsset, NewCollectionPoint};
use crate::ledger::SubjectKind;
use crate::store::catalog::{self as store, AssetRow, CollectionPointRow};
use crate::store::{ledger, new_id, Page, Paged};
use crate::types::DisplayId;
use crate::{Error, Result};

#[derive(Clone)]
pub struct Catalog {
    ctx: Context,
}

impl Catalog {
    pub(crate) fn new(ctx: Context) -> Self {
        Self { ctx }
    }

    // ---- assets ----

    pub async fn create_asset(&self, caller: &Caller, new: &NewAsset) -> Result<AssetRow> {
        caller.require(Permission::Manage)?;
        let mut tx = self.ctx.store.begin().await?;
        let row = AssetRow {
            id: new_id(),
            org_id: caller.org_id().to_string(),
            name: new.name.as_str().to_string(),
            kind: new.kind,
            url: new.url.as_ref().map(|u| u.as_str().to_string()),
            description: new.description.trim().to_string(),
            created_at: tx.now(),
            updated_at: tx.now(),
        };
        store::insert_asset(&mut tx, &row).await?;
        tx.commit().await?;
        Ok(row)
    }

    pub async fn asset(&self, caller: &Caller, id: &str) -> Result<AssetRow> {
        caller.require(Permission::Read)?;
        store::asset(&mut *self.ctx.store.conn().await?, caller.org_id(), id).await
    }

    pub async fn list_assets(&self, caller: &Caller, page: Page) -> Result<Paged<AssetRow>> {
        caller.require(Permission::Read)?;
        store::list_assets(&mut *self.ctx.store.conn().await?, caller.org_id(), page).await
    }

    pub async fn update_asset(&self, caller: &Caller, id: &str, patch: &AssetPatch) -> Result<AssetRow> {
        caller.require(Permission::Manage)?;
        let mut tx = self.ctx.store.begin().await?;
        let mut row = store::asset(&mut tx, caller.org_id(), id).await?;
        if let Some(n) = &patch.name {
            row.name = n.as_str().to_string();
        }
        if let Some(k) = patch.kind {
            row.kind = k;
        }
        if let Some(url) = &patch.url {
            row.url = url.as_ref().map(|u| u.as_str().to_string());
        }
        if let Some(d) = &patch.description {
            row.description = d.trim().to_string();
        }
        row.updated_at = tx.now();
        store::update_asset(&mut tx, &row).await?;
        tx.commit().await?;
        Ok(row)
    }

    /// An asset with collection points cannot be deleted: their consents would lose their context.
    pub async fn delete_asset(&self, caller: &Caller, id: &str) -> Result<()> {
        caller.require(Permission::Manage)?;
        let mut tx = self.ctx.store.begin().await?;
        let in_use = store::count_collection_points_of_asset(&mut tx, caller.org_id(), id).await?;
        if in_use > 0 {
            return Err(Error::Conflict(format!("the asset has {in_use} collection point(s); delete or move them first")));
        }
        if !store::delete_asset(&mut tx, caller.org_id(), id).await? {
            return Err(Error::NotFound("asset"));
        }
        tx.commit().await
    }

    // ---- collection points ----

    pub async fn create_collection_point(&self, caller: &Caller, new: &NewCollectionPoint) -> Result<CollectionPointRow> {
        caller.require(Permission::Manage)?;
        let purposes = resolve_purposes(&new.purposes)?;
        let org_id = caller.org_id();
        let mut tx = self.ctx.store.begin().await?;
        if !store::asset_exists(&mut tx, org_id, &new.asset_id).await? {
            return Err(Error::invalid("asset_id", "no such asset in this organisation"));
        }
        let display_id = match &new.display_id {
            Some(d) => d.as_str().to_string(),
            // Skip numbers an admin already took by hand.
            None => loop {
                let candidate = DisplayId::nth(store::next_display_number(&mut tx, org_id).await?).as_str().to_string();
                if !store::display_id_taken(&mut tx, org_id, &candidate).await? {
                    break candidate;
                }
            },
        };
        let cp = CollectionPointRow {
            id: new_id(),
            org_id: org_id.to_string(),
            asset_id: new.asset_id.clone(),
            display_id,
            name: new.name.as_str().to_string(),
            version: 1,
            purposes,
            notices: new.notices.as_map(),
            content_hash: String::new(),
            created_at: tx.now(),
            updated_at: tx.now(),
        };
        store::insert_collection_point(&mut tx, &cp).await?;
        let stored = store::collection_point(&mut tx, org_id, &cp.id).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// By UUID or by display id (`CP010`).
    pub async fn collection_point(&self, caller: &Caller, id_or_display: &str) -> Result<CollectionPointRow> {
        caller.require(Permission::Read)?;
        store::collection_point(&mut *self.ctx.store.conn().await?, caller.org_id(), id_or_display).await
    }

    /// The content of one version, for proving what a consent was shown.
    pub async fn collection_point_version(&self, caller: &Caller, id_or_display: &str, version: i64) -> Result<CollectionPointRow> {
        caller.require(Permission::Read)?;
        let mut c = self.ctx.store.conn().await?;
        let cp = store::collection_point(&mut c, caller.org_id(), id_or_display).await?;
        store::collection_point_version(&mut c, caller.org_id(), &cp.id, version).await
    }

    pub async fn list_collection_points(&self, caller: &Caller, asset_id: Option<&str>, page: Page) -> Result<Paged<CollectionPointRow>> {
        caller.require(Permission::Read)?;
        store::list_collection_points(&mut *self.ctx.store.conn().await?, caller.org_id(), asset_id, page).await
    }

    /// Renames or moves in place; new purposes or notice text make a new version.
    pub async fn update_collection_point(
        &self,
        caller: &Caller,
        id_or_display: &str,
        patch: &CollectionPointPatch,
    ) -> Result<CollectionPointRow> {
        caller.require(Permission::Manage)?;
        let org_id = caller.org_id();
        let mut tx = self.ctx.store.begin().await?;
        let current = store::collection_point(&mut tx, org_id, id_or_display).await?;
        let purposes = match &patch.purposes {
            Some(inputs) => resolve_purposes(inputs)?,
            None => current.purposes.clone(),
        };
        let notices = patch.notices.as_ref().map(|n| n.as_map()).unwrap_or_else(|| current.notices.clone());
        if let Some(asset_id) = &patch.asset_id {
            if !store::asset_exists(&mut tx, org_id, asset_id).await? {
                return Err(Error::invalid("asset_id", "no such asset in this organisation"));
            }
        }
        let content_changed = purposes != current.purposes || notices != current.notices;
        let next = CollectionPointRow {
            name: patch.name.as_ref().map(|n| n.as_str().to_string()).unwrap_or_else(|| current.name.clone()),
            asset_id: patch.asset_id.clone().unwrap_or_else(|| current.asset_id.clone()),
            version: if content_changed { current.version + 1 } else { current.version },
            purposes,
            notices,
            updated_at: tx.now(),
            ..current.clone()
        };
        if !store::update_collection_point(&mut tx, &next, current.version).await? {
            return Err(Error::Conflict("the collection point was changed concurrently; reload and try again".into()));
        }
        if content_changed {
            store::insert_version(&mut tx, &next).await?;
        }
        let stored = store::collection_point(&mut tx, org_id, &next.id).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Only a collection point nobody has consented through can be deleted.
    pub async fn delete_collection_point(&self, caller: &Caller, id_or_display: &str) -> Result<()> {
        caller.require(Permission::Manage)?;
        let org_id = caller.org_id();
        let mut tx = self.ctx.store.begin().await?;
        let current = store::collection_point(&mut tx, org_id, id_or_display).await?;
        if ledger::count_about_subject(&mut tx, org_id, SubjectKind::CollectionPoint.as_str(), &current.id).await? > 0 {
            return Err(Error::Conflict("consents were recorded through this collection point; it is kept as evidence".into()));
        }
        let requests = crate::store::links::count_for_collection_point(&mut tx, org_id, &current.id).await?;
        if requests > 0 {
            return Err(Error::Conflict(format!(
                "{requests} consent link(s) were created for this collection point; it is kept with their history"
            )));
        }
        store::delete_collection_point(&mut tx, org_id, &current.id).await?;
        tx.commit().await
    }
}
