//! The public app: pages people open from outside Assent. It is kept small, because it is
//! what a phone downloads to show a consent link: no client-side router, no async loading.
//! The server knows which page a request is for and loads its data before rendering
//! ([`PublicPage`], provided as context); the browser receives the same value with the page
//! and hydrates from it.

pub mod consent_page;

use crate::error::AppError;
use crate::i18n::Texts;
use crate::NotFound;
use consent_page::ConsentData;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Which public page a request shows, with everything it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PublicPage {
    /// `/{subdomain}/{display_id}/{link_id}`.
    Consent {
        path: String,
        /// The page's words, in the reader's language.
        texts: Texts,
        data: Result<Box<ConsentData>, AppError>,
    },
    NotFound,
}

impl PublicPage {
    /// The language and direction of the document.
    pub fn lang_dir(&self) -> (String, String) {
        match self {
            PublicPage::Consent { texts, .. } => (texts.lang.clone(), texts.dir.clone()),
            PublicPage::NotFound => ("en".into(), "ltr".into()),
        }
    }

    /// The document's title.
    pub fn title(&self) -> String {
        match self {
            PublicPage::Consent { data: Ok(d), texts, .. } => d.title(texts),
            PublicPage::Consent { data: Err(_), texts, .. } => texts.get("page-error-title"),
            PublicPage::NotFound => "Page not found".into(),
        }
    }
}

#[component]
pub fn PublicApp() -> impl IntoView {
    // Computed on the server from the request's context, read back in the browser.
    let page = SharedValue::new(|| use_context::<PublicPage>().unwrap_or(PublicPage::NotFound)).into_inner();
    match page {
        PublicPage::Consent { path, texts, data } => {
            let data = data.map(|d| *d);
            view! { <consent_page::ConsentPage path texts data/> }.into_any()
        }
        PublicPage::NotFound => view! { <NotFound/> }.into_any(),
    }
}
