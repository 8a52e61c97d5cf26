//! The dashboard's client of the management API. The session token lives in the browser's
//! localStorage and travels as `Authorization: Bearer`, never as a cookie, so a cross-site page
//! cannot make requests with it.

use serde::{de::DeserializeOwned, Serialize};

#[derive(Debug, Clone, PartialEq)]
pub struct ClientError {
    pub status: u16,
    pub message: String,
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A response as the server sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

#[cfg(feature = "admin-hydrate")]
mod imp {
    use super::*;
    use gloo_net::http::{Request, RequestBuilder, Response};

    const TOKEN_KEY: &str = "assent.session";
    const ORG_KEY: &str = "assent.org";

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    pub fn token() -> Option<String> {
        storage()?.get_item(TOKEN_KEY).ok()?
    }

    pub fn set_token(token: Option<&str>) {
        if let Some(s) = storage() {
            let _ = match token {
                Some(t) => s.set_item(TOKEN_KEY, t),
                None => s.remove_item(TOKEN_KEY).and_then(|_| s.remove_item(ORG_KEY)),
            };
        }
    }

    /// The signed-in organisation's slug: the consent-link dialect wants it as `X-Org-Id`.
    pub fn set_org(slug: &str) {
        if let Some(s) = storage() {
            let _ = s.set_item(ORG_KEY, slug);
        }
    }

    fn authed(builder: RequestBuilder) -> RequestBuilder {
        let builder = match storage().and_then(|s| s.get_item(ORG_KEY).ok().flatten()) {
            Some(org) => builder.header("X-Org-Id", &org),
            None => builder,
        };
        match token() {
            Some(t) => builder.header("Authorization", &format!("Bearer {t}")),
            None => builder,
        }
    }

    async fn read<T: DeserializeOwned>(res: Result<Response, gloo_net::Error>) -> Result<T, ClientError> {
        let res = res.map_err(|e| ClientError { status: 0, message: format!("network error: {e}") })?;
        let status = res.status();
        if (200..300).contains(&status) {
            let text = res.text().await.map_err(|e| ClientError { status, message: e.to_string() })?;
            let text = if text.is_empty() { "null".to_string() } else { text };
            serde_json::from_str(&text).map_err(|e| ClientError { status, message: format!("unexpected response: {e}") })
        } else {
            if status == 401 {
                set_token(None);
            }
            // The management API says {"error": {"message"}}; the consent-link dialect {"detail"};
            // the universal-consent dialect problem details.
            let text = res.text().await.unwrap_or_default();
            let message = serde_json::from_str::<crate::dto::ErrorBody>(&text)
                .map(|b| b.error.message)
                .or_else(|_| serde_json::from_str::<crate::dto::ProblemDetails>(&text).map(|b| b.detail))
                .or_else(|_| serde_json::from_str::<crate::dto::DetailError>(&text).map(|b| b.detail))
                .unwrap_or_else(|_| format!("request failed with status {status}"));
            Err(ClientError { status, message })
        }
    }

    pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ClientError> {
        read(authed(Request::get(path)).send().await).await
    }

    pub async fn delete<T: DeserializeOwned>(path: &str) -> Result<T, ClientError> {
        read(authed(Request::delete(path)).send().await).await
    }

    pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ClientError> {
        send(Request::post(path), body).await
    }

    pub async fn patch<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ClientError> {
        send(Request::patch(path), body).await
    }

    pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ClientError> {
        send(Request::put(path), body).await
    }

    /// Any request, answered as it came (the API explorer): the session's credentials unless
    /// `headers` carries its own.
    pub async fn raw(method: &str, path: &str, headers: &[(String, String)], body: Option<String>) -> Result<RawResponse, ClientError> {
        let mut builder = gloo_net::http::RequestBuilder::new(path)
            .method(gloo_net::http::Method::from_bytes(method.as_bytes()).map_err(|e| ClientError { status: 0, message: e.to_string() })?);
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("authorization") || k.eq_ignore_ascii_case("x-api-key")) {
            builder = authed(builder);
        }
        for (k, v) in headers {
            builder = builder.header(k, v);
        }
        let sent = match body {
            Some(b) => {
                builder
                    .header("Content-Type", "application/json")
                    .body(b)
                    .map_err(|e| ClientError { status: 0, message: e.to_string() })?
                    .send()
                    .await
            }
            None => builder.send().await,
        };
        let res = sent.map_err(|e| ClientError { status: 0, message: format!("network error: {e}") })?;
        let headers = res.headers().entries().collect();
        Ok(RawResponse { status: res.status(), headers, body: res.text().await.unwrap_or_default() })
    }

    async fn send<B: Serialize, T: DeserializeOwned>(builder: RequestBuilder, body: &B) -> Result<T, ClientError> {
        let req = authed(builder).json(body).map_err(|e| ClientError { status: 0, message: e.to_string() })?;
        read(req.send().await).await
    }
}

/// On the server these are never reached: the dashboard calls them only from event handlers
/// and effects, which run in the browser.
#[cfg(not(feature = "admin-hydrate"))]
mod imp {
    use super::*;

    fn server_side() -> ClientError {
        ClientError { status: 0, message: "the management API is called from the browser".into() }
    }

    pub fn token() -> Option<String> {
        None
    }
    pub fn set_token(_token: Option<&str>) {}
    pub fn set_org(_slug: &str) {}
    pub async fn get<T: DeserializeOwned>(_path: &str) -> Result<T, ClientError> {
        Err(server_side())
    }
    pub async fn delete<T: DeserializeOwned>(_path: &str) -> Result<T, ClientError> {
        Err(server_side())
    }
    pub async fn post<B: Serialize, T: DeserializeOwned>(_path: &str, _body: &B) -> Result<T, ClientError> {
        Err(server_side())
    }
    pub async fn patch<B: Serialize, T: DeserializeOwned>(_path: &str, _body: &B) -> Result<T, ClientError> {
        Err(server_side())
    }
    pub async fn put<B: Serialize, T: DeserializeOwned>(_path: &str, _body: &B) -> Result<T, ClientError> {
        Err(server_side())
    }
    pub async fn raw(_method: &str, _path: &str, _headers: &[(String, String)], _body: Option<String>) -> Result<RawResponse, ClientError> {
        Err(server_side())
    }
}

pub use imp::*;
