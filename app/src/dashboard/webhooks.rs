//! Webhooks: subscriptions to consent updates, their deliveries and attempts, redelivery,
//! pausing and secret rotation.

use super::{act, api_resource, client, loaded, short_time};
use crate::dto::{
    RotateWebhookSecret, RotatedWebhookSecret, SubscribeRequest, Subscribed, WebhookDeliveryDetail, WebhookDeliveryDto,
    WebhookDeliveryPage, WebhookSubscriptionDto, WebhookSubscriptionPage,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

fn optional(s: String) -> Option<String> {
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

#[component]
pub fn WebhooksPage() -> impl IntoView {
    let list = api_resource::<WebhookSubscriptionPage>(|| Some("/api/v1/webhooks?limit=200".into()));
    let url = RwSignal::new(String::new());
    let custom_user_id = RwSignal::new(String::new());
    let reference = RwSignal::new(String::new());
    let consent_type = RwSignal::new(String::new());
    let secret = RwSignal::new(None::<(String, String)>);
    let error = RwSignal::new(None::<String>);
    let selected = RwSignal::new(None::<String>);

    let on_subscribe = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let body = SubscribeRequest {
            custom_user_id: optional(custom_user_id.get_untracked()),
            reference: optional(reference.get_untracked()),
            consent_type: optional(consent_type.get_untracked()),
            webhook_url: url.get_untracked(),
        };
        let subscribed = move |s: Subscribed| {
            secret.set(Some((s.webhook_url, s.secret)));
            url.set(String::new());
            list.refetch();
        };
        act(async move { client::post::<_, Subscribed>("/api/universalconsent/subscribe", &body).await }, subscribed, error);
    };
    let set_paused = move |id: String, paused: bool| {
        let body = serde_json::json!({"paused": paused});
        act(
            async move { client::patch::<_, WebhookSubscriptionDto>(&format!("/api/v1/webhooks/{id}"), &body).await },
            move |_| list.refetch(),
            error,
        );
    };
    let rotate = move |id: String| {
        let path = format!("/api/v1/webhooks/{id}/rotate-secret");
        let rotated = move |r: RotatedWebhookSecret| {
            let overlap = r.previous_secret_until.unwrap_or_default();
            secret.set(Some((format!("subscription {id} (the previous secret signs too until {overlap})"), r.secret)));
            list.refetch();
        };
        act(async move { client::post::<_, RotatedWebhookSecret>(&path, &RotateWebhookSecret::default()).await }, rotated, error);
    };
    let remove = move |id: String| {
        act(async move { client::delete::<serde_json::Value>(&format!("/api/v1/webhooks/{id}")).await }, move |_| list.refetch(), error);
    };

    view! {
        <h1>"Webhooks"</h1>
        <p class="muted">
            "Assent POSTs each matching consent change to your URL, signed per Standard Webhooks ("
            <code>"webhook-id"</code> ", " <code>"webhook-timestamp"</code> ", " <code>"webhook-signature"</code>
            "), retrying for about three days until your receiver answers 2xx. 410 Gone disables the subscription."
        </p>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        {move || secret.get().map(|(what, s)| view! {
            <div class="secret card" role="status">
                <strong>{format!("Signing secret for {what}")}</strong>
                <p>"Copy it now: it is shown only once."</p>
                <code class="key" data-testid="webhook-secret">{s}</code>
            </div>
        })}
        <form class="card" on:submit=on_subscribe aria-label="New subscription">
            <h2>"New subscription"</h2>
            <label for="wh_url">"Webhook URL"</label>
            <input id="wh_url" type="url" required placeholder="https://example.com/hooks/consent" prop:value=url on:input=move |ev| url.set(event_target_value(&ev))/>
            <label for="wh_user">"Only for CustomUserId (optional)"</label>
            <input id="wh_user" prop:value=custom_user_id on:input=move |ev| custom_user_id.set(event_target_value(&ev))/>
            <label for="wh_reference">"Only for Reference (optional)"</label>
            <input id="wh_reference" prop:value=reference on:input=move |ev| reference.set(event_target_value(&ev))/>
            <label for="wh_type">"Only for ConsentType (optional)"</label>
            <input id="wh_type" prop:value=consent_type on:input=move |ev| consent_type.set(event_target_value(&ev))/>
            <button type="submit">"Subscribe"</button>
        </form>
        {move || match loaded(list) {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(page)) if page.items.is_empty() => view! { <p class="muted">"No subscriptions yet."</p> }.into_any(),
            Some(Ok(page)) => view! {
                <table class="list" aria-label="Subscriptions">
                    <thead><tr><th>"URL"</th><th>"Criteria"</th><th>"Status"</th><th>"Created"</th><th></th></tr></thead>
                    <tbody>
                        {page.items.into_iter().map(|s| {
                            let criteria = [("CustomUserId", &s.custom_user_id), ("Reference", &s.reference), ("ConsentType", &s.consent_type)]
                                .into_iter()
                                .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} = {v}")))
                                .collect::<Vec<_>>();
                            let criteria = if criteria.is_empty() { "every consent".to_string() } else { criteria.join(", ") };
                            let active = s.status == "active";
                            let (id1, id2, id3, id4) = (s.id.clone(), s.id.clone(), s.id.clone(), s.id.clone());
                            view! {
                                <tr>
                                    <td><code>{s.url.clone()}</code></td>
                                    <td>{criteria}</td>
                                    <td>{s.status.clone()}{s.disabled_reason.clone().map(|r| format!(" ({r})"))}</td>
                                    <td>{short_time(&s.created_at)}</td>
                                    <td class="row-actions">
                                        <button type="button" class="secondary" on:click=move |_| selected.set(Some(id1.clone()))>"Deliveries"</button>
                                        <button type="button" class="secondary" on:click=move |_| set_paused(id2.clone(), active)>{if active { "Pause" } else { "Resume" }}</button>
                                        <button type="button" class="secondary" on:click=move |_| rotate(id3.clone())>"Rotate secret"</button>
                                        <button type="button" class="danger" on:click=move |_| remove(id4.clone())>"Delete"</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
        {move || selected.get().map(|id| view! { <Deliveries subscription_id=id/> })}
    }
}

/// One subscription's deliveries, with each one's attempts and a redeliver button.
#[component]
fn Deliveries(subscription_id: String) -> impl IntoView {
    let path = format!("/api/v1/webhooks/{subscription_id}/deliveries?limit=100");
    let list = api_resource::<WebhookDeliveryPage>(move || Some(path.clone()));
    let open = RwSignal::new(None::<String>);
    let detail = api_resource::<WebhookDeliveryDetail>(move || open.get().map(|id| format!("/api/v1/webhook-deliveries/{id}")));
    let error = RwSignal::new(None::<String>);
    let redeliver = move |id: String| {
        let redelivered = move |_| {
            list.refetch();
            detail.refetch();
        };
        let path = format!("/api/v1/webhook-deliveries/{id}/redeliver");
        act(async move { client::post::<_, WebhookDeliveryDto>(&path, &serde_json::json!({})).await }, redelivered, error);
    };
    view! {
        <h2>"Deliveries"</h2>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <button type="button" class="secondary" on:click=move |_| list.refetch()>"Refresh"</button>
        {move || match loaded(list) {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(page)) if page.items.is_empty() => view! { <p class="muted">"Nothing delivered yet."</p> }.into_any(),
            Some(Ok(page)) => view! {
                <table class="list" aria-label="Deliveries">
                    <thead><tr><th>"Created"</th><th>"Event"</th><th>"Status"</th><th>"Attempts"</th><th>"Last answer"</th><th>"Next attempt"</th><th></th></tr></thead>
                    <tbody>
                        {page.items.into_iter().map(|d| {
                            let (id1, id2) = (d.id.clone(), d.id.clone());
                            view! {
                                <tr>
                                    <td>{short_time(&d.created_at)}</td>
                                    <td>{d.event_type.clone()}</td>
                                    <td>{d.status.clone()}</td>
                                    <td>{d.attempts}</td>
                                    <td>{d.last_status.map(|s| s.to_string()).or(d.last_error.clone()).unwrap_or_default()}</td>
                                    <td>{d.next_attempt_at.as_deref().map(short_time).unwrap_or_default()}</td>
                                    <td class="row-actions">
                                        <button type="button" class="secondary" on:click=move |_| open.set(Some(id1.clone()))>"Attempts"</button>
                                        <button type="button" class="secondary" on:click=move |_| redeliver(id2.clone())>"Redeliver"</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
        {move || loaded(detail).map(|d| match d {
            Err(e) => view! { <p class="error">{e}</p> }.into_any(),
            Ok(d) => view! {
                <div class="card">
                    <h3>{format!("Delivery {}", d.delivery.id)}</h3>
                    <pre class="code">{serde_json::to_string_pretty(&d.payload).unwrap_or_default()}</pre>
                    <table class="list" aria-label="Attempts">
                        <thead><tr><th>"#"</th><th>"Started"</th><th>"Took"</th><th>"Status"</th><th>"Error"</th><th>"Answer"</th></tr></thead>
                        <tbody>
                            {d.attempts.into_iter().map(|a| view! {
                                <tr>
                                    <td>{a.attempt}</td>
                                    <td>{short_time(&a.started_at)}</td>
                                    <td>{format!("{} ms", a.duration_ms)}</td>
                                    <td>{a.response_status.map(|s| s.to_string()).unwrap_or_default()}</td>
                                    <td>{a.error.unwrap_or_default()}</td>
                                    <td><code>{a.response_body.unwrap_or_default()}</code></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any(),
        })}
    }
}
