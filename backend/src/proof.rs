//! What proves a consent outside Assent: each organisation's Ed25519 keys, published as a JWKS;
//! receipts of decisions and checkpoints of chain heads, signed with them as compact JWS
//! (RFC 7515, `alg: EdDSA`, RFC 8037). Anyone with the public keys verifies them offline.

use crate::ledger::{LedgerEntry, PurposeDecision};
use crate::{Error, Result};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The JWS `typ` of a receipt.
pub const RECEIPT_TYPE: &str = "assent-receipt+jws";
/// The JWS `typ` of a checkpoint.
pub const CHECKPOINT_TYPE: &str = "assent-checkpoint+jws";

/// An organisation's key pair. The secret half never leaves the backend: not `Serialize`, and
/// its `Debug` shows only the key id.
#[derive(Clone)]
pub struct KeyPair {
    pub kid: String,
    signing: SigningKey,
}

impl std::fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyPair").field("kid", &self.kid).finish_non_exhaustive()
    }
}

impl KeyPair {
    pub fn generate() -> Self {
        let mut seed = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut seed);
        Self::from_seed(seed)
    }

    pub fn from_seed(seed: [u8; 32]) -> Self {
        let signing = SigningKey::from_bytes(&seed);
        let kid = PublicKey(signing.verifying_key()).thumbprint();
        Self { kid, signing }
    }

    /// A key as stored: its seed sealed with the key-encryption key.
    pub fn from_stored(kid: &str, sealed: &str, kek: &KeyEncryptionKey) -> Result<Self> {
        let seed = kek.open(kid, sealed).ok_or_else(|| {
            Error::corrupt(
                "signing key",
                format!(
                    "key {kid} cannot be decrypted with this server's key-encryption key \
                     (ASSENT_KEY_ENCRYPTION_KEY, or signing-keys.kek in the data directory): every node must use the same"
                ),
            )
        })?;
        let pair = Self::from_seed(seed);
        if pair.kid != kid {
            return Err(Error::corrupt("signing key", format!("key {kid}: its secret belongs to key {}", pair.kid)));
        }
        Ok(pair)
    }

    /// The stored form of the secret: its seed sealed with the key-encryption key.
    pub(crate) fn sealed(&self, kek: &KeyEncryptionKey) -> String {
        kek.seal(&self.kid, &self.signing.to_bytes())
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(self.signing.verifying_key())
    }

    /// `claims` as a compact JWS signed with this key.
    pub fn sign<T: Serialize>(&self, typ: &str, claims: &T) -> String {
        let header = Header { alg: "EdDSA".into(), kid: self.kid.clone(), typ: typ.into(), crit: None };
        let signing_input = format!(
            "{}.{}",
            B64.encode(serde_json::to_vec(&header).expect("header serialises")),
            B64.encode(serde_json::to_vec(claims).expect("claims serialise"))
        );
        let signature = self.signing.sign(signing_input.as_bytes());
        format!("{signing_input}.{}", B64.encode(signature.to_bytes()))
    }
}

/// The key that seals organisations' signing keys in the database, kept outside it: whoever
/// can read the database but not this cannot sign in an organisation's name.
#[derive(Clone)]
pub struct KeyEncryptionKey([u8; 32]);

impl std::fmt::Debug for KeyEncryptionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyEncryptionKey(..)")
    }
}

impl KeyEncryptionKey {
    const FILE: &'static str = "signing-keys.kek";

    pub fn random() -> Self {
        let mut key = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut key);
        Self(key)
    }

    pub fn from_hex(text: &str) -> std::result::Result<Self, String> {
        hex::decode(text.trim())
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .map(Self)
            .ok_or_else(|| "a key-encryption key is 64 hex digits (32 bytes)".to_string())
    }

    /// `explicit` (ASSENT_KEY_ENCRYPTION_KEY) when given; else the file `signing-keys.kek` in
    /// `data_dir`, made (readable by its owner only) the first time.
    pub fn load(data_dir: &std::path::Path, explicit: Option<&str>) -> std::result::Result<Self, String> {
        if let Some(hex) = explicit.filter(|h| !h.trim().is_empty()) {
            return Self::from_hex(hex).map_err(|e| format!("ASSENT_KEY_ENCRYPTION_KEY: {e}"));
        }
        let path = data_dir.join(Self::FILE);
        let fail = |e: std::io::Error| format!("{}: {e}", path.display());
        std::fs::create_dir_all(data_dir).map_err(fail)?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(mut file) => {
                let key = Self::random();
                std::io::Write::write_all(&mut file, hex::encode(key.0).as_bytes()).map_err(fail)?;
                file.sync_all().map_err(fail)?;
                Ok(key)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Self::from_hex(&std::fs::read_to_string(&path).map_err(fail)?).map_err(|e| format!("{}: {e}", path.display()))
            }
            Err(e) => Err(fail(e)),
        }
    }

    /// `v1:` and hex of a random nonce and the ChaCha20-Poly1305 ciphertext; the key id is
    /// authenticated with it, so a sealed secret cannot be moved to another key's row.
    fn seal(&self, kid: &str, secret: &[u8; 32]) -> String {
        use chacha20poly1305::aead::{Aead, KeyInit, Payload};
        let cipher = chacha20poly1305::ChaCha20Poly1305::new(&self.0.into());
        let mut nonce = [0u8; 12];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut nonce);
        let sealed = cipher.encrypt(&nonce.into(), Payload { msg: secret, aad: kid.as_bytes() }).expect("sealing 32 bytes cannot fail");
        format!("v1:{}{}", hex::encode(nonce), hex::encode(sealed))
    }

    fn open(&self, kid: &str, sealed: &str) -> Option<[u8; 32]> {
        use chacha20poly1305::aead::{Aead, KeyInit, Payload};
        let bytes = hex::decode(sealed.strip_prefix("v1:")?).ok()?;
        if bytes.len() < 12 {
            return None;
        }
        let (nonce, ciphertext) = bytes.split_at(12);
        let cipher = chacha20poly1305::ChaCha20Poly1305::new(&self.0.into());
        let nonce: [u8; 12] = nonce.try_into().ok()?;
        cipher.decrypt(&nonce.into(), Payload { msg: ciphertext, aad: kid.as_bytes() }).ok()?.try_into().ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// The JWK's `x`: the 32 public bytes, base64url.
    pub fn x(&self) -> String {
        B64.encode(self.0.as_bytes())
    }

    pub fn from_x(x: &str) -> Option<Self> {
        let bytes: [u8; 32] = B64.decode(x).ok()?.try_into().ok()?;
        VerifyingKey::from_bytes(&bytes).ok().map(Self)
    }

    /// The RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order.
    pub fn thumbprint(&self) -> String {
        let canonical = format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#, self.x());
        B64.encode(<sha2::Sha256 as sha2::Digest>::digest(canonical.as_bytes()))
    }

    pub fn jwk(&self) -> Jwk {
        Jwk { kty: "OKP".into(), crv: "Ed25519".into(), x: self.x(), kid: self.thumbprint(), alg: "EdDSA".into(), key_use: "sig".into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub kid: String,
    pub alg: String,
    #[serde(rename = "use")]
    pub key_use: String,
}

/// A JSON Web Key Set: an organisation's public keys, current and retired.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    alg: String,
    kid: String,
    typ: String,
    /// Extensions a verifier must understand (RFC 7515 §4.1.11): Assent signs none and
    /// understands none, so a JWS that names any is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    crit: Option<serde_json::Value>,
}

/// Why a JWS does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwsError {
    #[error("not a compact JWS (three base64url parts separated by dots)")]
    Malformed,
    #[error("the header is not an EdDSA header of a {0}")]
    WrongType(&'static str),
    #[error("signed with key {0}, which the key set does not hold")]
    UnknownKey(String),
    #[error("the signature does not match (the content was changed, or another key signed it)")]
    BadSignature,
    #[error("the signed content does not parse: {0}")]
    BadClaims(String),
}

impl Jwks {
    /// The claims of `jws` if one of these keys signed it as a `typ`, and the key's id.
    pub fn verify<T: DeserializeOwned>(&self, jws: &str, typ: &'static str) -> Result<(T, String), JwsError> {
        let mut parts = jws.trim().split('.');
        let (Some(h), Some(p), Some(s), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(JwsError::Malformed);
        };
        let header: Header = B64.decode(h).ok().and_then(|b| serde_json::from_slice(&b).ok()).ok_or(JwsError::Malformed)?;
        if header.alg != "EdDSA" || header.typ != typ || header.crit.is_some() {
            return Err(JwsError::WrongType(typ));
        }
        let jwk = self.keys.iter().find(|k| k.kid == header.kid).ok_or_else(|| JwsError::UnknownKey(header.kid.clone()))?;
        let key =
            PublicKey::from_x(&jwk.x).filter(|k| k.thumbprint() == jwk.kid).ok_or_else(|| JwsError::UnknownKey(header.kid.clone()))?;
        let signature: [u8; 64] = B64.decode(s).ok().and_then(|b| b.try_into().ok()).ok_or(JwsError::Malformed)?;
        key.0.verify_strict(format!("{h}.{p}").as_bytes(), &Signature::from_bytes(&signature)).map_err(|_| JwsError::BadSignature)?;
        let payload = B64.decode(p).map_err(|_| JwsError::Malformed)?;
        let claims = serde_json::from_slice(&payload).map_err(|e| JwsError::BadClaims(e.to_string()))?;
        Ok((claims, header.kid))
    }
}

/// What a receipt states: one ledger entry, in words a verifier needs no database for. Claims
/// it does not know are ignored, so that a later Assent may state more to older verifiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptClaims {
    /// The organisation (its slug) whose keys signed it.
    pub org: String,
    /// Where the organisation's public keys are published.
    pub jwks_uri: String,
    /// The person: their data principal id (`DP…`).
    pub principal: String,
    /// What the consent is about: `collection_point` or `reference`, and its id.
    pub subject_kind: String,
    pub subject_id: String,
    /// `granted`, `denied` or `withdrawn`.
    pub action: String,
    pub purposes: Vec<PurposeDecision>,
    /// How it was collected: `consent_link`, `banner`, `api`, …
    pub collected_via: String,
    pub notice_version: Option<i64>,
    /// SHA-256 of the notice as shown.
    pub notice_hash: Option<String>,
    /// When it was decided (RFC 3339).
    pub decided_at: String,
    /// The ledger entry that records it: its id, its position in the organisation's chain, and
    /// its hash.
    pub entry_id: String,
    pub entry_seq: i64,
    pub entry_hash: String,
}

impl ReceiptClaims {
    pub fn of(entry: &LedgerEntry, org_slug: &str, principal_dp_id: &str, jwks_uri: &str) -> Result<Self> {
        Ok(Self {
            org: org_slug.to_string(),
            jwks_uri: jwks_uri.to_string(),
            principal: principal_dp_id.to_string(),
            subject_kind: entry.subject_kind.clone(),
            subject_id: entry.subject_id.clone(),
            action: entry.action.clone(),
            purposes: entry.purposes()?,
            collected_via: entry.collected_via.clone(),
            notice_version: entry.notice_version,
            notice_hash: entry.notice_hash.clone(),
            decided_at: crate::time::rfc3339(entry.occurred_at),
            entry_id: entry.id.clone(),
            entry_seq: entry.seq,
            entry_hash: entry.hash.clone(),
        })
    }
}

/// A signed statement that an organisation's chain had `seq` entries ending in `hash`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckpointClaims {
    pub org: String,
    pub org_id: String,
    pub seq: i64,
    pub hash: String,
    /// When it was signed (RFC 3339).
    pub signed_at: String,
}

/// A receipt as a person or an auditor holds it: the JSON file that the hosted page and the
/// API give (`{"jws", "claims", "jwks_uri"}`), or the bare JWS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptFile {
    pub jws: String,
    /// Where the receipt says its keys are: read before verifying, only to find them.
    pub jwks_uri: Option<String>,
}

impl ReceiptFile {
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let text = text.trim();
        if text.starts_with('{') {
            let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not a receipt file: {e}"))?;
            let jws = v["jws"].as_str().ok_or("a receipt file needs a \"jws\" member")?.to_string();
            return Ok(Self { jwks_uri: v["jwks_uri"].as_str().map(str::to_string), jws });
        }
        let payload = text.split('.').nth(1).and_then(|p| B64.decode(p).ok()).ok_or_else(|| JwsError::Malformed.to_string())?;
        let jwks_uri = serde_json::from_slice::<serde_json::Value>(&payload).ok().and_then(|v| v["jwks_uri"].as_str().map(str::to_string));
        Ok(Self { jws: text.to_string(), jwks_uri })
    }
}

/// A key set from a file or an http(s) URL.
pub async fn load_jwks(location: &str) -> std::result::Result<Jwks, String> {
    let text = if location.starts_with("http://") || location.starts_with("https://") {
        let res = reqwest::get(location).await.map_err(|e| format!("cannot fetch {location}: {e}"))?;
        let res = res.error_for_status().map_err(|e| format!("cannot fetch {location}: {e}"))?;
        res.text().await.map_err(|e| format!("cannot fetch {location}: {e}"))?
    } else {
        std::fs::read_to_string(location).map_err(|e| format!("cannot read {location}: {e}"))?
    };
    serde_json::from_str(&text).map_err(|e| format!("{location} is not a JWKS: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Golden vector: a key, its thumbprint, and a receipt it signed. Ed25519 signatures are
    /// deterministic, so the receipt's bytes are fixed too, and a receipt signed today must
    /// verify with this public key forever.
    const SEED: [u8; 32] = [7; 32];
    /// Its key, thumbprint and this signature were checked with another implementation
    /// (OpenSSL, through Python's `cryptography`) when they were pinned.
    const RECEIPT: &str = "eyJhbGciOiJFZERTQSIsImtpZCI6Ii0tNklNNWwwT29zTGo5eVdza0lTWWhVQTNuXzNDVVJRa21yWU1TaGFfY2siLCJ0eXAiOiJhc3NlbnQtcmVjZWlwdCtqd3MifQ.eyJvcmciOiJhY21lIiwiandrc191cmkiOiJodHRwczovL2NvbnNlbnQuZXhhbXBsZS8ud2VsbC1rbm93bi9hc3NlbnQvYWNtZS9qd2tzLmpzb24iLCJwcmluY2lwYWwiOiJEUDAxMjM0NTY3ODlBQkNERUYwMTIzIiwic3ViamVjdF9raW5kIjoiY29sbGVjdGlvbl9wb2ludCIsInN1YmplY3RfaWQiOiJjcC0xIiwiYWN0aW9uIjoiZ3JhbnRlZCIsInB1cnBvc2VzIjpbeyJwdXJwb3NlX2lkIjoicDEiLCJncmFudGVkIjp0cnVlfV0sImNvbGxlY3RlZF92aWEiOiJjb25zZW50X2xpbmsiLCJub3RpY2VfdmVyc2lvbiI6Miwibm90aWNlX2hhc2giOiJhYmFiYWJhYmFiYWJhYmFiYWJhYmFiYWJhYmFiYWJhYmFiYWJhYmFiYWJhYmFiYWJhYmFiYWJhYmFiYWJhYmFiIiwiZGVjaWRlZF9hdCI6IjIwMjYtMTEtMjVUMDQ6MDA6MDAuMDAwWiIsImVudHJ5X2lkIjoiMGI2ZjBiOWUtNWMxYy00YTUzLTlkNWUtNmE0YTFmMGMyZDExIiwiZW50cnlfc2VxIjoxLCJlbnRyeV9oYXNoIjoiY2RjZGNkY2RjZGNkY2RjZGNkY2RjZGNkY2RjZGNkY2RjZGNkY2RjZGNkY2RjZGNkY2RjZGNkY2RjZGNkY2RjZCJ9.xrMvxQay7BGme9X1LFj6bjQIJaXK-J_41OQpTQef0HObfV8oAmEiebcdEfZ7YGH3LxuZrsqC6zrqznrwUnxkAA";

    fn claims() -> ReceiptClaims {
        ReceiptClaims {
            org: "acme".into(),
            jwks_uri: "https://consent.example/.well-known/assent/acme/jwks.json".into(),
            principal: "DP0123456789ABCDEF0123".into(),
            subject_kind: "collection_point".into(),
            subject_id: "cp-1".into(),
            action: "granted".into(),
            purposes: vec![PurposeDecision { purpose_id: "p1".into(), granted: true }],
            collected_via: "consent_link".into(),
            notice_version: Some(2),
            notice_hash: Some("ab".repeat(32)),
            decided_at: "2026-11-25T04:00:00.000Z".into(),
            entry_id: "0b6f0b9e-5c1c-4a53-9d5e-6a4a1f0c2d11".into(),
            entry_seq: 1,
            entry_hash: "cd".repeat(32),
        }
    }

    #[test]
    fn receipts_are_pinned_and_verify_offline() {
        let key = KeyPair::from_seed(SEED);
        assert_eq!(key.public().x(), "6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw");
        assert_eq!(key.kid, "--6IM5l0OosLj9yWskISYhUA3n_3CURQkmrYMSha_ck");
        let jws = key.sign(RECEIPT_TYPE, &claims());
        assert_eq!(jws, RECEIPT);
        let jwks = Jwks { keys: vec![key.public().jwk()] };
        let (read, kid): (ReceiptClaims, _) = jwks.verify(&jws, RECEIPT_TYPE).unwrap();
        assert_eq!((read, kid), (claims(), key.kid.clone()));
    }

    #[test]
    fn a_changed_receipt_or_another_key_does_not_verify() {
        let key = KeyPair::from_seed(SEED);
        let jwks = Jwks { keys: vec![key.public().jwk()] };
        let jws = key.sign(RECEIPT_TYPE, &claims());
        let (h, rest) = jws.split_once('.').unwrap();
        let (_, s) = rest.split_once('.').unwrap();
        let mut forged = claims();
        forged.action = "withdrawn".into();
        let forged = format!("{h}.{}.{s}", B64.encode(serde_json::to_vec(&forged).unwrap()));
        assert_eq!(jwks.verify::<ReceiptClaims>(&forged, RECEIPT_TYPE).unwrap_err(), JwsError::BadSignature);
        let other = KeyPair::generate().sign(RECEIPT_TYPE, &claims());
        assert!(matches!(jwks.verify::<ReceiptClaims>(&other, RECEIPT_TYPE), Err(JwsError::UnknownKey(_))));
        assert_eq!(jwks.verify::<ReceiptClaims>(&jws, CHECKPOINT_TYPE).unwrap_err(), JwsError::WrongType(CHECKPOINT_TYPE));
        assert_eq!(jwks.verify::<ReceiptClaims>("a.b", RECEIPT_TYPE).unwrap_err(), JwsError::Malformed);
        // A header naming extensions that must be understood is refused.
        let crit = B64.encode(format!(r#"{{"alg":"EdDSA","kid":"{}","typ":"{RECEIPT_TYPE}","crit":["exp"]}}"#, key.kid));
        let signing_input = format!("{crit}.{}", jws.split('.').nth(1).unwrap());
        let signed = format!("{signing_input}.{}", B64.encode(key.signing.sign(signing_input.as_bytes()).to_bytes()));
        assert_eq!(jwks.verify::<ReceiptClaims>(&signed, RECEIPT_TYPE).unwrap_err(), JwsError::WrongType(RECEIPT_TYPE));
    }

    #[test]
    fn stored_keys_are_sealed_and_only_their_own_key_opens_them() {
        let (key, kek) = (KeyPair::generate(), KeyEncryptionKey::random());
        let sealed = key.sealed(&kek);
        let seed = hex::encode(key.signing.to_bytes());
        assert!(sealed.starts_with("v1:") && !sealed.contains(&seed), "the seed is not stored in the clear");
        assert_ne!(sealed, key.sealed(&kek), "a fresh nonce each time");
        let back = KeyPair::from_stored(&key.kid, &sealed, &kek).unwrap();
        assert_eq!(back.public(), key.public());
        // Another server's key-encryption key, another key's row, a damaged value: all refused.
        assert!(matches!(KeyPair::from_stored(&key.kid, &sealed, &KeyEncryptionKey::random()), Err(Error::Corrupt { .. })));
        assert!(matches!(KeyPair::from_stored("other", &sealed, &kek), Err(Error::Corrupt { .. })));
        assert!(matches!(KeyPair::from_stored(&key.kid, "v1:zz", &kek), Err(Error::Corrupt { .. })));
        assert!(!format!("{key:?}{kek:?}").contains(&seed));
    }

    #[test]
    fn the_key_encryption_key_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let made = KeyEncryptionKey::load(dir.path(), None).unwrap();
        let again = KeyEncryptionKey::load(dir.path(), None).unwrap();
        assert_eq!(made.0, again.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("signing-keys.kek")).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "readable by its owner only");
        }
        let given = "ab".repeat(32);
        assert_eq!(KeyEncryptionKey::load(dir.path(), Some(&given)).unwrap().0, [0xab; 32]);
        assert!(KeyEncryptionKey::load(dir.path(), Some("short")).is_err());
    }
}
