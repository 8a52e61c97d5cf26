use super::{api_resource, loaded, short_time};
use crate::dto::{LedgerEntryPage, LedgerVerificationDto};
use leptos::prelude::*;

#[component]
pub fn AuditPage() -> impl IntoView {
    let entries = api_resource::<LedgerEntryPage>(|| Some("/api/v1/audit/events?limit=100".into()));
    let verification = api_resource::<LedgerVerificationDto>(|| Some("/api/v1/audit/verify".into()));
    view! {
        <h1>"Audit"</h1>
        <p class="muted">"Every consent change is one entry in a hash-chained ledger. Editing or deleting an entry breaks the chain."</p>
        <div class="card">
            {move || match loaded(verification) {
                None => view! { <p class="muted">"Verifying…"</p> }.into_any(),
                Some(Ok(v)) if v.ok => view! { <p class="ok" role="status">{format!("Ledger intact: {} entries verified.", v.entries)}</p> }.into_any(),
                Some(Ok(v)) => view! { <p class="error" role="alert">{format!("Ledger broken at {}", v.first_bad.map(|b| format!("entry {}: {}", b.seq, b.reason)).unwrap_or_default())}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            }}
            <button type="button" class="secondary" on:click=move |_| verification.refetch()>"Verify again"</button>
        </div>
        {move || match loaded(entries) {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(page)) if page.items.is_empty() => view! { <p class="muted">"No consent recorded yet."</p> }.into_any(),
            Some(Ok(page)) => view! {
                <table class="list" aria-label="Ledger entries">
                    <thead><tr><th>"#"</th><th>"When"</th><th>"Action"</th><th>"Data principal"</th><th>"Via"</th><th>"Purposes"</th><th>"Hash"</th></tr></thead>
                    <tbody>
                        {page.items.into_iter().map(|e| {
                            let purposes = e.purposes.iter().map(|p| format!("{}: {}", &p.purpose_id[..8.min(p.purpose_id.len())], if p.granted { "yes" } else { "no" })).collect::<Vec<_>>().join(", ");
                            view! {
                                <tr>
                                    <td>{e.seq}</td>
                                    <td>{short_time(&e.occurred_at)}</td>
                                    <td>{e.action.clone()}</td>
                                    <td><code>{e.principal_id[..8.min(e.principal_id.len())].to_string()}</code></td>
                                    <td>{e.collected_via.clone()}</td>
                                    <td>{purposes}</td>
                                    <td><code>{e.hash[..12.min(e.hash.len())].to_string()}</code></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
    }
}
