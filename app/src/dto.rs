//! JSON shapes of the management API (`/api/v1/…`), shared by the server handlers and the
//! dashboard in the browser. Request bodies reject unknown fields.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
use utoipa::ToSchema;

/// Every error of the management API: `{"error": {"code", "message", "field"?}}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ErrorDetail {
    /// Stable, machine-readable: `invalid_request`, `unauthorized`, `forbidden`, `not_found`,
    /// `conflict`, `rate_limited`, `internal`.
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub field: Option<String>,
}

macro_rules! page_of {
    ($name:ident, $item:ty) => {
        #[derive(Debug, Clone, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(ToSchema))]
        pub struct $name {
            pub items: Vec<$item>,
            /// All matching items, not just this page.
            pub total: i64,
            pub limit: i64,
            pub offset: i64,
        }
    };
}

page_of!(AssetPage, AssetDto);
page_of!(CollectionPointPage, CollectionPointDto);
page_of!(ApiKeyPage, ApiKeyDto);
page_of!(LedgerEntryPage, LedgerEntryDto);
page_of!(IntegrationPage, IntegrationDto);
page_of!(WebhookSubscriptionPage, WebhookSubscriptionDto);
page_of!(WebhookDeliveryPage, WebhookDeliveryDto);

// ---- session ----

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[cfg_attr(feature = "ssr", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "ssr", schema(max_length = 1024))]
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct SessionDto {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    pub expires_at: String,
    pub user: UserDto,
    pub org: OrgDto,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct MeDto {
    pub user: UserDto,
    pub org: OrgDto,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct UserDto {
    pub id: String,
    pub email: String,
    /// `owner`, `admin` or `viewer`.
    pub role: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetupRequest {
    /// The token of the one-time setup link.
    pub token: String,
    #[cfg_attr(feature = "ssr", schema(pattern = "^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$"))]
    pub org_slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::name))]
    pub org_name: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::email))]
    pub email: String,
    #[cfg_attr(feature = "ssr", schema(min_length = 10, max_length = 256))]
    pub password: String,
}

// ---- organisation ----

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct OrgDto {
    pub id: String,
    /// The `X-Org-Id` header value.
    pub slug: String,
    /// The organisation's segment in consent links.
    pub subdomain: String,
    pub name: String,
    pub branding: BrandingDto,
    /// Days a person's personal data is kept after their last consent change; then it is
    /// erased as on request (`POST /api/v1/principals/{dp_id}/erasure`).
    pub retention_days: i64,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct BrandingDto {
    pub name: String,
    pub logo_url: Option<String>,
    /// `#rrggbb`.
    pub color: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrgPatch {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_name))]
    pub name: Option<String>,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_name))]
    pub brand_name: Option<String>,
    /// An empty string removes the logo.
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_url_or_empty))]
    pub logo_url: Option<String>,
    #[cfg_attr(feature = "ssr", schema(pattern = "^#[0-9a-fA-F]{6}$"))]
    pub brand_color: Option<String>,
    /// 30 to 36525 days (default 2557, seven years).
    #[cfg_attr(feature = "ssr", schema(minimum = 30, maximum = 36525))]
    pub retention_days: Option<i64>,
}

// ---- translations: Assent's messages in each language, with the organisation's own wording ----

/// A language Assent speaks on the hosted page and in its emails.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct TranslationLanguageDto {
    /// As `?lang=` spells it (`ta`).
    pub code: String,
    /// Its own name (`தமிழ்`).
    pub name: String,
    /// `ltr` or `rtl`.
    pub dir: String,
    /// How many messages the organisation words itself in this language.
    pub overrides: i64,
    /// Messages this language lacks, shown in English.
    pub fallbacks: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct TranslationLanguages {
    pub languages: Vec<TranslationLanguageDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct TranslationMessageDto {
    /// The message id (`page-approve`).
    pub id: String,
    /// The values Assent fills in (`org`, `date`); a text may use these and no others.
    pub variables: Vec<String>,
    /// Assent's text in this language, as Project Fluent source.
    pub text: String,
    /// The organisation's own text, which replaces it.
    #[serde(rename = "override", skip_serializing_if = "Option::is_none", default)]
    pub override_text: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct TranslationDto {
    pub code: String,
    pub name: String,
    pub dir: String,
    pub messages: Vec<TranslationMessageDto>,
}

/// The organisation's wording in one language: message id → Fluent text. It replaces every
/// override of that language; an empty map goes back to Assent's own words.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PutTranslation {
    pub overrides: BTreeMap<String, String>,
}

// ---- assets ----

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct AssetDto {
    pub id: String,
    pub name: String,
    /// `website`, `mobile_app`, `application` or `offline`.
    pub kind: String,
    pub url: Option<String>,
    pub description: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateAsset {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::name))]
    pub name: String,
    /// Defaults to `website`.
    #[cfg_attr(feature = "ssr", schema(pattern = "^(website|mobile_app|application|offline)$"))]
    pub kind: Option<String>,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_url))]
    pub url: Option<String>,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_description))]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PatchAsset {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_name))]
    pub name: Option<String>,
    #[cfg_attr(feature = "ssr", schema(pattern = "^(website|mobile_app|application|offline)$"))]
    pub kind: Option<String>,
    /// An empty string removes the URL.
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_url_or_empty))]
    pub url: Option<String>,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_description))]
    pub description: Option<String>,
}

// ---- collection points ----

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct PurposeDto {
    pub id: String,
    pub name: String,
    pub description: String,
    pub required: bool,
    pub data_categories: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PurposeInput {
    /// The purpose's id in this collection point: keep an existing purpose's id when editing it
    /// (its consents stay with it); choose one for a new purpose (`marketing_emails`), or omit it
    /// to get a UUID.
    #[cfg_attr(feature = "ssr", schema(pattern = "^[A-Za-z0-9_-]{1,64}$"))]
    pub id: Option<String>,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::name))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::text))]
    pub description: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::text_list))]
    pub data_categories: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct CollectionPointDto {
    pub id: String,
    pub asset_id: String,
    /// Human id such as `CP001`, unique per organisation.
    pub display_id: String,
    pub name: String,
    /// Increases whenever purposes or notice text change.
    pub version: i64,
    /// SHA-256 of this version's purposes and notices.
    pub content_hash: String,
    pub purposes: Vec<PurposeDto>,
    /// Notice text by language code (`en`, `hi`, …).
    pub notices: BTreeMap<String, String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateCollectionPoint {
    #[cfg_attr(feature = "ssr", schema(format = Uuid))]
    pub asset_id: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::name))]
    pub name: String,
    /// Assigned as CP001, CP002, … when omitted or empty.
    #[cfg_attr(feature = "ssr", schema(pattern = "^\\s*([A-Za-z][A-Za-z0-9_-]{0,63})?\\s*$"))]
    pub display_id: Option<String>,
    #[cfg_attr(feature = "ssr", schema(min_items = 1, max_items = 100))]
    pub purposes: Vec<PurposeInput>,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::notices))]
    pub notices: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PatchCollectionPoint {
    #[cfg_attr(feature = "ssr", schema(format = Uuid))]
    pub asset_id: Option<String>,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_name))]
    pub name: Option<String>,
    #[cfg_attr(feature = "ssr", schema(min_items = 1, max_items = 100))]
    pub purposes: Option<Vec<PurposeInput>>,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_notices))]
    pub notices: Option<BTreeMap<String, String>>,
}

// ---- API keys ----

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ApiKeyDto {
    pub id: String,
    pub name: String,
    /// The first characters of the key, to recognise it by.
    pub prefix: String,
    pub scopes: Vec<String>,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct CreatedApiKeyDto {
    #[serde(flatten)]
    pub api_key: ApiKeyDto,
    /// The secret. Shown once; only its hash is stored.
    pub key: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    #[cfg_attr(feature = "ssr", schema(max_length = 200, pattern = "^[^\\x00-\\x1f\\x7f-\\x9f]*$"))]
    pub name: Option<String>,
    /// `consent` and/or `admin`.
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::scopes))]
    pub scopes: Vec<String>,
}

// ---- audit ----

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct LedgerEntryDto {
    /// Position in the organisation's own hash chain, from 1.
    pub seq: i64,
    pub id: String,
    pub principal_id: String,
    pub subject_kind: String,
    pub subject_id: String,
    /// `granted`, `denied` or `withdrawn`.
    pub action: String,
    pub purposes: Vec<PurposeDecisionDto>,
    pub collected_via: String,
    pub notice_version: Option<i64>,
    pub notice_hash: Option<String>,
    /// What the surface could prove (time, address, user agent, link instance); `null` once
    /// the person's data was erased.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub evidence: Option<serde_json::Value>,
    /// The salted SHA-256 of the evidence: what the hash commits to, so that erasing the
    /// evidence keeps the chain verifying.
    pub personal_digest: String,
    pub actor: String,
    pub occurred_at: String,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct PurposeDecisionDto {
    pub purpose_id: String,
    pub granted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct LedgerVerificationDto {
    pub ok: bool,
    pub entries: i64,
    pub head_hash: String,
    pub first_bad: Option<BrokenEntryDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct BrokenEntryDto {
    pub seq: i64,
    pub id: Option<String>,
    pub reason: String,
}

/// A decision's receipt, signed by the organisation: verifiable offline with the organisation's
/// published keys (`assent receipt verify FILE`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ReceiptDto {
    /// Compact JWS (RFC 7515), `alg` EdDSA (Ed25519), `typ` `assent-receipt+jws`, `kid` the
    /// signing key's RFC 7638 thumbprint.
    pub jws: String,
    /// What the JWS states, decoded: the person (`principal`, their `DP…` id), the subject,
    /// `action`, `purposes`, `collected_via`, the notice version and hash, `decided_at`, and the
    /// ledger entry (`entry_id`, `entry_seq`, `entry_hash`).
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub claims: serde_json::Value,
    /// Where the organisation publishes its public keys (a JWKS).
    pub jwks_uri: String,
}

/// Everything an organisation holds about one person: what `GET /api/v1/principals/{dp_id}/export`
/// and the hosted page's export give, for the person to keep.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct PrincipalExportDto {
    /// The person's pseudonymous id in this organisation.
    pub dp_id: String,
    pub organisation: String,
    pub exported_at: String,
    /// How the organisation knows them (`phone`, `email`, `client_id`); empty once erased.
    pub identifiers: Vec<IdentifierDto>,
    /// Every consent change about them, oldest first, each with its evidence (`null` once
    /// erased) and its signed receipt.
    pub entries: Vec<ExportedEntryDto>,
    /// Each notice version they were shown, exactly as shown: purposes and text per language.
    pub notices: Vec<CollectionPointDto>,
    /// When their personal data was erased, and what went.
    pub erasures: Vec<ErasureRecordDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct IdentifierDto {
    pub kind: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ExportedEntryDto {
    pub entry: LedgerEntryDto,
    /// The entry's receipt: a compact JWS signed by the organisation.
    pub receipt: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ErasureRecordDto {
    /// The ledger entry that records the erasure.
    pub entry_id: String,
    pub seq: i64,
    pub erased_at: String,
    /// Who erased (`user:…`, `api_key:…`).
    pub actor: String,
    /// What went: counts of evidence records and identifiers.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub removed: Option<serde_json::Value>,
}

/// What an erasure did.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ErasureDto {
    pub erasure: ErasureRecordDto,
    /// Consent-link requests whose phone number and email were erased.
    pub consent_requests: u64,
    /// Universal consents whose ClientId, CustomUserId, metadata and fingerprint were erased.
    pub universal_consents: u64,
    /// Webhook deliveries that mentioned the person, blanked.
    pub webhook_deliveries: u64,
}

/// A receipt to check: the JSON file the hosted page or the API gives, or the bare JWS.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReceiptCheckRequest {
    #[cfg_attr(feature = "ssr", schema(max_length = 65536))]
    pub receipt: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ReceiptCheckDto {
    /// Signed by one of the organisation's keys (current or retired).
    pub valid: bool,
    /// Why it is not valid.
    pub problem: Option<String>,
    pub kid: Option<String>,
    /// What it states, when valid.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub claims: Option<serde_json::Value>,
    /// The ledger entry it states still has the hash it states.
    pub in_ledger: bool,
}

/// One of the organisation's Ed25519 signing keys, as published.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct SigningKeyDto {
    /// RFC 7638 thumbprint: the `kid` of what it signs.
    pub kid: String,
    /// The public key as a JWK (`kty` OKP, `crv` Ed25519).
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub jwk: serde_json::Value,
    pub created_at: String,
    /// Set once a newer key replaced it; it still verifies what it signed.
    pub retired_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct SigningKeysDto {
    pub jwks_uri: String,
    /// The current key first.
    pub keys: Vec<SigningKeyDto>,
}

/// A signed chain head, written outside the database.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct CheckpointDto {
    pub seq: i64,
    pub hash: String,
    pub signed_at: String,
    pub kid: String,
    /// Compact JWS, `typ` `assent-checkpoint+jws`.
    pub jws: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct CheckpointOutcomeDto {
    /// `false` when the newest checkpoint already holds the chain's head (or the chain is empty).
    pub written: bool,
    pub checkpoint: Option<CheckpointDto>,
}

// ---- consent links (the dialect of seeds 000-002; field names are the contract) ----

/// Fields the seed does not list are accepted and ignored: its clients send their own
/// references, and fields of newer versions of the document.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({"collection_point_id": "CP010", "asset_id": "0b6f0b9e-5c1c-4a53-9d5e-6a4a1f0c2d11",
    "phone": "+919876543210", "email": "ada@example.com", "expiry_hours": 24})))]
pub struct CreateConsentLink {
    /// UUID or display id (`CP010`).
    #[cfg_attr(
        feature = "ssr",
        schema(
            pattern = "^([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}|[A-Za-z][A-Za-z0-9_-]{0,63})$"
        )
    )]
    pub collection_point_id: String,
    #[cfg_attr(feature = "ssr", schema(format = Uuid))]
    pub asset_id: String,
    /// E.164 or 10 digits (then +91).
    #[cfg_attr(feature = "ssr", schema(pattern = "^\\s*(\\+[1-9][0-9]{7,14}|[0-9]{10})\\s*$"))]
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::optional_email))]
    pub email: Option<String>,
    /// 1-24, default 24.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(minimum = 1, maximum = 24))]
    pub expiry_hours: Option<i64>,
    /// ISO 8601; defaults to now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub data_collection_timestamp: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct RegenerateConsentLink {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(minimum = 1, maximum = 24))]
    pub expiry_hours: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ConsentLinkCreated {
    pub request_id: String,
    pub event_id: String,
    pub consent_link: String,
    pub expires_at: String,
    /// `{}` without email; `{"email": "sent"}` or `{"email": "failed"}` with one.
    pub delivery_status: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regeneration_count: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ConsentLinkHistory {
    pub data: Vec<ConsentLinkHistoryItem>,
    pub count: i64,
    pub summary: ConsentLinkSummary,
    #[serde(rename = "collectionPointSummary")]
    pub collection_point_summary: BTreeMap<String, CollectionPointCounts>,
    pub filters: ConsentLinkFilters,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ConsentLinkHistoryItem {
    pub request_id: String,
    pub event_id: String,
    pub collection_point_id: String,
    pub asset_id: String,
    /// Masked: `+*******4311`.
    pub phone: String,
    /// `active`, `complete` or `expired`.
    pub status: String,
    pub created_at: String,
    pub expires_at: String,
    pub completed_at: Option<String>,
    pub consent_action: Option<String>,
    pub regeneration_count: i64,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ConsentLinkSummary {
    pub total_links: i64,
    pub active: i64,
    pub completed: i64,
    pub expired: i64,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct CollectionPointCounts {
    pub total: i64,
    pub active: i64,
    pub completed: i64,
    pub expired: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ConsentLinkFilters {
    #[serde(rename = "assetId")]
    pub asset_id: String,
    #[serde(rename = "collectionPointId")]
    pub collection_point_id: Option<String>,
    #[serde(rename = "eventId")]
    pub event_id: Option<String>,
    #[serde(rename = "dpId")]
    pub dp_id: Option<String>,
    pub from: Option<String>,
    pub to: String,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ConsentLinkStatus {
    pub request_id: String,
    pub status: String,
    pub collection_point: CollectionPointSnapshot,
    pub completed_at: Option<String>,
    pub consent_action: Option<String>,
    pub consent_logs: Vec<ConsentLogEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct CollectionPointSnapshot {
    pub id: Option<String>,
    pub name: Option<String>,
    pub display_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ConsentLogEntry {
    pub id: String,
    pub action: String,
    pub timestamp: String,
    pub source: String,
    pub request_id: String,
    pub purpose_consents: Vec<PurposeConsent>,
    /// With `include_receipts=true` only (the seed has no such field): the entry's receipt,
    /// a compact JWS signed by the organisation (see `GET /api/v1/audit/events/{id}/receipt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct PurposeConsent {
    pub id: String,
    pub name: String,
    pub granted: bool,
}

/// The consent-link dialect's error body.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct DetailError {
    pub detail: String,
}

/// Our management view of one consent-link request (`GET /api/v1/consent-requests/{id}`):
/// what the dialect's responses leave out, such as why an email failed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ConsentRequestDto {
    pub request_id: String,
    pub event_id: String,
    pub consent_link: String,
    pub status: String,
    pub collection_point_id: String,
    pub asset_id: String,
    /// Masked.
    pub phone: String,
    pub email: Option<String>,
    /// The data principal id Assent assigned to this person.
    pub dp_id: String,
    /// `sent`, `failed`, or null without email.
    pub email_status: Option<String>,
    pub email_error: Option<String>,
    pub created_at: String,
    pub expires_at: String,
    pub completed_at: Option<String>,
    pub consent_action: Option<String>,
    pub regeneration_count: i64,
}

// ---- universal consents (the dialect of seed 003; field names and casing are the contract) ----

/// The dialect's errors: RFC 9457 problem details (`application/problem+json`). `errors` names
/// the request field at fault, as ASP.NET-style clients read it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ProblemDetails {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub errors: Option<BTreeMap<String, Vec<String>>>,
}

/// `All`, `Partial` or `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub enum ConsentGivenLevel {
    All,
    Partial,
    None,
}

/// Record a consent (`POST /api/universalconsent`). Fields are matched without regard to case;
/// unknown fields are ignored.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({"ConsentGiven": "All", "CustomUserId": "ada@example.com", "URI": "https://shop.example.com/terms",
    "Metadata": "{\"title\":\"Terms v2\"}", "Reference": "terms-v2", "ConsentType": "Dealership"})))]
pub struct UniversalConsentRecord {
    #[serde(rename = "ConsentGiven")]
    pub consent_given: ConsentGivenLevel,
    /// E.g. the user's email or any id of yours; the same one always gives the same ClientId.
    /// An email or phone number (E.164) is also the same person as on consent links.
    #[serde(rename = "CustomUserId", default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 256))]
    pub custom_user_id: Option<String>,
    /// Defaults to the request's `Origin`.
    #[serde(rename = "URI", default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 2048))]
    pub uri: Option<String>,
    /// A JSON text describing the consent object, at most 200 characters.
    #[serde(rename = "Metadata", default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub metadata: Option<String>,
    /// What the consent is about: a URL, an id, anything.
    #[serde(rename = "Reference")]
    #[cfg_attr(feature = "ssr", schema(min_length = 1, max_length = 512))]
    pub reference: String,
    /// Your kind of consent: Call, Chatbot, Dealership, …
    #[serde(rename = "ConsentType", default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 100))]
    pub consent_type: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct UniversalConsentRecorded {
    /// When the record was first created (RFC 3339).
    #[serde(rename = "Created")]
    pub created: String,
    /// The person's id: the same CustomUserId always leads to the same ClientId.
    #[serde(rename = "ClientId")]
    pub client_id: String,
}

/// Update a consent (`PATCH /api/universalconsent`): ConsentGiven, Metadata or both.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({"ClientId": "8f14e45f-ceea-867a-8b6f-5f6a0a1c2b3d", "Reference": "terms-v2", "ConsentGiven": "None",
    "Metadata": "{\"title\":\"Terms v2\"}"})))]
pub struct UniversalConsentUpdate {
    #[serde(rename = "ClientId")]
    pub client_id: String,
    #[serde(rename = "Reference")]
    pub reference: String,
    #[serde(rename = "ConsentGiven", default)]
    pub consent_given: Option<ConsentGivenLevel>,
    #[serde(rename = "Metadata", default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub metadata: Option<String>,
}

/// The full record of one ClientId for one Reference.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct UniversalConsentDto {
    #[serde(rename = "Id")]
    pub id: String,
    #[serde(rename = "Created")]
    pub created: String,
    #[serde(rename = "LastUpdated")]
    pub last_updated: String,
    #[serde(rename = "URI")]
    pub uri: Option<String>,
    /// `All`, `Partial` or `None`.
    #[serde(rename = "ConsentGiven")]
    pub consent_given: String,
    #[serde(rename = "ConsentType")]
    pub consent_type: Option<String>,
    #[serde(rename = "Metadata")]
    pub metadata: Option<String>,
    #[serde(rename = "Reference")]
    pub reference: String,
    #[serde(rename = "CustomUserId")]
    pub custom_user_id: Option<String>,
    #[serde(rename = "ClientId")]
    pub client_id: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct ConsentGivenAnswer {
    /// `All`, `Partial` or `None`.
    #[serde(rename = "ConsentGiven")]
    pub consent_given: String,
}

/// One result of the search. Its `ConsentGiven` is a boolean, as the seed types it: `true`
/// when the record's level is `All` or `Partial`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct UniversalConsentSearchItem {
    #[serde(rename = "Id")]
    pub id: String,
    #[serde(rename = "Created")]
    pub created: String,
    #[serde(rename = "LastUpdated")]
    pub last_updated: String,
    #[serde(rename = "ConsentGiven")]
    pub consent_given: bool,
    #[serde(rename = "URI")]
    pub uri: Option<String>,
    #[serde(rename = "ConsentType")]
    pub consent_type: Option<String>,
    #[serde(rename = "Metadata")]
    pub metadata: Option<String>,
    #[serde(rename = "Reference")]
    pub reference: String,
    #[serde(rename = "ClientId")]
    pub client_id: String,
    #[serde(rename = "Fingerprint")]
    pub fingerprint: FingerprintDto,
}

/// Where a record came from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct FingerprintDto {
    #[serde(rename = "CustomUserId")]
    pub custom_user_id: Option<String>,
    /// The client's address (a forwarded one only from the proxies the admin trusts).
    #[serde(rename = "IP")]
    pub ip: Option<String>,
    /// The trusted proxy that forwarded the request, when there was one.
    #[serde(rename = "ProxifiedIP")]
    pub proxified_ip: Option<String>,
    #[serde(rename = "UserAgent")]
    pub user_agent: Option<String>,
    #[serde(rename = "City")]
    pub city: Option<String>,
    #[serde(rename = "State")]
    pub state: Option<String>,
    #[serde(rename = "Country")]
    pub country: Option<String>,
}

/// Record a consent through an integration, without credentials.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({"CustomUserId": "ada@example.com", "ConsentGiven": "Partial", "ConsentType": "Newsletter"})))]
pub struct IntegrationConsentRecord {
    #[serde(rename = "ConsentGiven")]
    pub consent_given: ConsentGivenLevel,
    #[serde(rename = "CustomUserId", default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 256))]
    pub custom_user_id: Option<String>,
    /// E.g. EmailMarketing, EmailLink, Newsletter.
    #[serde(rename = "ConsentType", default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 100))]
    pub consent_type: Option<String>,
    /// The ClientId this visitor was given before, to change their record rather than start
    /// a new one (with a CustomUserId, it must be that id's ClientId).
    #[serde(rename = "ClientId", default)]
    pub client_id: Option<String>,
    #[serde(rename = "Metadata", default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub metadata: Option<String>,
    /// Defaults to the request's `Origin`.
    #[serde(rename = "URI", default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 2048))]
    pub uri: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct IntegrationConsentRecorded {
    #[serde(rename = "Created")]
    pub created: String,
    #[serde(rename = "ClientId")]
    pub client_id: String,
    /// The integration's name.
    #[serde(rename = "Reference")]
    pub reference: String,
    #[serde(rename = "CustomUserId")]
    pub custom_user_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct IntegrationConsentCheck {
    #[serde(rename = "ClientId")]
    pub client_id: String,
    #[serde(rename = "Reference")]
    pub reference: String,
    #[serde(rename = "ConsentGiven")]
    pub consent_given: String,
    #[serde(rename = "Created")]
    pub created: String,
    #[serde(rename = "Metadata")]
    pub metadata: Option<String>,
}

/// Subscribe a URL to consent updates (`POST /api/universalconsent/subscribe`); each criterion
/// that is given must match.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({"Reference": "terms-v2", "WebhookUrl": "https://hooks.example.com/consent"})))]
pub struct SubscribeRequest {
    #[serde(rename = "CustomUserId", default)]
    pub custom_user_id: Option<String>,
    #[serde(rename = "Reference", default)]
    pub reference: Option<String>,
    #[serde(rename = "ConsentType", default)]
    pub consent_type: Option<String>,
    /// Where to POST the events: a public http(s) URL.
    #[serde(rename = "WebhookUrl")]
    #[cfg_attr(feature = "ssr", schema(max_length = 2048))]
    pub webhook_url: String,
}

/// A new subscription. `Secret` is shown this once: it verifies the `webhook-signature` of
/// every message (Standard Webhooks).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct Subscribed {
    #[serde(rename = "Id")]
    pub id: String,
    #[serde(rename = "Secret")]
    pub secret: String,
    #[serde(rename = "WebhookUrl")]
    pub webhook_url: String,
    #[serde(rename = "CustomUserId")]
    pub custom_user_id: Option<String>,
    #[serde(rename = "Reference")]
    pub reference: Option<String>,
    #[serde(rename = "ConsentType")]
    pub consent_type: Option<String>,
    #[serde(rename = "Created")]
    pub created: String,
}

// ---- integrations ----

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct IntegrationDto {
    /// The `IntegrationId` of the unauthenticated endpoints.
    pub id: String,
    /// The Reference its consents are recorded against.
    pub name: String,
    pub allowed_origins: Vec<String>,
    /// Categories, texts per language and policy version of the banner.
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub banner: serde_json::Value,
    /// The `<script>` tag that embeds the banner.
    pub embed_snippet: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", schema(example = json!({"name": "Shop banner", "allowed_origins": ["https://shop.example.com"]})))]
pub struct CreateIntegration {
    #[cfg_attr(feature = "ssr", schema(min_length = 1, max_length = 512))]
    pub name: String,
    /// Origins such as `https://shop.example.com` whose pages may record consents.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// `{"policy_version", "categories": [{"id", "required", "labels": {lang: text}, "descriptions"}], "texts": {lang: {"title", "body"}}}`;
    /// a default set (necessary, analytics, marketing) when left out.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub banner: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PatchIntegration {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(min_length = 1, max_length = 512))]
    pub name: Option<String>,
    #[serde(default)]
    pub allowed_origins: Option<Vec<String>>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub banner: Option<serde_json::Value>,
}

// ---- webhooks ----

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct WebhookSubscriptionDto {
    pub id: String,
    pub url: String,
    pub custom_user_id: Option<String>,
    pub reference: Option<String>,
    pub consent_type: Option<String>,
    /// `active`, `paused`, or `disabled` (the receiver answered 410 Gone).
    pub status: String,
    pub disabled_reason: Option<String>,
    /// Until when the previous secret still signs beside the current one.
    pub previous_secret_until: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PatchWebhookSubscription {
    /// Pause (no new deliveries) or resume; resuming also re-enables a disabled subscription.
    pub paused: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RotateWebhookSecret {
    /// How long the previous secret keeps signing beside the new one; default 86400, at most 604800.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(minimum = 0, maximum = 604800))]
    pub overlap_seconds: Option<u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct RotatedWebhookSecret {
    pub id: String,
    /// The new secret, shown this once.
    pub secret: String,
    pub previous_secret_until: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct WebhookDeliveryDto {
    /// The `webhook-id` of every attempt.
    pub id: String,
    pub subscription_id: String,
    pub event_type: String,
    /// `pending`, `delivered` or `failed`.
    pub status: String,
    pub attempts: i64,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub next_attempt_at: Option<String>,
    pub delivered_at: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct WebhookAttemptDto {
    pub attempt: i64,
    pub started_at: String,
    pub duration_ms: i64,
    pub response_status: Option<i64>,
    pub error: Option<String>,
    /// The first kilobyte of the receiver's answer.
    pub response_body: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ssr", derive(ToSchema))]
pub struct WebhookDeliveryDetail {
    pub delivery: WebhookDeliveryDto,
    /// The message exactly as signed and sent.
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub payload: serde_json::Value,
    pub attempts: Vec<WebhookAttemptDto>,
}

/// The rules of the parsers in `backend::types`, stated in the OpenAPI document so a client (or
/// a fuzzer) can tell a valid value from an invalid one before sending it. Where a rule cannot be
/// said exactly in a pattern, the pattern is the stricter one.
#[cfg(feature = "ssr")]
mod schemas {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};
    use utoipa::openapi::Object;

    /// Control characters: Rust's `char::is_control`.
    const CONTROL: &str = r"\x00-\x1f\x7f-\x9f";

    fn string() -> ObjectBuilder {
        ObjectBuilder::new().schema_type(Type::String)
    }

    /// An optional field: `null` is the same as leaving it out.
    fn or_null(mut schema: Object) -> Object {
        if let SchemaType::Type(ty) = schema.schema_type {
            schema.schema_type = SchemaType::Array(vec![ty, Type::Null]);
        }
        schema
    }

    /// `types::Name`: something besides white space, no control characters, at most 200
    /// characters.
    pub fn name() -> Object {
        string().min_length(Some(1)).max_length(Some(200)).pattern(Some(format!(r"^\s*[^\s{CONTROL}][^{CONTROL}]*$"))).build()
    }

    /// `types::check_text`: free text; newlines and tabs are fine, other control characters not.
    const TEXT: &str = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$";

    pub fn text() -> Object {
        string().pattern(Some(TEXT)).build()
    }

    /// `catalog::description`.
    pub fn optional_description() -> Object {
        or_null(string().max_length(Some(2000)).pattern(Some(TEXT)).build())
    }

    pub fn optional_name() -> Object {
        or_null(name())
    }

    /// `types::Email`: one `@`, a dot inside the domain, no spaces.
    pub fn email() -> Object {
        let part = format!(r"[^\s@{CONTROL}]");
        let label = format!(r"[^\s@.{CONTROL}]");
        string().max_length(Some(254)).pattern(Some(format!(r"^\s*{part}+@{label}{part}*\.{part}*{label}\s*$"))).build()
    }

    pub fn optional_email() -> Object {
        or_null(email())
    }

    /// `types::HttpUrl`, with a host name (no IP literal) and printable ASCII.
    const URL: &str = r"https?://[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*(\.[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*)*(:[0-9]{1,4})?([/?#][!-~]*)?";

    pub fn optional_url() -> Object {
        or_null(string().max_length(Some(2048)).pattern(Some(format!("^{URL}$"))).build())
    }

    /// `types::HttpUrl`, or an empty string that removes the URL.
    pub fn optional_url_or_empty() -> Object {
        or_null(
            string().max_length(Some(2048)).pattern(Some(format!("^(|{URL})$"))).description(Some("An empty string removes it.")).build(),
        )
    }

    pub fn text_list() -> ArrayBuilder {
        ArrayBuilder::new().items(text()).max_items(Some(100))
    }

    /// `catalog::Notices`: at least one language (`types::LanguageTag`), each text non-empty.
    pub fn notices() -> Object {
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .min_properties(Some(1))
            .property_names(Some(string().pattern(Some(r"^\s*[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\s*$"))))
            .additional_properties(Some(
                string()
                    .min_length(Some(1))
                    .max_length(Some(100_000))
                    .pattern(Some(r"^\s*[^\s\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f][^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$")),
            ))
            .description(Some("Notice text by language code (`en`, `hi`, `pt-br`, …); at least one, each at most 100000 bytes of UTF-8."))
            .build()
    }

    pub fn optional_notices() -> Object {
        or_null(notices())
    }

    /// `types::Scopes`: one or both of `consent` and `admin`.
    pub fn scopes() -> ArrayBuilder {
        ArrayBuilder::new()
            .items(string().enum_values(Some(["consent", "admin"])))
            .min_items(Some(1))
            .description(Some("`consent` (the consent-link dialect) and/or `admin` (this API)."))
    }
}
