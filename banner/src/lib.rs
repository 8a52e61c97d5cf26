//! The embeddable consent banner. The loader (`loader.js`, served as `/banner.js`) creates a host
//! element with a shadow root and calls `mount` with it, so host CSS and the banner's CSS cannot
//! reach each other. Plain web-sys keeps the wasm small; no framework is needed for a banner.

use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Document, Element, HtmlElement, ShadowRoot};

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

/// Renders the banner into `root`. `host` receives an `assent:consent` event with
/// `{"decision": "accept" | "reject"}` when the visitor chooses.
#[wasm_bindgen]
pub fn mount(root: ShadowRoot, host: HtmlElement, title: String, text: String) -> Result<(), JsValue> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let style = el(&doc, "style", "", STYLE)?;
    root.append_child(&style)?;

    let banner = el(&doc, "div", "assent-banner", "")?;
    banner.set_attribute("role", "dialog")?;
    banner.set_attribute("aria-live", "polite")?;
    banner.set_attribute("aria-label", &title)?;
    let heading = el(&doc, "h2", "", &title)?;
    banner.append_child(&heading)?;
    let body = el(&doc, "p", "", &text)?;
    banner.append_child(&body)?;
    let actions = el(&doc, "div", "assent-actions", "")?;
    for (class, label, decision) in [("accept", "Accept all", "accept"), ("reject", "Reject all", "reject")] {
        let button = el(&doc, "button", class, label)?;
        button.set_attribute("type", "button")?;
        let host = host.clone();
        let banner_ref = banner.clone();
        let on_click = Closure::<dyn FnMut()>::new(move || {
            let detail = js_sys_object(decision);
            let init = CustomEventInit::new();
            init.set_detail(&detail);
            init.set_bubbles(true);
            init.set_composed(true);
            if let Ok(ev) = CustomEvent::new_with_event_init_dict("assent:consent", &init) {
                let _ = host.dispatch_event(&ev);
            }
            banner_ref.remove();
        });
        button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
        on_click.forget();
        actions.append_child(&button)?;
    }
    banner.append_child(&actions)?;
    root.append_child(&banner)?;
    Ok(())
}

/// `{"decision": "..."}` as the event's detail.
fn js_sys_object(decision: &str) -> JsValue {
    let obj = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&obj, &JsValue::from_str("decision"), &JsValue::from_str(decision));
    obj.into()
}
