//! The test harness: the real router on a real port (0), on a fresh database.
#![allow(dead_code)]

use backend::services::tenancy::NewOrg;
use backend::testing::{Backend, TestDb};
use backend::types::{Name, Role};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use server::{AppState, Application, ServerConfig};

/// Runs each named test, an `async fn(Backend)`, once on SQLite and once on PostgreSQL, as
/// `sqlite::name` and `postgres::name`. The test file imports `Backend`.
#[allow(unused_macros)]
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::Backend::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::Backend::Postgres).await;
                }
            )*
        }
    };
}

pub struct App {
    pub base: String,
    pub http: Client,
    pub db: TestDb,
    /// The running server's state, for driving its background work from a test.
    pub state: AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

/// A running server: the real router on port 0, over a store it was given.
pub struct Node {
    pub base: String,
    pub state: AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Node {
    async fn spawn(store: backend::Store, configure: impl FnOnce(&mut ServerConfig)) -> Self {
        let mut config = ServerConfig::new("127.0.0.1:0".parse().unwrap(), None);
        config.outbox_interval = std::time::Duration::from_secs(3600);
        configure(&mut config);
        let app = Application::build(store, config).await.expect("bind");
        let base = format!("http://{}", app.local_addr());
        let state = app.state().clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(app.run_until(async move {
            let _ = stopped.await;
        }));
        Self { base, state, stop: Some(stop) }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

pub struct Tenant {
    pub org_id: String,
    pub slug: String,
    pub admin_key: String,
    pub consent_key: String,
}

impl App {
    pub async fn start() -> Self {
        Self::start_with(Backend::Sqlite, |_| {}).await
    }

    /// The real server on port 0 and a fresh database of `backend`, with its configuration
    /// adjusted by `configure`. Its outbox worker runs, but only when a test asks it to
    /// (`state.services.outbox.run_due`): the interval is an hour.
    pub async fn start_with(backend: Backend, configure: impl FnOnce(&mut ServerConfig)) -> Self {
        Self::start_on(TestDb::new(backend).await, configure).await
    }

    async fn start_on(db: TestDb, configure: impl FnOnce(&mut ServerConfig)) -> Self {
        let mut node = Node::spawn(db.store.clone(), configure).await;
        Self { base: node.base.clone(), http: client(), db, state: node.state.clone(), stop: node.stop.take() }
    }

    /// Another server on this one's database, as several `assent` processes share one
    /// PostgreSQL. It stops when dropped.
    pub async fn node(&self, configure: impl FnOnce(&mut ServerConfig)) -> Node {
        Node::spawn(self.db.store.clone(), configure).await
    }

    /// Stops this server (as a crash would, it finishes nothing it was doing) and starts
    /// another on the same database: what a restart after a crash looks like from outside.
    pub async fn restart(self, configure: impl FnOnce(&mut ServerConfig)) -> Self {
        let App { db, stop, .. } = self;
        if let Some(stop) = stop {
            let _ = stop.send(());
        }
        Self::start_on(db, configure).await
    }

    pub async fn tenant(&self, slug: &str) -> Tenant {
        seed_tenant(&self.state.services, slug).await
    }

    pub fn req(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.http.request(method, format!("{}{path}", self.base))
    }

    /// A request with the tenant's admin key.
    pub fn admin(&self, t: &Tenant, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.req(method, path).header("X-API-Key", &t.admin_key).header("X-Org-Id", &t.slug)
    }

    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.req(Method::POST, "/api/v1/auth/login").json(&json!({"email": email, "password": password})).send().await.unwrap()
    }
}

/// A client that gives up, so a hung request fails the test instead of stalling the run.
pub fn client() -> Client {
    Client::builder().timeout(std::time::Duration::from_secs(30)).build().unwrap()
}

pub async fn body(res: reqwest::Response) -> (StatusCode, Value) {
    let status = res.status();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

pub fn error_code(v: &Value) -> &str {
    v["error"]["code"].as_str().unwrap_or_else(|| panic!("not an error body: {v}"))
}

/// A real SMTP server (Python's aiosmtpd) on a free loopback port, delivering into a maildir.
pub struct SmtpSink {
    pub port: u16,
    dir: tempfile::TempDir,
    child: std::process::Child,
}

impl SmtpSink {
    pub async fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        Self::start_on(port).await
    }

    pub async fn start_on(port: u16) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let child = std::process::Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.path().join("mail"))
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd (pip install aiosmtpd)");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                return Self { port, dir, child };
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("aiosmtpd did not start on port {port} (is it installed? pip install aiosmtpd)");
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The raw messages delivered so far.
    pub fn messages(&self) -> Vec<String> {
        let new = self.dir.path().join("mail").join("new");
        let mut out: Vec<String> =
            std::fs::read_dir(new).map(|d| d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect()).unwrap_or_default();
        out.sort();
        out
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An organisation `slug` with an owner (`owner@{slug}.test`, "owner password 1"), a viewer, an
/// admin key and a consent key.
pub async fn seed_tenant(services: &backend::Services, slug: &str) -> Tenant {
    let tenancy = &services.tenancy;
    let org = tenancy
        .create_org(&NewOrg { slug: slug.parse().unwrap(), name: Name::parse("n", slug, 99).unwrap(), subdomain: None })
        .await
        .unwrap();
    tenancy
        .create_user(&org.id, &format!("owner@{slug}.test").parse().unwrap(), Role::Owner, &"owner password 1".parse().unwrap())
        .await
        .unwrap();
    tenancy
        .create_user(&org.id, &format!("viewer@{slug}.test").parse().unwrap(), Role::Viewer, &"viewer password 1".parse().unwrap())
        .await
        .unwrap();
    let admin = tenancy.issue_api_key(&org.id, &Name::parse("n", "admin", 9).unwrap(), &"admin".parse().unwrap()).await.unwrap();
    let consent = tenancy.issue_api_key(&org.id, &Name::parse("n", "consent", 9).unwrap(), &"consent".parse().unwrap()).await.unwrap();
    Tenant { org_id: org.id, slug: slug.into(), admin_key: admin.key, consent_key: consent.key }
}

/// The `assent` binary, started by `spawn_binary` and killed when dropped.
pub struct Binary {
    pub child: std::process::Child,
    pub base: String,
    /// What it printed before its address (the first run's setup link, say).
    pub printed_before: Vec<String>,
}

/// Starts `cmd` (the `assent` binary with its arguments, ending in `serve`) with stdout piped,
/// and waits for the line that gives its address.
pub fn spawn_binary(cmd: &mut std::process::Command) -> Binary {
    use std::io::{BufRead, BufReader};
    let mut child = cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::null()).spawn().expect("start assent");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed_before = Vec::new();
    let base = loop {
        let line = lines.next().expect("assent printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("Assent is running at ") {
            break rest.split_whitespace().next().unwrap().to_string();
        }
        printed_before.push(line);
    };
    // Keep reading, so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Binary { child, base, printed_before }
}

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Writes a MaxMind-format (MMDB) City database that knows one IPv4 network: `prefix`/`len`
/// is in `city`, `state` (a subdivision) of `country` (an ISO code). The GeoIP tests use it
/// instead of a real database, which Assent does not ship.
pub fn tiny_geoip_db(path: &std::path::Path, prefix: [u8; 4], len: u8, city: &str, state: &str, country: &str) {
    fn control(kind: u8, size: usize, out: &mut Vec<u8>) {
        // Types 1-7 fit the control byte; the others are "extended" (type 0, then type - 7).
        let (first, extended) = if kind <= 7 { (kind << 5, None) } else { (0, Some(kind - 7)) };
        assert!(size < 29, "sizes above 28 are not needed here");
        out.push(first | size as u8);
        if let Some(e) = extended {
            out.push(e);
        }
    }
    fn string(s: &str, out: &mut Vec<u8>) {
        control(2, s.len(), out);
        out.extend_from_slice(s.as_bytes());
    }
    fn uint(kind: u8, v: u64, out: &mut Vec<u8>) {
        let bytes: Vec<u8> = v.to_be_bytes().iter().copied().skip_while(|b| *b == 0).collect();
        control(kind, bytes.len(), out);
        out.extend_from_slice(&bytes);
    }
    fn names(en: &str, out: &mut Vec<u8>) {
        control(7, 1, out);
        string("names", out);
        control(7, 1, out);
        string("en", out);
        string(en, out);
    }
    // The record: {"city": {"names": {"en"}}, "subdivisions": [{"names": {"en"}}], "country": {"iso_code", "names": {"en"}}}
    let mut data = Vec::new();
    control(7, 3, &mut data);
    string("city", &mut data);
    names(city, &mut data);
    string("subdivisions", &mut data);
    control(11, 1, &mut data);
    names(state, &mut data);
    string("country", &mut data);
    control(7, 2, &mut data);
    string("iso_code", &mut data);
    string(country, &mut data);
    string("names", &mut data);
    control(7, 1, &mut data);
    string("en", &mut data);
    string(country, &mut data);
    // The search tree: one node per bit of the prefix; the prefix's last bit points at the
    // record (node_count + 16 + its offset), every other branch at "no data" (node_count).
    let node_count = len as u32;
    let mut tree = Vec::new();
    let bits = u32::from_be_bytes(prefix);
    for i in 0..node_count {
        let bit = (bits >> (31 - i)) & 1;
        let onward = if i + 1 == node_count { node_count + 16 } else { i + 1 };
        let (left, right) = if bit == 0 { (onward, node_count) } else { (node_count, onward) };
        for record in [left, right] {
            tree.extend_from_slice(&record.to_be_bytes()[1..]);
        }
    }
    let mut meta = Vec::new();
    control(7, 9, &mut meta);
    string("description", &mut meta);
    control(7, 0, &mut meta);
    string("node_count", &mut meta);
    uint(6, node_count as u64, &mut meta);
    string("record_size", &mut meta);
    uint(5, 24, &mut meta);
    string("ip_version", &mut meta);
    uint(5, 4, &mut meta);
    string("database_type", &mut meta);
    string("Assent-Test-City", &mut meta);
    string("languages", &mut meta);
    control(11, 1, &mut meta);
    string("en", &mut meta);
    string("binary_format_major_version", &mut meta);
    uint(5, 2, &mut meta);
    string("binary_format_minor_version", &mut meta);
    uint(5, 0, &mut meta);
    string("build_epoch", &mut meta);
    uint(9, 1_700_000_000, &mut meta);
    let mut file = tree;
    file.extend_from_slice(&[0u8; 16]);
    file.extend_from_slice(&data);
    file.extend_from_slice(b"\xAB\xCD\xEFMaxMind.com");
    file.extend_from_slice(&meta);
    std::fs::write(path, file).unwrap();
}

/// Posts a decision to the hosted page's server function as the page at `link_url` does: with
/// `plain`, as a browser without JavaScript (the answer is then a 303 back to the page); else
/// as the page's own client, which reads JSON. `form` is the rest of the form.
pub async fn decide(http: &Client, link_url: &str, form: &str, plain: bool) -> reqwest::Response {
    let after_scheme = link_url.find("://").map(|i| i + 3).unwrap_or(0);
    let split = link_url[after_scheme..].find('/').map(|i| i + after_scheme).unwrap_or(link_url.len());
    let (base, path) = link_url.split_at(split);
    let link: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
    http.post(format!("{base}/_server/consent_decision"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", if plain { "text/html,application/xhtml+xml" } else { "application/json" })
        .body(format!("link={link}&{form}"))
        .send()
        .await
        .unwrap()
}
