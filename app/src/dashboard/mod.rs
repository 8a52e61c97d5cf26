//! The admin dashboard: a single-page app under `/admin`, talking to the management API with
//! the session token (see [`client`]).
//!
//! One way to load data, on every page: [`api_resource`], a `LocalResource` that fetches in
//! the browser, fetches again when the signals it reads change, and is `refetch()`ed after a
//! page changes something. A newer fetch supersedes an older one, so no page keeps race
//! counters. Writes are event handlers that call the API and then refetch.

mod api_explorer;
mod api_keys;
mod assets;
mod audit;
pub mod client;
mod collection_points;
mod consent_links;
mod integrations;
mod translations;
mod universal_consents;
mod webhooks;

pub use api_explorer::ApiExplorerPage;
pub use api_keys::ApiKeysPage;
pub use assets::AssetsPage;
pub use audit::AuditPage;
pub use collection_points::CollectionPointsPage;
pub use consent_links::ConsentLinksPage;
pub use integrations::IntegrationsPage;
pub use translations::TranslationsPage;
pub use universal_consents::UniversalConsentsPage;
pub use webhooks::WebhooksPage;

use crate::dto::{ApiKeyPage, AssetPage, CollectionPointPage, LedgerVerificationDto, LoginRequest, MeDto, SessionDto, SetupRequest};
use crate::error::AppError;
use crate::{mark_hydrated, NotFound};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes, A};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::path;
use serde::de::DeserializeOwned;

/// The dashboard and the home page.
#[component]
pub fn AdminApp() -> impl IntoView {
    provide_meta_context();
    provide_session();
    view! {
        <Title text="Assent"/>
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Home/>
                <Route path=path!("/admin/login") view=LoginPage/>
                <Route path=path!("/admin/setup") view=SetupPage/>
                <ParentRoute path=path!("/admin") view=AdminLayout>
                    <Route path=path!("") view=Overview/>
                    <Route path=path!("assets") view=AssetsPage/>
                    <Route path=path!("collection-points") view=CollectionPointsPage/>
                    <Route path=path!("api-keys") view=ApiKeysPage/>
                    <Route path=path!("audit") view=AuditPage/>
                    <Route path=path!("consent-links") view=ConsentLinksPage/>
                    <Route path=path!("integrations") view=IntegrationsPage/>
                    <Route path=path!("universal-consents") view=UniversalConsentsPage/>
                    <Route path=path!("webhooks") view=WebhooksPage/>
                    <Route path=path!("translations") view=TranslationsPage/>
                    <Route path=path!("api-explorer") view=ApiExplorerPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

#[component]
fn Home() -> impl IntoView {
    view! {
        <main class="page narrow">
            <h1>"Assent"</h1>
            <p>"Self-hosted consent management: consent links, a hosted consent page, an embeddable banner and one tamper-evident ledger."</p>
            <p><A href="/admin">"Open the dashboard"</A></p>
        </main>
    }
}

/// A management API resource as a page shows it: `None` while loading (and whenever `path`
/// is `None`), then the data or the error's message.
pub(crate) type ApiResource<T> = LocalResource<Option<Result<T, String>>>;

/// Loads `path()` from the management API; see the module documentation.
pub(crate) fn api_resource<T>(path: impl Fn() -> Option<String> + 'static) -> ApiResource<T>
where
    T: DeserializeOwned + 'static,
{
    LocalResource::new(move || {
        let path = path();
        async move {
            match path {
                Some(path) => Some(client::get::<T>(&path).await.map_err(|e| e.message)),
                None => None,
            }
        }
    })
}

/// What an [`ApiResource`] holds right now: `None` until it has loaded.
pub(crate) fn loaded<T: Clone + 'static>(resource: ApiResource<T>) -> Option<Result<T, String>> {
    resource.get().flatten()
}

/// Who is signed in, once the browser has checked its token.
#[derive(Clone, Copy)]
pub struct Session {
    pub me: RwSignal<Option<MeDto>>,
}

impl Session {
    /// Keeps a fresh session (from sign-in or setup) for the calls that follow.
    fn begin(&self, s: SessionDto) {
        client::set_token(Some(&s.token));
        client::set_org(&s.org.slug);
        self.me.set(Some(MeDto { user: s.user, org: s.org }));
    }
}

pub fn provide_session() {
    provide_context(Session { me: RwSignal::new(None) });
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Runs a change against the API in the background: `done` with its answer, or its error's
/// message in `error` (what every page shows above its forms).
pub(crate) fn act<T: 'static>(
    call: impl std::future::Future<Output = Result<T, client::ClientError>> + 'static,
    done: impl FnOnce(T) + 'static,
    error: RwSignal<Option<String>>,
) {
    spawn_local(async move {
        match call.await {
            Ok(answer) => done(answer),
            Err(e) => error.set(Some(e.message)),
        }
    });
}

/// Percent-encodes a query or path value (everything but the unreserved characters).
pub(crate) fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Puts `text` on the clipboard (a key, a secret, an embed snippet).
pub(crate) fn copy_to_clipboard(text: String) {
    #[cfg(feature = "admin-hydrate")]
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(&text);
    }
    #[cfg(not(feature = "admin-hydrate"))]
    let _ = text;
}

/// A short, readable form of an RFC 3339 timestamp: `2026-11-23 10:15`.
pub(crate) fn short_time(ts: &str) -> String {
    ts.get(..16).unwrap_or(ts).replace('T', " ")
}

#[component]
pub fn AdminLayout() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    mark_hydrated();
    // Who the stored token belongs to; a fresh sign-in already knows.
    let me = LocalResource::new(move || async move {
        if let Some(me) = session.me.get_untracked() {
            return Some(me);
        }
        client::token()?;
        client::get::<MeDto>("/api/v1/me").await.ok()
    });
    {
        let navigate = navigate.clone();
        Effect::new(move |_| match me.get() {
            Some(Some(found)) => {
                client::set_org(&found.org.slug);
                session.me.set(Some(found));
            }
            Some(None) => navigate("/admin/login", Default::default()),
            None => {}
        });
    }
    let sign_out = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            let _ = client::post::<_, serde_json::Value>("/api/v1/auth/logout", &serde_json::json!({})).await;
            client::set_token(None);
            session.me.set(None);
            navigate("/admin/login", Default::default());
        });
    };
    view! {
        <div class="admin">
            <header class="topbar">
                <a class="brand" href="/admin">"Assent"</a>
                <span class="who">
                    {move || session.me.get().map(|me| format!("{} · {} ({})", me.org.name, me.user.email, me.user.role))}
                </span>
                <button type="button" class="link" on:click=sign_out>"Sign out"</button>
            </header>
            <div class="admin-body">
                <nav class="sidenav" aria-label="Dashboard">
                    <A href="/admin" exact=true>"Overview"</A>
                    <A href="/admin/assets">"Assets"</A>
                    <A href="/admin/collection-points">"Collection points"</A>
                    <A href="/admin/consent-links">"Consent links"</A>
                    <A href="/admin/universal-consents">"Universal consents"</A>
                    <A href="/admin/integrations">"Integrations"</A>
                    <A href="/admin/webhooks">"Webhooks"</A>
                    <A href="/admin/translations">"Translations"</A>
                    <A href="/admin/api-explorer">"API explorer"</A>
                    <A href="/admin/api-keys">"API keys"</A>
                    <A href="/admin/audit">"Audit"</A>
                </nav>
                <main class="content">
                    <Show when=move || session.me.get().is_some() fallback=|| view! { <p class="muted">"Loading…"</p> }>
                        <Outlet/>
                    </Show>
                </main>
            </div>
        </div>
    }
}

#[component]
pub fn Overview() -> impl IntoView {
    let session = use_session();
    let assets = api_resource::<AssetPage>(|| Some("/api/v1/assets?limit=1".into()));
    let points = api_resource::<CollectionPointPage>(|| Some("/api/v1/collection-points?limit=1".into()));
    let keys = api_resource::<ApiKeyPage>(|| Some("/api/v1/api-keys?limit=1".into()));
    let ledger = api_resource::<LedgerVerificationDto>(|| Some("/api/v1/audit/verify".into()));
    let total = |r: Option<Result<i64, String>>| r.and_then(Result::ok).unwrap_or(0);
    view! {
        <h1>"Overview"</h1>
        {move || session.me.get().map(|me| view! {
            <p>
                "Organisation " <strong>{me.org.name.clone()}</strong> ". API clients send "
                <code>{format!("X-Org-Id: {}", me.org.slug)}</code> "; consent links use the path segment "
                <code>{me.org.subdomain.clone()}</code> "."
            </p>
        })}
        <div class="tiles">
            {move || {
                let (a, c, k) = (
                    loaded(assets).map(|r| r.map(|p| p.total)),
                    loaded(points).map(|r| r.map(|p| p.total)),
                    loaded(keys).map(|r| r.map(|p| p.total)),
                );
                (a.is_some() && c.is_some() && k.is_some()).then(|| view! {
                    <div class="tile"><span class="num">{total(a)}</span><span>"assets"</span></div>
                    <div class="tile"><span class="num">{total(c)}</span><span>"collection points"</span></div>
                    <div class="tile"><span class="num">{total(k)}</span><span>"API keys"</span></div>
                })
            }}
        </div>
        <h2>"Ledger"</h2>
        {move || match loaded(ledger) {
            None => view! { <p class="muted">"Checking the ledger…"</p> }.into_any(),
            Some(Ok(v)) if v.ok => view! { <p class="ok">{format!("Intact: {} entries, head {}", v.entries, &v.head_hash[..16])}</p> }.into_any(),
            Some(Ok(v)) => view! { <p class="error">{format!("Broken: {}", v.first_bad.map(|b| format!("entry {}: {}", b.seq, b.reason)).unwrap_or_default())}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
        }}
    }
}

/// Whether this installation still needs its first admin. The sign-in page says how to create one.
#[server(prefix = "/_server", endpoint = "setup_status")]
pub async fn setup_status() -> Result<bool, AppError> {
    Ok(crate::error::services()?.tenancy.setup_needed().await?)
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let needs_setup = Resource::new(|| (), |_| setup_status());
    let session = use_session();
    let navigate = use_navigate();
    mark_hydrated();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let req = LoginRequest { email: email.get_untracked(), password: password.get_untracked() };
            match client::post::<_, SessionDto>("/api/v1/auth/login", &req).await {
                Ok(s) => {
                    session.begin(s);
                    navigate("/admin", Default::default());
                }
                Err(e) => error.set(Some(e.message)),
            }
            busy.set(false);
        });
    };
    view! {
        <main class="page narrow">
            <h1>"Sign in to Assent"</h1>
            <Suspense fallback=|| ()>
                {move || needs_setup.get().map(|r| match r {
                    Ok(true) => view! { <FirstRunNotice/> }.into_any(),
                    _ => ().into_any(),
                })}
            </Suspense>
            <form class="card" on:submit=on_submit>
                <label for="email">"Email"</label>
                <input id="email" name="email" type="email" autocomplete="username" required
                    prop:value=email on:input=move |ev| email.set(event_target_value(&ev))/>
                <label for="password">"Password"</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required
                    prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit" disabled=busy>"Sign in"</button>
            </form>
        </main>
    }
}

#[component]
fn FirstRunNotice() -> impl IntoView {
    view! {
        <div class="notice" role="status">
            <strong>"No admin exists yet."</strong>
            <p>
                "Open the one-time setup link that " <code>"assent serve"</code>
                " printed when it started, or create the first organisation and admin from the command line:"
            </p>
            <pre>"assent org create --slug acme --name \"Acme\"\necho 'a long password' | assent user create --org acme --email you@example.com --role owner --password-stdin"</pre>
        </div>
    }
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let query = use_query_map();
    let org_name = RwSignal::new(String::new());
    let org_slug = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let session = use_session();
    let navigate = use_navigate();
    mark_hydrated();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        error.set(None);
        let navigate = navigate.clone();
        let token = query.read_untracked().get("token").unwrap_or_default();
        spawn_local(async move {
            let req = SetupRequest {
                token,
                org_slug: org_slug.get_untracked(),
                org_name: org_name.get_untracked(),
                email: email.get_untracked(),
                password: password.get_untracked(),
            };
            match client::post::<_, SessionDto>("/api/v1/setup", &req).await {
                Ok(s) => {
                    session.begin(s);
                    navigate("/admin", Default::default());
                }
                Err(e) => error.set(Some(e.message)),
            }
            busy.set(false);
        });
    };
    view! {
        <main class="page narrow">
            <h1>"Set up Assent"</h1>
            <p>"Create your organisation and its first admin. This link works once."</p>
            <form class="card" on:submit=on_submit>
                <label for="org_name">"Organisation name"</label>
                <input id="org_name" required prop:value=org_name on:input=move |ev| org_name.set(event_target_value(&ev))/>
                <label for="org_slug">"Organisation slug"</label>
                <input id="org_slug" required pattern="[a-z0-9][a-z0-9\\-]*[a-z0-9]" aria-describedby="slug_help"
                    prop:value=org_slug on:input=move |ev| org_slug.set(event_target_value(&ev))/>
                <small id="slug_help">"Lowercase letters, digits and dashes. API clients send it as X-Org-Id."</small>
                <label for="email">"Your email"</label>
                <input id="email" type="email" autocomplete="username" required prop:value=email on:input=move |ev| email.set(event_target_value(&ev))/>
                <label for="password">"Password (at least 10 characters)"</label>
                <input id="password" type="password" autocomplete="new-password" required minlength="10"
                    prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit" disabled=busy>"Create organisation"</button>
            </form>
        </main>
    }
}
