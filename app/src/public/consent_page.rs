//! The hosted consent page that a consent link opens: `/{org subdomain}/{display_id}/{link_id}`.
//! The server loads its data before rendering ([`load`]), so expired and unknown links get
//! their real HTTP status, and hands the same data to the browser for hydration.
//!
//! The person's decision goes to one server function, [`decide_consent`], from one form: with
//! JavaScript the page calls the function with the form's fields and updates in place with its
//! answer (what the decision changed: each purpose's choice and the receipt); without, the form
//! posts to the function's URL and the browser is sent back to the page (`303`), which shows the
//! receipt or, with `?problem=`, why the decision was not saved. Either way the words are the
//! page's language.
//!
//! The form is read here rather than by Leptos's `ActionForm`, which would add 24 KB gzip to the
//! bundle a phone downloads (it boxes its children as an `AnyView` and parses with `serde_qs`).

use crate::error::{AppError, AppErrorKind};
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
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
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
    /// Why the last decision was not saved, in the page's language.
    pub problem: Option<String>,
}

/// Why a decision was not saved.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The caller or the link decided too often; seconds until the next may be saved.
    TooMany {
        retry_after_secs: u64,
    },
    /// No choice in the form.
    Missing,
    /// The choice does not fit the notice (it changed since the page was opened).
    Invalid,
    /// The link expired or was replaced: the page says which.
    Gone,
    /// No such link.
    Unknown,
    Failed,
}

#[cfg(feature = "ssr")]
impl Problem {
    /// The query that carries it through the redirect of a form posted without JavaScript.
    /// `Gone` and `Unknown` need none: the page shows its state.
    pub fn query(self) -> Option<String> {
        Some(match self {
            Problem::TooMany { retry_after_secs } => format!("problem=too-many&retry={retry_after_secs}"),
            Problem::Missing => "problem=missing".into(),
            Problem::Invalid => "problem=invalid".into(),
            Problem::Failed => "problem=failed".into(),
            Problem::Gone | Problem::Unknown => return None,
        })
    }

    /// The problem named by a page's `problem` and `retry` query parameters.
    pub fn from_query(problem: &str, retry: Option<&str>) -> Option<Self> {
        Some(match problem {
            "too-many" => Problem::TooMany { retry_after_secs: retry.and_then(|r| r.parse().ok()).unwrap_or(60).clamp(1, 24 * 3600) },
            "missing" => Problem::Missing,
            "invalid" => Problem::Invalid,
            "failed" => Problem::Failed,
            _ => return None,
        })
    }

    pub fn kind(self) -> AppErrorKind {
        match self {
            Problem::TooMany { .. } => AppErrorKind::RateLimited,
            Problem::Missing | Problem::Invalid => AppErrorKind::Invalid,
            Problem::Gone => AppErrorKind::Forbidden,
            Problem::Unknown => AppErrorKind::NotFound,
            Problem::Failed => AppErrorKind::Internal,
        }
    }

    /// The HTTP status of the server function's answer (with JavaScript).
    pub fn status(self) -> u16 {
        match self {
            Problem::TooMany { .. } => 429,
            Problem::Missing | Problem::Invalid => 400,
            Problem::Gone => 410,
            Problem::Unknown => 404,
            Problem::Failed => 500,
        }
    }

    /// What went wrong in a service, as the page tells it. The service's error policy has
    /// already logged anything internal.
    pub fn from_error(err: &backend::Error) -> Self {
        use backend::ErrorKind as K;
        let report = err.report();
        match report.kind {
            K::RateLimited => Problem::TooMany { retry_after_secs: report.retry_after_secs.unwrap_or(60) },
            K::Forbidden => Problem::Gone,
            K::NotFound => Problem::Unknown,
            K::Invalid => Problem::Invalid,
            _ => Problem::Failed,
        }
    }
}

/// What a saved decision changes on the page: each purpose's choice now, by id, and the
/// receipt, in the page's language. The rest of the page stays as it is; a reload shows the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Decided {
    pub granted: Vec<(String, bool)>,
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
            problem: None,
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
    "page-receipt-download",
    "page-export",
    "page-expired-title",
    "page-expired-body",
    "page-replaced-title",
    "page-replaced-body",
    "page-unknown-title",
    "page-unknown-body",
    "page-error-title",
    "page-error-body",
    // Shown when the server function cannot be reached at all.
    "decision-failed-body",
];

/// Everything the page shows for one link, in the reader's language: the first of
/// `preferred` (an explicit `?lang=`) that Assent speaks, else the browser's, else English.
/// The notice is the organisation's text in that language when it wrote one; `problem`, when
/// the last decision was not saved, is said in the same words. The rules (which state, which
/// notice) are the service's; this maps its answer.
#[cfg(feature = "ssr")]
pub async fn load(
    services: &backend::Services,
    path: &backend::services::consent_links::LinkPath,
    preferred: &[&str],
    accept_language: Option<&str>,
    problem: Option<Problem>,
) -> (Texts, Result<ConsentData, AppError>) {
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
    let mut texts = plain(overrides);
    let mut data = match page {
        HostedPage::Unknown => ConsentData::empty(PageState::Unknown),
        HostedPage::Replaced { org } => ConsentData {
            org_name: org.brand_name,
            logo_url: org.logo_url,
            brand_color: org.brand_color,
            ..ConsentData::empty(PageState::Replaced)
        },
        HostedPage::Live(page) => {
            let links::LivePage { org, request, collection_point: cp, state, notice_lang, granted, receipt } = *page;
            let decided = state == links::PageState::Decided;
            let receipt = receipt.map(|log| receipt_of(&texts, &log.action, log.entry.occurred_at, &log.entry.id));
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
            texts = texts
                .with("page-asks-consent", &[("org", org.brand_name.clone().into())])
                .with("page-valid-until", &[("date", backend::human_utc(request.expires_at).into())]);
            ConsentData {
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
                problem: None,
            }
        }
    };
    data.problem = problem.map(|problem| {
        let key = match (problem, data.state) {
            (Problem::TooMany { retry_after_secs }, _) => {
                return texts.format("decision-too-many-body", &[("minutes", retry_after_secs.div_ceil(60).into())]);
            }
            (Problem::Missing, _) => "decision-missing",
            (Problem::Invalid, _) => "decision-invalid",
            (Problem::Gone | Problem::Unknown, PageState::Expired) => "page-expired-body",
            (Problem::Gone | Problem::Unknown, PageState::Replaced) => "page-replaced-body",
            (Problem::Gone | Problem::Unknown, PageState::Unknown) => "page-unknown-body",
            (Problem::Gone | Problem::Unknown | Problem::Failed, _) => "decision-failed-body",
        };
        texts.format(key, &[])
    });
    (texts.finish(), Ok(data))
}

/// The receipt of the decision recorded as ledger entry `entry_id`, `action` being the
/// request's consent action, in the page's words.
#[cfg(feature = "ssr")]
fn receipt_of(texts: &crate::i18n::Resolver, action: &str, occurred_at: i64, entry_id: &str) -> Receipt {
    let action = match action {
        "approved" | "declined" | "withdrawn" => action,
        _ => "partial",
    };
    Receipt {
        summary: texts.format("page-receipt-summary", &[("action", action.into()), ("date", backend::human_utc(occurred_at).into())]),
        reference: texts.format("page-reference", &[("reference", entry_id.into())]),
    }
}

/// The hosted page's decision: Approve (`approve`), Decline (`decline`), Save choices (`save`,
/// with the ticked `purpose[]`) or Withdraw (`withdraw`) on the link at `link` (the page's path).
/// `version` is the notice version the page showed, `lang` the page's language and
/// `notice_lang` the notice's, for the evidence. The answer is what the decision changed on the
/// page; without JavaScript, a `303` back to the page.
#[server(prefix = "/_server", endpoint = "consent_decision", output = leptos::server_fn::codec::Post<crate::public::PageJson>)]
pub async fn decide_consent(
    link: String,
    decision: String,
    purpose: Option<Vec<String>>,
    version: Option<i64>,
    lang: Option<String>,
    notice_lang: Option<String>,
) -> Result<Decided, AppError> {
    decision::decide(link, decision, purpose.unwrap_or_default(), version, lang, notice_lang).await
}

#[cfg(feature = "ssr")]
mod decision {
    use super::{load, receipt_of, Decided, Problem};
    use crate::error::AppError;
    use crate::i18n::Resolver;
    use crate::public::PublicCall;
    use backend::i18n::catalogue;
    use backend::links::{LinkChoice, LinkEvidence};
    use backend::services::consent_links::LinkPath;

    pub(super) async fn decide(
        link: String,
        decision: String,
        purposes: Vec<String>,
        version: Option<i64>,
        lang: Option<String>,
        notice_lang: Option<String>,
    ) -> Result<Decided, AppError> {
        let services = crate::error::services()?;
        let call = PublicCall::current()?;
        let lang = lang.map(|l| language_code(&l)).filter(|l| !l.is_empty());
        let notice_lang = notice_lang.map(|l| language_code(&l)).filter(|l| !l.is_empty());
        let Some(path) = link_path(&link) else {
            return Err(refuse(&call, Problem::Unknown, "no consent link at this path".into()));
        };
        let choice = match decision.as_str() {
            "approve" => Some(LinkChoice::ApproveAll),
            "decline" => Some(LinkChoice::DeclineAll),
            "save" => Some(LinkChoice::Choose(purposes.into_iter().collect())),
            "withdraw" => Some(LinkChoice::Withdraw),
            _ => None,
        };
        let outcome = match (call.caller.throttled, choice) {
            (Some(retry_after_secs), _) => Err(Problem::TooMany { retry_after_secs }),
            (None, None) => Err(Problem::Missing),
            (None, Some(choice)) => {
                let evidence = LinkEvidence {
                    ip: call.caller.fingerprint.ip.clone(),
                    user_agent: call.caller.fingerprint.user_agent.clone(),
                    // The language of the notice the person read.
                    language: notice_lang.or_else(|| lang.clone()),
                    shown_version: version,
                };
                services.links.decide(&path, &choice, &evidence).await.map_err(|e| Problem::from_error(&e))
            }
        };
        let problem = outcome.as_ref().err().copied();
        if call.is_plain_form() {
            // No JavaScript: back to the page, which shows the receipt, the link's state, or
            // (from the query) why the decision was not saved.
            let query: Vec<String> = lang.iter().map(|l| format!("lang={l}")).chain(problem.and_then(Problem::query)).collect();
            let page = format!("/{}/{}/{}", path.subdomain, path.display_id, path.link_id);
            call.see_other(&if query.is_empty() { page } else { format!("{page}?{}", query.join("&")) });
            return match problem {
                None => Ok(Decided { granted: vec![], receipt: None }),
                Some(p) => Err(AppError::new(p.kind(), "")),
            };
        }
        let preferred: Vec<&str> = lang.as_deref().into_iter().collect();
        let accept_language = call.header("accept-language");
        match outcome {
            // What the decision recorded is in its answer: only the organisation's wording is
            // read, for the receipt.
            Ok((request, entry)) => {
                let locale = catalogue().negotiate(&preferred, accept_language);
                let recorded = async {
                    let overrides = services.tenancy.overrides_for(&request.org_id, locale).await?;
                    let granted = entry.purposes()?.into_iter().map(|p| (p.purpose_id, p.granted)).collect();
                    Ok::<_, backend::Error>((Resolver::new(locale, overrides), granted))
                };
                match recorded.await {
                    Ok((texts, granted)) => Ok(Decided {
                        granted,
                        receipt: Some(receipt_of(
                            &texts,
                            request.consent_action.as_deref().unwrap_or_default(),
                            entry.occurred_at,
                            &entry.id,
                        )),
                    }),
                    Err(e) => Err(refuse(&call, Problem::Failed, AppError::from(e).message)),
                }
            }
            // Refused before anything was read (a limit, an empty form): Assent's own words,
            // with no database work, so that a flood costs nothing but the answer.
            Err(p @ (Problem::TooMany { .. } | Problem::Missing)) => {
                let locale = catalogue().negotiate(&preferred, accept_language);
                let words = Resolver::new(locale, Default::default());
                let message = match p {
                    Problem::TooMany { retry_after_secs } => {
                        words.format("decision-too-many-body", &[("minutes", retry_after_secs.div_ceil(60).into())])
                    }
                    _ => words.format("decision-missing", &[]),
                };
                Err(refuse(&call, p, message))
            }
            // The service refused: the page says why, in its words (for a link that is gone,
            // which way it went).
            Err(p) => match load(&services, &path, &preferred, accept_language, Some(p)).await.1 {
                Ok(data) => Err(refuse(&call, p, data.problem.unwrap_or_default())),
                Err(e) => Err(refuse(&call, Problem::Failed, e.message)),
            },
        }
    }

    /// The three segments of `/{subdomain}/{display_id}/{link_id}`.
    fn link_path(link: &str) -> Option<LinkPath> {
        let mut parts = link.strip_prefix('/')?.split('/');
        let (subdomain, display_id, link_id) = (parts.next()?, parts.next()?, parts.next()?);
        let segment = |s: &str| !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        (parts.next().is_none() && segment(subdomain) && segment(display_id) && segment(link_id)).then(|| LinkPath {
            subdomain: subdomain.to_string(),
            display_id: display_id.to_string(),
            link_id: backend::types::canonical_id(link_id),
        })
    }

    /// The error for `problem`, with `message` in the page's words, answered with its status.
    fn refuse(call: &PublicCall, problem: Problem, message: String) -> AppError {
        let retry = match problem {
            Problem::TooMany { retry_after_secs } => Some(retry_after_secs),
            _ => None,
        };
        call.set_status(problem.status(), retry);
        AppError::new(problem.kind(), message)
    }

    /// A language code from a form field: letters, digits and hyphens, at most 16.
    fn language_code(v: &str) -> String {
        v.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(16).collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_link_path_has_three_plain_segments() {
            let p = link_path("/acme/CP001/6f1c2f8e-0d3b-4c55-9d43-2a1d3c4b5e6f").unwrap();
            assert_eq!((p.subdomain.as_str(), p.display_id.as_str()), ("acme", "CP001"));
            for bad in ["", "acme/CP001/x", "/acme/CP001", "/acme/CP001/x/y", "/acme//x", "/acme/CP001/x?y", "/../CP001/x"] {
                assert!(link_path(bad).is_none(), "{bad}");
            }
        }

        #[test]
        fn a_problem_survives_the_redirect() {
            for p in [Problem::TooMany { retry_after_secs: 90 }, Problem::Missing, Problem::Invalid, Problem::Failed] {
                let query = p.query().unwrap();
                let params: std::collections::HashMap<_, _> = query.split('&').filter_map(|kv| kv.split_once('=')).collect();
                assert_eq!(Problem::from_query(params["problem"], params.get("retry").copied()), Some(p));
            }
            assert_eq!(Problem::Gone.query(), None, "the page shows an expired link itself");
            assert_eq!(Problem::from_query("too-many", Some("999999999")), Some(Problem::TooMany { retry_after_secs: 24 * 3600 }));
            assert_eq!(Problem::from_query("<script>", None), None);
        }
    }
}

/// The page at `path` (`/{subdomain}/{display_id}/{link_id}`), with its data.
#[component]
pub fn ConsentPage(path: String, texts: Texts, data: Result<ConsentData, AppError>) -> impl IntoView {
    crate::mark_hydrated();
    match data {
        Ok(d) => {
            set_status(d.state);
            view! { <LiveConsentPage path=path texts=texts data=d/> }.into_any()
        }
        Err(_) => {
            view! { <main class="consent"><h1>{texts.get("page-error-title")}</h1><p>{texts.get("page-error-body")}</p></main> }.into_any()
        }
    }
}

/// A live page. What a decision changes (each purpose's choice, the receipt, why a decision was
/// not saved) are signals, set from the server function's answer; the rest is rendered once,
/// so the bundle carries no code to build the whole page in the browser.
#[component]
fn LiveConsentPage(path: String, texts: Texts, data: ConsentData) -> impl IntoView {
    let live = Live(RwSignal::new(Shown {
        granted: data.purposes.iter().filter_map(|p| Some((p.id.clone(), p.granted?))).collect(),
        receipt: data.receipt.clone(),
        problem: data.problem.clone(),
        pending: false,
    }));
    view! { <ConsentView path=path data=data t=texts live=live/> }
}

/// The parts of a live page that a decision changes. A page with a receipt is decided.
#[derive(Clone)]
struct Shown {
    granted: Vec<(String, bool)>,
    receipt: Option<Receipt>,
    problem: Option<String>,
    /// A decision is on its way: no other is sent until it is answered.
    pending: bool,
}

/// One signal for all of them: the bundle then carries one signal's code, not five.
#[derive(Clone, Copy)]
struct Live(RwSignal<Shown>);

impl Live {
    /// Sends `decision` to [`decide_consent`] and shows its answer in place, then focuses the
    /// answer, so that a screen reader reads it and the keyboard continues from there.
    fn send(self, decision: DecideConsent, failed: String, answer: NodeRef<leptos::html::Div>) {
        self.0.update(|s| s.pending = true);
        leptos::task::spawn_local(async move {
            let DecideConsent { link, decision, purpose, version, lang, notice_lang } = decision;
            match decide_consent(link, decision, purpose, version, lang, notice_lang).await {
                Ok(Decided { granted, receipt }) => self.0.update(|s| {
                    *s = Shown { granted, receipt, problem: None, pending: false };
                }),
                Err(err) => self.0.update(|s| {
                    s.pending = false;
                    s.problem = Some(match err.kind {
                        // The request never reached the server (or its answer never came back).
                        AppErrorKind::Transport => failed,
                        _ => err.message,
                    });
                }),
            }
            request_animation_frame(move || {
                if let Some(el) = answer.get_untracked() {
                    let _ = el.focus();
                }
            });
        });
    }

    fn granted(&self, purpose: &str) -> bool {
        self.0.with(|s| s.granted.iter().any(|(id, yes)| id == purpose && *yes))
    }
}

/// Where the page's form posts, with and without JavaScript.
const DECIDE_URL: &str = <DecideConsent as leptos::server_fn::ServerFn>::PATH;

/// The decision a submit event sends: the form's fields and the button pressed. `None` leaves
/// the form to the browser, which posts it to the same function without JavaScript.
fn decision_of(ev: &leptos::ev::SubmitEvent) -> Option<DecideConsent> {
    use leptos::wasm_bindgen::JsCast;
    let form: leptos::web_sys::HtmlFormElement = ev.target()?.dyn_into().ok()?;
    let data = leptos::web_sys::FormData::new_with_form(&form).ok()?;
    let text = |key: &str| data.get(key).as_string();
    let decision = ev.submitter()?.dyn_into::<leptos::web_sys::HtmlButtonElement>().ok()?.value();
    Some(DecideConsent {
        link: text("link")?,
        decision,
        purpose: Some(data.get_all("purpose[]").iter().filter_map(|v| v.as_string()).collect()),
        version: text("version").and_then(|v| v.parse().ok()),
        lang: text("lang"),
        notice_lang: text("notice_lang"),
    })
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
fn ConsentView(data: ConsentData, path: String, t: Texts, live: Live) -> impl IntoView {
    let answer = NodeRef::<leptos::html::Div>::new();
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
            let (receipt_title, change_hint) = (t.get("page-receipt-title"), t.get("page-change-hint"));
            let names: Vec<(String, String)> = data.purposes.iter().map(|p| (p.id.clone(), p.name.clone())).collect();
            // Rendered always and shown once there is a receipt: updating its words is much less
            // code in the bundle than building it.
            let summary = move || live.0.with(|s| s.receipt.as_ref().map(|r| r.summary.clone()).unwrap_or_default());
            let reference = move || live.0.with(|s| s.receipt.as_ref().map(|r| r.reference.clone()).unwrap_or_default());
            let receipt = view! {
                <section class="receipt" aria-labelledby="receipt-title" hidden=move || live.0.with(|s| s.receipt.is_none())>
                    <h2 id="receipt-title">{receipt_title}</h2>
                    <p>{summary}</p>
                    <ul>
                        {names.into_iter().map(|(id, name)| {
                            let (granted, not_granted) = (granted.clone(), not_granted.clone());
                            view! {
                                <li>{name} ": " <strong>{move || if live.granted(&id) { granted.clone() } else { not_granted.clone() }}</strong></li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="muted reference">{reference}</p>
                    // The receipt of the newest decision through this link, signed by the
                    // organisation (`hosted_page::receipt`).
                    <p><a class="download" href=format!("{path}/receipt") download="">{t.get("page-receipt-download")}</a></p>
                    <p class="muted">{change_hint}</p>
                </section>
            };
            let problem = view! {
                <p class="problem" hidden=move || live.0.with(|s| s.problem.is_none())>{move || live.0.with(|s| s.problem.clone().unwrap_or_default())}</p>
            };
            // One live region for either answer, so that it is announced when it changes.
            let answer_view = view! { <div class="answer" role="status" tabindex="-1" node_ref=answer>{problem}{receipt}</div> };
            let failed = t.get("decision-failed-body");
            let valid_until =
                view! { <p class="muted" hidden=move || live.0.with(|s| s.receipt.is_some())>{t.get("page-valid-until")}</p> };
            // Withdrawing is offered once something is granted.
            let nothing_to_withdraw = move || !live.0.with(|s| s.receipt.is_some() && s.granted.iter().any(|(_, yes)| *yes));
            let withdraw = view! {
                <button type="submit" name="decision" value="withdraw" class="danger" hidden=nothing_to_withdraw>{t.get("page-withdraw")}</button>
            };
            let required = t.get("page-required");
            view! {
                {switcher}
                <h1>{data.collection_point.clone()}</h1>
                <p class="muted">{t.get("page-asks-consent")}</p>
                {answer_view}
                <section class="notice-text" aria-labelledby="notice-title">
                    <h2 id="notice-title">{t.get("page-notice")}</h2>
                    // The organisation's own text, in its own language (which may not be the page's).
                    <p lang=data.notice_lang.clone() dir="auto">{data.notice.clone()}</p>
                </section>
                <form method="post" action=DECIDE_URL on:submit=move |ev| {
                    if live.0.with_untracked(|s| s.pending) {
                        ev.prevent_default();
                    } else if let Some(decision) = decision_of(&ev) {
                        ev.prevent_default();
                        live.send(decision, failed.clone(), answer);
                    }
                }>
                    <input type="hidden" name="link" value=path.clone()/>
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
                            let (purpose_id, is_required) = (p.id.clone(), p.required);
                            let required = required.clone();
                            view! {
                                <div class="purpose-choice">
                                    <input type="checkbox" id=id.clone() name="purpose[]" value=p.id.clone() checked=checked
                                        prop:checked=move || is_required || live.granted(&purpose_id)
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
                    // While a decision is on its way, none other can be sent.
                    <div class="decide" aria-busy=move || live.0.with(|s| s.pending).then_some("true")>
                        // Refusing is as easy and as visible as accepting: the same size, colour and place.
                        <div class="decide-main">
                            <button type="submit" name="decision" value="approve" class="choice">{t.get("page-approve")}</button>
                            <button type="submit" name="decision" value="decline" class="choice">{t.get("page-decline")}</button>
                        </div>
                        <button type="submit" name="decision" value="save" class="secondary">{t.get("page-save")}</button>
                        {withdraw}
                    </div>
                </form>
                {valid_until}
                // Everything the organisation holds about this person (`hosted_page::export`).
                <p class="muted"><a class="download" href=format!("{path}/export") download="">{t.get("page-export")}</a></p>
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
