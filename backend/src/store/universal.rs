//! Universal consents: the current record per (ClientId, Reference), the integrations that
//! record them, and each organisation's ClientId key.

use super::{Paged, Tx};
use crate::universal::{BannerConfig, ConsentGiven, Origin};
use crate::{Error, Result};
use sqlx::AnyConnection;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UniversalConsentRow {
    pub id: String,
    pub org_id: String,
    pub client_id: String,
    pub reference: String,
    pub principal_id: String,
    #[sqlx(try_from = "String")]
    pub consent_given: ConsentGiven,
    pub custom_user_id: Option<String>,
    pub uri: Option<String>,
    pub consent_type: Option<String>,
    pub metadata: Option<String>,
    pub integration_id: Option<String>,
    pub ip: Option<String>,
    pub proxified_ip: Option<String>,
    pub user_agent: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub entry_seq: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const CONSENT_COLUMNS: &str = "id, org_id, client_id, reference, principal_id, consent_given, custom_user_id, uri, consent_type,
    metadata, integration_id, ip, proxified_ip, user_agent, city, region, country, entry_seq, created_at, updated_at";

/// Writes the current record (insert or replace by id).
pub async fn upsert(tx: &mut Tx, row: &UniversalConsentRow) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO universal_consents ({CONSENT_COLUMNS}, given)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         ON CONFLICT (id) DO UPDATE SET principal_id = excluded.principal_id, consent_given = excluded.consent_given,
             custom_user_id = excluded.custom_user_id, uri = excluded.uri, consent_type = excluded.consent_type,
             metadata = excluded.metadata, integration_id = excluded.integration_id, ip = excluded.ip,
             proxified_ip = excluded.proxified_ip, user_agent = excluded.user_agent, city = excluded.city,
             region = excluded.region, country = excluded.country, entry_seq = excluded.entry_seq,
             updated_at = excluded.updated_at, given = excluded.given"
    ))
    .bind(&row.id)
    .bind(&row.org_id)
    .bind(&row.client_id)
    .bind(&row.reference)
    .bind(&row.principal_id)
    .bind(row.consent_given.as_str())
    .bind(&row.custom_user_id)
    .bind(&row.uri)
    .bind(&row.consent_type)
    .bind(&row.metadata)
    .bind(&row.integration_id)
    .bind(&row.ip)
    .bind(&row.proxified_ip)
    .bind(&row.user_agent)
    .bind(&row.city)
    .bind(&row.region)
    .bind(&row.country)
    .bind(row.entry_seq)
    .bind(row.created_at)
    .bind(row.updated_at)
    .bind(row.consent_given.given() as i64)
    .execute(&mut **tx)
    .await
    .map_err(|e| Error::from_unique(e, "a consent for this ClientId and Reference"))?;
    Ok(())
}

pub async fn by_client_and_reference(
    c: &mut AnyConnection,
    org_id: &str,
    client_id: &str,
    reference: &str,
) -> Result<Option<UniversalConsentRow>> {
    Ok(sqlx::query_as::<_, UniversalConsentRow>(&format!(
        "SELECT {CONSENT_COLUMNS} FROM universal_consents WHERE org_id = $1 AND client_id = $2 AND reference = $3"
    ))
    .bind(org_id)
    .bind(client_id)
    .bind(reference)
    .fetch_optional(&mut *c)
    .await?)
}

/// What the search matches besides time; `None` matches anything. Text matches exactly.
#[derive(Debug, Clone, Default)]
pub struct SearchCriteria {
    pub custom_user_id: Option<String>,
    pub reference: Option<String>,
    pub consent_type: Option<String>,
    /// All or Partial (`true`), or None (`false`).
    pub given: Option<bool>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
}

/// The search: its criteria within a window on LastUpdated (inclusive).
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    pub criteria: SearchCriteria,
    pub from: i64,
    pub to: i64,
}

/// A value to bind, for queries whose conditions depend on which filters were given.
enum Arg<'a> {
    Text(&'a str),
    Int(i64),
}

/// One organisation's records matching `filter`, newest change first. Only the filters that
/// were given become conditions: a `($n IS NULL OR column = $n)` form would hide from the
/// planner which index fits, and at a million rows a search by CustomUserId took 3.8 s on
/// SQLite that way (`examples/universal_search_bench.rs`).
pub async fn search(
    c: &mut AnyConnection,
    org_id: &str,
    filter: &SearchFilter,
    limit: i64,
    offset: i64,
) -> Result<Paged<UniversalConsentRow>> {
    let criteria = &filter.criteria;
    let mut args = vec![Arg::Text(org_id), Arg::Int(filter.from), Arg::Int(filter.to)];
    let mut conditions = String::from("org_id = $1 AND updated_at >= $2 AND updated_at <= $3");
    // Column names come from this fixed list, never from the request.
    let texts = [
        ("custom_user_id", &criteria.custom_user_id),
        ("reference", &criteria.reference),
        ("consent_type", &criteria.consent_type),
        ("ip", &criteria.ip),
        ("user_agent", &criteria.user_agent),
        ("city", &criteria.city),
        ("region", &criteria.region),
        ("country", &criteria.country),
    ];
    for (column, value) in texts {
        if let Some(v) = value {
            args.push(Arg::Text(v));
            conditions.push_str(&format!(" AND {column} = ${}", args.len()));
        }
    }
    if let Some(given) = criteria.given {
        args.push(Arg::Int(i64::from(given)));
        conditions.push_str(&format!(" AND given = ${}", args.len()));
    }
    let page_sql = format!(
        "SELECT {CONSENT_COLUMNS} FROM universal_consents WHERE {conditions} ORDER BY updated_at DESC, id LIMIT ${} OFFSET ${}",
        args.len() + 1,
        args.len() + 2
    );
    let mut page = sqlx::query_as::<_, UniversalConsentRow>(&page_sql);
    for arg in &args {
        page = match arg {
            Arg::Text(s) => page.bind(*s),
            Arg::Int(i) => page.bind(*i),
        };
    }
    let items = page.bind(limit).bind(offset).fetch_all(&mut *c).await?;
    let count_sql = format!("SELECT COUNT(*) FROM universal_consents WHERE {conditions}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for arg in &args {
        count = match arg {
            Arg::Text(s) => count.bind(*s),
            Arg::Int(i) => count.bind(*i),
        };
    }
    let total = count.fetch_one(&mut *c).await?;
    Ok(Paged { items, total })
}

/// The organisation's ClientId key, created on first use.
pub async fn client_id_key(tx: &mut Tx, org_id: &str) -> Result<Vec<u8>> {
    if let Some(key) = read_client_id_key(tx, org_id).await? {
        return Ok(key);
    }
    sqlx::query("INSERT INTO org_client_id_keys (org_id, key_hex, created_at) VALUES ($1, $2, $3) ON CONFLICT (org_id) DO NOTHING")
        .bind(org_id)
        .bind(crate::crypto::random_token())
        .bind(tx.now())
        .execute(&mut **tx)
        .await?;
    read_client_id_key(tx, org_id).await?.ok_or_else(|| Error::Internal("the ClientId key was not stored".into()))
}

async fn read_client_id_key(c: &mut AnyConnection, org_id: &str) -> Result<Option<Vec<u8>>> {
    let hex_key: Option<String> =
        sqlx::query_scalar("SELECT key_hex FROM org_client_id_keys WHERE org_id = $1").bind(org_id).fetch_optional(&mut *c).await?;
    hex_key.map(|h| hex::decode(&h).map_err(|e| Error::corrupt("ClientId key", format!("organisation {org_id}: {e}")))).transpose()
}

// ---- integrations ----

#[derive(Debug, Clone)]
pub struct IntegrationRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub allowed_origins: Vec<Origin>,
    pub banner: BannerConfig,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct IntegrationStored {
    id: String,
    org_id: String,
    name: String,
    allowed_origins: String,
    banner_json: String,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<IntegrationStored> for IntegrationRow {
    type Error = Error;
    fn try_from(s: IntegrationStored) -> Result<Self> {
        Ok(Self {
            allowed_origins: serde_json::from_str(&s.allowed_origins)
                .map_err(|e| Error::corrupt("integration origins", format!("integration {}: {e}", s.id)))?,
            banner: serde_json::from_str(&s.banner_json)
                .map_err(|e| Error::corrupt("integration banner", format!("integration {}: {e}", s.id)))?,
            id: s.id,
            org_id: s.org_id,
            name: s.name,
            created_at: s.created_at,
            updated_at: s.updated_at,
        })
    }
}

const INTEGRATION_COLUMNS: &str = "id, org_id, name, allowed_origins, banner_json, created_at, updated_at";

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal(e.to_string()))
}

pub async fn insert_integration(tx: &mut Tx, row: &IntegrationRow) -> Result<()> {
    sqlx::query(&format!("INSERT INTO integrations ({INTEGRATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)"))
        .bind(&row.id)
        .bind(&row.org_id)
        .bind(&row.name)
        .bind(to_json(&row.allowed_origins)?)
        .bind(to_json(&row.banner)?)
        .bind(row.created_at)
        .bind(row.updated_at)
        .execute(&mut **tx)
        .await
        .map_err(|e| Error::from_unique(e, "an integration with this name"))?;
    Ok(())
}

pub async fn update_integration(tx: &mut Tx, row: &IntegrationRow) -> Result<()> {
    sqlx::query("UPDATE integrations SET name = $1, allowed_origins = $2, banner_json = $3, updated_at = $4 WHERE id = $5 AND org_id = $6")
        .bind(&row.name)
        .bind(to_json(&row.allowed_origins)?)
        .bind(to_json(&row.banner)?)
        .bind(row.updated_at)
        .bind(&row.id)
        .bind(&row.org_id)
        .execute(&mut **tx)
        .await
        .map_err(|e| Error::from_unique(e, "an integration with this name"))?;
    Ok(())
}

pub async fn delete_integration(tx: &mut Tx, org_id: &str, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM integrations WHERE id = $1 AND org_id = $2").bind(id).bind(org_id).execute(&mut **tx).await?;
    Ok(())
}

/// One integration; with `org_id`, only if it is that organisation's.
pub async fn integration(c: &mut AnyConnection, org_id: Option<&str>, id: &str) -> Result<IntegrationRow> {
    sqlx::query_as::<_, IntegrationStored>(&format!(
        "SELECT {INTEGRATION_COLUMNS} FROM integrations WHERE id = $1 AND ($2 IS NULL OR org_id = $2)"
    ))
    .bind(id)
    .bind(org_id)
    .fetch_optional(&mut *c)
    .await?
    .ok_or(Error::NotFound("integration"))?
    .try_into()
}

pub async fn list_integrations(c: &mut AnyConnection, org_id: &str, limit: i64, offset: i64) -> Result<Paged<IntegrationRow>> {
    let rows = sqlx::query_as::<_, IntegrationStored>(&format!(
        "SELECT {INTEGRATION_COLUMNS} FROM integrations WHERE org_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3"
    ))
    .bind(org_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *c)
    .await?;
    let total = sqlx::query_scalar("SELECT COUNT(*) FROM integrations WHERE org_id = $1").bind(org_id).fetch_one(&mut *c).await?;
    Ok(Paged { items: rows.into_iter().map(IntegrationRow::try_from).collect::<Result<_>>()?, total })
}

pub async fn count_consents_of_integration(c: &mut AnyConnection, org_id: &str, id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM universal_consents WHERE org_id = $1 AND integration_id = $2")
        .bind(org_id)
        .bind(id)
        .fetch_one(&mut *c)
        .await?)
}

/// Erases what identifies a person in their universal consents (the ClientId, which becomes
/// `erased-` and the record's id, the CustomUserId, the URI, the metadata and the fingerprint)
/// and returns how many records that was and the ClientIds and CustomUserIds they had, to find
/// them elsewhere. The record stays: what was consented to, and when, is the organisation's
/// evidence.
pub async fn erase_principal(c: &mut AnyConnection, org_id: &str, principal_id: &str) -> Result<(usize, Vec<String>)> {
    let rows: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT client_id, custom_user_id FROM universal_consents WHERE org_id = $1 AND principal_id = $2")
            .bind(org_id)
            .bind(principal_id)
            .fetch_all(&mut *c)
            .await?;
    sqlx::query(
        "UPDATE universal_consents SET client_id = 'erased-' || id, custom_user_id = NULL, uri = NULL, metadata = NULL, ip = NULL,
                proxified_ip = NULL, user_agent = NULL, city = NULL, region = NULL, country = NULL
          WHERE org_id = $1 AND principal_id = $2",
    )
    .bind(org_id)
    .bind(principal_id)
    .execute(&mut *c)
    .await?;
    let records = rows.len();
    let mut values: Vec<String> = rows.into_iter().flat_map(|(client, custom)| std::iter::once(client).chain(custom)).collect();
    values.sort();
    values.dedup();
    Ok((records, values))
}
