//! The store suite: the services and the store's aggregates, every test once on SQLite and
//! once on PostgreSQL.

use backend::auth::{Caller, Credential};
use backend::catalog::*;
use backend::email::Mailer;
use backend::ledger::{Action, Decision, Identifier, PurposeDecision, SubjectKind};
use backend::links::{ExpiryHours, LinkChoice, LinkEvidence};
use backend::services::consent_links::{LinkPath, NewConsentLink};
use backend::services::outbox::LEASE_MS;
use backend::services::tenancy::{BrandingPatch, NewOrg, DEFAULT_BRAND_COLOR};
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
        .update_branding(
            &admin,
            &BrandingPatch {
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
    assert!(matches!(s.tenancy.update_branding(&viewer, &BrandingPatch::default()).await, Err(Error::Forbidden(_))));
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
    assert!(s.ledger.verify_all().await.unwrap().ok());
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
    let report = s.ledger.verify_all().await.unwrap();
    assert!(report.ok());
    assert_eq!(report.entries, 5);

    // Editing an entry's content.
    db.store.execute_raw_for_tests("UPDATE ledger_entries SET evidence_json = '{\"ip\":\"10.0.0.1\"}' WHERE seq = 3").await.unwrap();
    let bad = s.ledger.verify_all().await.unwrap().first_bad.expect("edit detected");
    assert_eq!(bad.seq, 3);
    assert!(bad.id.is_some());
    assert!(bad.reason.contains("edited"), "{}", bad.reason);

    // Re-hashing the edited entry does not help: the next entry's link breaks.
    let entry = s.ledger.entries(&ca, None, Page { limit: 1, offset: 2 }).await.unwrap().items.remove(0);
    assert_eq!(entry.seq, 3);
    db.store.execute_raw_for_tests(&format!("UPDATE ledger_entries SET hash = '{}' WHERE seq = 3", entry.compute_hash())).await.unwrap();
    let bad = s.ledger.verify_all().await.unwrap().first_bad.expect("relink detected");
    assert_eq!(bad.seq, 4);

    // Deleting an entry in the middle.
    db.store.execute_raw_for_tests("DELETE FROM ledger_entries WHERE seq = 2").await.unwrap();
    let bad = s.ledger.verify_all().await.unwrap().first_bad.expect("deletion detected");
    assert_eq!(bad.seq, 2);
    assert!(bad.reason.contains("missing"), "{}", bad.reason);
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
    let report = s.ledger.verify_all().await.unwrap();
    assert!(report.ok(), "{:?}", report.first_bad);
    assert_eq!(report.entries, 24);
    // Deleting the newest entry is detected through the chain head.
    db.store.execute_raw_for_tests("DELETE FROM ledger_entries WHERE seq = 24").await.unwrap();
    let bad = s.ledger.verify_all().await.unwrap().first_bad.expect("truncation detected");
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
    db.store
        .execute_raw_for_tests("UPDATE ledger_entries SET purposes_json = 'not json', evidence_json = '{' WHERE seq = 1")
        .await
        .unwrap();
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
