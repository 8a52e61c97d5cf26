//! The API explorer: every operation of `/api/openapi.json` (all three dialects and the
//! management API), run from the browser with the admin's session or an API key, showing the
//! status, headers and body that came back.

use super::client::{self, RawResponse};
use super::url_encode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
struct Param {
    name: String,
    /// `path`, `query` or `header`.
    location: String,
    required: bool,
    description: String,
}

#[derive(Debug, Clone, PartialEq)]
struct Operation {
    method: String,
    path: String,
    summary: String,
    tag: String,
    params: Vec<Param>,
    /// A body to start from, built from the request schema.
    body: Option<String>,
}

/// The operations of an OpenAPI document, in its order.
fn operations(doc: &Value) -> Vec<Operation> {
    let mut out = Vec::new();
    let Some(paths) = doc["paths"].as_object() else { return out };
    for (path, item) in paths {
        for method in ["get", "post", "put", "patch", "delete", "options"] {
            let Some(op) = item.get(method) else { continue };
            let params = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| Param {
                    name: p["name"].as_str().unwrap_or_default().to_string(),
                    location: p["in"].as_str().unwrap_or_default().to_string(),
                    required: p["required"].as_bool().unwrap_or(false),
                    description: p["description"].as_str().unwrap_or_default().to_string(),
                })
                .collect();
            let body = op["requestBody"]["content"]["application/json"]["schema"].as_object().map(|_| {
                serde_json::to_string_pretty(&skeleton(doc, &op["requestBody"]["content"]["application/json"]["schema"], 0))
                    .unwrap_or_default()
            });
            let summary =
                op["summary"].as_str().or(op["description"].as_str()).unwrap_or_default().lines().next().unwrap_or_default().to_string();
            out.push(Operation {
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                summary,
                tag: op["tags"][0].as_str().unwrap_or_default().to_string(),
                params,
                body,
            });
        }
    }
    out
}

/// A value of `schema` to start editing from: every property, with empty or zero values.
fn skeleton(doc: &Value, schema: &Value, depth: usize) -> Value {
    if depth > 5 {
        return Value::Null;
    }
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap_or_default();
        return skeleton(doc, &doc["components"]["schemas"][name], depth + 1);
    }
    // The document's own example, where it has one, is the best start.
    if !schema["example"].is_null() {
        return schema["example"].clone();
    }
    for combined in ["oneOf", "anyOf", "allOf"] {
        if let Some(first) = schema[combined].as_array().and_then(|a| a.iter().find(|s| s["type"] != "null")) {
            return skeleton(doc, first, depth + 1);
        }
    }
    if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    let ty = match &schema["type"] {
        Value::Array(types) => types.iter().find(|t| *t != "null").and_then(Value::as_str).unwrap_or("null").to_string(),
        t => t.as_str().unwrap_or(if schema["properties"].is_object() { "object" } else { "null" }).to_string(),
    };
    match ty.as_str() {
        "object" => Value::Object(
            schema["properties"].as_object().into_iter().flatten().map(|(k, v)| (k.clone(), skeleton(doc, v, depth + 1))).collect(),
        ),
        "array" => Value::Array(Vec::new()),
        "string" => Value::String(String::new()),
        "integer" | "number" => Value::from(0),
        "boolean" => Value::Bool(false),
        _ => Value::Null,
    }
}

#[component]
pub fn ApiExplorerPage() -> impl IntoView {
    let doc = LocalResource::new(|| async { client::get::<Value>("/api/openapi.json").await.map_err(|e| e.message) });
    let ops = move || doc.get().and_then(Result::ok).map(|d| operations(&d)).unwrap_or_default();
    let chosen = RwSignal::new(None::<Operation>);
    let values = RwSignal::new(Vec::<(Param, RwSignal<String>)>::new());
    let body = RwSignal::new(String::new());
    let api_key = RwSignal::new(String::new());
    let response = RwSignal::new(None::<Result<RawResponse, String>>);
    let busy = RwSignal::new(false);

    let choose = move |index: String| {
        let op = index.parse::<usize>().ok().and_then(|i| ops().get(i).cloned());
        values.set(op.iter().flat_map(|o| o.params.clone()).map(|p| (p, RwSignal::new(String::new()))).collect());
        body.set(op.as_ref().and_then(|o| o.body.clone()).unwrap_or_default());
        response.set(None);
        chosen.set(op);
    };
    let run = move |_| {
        let Some(op) = chosen.get_untracked() else { return };
        let mut path = op.path.clone();
        let mut query = Vec::new();
        let mut headers = Vec::new();
        for (p, v) in values.get_untracked() {
            let v = v.get_untracked();
            match p.location.as_str() {
                "path" => path = path.replace(&format!("{{{}}}", p.name), &url_encode(&v)),
                "query" if !v.is_empty() => query.push(format!("{}={}", url_encode(&p.name), url_encode(&v))),
                "header" if !v.is_empty() => headers.push((p.name.clone(), v)),
                _ => {}
            }
        }
        if !query.is_empty() {
            path = format!("{path}?{}", query.join("&"));
        }
        let key = api_key.get_untracked();
        if !key.trim().is_empty() {
            headers.push(("X-API-Key".to_string(), key.trim().to_string()));
        }
        let payload = op.body.as_ref().map(|_| body.get_untracked()).filter(|b| !b.trim().is_empty());
        busy.set(true);
        spawn_local(async move {
            response.set(Some(client::raw(&op.method, &path, &headers, payload).await.map_err(|e| e.message)));
            busy.set(false);
        });
    };

    view! {
        <h1>"API explorer"</h1>
        <p class="muted">"Test the API endpoints directly from your browser: pick an endpoint, fill in its parameters and body, and run it with your session or an API key."</p>
        {move || match doc.get() {
            None => view! { <p class="muted">"Loading the API document…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(_)) => view! {
                <label for="explorer_op">"Endpoint"</label>
                <select id="explorer_op" on:change=move |ev| choose(event_target_value(&ev))>
                    <option value="">"Choose an endpoint…"</option>
                    {ops().into_iter().enumerate().map(|(i, o)| view! {
                        <option value=i.to_string()>{format!("{} {} — {} {}", o.method, o.path, o.tag, o.summary)}</option>
                    }).collect_view()}
                </select>
            }.into_any(),
        }}
        {move || chosen.get().map(|op| view! {
            <div class="card explorer">
                <h2><code>{format!("{} {}", op.method, op.path)}</code></h2>
                <p>{op.summary.clone()}</p>
                {values.get().into_iter().map(|(p, v)| {
                    let id = format!("param_{}_{}", p.location, p.name);
                    view! {
                        <label for=id.clone()>{format!("{} ({}{})", p.name, p.location, if p.required { ", required" } else { "" })}</label>
                        <input id=id placeholder=p.description.clone() prop:value=v on:input=move |ev| v.set(event_target_value(&ev))/>
                    }
                }).collect_view()}
                {op.body.is_some().then(|| view! {
                    <label for="explorer_body">"Body (JSON)"</label>
                    <textarea id="explorer_body" class="code" rows="12" prop:value=body on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                })}
                <label for="explorer_key">"API key (leave empty to use your session)"</label>
                <input id="explorer_key" type="password" autocomplete="off" prop:value=api_key on:input=move |ev| api_key.set(event_target_value(&ev))/>
                <button type="button" on:click=run disabled=busy>"Run"</button>
            </div>
        })}
        {move || response.get().map(|r| match r {
            Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            Ok(r) => {
                let pretty = serde_json::from_str::<Value>(&r.body).ok().and_then(|v| serde_json::to_string_pretty(&v).ok()).unwrap_or(r.body.clone());
                view! {
                    <div class="card" role="status" aria-label="Response">
                        <h3 data-testid="explorer-status">{format!("Status {}", r.status)}</h3>
                        <pre class="code">{r.headers.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("\n")}</pre>
                        <pre class="code" data-testid="explorer-body">{pretty}</pre>
                    </div>
                }.into_any()
            }
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_and_bodies_come_from_the_document() {
        let doc = serde_json::json!({
            "paths": {"/api/things/{id}": {"patch": {"tags": ["things"], "summary": "Change a thing",
                "parameters": [{"name": "id", "in": "path", "required": true}],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Patch"}}}}}}},
            "components": {"schemas": {"Patch": {"type": "object", "properties": {
                "name": {"type": ["string", "null"]}, "level": {"enum": ["All", "None"]}, "n": {"type": "integer"}}}}}
        });
        let ops = operations(&doc);
        assert_eq!(ops.len(), 1);
        assert_eq!((ops[0].method.as_str(), ops[0].path.as_str(), ops[0].tag.as_str()), ("PATCH", "/api/things/{id}", "things"));
        assert_eq!(ops[0].params[0].location, "path");
        let body: Value = serde_json::from_str(ops[0].body.as_deref().unwrap()).unwrap();
        assert_eq!(body, serde_json::json!({"name": "", "level": "All", "n": 0}));
        let mut with_example = doc.clone();
        with_example["components"]["schemas"]["Patch"]["example"] = serde_json::json!({"name": "Ada"});
        let body: Value = serde_json::from_str(operations(&with_example)[0].body.as_deref().unwrap()).unwrap();
        assert_eq!(body, serde_json::json!({"name": "Ada"}), "the document's example wins");
        assert_eq!(url_encode("a b/ü"), "a%20b%2F%C3%BC");
    }
}
