//! The store suite: every test runs once on SQLite and once on PostgreSQL.

use backend::ledger::{Action, Decision, Identifier, PurposeDecision, SubjectKind};
use backend::store::*;
use backend::testing::{Backend, TestDb};
use backend::types::*;
use backend::{Error, Store};
use std::collections::BTreeMap;

macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let db = super::TestDb::new(super::Backend::Sqlite).await;
                    super::$name(&db.store).await;
                    db.finish().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let db = super::TestDb::new(super::Backend::Postgres).await;
                    super::$name(&db.store).await;
                    db.finish().await;
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
    email_outbox_claims_are_exclusive_and_back_off,
);

async fn org(store: &Store, slug: &str) -> OrgRow {
    store.create_org(&NewOrg { slug: slug.parse().unwrap(), name: Name::parse("name", slug, 200).unwrap(), subdomain: None }).await.unwrap()
}

async fn asset(store: &Store, org_id: &str, name: &str) -> AssetRow {
    let new = NewAsset { name: Name::parse("name", name, 200).unwrap(), kind: AssetKind::Website, url: None, description: String::new() };
    store.create_asset(org_id, &new).await.unwrap()
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

async fn collection_point(store: &Store, org_id: &str, asset_id: &str, display: Option<&str>) -> CollectionPointRow {
    let new = NewCollectionPoint {
        asset_id: asset_id.to_string(),
        name: Name::parse("name", "Signup", 200).unwrap(),
        display_id: display.map(|d| d.parse().unwrap()),
        purposes: vec![purpose("Service", true), purpose("Marketing", false)],
        notices: notices("We use your email to run the service."),
    };
    store.create_collection_point(org_id, &new).await.unwrap()
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

async fn orgs_have_unique_slugs_and_subdomains(store: &Store) {
    let a = org(store, "acme").await;
    assert_eq!(a.subdomain, "acme");
    assert_eq!(a.brand_color, DEFAULT_BRAND_COLOR);
    let dup = store
        .create_org(&NewOrg {
            slug: "acme".parse().unwrap(),
            name: Name::parse("n", "x", 9).unwrap(),
            subdomain: Some("other".parse().unwrap()),
        })
        .await;
    assert!(matches!(dup, Err(Error::Conflict(_))), "{dup:?}");
    let sub = store
        .create_org(&NewOrg {
            slug: "beta".parse().unwrap(),
            name: Name::parse("n", "x", 9).unwrap(),
            subdomain: Some("acme".parse().unwrap()),
        })
        .await;
    assert!(matches!(sub, Err(Error::Conflict(_))), "{sub:?}");
    assert_eq!(store.org_by_slug("acme").await.unwrap().id, a.id);
    assert_eq!(store.org_by_subdomain("acme").await.unwrap().id, a.id);
    let patched = store
        .update_branding(
            &a.id,
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
    assert!(matches!(store.org_by_slug("nope").await, Err(Error::NotFound(_))));
}

async fn login_sessions_expire_and_revoke(store: &Store) {
    let o = org(store, "acme").await;
    let user = store
        .create_user(&o.id, &"Ada@Example.com".parse().unwrap(), Role::Admin, &"correct horse battery".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(user.email, "ada@example.com");
    assert!(user.password_hash.starts_with("$argon2"));
    assert!(matches!(store.login("ada@example.com", "wrong password!").await, Err(Error::Unauthenticated)));
    assert!(matches!(store.login("nobody@example.com", "correct horse battery").await, Err(Error::Unauthenticated)));
    let s = store.login("ADA@example.com", "correct horse battery").await.unwrap();
    let found = store.session(&s.token).await.unwrap().expect("live session");
    assert_eq!(found.user_id, user.id);
    assert_eq!(found.org.id, o.id);
    assert!(store.session("not-a-token").await.unwrap().is_none());
    // Expired sessions are refused.
    sqlx::query("UPDATE sessions SET expires_at = 1").execute(store.pool()).await.unwrap();
    assert!(store.session(&s.token).await.unwrap().is_none());
    let s2 = store.login("ada@example.com", "correct horse battery").await.unwrap();
    let live = store.session(&s2.token).await.unwrap().unwrap();
    store.revoke_session(&live.session_id).await.unwrap();
    assert!(store.session(&s2.token).await.unwrap().is_none());
    let dup = store.create_user(&o.id, &"ada@example.com".parse().unwrap(), Role::Viewer, &"another password".parse().unwrap()).await;
    assert!(matches!(dup, Err(Error::Conflict(_))));
}

async fn api_keys_are_hashed_scoped_and_revocable(store: &Store) {
    let a = org(store, "acme").await;
    let b = org(store, "beta").await;
    let issued = store.create_api_key(&a.id, &Name::parse("n", "backend", 50).unwrap(), &"consent".parse().unwrap()).await.unwrap();
    assert!(issued.key.len() >= 32 + 7, "at least 128 random bits");
    assert!(issued.key.starts_with(&issued.row.prefix));
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM api_keys WHERE key_hash = $1 OR prefix = $1")
        .bind(&issued.key)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(stored, 0, "the secret itself is never stored");
    let (row, o) = store.authenticate_api_key(&issued.key).await.unwrap().unwrap();
    assert_eq!(o.id, a.id);
    assert!(row.last_used_at.is_some());
    assert!(row.scopes().allows(Scope::Consent) && !row.scopes().allows(Scope::Admin));
    assert!(store.authenticate_api_key("assent_0000").await.unwrap().is_none());
    // Another organisation cannot see or revoke it.
    assert!(matches!(store.api_key(&b.id, &row.id).await, Err(Error::NotFound(_))));
    assert!(matches!(store.revoke_api_key(&b.id, &row.id).await, Err(Error::NotFound(_))));
    assert_eq!(store.list_api_keys(&b.id, Page::default()).await.unwrap().total, 0);
    let revoked = store.revoke_api_key(&a.id, &row.id).await.unwrap();
    assert!(revoked.revoked_at.is_some());
    assert!(store.authenticate_api_key(&issued.key).await.unwrap().is_none());
    // Revoking again is harmless.
    store.revoke_api_key(&a.id, &row.id).await.unwrap();
}

async fn assets_are_scoped_paged_and_guarded(store: &Store) {
    let a = org(store, "acme").await;
    let b = org(store, "beta").await;
    for i in 0..5 {
        asset(store, &a.id, &format!("site {i}")).await;
    }
    let page = store.list_assets(&a.id, Page::parse(Some(2), Some(1)).unwrap()).await.unwrap();
    assert_eq!(page.total, 5);
    assert_eq!(page.items.len(), 2);
    assert_eq!(store.list_assets(&b.id, Page::default()).await.unwrap().total, 0);
    let x = asset(store, &a.id, "main site").await;
    assert!(matches!(store.asset(&b.id, &x.id).await, Err(Error::NotFound(_))));
    assert!(matches!(store.update_asset(&b.id, &x.id, &AssetPatch::default()).await, Err(Error::NotFound(_))));
    assert!(matches!(store.delete_asset(&b.id, &x.id).await, Err(Error::NotFound(_))));
    let renamed = store
        .update_asset(
            &a.id,
            &x.id,
            &AssetPatch {
                name: Some(Name::parse("n", "Main", 9).unwrap()),
                url: Some(Some(HttpUrl::parse("u", "https://acme.test").unwrap())),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name, "Main");
    assert_eq!(renamed.kind, "website");
    assert_eq!(renamed.url.as_deref(), Some("https://acme.test"));
    collection_point(store, &a.id, &x.id, None).await;
    assert!(matches!(store.delete_asset(&a.id, &x.id).await, Err(Error::Conflict(_))));
    let y = asset(store, &a.id, "unused").await;
    store.delete_asset(&a.id, &y.id).await.unwrap();
    assert!(matches!(store.asset(&a.id, &y.id).await, Err(Error::NotFound(_))));
    assert!(Page::parse(Some(0), None).is_err());
    assert!(Page::parse(Some(201), None).is_err());
    assert!(Page::parse(None, Some(-1)).is_err());
}

async fn collection_points_number_and_version(store: &Store) {
    let a = org(store, "acme").await;
    let b = org(store, "beta").await;
    let site = asset(store, &a.id, "site").await;
    let first = collection_point(store, &a.id, &site.id, None).await;
    assert_eq!(first.display_id, "CP001");
    // A hand-picked id is skipped by the counter.
    let manual = collection_point(store, &a.id, &site.id, Some("CP002")).await;
    assert_eq!(manual.display_id, "CP002");
    let third = collection_point(store, &a.id, &site.id, None).await;
    assert_eq!(third.display_id, "CP003");
    // Numbering is per organisation.
    let b_site = asset(store, &b.id, "b site").await;
    assert_eq!(collection_point(store, &b.id, &b_site.id, None).await.display_id, "CP001");
    let dup = store
        .create_collection_point(
            &a.id,
            &NewCollectionPoint {
                asset_id: site.id.clone(),
                name: Name::parse("n", "x", 9).unwrap(),
                display_id: Some("CP001".parse().unwrap()),
                purposes: vec![purpose("A", false)],
                notices: notices("x"),
            },
        )
        .await;
    assert!(matches!(dup, Err(Error::Conflict(_))), "{dup:?}");
    // Another organisation's asset cannot be used.
    let foreign = store
        .create_collection_point(
            &a.id,
            &NewCollectionPoint {
                asset_id: b_site.id.clone(),
                name: Name::parse("n", "x", 9).unwrap(),
                display_id: None,
                purposes: vec![purpose("A", false)],
                notices: notices("x"),
            },
        )
        .await;
    assert!(matches!(foreign, Err(Error::Invalid { field: "asset_id", .. })));

    assert_eq!(first.version, 1);
    assert_eq!(store.collection_point(&a.id, "CP001").await.unwrap().id, first.id);
    assert!(matches!(store.collection_point(&b.id, &first.id).await, Err(Error::NotFound(_))));

    // Renaming keeps the version; new notice text makes version 2 and keeps purpose ids.
    let renamed = store
        .update_collection_point(
            &a.id,
            &first.id,
            &CollectionPointPatch { name: Some(Name::parse("n", "Sign-up form", 99).unwrap()), ..Default::default() },
        )
        .await
        .unwrap();
    assert_eq!(renamed.version, 1);
    let mut edited_purposes: Vec<PurposeInput> = first
        .purposes
        .iter()
        .map(|p| PurposeInput {
            id: Some(p.id.clone()),
            name: Name::parse("n", &p.name, 99).unwrap(),
            description: "changed".into(),
            required: p.required,
            data_categories: vec![],
        })
        .collect();
    edited_purposes.push(purpose("Analytics", false));
    let v2 = store
        .update_collection_point(
            &a.id,
            "CP001",
            &CollectionPointPatch { purposes: Some(edited_purposes), notices: Some(notices("New text")), ..Default::default() },
        )
        .await
        .unwrap();
    assert_eq!(v2.version, 2);
    assert_ne!(v2.content_hash, first.content_hash);
    assert_eq!(v2.purposes[0].id, first.purposes[0].id);
    assert_eq!(v2.purposes.len(), 3);
    let old = store.collection_point_version(&a.id, &first.id, 1).await.unwrap();
    assert_eq!(old.content_hash, first.content_hash);
    assert_eq!(old.notices.get("en").unwrap(), "We use your email to run the service.");
    let list = store.list_collection_points(&a.id, Some(&site.id), Page::default()).await.unwrap();
    assert_eq!(list.total, 3);
    // A collection point with recorded consents is kept as evidence.
    store.record_decision(&decision(&a.id, &v2, "+919999999999", &[true, true, false])).await.unwrap();
    assert!(matches!(store.delete_collection_point(&a.id, &first.id).await, Err(Error::Conflict(_))));
    store.delete_collection_point(&a.id, &third.id).await.unwrap();
    assert!(matches!(store.collection_point(&a.id, "CP003").await, Err(Error::NotFound(_))));
}

async fn ledger_records_and_projects_decisions(store: &Store) {
    let a = org(store, "acme").await;
    let b = org(store, "beta").await;
    let site = asset(store, &a.id, "site").await;
    let cp = collection_point(store, &a.id, &site.id, None).await;
    let e1 = store.record_decision(&decision(&a.id, &cp, "+919876543210", &[true, false])).await.unwrap();
    assert_eq!(e1.action, "denied");
    assert_eq!(e1.notice_hash.as_deref(), Some(cp.content_hash.as_str()));
    let principal = e1.principal_id.clone();
    // The same phone is the same person; a second identifier is linked to them.
    let mut d = decision(&a.id, &cp, "+919876543210", &[true, true]);
    d.identifiers.push(Identifier::Email("p@example.com".into()));
    let e2 = store.record_decision(&d).await.unwrap();
    assert_eq!(e2.principal_id, principal);
    assert_eq!(e2.prev_hash, e1.hash);
    let by_email = store.principal_by_identifier(&a.id, &Identifier::Email("p@example.com".into())).await.unwrap().unwrap();
    assert_eq!(by_email.id, principal);
    assert!(by_email.dp_id.starts_with("DP"));
    // The same phone in another organisation is a different principal.
    assert!(store.principal_by_identifier(&b.id, &Identifier::Phone("+919876543210".into())).await.unwrap().is_none());

    let mut state = store.current_consents(&a.id, &principal, &cp.id).await.unwrap();
    state.sort();
    let mut expected: Vec<(String, bool)> = cp.purposes.iter().map(|p| (p.id.clone(), true)).collect();
    expected.sort();
    assert_eq!(state, expected);

    let mut w = decision(&a.id, &cp, "+919876543210", &[false, false]);
    w.action = Action::Withdrawn;
    store.record_decision(&w).await.unwrap();
    assert!(store.current_consents(&a.id, &principal, &cp.id).await.unwrap().iter().all(|(_, g)| !g));

    let events = store.list_events(&a.id, None, Page::default()).await.unwrap();
    assert_eq!(events.total, 3);
    assert_eq!(events.items[0].action, "withdrawn", "newest first");
    assert_eq!(store.list_events(&b.id, None, Page::default()).await.unwrap().total, 0);
    assert_eq!(store.ledger_length().await.unwrap(), 3);
    assert!(store.verify_ledger().await.unwrap().ok());
}

async fn ledger_detects_edits_and_deletions(store: &Store) {
    let a = org(store, "acme").await;
    let site = asset(store, &a.id, "site").await;
    let cp = collection_point(store, &a.id, &site.id, None).await;
    for i in 0..5 {
        store.record_decision(&decision(&a.id, &cp, &format!("+91987654321{i}"), &[true, i % 2 == 0])).await.unwrap();
    }
    let report = store.verify_ledger().await.unwrap();
    assert!(report.ok());
    assert_eq!(report.entries, 5);

    // Editing an entry's content.
    sqlx::query("UPDATE consent_events SET evidence_json = '{\"ip\":\"10.0.0.1\"}' WHERE seq = 3").execute(store.pool()).await.unwrap();
    let bad = store.verify_ledger().await.unwrap().first_bad.expect("edit detected");
    assert_eq!(bad.seq, 3);
    assert!(bad.id.is_some());
    assert!(bad.reason.contains("edited"), "{}", bad.reason);

    // Re-hashing the edited entry does not help: the next entry's link breaks.
    let row: backend::ledger::EventRow = sqlx::query_as(
        "SELECT seq, id, org_id, principal_id, subject_kind, subject_id, action, purposes_json, collected_via, notice_version, notice_hash, evidence_json, actor, occurred_at, prev_hash, hash FROM consent_events WHERE seq = 3",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    sqlx::query("UPDATE consent_events SET hash = $1 WHERE seq = 3").bind(row.compute_hash()).execute(store.pool()).await.unwrap();
    let bad = store.verify_ledger().await.unwrap().first_bad.expect("relink detected");
    assert_eq!(bad.seq, 4);

    // Deleting an entry in the middle.
    sqlx::query("DELETE FROM consent_events WHERE seq = 2").execute(store.pool()).await.unwrap();
    let bad = store.verify_ledger().await.unwrap().first_bad.expect("deletion detected");
    assert_eq!(bad.seq, 2);
    assert!(bad.reason.contains("missing"), "{}", bad.reason);
}

async fn ledger_appends_do_not_fork_under_concurrency(store: &Store) {
    let a = org(store, "acme").await;
    let site = asset(store, &a.id, "site").await;
    let cp = collection_point(store, &a.id, &site.id, None).await;
    let mut tasks = Vec::new();
    for i in 0..24 {
        let store = store.clone();
        let d = decision(&a.id, &cp, &format!("+9190000000{i:02}"), &[true, i % 3 == 0]);
        tasks.push(tokio::spawn(async move { store.record_decision(&d).await }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let report = store.verify_ledger().await.unwrap();
    assert!(report.ok(), "{:?}", report.first_bad);
    assert_eq!(report.entries, 24);
    // Deleting the newest entry is detected through the chain head.
    sqlx::query("DELETE FROM consent_events WHERE seq = 24").execute(store.pool()).await.unwrap();
    let bad = store.verify_ledger().await.unwrap().first_bad.expect("truncation detected");
    assert_eq!(bad.seq, 24);
}

async fn setup_token_creates_the_first_owner_once(store: &Store) {
    let token = store.create_setup_token().await.unwrap().expect("no users yet");
    let new_org = NewOrg { slug: "acme".parse().unwrap(), name: Name::parse("n", "Acme", 99).unwrap(), subdomain: None };
    let email: Email = "owner@acme.test".parse().unwrap();
    let password: NewPassword = "a long password".parse().unwrap();
    assert!(matches!(store.complete_setup("wrong", &new_org, &email, &password).await, Err(Error::Forbidden(_))));
    let session = store.complete_setup(&token, &new_org, &email, &password).await.unwrap();
    assert_eq!(session.role, Role::Owner);
    assert_eq!(session.org.slug, "acme");
    assert!(matches!(store.complete_setup(&token, &new_org, &email, &password).await, Err(Error::Forbidden(_))));
    assert!(store.create_setup_token().await.unwrap().is_none(), "no setup links once an admin exists");
    assert!(store.login("owner@acme.test", "a long password").await.is_ok());
}

async fn email_outbox_claims_are_exclusive_and_back_off(store: &Store) {
    use backend::consent_links::{ExpiryHours, LinkLimits, NewConsentLink};
    let a = org(store, "acme").await;
    let site = asset(store, &a.id, "site").await;
    let cp = collection_point(store, &a.id, &site.id, None).await;
    for i in 0..10 {
        let new = NewConsentLink {
            collection_point: cp.id.clone(),
            asset_id: site.id.clone(),
            phone: format!("+9198765432{i:02}").parse().unwrap(),
            email: Some(format!("p{i}@example.com").parse().unwrap()),
            expiry: ExpiryHours::DEFAULT,
            data_collected_at: None,
            actor: "test".into(),
        };
        let r = store.create_consent_link(&a.id, &new, LinkLimits::default()).await.unwrap();
        store.enqueue_email_retry(&a.id, &r.id, "connection refused").await.unwrap();
    }
    assert_eq!(store.queue_depths().await.unwrap(), vec![("email", 10)]);
    let now = backend::now_ms();
    assert!(store.claim_email_jobs(50, now).await.unwrap().is_empty(), "the first retry waits a minute");
    let later = now + 61_000;
    // Two workers at once take disjoint sets, and together all of them.
    let (x, y) = tokio::join!(store.claim_email_jobs(6, later), store.claim_email_jobs(6, later));
    let (x, y) = (x.unwrap(), y.unwrap());
    let mut ids: Vec<&str> = x.iter().chain(&y).map(|j| j.id.as_str()).collect();
    assert_eq!(ids.len(), 10);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 10, "no job was claimed twice");
    assert!(store.claim_email_jobs(50, later).await.unwrap().is_empty(), "claimed jobs are leased");
    // A failure backs off; a success marks the request's email as sent.
    let job = &x[0];
    store.finish_email_job(job, Err("still down".into())).await.unwrap();
    let r = store.consent_request(&a.id, &job.request_id).await.unwrap();
    assert_eq!(r.email_status.as_deref(), Some("failed"));
    assert!(r.email_error.as_deref().unwrap().contains("attempt 2 of"));
    let soon = backend::now_ms() + 60_000;
    assert!(store.claim_email_jobs(50, soon).await.unwrap().is_empty(), "the second retry waits two minutes");
    let again = store.claim_email_jobs(50, backend::now_ms() + 121_000).await.unwrap();
    assert_eq!(again.len(), 1);
    store.finish_email_job(&again[0], Ok(())).await.unwrap();
    let r = store.consent_request(&a.id, &job.request_id).await.unwrap();
    assert_eq!((r.email_status.as_deref(), r.email_error.as_deref()), (Some("sent"), None));
    assert_eq!(store.queue_depths().await.unwrap(), vec![("email", 9)]);
}
