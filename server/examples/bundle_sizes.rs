//! What a person's browser downloads before a page is interactive: the JavaScript and wasm
//! the page preloads (and its CSS), fetched from a real server as a browser would, once per
//! encoding. Prints raw, gzip and brotli sizes and the cache policy, for the hosted consent
//! page and, to compare, the dashboard.
//!
//!     scripts/build.sh && cargo run --release -p server --example bundle_sizes
//!
//! Budget (issue 7): the hosted consent page's wasm + JS at most 150 KB gzip.

use backend::auth::Credential;
use backend::catalog::{AssetKind, NewAsset, NewCollectionPoint, Notices, PurposeInput};
use backend::services::consent_links::NewConsentLink;
use backend::services::tenancy::NewOrg;
use backend::testing::TestDb;
use backend::types::Name;
use server::{Application, ServerConfig};

const BUDGET_GZIP: u64 = 150 * 1024;

/// The files a page preloads: `<link rel="modulepreload" href=…>`, `<link rel="preload" href=…>`
/// and its stylesheet.
fn assets_of(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in html.split("<link").skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let wanted = ["rel=\"modulepreload\"", "rel=\"preload\"", "rel=\"stylesheet\""].iter().any(|r| tag.contains(r));
        if let (true, Some(start)) = (wanted, tag.find("href=\"")) {
            let rest = &tag[start + 6..];
            out.push(rest[..rest.find('"').unwrap_or(rest.len())].to_string());
        }
    }
    out
}

struct Fetched {
    bytes: u64,
    encoding: String,
    cache: String,
}

async fn fetch(http: &reqwest::Client, url: &str, accept: &str) -> Fetched {
    let res = http.get(url).header("accept-encoding", accept).send().await.unwrap();
    assert!(res.status().is_success(), "{url}: {}", res.status());
    let header = |name: &str| res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("-").to_string();
    let (encoding, cache) = (header("content-encoding"), header("cache-control"));
    Fetched { bytes: res.bytes().await.unwrap().len() as u64, encoding, cache }
}

fn kb(b: u64) -> String {
    format!("{:.1} KB", b as f64 / 1024.0)
}

/// Prints a page's downloads; returns the gzip bytes of its JS and wasm.
async fn report(http: &reqwest::Client, base: &str, label: &str, page: &str) -> u64 {
    let html = http.get(format!("{base}{page}")).send().await.unwrap().text().await.unwrap();
    println!("{label} ({page}):");
    println!("  {:<44} {:>10} {:>10} {:>10}  cache-control", "file", "raw", "gzip", "brotli");
    let mut code_gzip = 0;
    for asset in assets_of(&html) {
        let url = format!("{base}{asset}");
        let raw = fetch(http, &url, "identity").await;
        let gz = fetch(http, &url, "gzip").await;
        let br = fetch(http, &url, "br").await;
        assert_eq!((gz.encoding.as_str(), br.encoding.as_str()), ("gzip", "br"), "{asset} is served compressed");
        if asset.ends_with(".js") || asset.ends_with(".wasm") {
            code_gzip += gz.bytes;
        }
        println!("  {:<44} {:>10} {:>10} {:>10}  {}", asset, kb(raw.bytes), kb(gz.bytes), kb(br.bytes), raw.cache);
    }
    println!("  JS + wasm before interactive: {} gzip", kb(code_gzip));
    code_gzip
}

#[tokio::main]
async fn main() {
    let db = TestDb::new(backend::testing::Backend::Sqlite).await;
    let app = Application::build(db.store.clone(), ServerConfig::new("127.0.0.1:0".parse().unwrap(), None)).await.unwrap();
    let base = format!("http://{}", app.local_addr());
    let s = app.state().services.clone();
    tokio::spawn(app.run_until(std::future::pending()));

    let org = s
        .tenancy
        .create_org(&NewOrg { slug: "acme".parse().unwrap(), name: Name::parse("n", "Acme", 9).unwrap(), subdomain: None })
        .await
        .unwrap();
    let key = s.tenancy.issue_api_key(&org.id, &Name::parse("n", "k", 9).unwrap(), &"admin".parse().unwrap()).await.unwrap();
    let caller = s.tenancy.authenticate(&Credential::ApiKey(key.key)).await.unwrap();
    let asset = s
        .catalog
        .create_asset(
            &caller,
            &NewAsset { name: Name::parse("n", "App", 9).unwrap(), kind: AssetKind::Website, url: None, description: String::new() },
        )
        .await
        .unwrap();
    let purpose = |n: &str| PurposeInput {
        id: None,
        name: Name::parse("n", n, 99).unwrap(),
        description: String::new(),
        required: false,
        data_categories: vec![],
    };
    let cp = s
        .catalog
        .create_collection_point(
            &caller,
            &NewCollectionPoint {
                asset_id: asset.id.clone(),
                name: Name::parse("n", "Signup", 99).unwrap(),
                display_id: None,
                purposes: vec![purpose("Service"), purpose("Offers")],
                notices: Notices::parse([("en".to_string(), "We use your phone number.".to_string())].into()).unwrap(),
            },
        )
        .await
        .unwrap();
    let link = s
        .links
        .create(
            &caller,
            &NewConsentLink {
                collection_point: cp.id,
                asset_id: asset.id,
                phone: "+919876543210".parse().unwrap(),
                email: None,
                expiry: backend::links::ExpiryHours::DEFAULT,
                data_collected_at: None,
            },
        )
        .await
        .unwrap();
    let page = link.linked.url.trim_start_matches(&base).to_string();

    let http = reqwest::Client::new();
    let public = report(&http, &base, "hosted consent page", &page).await;
    println!();
    let admin = report(&http, &base, "dashboard", "/admin/login").await;
    println!();
    println!(
        "hosted consent page: {} gzip of JS + wasm = {:.2} of the 150 KB budget ({}), {:.2} of the dashboard's {}",
        kb(public),
        public as f64 / BUDGET_GZIP as f64,
        if public <= BUDGET_GZIP { "within" } else { "OVER" },
        public as f64 / admin as f64,
        kb(admin)
    );
}
