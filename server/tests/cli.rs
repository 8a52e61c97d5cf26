//! The `assent` binary's subcommands, against the same database as a running `serve`.

mod common;

use common::{seed_tenant, spawn_binary, Binary};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn assent(data_dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assent"));
    cmd.env_remove("ASSENT_DATABASE_URL").env("ASSENT_DATA_DIR", data_dir).env("ASSENT_LOG", "warn");
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run assent")
}

fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(out.status.success(), "failed: {}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn serve(data_dir: &std::path::Path) -> Binary {
    spawn_binary(assent(data_dir).args(["serve", "--listen", "127.0.0.1:0"]))
}

async fn get(url: &str, key: &str) -> reqwest::Response {
    reqwest::Client::new().get(url).header("X-API-Key", key).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn admin_commands_work_while_serve_runs() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let setup_line = server.printed_before.iter().find(|l| l.contains("/admin/setup?token=")).expect("first run prints a setup link");
    assert!(setup_line.trim().starts_with(&format!("{}/admin/setup?token=", server.base)), "{setup_line}");

    ok(assent(dir.path()).arg("migrate"));
    let org: serde_json::Value =
        serde_json::from_str(&ok(assent(dir.path()).args(["org", "create", "--slug", "acme", "--name", "Acme Inc", "--json"]))).unwrap();
    assert_eq!(org["slug"], "acme");
    assert_eq!(org["subdomain"], "acme");
    let dup = run(assent(dir.path()).args(["org", "create", "--slug", "acme", "--name", "Again"]));
    assert!(!dup.status.success());
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
    let bad = run(assent(dir.path()).args(["org", "create", "--slug", "Not A Slug", "--name", "x"]));
    assert!(!bad.status.success());

    let key: serde_json::Value = serde_json::from_str(&ok(assent(dir.path()).args([
        "api-key",
        "create",
        "--org",
        "acme",
        "--scopes",
        "admin,consent",
        "--name",
        "ci",
        "--json",
    ])))
    .unwrap();
    let key_text = key["key"].as_str().unwrap();
    assert!(key["id"].is_string());
    assert_eq!(key["scopes"], serde_json::json!(["consent", "admin"]));
    let bad_scope = run(assent(dir.path()).args(["api-key", "create", "--org", "acme", "--scopes", "root"]));
    assert!(!bad_scope.status.success());

    // The running server sees what the CLI wrote.
    let res = get(&format!("{}/api/v1/org", server.base), key_text).await;
    assert_eq!(res.status(), 200);

    let mut child = assent(dir.path())
        .args(["user", "create", "--org", "acme", "--email", "Owner@Acme.test", "--role", "owner", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"a long password\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let login = reqwest::Client::new()
        .post(format!("{}/api/v1/auth/login", server.base))
        .json(&serde_json::json!({"email": "owner@acme.test", "password": "a long password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);

    let verified = ok(assent(dir.path()).args(["audit", "verify"]));
    assert!(verified.contains("acme: ledger intact: 0 entries"), "{verified}");
}

/// Three entries in acme's chain, recorded through the services on the CLI's database.
async fn three_entries(dir: &std::path::Path) -> (backend::Store, backend::Services, String, Vec<backend::ledger::LedgerEntry>) {
    use backend::ledger::{Action, Decision, Identifier, PurposeDecision, SubjectKind};
    let config = backend::config::DatabaseConfig::resolve(dir, None).unwrap();
    let store = backend::Store::open(&config, backend::clock::Clock::system()).await.unwrap();
    // The same key-encryption key as the commands on this data directory: its file there.
    let mut settings = backend::services::Settings::new("https://assent.test");
    settings.key_encryption = backend::proof::KeyEncryptionKey::load(dir, None).unwrap();
    let services = backend::Services::new(store.clone(), backend::email::Mailer::new(None, None), settings);
    let org_id = seed_tenant(&services, "acme").await.org_id;
    let mut entries = Vec::new();
    for i in 0..3 {
        let entry = services
            .ledger
            .record(&Decision {
                org_id: org_id.clone(),
                identifiers: vec![Identifier::Phone(format!("+91900000000{i}"))],
                subject_kind: SubjectKind::CollectionPoint,
                subject_id: "cp".into(),
                action: Action::Granted,
                purposes: vec![PurposeDecision { purpose_id: "p".into(), granted: true }],
                collected_via: "api".into(),
                notice_version: None,
                notice_hash: None,
                evidence: serde_json::json!({}),
                actor: "test".into(),
            })
            .await
            .unwrap();
        entries.push(entry);
    }
    (store, services, org_id, entries)
}

#[tokio::test(flavor = "multi_thread")]
async fn audit_verify_names_the_first_altered_entry() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, org_id, _) = three_entries(dir.path()).await;
    let out = ok(assent(dir.path()).args(["audit", "verify"]));
    assert!(out.contains("acme: ledger intact: 3 entries"), "{out}");
    let out = ok(assent(dir.path()).args(["audit", "verify", "--org", "acme"]));
    assert!(out.contains("acme: ledger intact: 3 entries"), "{out}");
    let unknown = run(assent(dir.path()).args(["audit", "verify", "--org", "nobody"]));
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("not found"), "{}", String::from_utf8_lossy(&unknown.stderr));
    store.execute_raw_for_tests("UPDATE ledger_entries SET occurred_at = occurred_at + 1 WHERE seq = 2").await.unwrap();
    let id = entry_id_at(&store, &org_id, 2).await;
    store.close().await;
    let out = run(assent(dir.path()).args(["audit", "verify"]));
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("acme: ledger BROKEN at entry 2"), "{text}");
    assert!(text.contains(&id), "names the entry: {text}");
}

/// The operator checkpoints, an attacker with the database rewrites the tail and the head
/// together, and only the checkpoints tell. A receipt verifies offline against a key set file,
/// and an altered one does not.
#[tokio::test(flavor = "multi_thread")]
async fn checkpoints_and_receipts_verify_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let checkpoints = dir.path().join("checkpoints");
    let (store, services, org_id, entries) = three_entries(dir.path()).await;
    let dir_arg = checkpoints.to_str().unwrap();
    let out = ok(assent(dir.path()).args(["audit", "checkpoint", "--checkpoint-dir", dir_arg]));
    assert!(out.contains("1 organisations checkpointed"), "{out}");
    let out = ok(assent(dir.path()).args(["audit", "checkpoint", "--org", "acme", "--checkpoint-dir", dir_arg]));
    assert!(out.contains("nothing new"), "{out}");
    let out = ok(assent(dir.path()).args(["audit", "verify", "--checkpoints", dir_arg]));
    assert!(out.contains("1 checkpoints checked, 1 hold"), "{out}");

    // The receipt of entry 2, as the API gives it, verified with the organisation's key set.
    let org = services.tenancy.org_by_slug("acme").await.unwrap();
    let receipt = services.proof.receipt(&org, &entries[1]).await.unwrap();
    let jwks = services.proof.jwks("acme").await.unwrap();
    let (receipt_file, jwks_file) = (dir.path().join("receipt.json"), dir.path().join("jwks.json"));
    let json = serde_json::json!({"jws": receipt.jws, "claims": receipt.claims, "jwks_uri": "https://assent.test/unreachable"});
    std::fs::write(&receipt_file, json.to_string()).unwrap();
    std::fs::write(&jwks_file, serde_json::to_string(&jwks).unwrap()).unwrap();
    let out = ok(assent(dir.path()).args(["receipt", "verify", receipt_file.to_str().unwrap(), "--jwks", jwks_file.to_str().unwrap()]));
    assert!(out.contains("receipt verifies: signed by acme"), "{out}");
    assert!(out.contains(&entries[1].id), "{out}");
    // The bare JWS works too; one character changed in its payload does not verify.
    let (h, rest) = receipt.jws.split_once('.').unwrap();
    let (p, sig) = rest.split_once('.').unwrap();
    let flipped = if p.ends_with('A') { format!("{}B", &p[..p.len() - 1]) } else { format!("{}A", &p[..p.len() - 1]) };
    std::fs::write(&receipt_file, format!("{h}.{flipped}.{sig}")).unwrap();
    let out = run(assent(dir.path()).args(["receipt", "verify", receipt_file.to_str().unwrap(), "--jwks", jwks_file.to_str().unwrap()]));
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("does NOT verify"));

    // Entry 3 removed and the head moved back to entry 2: the chain walk cannot tell.
    let third = &entries[2].id;
    store.execute_raw_for_tests(&format!("DELETE FROM ledger_personal WHERE entry_id = '{third}'")).await.unwrap();
    store.execute_raw_for_tests(&format!("DELETE FROM ledger_entries WHERE id = '{third}'")).await.unwrap();
    store
        .execute_raw_for_tests(&format!("UPDATE ledger_chains SET seq = 2, hash = '{}' WHERE org_id = '{org_id}'", entries[1].hash))
        .await
        .unwrap();
    store.close().await;
    ok(assent(dir.path()).args(["audit", "verify"]));
    let out = run(assent(dir.path()).args(["audit", "verify", "--checkpoints", dir_arg]));
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("acme: checkpoint") && text.contains("does NOT hold") && text.contains("no entry 3"), "{text}");
}

async fn entry_id_at(store: &backend::Store, org_id: &str, seq: i64) -> String {
    let entries = backend::store::ledger::list_entries(&mut store.conn().await.unwrap(), org_id, None, backend::store::Page::default())
        .await
        .unwrap();
    entries.items.into_iter().find(|e| e.seq == seq).unwrap().id
}
