use super::client::{self, ClientError};
use super::{api_resource, loaded, short_time};
use crate::dto::{
    AssetPage, CollectionPointPage, ConsentLinkCreated, ConsentLinkHistory, ConsentLinkStatus, ConsentRequestDto, CreateConsentLink,
    RegenerateConsentLink,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// History page size.
const PAGE: i64 = 50;

/// One collection point in a select.
#[derive(Debug, Clone, PartialEq)]
struct CpOption {
    id: String,
    display_id: String,
    name: String,
}

/// The link just created or regenerated, with why its email failed, if it did.
#[derive(Debug, Clone, PartialEq)]
struct NewLink {
    heading: &'static str,
    link: ConsentLinkCreated,
    email_error: Option<String>,
}

/// Percent-encodes a value for a query string or a path segment.
fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A `datetime-local` value (`2026-04-21T08:30`, maybe with seconds) as `2026-04-21T08:30:00Z`.
fn to_utc(v: &str) -> Option<String> {
    v.trim().get(..16).map(|minute| format!("{minute}:00Z"))
}

fn or_dash(v: Option<&str>) -> String {
    v.filter(|s| !s.is_empty()).map(str::to_string).unwrap_or_else(|| "—".into())
}

fn time_or_dash(v: Option<&str>) -> String {
    v.map(short_time).unwrap_or_else(|| "—".into())
}

/// What happened to the email, as `(class, text)`; `None` when no email was asked for.
fn delivery(link: &ConsentLinkCreated, email_error: Option<&str>) -> Option<(&'static str, String)> {
    match link.delivery_status.get("email").map(String::as_str) {
        None => None,
        Some("sent") => Some(("ok", "Email sent".to_string())),
        Some("failed") => Some((
            "error",
            match email_error {
                Some(e) if !e.is_empty() => format!("Email failed: {e}"),
                _ => "Email failed".to_string(),
            },
        )),
        Some(other) => Some(("muted", format!("Email {other}"))),
    }
}

/// Why the email of a just-created link failed; only asked when it did.
async fn email_error_of(link: &ConsentLinkCreated) -> Option<String> {
    if link.delivery_status.get("email").map(String::as_str) != Some("failed") {
        return None;
    }
    client::get::<ConsentRequestDto>(&format!("/api/v1/consent-requests/{}", enc(&link.request_id))).await.ok().and_then(|r| r.email_error)
}

/// The collection points of the asset `asset` names, loaded whenever it changes.
fn collection_points_of(asset: RwSignal<String>) -> impl Fn() -> Vec<CpOption> + Copy {
    let page = api_resource::<CollectionPointPage>(move || {
        let asset = asset.get();
        (!asset.is_empty()).then(|| format!("/api/v1/collection-points?limit=200&asset_id={}", enc(&asset)))
    });
    move || {
        let asset = asset.get();
        loaded(page)
            .and_then(Result::ok)
            .map(|p| {
                p.items
                    .into_iter()
                    .filter(|cp| cp.asset_id == asset)
                    .map(|cp| CpOption { id: cp.id, display_id: cp.display_id, name: cp.name })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// One request's status (the dialect) and details (the management view), together.
async fn request_details(id: String) -> Result<(ConsentLinkStatus, ConsentRequestDto), ClientError> {
    let path_id = enc(&id);
    let status = client::get::<ConsentLinkStatus>(&format!("/api/v1/external/public/consent-link/status/{path_id}")).await?;
    let request = client::get::<ConsentRequestDto>(&format!("/api/v1/consent-requests/{path_id}")).await?;
    Ok((status, request))
}

#[component]
pub fn ConsentLinksPage() -> impl IntoView {
    let asset_page = api_resource::<AssetPage>(|| Some("/api/v1/assets?limit=200".into()));
    let assets = move || -> Vec<(String, String)> {
        loaded(asset_page).and_then(Result::ok).map(|p| p.items.into_iter().map(|a| (a.id, a.name)).collect()).unwrap_or_default()
    };
    let assets_loaded = move || loaded(asset_page).is_some();

    // The create form.
    let asset_id = RwSignal::new(String::new());
    let cps = collection_points_of(asset_id);
    let cp_id = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let expiry = RwSignal::new("24".to_string());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<NewLink>);

    // History: the query the filters last asked for; the table follows it.
    let h_asset = RwSignal::new(String::new());
    let h_cps = collection_points_of(h_asset);
    let h_cp = RwSignal::new(String::new());
    let h_event = RwSignal::new(String::new());
    let h_dp = RwSignal::new(String::new());
    let h_from = RwSignal::new(String::new());
    let h_to = RwSignal::new(String::new());
    let offset = RwSignal::new(0i64);
    let history_query = RwSignal::new(None::<String>);
    let history = api_resource::<ConsentLinkHistory>(move || {
        history_query.get().map(|q| format!("/api/v1/external/public/consent-link/history?{q}"))
    });

    // Details of one request.
    let selected = RwSignal::new(None::<String>);
    let detail = LocalResource::new(move || {
        let id = selected.get();
        async move {
            match id {
                Some(id) => Some(request_details(id).await.map_err(|e| e.message)),
                None => None,
            }
        }
    });
    let regen_busy = RwSignal::new(false);
    let regen_error = RwSignal::new(None::<String>);
    let regen_note = RwSignal::new(None::<String>);

    let hours = move || expiry.get_untracked().trim().parse::<i64>().unwrap_or(24);

    // Asks the history for what the filters say now (again, if they say the same).
    let load_history = move || {
        // Called after awaits too, when the page may be gone: then there is nothing to load.
        let Some(asset) = h_asset.try_get_untracked() else {
            return;
        };
        if asset.is_empty() {
            return;
        }
        let mut query = format!("asset_id={}", enc(&asset));
        let get = |s: RwSignal<String>| s.try_get_untracked().unwrap_or_default();
        for (key, value) in [("collection_point_id", get(h_cp)), ("event_id", get(h_event)), ("dp_id", get(h_dp))] {
            let value = value.trim();
            if !value.is_empty() {
                query.push_str(&format!("&{key}={}", enc(value)));
            }
        }
        for (key, value) in [("from", get(h_from)), ("to", get(h_to))] {
            if let Some(ts) = to_utc(&value) {
                query.push_str(&format!("&{key}={}", enc(&ts)));
            }
        }
        query.push_str(&format!("&limit={PAGE}&offset={}", offset.try_get_untracked().unwrap_or_default()));
        if history_query.try_get_untracked().flatten().as_deref() == Some(query.as_str()) {
            history.refetch();
        } else {
            history_query.try_set(Some(query));
        }
    };

    let show_details = move |id: String| {
        if selected.try_get_untracked().flatten().as_deref() != Some(id.as_str()) {
            regen_error.try_set(None);
            regen_note.try_set(None);
            selected.try_set(Some(id));
        } else {
            detail.refetch();
        }
    };

    // The first asset is chosen for the form and the history once the assets are in.
    Effect::new(move |_| {
        if let Some((first, _)) = assets().into_iter().next() {
            if asset_id.get_untracked().is_empty() {
                asset_id.set(first.clone());
            }
            if h_asset.get_untracked().is_empty() {
                h_asset.set(asset_id.get_untracked());
                load_history();
            }
        }
    });

    // The form's collection point follows its asset's list.
    Effect::new(move |_| {
        let list = cps();
        if !list.iter().any(|c| c.id == cp_id.get_untracked()) {
            cp_id.set(list.first().map(|c| c.id.clone()).unwrap_or_default());
        }
    });

    // A history filter for a collection point of another asset is dropped.
    Effect::new(move |_| {
        let list = h_cps();
        let current = h_cp.get_untracked();
        if !current.is_empty() && !list.is_empty() && !list.iter().any(|c| c.id == current) {
            h_cp.set(String::new());
        }
    });

    let copy = move |link: String| {
        #[cfg(feature = "admin-hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&link);
        }
        #[cfg(not(feature = "admin-hydrate"))]
        let _ = link;
    };

    // Choosing the form's asset also shows that asset's history.
    let choose_asset = move |id: String| {
        asset_id.set(id.clone());
        h_asset.set(id);
        h_cp.set(String::new());
        offset.set(0);
        load_history();
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        created.set(None);
        let email_value = email.get_untracked().trim().to_string();
        let body = CreateConsentLink {
            collection_point_id: cp_id.get_untracked(),
            asset_id: asset_id.get_untracked(),
            phone: phone.get_untracked().trim().to_string(),
            email: (!email_value.is_empty()).then_some(email_value),
            expiry_hours: Some(hours()),
            data_collection_timestamp: None,
        };
        busy.set(true);
        spawn_local(async move {
            match client::post::<_, ConsentLinkCreated>("/api/consent/consent-links", &body).await {
                Ok(link) => {
                    let email_error = email_error_of(&link).await;
                    created.set(Some(NewLink { heading: "Consent link created", link, email_error }));
                    phone.set(String::new());
                    email.set(String::new());
                    load_history();
                }
                Err(e) => error.set(Some(e.message)),
            }
            busy.set(false);
        });
    };

    let regenerate = move |id: String| {
        regen_error.set(None);
        regen_note.set(None);
        regen_busy.set(true);
        let body = RegenerateConsentLink { expiry_hours: Some(hours()) };
        spawn_local(async move {
            match client::post::<_, ConsentLinkCreated>(&format!("/api/consent/consent-links/{}/regenerate", enc(&id)), &body).await {
                Ok(link) => {
                    let email_error = email_error_of(&link).await;
                    let request_id = link.request_id.clone();
                    let note = format!("Link regenerated; the new link expires {}.", short_time(&link.expires_at));
                    created.set(Some(NewLink { heading: "Consent link regenerated", link, email_error }));
                    show_details(request_id);
                    regen_note.set(Some(note));
                    load_history();
                }
                Err(e) => regen_error.set(Some(e.message)),
            }
            regen_busy.set(false);
        });
    };

    let on_search = move |ev: SubmitEvent| {
        ev.prevent_default();
        offset.set(0);
        load_history();
    };

    let create_form = view! {
        <form class="card" on:submit=on_submit aria-label="Consent link">
            <h2>"New consent link"</h2>
            <label for="link_asset">"Asset"</label>
            <select id="link_asset" required prop:value=asset_id on:change=move |ev| choose_asset(event_target_value(&ev))>
                {move || assets().into_iter().map(|(id, n)| {
                    let this = id.clone();
                    view! { <option value=id prop:selected={move || asset_id.get() == this}>{n}</option> }
                }).collect_view()}
            </select>
            <label for="link_cp">"Collection point"</label>
            <select id="link_cp" required prop:value=cp_id on:change=move |ev| cp_id.set(event_target_value(&ev))>
                {move || cps().into_iter().map(|CpOption { id, display_id, name }| {
                    let this = id.clone();
                    let label = format!("{display_id} — {name}");
                    view! { <option value=id prop:selected={move || cp_id.get() == this}>{label}</option> }
                }).collect_view()}
            </select>
            {move || (assets_loaded() && !asset_id.get().is_empty() && cps().is_empty())
                .then(|| view! { <p class="muted">"This asset has no collection points yet."</p> })}
            <label for="link_phone">"Phone"</label>
            <input id="link_phone" type="tel" required autocomplete="off" placeholder="+919876543210 or 10 digits"
                prop:value=phone on:input=move |ev| phone.set(event_target_value(&ev))/>
            <label for="link_email">"Email (optional)"</label>
            <input id="link_email" type="email" autocomplete="off" prop:value=email on:input=move |ev| email.set(event_target_value(&ev))/>
            <label for="link_expiry">"Expires after (hours)"</label>
            <input id="link_expiry" type="number" min="1" max="24" step="1" required
                prop:value=expiry on:input=move |ev| expiry.set(event_target_value(&ev))/>
            <div class="actions">
                <button type="submit" disabled=busy>"Create link"</button>
            </div>
        </form>
    }
    .into_any();

    let created_card = move || {
        created.get().map(|n| {
            let link = n.link.consent_link.clone();
            let result = delivery(&n.link, n.email_error.as_deref());
            view! {
                <div class="card" role="status">
                    <strong>{n.heading}</strong>
                    <p><code class="key" data-testid="new-consent-link">{n.link.consent_link.clone()}</code></p>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=move |_| copy(link.clone())>"Copy link"</button>
                    </div>
                    <p class="muted">{format!("Expires {}", short_time(&n.link.expires_at))}</p>
                    {result.map(|(class, text)| view! { <p class=class>{text}</p> })}
                </div>
            }
        })
    };

    let filters = view! {
        <form class="card" on:submit=on_search aria-label="History filters">
            <label for="hist_asset">"Filter by asset"</label>
            <select id="hist_asset" prop:value=h_asset on:change=move |ev| h_asset.set(event_target_value(&ev))>
                {move || assets().into_iter().map(|(id, n)| {
                    let this = id.clone();
                    view! { <option value=id prop:selected={move || h_asset.get() == this}>{n}</option> }
                }).collect_view()}
            </select>
            <label for="hist_cp">"Filter by collection point"</label>
            <select id="hist_cp" prop:value=h_cp on:change=move |ev| h_cp.set(event_target_value(&ev))>
                <option value="" prop:selected={move || h_cp.get().is_empty()}>"All collection points"</option>
                {move || h_cps().into_iter().map(|CpOption { id, display_id, name }| {
                    let this = id.clone();
                    let label = format!("{display_id} — {name}");
                    view! { <option value=id prop:selected={move || h_cp.get() == this}>{label}</option> }
                }).collect_view()}
            </select>
            <label for="hist_event">"Event id"</label>
            <input id="hist_event" autocomplete="off" prop:value=h_event on:input=move |ev| h_event.set(event_target_value(&ev))/>
            <label for="hist_dp">"DP id"</label>
            <input id="hist_dp" autocomplete="off" prop:value=h_dp on:input=move |ev| h_dp.set(event_target_value(&ev))/>
            <label for="hist_from">"From"</label>
            <input id="hist_from" type="datetime-local" prop:value=h_from on:input=move |ev| h_from.set(event_target_value(&ev))/>
            <label for="hist_to">"To"</label>
            <input id="hist_to" type="datetime-local" prop:value=h_to on:input=move |ev| h_to.set(event_target_value(&ev))/>
            <p class="muted">"Times are UTC."</p>
            <div class="actions">
                <button type="submit">"Search"</button>
            </div>
        </form>
    }
    .into_any();

    let history_view = move || match loaded(history) {
        None if assets_loaded() && assets().is_empty() => {
            view! { <p class="muted">"No assets yet. Create an asset and a collection point first."</p> }.into_any()
        }
        None => view! { <p class="muted">"Loading…"</p> }.into_any(),
        Some(Err(e)) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
        Some(Ok(h)) => {
            let s = h.summary;
            let count = h.count;
            let known = h_cps();
            let rows = if h.data.is_empty() {
                view! { <p class="muted">"No consent links match."</p> }.into_any()
            } else {
                view! {
                    <table class="list" aria-label="Consent link history">
                        <thead>
                            <tr>
                                <th>"Request"</th><th>"Phone"</th><th>"Collection point"</th><th>"Status"</th><th>"Created"</th>
                                <th>"Expires"</th><th>"Completed"</th><th>"Action"</th><th>"Regenerated"</th><th></th>
                            </tr>
                        </thead>
                        <tbody>
                            {h.data.into_iter().map(|r| {
                                let cp = known
                                    .iter()
                                    .find(|c| c.id == r.collection_point_id || c.display_id == r.collection_point_id)
                                    .map(|c| c.display_id.clone())
                                    .unwrap_or_else(|| r.collection_point_id.clone());
                                let rid = r.request_id.clone();
                                view! {
                                    <tr>
                                        <td><code>{r.request_id.clone()}</code></td>
                                        <td>{r.phone.clone()}</td>
                                        <td>{cp}</td>
                                        <td>{r.status.clone()}</td>
                                        <td>{short_time(&r.created_at)}</td>
                                        <td>{short_time(&r.expires_at)}</td>
                                        <td>{time_or_dash(r.completed_at.as_deref())}</td>
                                        <td>{or_dash(r.consent_action.as_deref())}</td>
                                        <td>{r.regeneration_count}</td>
                                        <td class="row-actions">
                                            <button type="button" class="secondary" on:click=move |_| show_details(rid.clone())>"Details"</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            };
            view! {
                <div class="tiles">
                    <div class="tile"><span class="num">{s.total_links}</span><span>"total links"</span></div>
                    <div class="tile"><span class="num">{s.active}</span><span>"active"</span></div>
                    <div class="tile"><span class="num">{s.completed}</span><span>"completed"</span></div>
                    <div class="tile"><span class="num">{s.expired}</span><span>"expired"</span></div>
                </div>
                {rows}
                <p class="muted">{format!("{count} in total")}</p>
                <div class="actions">
                    <button type="button" class="secondary" disabled={move || offset.get() <= 0}
                        on:click=move |_| {
                            offset.update(|o| *o = (*o - PAGE).max(0));
                            load_history();
                        }>"Previous"</button>
                    <button type="button" class="secondary" disabled={move || offset.get() + PAGE >= count}
                        on:click=move |_| {
                            offset.update(|o| *o += PAGE);
                            load_history();
                        }>"Next"</button>
                </div>
            }
            .into_any()
        }
    };

    let detail_view = move || match detail.get().flatten() {
        None => view! { <p class="muted">"Loading…"</p> }.into_any(),
        Some(Err(e)) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
        Some(Ok((st, rq))) => {
            let link = rq.consent_link.clone();
            let can_regenerate = st.status != "complete";
            let request_id = st.request_id.clone();
            let cp = match (st.collection_point.display_id.clone(), st.collection_point.name.clone()) {
                (Some(d), Some(n)) => format!("{d} — {n}"),
                (Some(d), None) => d,
                (None, Some(n)) => n,
                (None, None) => "—".to_string(),
            };
            let email_delivery = match rq.email_status.as_deref() {
                None => "no email".to_string(),
                Some(s) => s.to_string(),
            };
            let mut fields: Vec<(&'static str, String)> = vec![
                ("Request", st.request_id.clone()),
                ("Status", st.status.clone()),
                ("Collection point", cp),
                ("DP id", rq.dp_id.clone()),
                ("Phone", rq.phone.clone()),
                ("Email", or_dash(rq.email.as_deref())),
                ("Email delivery", email_delivery),
            ];
            if let Some(e) = rq.email_error.clone().filter(|e| !e.is_empty()) {
                fields.push(("Email error", e));
            }
            fields.extend([
                ("Created", short_time(&rq.created_at)),
                ("Expires", short_time(&rq.expires_at)),
                ("Completed", time_or_dash(st.completed_at.as_deref())),
                ("Consent action", or_dash(st.consent_action.as_deref())),
                ("Regenerated", rq.regeneration_count.to_string()),
            ]);
            let logs = if st.consent_logs.is_empty() {
                view! { <p class="muted">"No consent recorded yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="consent-logs">
                        {st.consent_logs.into_iter().map(|l| view! {
                            <li>
                                {format!("{} · {} · {}", short_time(&l.timestamp), l.action, l.source)}
                                <ul>
                                    {l.purpose_consents.into_iter().map(|p| view! {
                                        <li>{format!("{}: {}", p.name, if p.granted { "granted" } else { "declined" })}</li>
                                    }).collect_view()}
                                </ul>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            };
            view! {
                <dl class="details">
                    {fields.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    <div>
                        <dt>"Consent link"</dt>
                        <dd>
                            <code data-testid="detail-consent-link">{rq.consent_link.clone()}</code>
                            " "
                            <button type="button" class="secondary" on:click=move |_| copy(link.clone())>"Copy link"</button>
                        </dd>
                    </div>
                </dl>
                <h3>"Consent logs"</h3>
                {logs}
                {can_regenerate.then(move || view! {
                    <div class="actions">
                        <button type="button" disabled=regen_busy on:click=move |_| regenerate(request_id.clone())>"Regenerate link"</button>
                        <span class="muted">{move || format!("The new link will be valid for {} hours.", expiry.get().trim())}</span>
                    </div>
                })}
            }
            .into_any()
        }
    };

    view! {
        <h1>"Consent links"</h1>
        <p class="muted">"Send a person a link where they give or refuse consent for a collection point's purposes. Links expire after at most 24 hours and can be regenerated."</p>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        {created_card}
        {create_form}
        <h2>"History"</h2>
        {filters}
        {history_view}
        <Show when=move || selected.get().is_some()>
            <section class="card" aria-label="Request details">
                <h2>"Request details"</h2>
                {move || regen_note.get().map(|n| view! { <p class="ok">{n}</p> })}
                {move || regen_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                {detail_view}
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| selected.set(None)>"Close"</button>
                </div>
            </section>
        </Show>
    }
}
