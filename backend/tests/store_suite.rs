//! The store suite: the services and the store's aggregates, every test once on SQLite and
//! once on PostgreSQL.

use backend::auth::{Caller, Credential};
use backend::catalog::*;
use backend::email::Mailer;
use backend::ledger::{Action, Decision, Identifier, PurposeDecision, SubjectKind, GENESIS_HASH};
use backend::links::{ExpiryHours, LinkChoice, LinkEvidence};
use backend::proof::{CheckpointClaims, JwsError, KeyPair, ReceiptClaims, CHECKPOINT_TYPE, RECEIPT_TYPE};
use backend::services::consent_links::{LinkPath, NewConsentLink};
use backend::services::outbox::LEASE_MS;
use backend::services::tenancy::{NewOrg, OrgChanges, DEFAULT_BRAND_COLOR};
use backend::services::Settings;
use backend::store::catalog::CollectionPointRow;
use backend::store::tenancy::OrgRow;
use backend::store::{jobs, ledger, links, Page};
use backend::testing::{Backend, TestDb};
use backend::types::*;
use backend::{Error, Services};
use std::collections::BTreeMap;
use std::time::Duration;

macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let db = super::TestDb::new(super::Backend::Sqlite).await;
                    super::$name(&db).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let db = super::TestDb::new(super::Backend::Postgres).await;
                    super::$name(&db).await;
                }
            )*
        }
    };
}

on_both!(
    orgs_have_unique_slugs_and_subdomains,
    login_sessions_expire_and_revoke,
    api_keys_are_hashed_scoped_and_revocable,
    assets_are_scoped_paged_and_guarded,
    collection_points_number_and_version,
    ledger_records_and_projects_decisions,
    ledger_detects_edits_and_deletions,
    ledger_appends_do_not_fork_under_concurrency,
    setup_token_creates_the_first_owner_once,
    outbox_claims_are_exclusive_and_leased,
    a_link_and_its_email_job_commit_together,
    failed_deliveries_back_off_and_finish,
    a_webhook_job_without_its_delivery_is_given_up,
    corrupt_rows_are_errors_not_defaults,
    decisions_through_a_link_are_checked_under_the_lock,
    each_organisation_has_its_own_chain,
    receipts_verify_with_published_keys_across_rotations,
    checkpoints_catch_a_tail_rewritten_with_its_head,
    the_single_chain_is_verified_and_rechained_per_organisation,
    a_tampered_single_chain_is_not_rechained,
    retention_erases_people_past_its_period,
);

/// Services over the test database; an SMTP URL that refuses connections makes every
/// delivery a retryable failure.
fn services(db: &TestDb, smtp: Option<&str>) -> Services {
    Services::new(db.store.clone(), Mailer::new(smtp, None), Settings::new("https://assent.test"))
}

/// Nothing listens on port 1 of loopback.
const REFUSING_SMTP: &str = "smtp://127.0.0.1:1";

async fn org(s: &Services, slug: &str) -> OrgRow {
    s.tenancy
        .create_org(&NewOrg { slug: slug.parse().unwrap(), name: Name::parse("name", slug, 200).unwrap(), subdomain: None })
        .await
        .unwrap()
}

/// A caller with an API key of these scopes.
async fn caller(s: &Services, org: &OrgRow, scopes: &str) -> Caller {
    let issued = s.tenancy.issue_api_key(&org.id, &Name::parse("n", "k", 9).unwrap(), &scopes.parse().unwrap()).await.unwrap();
    s.tenancy.authenticate(&Credential::ApiKey(issued.key)).await.unwrap()
}

async fn asset(s: &Services, c: &Caller, name: &str) -> backend::store::catalog::AssetRow {
    let new = NewAsset { name: Name::parse("name", name, 200).unwrap(), kind: AssetKind::Website, url: None, description: String::new() };
    s.catalog.create_asset(c, &new).await.unwrap()
}

fn purpose(name: &str, required: bool) -> PurposeInput {
    PurposeInput {
        id: None,
        name: Name::parse("name", name, 200).unwrap(),
        description: format!("{name} purpose"),
        required,
        data_categories: vec!["email".into()],
    }
}

fn notices(text: &str) -> Notices {
    Notices::parse(BTreeMap::from([("en".to_string(), text.to_string())])).unwrap()
}

async fn collection_point(s: &Services, c: &Caller, asset_id: &str, display: Option<&str>) -> CollectionPointRow {
    let new = NewCollectionPoint {
        asset_id: asset_id.to_string(),
        name: Name::parse("name", "Signup", 200).unwrap(),
        display_id: display.map(|d| d.parse().unwrap()),
        purposes: vec![purpose("Service", true), purpose("Marketing", false)],
        notices: notices("We use your email to run the service."),
    };
    s.catalog.create_collection_point(c, &new).await.unwrap()
}

fn decision(org_id: &str, cp: &CollectionPointRow, phone: &str, granted: &[bool]) -> Decision {
    Decision {
        org_id: org_id.to_string(),
        identifiers: vec![Identifier::Phone(phone.to_string())],
        subject_kind: SubjectKind::CollectionPoint,
        subject_id: cp.id.clone(),
        action: if granted.iter().all(|g| *g) { Action::Granted } else { Action::Denied },
        purposes: cp.purposes.iter().zip(granted).map(|(p, g)| PurposeDecision { purpose_id: p.id.clone(), granted: *g }).collect(),
        collected_via: "api".into(),
        notice_version: Some(cp.version),
        notice_hash: Some(cp.content_hash.clone()),
        evidence: serde_json::json!({"ip": "203.0.113.7", "user_agent": "test"}),
        actor: "test".into(),
    }
}

fn new_link(cp: &CollectionPointRow, phone: &str, email: Option<&str>) -> NewConsentLink {
    NewConsentLink {
        collection_point: cp.id.clone(),
        asset_id: cp.asset_id.clone(),
        phone: phone.parse().unwrap(),
        email: email.map(|e| e.parse().unwrap()),
        expiry: ExpiryHours::DEFAULT,
        data_collected_at: None,
    }
}

async fn orgs_have_unique_slugs_and_subdomains(db: &TestDb) {
    let s = services(db, None);
    let a = org(&s, "acme").await;
    assert_eq!(a.subdomain, "acme");
    assert_eq!(a.brand_color, DEFAULT_BRAND_COLOR);
    let dup = s
        .tenancy
        .create_org(&NewOrg {
            slug: "acme".parse().unwrap(),
            name: Name::parse("n", "x", 9).unwrap(),
            subdomain: Some("other".parse().unwrap()),
        })
        .await;
    assert!(matches!(dup, Err(Error::Conflict(_))), "{dup:?}");
    let sub = s
        .tenancy
        .create_org(&NewOrg {
            slug: "beta".parse().unwrap(),
            name: Name::parse("n", "x", 9).unwrap(),
            subdomain: Some("acme".parse().unwrap()),
        })
        .await;
    assert!(matches!(sub, Err(Error::Conflict(_))), "{sub:?}");
    assert_eq!(s.tenancy.org_by_slug("acme").await.unwrap().id, a.id);
    let admin = caller(&s, &a, "admin").await;
    let patched = s
        .tenancy
        .update_org(
            &admin,
            &OrgChanges {
                brand_color: Some("#FF0000".parse().unwrap()),
                logo_url: Some(Some(HttpUrl::parse("logo", "https://x.test/l.png").unwrap())),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(patched.brand_color, "#ff0000");
    assert_eq!(patched.logo_url.as_deref(), Some("https://x.test/l.png"));
    assert_eq!(s.tenancy.org_by_slug("acme").await.unwrap().brand_color, "#ff0000");
    assert!(matches!(s.tenancy.org_by_slug("nope").await, Err(Error::NotFound(_))));
    let viewer = caller(&s, &a, "consent").await;
    assert!(matches!(s.tenancy.update_org(&viewer, &OrgChanges::default()).await, Err(Error::Forbidden(_))));
}

async fn login_sessions_expire_and_revoke(db: &TestDb) {
    let s = services(db, None);
    let o = org(&s, "acme").await;
    let user = s
        .tenancy
        .create_user(&o.id, &"Ada@Example.com".parse().unwrap(), Role::Admin, &"correct horse battery".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(user.email, "ada@example.com");
    assert!(user.password_hash.starts_with("$argon2"));
    assert!(matches!(s.tenancy.login("ada@example.com", "wrong password!").await, Err(Error::Unauthenticated)));
    assert!(matches!(s.tenancy.login("nobody@example.com", "correct horse battery").await, Err(Error::Unauthenticated)));
    let session = s.tenancy.login("ADA@example.com", "correct horse battery").await.unwrap();
    let found = s.tenancy.authenticate(&Credential::Session(session.token.clone())).await.unwrap();
    assert_eq!(found.org.id, o.id);
    assert!(matches!(found.identity, backend::auth::Identity::User { ref user_id, .. } if *user_id == user.id));
    assert!(matches!(s.tenancy.authenticate(&Credential::Session("not-a-token".into())).await, Err(Error::Unauthenticated)));
    // Sessions expire after 12 hours.
    db.clock.advance(Duration::from_secs(12 * 3600 + 1));
    assert!(matches!(s.tenancy.authenticate(&Credential::Session(session.token)).await, Err(Error::Unauthenticated)));
    let s2 = s.tenancy.login("ada@example.com", "correct horse battery").await.unwrap();
    let live = s.tenancy.authenticate(&Credential::Session(s2.token.clone())).await.unwrap();
    s.tenancy.sign_out(&live).await.unwrap();
    assert!(matches!(s.tenancy.authenticate(&Credential::Session(s2.token)).await, Err(Error::Unauthenticated)));
    let dup = s.tenancy.create_user(&o.id, &"ada@example.com".parse().unwrap(), Role::Viewer, &"another password".parse().unwrap()).await;
    assert!(matches!(dup, Err(Error::Conflict(_))));
}

async fn api_keys_are_hashed_scoped_and_revocable(db: &TestDb) {
    let s = services(db, None);
    let a = org(&s, "acme").await;
    let b = org(&s, "beta").await;
    let (admin_a, admin_b) = (caller(&s, &a, "admin").await, caller(&s, &b, "admin").await);
    let issued = s.tenancy.create_api_key(&admin_a, &Name::parse("n", "backend", 50).unwrap(), &"consent".parse().unwrap()).await.unwrap();
    assert!(issued.key.len() >= 32 + 7, "at least 128 random bits");
    assert!(issued.key.starts_with(&issued.row.prefix));
    let stored = db
        .store
        .execute_raw_for_tests(&format!("UPDATE api_keys SET name = name WHERE key_hash = '{0}' OR prefix = '{0}'", issued.key))
        .await
        .unwrap();
    assert_eq!(stored, 0, "the secret itself is never stored");
    let c = s.tenancy.authenticate(&Credential::ApiKey(issued.key.clone())).await.unwrap();
    assert_eq!(c.org.id, a.id);
    assert!(c.require(backend::auth::Permission::RecordConsent).is_ok());
    assert!(c.require(backend::auth::Permission::Read).is_err());
    assert!(s.tenancy.api_key(&admin_a, &issued.row.id).await.unwrap().last_used_at.is_some());
    assert!(matches!(s.tenancy.authenticate(&Credential::ApiKey("assent_0000".into())).await, Err(Error::Unauthenticated)));
    // Another organisation cannot see or revoke it.
    assert!(matches!(s.tenancy.api_key(&admin_b, &issued.row.id).await, Err(Error::NotFound(_))));
    assert!(matches!(s.tenancy.revoke_api_key(&admin_b, &issued.row.id).await, Err(Error::NotFound(_))));
    assert_eq!(s.tenancy.list_api_keys(&admin_b, Page::default()).await.unwrap().total, 1, "only b's own key");
    let revoked = s.tenancy.revoke_api_key(&admin_a, &issued.row.id).await.unwrap();
    assert!(revoked.revoked_at.is_some());
    assert!(matches!(s.tenancy.authenticate(&Credential::ApiKey(issued.key)).await, Err(Error::Unauthenticated)));
    // Revoking again is harmless.
    s.tenancy.revoke_api_key(&admin_a, &issued.row.id).await.unwrap();
}

async fn assets_are_scoped_paged_and_guarded(db: &TestDb) {
    let s = services(db, None);
    let (a, b) = (org(&s, "acme").await, org(&s, "beta").await);
    let (ca, cb) = (caller(&s, &a, "admin").await, caller(&s, &b, "admin").await);
    for i in 0..5 {
        asset(&s, &ca, &format!("site {i}")).await;
    }
    let page = s.catalog.list_assets(&ca, Page::parse(Some(2), Some(1)).unwrap()).await.unwrap();
    assert_eq!(page.total, 5);
    assert_eq!(page.items.len(), 2);
    assert_eq!(s.catalog.list_assets(&cb, Page::default()).await.unwrap().total, 0);
    let x = asset(&s, &ca, "main site").await;
    assert!(matches!(s.catalog.asset(&cb, &x.id).await, Err(Error::NotFound(_))));
    assert!(matches!(s.catalog.update_asset(&cb, &x.id, &AssetPatch::default()).await, Err(Error::NotFound(_))));
    assert!(matches!(s.catalog.delete_asset(&cb, &x.id).await, Err(Error::NotFound(_))));
    let patch = AssetPatch {
        name: Some(Name::parse("n", "Main", 9).unwrap()),
        url: Some(Some(HttpUrl::parse("u", "https://acme.test").unwrap())),
        ..Default::default()
    };
    let renamed = s.catalog.update_asset(&ca, &x.id, &patch).await.unwrap();
    assert_eq!(renamed.name, "Main");
    assert_eq!(renamed.kind, AssetKind::Website);
    assert_eq!(renamed.url.as_deref(), Some("https://acme.test"));
    assert_eq!(s.catalog.asset(&ca, &x.id).await.unwrap().name, "Main");
    collection_point(&s, &ca, &x.id, None).await;
    assert!(matches!(s.catalog.delete_asset(&ca, &x.id).await, Err(Error::Conflict(_))));
    let y = asset(&s, &ca, "unused").await;
    s.catalog.delete_asset(&ca, &y.id).await.unwrap();
    assert!(matches!(s.catalog.asset(&ca, &y.id).await, Err(Error::NotFound(_))));
    assert!(Page::parse(Some(0), None).is_err());
    assert!(Page::parse(Some(201), None).is_err());
    assert!(Page::parse(None, Some(-1)).is_err());
    // A consent-scoped key does not manage.
    let consent = caller(&s, &a, "consent").await;
    assert!(matches!(s.catalog.list_assets(&consent, Page::default()).await, Err(Error::Forbidden(_))));
}

async fn collection_points_number_and_version(db: &TestDb) {
    let s = services(db, None);
    let (a, b) = (org(&s, "acme").await, org(&s, "beta").await);
    let (ca, cb) = (caller(&s, &a, "admin").await, caller(&s, &b, "admin").await);
    let site = asset(&s, &ca, "site").await;
    let first = collection_point(&s, &ca, &site.id, None).await;
    assert_eq!(first.display_id, "CP001");
    // A hand-picked id is skipped by the counter.
    assert_eq!(collection_point(&s, &ca, &site.id, Some("CP002")).await.display_id, "CP002");
    let third = collection_point(&s, &ca, &site.id, None).await;
    assert_eq!(third.display_id, "CP003");
    // Numbering is per organisation.
    let b_site = asset(&s, &cb, "b site").await;
    assert_eq!(collection_point(&s, &cb, &b_site.id, None).await.display_id, "CP001");
    let with = |asset_id: &str, display: Option<&str>| NewCollectionPoint {
        asset_id: asset_id.to_string(),
        name: Name::parse("n", "x", 9).unwrap(),
        display_id: display.map(|d| d.parse().unwrap()),
        purposes: vec![purpose("A", false)],
        notices: notices("x"),
    };
    let dup = s.catalog.create_collection_point(&ca, &with(&site.id, Some("CP001"))).await;
    assert!(matches!(dup, Err(Error::Conflict(_))), "{dup:?}");
    // Another organisation's asset cannot be used.
    let foreign = s.catalog.create_collection_point(&ca, &with(&b_site.id, None)).await;
    assert!(matches!(foreign, Err(Error::Invalid { field: "asset_id", .. })));

    assert_eq!(first.version, 1);
    assert_eq!(s.catalog.collection_point(&ca, "CP001").await.unwrap().id, first.id);
    assert!(matches!(s.catalog.collection_point(&cb, &first.id).await, Err(Error::NotFound(_))));

    // Renaming keeps the version; new notice text makes version 2 and keeps purpose ids.
    let rename = CollectionPointPatch { name: Some(Name::parse("n", "Sign-up form", 99).unwrap()), ..Default::default() };
    assert_eq!(s.catalog.update_collection_point(&ca, &first.id, &rename).await.unwrap().version, 1);
    let mut edited: Vec<PurposeInput> = first
        .purposes
        .iter()
        .map(|p| PurposeInput {
            id: Some(p.id.parse().unwrap()),
            name: Name::parse("n", &p.name, 99).unwrap(),
            description: "changed".into(),
            required: p.required,
            data_categories: vec![],
        })
        .collect();
    edited.push(purpose("Analytics", false));
    let patch = CollectionPointPatch { purposes: Some(edited), notices: Some(notices("New text")), ..Default::default() };
    let v2 = s.catalog.update_collection_point(&ca, "CP001", &patch).await.unwrap();
    assert_eq!(v2.version, 2);
    assert_ne!(v2.content_hash, first.content_hash);
    assert_eq!(v2.purposes[0].id, first.purposes[0].id);
    assert_eq!(v2.purposes.len(), 3);
    let old = s.catalog.collection_point_version(&ca, &first.id, 1).await.unwrap();
    assert_eq!(old.content_hash, first.content_hash);
    assert_eq!(old.notices.get("en").unwrap(), "We use your email to run the service.");
    assert_eq!(s.catalog.list_collection_points(&ca, Some(&site.id), Page::default()).await.unwrap().total, 3);
    // A collection point with recorded consents is kept as evidence.
    s.ledger.record(&decision(&a.id, &v2, "+919999999999", &[true, true, false])).await.unwrap();
    assert!(matches!(s.catalog.delete_collection_point(&ca, &first.id).await, Err(Error::Conflict(_))));
    s.catalog.delete_collection_point(&ca, &third.id).await.unwrap();
    assert!(matches!(s.catalog.collection_point(&ca, "CP003").await, Err(Error::NotFound(_))));
}

async fn ledger_records_and_projects_decisions(db: &TestDb) {
    let s = services(db, None);
    let (a, b) = (org(&s, "acme").await, org(&s, "beta").await);
    let (ca, cb) = (caller(&s, &a, "admin").await, caller(&s, &b, "admin").await);
    let site = asset(&s, &ca, "site").await;
    let cp = collection_point(&s, &ca, &site.id, None).await;
    let e1 = s.ledger.record(&decision(&a.id, &cp, "+919876543210", &[true, false])).await.unwrap();
    assert_eq!(e1.action, "denied");
    assert_eq!(e1.notice_hash.as_deref(), Some(cp.content_hash.as_str()));
    let principal = e1.principal_id.clone();
    // The same phone is the same person; a second identifier is linked to them.
    let mut d = decision(&a.id, &cp, "+919876543210", &[true, true]);
    d.identifiers.push(Identifier::Email("p@example.com".into()));
    let e2 = s.ledger.record(&d).await.unwrap();
    assert_eq!(e2.principal_id, principal);
    assert_eq!(e2.prev_hash, e1.hash);
    let mut c = db.store.conn().await.unwrap();
    let by_email = ledger::principal_by_identifier(&mut c, &a.id, &Identifier::Email("p@example.com".into())).await.unwrap().unwrap();
    assert_eq!(by_email.id, principal);
    assert!(by_email.dp_id.starts_with("DP"));
    // The same phone in another organisation is a different principal.
    assert!(ledger::principal_by_identifier(&mut c, &b.id, &Identifier::Phone("+919876543210".into())).await.unwrap().is_none());

    let mut state = ledger::current_consents(&mut c, &a.id, &principal, &cp.id).await.unwrap();
    state.sort();
    let mut expected: Vec<(String, bool)> = cp.purposes.iter().map(|p| (p.id.clone(), true)).collect();
    expected.sort();
    assert_eq!(state, expected);

    let mut w = decision(&a.id, &cp, "+919876543210", &[false, false]);
    w.action = Action::Withdrawn;
    s.ledger.record(&w).await.unwrap();
    assert!(ledger::current_consents(&mut c, &a.id, &principal, &cp.id).await.unwrap().iter().all(|(_, g)| !g));

    let entries = s.ledger.entries(&ca, None, Page::default()).await.unwrap();
    assert_eq!(entries.total, 3);
    assert_eq!(entries.items[0].action, "withdrawn", "newest first");
    assert_eq!(s.ledger.entries(&cb, None, Page::default()).await.unwrap().total, 0);
    assert_eq!(s.ledger.length().await.unwrap(), 3);
    assert!(all_verify(&s).await);
    let mine = s.ledger.verify_for(&cb).await.unwrap();
    assert!(mine.ok);
    assert_eq!(mine.entries, 0, "an organisation sees only its own count");
    // A decision without purposes or a person is refused, and nothing is appended.
    let mut empty = decision(&a.id, &cp, "+919876543210", &[]);
    empty.purposes.clear();
    assert!(matches!(s.ledger.record(&empty).await, Err(Error::Invalid { field: "purposes", .. })));
    assert_eq!(s.ledger.length().await.unwrap(), 3);
}

async fn ledger_detects_edits_and_deletions(db: &TestDb) {
    let s = services(db, None);
    let a = org(&s, "acme").await;
    let ca = caller(&s, &a, "admin").await;
    let site = asset(&s, &ca, "site").await;
    let cp = collection_point(&s, &ca, &site.id, None).await;
    for i in 0..5 {
        s.ledger.record(&decision(&a.id, &cp, &format!("+91987654321{i}"), &[true, i % 2 == 0])).await.unwrap();
    }
    let report = s.ledger.verify_org(&a.id).await.unwrap();
    assert!(report.ok());
    assert_eq!(report.entries, 5);

    // Editing the evidence, which lives apart from the chain: its digest no longer matches.
    let original: String = personal_evidence(db, &a.id, 3).await;
    db.store
        .execute_raw_for_tests(&format!(
            "UPDATE ledger_personal SET evidence_json = '{{\"ip\":\"10.0.0.1\"}}' WHERE entry_id = '{}'",
            entry_id(db, &a.id, 3).await
        ))
        .await
        .unwrap();
    let bad = s.ledger.verify_org(&a.id).await.unwrap().first_bad.expect("evidence edit detected");
    assert_eq!(bad.seq, 3);
    assert!(bad.reason.contains("evidence"), "{}", bad.reason);
    db.store
        .execute_raw_for_tests(&format!(
            "UPDATE ledger_personal SET evidence_json = '{}' WHERE entry_id = '{}'",
            original.replace('\'', "''"),
            entry_id(db, &a.id, 3).await
        ))
        .await
        .unwrap();
    assert!(s.ledger.verify_org(&a.id).await.unwrap().ok(), "restored");

    // Editing an entry's content.
    db.store.execute_raw_for_tests("UPDATE ledger_entries SET action = 'withdrawn' WHERE seq = 3").await.unwrap();
    let bad = s.ledger.verify_org(&a.id).await.unwrap().first_bad.expect("edit detected");
    assert_eq!(bad.seq, 3);
    assert!(bad.id.is_some());
    assert!(bad.reason.contains("edited"), "{}", bad.reason);

    // Re-hashing the edited entry does not help: the next entry's link breaks.
    let entry = s.ledger.entries(&ca, None, Page { limit: 1, offset: 2 }).await.unwrap().items.remove(0);
    assert_eq!(entry.seq, 3);
    db.store.execute_raw_for_tests(&format!("UPDATE ledger_entries SET hash = '{}' WHERE seq = 3", entry.compute_hash())).await.unwrap();
    let bad = s.ledger.verify_org(&a.id).await.unwrap().first_bad.expect("relink detected");
    assert_eq!(bad.seq, 4);

    // Deleting an entry in the middle.
    let second = entry_id(db, &a.id, 2).await;
    db.store.execute_raw_for_tests(&format!("DELETE FROM ledger_personal WHERE entry_id = '{second}'")).await.unwrap();
    db.store.execute_raw_for_tests(&format!("DELETE FROM ledger_entries WHERE id = '{second}'")).await.unwrap();
    let bad = s.ledger.verify_org(&a.id).await.unwrap().first_bad.expect("deletion detected");
    assert_eq!(bad.seq, 2);
    assert!(bad.reason.contains("entry 2 is missing"), "{}", bad.reason);

    // Removing an entry's evidence outside an erasure.
    db.store
        .execute_raw_for_tests(&format!("DELETE FROM ledger_personal WHERE entry_id = '{}'", entry_id(db, &a.id, 1).await))
        .await
        .unwrap();
    let bad = s.ledger.verify_org(&a.id).await.unwrap().first_bad.expect("removed evidence detected");
    assert_eq!(bad.seq, 1);
    assert!(bad.reason.contains("evidence is missing"), "{}", bad.reason);
}

async fn all_verify(s: &Services) -> bool {
    s.ledger.verify_all().await.unwrap().iter().all(|(_, r)| r.ok())
}

async fn entry_id(db: &TestDb, org_id: &str, seq: i64) -> String {
    ledger::entry_at(&mut db.store.conn().await.unwrap(), org_id, seq).await.unwrap().expect("entry").id
}

async fn personal_evidence(db: &TestDb, org_id: &str, seq: i64) -> String {
    let e = ledger::entry_at(&mut db.store.conn().await.unwrap(), org_id, seq).await.unwrap().expect("entry");
    e.personal.evidence_json.expect("evidence")
}

async fn ledger_appends_do_not_fork_under_concurrency(db: &TestDb) {
    let s = services(db, None);
    let a = org(&s, "acme").await;
    let ca = caller(&s, &a, "admin").await;
    let site = asset(&s, &ca, "site").await;
    let cp = collection_point(&s, &ca, &site.id, None).await;
    let mut tasks = Vec::new();
    for i in 0..24 {
        let s = s.clone();
        let d = decision(&a.id, &cp, &format!("+9190000000{i:02}"), &[true, i % 3 == 0]);
        tasks.push(tokio::spawn(async move { s.ledger.record(&d).await }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let report = s.ledger.verify_org(&a.id).await.unwrap();
    assert!(report.ok(), "{:?}", report.first_bad);
    assert_eq!(report.entries, 24);
    // Deleting the newest entry is detected through the chain head.
    let newest = entry_id(db, &a.id, 24).await;
    db.store.execute_raw_for_tests(&format!("DELETE FROM ledger_personal WHERE entry_id = '{newest}'")).await.unwrap();
    db.store.execute_raw_for_tests(&format!("DELETE FROM ledger_entries WHERE id = '{newest}'")).await.unwrap();
    let bad = s.ledger.verify_org(&a.id).await.unwrap().first_bad.expect("truncation detected");
    assert_eq!(bad.seq, 24);
}

async fn setup_token_creates_the_first_owner_once(db: &TestDb) {
    let s = services(db, None);
    assert!(s.tenancy.setup_needed().await.unwrap());
    let token = s.tenancy.create_setup_token().await.unwrap().expect("no users yet");
    let new_org = NewOrg { slug: "acme".parse().unwrap(), name: Name::parse("n", "Acme", 99).unwrap(), subdomain: None };
    let email: Email = "owner@acme.test".parse().unwrap();
    let password: NewPassword = "a long password".parse().unwrap();
    assert!(matches!(s.tenancy.complete_setup("wrong", &new_org, &email, &password).await, Err(Error::Forbidden(_))));
    let session = s.tenancy.complete_setup(&token, &new_org, &email, &password).await.unwrap();
    assert_eq!(session.user.role, Role::Owner);
    assert_eq!(session.org.slug, "acme");
    assert!(matches!(s.tenancy.complete_setup(&token, &new_org, &email, &password).await, Err(Error::Forbidden(_))));
    assert!(s.tenancy.create_setup_token().await.unwrap().is_none(), "no setup links once an admin exists");
    assert!(!s.tenancy.setup_needed().await.unwrap());
    assert!(s.tenancy.login("owner@acme.test", "a long password").await.is_ok());
    // Setup tokens expire after a day.
    let db2 = TestDb::new(if db.store.db() == backend::store::Db::Postgres { Backend::Postgres } else { Backend::Sqlite }).await;
    let s2 = services(&db2, None);
    let stale = s2.tenancy.create_setup_token().await.unwrap().unwrap();
    db2.clock.advance(Duration::from_secs(24 * 3600 + 1));
    assert!(matches!(s2.tenancy.complete_setup(&stale, &new_org, &email, &password).await, Err(Error::Forbidden(_))));
}

async fn outbox_claims_are_exclusive_and_leased(db: &TestDb) {
    let s = services(db, None);
    let a = org(&s, "acme").await;
    let mut tx = db.store.begin().await.unwrap();
    for i in 0..10 {
        jobs::enqueue(&mut tx, &a.id, "consent_link_email", &format!("{{\"request_id\":\"r{i}\"}}"), None).await.unwrap();
    }
    tx.commit().await.unwrap();
    assert_eq!(s.outbox.depths().await.unwrap(), vec![("email", 10), ("webhooks", 0)]);
    // Two workers at once take disjoint sets, and together all of them.
    let claim = |n: i64| {
        let store = db.store.clone();
        async move {
            let mut tx = store.begin().await.unwrap();
            let until = tx.now() + LEASE_MS;
            let jobs = jobs::claim_due(&mut tx, store.db(), n, until).await.unwrap();
            tx.commit().await.unwrap();
            jobs
        }
    };
    let (x, y) = tokio::join!(claim(6), claim(6));
    let mut ids: Vec<String> = x.iter().chain(&y).map(|j| j.id.clone()).collect();
    assert_eq!(ids.len(), 10);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 10, "no job was claimed twice");
    assert!(claim(50).await.is_empty(), "claimed jobs are leased");
    // A worker that died mid-attempt: its lease runs out and another worker takes the job.
    db.clock.advance(Duration::from_millis(LEASE_MS as u64 + 1));
    let retaken = claim(50).await;
    assert_eq!(retaken.len(), 10);
    // Only the current claim records an outcome; the first, overtaken one does not.
    let stale = x.iter().find(|j| j.id == retaken[0].id).or_else(|| y.iter().find(|j| j.id == retaken[0].id)).unwrap().clone();
    let mut tx = db.store.begin().await.unwrap();
    let now = tx.now();
    assert!(!jobs::mark_done(&mut tx, &stale, now).await.unwrap(), "an overtaken claim records nothing");
    assert!(jobs::mark_failed(&mut tx, &retaken[0], "refused", now + 60_000, None).await.unwrap());
    assert!(!jobs::mark_done(&mut tx, &retaken[0], now).await.unwrap(), "a claim records once");
    tx.commit().await.unwrap();
    let mut c = db.store.conn().await.unwrap();
    let job = jobs::job(&mut c, &retaken[0].id).await.unwrap().unwrap();
    assert_eq!((job.attempts, job.last_error.as_deref(), job.done_at), (1, Some("refused"), None));
}

async fn a_link_and_its_email_job_commit_together(db: &TestDb) {
    let s = services(db, Some(REFUSING_SMTP));
    let a = org(&s, "acme").await;
    let ca = caller(&s, &a, "admin").await;
    let site = asset(&s, &ca, "site").await;
    let cp = collection_point(&s, &ca, &site.id, None).await;
    // Without email there is nothing to queue.
    let plain = s.links.create(&ca, &new_link(&cp, "+919876543210", None)).await.unwrap();
    assert_eq!(plain.email, None);
    assert_eq!(plain.linked.request.email_status, None);
    assert_eq!(s.outbox.depths().await.unwrap(), vec![("email", 0), ("webhooks", 0)]);
    // With one, the job commits with the request; the first attempt fails and says why.
    let created = s.links.create(&ca, &new_link(&cp, "+919876543211", Some("p@example.com"))).await.unwrap();
    assert_eq!(created.email, Some(backend::links::EmailDelivery::Failed));
    assert_eq!(created.linked.request.email_status.as_deref(), Some("failed"));
    assert!(created.linked.request.email_error.as_deref().unwrap().contains("attempt 1 of 6; retrying"));
    assert_eq!(s.outbox.depths().await.unwrap(), vec![("email", 1), ("webhooks", 0)]);
    assert_eq!(created.linked.url, format!("https://assent.test/acme/CP001/{}", created.linked.request.link_id));
    // A refused link creates neither a request nor a job.
    let other_asset = asset(&s, &ca, "other").await;
    let mut wrong = new_link(&cp, "+919876543212", Some("q@example.com"));
    wrong.asset_id = other_asset.id;
    assert!(matches!(s.links.create(&ca, &wrong).await, Err(Error::Invalid { field: "asset_id", .. })));
    assert_eq!(s.outbox.depths().await.unwrap(), vec![("email", 1), ("webhooks", 0)]);
}

async fn failed_deliveries_back_off_and_finish(db: &TestDb) {
    let s = services(db, Some(REFUSING_SMTP));
    let a = org(&s, "acme").await;
    let ca = caller(&s, &a, "admin").await;
    let site = asset(&s, &ca, "site").await;
    let cp = collection_point(&s, &ca, &site.id, None).await;
    let created = s.links.create(&ca, &new_link(&cp, "+919876543211", Some("p@example.com"))).await.unwrap();
    let id = created.linked.request.id.clone();
    let status = |s: Services| {
        let (ca, id) = (ca.clone(), id.clone());
        async move { s.links.details(&ca, &id).await.unwrap().linked.request }
    };
    assert_eq!(s.outbox.run_due(20).await.unwrap(), 0, "the first retry waits a minute");
    db.clock.advance(Duration::from_secs(61));
    assert_eq!(s.outbox.run_due(20).await.unwrap(), 1);
    let r = status(s.clone()).await;
    assert!(r.email_error.as_deref().unwrap().contains("attempt 2 of 6"), "{:?}", r.email_error);
    db.clock.advance(Duration::from_secs(61));
    assert_eq!(s.outbox.run_due(20).await.unwrap(), 0, "the second retry waits two minutes");
    // Every attempt used up: given up, and the request says so.
    for minutes in [2, 4, 8, 16] {
        db.clock.advance(Duration::from_secs(minutes * 60 + 1));
        assert_eq!(s.outbox.run_due(20).await.unwrap(), 1);
    }
    let r = status(s.clone()).await;
    assert_eq!(r.email_status.as_deref(), Some("failed"));
    assert!(r.email_error.as_deref().unwrap().contains("gave up after 6 attempts"), "{:?}", r.email_error);
    assert_eq!(s.outbox.depths().await.unwrap(), vec![("email", 0), ("webhooks", 0)]);
    db.clock.advance(Duration::from_secs(3600));
    assert_eq!(s.outbox.run_due(20).await.unwrap(), 0);
    // Without SMTP at all, retrying cannot help: the first attempt gives up and says why.
    let unconfigured = services(db, None);
    let created = unconfigured.links.create(&ca, &new_link(&cp, "+919876543219", Some("r@example.com"))).await.unwrap();
    assert_eq!(created.email, Some(backend::links::EmailDelivery::Failed));
    assert!(created.linked.request.email_error.as_deref().unwrap().contains("not configured"));
    assert_eq!(unconfigured.outbox.depths().await.unwrap(), vec![("email", 0), ("webhooks", 0)]);
}

async fn corrupt_rows_are_errors_not_defaults(db: &TestDb) {
    let s = services(db, None);
    let a = org(&s, "acme").await;
    let issued = s.tenancy.issue_api_key(&a.id, &Name::parse("n", "k", 9).unwrap(), &"admin".parse().unwrap()).await.unwrap();
    let ca = s.tenancy.authenticate(&Credential::ApiKey(issued.key.clone())).await.unwrap();
    // An unknown scope is not read as `consent`.
    db.store.execute_raw_for_tests(&format!("UPDATE api_keys SET scopes = 'root' WHERE id = '{}'", issued.row.id)).await.unwrap();
    assert!(matches!(s.tenancy.authenticate(&Credential::ApiKey(issued.key.clone())).await, Err(Error::Corrupt { .. })));
    db.store.execute_raw_for_tests(&format!("UPDATE api_keys SET scopes = 'admin' WHERE id = '{}'", issued.row.id)).await.unwrap();
    // An unknown role is not read as `viewer`.
    s.tenancy.create_user(&a.id, &"u@acme.test".parse().unwrap(), Role::Viewer, &"a long password".parse().unwrap()).await.unwrap();
    db.store.execute_raw_for_tests("UPDATE users SET role = 'superuser'").await.unwrap();
    assert!(matches!(s.tenancy.login("u@acme.test", "a long password").await, Err(Error::Corrupt { .. })));
    // An entry whose purposes or evidence do not parse is an error where they are read.
    let site = asset(&s, &ca, "site").await;
    let cp = collection_point(&s, &ca, &site.id, None).await;
    s.ledger.record(&decision(&a.id, &cp, "+919876543210", &[true, true])).await.unwrap();
    db.store.execute_raw_for_tests("UPDATE ledger_entries SET purposes_json = 'not json' WHERE seq = 1").await.unwrap();
    db.store.execute_raw_for_tests("UPDATE ledger_personal SET evidence_json = '{'").await.unwrap();
    let entry = s.ledger.entries(&ca, None, Page::default()).await.unwrap().items.remove(0);
    assert!(matches!(entry.purposes(), Err(Error::Corrupt { .. })));
    assert!(matches!(entry.evidence(), Err(Error::Corrupt { .. })));
    // Corrupt stored content of a collection point too.
    db.store.execute_raw_for_tests("UPDATE collection_point_versions SET notices_json = '[' ").await.unwrap();
    assert!(matches!(s.catalog.collection_point(&ca, &cp.id).await, Err(Error::Corrupt { .. })));
    assert!(Error::corrupt("x", "y").is_internal());
}

async fn decisions_through_a_link_are_checked_under_the_lock(db: &TestDb) {
    let s = services(db, None);
    let a = org(&s, "acme").await;
    let ca = caller(&s, &a, "admin").await;
    let site = asset(&s, &ca, "site").await;
    let cp = collection_point(&s, &ca, &site.id, None).await;
    let created = s.links.create(&ca, &new_link(&cp, "+919876543210", None)).await.unwrap();
    let path = LinkPath { subdomain: "acme".into(), display_id: "CP001".into(), link_id: created.linked.request.link_id.clone() };
    let evidence = LinkEvidence::default();
    // The path must match the link: another display id or organisation finds nothing.
    let wrong = LinkPath { display_id: "CP999".into(), ..path.clone() };
    assert!(matches!(s.links.decide(&wrong, &LinkChoice::ApproveAll, &evidence).await, Err(Error::NotFound(_))));
    assert!(matches!(s.links.decide(&path, &LinkChoice::Withdraw, &evidence).await, Err(Error::Invalid { .. })));
    let (request, entry) = s.links.decide(&path, &LinkChoice::ApproveAll, &evidence).await.unwrap();
    assert_eq!(request.consent_action.as_deref(), Some("approved"));
    assert_eq!(entry.actor, "principal");
    // The same decision again changes nothing: no second entry.
    let (_, again) = s.links.decide(&path, &LinkChoice::ApproveAll, &evidence).await.unwrap();
    assert_eq!(again.id, entry.id);
    let mut c = db.store.conn().await.unwrap();
    assert_eq!(links::logs(&mut c, &a.id, &request.id, 100).await.unwrap().len(), 1);
    assert_eq!(s.ledger.length().await.unwrap(), 1);
    // An expired link that was never answered takes no decision.
    let late = s.links.create(&ca, &new_link(&cp, "+919876543211", None)).await.unwrap();
    db.clock.advance(Duration::from_secs(24 * 3600 + 1));
    let late_path = LinkPath { link_id: late.linked.request.link_id.clone(), ..path.clone() };
    assert!(matches!(s.links.decide(&late_path, &LinkChoice::ApproveAll, &evidence).await, Err(Error::Forbidden(_))));
    // A decided one can still be changed.
    s.links.decide(&path, &LinkChoice::Withdraw, &evidence).await.unwrap();
    assert_eq!(s.ledger.length().await.unwrap(), 2);
    // At most 20 changes an hour through one link (the withdrawal was the first of this hour;
    // the approval is a day old); then 429, and nothing more is recorded.
    let choices = [LinkChoice::ApproveAll, LinkChoice::DeclineAll];
    for i in 0..19 {
        s.links.decide(&path, &choices[i % 2], &evidence).await.unwrap();
    }
    assert_eq!(s.ledger.length().await.unwrap(), 21);
    let flood = s.links.decide(&path, &LinkChoice::DeclineAll, &evidence).await;
    assert!(matches!(flood, Err(Error::RateLimited { .. })), "{flood:?}");
    assert_eq!(s.ledger.length().await.unwrap(), 21);
    // The status shows the newest entries only.
    assert_eq!(links::logs(&mut c, &a.id, &request.id, 5).await.unwrap().len(), 5);
    db.clock.advance(Duration::from_secs(3601));
    s.links.decide(&path, &LinkChoice::ApproveAll, &evidence).await.unwrap();
}

/// A webhook job whose delivery row is gone can never succeed: the first attempt gives it up
/// (and says why) instead of leaving it to be retried after every lease.
async fn a_webhook_job_without_its_delivery_is_given_up(db: &TestDb) {
    let s = services(db, None);
    let a = org(&s, "acme").await;
    let mut tx = db.store.begin().await.unwrap();
    let job = jobs::enqueue(&mut tx, &a.id, "webhook_delivery", "{\"delivery_id\":\"msg_gone\"}", None).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(s.outbox.depths().await.unwrap(), vec![("email", 0), ("webhooks", 1)]);
    assert_eq!(s.outbox.run_due(10).await.unwrap(), 1);
    let row = jobs::job(&mut db.store.conn().await.unwrap(), &job.id).await.unwrap().unwrap();
    assert!(row.given_up_at.is_some(), "{row:?}");
    assert!(row.last_error.as_deref().unwrap_or_default().contains("msg_gone"), "{row:?}");
    assert_eq!(s.outbox.depths().await.unwrap(), vec![("email", 0), ("webhooks", 0)]);
}

async fn each_organisation_has_its_own_chain(db: &TestDb) {
    let s = services(db, None);
    let (a, b) = (org(&s, "acme").await, org(&s, "beta").await);
    let (ca, cb) = (caller(&s, &a, "admin").await, caller(&s, &b, "admin").await);
    let cpa = collection_point(&s, &ca, &asset(&s, &ca, "site").await.id, None).await;
    let cpb = collection_point(&s, &cb, &asset(&s, &cb, "site").await.id, None).await;
    // Interleaved appends: each organisation's positions run 1, 2, 3, from its own genesis.
    for i in 0..3 {
        let ea = s.ledger.record(&decision(&a.id, &cpa, &format!("+91980000000{i}"), &[true, true])).await.unwrap();
        let eb = s.ledger.record(&decision(&b.id, &cpb, &format!("+91980000000{i}"), &[true, false])).await.unwrap();
        assert_eq!((ea.seq, eb.seq), (i + 1, i + 1));
        if i == 0 {
            assert_eq!((ea.prev_hash.as_str(), eb.prev_hash.as_str()), (GENESIS_HASH, GENESIS_HASH));
        }
    }
    assert_eq!(s.ledger.length().await.unwrap(), 6);
    let (va, vb) = (s.ledger.verify_for(&ca).await.unwrap(), s.ledger.verify_for(&cb).await.unwrap());
    assert!(va.ok && vb.ok);
    assert_eq!((va.entries, vb.entries), (3, 3));
    assert_ne!(va.head_hash, vb.head_hash);
    // One organisation's broken chain is its own: the other's still verifies.
    db.store
        .execute_raw_for_tests(&format!("UPDATE ledger_entries SET subject_id = 'x' WHERE org_id = '{}' AND seq = 2", b.id))
        .await
        .unwrap();
    assert!(s.ledger.verify_for(&ca).await.unwrap().ok);
    assert_eq!(s.ledger.verify_for(&cb).await.unwrap().first_bad.map(|b| b.seq), Some(2));
    let all = s.ledger.verify_all().await.unwrap();
    assert_eq!(all.iter().map(|(slug, r)| (slug.as_str(), r.ok())).collect::<Vec<_>>(), vec![("acme", true), ("beta", false)]);
    // On PostgreSQL an append holds only its organisation's head: while one to acme's chain is
    // uncommitted, one to beta's goes through. (SQLite has one writer for the whole file.)
    if db.store.db() == backend::store::Db::Postgres {
        let mut held = db.store.begin().await.unwrap();
        ledger::append(&mut held, &decision(&a.id, &cpa, "+919800000099", &[true, true])).await.unwrap();
        let other_decision = decision(&b.id, &cpb, "+919800000098", &[true, true]);
        let other = tokio::time::timeout(Duration::from_secs(10), s.ledger.record(&other_decision));
        assert_eq!(other.await.expect("beta's append did not wait for acme's").unwrap().seq, 4);
        held.commit().await.unwrap();
        assert!(s.ledger.verify_for(&ca).await.unwrap().ok);
    }
}

async fn receipts_verify_with_published_keys_across_rotations(db: &TestDb) {
    let s = services(db, None);
    let a = org(&s, "acme").await;
    let ca = caller(&s, &a, "admin").await;
    let cp = collection_point(&s, &ca, &asset(&s, &ca, "site").await.id, None).await;
    let entry = s.ledger.record(&decision(&a.id, &cp, "+919876543210", &[true, false])).await.unwrap();
    assert!(s.proof.jwks("acme").await.unwrap().keys.is_empty(), "no key before the first signature");
    // Many first signatures at once make one key.
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let (s, ca, id) = (s.clone(), ca.clone(), entry.id.clone());
            tokio::spawn(async move { s.proof.receipt_for(&ca, &id).await })
        })
        .collect();
    let mut receipts = Vec::new();
    for t in tasks {
        receipts.push(t.await.unwrap().unwrap());
    }
    let jwks = s.proof.jwks("acme").await.unwrap();
    assert_eq!(jwks.keys.len(), 1);
    let first = receipts.remove(0);
    let (claims, kid): (ReceiptClaims, String) = jwks.verify(&first.jws, RECEIPT_TYPE).unwrap();
    assert_eq!(claims, first.claims);
    assert_eq!((claims.entry_id.as_str(), claims.entry_seq, claims.entry_hash.as_str()), (entry.id.as_str(), 1, entry.hash.as_str()));
    assert_eq!((claims.org.as_str(), claims.action.as_str(), claims.collected_via.as_str()), ("acme", "denied", "api"));
    assert_eq!(claims.purposes.len(), 2);
    assert!(claims.principal.starts_with("DP"));
    assert_eq!(claims.notice_hash.as_deref(), Some(cp.content_hash.as_str()));
    assert_eq!(claims.jwks_uri, "https://assent.test/.well-known/assent/acme/jwks.json");
    // A rotation: new receipts carry the new key, and the old receipt still verifies.
    let keys = s.proof.rotate_key(&ca).await.unwrap();
    assert_eq!(keys.len(), 2);
    assert!(keys[0].retired_at.is_none() && keys[1].retired_at.is_some());
    assert_eq!(keys[1].jwk.kid, kid);
    let second = s.proof.receipt_for(&ca, &entry.id).await.unwrap();
    let jwks = s.proof.jwks("acme").await.unwrap();
    let (_, kid2) = jwks.verify::<ReceiptClaims>(&second.jws, RECEIPT_TYPE).unwrap();
    assert_ne!(kid2, kid);
    assert!(jwks.verify::<ReceiptClaims>(&first.jws, RECEIPT_TYPE).is_ok());
    // Another organisation neither finds the entry nor holds a key that verifies it.
    let b = org(&s, "beta").await;
    let cb = caller(&s, &b, "admin").await;
    assert!(matches!(s.proof.receipt_for(&cb, &entry.id).await, Err(Error::NotFound(_))));
    assert_eq!(s.proof.keys(&cb).await.unwrap().len(), 1);
    assert!(matches!(s.proof.jwks("beta").await.unwrap().verify::<ReceiptClaims>(&first.jws, RECEIPT_TYPE), Err(JwsError::UnknownKey(_))));
    // The customer's backend may read receipts; only managers rotate keys.
    let consent = caller(&s, &a, "consent").await;
    assert!(s.proof.receipt_for(&consent, &entry.id).await.is_ok());
    assert!(matches!(s.proof.rotate_key(&consent).await, Err(Error::Forbidden(_))));
    assert!(matches!(s.proof.jwks("nobody").await, Err(Error::NotFound(_))));
}

async fn checkpoints_catch_a_tail_rewritten_with_its_head(db: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::new("https://assent.test");
    settings.checkpoint_dir = Some(dir.path().to_path_buf());
    let s = Services::new(db.store.clone(), Mailer::new(None, None), settings);
    let a = org(&s, "acme").await;
    let ca = caller(&s, &a, "admin").await;
    let cp = collection_point(&s, &ca, &asset(&s, &ca, "site").await.id, None).await;
    assert!(s.proof.checkpoint(&a).await.unwrap().is_none(), "an empty chain has nothing to checkpoint");
    for i in 0..3 {
        s.ledger.record(&decision(&a.id, &cp, &format!("+91970000000{i}"), &[true, true])).await.unwrap();
    }
    assert_eq!(s.proof.checkpoint(&a).await.unwrap().expect("written").seq, 3);
    assert!(s.proof.checkpoint(&a).await.unwrap().is_none(), "the same head is not written twice");
    for i in 3..5 {
        s.ledger.record(&decision(&a.id, &cp, &format!("+91970000000{i}"), &[true, false])).await.unwrap();
    }
    assert_eq!(s.proof.checkpoint_all().await.unwrap(), 1);
    assert_eq!(std::fs::read_dir(dir.path().join(&a.id)).unwrap().count(), 2);
    let problems = |f: Vec<backend::services::proof::CheckpointFinding>| f.into_iter().filter_map(|f| f.problem).collect::<Vec<_>>();
    let findings = s.proof.verify_checkpoints(dir.path(), None).await.unwrap();
    assert_eq!(findings.len(), 2);
    assert!(problems(findings).is_empty());

    // The tail removed together with its head: the chain alone cannot tell.
    for seq in [5, 4] {
        let id = entry_id(db, &a.id, seq).await;
        db.store.execute_raw_for_tests(&format!("DELETE FROM ledger_personal WHERE entry_id = '{id}'")).await.unwrap();
        db.store.execute_raw_for_tests(&format!("DELETE FROM ledger_entries WHERE id = '{id}'")).await.unwrap();
    }
    let third = ledger::entry_at(&mut db.store.conn().await.unwrap(), &a.id, 3).await.unwrap().unwrap();
    db.store
        .execute_raw_for_tests(&format!("UPDATE ledger_chains SET seq = 3, hash = '{}' WHERE org_id = '{}'", third.hash, a.id))
        .await
        .unwrap();
    assert!(s.ledger.verify_org(&a.id).await.unwrap().ok(), "a consistent rewrite passes the chain walk");
    // The checkpoint writer will not vouch for it.
    assert!(matches!(s.proof.checkpoint(&a).await, Err(Error::Corrupt { .. })));
    let found = problems(s.proof.verify_checkpoints(dir.path(), Some(&a)).await.unwrap());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("no entry 5"), "{}", found[0]);

    // Entry 2 rewritten, and every hash after it with the head: the checkpoint at 3 says so.
    db.store
        .execute_raw_for_tests(&format!("UPDATE ledger_entries SET action = 'withdrawn' WHERE org_id = '{}' AND seq = 2", a.id))
        .await
        .unwrap();
    let mut prev = entry_at(db, &a.id, 1).await.hash;
    for seq in 2..=3 {
        let mut e = entry_at(db, &a.id, seq).await;
        e.prev_hash = prev;
        e.hash = e.compute_hash();
        db.store
            .execute_raw_for_tests(&format!(
                "UPDATE ledger_entries SET prev_hash = '{}', hash = '{}' WHERE id = '{}'",
                e.prev_hash, e.hash, e.id
            ))
            .await
            .unwrap();
        prev = e.hash;
    }
    db.store.execute_raw_for_tests(&format!("UPDATE ledger_chains SET hash = '{prev}' WHERE org_id = '{}'", a.id)).await.unwrap();
    assert!(s.ledger.verify_org(&a.id).await.unwrap().ok());
    let found = problems(s.proof.verify_checkpoints(dir.path(), None).await.unwrap());
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|p| p.contains("entry 3 does not have the hash signed")), "{found:?}");

    // A checkpoint file removed from the directory is missed.
    let first = std::fs::read_dir(dir.path().join(&a.id)).unwrap().map(|f| f.unwrap().path()).min().unwrap();
    let kept = std::fs::read(&first).unwrap();
    std::fs::remove_file(&first).unwrap();
    let found = problems(s.proof.verify_checkpoints(dir.path(), None).await.unwrap());
    assert!(found.iter().any(|p| p.contains("checkpoint of entry 3") && p.contains("is missing")), "{found:?}");
    std::fs::write(&first, kept).unwrap();

    // A checkpoint signed with a key the organisation never published proves nothing.
    let claims =
        CheckpointClaims { org: "acme".into(), org_id: a.id.clone(), seq: 3, hash: prev, signed_at: "2026-11-25T00:00:00.000Z".into() };
    std::fs::write(dir.path().join(&a.id).join("999999999999-0.jws"), KeyPair::generate().sign(CHECKPOINT_TYPE, &claims)).unwrap();
    let found = problems(s.proof.verify_checkpoints(dir.path(), None).await.unwrap());
    assert!(found.iter().any(|p| p.contains("does not verify")), "{found:?}");
    // Without a directory there is nowhere to write.
    assert!(matches!(services(db, None).proof.checkpoint(&a).await, Err(Error::Conflict(_))));
}

async fn entry_at(db: &TestDb, org_id: &str, seq: i64) -> backend::ledger::LedgerEntry {
    ledger::entry_at(&mut db.store.conn().await.unwrap(), org_id, seq).await.unwrap().expect("entry")
}

fn backend_of(db: &TestDb) -> Backend {
    match db.store.db() {
        backend::store::Db::Sqlite => Backend::Sqlite,
        backend::store::Db::Postgres => Backend::Postgres,
    }
}

/// A database as Assent wrote it before migration 0007: one chain across two organisations
/// (acme's entries at global positions 1, 3, 4; beta's at 2, 5). With `tamper`, entry 2's
/// evidence was edited afterwards.
async fn single_chain_database(backend: Backend, tamper: bool) -> TestDb {
    let old = TestDb::empty(backend).await;
    old.store.migrate_until_for_tests(6).await.unwrap();
    let sql = |q: String| {
        let store = old.store.clone();
        async move { store.execute_raw_for_tests(&q).await.unwrap() }
    };
    for (id, slug) in [("org-a", "acme"), ("org-b", "beta")] {
        sql(format!(
            "INSERT INTO orgs (id, slug, subdomain, name, brand_name, brand_color, created_at) VALUES ('{id}', '{slug}', '{slug}', '{slug}', '{slug}', '#000000', 1)"
        ))
        .await;
        sql(format!("INSERT INTO principals (id, org_id, dp_id, created_at) VALUES ('p-{id}', '{id}', 'DP{}', 1)", slug.to_uppercase()))
            .await;
    }
    let mut prev = GENESIS_HASH.to_string();
    for (seq, org) in [(1, "org-a"), (2, "org-b"), (3, "org-a"), (4, "org-a"), (5, "org-b")] {
        let (id, principal, purposes, evidence) =
            (format!("e{seq}"), format!("p-{org}"), r#"[{"purpose_id":"p1","granted":true}]"#, format!(r#"{{"ip":"203.0.113.{seq}"}}"#));
        let hash = backend::ledger::v1::hash(&backend::ledger::v1::Entry {
            seq,
            id: &id,
            org_id: org,
            principal_id: &principal,
            subject_kind: "collection_point",
            subject_id: "cp",
            action: "granted",
            purposes_json: purposes,
            collected_via: "api",
            notice_version: Some(1),
            notice_hash: None,
            evidence_json: &evidence,
            actor: "test",
            occurred_at: 1000 + seq,
            prev_hash: &prev,
        });
        let stored_evidence = if tamper && seq == 2 { r#"{"ip":"10.0.0.1"}"#.to_string() } else { evidence };
        sql(format!(
            "INSERT INTO ledger_entries (seq, id, org_id, principal_id, subject_kind, subject_id, action, purposes_json, collected_via,
                notice_version, notice_hash, evidence_json, actor, occurred_at, prev_hash, hash)
             VALUES ({seq}, '{id}', '{org}', '{principal}', 'collection_point', 'cp', 'granted', '{purposes}', 'api', 1, NULL,
                '{stored_evidence}', 'test', {}, '{prev}', '{hash}')",
            1000 + seq
        ))
        .await;
        prev = hash;
    }
    sql(format!("UPDATE ledger_head SET seq = 5, hash = '{prev}' WHERE id = 1")).await;
    // acme's current consent came from its third entry, global position 4.
    sql("INSERT INTO purpose_consents (org_id, principal_id, subject_kind, subject_id, purpose_id, granted, entry_seq, updated_at)
         VALUES ('org-a', 'p-org-a', 'collection_point', 'cp', 'p1', 1, 4, 1004)"
        .into())
    .await;
    old
}

async fn the_single_chain_is_verified_and_rechained_per_organisation(db: &TestDb) {
    let old = single_chain_database(backend_of(db), false).await;
    old.store.migrate().await.unwrap();
    let s = services(&old, None);
    let all = s.ledger.verify_all().await.unwrap();
    assert_eq!(
        all.iter().map(|(slug, r)| (slug.as_str(), r.entries, r.ok())).collect::<Vec<_>>(),
        vec![("acme", 3, true), ("beta", 2, true)],
        "{all:?}"
    );
    let mut c = old.store.conn().await.unwrap();
    // Ids, order and evidence survive; positions are the organisation's own.
    let acme: Vec<_> = [1, 2, 3].iter().map(|seq| (*seq, format!("e{}", [1, 3, 4][*seq as usize - 1]))).collect();
    for (seq, id) in acme {
        let e = ledger::entry_at(&mut c, "org-a", seq).await.unwrap().unwrap();
        assert_eq!(e.id, id);
        assert_eq!(e.evidence().unwrap().unwrap()["ip"], format!("203.0.113.{}", &id[1..]));
    }
    let projected: i64 =
        sqlx::query_scalar("SELECT entry_seq FROM purpose_consents WHERE org_id = 'org-a'").fetch_one(&mut *c).await.unwrap();
    assert_eq!(projected, 3, "the projection points at the entry's new position");
    drop(c);
    // Appending goes on in each organisation's chain, and migrating again changes nothing.
    let mut tx = old.store.begin().await.unwrap();
    let d = Decision {
        org_id: "org-b".into(),
        identifiers: vec![Identifier::Phone("+919800000001".into())],
        subject_kind: SubjectKind::CollectionPoint,
        subject_id: "cp".into(),
        action: Action::Granted,
        purposes: vec![PurposeDecision { purpose_id: "p1".into(), granted: true }],
        collected_via: "api".into(),
        notice_version: None,
        notice_hash: None,
        evidence: serde_json::json!({}),
        actor: "test".into(),
    };
    assert_eq!(ledger::append(&mut tx, &d).await.unwrap().seq, 3);
    tx.commit().await.unwrap();
    old.store.migrate().await.unwrap();
    assert!(all_verify(&s).await);
    assert_eq!(s.ledger.length().await.unwrap(), 6);
}

async fn a_tampered_single_chain_is_not_rechained(db: &TestDb) {
    let old = single_chain_database(backend_of(db), true).await;
    for _ in 0..2 {
        match old.store.migrate().await {
            Err(Error::Corrupt { detail, .. }) => {
                assert!(detail.contains("entry 2") && detail.contains("left as it was"), "{detail}")
            }
            other => panic!("a tampered chain must stop the start: {other:?}"),
        }
    }
    // Nothing was touched: the old tables are as they were, and migration 0007 did not run.
    let mut c = old.store.conn().await.unwrap();
    let head: i64 = sqlx::query_scalar("SELECT seq FROM ledger_head").fetch_one(&mut *c).await.unwrap();
    assert_eq!(head, 5);
    let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE version = 7").fetch_one(&mut *c).await.unwrap();
    assert_eq!(applied, 0);
}

async fn retention_erases_people_past_its_period(db: &TestDb) {
    let s = services(db, None);
    let a = org(&s, "acme").await;
    assert_eq!(a.retention_days, 2557, "seven years unless the organisation says otherwise");
    let ca = caller(&s, &a, "admin").await;
    let cp = collection_point(&s, &ca, &asset(&s, &ca, "site").await.id, None).await;
    // Refused outside 30 days to 100 years, and changes nothing.
    assert!(matches!(RetentionDays::parse(29), Err(Error::Invalid { field: "retention_days", .. })));
    let set = OrgChanges { retention_days: Some(RetentionDays::parse(30).unwrap()), ..Default::default() };
    assert_eq!(s.tenancy.update_org(&ca, &set).await.unwrap().retention_days, 30);
    let old = s.ledger.record(&decision(&a.id, &cp, "+919811111111", &[true, true])).await.unwrap();
    let kept = s.ledger.record(&decision(&a.id, &cp, "+919822222222", &[true, false])).await.unwrap();
    db.clock.advance(Duration::from_secs(29 * 24 * 3600));
    assert_eq!(s.principals.apply_retention().await.unwrap(), 0, "not yet");
    // The second person decides again; the first does not. A day later the first is past 30 days.
    s.ledger.record(&decision(&a.id, &cp, "+919822222222", &[true, true])).await.unwrap();
    db.clock.advance(Duration::from_secs(2 * 24 * 3600));
    assert_eq!(s.principals.apply_retention().await.unwrap(), 1);
    assert_eq!(s.principals.apply_retention().await.unwrap(), 0, "an erased person is not erased again");
    let mut c = db.store.conn().await.unwrap();
    assert!(ledger::identifiers_of(&mut c, &a.id, &old.principal_id).await.unwrap().is_empty());
    assert_eq!(ledger::identifiers_of(&mut c, &a.id, &kept.principal_id).await.unwrap().len(), 1);
    let entries = ledger::entries_of(&mut c, &a.id, &old.principal_id).await.unwrap();
    assert_eq!(entries.last().unwrap().action, "erased");
    assert_eq!(entries.last().unwrap().actor, "retention");
    assert!(entries[0].evidence().unwrap().is_none());
    assert!(s.ledger.verify_org(&a.id).await.unwrap().ok());
}
