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

/// What the server's caller pipeline found out about a request to a public server function:
/// it puts this in the request's extensions before the function runs, and the function reads
/// it rather than the transport (`server/src/public_calls.rs`).
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Default)]
pub struct PublicCaller {
    /// The client's address (behind trusted proxies, the one they name), its user agent and
    /// place: the evidence a decision records.
    pub fingerprint: backend::universal::Fingerprint,
    /// Set when the pipeline's rate limit refused this request: seconds until the caller may
    /// try again. The function then saves nothing and says so in its own words.
    pub throttled: Option<u64>,
}

/// A public server function's request, as the function sees it.
#[cfg(feature = "ssr")]
pub(crate) struct PublicCall {
    pub caller: PublicCaller,
    parts: http::request::Parts,
}

#[cfg(feature = "ssr")]
impl PublicCall {
    /// The current request. A request the pipeline did not see is refused: a public function
    /// never runs without its rate limit.
    pub fn current() -> Result<Self, AppError> {
        let parts = use_context::<http::request::Parts>()
            .ok_or_else(|| AppError::from(backend::Error::Internal("a public server function ran outside a request".into())))?;
        let caller =
            parts.extensions.get::<PublicCaller>().cloned().ok_or_else(|| {
                AppError::from(backend::Error::Internal("a public server function ran without the caller pipeline".into()))
            })?;
        Ok(Self { caller, parts })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.parts.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A form posted by the browser itself (no JavaScript): it navigates to the answer, so the
    /// answer must be a page. The server function client asks for its encoding instead.
    pub fn is_plain_form(&self) -> bool {
        self.header("accept").is_some_and(|a| a.contains("text/html"))
    }

    /// Answers `303 See Other` to `location`, whatever the function returns.
    pub fn see_other(&self, location: &str) {
        if let (Some(res), Ok(v)) = (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(location)) {
            res.insert_header(http::header::LOCATION, v);
            res.set_status(http::StatusCode::SEE_OTHER);
        }
    }

    /// Answers with `status`, and `Retry-After` when the caller must wait.
    pub fn set_status(&self, status: u16, retry_after_secs: Option<u64>) {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR));
            if let Some(secs) = retry_after_secs {
                res.insert_header(http::header::RETRY_AFTER, http::HeaderValue::from(secs));
            }
        }
    }
}

/// JSON with every character outside ASCII written as `\uXXXX`, for the page's data in its
/// hydration script. Leptos escapes that script's text with `str`'s `Debug`, which is cheap on
/// ASCII and slow on other scripts: a Tamil page spent 14% of its server CPU there
/// (`grapheme_extend::lookup_slow`, `is_printable`, under `AsyncDataStream::poll_next`).
pub struct AsciiJson;

impl<T: Serialize> codee::Encoder<T> for AsciiJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(val: &T) -> Result<String, Self::Error> {
        use std::fmt::Write;
        let json = serde_json::to_string(val)?;
        let mut out = String::with_capacity(json.len() + json.len() / 2);
        for c in json.chars() {
            if c.is_ascii() {
                out.push(c);
            } else {
                // Outside ASCII only inside JSON strings, where an escape means the same.
                for unit in c.encode_utf16(&mut [0; 2]) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
        Ok(out)
    }
}

impl<T: serde::de::DeserializeOwned> codee::Decoder<T> for AsciiJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(val: &str) -> Result<T, Self::Error> {
        serde_json::from_str(val)
    }
}

/// The public server functions' answers: JSON read with `serde_json::from_str`, as the page's
/// hydration data is ([`AsciiJson`]), so that the bundle decodes both with one instantiation of
/// serde_json's reader instead of two (`server_fn`'s JSON reads from a byte slice).
pub struct PageJson;

impl leptos::server_fn::ContentType for PageJson {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl leptos::server_fn::FormatType for PageJson {
    const FORMAT_TYPE: leptos::server_fn::Format = leptos::server_fn::Format::Text;
}

impl<T: Serialize> leptos::server_fn::Encodes<T> for PageJson {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<leptos::server_fn::Bytes, Self::Error> {
        serde_json::to_vec(output).map(Into::into)
    }
}

impl<T: serde::de::DeserializeOwned> leptos::server_fn::Decodes<T> for PageJson {
    type Error = serde_json::Error;

    fn decode(bytes: leptos::server_fn::Bytes) -> Result<T, Self::Error> {
        // serde_json wants UTF-8 either way; an answer that is not fails as JSON would.
        serde_json::from_str(&String::from_utf8_lossy(&bytes))
    }
}

#[component]
pub fn PublicApp() -> impl IntoView {
    // Computed on the server from the request's context, read back in the browser.
    let page = SharedValue::<_, AsciiJson>::new_with_encoding(|| use_context::<PublicPage>().unwrap_or(PublicPage::NotFound)).into_inner();
    match page {
        PublicPage::Consent { path, texts, data } => {
            let data = data.map(|d| *d);
            view! { <consent_page::ConsentPage path texts data/> }.into_any()
        }
        PublicPage::NotFound => view! { <NotFound/> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::AsciiJson;
    use codee::{Decoder, Encoder};

    #[test]
    fn ascii_json_round_trips_every_script() {
        let value = vec!["தமிழ் اردو ᱥᱟᱱᱛᱟᱲᱤ 😀".to_string(), "plain \"quoted\"".to_string()];
        let encoded = <AsciiJson as Encoder<Vec<String>>>::encode(&value).unwrap();
        assert!(encoded.is_ascii(), "{encoded}");
        assert!(encoded.contains("\\ud83d\\ude00"), "a surrogate pair: {encoded}");
        let decoded: Vec<String> = <AsciiJson as Decoder<Vec<String>>>::decode(&encoded).unwrap();
        assert_eq!(decoded, value);
    }
}
