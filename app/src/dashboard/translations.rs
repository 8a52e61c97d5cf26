//! Translations: the words Assent shows people (the hosted page, its answers, the
//! consent-link email) in each language, and the organisation's own wording of any of them.

use super::{act, api_resource, client, loaded};
use crate::dto::{PutTranslation, TranslationDto, TranslationLanguages};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn TranslationsPage() -> impl IntoView {
    let languages = api_resource::<TranslationLanguages>(|| Some("/api/v1/translations".into()));
    let lang = RwSignal::new("en".to_string());
    let translation = api_resource::<TranslationDto>(move || Some(format!("/api/v1/translations/{}", lang.get())));
    // The organisation's texts being edited, by message id; an empty text means Assent's own.
    let drafts = RwSignal::new(BTreeMap::<String, String>::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(t)) = loaded(translation) {
            drafts.set(t.messages.iter().filter_map(|m| Some((m.id.clone(), m.override_text.clone()?))).collect());
        }
    });

    let save = move |overrides: BTreeMap<String, String>| {
        error.set(None);
        saved.set(false);
        let path = format!("/api/v1/translations/{}", lang.get_untracked());
        act(
            async move { client::put::<_, TranslationDto>(&path, &PutTranslation { overrides }).await },
            move |_| {
                saved.set(true);
                translation.refetch();
                languages.refetch();
            },
            error,
        );
    };
    let on_save = move |ev: SubmitEvent| {
        ev.prevent_default();
        save(drafts.get_untracked().into_iter().filter(|(_, text)| !text.trim().is_empty()).collect());
    };

    view! {
        <h1>"Translations"</h1>
        <p class="muted">
            "What Assent itself says to people on the consent page and in its emails, in every language it speaks. "
            "Write your own text for any message: it replaces Assent's in that language, for your organisation only. "
            "Texts are " <a href="https://projectfluent.org/fluent/guide/" rel="noreferrer">"Project Fluent"</a>
            ": keep the values in braces, such as " <code>"{ $org }"</code> ", where your sentence needs them."
        </p>
        <label for="translation_lang">"Language"</label>
        <select id="translation_lang" on:change=move |ev| { saved.set(false); error.set(None); lang.set(event_target_value(&ev)); }>
            {move || loaded(languages).and_then(Result::ok).map(|list| list.languages.into_iter().map(|l| {
                let label = match l.overrides {
                    0 => format!("{} ({})", l.name, l.code),
                    n => format!("{} ({}), {n} of your own", l.name, l.code),
                };
                let selected = l.code == lang.get_untracked();
                view! { <option value=l.code selected=selected>{label}</option> }
            }).collect_view())}
        </select>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        {move || saved.get().then(|| view! { <p class="ok" role="status">"Saved. New pages and emails use these words."</p> })}
        {move || match loaded(translation) {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{e}</p> }.into_any(),
            Some(Ok(t)) => {
                let dir = t.dir.clone();
                let code = t.code.clone();
                view! {
                    <form class="card" on:submit=on_save aria-label="Your wording">
                        <table class="list translations" aria-label="Messages">
                            <thead><tr><th>"Message"</th><th>"Assent's text"</th><th>"Your text"</th></tr></thead>
                            <tbody>
                                {t.messages.into_iter().map(|m| {
                                    let id = m.id.clone();
                                    let input_id = format!("override-{}", m.id);
                                    let vars = m.variables.iter().map(|v| format!("{{ ${v} }}")).collect::<Vec<_>>().join(" ");
                                    let for_value = id.clone();
                                    view! {
                                        <tr>
                                            <td><label for=input_id.clone()><code>{m.id.clone()}</code></label>
                                                {(!vars.is_empty()).then(|| view! { <br/><span class="muted">{vars}</span> })}</td>
                                            <td><pre lang=code.clone() dir=dir.clone()>{m.text.clone()}</pre></td>
                                            <td><textarea id=input_id rows="2" lang=code.clone() dir=dir.clone()
                                                prop:value=move || drafts.with(|d| d.get(&for_value).cloned().unwrap_or_default())
                                                on:input=move |ev| { let v = event_target_value(&ev); drafts.update(|d| { d.insert(id.clone(), v); }); }></textarea></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <button type="submit">"Save your wording"</button>
                        <button type="button" class="secondary" on:click=move |_| save(BTreeMap::new())>"Use Assent's words throughout"</button>
                    </form>
                }.into_any()
            }
        }}
    }
}
