//! The embeddable consent banner. The loader (`loader.js`, served as `/banner.js`) creates a host
//! element with a shadow root and calls `mount` with it, so host CSS and the banner's CSS cannot
//! reach each other. Plain web-sys keeps the wasm small; no framework is needed for a banner.

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CustomEvent, CustomEventInit, Document, Element, HtmlElement, RequestCredentials, RequestInit, RequestMode, Response, ShadowRoot,
    UrlSearchParams,
};

const STYLE: &str = r#"
:host { all: initial; }
.assent-banner { position: fixed; left: 1rem; right: 1rem; bottom: 1rem; z-index: 2147483647;
  max-width: 40rem; margin: 0 auto; padding: 1rem 1.25rem; border-radius: .75rem;
  background: #fff; color: #1b1f24; box-shadow: 0 8px 30px rgba(0,0,0,.25);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.assent-banner h2 { margin: 0 0 .35rem; font-size: 1.05rem; }
.assent-banner p { margin: 0 0 .85rem; }
.assent-actions { display: flex; gap: .5rem; flex-wrap: wrap; }
.assent-actions button { font: inherit; padding: .55rem 1rem; border-radius: .5rem; cursor: pointer;
  border: 1px solid var(--assent-color, #1f6feb); }
.assent-actions .accept { background: var(--assent-color, #1f6feb); color: #fff; }
.assent-actions .reject { background: #fff; color: var(--assent-color, #1f6feb); }
"#;

fn el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Ok(e)
}

/// Where the banner records a choice: the server function's URL and the integration's id.
/// Without an integration the banner records nothing (the page only hears the event).
struct Recorder {
    endpoint: String,
    integration: String,
}

impl Recorder {
    /// Where this browser keeps the ClientId the integration gave it.
    fn storage_key(&self) -> String {
        format!("assent:{}:client", self.integration)
    }

    fn client_id(&self) -> Option<String> {
        let storage = web_sys::window()?.local_storage().ok()??;
        storage.get_item(&self.storage_key()).ok()?
    }

    /// Posts the choice as a form (a CORS simple request: no preflight) and keeps the
    /// ClientId of the answer. Returns the ClientId.
    async fn record(&self, consent: &str) -> Result<String, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let form = UrlSearchParams::new()?;
        form.append("integration", &self.integration);
        form.append("consent", consent);
        if let Some(id) = self.client_id() {
            form.append("client_id", &id);
        }
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&form);
        init.set_mode(RequestMode::Cors);
        init.set_credentials(RequestCredentials::Omit);
        let answer: Response = JsFuture::from(window.fetch_with_str_and_init(&self.endpoint, &init)).await?.dyn_into()?;
        if !answer.ok() {
            return Err(JsValue::from_str(&format!("the choice was not recorded ({})", answer.status())));
        }
        let body = JsFuture::from(answer.json()?).await?;
        let client_id = js_sys::Reflect::get(&body, &JsValue::from_str("client_id"))?.as_string().ok_or("no client_id in the answer")?;
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = storage.set_item(&self.storage_key(), &client_id);
        }
        Ok(client_id)
    }
}

/// Renders the banner into `root`. When the visitor chooses, the choice is recorded through
/// `endpoint` for `integration` (when given), and `host` receives an `assent:consent` event with
/// `{"decision": "accept" | "reject", "clientId"}`; a choice that could not be recorded stays
/// on screen, and `host` gets `data-assent-error`.
#[wasm_bindgen]
pub fn mount(
    root: ShadowRoot,
    host: HtmlElement,
    title: String,
    text: String,
    endpoint: String,
    integration: String,
) -> Result<(), JsValue> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let style = el(&doc, "style", "", STYLE)?;
    root.append_child(&style)?;
    let recorder = (!integration.is_empty()).then(|| Rc::new(Recorder { endpoint, integration }));

    let banner = el(&doc, "div", "assent-banner", "")?;
    banner.set_attribute("role", "dialog")?;
    banner.set_attribute("aria-live", "polite")?;
    banner.set_attribute("aria-label", &title)?;
    let heading = el(&doc, "h2", "", &title)?;
    banner.append_child(&heading)?;
    let body = el(&doc, "p", "", &text)?;
    banner.append_child(&body)?;
    let actions = el(&doc, "div", "assent-actions", "")?;
    for (class, label, decision, consent) in [("accept", "Accept all", "accept", "All"), ("reject", "Reject all", "reject", "None")] {
        let button = el(&doc, "button", class, label)?;
        button.set_attribute("type", "button")?;
        let host = host.clone();
        let banner_ref = banner.clone();
        let recorder = recorder.clone();
        let on_click = Closure::<dyn FnMut()>::new(move || {
            let (host, banner_ref, recorder) = (host.clone(), banner_ref.clone(), recorder.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let client_id = match &recorder {
                    None => None,
                    Some(r) => match r.record(consent).await {
                        Ok(id) => Some(id),
                        Err(err) => {
                            let _ = host.set_attribute(
                                "data-assent-error",
                                &err.as_string().unwrap_or_else(|| "the choice was not recorded".into()),
                            );
                            return;
                        }
                    },
                };
                let detail = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("decision"), &JsValue::from_str(decision));
                if let Some(id) = client_id {
                    let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("clientId"), &JsValue::from_str(&id));
                }
                let init = CustomEventInit::new();
                init.set_detail(&detail);
                init.set_bubbles(true);
                init.set_composed(true);
                if let Ok(ev) = CustomEvent::new_with_event_init_dict("assent:consent", &init) {
                    let _ = host.dispatch_event(&ev);
                }
                banner_ref.remove();
            });
        });
        button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
        on_click.forget();
        actions.append_child(&button)?;
    }
    banner.append_child(&actions)?;
    root.append_child(&banner)?;
    Ok(())
}
