//! Assent's Leptos application: the dashboard SPA (and, later, the hosted consent page),
//! rendered on the server and hydrated in the browser.

pub mod api;
pub mod consent_page;
pub mod dashboard;
pub mod dto;
pub mod error;
pub mod i18n;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::{path, SsrMode};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    dashboard::provide_session();

    view! {
        <Stylesheet id="assent" href="/pkg/assent.css"/>
        <Title text="Assent"/>
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Home/>
                <Route path=path!("/admin/login") view=dashboard::LoginPage/>
                <Route path=path!("/admin/setup") view=dashboard::SetupPage/>
                <ParentRoute path=path!("/admin") view=dashboard::AdminLayout>
                    <Route path=path!("") view=dashboard::Overview/>
                    <Route path=path!("assets") view=dashboard::AssetsPage/>
                    <Route path=path!("collection-points") view=dashboard::CollectionPointsPage/>
                    <Route path=path!("api-keys") view=dashboard::ApiKeysPage/>
                    <Route path=path!("audit") view=dashboard::AuditPage/>
                    <Route path=path!("consent-links") view=dashboard::ConsentLinksPage/>
                </ParentRoute>
                <Route path=path!("/:sub/:cp/:event") view=consent_page::ConsentPage ssr=SsrMode::Async/>
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

#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(http::StatusCode::NOT_FOUND);
        }
    }
    view! {
        <main class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address."</p>
            <p><A href="/admin">"Go to the dashboard"</A></p>
        </main>
    }
}

/// Marks the page as interactive, so that people (and browser tests) can tell hydration finished.
pub(crate) fn mark_hydrated() {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}

/// Whether this installation still needs its first admin. The login page says how to create one.
#[server(prefix = "/_server", endpoint = "setup_status")]
pub async fn setup_status() -> Result<bool, error::AppError> {
    let store = use_context::<backend::Store>().ok_or(error::AppError::Internal)?;
    Ok(store.user_count().await? == 0)
}
