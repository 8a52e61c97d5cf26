//! Assent's Leptos application, rendered on the server and hydrated in the browser, as two
//! apps with a bundle each:
//!
//! - [`PublicApp`]: what people open from outside (the hosted consent page, the not-found
//!   page). Its bundle (`public.wasm`) carries no dashboard code, so a phone downloads only the
//!   page it shows. Every public page works before, and without, any wasm.
//! - `AdminApp` (feature `dashboard`): the dashboard SPA under `/admin` and the home page.
//!
//! The public server functions (the hosted page's decision, the banner's choice) are thin: they
//! call a backend service and map its answer; the server's pipeline runs before them.

pub mod banner;
#[cfg(feature = "dashboard")]
pub mod dashboard;
pub mod dto;
pub mod error;
pub mod i18n;
pub mod public;

#[cfg(feature = "dashboard")]
pub use dashboard::AdminApp;
pub use public::PublicApp;

use leptos::prelude::*;

/// The public pages, hydrated with the public bundle. The page to show is the request's
/// [`public::PublicPage`] context; the head is rendered here, on the server only.
pub fn public_shell(options: LeptosOptions) -> impl IntoView {
    let page = use_context::<public::PublicPage>().unwrap_or(public::PublicPage::NotFound);
    let (lang, dir) = page.lang_dir();
    let brand = match &page {
        public::PublicPage::Consent { data: Ok(d), .. } => d.brand_color.clone(),
        _ => String::new(),
    };
    // The organisation's colour, as the page's only style outside the stylesheet (the CSP
    // allows it by this response's nonce). Anything but `#rrggbb` is left out.
    let brand_css = (brand.len() == 7 && brand.starts_with('#') && brand[1..].bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!(":root {{ --org-brand: {brand}; }}"));
    let stylesheet = format!("/{}/assent.css", options.site_pkg_dir);
    view! {
        <!DOCTYPE html>
        <html lang=lang dir=dir>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>{page.title()}</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" href=stylesheet/>
                {brand_css.map(|css| view! { <style nonce=leptos::nonce::use_nonce()>{css}</style> })}
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
            </head>
            <body><PublicApp/></body>
        </html>
    }
}

/// The dashboard, hydrated with the dashboard's bundle. `options.site_pkg_dir` is the build
/// directory of its files (`pkg/{build}`).
#[cfg(feature = "dashboard")]
pub fn admin_shell(options: LeptosOptions) -> impl IntoView {
    use leptos_meta::MetaTags;
    let stylesheet = format!("/{}/assent.css", options.site_pkg_dir);
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" href=stylesheet/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body><AdminApp/></body>
        </html>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
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
            <p><a href="/admin">"Go to the dashboard"</a></p>
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
