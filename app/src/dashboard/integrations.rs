//! Integrations: where consents are recorded without credentials (the banner, email links),
//! with their allowed origins, banner categories and the snippet that embeds them.

use super::{act, api_resource, client, copy_to_clipboard, loaded, short_time};
use crate::dto::{CreateIntegration, IntegrationDto, IntegrationPage, PatchIntegration};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

#[component]
pub fn IntegrationsPage() -> impl IntoView {
    let list = api_resource::<IntegrationPage>(|| Some("/api/v1/integrations?limit=200".into()));
    let name = RwSignal::new(String::new());
    let origins = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let editing = RwSignal::new(None::<IntegrationDto>);

    let on_create = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let body = CreateIntegration { name: name.get_untracked(), allowed_origins: lines(&origins.get_untracked()), banner: None };
        let created = move |_| {
            name.set(String::new());
            origins.set(String::new());
            list.refetch();
        };
        act(async move { client::post::<_, IntegrationDto>("/api/v1/integrations", &body).await }, created, error);
    };
    let remove = move |id: String| {
        act(
            async move { client::delete::<serde_json::Value>(&format!("/api/v1/integrations/{id}")).await },
            move |_| list.refetch(),
            error,
        );
    };

    view! {
        <h1>"Integrations"</h1>
        <p class="muted">
            "An integration records consents without credentials, from the pages of the origins it allows: the banner, a newsletter form, an email link. "
            "Its name is the " <code>"Reference"</code> " of the consents it records."
        </p>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <form class="card" on:submit=on_create aria-label="New integration">
            <h2>"New integration"</h2>
            <label for="integration_name">"Name"</label>
            <input id="integration_name" required placeholder="e.g. Shop banner" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for="integration_origins">"Allowed origins, one per line"</label>
            <textarea id="integration_origins" rows="3" placeholder="https://shop.example.com" prop:value=origins
                on:input=move |ev| origins.set(event_target_value(&ev))></textarea>
            <button type="submit">"Create integration"</button>
        </form>
        {move || editing.get().map(|i| view! { <IntegrationEditor integration=i on_done=move || { editing.set(None); list.refetch(); }/> })}
        {move || match loaded(list) {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(page)) if page.items.is_empty() => view! { <p class="muted">"No integrations yet."</p> }.into_any(),
            Some(Ok(page)) => view! {
                <table class="list" aria-label="Integrations">
                    <thead><tr><th>"Name"</th><th>"Id"</th><th>"Origins"</th><th>"Embed"</th><th>"Created"</th><th></th></tr></thead>
                    <tbody>
                        {page.items.into_iter().map(|i| {
                            let for_edit = i.clone();
                            let id = i.id.clone();
                            let snippet = i.embed_snippet.clone();
                            view! {
                                <tr>
                                    <td>{i.name.clone()}</td>
                                    <td><code>{i.id.clone()}</code></td>
                                    <td>{if i.allowed_origins.is_empty() { "none (servers only)".to_string() } else { i.allowed_origins.join(", ") }}</td>
                                    <td><code class="snippet">{snippet.clone()}</code>
                                        <button type="button" class="secondary" on:click=move |_| copy_to_clipboard(snippet.clone())>"Copy"</button></td>
                                    <td>{short_time(&i.created_at)}</td>
                                    <td class="row-actions">
                                        <button type="button" class="secondary" on:click=move |_| editing.set(Some(for_edit.clone()))>"Edit"</button>
                                        <button type="button" class="danger" on:click=move |_| remove(id.clone())>"Delete"</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
    }
}

/// Origins and the banner's settings (categories, texts per language, policy version) of one
/// integration. The settings are edited as the JSON the API takes, checked by the server.
#[component]
fn IntegrationEditor(integration: IntegrationDto, on_done: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let origins = RwSignal::new(integration.allowed_origins.join("\n"));
    let banner = RwSignal::new(serde_json::to_string_pretty(&integration.banner).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let id = integration.id.clone();
    let done = on_done.clone();
    let on_save = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let banner_value = match serde_json::from_str::<serde_json::Value>(&banner.get_untracked()) {
            Ok(v) => v,
            Err(e) => {
                error.set(Some(format!("The banner settings are not JSON: {e}")));
                return;
            }
        };
        let body = PatchIntegration { name: None, allowed_origins: Some(lines(&origins.get_untracked())), banner: Some(banner_value) };
        let id = id.clone();
        let done = done.clone();
        act(async move { client::patch::<_, IntegrationDto>(&format!("/api/v1/integrations/{id}"), &body).await }, move |_| done(), error);
    };
    view! {
        <form class="card" on:submit=on_save aria-label="Edit integration">
            <h2>{format!("Edit “{}”", integration.name)}</h2>
            <label for="edit_origins">"Allowed origins, one per line"</label>
            <textarea id="edit_origins" rows="3" prop:value=origins on:input=move |ev| origins.set(event_target_value(&ev))></textarea>
            <label for="edit_banner">"Banner: categories (" <code>"necessary"</code> " is always on), texts per language, policy version"</label>
            <textarea id="edit_banner" class="code" rows="16" prop:value=banner on:input=move |ev| banner.set(event_target_value(&ev))></textarea>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <button type="submit">"Save"</button>
            <button type="button" class="secondary" on:click=move |_| on_done()>"Cancel"</button>
        </form>
    }
}
