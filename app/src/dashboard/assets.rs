use super::{api_resource, client, loaded, short_time};
use crate::dto::{AssetDto, AssetPage, CreateAsset, PatchAsset};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

const KINDS: [(&str, &str); 4] =
    [("website", "Website"), ("mobile_app", "Mobile app"), ("application", "Application"), ("offline", "Offline")];

#[component]
pub fn AssetsPage() -> impl IntoView {
    let list = api_resource::<AssetPage>(|| Some("/api/v1/assets?limit=200".into()));
    let editing = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new("website".to_string());
    let url = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);

    let reset = move || {
        editing.set(None);
        name.set(String::new());
        kind.set("website".into());
        url.set(String::new());
        description.set(String::new());
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        status.set(None);
        let url_value = url.get_untracked();
        let result_of_edit = editing.get_untracked();
        spawn_local(async move {
            let result = match result_of_edit {
                None => {
                    let body = CreateAsset {
                        name: name.get_untracked(),
                        kind: Some(kind.get_untracked()),
                        url: (!url_value.trim().is_empty()).then_some(url_value),
                        description: Some(description.get_untracked()),
                    };
                    client::post::<_, AssetDto>("/api/v1/assets", &body).await
                }
                Some(id) => {
                    let body = PatchAsset {
                        name: Some(name.get_untracked()),
                        kind: Some(kind.get_untracked()),
                        url: Some(url_value),
                        description: Some(description.get_untracked()),
                    };
                    client::patch::<_, AssetDto>(&format!("/api/v1/assets/{id}"), &body).await
                }
            };
            match result {
                Ok(a) => {
                    status.set(Some(format!("Saved “{}”.", a.name)));
                    reset();
                    list.refetch();
                }
                Err(e) => error.set(Some(e.message)),
            }
        });
    };

    let edit = move |a: AssetDto| {
        editing.set(Some(a.id));
        name.set(a.name);
        kind.set(a.kind);
        url.set(a.url.unwrap_or_default());
        description.set(a.description);
    };

    let remove = move |a: AssetDto| {
        error.set(None);
        spawn_local(async move {
            match client::delete::<serde_json::Value>(&format!("/api/v1/assets/{}", a.id)).await {
                Ok(_) => {
                    status.set(Some(format!("Deleted “{}”.", a.name)));
                    list.refetch();
                }
                Err(e) => error.set(Some(e.message)),
            }
        });
    };

    view! {
        <h1>"Assets"</h1>
        <p class="muted">"Websites, apps and places where you collect consent."</p>
        {move || status.get().map(|s| view! { <p class="ok" role="status">{s}</p> })}
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <form class="card" on:submit=on_submit aria-label="Asset">
            <h2>{move || if editing.get().is_some() { "Edit asset" } else { "New asset" }}</h2>
            <label for="asset_name">"Name"</label>
            <input id="asset_name" required prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for="asset_kind">"Kind"</label>
            <select id="asset_kind" prop:value=kind on:change=move |ev| kind.set(event_target_value(&ev))>
                {KINDS.iter().map(|(v, l)| view! { <option value=*v>{*l}</option> }).collect_view()}
            </select>
            <label for="asset_url">"URL"</label>
            <input id="asset_url" type="url" placeholder="https://example.com" prop:value=url on:input=move |ev| url.set(event_target_value(&ev))/>
            <label for="asset_description">"Description"</label>
            <textarea id="asset_description" prop:value=description on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            <div class="actions">
                <button type="submit">{move || if editing.get().is_some() { "Save changes" } else { "Create asset" }}</button>
                <Show when=move || editing.get().is_some()>
                    <button type="button" class="secondary" on:click=move |_| reset()>"Cancel"</button>
                </Show>
            </div>
        </form>
        {move || match loaded(list) {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(page)) if page.items.is_empty() => view! { <p class="muted">"No assets yet."</p> }.into_any(),
            Some(Ok(page)) => view! {
                <table class="list" aria-label="Assets">
                    <thead><tr><th>"Name"</th><th>"Kind"</th><th>"URL"</th><th>"Created"</th><th></th></tr></thead>
                    <tbody>
                        {page.items.into_iter().map(|a| {
                            let for_edit = a.clone();
                            let for_delete = a.clone();
                            view! {
                                <tr>
                                    <td>{a.name.clone()}</td>
                                    <td>{a.kind.clone()}</td>
                                    <td>{a.url.clone().unwrap_or_default()}</td>
                                    <td>{short_time(&a.created_at)}</td>
                                    <td class="row-actions">
                                        <button type="button" class="secondary" on:click=move |_| edit(for_edit.clone())>"Edit"</button>
                                        <button type="button" class="danger" on:click=move |_| remove(for_delete.clone())>"Delete"</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="muted">{format!("{} in total", page.total)}</p>
            }.into_any(),
        }}
    }
}
