//! The hosted consent page that a consent link opens: `/{org subdomain}/{display_id}/{link_id}`.
//! The server loads its data before rendering ([`load`]), so expired and unknown links get
//! their real HTTP status, and hands the same data to the browser for hydration; its form is a
//! plain POST, so it works without JavaScript too.

use crate::i18n::Texts;
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
    /// "Data used: …", in the page's language, when the purpose names its data.
    pub data_used: Option<String>,
    /// The person's current choice, once they decided.
    pub granted: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    /// What was decided and when, in the page's language.
    pub summary: String,
    /// "Reference: …" (the ledger entry that records the decision), in the page's language.
    pub reference: String,
}

/// A language the organisation wrote its notice in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeLanguage {
    pub code: String,
    /// Its own name for itself (the code, when Assent does not know the language).
    pub name: String,
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
    pub notice_langs: Vec<NoticeLanguage>,
    pub purposes: Vec<PagePurpose>,
    pub receipt: Option<Receipt>,
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
        }
    }
}

impl ConsentData {
    /// The document's title, in the page's language.
    pub fn title(&self, t: &Texts) -> String {
        match self.state {
            PageState::Unknown => t.get("page-unknown-title"),
            PageState::Expired => t.get("page-expired-title"),
            PageState::Replaced => t.get("page-replaced-title"),
            PageState::Open | PageState::Decided => format!("{} · {}", self.collection_point, self.org_name),
        }
    }
}

/// The messages the page shows whatever its state.
#[cfg(feature = "ssr")]
const PAGE_MESSAGES: &[&str] = &[
    "page-language",
    "page-notice",
    "page-purposes",
    "page-purposes-hint",
    "page-required",
    "page-approve",
    "page-decline",
    "page-save",
    "page-withdraw",
    "page-receipt-title",
    "page-granted",
    "page-not-granted",
    "page-change-hint",
    "page-expired-title",
    "page-expired-body",
    "page-replaced-title",
    "page-replaced-body",
    "page-unknown-title",
    "page-unknown-body",
    "page-error-title",
    "page-error-body",
];

/// Everything the page shows for one link, in the reader's language: the first of
/// `preferred` (an explicit `?lang=`) that Assent speaks, else the browser's, else English.
/// The notice is the organisation's text in that language when it wrote one. The rules
/// (which state, which notice) are the service's; this maps its answer.
#[cfg(feature = "ssr")]
pub async fn load(
    services: &backend::Services,
    path: &backend::services::consent_links::LinkPath,
    preferred: &[&str],
    accept_language: Option<&str>,
) -> (Texts, Result<ConsentData, crate::error::AppError>) {
    use crate::i18n::Resolver;
    use backend::i18n::{catalogue, Overrides};
    use backend::services::consent_links::{self as links, HostedPage};
    let locale = catalogue().negotiate(preferred, accept_language);
    let plain = |overrides| Resolver::new(locale, overrides).plain(PAGE_MESSAGES);
    let wanted_notice = preferred.first().copied().unwrap_or(locale.code());
    let page = match services.links.page(path, Some(wanted_notice)).await {
        Ok(page) => page,
        Err(e) => return (plain(Overrides::default()).finish(), Err(e.into())),
    };
    let org_id = match &page {
        HostedPage::Unknown => None,
        HostedPage::Replaced { org } => Some(org.id.clone()),
        HostedPage::Live(page) => Some(page.org.id.clone()),
    };
    let overrides = match org_id {
        Some(id) => match services.tenancy.overrides_for(&id, locale).await {
            Ok(o) => o,
            Err(e) => return (plain(Overrides::default()).finish(), Err(e.into())),
        },
        None => Overrides::default(),
    };
    let texts = plain(overrides);
    let page = match page {
        HostedPage::Unknown => return (texts.finish(), Ok(ConsentData::empty(PageState::Unknown))),
        HostedPage::Replaced { org } => {
            let data = ConsentData {
                org_name: org.brand_name,
                logo_url: org.logo_url,
                brand_color: org.brand_color,
                ..ConsentData::empty(PageState::Replaced)
            };
            return (texts.finish(), Ok(data));
        }
        HostedPage::Live(page) => page,
    };
    let links::LivePage { org, request, collection_point: cp, state, notice_lang, granted, receipt } = *page;
    let decided = state == links::PageState::Decided;
    let receipt = receipt.map(|log| {
        let action = match log.action.as_str() {
            "approved" | "declined" | "withdrawn" => log.action.clone(),
            _ => "partial".to_string(),
        };
        Receipt {
            summary: texts
                .format("page-receipt-summary", &[("action", action.into()), ("date", backend::human_utc(log.entry.occurred_at).into())]),
            reference: texts.format("page-reference", &[("reference", log.entry.id.clone().into())]),
        }
    });
    let purposes = cp
        .purposes
        .iter()
        .map(|p| PagePurpose {
            id: p.id.clone(),
            name: p.name.clone(),
            description: p.description.clone(),
            required: p.required,
            data_categories: p.data_categories.clone(),
            data_used: (!p.data_categories.is_empty())
                .then(|| texts.format("page-data-used", &[("categories", p.data_categories.join(", ").into())])),
            granted: decided.then(|| granted.get(&p.id).copied().unwrap_or(false)),
        })
        .collect();
    let texts = texts
        .with("page-asks-consent", &[("org", org.brand_name.clone().into())])
        .with("page-valid-until", &[("date", backend::human_utc(request.expires_at).into())]);
    let data = ConsentData {
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
        notice_langs: cp
            .notices
            .keys()
            .map(|code| NoticeLanguage {
                code: code.clone(),
                name: catalogue().locale(code).map(|l| l.name().to_string()).unwrap_or_else(|| code.clone()),
            })
            .collect(),
        notice_lang,
        purposes,
        receipt,
    };
    (texts.finish(), Ok(data))
}

/// The page at `path` (`/{subdomain}/{display_id}/{link_id}`), with its data.
#[component]
pub fn ConsentPage(path: String, texts: Texts, data: Result<ConsentData, crate::error::AppError>) -> impl IntoView {
    crate::mark_hydrated();
    match data {
        Ok(d) => {
            set_status(d.state);
            view! { <ConsentView action=format!("{path}/decision") path=path data=d t=texts/> }.into_any()
        }
        Err(_) => {
            view! { <main class="consent"><h1>{texts.get("page-error-title")}</h1><p>{texts.get("page-error-body")}</p></main> }.into_any()
        }
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
fn ConsentView(data: ConsentData, action: String, path: String, t: Texts) -> impl IntoView {
    let header = view! {
        <header class="consent-head">
            {data.logo_url.clone().map(|src| view! { <img src=src alt="" class="logo"/> })}
            <span class="org">{data.org_name.clone()}</span>
        </header>
    };
    let body = match data.state {
        PageState::Unknown => view! { <h1>{t.get("page-unknown-title")}</h1><p>{t.get("page-unknown-body")}</p> }.into_any(),
        PageState::Expired => view! { <h1>{t.get("page-expired-title")}</h1><p>{t.get("page-expired-body")}</p> }.into_any(),
        PageState::Replaced => view! { <h1>{t.get("page-replaced-title")}</h1><p>{t.get("page-replaced-body")}</p> }.into_any(),
        PageState::Open | PageState::Decided => {
            let langs = data.notice_langs.clone();
            let current_lang = data.notice_lang.clone();
            let switcher = (langs.len() > 1).then(|| {
                view! {
                    <nav class="langs" aria-label=t.get("page-language")>
                        {langs.into_iter().map(|l| {
                            let here = l.code == current_lang;
                            view! { <a href=format!("{path}?lang={}", l.code) lang=l.code.clone() aria-current=here.then_some("true")>{l.name}</a> }
                        }).collect_view()}
                    </nav>
                }
            });
            let (granted, not_granted) = (t.get("page-granted"), t.get("page-not-granted"));
            let receipt = data.receipt.clone().map(|r| {
                let purposes = data.purposes.clone();
                view! {
                    <section class="receipt" role="status" aria-labelledby="receipt-title">
                        <h2 id="receipt-title">{t.get("page-receipt-title")}</h2>
                        <p>{r.summary}</p>
                        <ul>
                            {purposes.into_iter().map(|p| view! {
                                <li>{p.name.clone()} ": " <strong>{if p.granted == Some(true) { granted.clone() } else { not_granted.clone() }}</strong></li>
                            }).collect_view()}
                        </ul>
                        <p class="muted reference">{r.reference}</p>
                        <p class="muted">{t.get("page-change-hint")}</p>
                    </section>
                }
            });
            let decided = data.state == PageState::Decided;
            let any_granted = data.purposes.iter().any(|p| p.granted == Some(true));
            let required = t.get("page-required");
            view! {
                {switcher}
                <h1>{data.collection_point.clone()}</h1>
                <p class="muted">{t.get("page-asks-consent")}</p>
                {receipt}
                <section class="notice-text" aria-labelledby="notice-title">
                    <h2 id="notice-title">{t.get("page-notice")}</h2>
                    // The organisation's own text, in its own language (which may not be the page's).
                    <p lang=data.notice_lang.clone() dir="auto">{data.notice.clone()}</p>
                </section>
                <form method="post" action=action>
                    <input type="hidden" name="version" value=data.version.to_string()/>
                    <input type="hidden" name="lang" value=t.lang.clone()/>
                    <input type="hidden" name="notice_lang" value=data.notice_lang.clone()/>
                    <fieldset>
                        <legend>{t.get("page-purposes")}</legend>
                        <p class="muted">{t.get("page-purposes-hint")}</p>
                        {data.purposes.iter().map(|p| {
                            let id = format!("purpose-{}", p.id);
                            let desc_id = format!("purpose-{}-desc", p.id);
                            let checked = p.required || p.granted == Some(true);
                            let required = required.clone();
                            view! {
                                <div class="purpose-choice">
                                    <input type="checkbox" id=id.clone() name="purpose" value=p.id.clone() checked=checked
                                        disabled=p.required aria-describedby=desc_id.clone()/>
                                    <div>
                                        <label for=id>{p.name.clone()}
                                            {p.required.then(|| view! { " " <span class="badge">{required}</span> })}
                                        </label>
                                        <p id=desc_id class="muted">
                                            {p.description.clone()}
                                            {p.data_used.clone().map(|d| view! { <span class="data-used">{d}</span> })}
                                        </p>
                                    </div>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="decide">
                        // Refusing is as easy and as visible as accepting: the same size, colour and place.
                        <div class="decide-main">
                            <button type="submit" name="decision" value="approve" class="choice">{t.get("page-approve")}</button>
                            <button type="submit" name="decision" value="decline" class="choice">{t.get("page-decline")}</button>
                        </div>
                        <button type="submit" name="decision" value="save" class="secondary">{t.get("page-save")}</button>
                        {(decided && any_granted).then(|| view! {
                            <button type="submit" name="decision" value="withdraw" class="danger">{t.get("page-withdraw")}</button>
                        })}
                    </div>
                </form>
                {(!decided).then(|| view! { <p class="muted">{t.get("page-valid-until")}</p> })}
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
