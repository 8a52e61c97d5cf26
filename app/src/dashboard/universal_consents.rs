//! Universal consents: the seed-003 search, with every filter it lists and the fingerprint of
//! each record.

use super::{api_resource, loaded, short_time, url_encode};
use crate::dto::UniversalConsentSearchItem;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The search's filters, in the seed's names.
const FILTERS: &[(&str, &str)] = &[
    ("CustomUserId", "Custom user id"),
    ("Reference", "Reference"),
    ("ConsentType", "Consent type"),
    ("IP", "IP"),
    ("UserAgent", "User agent"),
    ("City", "City"),
    ("State", "State"),
    ("Country", "Country"),
];

#[component]
pub fn UniversalConsentsPage() -> impl IntoView {
    let values: Vec<RwSignal<String>> = FILTERS.iter().map(|_| RwSignal::new(String::new())).collect();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let given = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let results = api_resource::<Vec<UniversalConsentSearchItem>>(move || Some(format!("/api/universalconsent?Limit=200{}", query.get())));
    let inputs = values.clone();
    let on_search = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut q = String::new();
        for ((name, _), value) in FILTERS.iter().zip(&inputs) {
            let v = value.get_untracked();
            if !v.trim().is_empty() {
                q.push_str(&format!("&{name}={}", url_encode(v.trim())));
            }
        }
        for (name, signal) in [("FromDate", from), ("ToDate", to), ("ConsentGiven", given)] {
            let v = signal.get_untracked();
            if !v.is_empty() {
                q.push_str(&format!("&{name}={}", url_encode(&v)));
            }
        }
        query.set(q);
    };
    view! {
        <h1>"Universal consents"</h1>
        <p class="muted">"Consents recorded through " <code>"/api/universalconsent"</code> " and integrations. Without dates, the last week."</p>
        <form class="card filters" on:submit=on_search aria-label="Search consents">
            {FILTERS.iter().zip(values).map(|((name, label), value)| {
                let id = format!("uc_{name}");
                view! {
                    <label for=id.clone()>{*label}</label>
                    <input id=id prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
                }
            }).collect_view()}
            <label for="uc_from">"From"</label>
            <input id="uc_from" type="date" prop:value=from on:input=move |ev| from.set(event_target_value(&ev))/>
            <label for="uc_to">"To"</label>
            <input id="uc_to" type="date" prop:value=to on:input=move |ev| to.set(event_target_value(&ev))/>
            <label for="uc_given">"Consent given"</label>
            <select id="uc_given" on:change=move |ev| given.set(event_target_value(&ev))>
                <option value="">"any"</option>
                <option value="true">"yes (All or Partial)"</option>
                <option value="false">"no (None)"</option>
            </select>
            <button type="submit">"Search"</button>
        </form>
        {move || match loaded(results) {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(items)) if items.is_empty() => view! { <p class="muted">"No consents match."</p> }.into_any(),
            Some(Ok(items)) => view! {
                <table class="list" aria-label="Universal consents">
                    <thead><tr><th>"Last updated"</th><th>"Reference"</th><th>"Given"</th><th>"Type"</th><th>"Client id"</th><th>"Custom user id"</th>
                        <th>"IP"</th><th>"Proxy"</th><th>"User agent"</th><th>"Place"</th></tr></thead>
                    <tbody>
                        {items.into_iter().map(|i| {
                            let f = i.fingerprint;
                            let place = [f.city, f.state, f.country].into_iter().flatten().collect::<Vec<_>>().join(", ");
                            view! {
                                <tr>
                                    <td>{short_time(&i.last_updated)}</td>
                                    <td>{i.reference}</td>
                                    <td>{if i.consent_given { "yes" } else { "no" }}</td>
                                    <td>{i.consent_type.unwrap_or_default()}</td>
                                    <td><code>{i.client_id}</code></td>
                                    <td>{f.custom_user_id.unwrap_or_default()}</td>
                                    <td>{f.ip.unwrap_or_default()}</td>
                                    <td>{f.proxified_ip.unwrap_or_default()}</td>
                                    <td class="ua">{f.user_agent.unwrap_or_default()}</td>
                                    <td>{place}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
    }
}
