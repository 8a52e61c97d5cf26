use super::{api_resource, client, loaded, short_time};
use crate::dto::{AssetPage, CollectionPointDto, CollectionPointPage, CreateCollectionPoint, PatchCollectionPoint, PurposeInput};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// One purpose being edited. `id` is set for purposes that already exist, so editing keeps it.
#[derive(Clone, Copy)]
struct PurposeRow {
    key: u32,
    id: RwSignal<Option<String>>,
    name: RwSignal<String>,
    description: RwSignal<String>,
    required: RwSignal<bool>,
    categories: RwSignal<String>,
}

#[derive(Clone, Copy)]
struct NoticeRow {
    key: u32,
    lang: RwSignal<String>,
    text: RwSignal<String>,
}

#[component]
pub fn CollectionPointsPage() -> impl IntoView {
    let list = api_resource::<CollectionPointPage>(|| Some("/api/v1/collection-points?limit=200".into()));
    let asset_page = api_resource::<AssetPage>(|| Some("/api/v1/assets?limit=200".into()));
    let assets = move || -> Vec<(String, String)> {
        loaded(asset_page).and_then(Result::ok).map(|p| p.items.into_iter().map(|a| (a.id, a.name)).collect()).unwrap_or_default()
    };
    let editing = RwSignal::new(None::<String>);
    let asset_id = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let display_id = RwSignal::new(String::new());
    let next_key = StoredValue::new(0u32);
    let purposes = RwSignal::new(Vec::<PurposeRow>::new());
    let notices = RwSignal::new(Vec::<NoticeRow>::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);

    let key = move || {
        next_key.update_value(|k| *k += 1);
        next_key.get_value()
    };
    let add_purpose = move |id: Option<String>, n: String, d: String, r: bool, c: String| {
        let row = PurposeRow {
            key: key(),
            id: RwSignal::new(id),
            name: RwSignal::new(n),
            description: RwSignal::new(d),
            required: RwSignal::new(r),
            categories: RwSignal::new(c),
        };
        purposes.update(|p| p.push(row));
    };
    let add_notice = move |lang: String, text: String| {
        let row = NoticeRow { key: key(), lang: RwSignal::new(lang), text: RwSignal::new(text) };
        notices.update(|n| n.push(row));
    };
    let reset = move || {
        editing.set(None);
        name.set(String::new());
        display_id.set(String::new());
        purposes.set(Vec::new());
        notices.set(Vec::new());
        add_purpose(None, String::new(), String::new(), false, String::new());
        add_notice("en".into(), String::new());
    };

    // A new collection point goes to the first asset unless the admin picks another.
    Effect::new(move |_| {
        if let Some(first) = assets().into_iter().next() {
            if asset_id.get_untracked().is_empty() {
                asset_id.set(first.0);
            }
        }
    });
    Effect::new(move |_| reset());

    let collect = move || {
        let purposes: Vec<PurposeInput> = purposes
            .get_untracked()
            .into_iter()
            .map(|p| PurposeInput {
                id: p.id.get_untracked(),
                name: p.name.get_untracked(),
                description: p.description.get_untracked(),
                required: p.required.get_untracked(),
                data_categories: p.categories.get_untracked().split(',').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect(),
            })
            .collect();
        let notices: BTreeMap<String, String> =
            notices.get_untracked().into_iter().map(|n| (n.lang.get_untracked(), n.text.get_untracked())).collect();
        (purposes, notices)
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        status.set(None);
        let (purposes, notices) = collect();
        let target = editing.get_untracked();
        spawn_local(async move {
            let result = match target {
                None => {
                    let display = display_id.get_untracked();
                    let body = CreateCollectionPoint {
                        asset_id: asset_id.get_untracked(),
                        name: name.get_untracked(),
                        display_id: (!display.trim().is_empty()).then_some(display),
                        purposes,
                        notices,
                    };
                    client::post::<_, CollectionPointDto>("/api/v1/collection-points", &body).await
                }
                Some(id) => {
                    let body = PatchCollectionPoint {
                        asset_id: Some(asset_id.get_untracked()),
                        name: Some(name.get_untracked()),
                        purposes: Some(purposes),
                        notices: Some(notices),
                    };
                    client::patch::<_, CollectionPointDto>(&format!("/api/v1/collection-points/{id}"), &body).await
                }
            };
            match result {
                Ok(cp) => {
                    status.set(Some(format!("Saved {} “{}” (version {}).", cp.display_id, cp.name, cp.version)));
                    reset();
                    list.refetch();
                }
                Err(e) => error.set(Some(e.message)),
            }
        });
    };

    let edit = move |cp: CollectionPointDto| {
        editing.set(Some(cp.id));
        asset_id.set(cp.asset_id);
        name.set(cp.name);
        display_id.set(cp.display_id);
        purposes.set(Vec::new());
        notices.set(Vec::new());
        for p in cp.purposes {
            add_purpose(Some(p.id), p.name, p.description, p.required, p.data_categories.join(", "));
        }
        for (lang, text) in cp.notices {
            add_notice(lang, text);
        }
    };

    let remove = move |cp: CollectionPointDto| {
        error.set(None);
        spawn_local(async move {
            match client::delete::<serde_json::Value>(&format!("/api/v1/collection-points/{}", cp.id)).await {
                Ok(_) => {
                    status.set(Some(format!("Deleted {}.", cp.display_id)));
                    list.refetch();
                }
                Err(e) => error.set(Some(e.message)),
            }
        });
    };

    let asset_name = move |id: &str| assets().into_iter().find(|(a, _)| a == id).map(|(_, n)| n).unwrap_or_default();

    view! {
        <h1>"Collection points"</h1>
        <p class="muted">"Each collection point asks for consent to a set of purposes, with a notice per language. Editing purposes or notices creates a new version; consents keep the version they were shown."</p>
        {move || status.get().map(|s| view! { <p class="ok" role="status">{s}</p> })}
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <form class="card" on:submit=on_submit aria-label="Collection point">
            <h2>{move || if editing.get().is_some() { "Edit collection point" } else { "New collection point" }}</h2>
            <label for="cp_asset">"Asset"</label>
            <select id="cp_asset" required prop:value=asset_id on:change=move |ev| asset_id.set(event_target_value(&ev))>
                {move || assets().into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view()}
            </select>
            <label for="cp_name">"Name"</label>
            <input id="cp_name" required prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for="cp_display_id">"Display id"</label>
            <input id="cp_display_id" placeholder="assigned as CP001, CP002, …" prop:disabled=move || editing.get().is_some()
                prop:value=display_id on:input=move |ev| display_id.set(event_target_value(&ev))/>
            <fieldset>
                <legend>"Purposes"</legend>
                <For each=move || purposes.get() key=|p| p.key let:p>
                    <div class="purpose">
                        <label>"Purpose name" <input required prop:value=p.name on:input=move |ev| p.name.set(event_target_value(&ev))/></label>
                        <label>"Description" <input prop:value=p.description on:input=move |ev| p.description.set(event_target_value(&ev))/></label>
                        <label>"Data categories (comma separated)" <input prop:value=p.categories on:input=move |ev| p.categories.set(event_target_value(&ev))/></label>
                        <label class="inline"><input type="checkbox" prop:checked=p.required on:change=move |ev| p.required.set(event_target_checked(&ev))/> "Required"</label>
                        <button type="button" class="secondary" on:click=move |_| purposes.update(|v| v.retain(|x| x.key != p.key))>"Remove purpose"</button>
                    </div>
                </For>
                <button type="button" class="secondary" on:click=move |_| add_purpose(None, String::new(), String::new(), false, String::new())>"Add purpose"</button>
            </fieldset>
            <fieldset>
                <legend>"Notice"</legend>
                <For each=move || notices.get() key=|n| n.key let:n>
                    <div class="notice-row">
                        <label>"Language code" <input required size="5" prop:value=n.lang on:input=move |ev| n.lang.set(event_target_value(&ev))/></label>
                        <label>"Notice text" <textarea required prop:value=n.text on:input=move |ev| n.text.set(event_target_value(&ev))></textarea></label>
                        <button type="button" class="secondary" on:click=move |_| notices.update(|v| v.retain(|x| x.key != n.key))>"Remove language"</button>
                    </div>
                </For>
                <button type="button" class="secondary" on:click=move |_| add_notice(String::new(), String::new())>"Add language"</button>
            </fieldset>
            <div class="actions">
                <button type="submit">{move || if editing.get().is_some() { "Save changes" } else { "Create collection point" }}</button>
                <Show when=move || editing.get().is_some()>
                    <button type="button" class="secondary" on:click=move |_| reset()>"Cancel"</button>
                </Show>
            </div>
        </form>
        {move || match loaded(list) {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(page)) if page.items.is_empty() => view! { <p class="muted">"No collection points yet."</p> }.into_any(),
            Some(Ok(page)) => view! {
                <table class="list" aria-label="Collection points">
                    <thead><tr><th>"Id"</th><th>"Name"</th><th>"Asset"</th><th>"Purposes"</th><th>"Languages"</th><th>"Version"</th><th>"Updated"</th><th></th></tr></thead>
                    <tbody>
                        {page.items.into_iter().map(|cp| {
                            let for_edit = cp.clone();
                            let for_delete = cp.clone();
                            let purposes = cp.purposes.iter().map(|p| if p.required { format!("{} (required)", p.name) } else { p.name.clone() }).collect::<Vec<_>>().join(", ");
                            let langs = cp.notices.keys().cloned().collect::<Vec<_>>().join(", ");
                            let asset = asset_name(&cp.asset_id);
                            view! {
                                <tr>
                                    <td><code>{cp.display_id.clone()}</code></td>
                                    <td>{cp.name.clone()}</td>
                                    <td>{asset}</td>
                                    <td>{purposes}</td>
                                    <td>{langs}</td>
                                    <td>{cp.version}</td>
                                    <td>{short_time(&cp.updated_at)}</td>
                                    <td class="row-actions">
                                        <button type="button" class="secondary" on:click=move |_| edit(for_edit.clone())>"Edit"</button>
                                        <button type="button" class="danger" on:click=move |_| remove(for_delete.clone())>"Delete"</button>
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
