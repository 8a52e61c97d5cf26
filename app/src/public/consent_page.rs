//! The hosted consent page that a consent link opens: `/{org subdomain}/{display_id}/{link_id}`.
//! The server loads its data before rendering ([`load`]), so expired and unknown links get
//! their real HTTP status, and hands the same data to the browser for hydration; its form is a
//! plain POST, so it works without JavaScript too.

use crate::i18n::{language_name, Lang};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageState {
    /// Waiting for the person's first decision.
    Open,
    /// Decided; the person may change or withdraw.
    Decided,
    Expired,
    Replaced,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PagePurpose {
    pub id: String,
    pub name: String,
    pub description: String,
    pub required: bool,
    pub data_categories: Vec<String>,
    /// The person's current choice, once they decided.
    pub granted: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    /// `approved`, `declined`, `partially_approved` or `withdrawn`.
    pub action: String,
    pub decided_at: String,
    /// The ledger entry that records the decision.
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsentData {
    pub state: PageState,
    pub org_name: String,
    pub logo_url: Option<String>,
    pub brand_color: String,
    pub collection_point: String,
    pub version: i64,
    pub notice: String,
    pub notice_lang: String,
    pub notice_langs: Vec<String>,
    pub purposes: Vec<PagePurpose>,
    pub receipt: Option<Receipt>,
    pub expires_at: String,
}

impl ConsentData {
    #[cfg(feature = "ssr")]
    fn empty(state: PageState) -> Self {
        Self {
            state,
            org_name: String::new(),
            logo_url: None,
            brand_color: "#1f6feb".into(),
            collection_point: String::new(),
            version: 0,
            notice: String::new(),
            notice_lang: "en".into(),
            notice_langs: vec![],
            purposes: vec![],
            receipt: None,
            expires_at: String::new(),
        }
    }
}

impl ConsentData {
    /// The document's title, in the page's language.
    pub fn title(&self) -> String {
        let t = Lang::from_code(&self.notice_lang).unwrap_or(Lang::En).text();
        match self.state {
            PageState::Unknown => t.unknown_title.to_string(),
            PageState::Expired => t.expired_title.to_string(),
            PageState::Replaced => t.replaced_title.to_string(),
            PageState::Open | PageState::Decided => format!("{} · {}", self.collection_point, self.org_name),
        }
    }
}

/// Everything the page shows for one link, in the requested language where the admin wrote
/// one. The rules (which state, which language) are the service's; this maps its answer.
#[cfg(feature = "ssr")]
pub async fn load(
    services: &backend::Services,
    path: &backend::services::consent_links::LinkPath,
    lang: Option<&str>,
) -> Result<ConsentData, crate::error::AppError> {
    use backend::services::consent_links::{self as links, HostedPage};
    let page = match services.links.page(path, lang).await? {
        HostedPage::Unknown => return Ok(ConsentData::empty(PageState::Unknown)),
        HostedPage::Replaced { org } => {
            return Ok(ConsentData {
                org_name: org.brand_name,
                logo_url: org.logo_url,
                brand_color: org.brand_color,
                ..ConsentData::empty(PageState::Replaced)
            })
        }
        HostedPage::Live(page) => page,
    };
    let links::LivePage { org, request, collection_point: cp, state, notice_lang, granted, receipt } = *page;
    let decided = state == links::PageState::Decided;
    Ok(ConsentData {
        state: match state {
            links::PageState::Open => PageState::Open,
            links::PageState::Decided => PageState::Decided,
            links::PageState::Expired => PageState::Expired,
        },
        org_name: org.brand_name,
        logo_url: org.logo_url,
        brand_color: org.brand_color,
        collection_point: cp.name.clone(),
        version: cp.version,
        notice: cp.notices.get(&notice_lang).cloned().unwrap_or_default(),
        notice_langs: cp.notices.keys().cloned().collect(),
        notice_lang,
        purposes: cp
            .purposes
            .iter()
            .map(|p| PagePurpose {
                id: p.id.clone(),
                name: p.name.clone(),
                description: p.description.clone(),
                required: p.required,
                data_categories: p.data_categories.clone(),
                granted: decided.then(|| granted.get(&p.id).copied().unwrap_or(false)),
            })
            .collect(),
        receipt: receipt.map(|log| Receipt {
            action: log.action,
            decided_at: backend::human_utc(log.entry.occurred_at),
            reference: log.entry.id,
        }),
        expires_at: backend::human_utc(request.expires_at),
    })
}

/// The page at `path` (`/{subdomain}/{display_id}/{link_id}`), with its data.
#[component]
pub fn ConsentPage(path: String, data: Result<ConsentData, crate::error::AppError>) -> impl IntoView {
    crate::mark_hydrated();
    match data {
        Ok(d) => {
            set_status(d.state);
            view! { <ConsentView action=format!("{path}/decision") path=path data=d/> }.into_any()
        }
        Err(_) => view! { <main class="consent"><h1>"Something went wrong"</h1><p>"Please try again in a moment."</p></main> }.into_any(),
    }
}

/// Unknown links are 404; expired and replaced ones are gone (410).
fn set_status(state: PageState) {
    #[cfg(feature = "ssr")]
    {
        let code = match state {
            PageState::Unknown => Some(http::StatusCode::NOT_FOUND),
            PageState::Expired | PageState::Replaced => Some(http::StatusCode::GONE),
            _ => None,
        };
        if let (Some(code), Some(res)) = (code, use_context::<leptos_axum::ResponseOptions>()) {
            res.set_status(code);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = state;
}

#[component]
fn ConsentView(data: ConsentData, action: String, path: String) -> impl IntoView {
    let lang = Lang::from_code(&data.notice_lang).unwrap_or(Lang::En);
    let t = lang.text();
    let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
    let header = view! {
        <header class="consent-head">
            {data.logo_url.clone().map(|src| view! { <img src=src alt="" class="logo"/> })}
            <span class="org">{data.org_name.clone()}</span>
        </header>
    };
    let body = match data.state {
        PageState::Unknown => view! { <h1>{t.unknown_title}</h1><p>{t.unknown_body}</p> }.into_any(),
        PageState::Expired => view! { <h1>{t.expired_title}</h1><p>{t.expired_body}</p> }.into_any(),
        PageState::Replaced => view! { <h1>{t.replaced_title}</h1><p>{t.replaced_body}</p> }.into_any(),
        PageState::Open | PageState::Decided => {
            let langs = data.notice_langs.clone();
            let current_lang = data.notice_lang.clone();
            let switcher = (langs.len() > 1).then(|| {
                view! {
                    <nav class="langs" aria-label=t.language>
                        {langs.into_iter().map(|l| {
                            let here = l == current_lang;
                            view! { <a href=format!("{path}?lang={l}") lang=l.clone() aria-current=here.then_some("true")>{language_name(&l)}</a> }
                        }).collect_view()}
                    </nav>
                }
            });
            let receipt = data.receipt.clone().map(|r| {
                let purposes = data.purposes.clone();
                view! {
                    <section class="receipt" role="status" aria-labelledby="receipt-title">
                        <h2 id="receipt-title">{t.receipt}</h2>
                        <p>{format!("{} {} {} {}.", t.decided, t.action(&r.action), t.at, r.decided_at)}</p>
                        <ul>
                            {purposes.into_iter().map(|p| view! {
                                <li>{p.name.clone()} ": " <strong>{if p.granted == Some(true) { t.granted } else { t.declined }}</strong></li>
                            }).collect_view()}
                        </ul>
                        <p class="muted">{t.reference} ": " <code>{r.reference.clone()}</code></p>
                        <p class="muted">{t.change_hint}</p>
                    </section>
                }
            });
            let decided = data.state == PageState::Decided;
            let any_granted = data.purposes.iter().any(|p| p.granted == Some(true));
            view! {
                {switcher}
                <h1>{data.collection_point.clone()}</h1>
                <p class="muted">{format!("{} {}", data.org_name, t.asks_consent)}</p>
                {receipt}
                <section class="notice-text" lang=data.notice_lang.clone() dir=dir aria-labelledby="notice-title">
                    <h2 id="notice-title">{t.notice}</h2>
                    <p>{data.notice.clone()}</p>
                </section>
                <form method="post" action=action>
                    <input type="hidden" name="version" value=data.version.to_string()/>
                    <input type="hidden" name="lang" value=data.notice_lang.clone()/>
                    <fieldset>
                        <legend>{t.purposes}</legend>
                        <p class="muted">{t.purposes_hint}</p>
                        {data.purposes.iter().map(|p| {
                            let id = format!("purpose-{}", p.id);
                            let desc_id = format!("purpose-{}-desc", p.id);
                            let checked = p.required || p.granted == Some(true);
                            view! {
                                <div class="purpose-choice">
                                    <input type="checkbox" id=id.clone() name="purpose" value=p.id.clone() checked=checked
                                        disabled=p.required aria-describedby=desc_id.clone()/>
                                    <div>
                                        <label for=id>{p.name.clone()}
                                            {p.required.then(|| view! { " " <span class="badge">{t.required}</span> })}
                                        </label>
                                        <p id=desc_id class="muted">
                                            {p.description.clone()}
                                            {(!p.data_categories.is_empty()).then(|| view! {
                                                <span class="data-used">{format!("{}: {}", t.data_used, p.data_categories.join(", "))}</span>
                                            })}
                                        </p>
                                    </div>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="decide">
                        // Refusing is as easy and as visible as accepting: the same size, colour and place.
                        <div class="decide-main">
                            <button type="submit" name="decision" value="approve" class="choice">{t.approve}</button>
                            <button type="submit" name="decision" value="decline" class="choice">{t.decline}</button>
                        </div>
                        <button type="submit" name="decision" value="save" class="secondary">{t.save}</button>
                        {(decided && any_granted).then(|| view! {
                            <button type="submit" name="decision" value="withdraw" class="danger">{t.withdraw}</button>
                        })}
                    </div>
                </form>
                {(!decided).then(|| view! { <p class="muted">{format!("{} {}.", t.valid_until, data.expires_at)}</p> })}
            }
            .into_any()
        }
    };
    view! {
        <main class="consent">
            {header}
            {body}
        </main>
    }
}
