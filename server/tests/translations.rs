//! Assent's own words in the reader's language: the hosted page in Tamil, Urdu (right to left)
//! and Santali (Ol Chiki) with no English but the organisation's own text, the browser's
//! language chosen when the link names none, and an organisation's own wording per language
//! through `/api/v1/translations`, kept to that organisation.

#[macro_use]
mod common;

use backend::links::{LinkChoice, LinkEvidence};
use backend::services::consent_links::LinkPath;
use backend::testing::Backend;
use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

on_both!(an_organisation_s_wording_is_its_own, wording_that_does_not_fit_is_refused_and_changes_nothing);

/// What the organisation wrote (never translated by Assent) on the fixture's page.
const ORG_TEXT: &[&str] = &[
    "Onboarding Consent v2",
    "We use your phone number to run your account.",
    "Run your account",
    "Send you offers",
    "Account",
    "Offers",
    "phone",
    "acme",
];

struct Fixture {
    app: App,
    t: Tenant,
    asset_id: String,
}

async fn fixture(backend: Backend) -> Fixture {
    let app = App::start_with(backend, |_| {}).await;
    let t = app.tenant("acme").await;
    let (_, asset) = body(app.admin(&t, Method::POST, "/api/v1/assets").json(&json!({"name": "App"})).send().await.unwrap()).await;
    let (s, cp) = body(
        app.admin(&t, Method::POST, "/api/v1/collection-points")
            .json(&json!({
                "asset_id": asset["id"], "name": "Onboarding Consent v2", "display_id": "CP010",
                "purposes": [
                    {"name": "Account", "description": "Run your account", "required": true},
                    {"name": "Offers", "description": "Send you offers", "data_categories": ["phone"]}
                ],
                "notices": {"en": "We use your phone number to run your account."}
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{cp}");
    Fixture { asset_id: asset["id"].as_str().unwrap().to_string(), app, t }
}

impl Fixture {
    /// A new link's URL.
    async fn link(&self, phone: &str) -> String {
        let (s, v) = body(
            self.app
                .req(Method::POST, "/api/consent/consent-links")
                .header("X-API-Key", &self.t.consent_key)
                .header("X-Org-Id", &self.t.slug)
                .json(&json!({"collection_point_id": "CP010", "asset_id": self.asset_id, "phone": phone}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v["consent_link"].as_str().unwrap().to_string()
    }

    async fn page(&self, url: &str, accept_language: Option<&str>) -> String {
        let mut req = self.app.http.get(url);
        if let Some(a) = accept_language {
            req = req.header("accept-language", a);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        res.text().await.unwrap()
    }
}

/// The words a person reads: the body without scripts, the language switcher (each
/// language's own name) or tags, with the organisation's text, dates and identifiers removed.
fn assent_s_words(html: &str) -> String {
    let mut text = html.split("<body").nth(1).unwrap().to_string();
    for (open, close) in [("<script", "</script>"), ("<nav class=\"langs\"", "</nav>")] {
        while let Some(start) = text.find(open) {
            let end = text[start..].find(close).map(|e| start + e + close.len()).unwrap_or(text.len());
            text.replace_range(start..end, " ");
        }
    }
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                plain.push(' ');
            }
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    for org in ORG_TEXT {
        plain = plain.replace(org, " ");
    }
    // Identifiers (the receipt's reference) and the "UTC" of dates are not words.
    plain
        .split_whitespace()
        .map(|w| w.trim_matches(['\u{2068}', '\u{2069}']))
        .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()) && *w != "UTC")
        .collect::<Vec<_>>()
        .join(" ")
}

fn english_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1).map(String::from).collect()
}

fn decided(url: &str) -> LinkPath {
    let mut parts = url.rsplit('/');
    let link_id = parts.next().unwrap().to_string();
    let display_id = parts.next().unwrap().to_string();
    let subdomain = parts.next().unwrap().to_string();
    LinkPath { subdomain, display_id, link_id }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hosted_page_speaks_tamil_urdu_and_santali_without_english() {
    let f = fixture(Backend::Sqlite).await;
    let open = f.link("+919876543210").await;
    let done = f.link("+919876543211").await;
    f.app.state.services.links.decide(&decided(&done), &LinkChoice::ApproveAll, &LinkEvidence::default()).await.unwrap();

    let english = f.page(&open, None).await;
    assert!(english.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(!english_words(&assent_s_words(&english)).is_empty(), "the filter keeps Assent's English");

    for (lang, dir, sample) in [("ta", "ltr", "நிராகரிக்கவும்"), ("ur", "rtl", "مسترد کریں"), ("sat", "ltr", "ᱵᱟᱹᱨᱜᱤᱞ ᱢᱮ")]
    {
        for url in [&open, &done] {
            let html = f.page(&format!("{url}?lang={lang}"), None).await;
            assert!(html.contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)), "{lang}: {}", &html[..300.min(html.len())]);
            let words = assent_s_words(&html);
            assert!(english_words(&words).is_empty(), "{lang} page shows English: {:?}\n{words}", english_words(&words));
            assert!(words.contains(sample), "{lang}: {words}");
            // The English notice stays the organisation's English, marked as such.
            assert!(html.contains(r#"<p lang="en" dir="auto">We use your phone number"#), "{lang}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browser_s_language_is_used_when_the_link_names_none() {
    let f = fixture(Backend::Sqlite).await;
    let url = f.link("+919876543210").await;
    let html = f.page(&url, Some("de-CH, de;q=0.9, en;q=0.5")).await;
    assert!(html.contains(r#"<html lang="de" dir="ltr">"#));
    assert!(html.contains("Ablehnen") || html.contains("ablehnen"), "German buttons");
    // An explicit choice wins over the browser's.
    let html = f.page(&format!("{url}?lang=hi"), Some("de")).await;
    assert!(html.contains(r#"<html lang="hi""#));
    // A language Assent does not speak: the browser's next choice, then English.
    let html = f.page(&format!("{url}?lang=xx"), Some("xx, ar;q=0.5")).await;
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#));
    let html = f.page(&url, Some("xx")).await;
    assert!(html.contains(r#"<html lang="en""#));
    // The answer to a refused decision speaks the page's language too.
    let res = decide(&f.app.http, &url, "decision=maybe&lang=ta", false).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let (_, err) = body(res).await;
    let message = err["message"].as_str().unwrap();
    assert!(!message.is_empty() && english_words(message).is_empty(), "{err}");
}

async fn an_organisation_s_wording_is_its_own(backend: Backend) {
    let f = fixture(backend).await;
    let other = f.app.tenant("other").await;
    let (s, list) = body(f.app.admin(&f.t, Method::GET, "/api/v1/translations").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{list}");
    let languages = list["languages"].as_array().unwrap();
    assert!(languages.len() >= 33, "English, 22 of India's and 10 world languages");
    assert!(languages.iter().all(|l| l["fallbacks"] == json!([]) && l["overrides"] == 0), "{list}");
    let ur = languages.iter().find(|l| l["code"] == "ur").unwrap();
    assert_eq!((ur["name"].as_str(), ur["dir"].as_str()), (Some("اردو"), Some("rtl")));

    let (s, ta) = body(f.app.admin(&f.t, Method::GET, "/api/v1/translations/ta").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    let approve = ta["messages"].as_array().unwrap().iter().find(|m| m["id"] == "page-asks-consent").unwrap().clone();
    assert_eq!(approve["variables"], json!(["org"]));
    assert!(approve["text"].as_str().unwrap().contains("{ $org }"), "{approve}");
    assert!(approve.get("override").is_none());

    let (s, v) = body(
        f.app
            .admin(&f.t, Method::PUT, "/api/v1/translations/ta")
            .json(&json!({"overrides": {"page-approve": "சரி, ஒப்புக்கொள்கிறேன்", "page-asks-consent": "{ $org } உங்கள் அனுமதியைக் கேட்கிறது"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let overridden: Vec<&Value> = v["messages"].as_array().unwrap().iter().filter(|m| m.get("override").is_some()).collect();
    assert_eq!(overridden.len(), 2);

    let url = f.link("+919876543210").await;
    let page = f.page(&format!("{url}?lang=ta"), None).await;
    assert!(page.contains("சரி, ஒப்புக்கொள்கிறேன்"), "the organisation's words on its page");
    assert!(page.contains("\u{2068}acme\u{2069} உங்கள் அனுமதியைக் கேட்கிறது"));
    let english = f.page(&url, None).await;
    assert!(!english.contains("சரி, ஒப்புக்கொள்கிறேன்"), "only in Tamil");

    // Another organisation's page and API see none of it.
    let (_, theirs) = body(f.app.admin(&other, Method::GET, "/api/v1/translations/ta").send().await.unwrap()).await;
    assert!(theirs["messages"].as_array().unwrap().iter().all(|m| m.get("override").is_none()));
    let (_, list) = body(f.app.admin(&f.t, Method::GET, "/api/v1/translations").send().await.unwrap()).await;
    assert_eq!(list["languages"].as_array().unwrap().iter().find(|l| l["code"] == "ta").unwrap()["overrides"], 2);

    // An empty map goes back to Assent's words.
    let (s, _) =
        body(f.app.admin(&f.t, Method::PUT, "/api/v1/translations/ta").json(&json!({"overrides": {}})).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(!f.page(&format!("{url}?lang=ta"), None).await.contains("சரி, ஒப்புக்கொள்கிறேன்"));
}

async fn wording_that_does_not_fit_is_refused_and_changes_nothing(backend: Backend) {
    let f = fixture(backend).await;
    let put = |lang: &str, overrides: Value| {
        f.app.admin(&f.t, Method::PUT, &format!("/api/v1/translations/{lang}")).json(&json!({"overrides": overrides})).send()
    };
    let (s, _) = body(put("hi", json!({"page-approve": "हाँ"})).await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    for (overrides, says) in [
        (json!({"page-approve": "ठीक", "page-nope": "x"}), "page-nope"),
        (json!({"page-approve": "{ $org } ठीक"}), "$org"),
        (json!({"page-approve": "{ oops"}), "Fluent"),
        (json!({"page-approve": ""}), "empty"),
    ] {
        let (s, v) = body(put("hi", overrides.clone()).await.unwrap()).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{overrides}: {v}");
        assert!(v["error"]["message"].as_str().unwrap().contains(says), "{overrides}: {v}");
    }
    let (s, v) = body(f.app.admin(&f.t, Method::GET, "/api/v1/translations/hi").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    let approve = v["messages"].as_array().unwrap().iter().find(|m| m["id"] == "page-approve").unwrap().clone();
    assert_eq!(approve["override"], "हाँ", "a refused change changes nothing");

    let (s, v) = body(put("xx", json!({})).await.unwrap()).await;
    assert_eq!((s, v["error"]["code"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")), "{v}");
    let (s, _) =
        body(f.app.admin(&f.t, Method::PUT, "/api/v1/translations/hi").json(&json!({"overrides": {}, "extra": 1})).send().await.unwrap())
            .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "unknown fields are refused");
    // A consent key records consent; it does not change the organisation's words.
    let (s, _) = body(
        f.app
            .req(Method::PUT, "/api/v1/translations/hi")
            .header("X-API-Key", &f.t.consent_key)
            .header("X-Org-Id", &f.t.slug)
            .json(&json!({"overrides": {}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}
