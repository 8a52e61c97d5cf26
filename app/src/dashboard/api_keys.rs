use super::{api_resource, client, copy_to_clipboard, loaded, short_time};
use crate::dto::{ApiKeyDto, ApiKeyPage, CreateApiKey, CreatedApiKeyDto};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ApiKeysPage() -> impl IntoView {
    let list = api_resource::<ApiKeyPage>(|| Some("/api/v1/api-keys?limit=200".into()));
    let name = RwSignal::new(String::new());
    let consent = RwSignal::new(true);
    let admin = RwSignal::new(false);
    let created = RwSignal::new(None::<CreatedApiKeyDto>);
    let error = RwSignal::new(None::<String>);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let mut scopes = Vec::new();
        if consent.get_untracked() {
            scopes.push("consent".to_string());
        }
        if admin.get_untracked() {
            scopes.push("admin".to_string());
        }
        let body = CreateApiKey { name: Some(name.get_untracked()), scopes };
        spawn_local(async move {
            match client::post::<_, CreatedApiKeyDto>("/api/v1/api-keys", &body).await {
                Ok(k) => {
                    created.set(Some(k));
                    name.set(String::new());
                    list.refetch();
                }
                Err(e) => error.set(Some(e.message)),
            }
        });
    };

    let revoke = move |k: ApiKeyDto| {
        spawn_local(async move {
            match client::delete::<ApiKeyDto>(&format!("/api/v1/api-keys/{}", k.id)).await {
                Ok(_) => list.refetch(),
                Err(e) => error.set(Some(e.message)),
            }
        });
    };

    view! {
        <h1>"API keys"</h1>
        <p class="muted">"Keys let your backend call Assent. Send one as " <code>"X-API-Key"</code> " or " <code>"Authorization: Token …"</code>
            ". The " <code>"consent"</code> " scope creates consent links and records consents; " <code>"admin"</code> " can do everything."</p>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        {move || created.get().map(|k| {
            let key = k.key.clone();
            view! {
                <div class="secret card" role="status">
                    <strong>{format!("New key “{}”", k.api_key.name)}</strong>
                    <p>"Copy it now: it is shown only once."</p>
                    <code class="key" data-testid="new-api-key">{k.key.clone()}</code>
                    <button type="button" class="secondary" on:click=move |_| copy_to_clipboard(key.clone())>"Copy"</button>
                </div>
            }
        })}
        <form class="card" on:submit=on_submit aria-label="API key">
            <h2>"New API key"</h2>
            <label for="key_name">"Name"</label>
            <input id="key_name" required placeholder="e.g. CRM backend" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            <fieldset>
                <legend>"Scopes"</legend>
                <label class="inline"><input type="checkbox" prop:checked=consent on:change=move |ev| consent.set(event_target_checked(&ev))/> "consent"</label>
                <label class="inline"><input type="checkbox" prop:checked=admin on:change=move |ev| admin.set(event_target_checked(&ev))/> "admin"</label>
            </fieldset>
            <button type="submit">"Create key"</button>
        </form>
        {move || match loaded(list) {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(page)) if page.items.is_empty() => view! { <p class="muted">"No API keys yet."</p> }.into_any(),
            Some(Ok(page)) => view! {
                <table class="list" aria-label="API keys">
                    <thead><tr><th>"Name"</th><th>"Key"</th><th>"Scopes"</th><th>"Created"</th><th>"Last used"</th><th>"Status"</th><th></th></tr></thead>
                    <tbody>
                        {page.items.into_iter().map(|k| {
                            let live = k.revoked_at.is_none();
                            let for_revoke = k.clone();
                            view! {
                                <tr>
                                    <td>{k.name.clone()}</td>
                                    <td><code>{format!("{}…", k.prefix)}</code></td>
                                    <td>{k.scopes.join(", ")}</td>
                                    <td>{short_time(&k.created_at)}</td>
                                    <td>{k.last_used_at.as_deref().map(short_time).unwrap_or_else(|| "never".into())}</td>
                                    <td>{if live { "active".to_string() } else { "revoked".to_string() }}</td>
                                    <td class="row-actions">
                                        <Show when=move || live>
                                            <button type="button" class="danger" on:click={
                                                let k = for_revoke.clone();
                                                move |_| revoke(k.clone())
                                            }>"Revoke"</button>
                                        </Show>
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
