use super::{api_resource, client, copy_to_clipboard, loaded, short_time};
use crate::dto::{
    CheckpointOutcomeDto, LedgerEntryPage, LedgerVerificationDto, ReceiptCheckDto, ReceiptCheckRequest, ReceiptDto, SigningKeysDto,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn AuditPage() -> impl IntoView {
    let entries = api_resource::<LedgerEntryPage>(|| Some("/api/v1/audit/events?limit=100".into()));
    let verification = api_resource::<LedgerVerificationDto>(|| Some("/api/v1/audit/verify".into()));
    let keys = api_resource::<SigningKeysDto>(|| Some("/api/v1/signing-keys".into()));
    let message = RwSignal::new(None::<Result<String, String>>);
    let receipt = RwSignal::new(None::<ReceiptDto>);

    let rotate = move |_| {
        spawn_local(async move {
            match client::post::<_, SigningKeysDto>("/api/v1/signing-keys/rotate", &serde_json::json!({})).await {
                Ok(_) => {
                    message.set(Some(Ok("A new signing key is current; the previous one stays published.".into())));
                    keys.refetch();
                }
                Err(e) => message.set(Some(Err(e.message))),
            }
        });
    };
    let checkpoint = move |_| {
        spawn_local(async move {
            message.set(Some(match client::post::<_, CheckpointOutcomeDto>("/api/v1/audit/checkpoints", &serde_json::json!({})).await {
                Ok(CheckpointOutcomeDto { checkpoint: Some(c), .. }) => {
                    Ok(format!("Checkpoint written: entry {} ({}…).", c.seq, &c.hash[..12]))
                }
                Ok(_) => Ok("Nothing new since the last checkpoint.".into()),
                Err(e) => Err(e.message),
            }));
        });
    };
    let show_receipt = move |entry_id: String| {
        spawn_local(async move {
            match client::get::<ReceiptDto>(&format!("/api/v1/audit/events/{entry_id}/receipt")).await {
                Ok(r) => receipt.set(Some(r)),
                Err(e) => message.set(Some(Err(e.message))),
            }
        });
    };

    view! {
        <h1>"Audit"</h1>
        <p class="muted">"Every consent change is one entry in this organisation's own hash chain. Editing or deleting an entry breaks the chain; \
            every decision has a receipt signed with the organisation's key, which anyone can verify with the published keys."</p>
        {move || message.get().map(|m| match m {
            Ok(text) => view! { <p class="ok" role="status">{text}</p> }.into_any(),
            Err(text) => view! { <p class="error" role="alert">{text}</p> }.into_any(),
        })}
        <div class="card">
            {move || match loaded(verification) {
                None => view! { <p class="muted">"Verifying…"</p> }.into_any(),
                Some(Ok(v)) if v.ok => view! { <p class="ok" role="status">{format!("Ledger intact: {} entries verified.", v.entries)}</p> }.into_any(),
                Some(Ok(v)) => view! { <p class="error" role="alert">{format!("Ledger broken at {}", v.first_bad.map(|b| format!("entry {}: {}", b.seq, b.reason)).unwrap_or_default())}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            }}
            <button type="button" class="secondary" on:click=move |_| verification.refetch()>"Verify again"</button>
            <button type="button" class="secondary" on:click=checkpoint>"Checkpoint now"</button>
        </div>
        <div class="card">
            <h2>"Signing keys"</h2>
            {move || match loaded(keys) {
                None => view! { <p class="muted">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
                Some(Ok(k)) => view! {
                    <p>"Published at " <a href=k.jwks_uri.clone() data-testid="jwks-uri">{k.jwks_uri.clone()}</a></p>
                    <ul>
                        {k.keys.into_iter().map(|key| view! {
                            <li>
                                <code>{key.kid.clone()}</code>
                                {match key.retired_at {
                                    None => format!(" current, since {}", short_time(&key.created_at)),
                                    Some(r) => format!(" retired {}", short_time(&r)),
                                }}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <button type="button" class="secondary" on:click=rotate>"Rotate key"</button>
        </div>
        <ReceiptCheck/>
        {move || receipt.get().map(|r| {
            let text = serde_json::to_string_pretty(&r).unwrap_or_default();
            let copy = text.clone();
            view! {
                <div class="card" data-testid="receipt">
                    <h2>"Receipt"</h2>
                    <pre class="receipt-json">{text}</pre>
                    <button type="button" class="secondary" on:click=move |_| copy_to_clipboard(copy.clone())>"Copy"</button>
                </div>
            }
        })}
        {move || match loaded(entries) {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(page)) if page.items.is_empty() => view! { <p class="muted">"No consent recorded yet."</p> }.into_any(),
            Some(Ok(page)) => view! {
                <table class="list" aria-label="Ledger entries">
                    <thead><tr><th>"#"</th><th>"When"</th><th>"Action"</th><th>"Data principal"</th><th>"Via"</th><th>"Purposes"</th><th>"Hash"</th><th></th></tr></thead>
                    <tbody>
                        {page.items.into_iter().map(|e| {
                            let purposes = e.purposes.iter().map(|p| format!("{}: {}", &p.purpose_id[..8.min(p.purpose_id.len())], if p.granted { "yes" } else { "no" })).collect::<Vec<_>>().join(", ");
                            let id = e.id.clone();
                            view! {
                                <tr>
                                    <td>{e.seq}</td>
                                    <td>{short_time(&e.occurred_at)}</td>
                                    <td>{e.action.clone()}</td>
                                    <td><code>{e.principal_id[..8.min(e.principal_id.len())].to_string()}</code></td>
                                    <td>{e.collected_via.clone()}</td>
                                    <td>{purposes}</td>
                                    <td><code>{e.hash[..12.min(e.hash.len())].to_string()}</code></td>
                                    <td><button type="button" class="secondary" on:click=move |_| show_receipt(id.clone())>"Receipt"</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
    }
}

/// Checks a receipt someone brought: pasted as the downloaded file or the bare JWS.
#[component]
fn ReceiptCheck() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<ReceiptCheckDto, String>>);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = ReceiptCheckRequest { receipt: text.get_untracked() };
        spawn_local(async move {
            result.set(Some(client::post::<_, ReceiptCheckDto>("/api/v1/audit/receipts/check", &body).await.map_err(|e| e.message)));
        });
    };
    view! {
        <form class="card" on:submit=on_submit>
            <h2>"Check a receipt"</h2>
            <label for="receipt-text">"The receipt file's content, or the JWS"</label>
            <textarea id="receipt-text" rows="4" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button type="submit">"Check"</button>
            {move || result.get().map(|r| match r {
                Ok(c) if c.valid => {
                    let claims = c.claims.unwrap_or_default();
                    let stated = format!(
                        "{} {} on {} (entry {}).",
                        claims["principal"].as_str().unwrap_or_default(),
                        claims["action"].as_str().unwrap_or_default(),
                        claims["decided_at"].as_str().unwrap_or_default(),
                        claims["entry_seq"],
                    );
                    let ledger = if c.in_ledger { "The ledger still holds this entry with this hash." } else { "The ledger does NOT hold this entry with this hash." };
                    view! {
                        <p class=if c.in_ledger { "ok" } else { "error" } role="status" data-testid="receipt-check">
                            {format!("Valid: signed with key {}. {stated} {ledger}", c.kid.unwrap_or_default())}
                        </p>
                    }.into_any()
                }
                Ok(c) => view! { <p class="error" role="status" data-testid="receipt-check">{format!("Not valid: {}", c.problem.unwrap_or_default())}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            })}
        </form>
    }
}
