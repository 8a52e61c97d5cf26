//! The admin dashboard: a single-page app under `/admin`, talking to the management API with
//! the session token.

mod api_keys;
mod assets;
mod audit;
mod collection_points;
mod consent_links;

pub use api_keys::ApiKeysPage;
pub use assets::AssetsPage;
pub use audit::AuditPage;
pub use collection_points::CollectionPointsPage;
pub use consent_links::ConsentLinksPage;

use crate::api;
use crate::dto::{ApiKeyPage, AssetPage, CollectionPointPage, LedgerVerificationDto, LoginRequest, MeDto, SessionDto, SetupRequest};
use crate::mark_hydrated;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_navigate, use_query_map};

/// Who is signed in, once the browser has checked its token.
#[derive(Clone, Copy)]
pub struct Session {
    pub me: RwSignal<Option<MeDto>>,
}

impl Session {
    /// Keeps a fresh session (from sign-in or setup) for the calls that follow.
    fn begin(&self, s: SessionDto) {
        api::set_token(Some(&s.token));
        api::set_org(&s.org.slug);
        self.me.set(Some(MeDto { user: s.user, org: s.org }));
    }
}

pub fn provide_session() {
    provide_context(Session { me: RwSignal::new(None) });
}

pub fn use_session() -> Session {
    expect_context::<Session>()
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
    {
        let navigate = navigate.clone();
        Effect::new(move |_| {
            if api::token().is_none() {
                navigate("/admin/login", Default::default());
                return;
            }
            if session.me.get_untracked().is_none() {
                let navigate = navigate.clone();
                spawn_local(async move {
                    match api::get::<MeDto>("/api/v1/me").await {
                        Ok(me) => {
                            api::set_org(&me.org.slug);
                            session.me.set(Some(me));
                        }
                        Err(_) => navigate("/admin/login", Default::default()),
                    }
                });
            }
        });
    }
    let sign_out = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            let _ = api::post::<_, serde_json::Value>("/api/v1/auth/logout", &serde_json::json!({})).await;
            api::set_token(None);
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
    let counts = RwSignal::new(None::<(i64, i64, i64)>);
    let ledger = RwSignal::new(None::<Result<LedgerVerificationDto, String>>);
    Effect::new(move |_| {
        spawn_local(async move {
            let a = api::get::<AssetPage>("/api/v1/assets?limit=1").await.map(|p| p.total).unwrap_or(0);
            let c = api::get::<CollectionPointPage>("/api/v1/collection-points?limit=1").await.map(|p| p.total).unwrap_or(0);
            let k = api::get::<ApiKeyPage>("/api/v1/api-keys?limit=1").await.map(|p| p.total).unwrap_or(0);
            counts.set(Some((a, c, k)));
            ledger.set(Some(api::get::<LedgerVerificationDto>("/api/v1/audit/verify").await.map_err(|e| e.message)));
        });
    });
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
            {move || counts.get().map(|(a, c, k)| view! {
                <div class="tile"><span class="num">{a}</span><span>"assets"</span></div>
                <div class="tile"><span class="num">{c}</span><span>"collection points"</span></div>
                <div class="tile"><span class="num">{k}</span><span>"API keys"</span></div>
            })}
        </div>
        <h2>"Ledger"</h2>
        {move || match ledger.get() {
            None => view! { <p class="muted">"Checking the ledger…"</p> }.into_any(),
            Some(Ok(v)) if v.ok => view! { <p class="ok">{format!("Intact: {} entries, head {}", v.entries, &v.head_hash[..16])}</p> }.into_any(),
            Some(Ok(v)) => view! { <p class="error">{format!("Broken: {}", v.first_bad.map(|b| format!("entry {}: {}", b.seq, b.reason)).unwrap_or_default())}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
        }}
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let needs_setup = Resource::new(|| (), |_| crate::setup_status());
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
            match api::post::<_, SessionDto>("/api/v1/auth/login", &req).await {
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
            match api::post::<_, SessionDto>("/api/v1/setup", &req).await {
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
