//! Assent's own words in every language it speaks: the Project Fluent files under `locales/`
//! (one folder per language, `assent.ftl` in each), embedded at build time. English is the
//! source; a message a language lacks falls back to English (the test suite lists every such
//! gap). An organisation may override any message per language ([`Overrides`]), on top.
//!
//! Plural rules are CLDR's (through `fluent-bundle`), and every placeable is wrapped in Unicode
//! bidi isolates, so a Latin organisation name stays whole inside an Urdu sentence.
//!
//! Only the server holds the catalogue: a page receives the few messages it shows, already
//! resolved, in one language ([`Catalogue::format`]), so no browser bundle grows with the
//! number of languages.

use crate::error::{Error, Result};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, LazyLock};
use unic_langid::{CharacterDirection, LanguageIdentifier};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language every other translates, and the one a missing message falls back to.
pub const SOURCE_LANGUAGE: &str = "en";

/// One language of the catalogue.
pub struct Locale {
    code: &'static str,
    id: LanguageIdentifier,
    name: String,
    /// The file as written, and parsed (for its syntax tree: which variables a message uses).
    source: &'static str,
    resource: Arc<FluentResource>,
    bundle: FluentBundle<Arc<FluentResource>>,
}

impl Locale {
    /// Its code, as `?lang=` and the `locales/` folder spell it.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// Its own name for itself (`தமிழ்`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether its script runs right to left.
    pub fn is_rtl(&self) -> bool {
        self.id.character_direction() == CharacterDirection::RTL
    }

    /// `rtl` or `ltr`, for a `dir` attribute.
    pub fn dir(&self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    fn message_ids(&self) -> Vec<&str> {
        self.resource
            .entries()
            .filter_map(|e| match e {
                ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .collect()
    }

    fn has(&self, key: &str) -> bool {
        self.bundle.get_message(key).and_then(|m| m.value()).is_some()
    }
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("code", &self.code).finish_non_exhaustive()
    }
}

/// A value for a placeable: text, or a number (which plural rules select on).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(n.min(i64::MAX as u64) as i64)
    }
}

/// An organisation's own wording for some messages in one language: message id → Fluent
/// pattern (checked by [`Catalogue::check_override`] before it is stored).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides(HashMap<String, String>);

impl Overrides {
    pub fn new(texts: HashMap<String, String>) -> Self {
        Self(texts)
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}

pub struct Catalogue {
    /// The source language first, then the others by code.
    locales: Vec<Locale>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::load(SOURCES).expect("the embedded locales parse"));

/// The catalogue built into this binary.
pub fn catalogue() -> &'static Catalogue {
    &CATALOGUE
}

fn bundle_for(id: &LanguageIdentifier, resource: Arc<FluentResource>) -> std::result::Result<FluentBundle<Arc<FluentResource>>, String> {
    let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
    bundle.set_use_isolating(true);
    bundle.add_resource(resource).map_err(|e| format!("{e:?}"))?;
    Ok(bundle)
}

impl Catalogue {
    /// Parses every source; a language whose file does not parse is an error naming it.
    fn load(sources: &[(&'static str, &'static str)]) -> std::result::Result<Self, String> {
        let mut locales = Vec::with_capacity(sources.len());
        for (code, source) in sources {
            let resource = Arc::new(FluentResource::try_new(source.to_string()).map_err(|(_, e)| format!("locales/{code}: {e:?}"))?);
            let id: LanguageIdentifier = code.parse().map_err(|e| format!("locales/{code}: not a language code: {e}"))?;
            let bundle = bundle_for(&id, resource.clone()).map_err(|e| format!("locales/{code}: {e}"))?;
            let mut errors = vec![];
            let name = bundle
                .get_message("language-name")
                .and_then(|m| m.value())
                .map(|p| bundle.format_pattern(p, None, &mut errors).into_owned())
                .unwrap_or_else(|| code.to_string());
            locales.push(Locale { code, id, name, source, resource, bundle });
        }
        locales.sort_by_key(|l| (l.code != SOURCE_LANGUAGE, l.code));
        if locales.first().map(|l| l.code) != Some(SOURCE_LANGUAGE) {
            return Err(format!("locales/{SOURCE_LANGUAGE} is missing"));
        }
        Ok(Self { locales })
    }

    /// Every language, the source first.
    pub fn languages(&self) -> &[Locale] {
        &self.locales
    }

    pub fn source(&self) -> &Locale {
        &self.locales[0]
    }

    /// The language with this exact code.
    pub fn locale(&self, code: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.code.eq_ignore_ascii_case(code.trim()))
    }

    /// The best language for a reader: the first of `preferred` (codes or tags such as an
    /// explicit `?lang=` or a page's `<html lang>`) that the catalogue speaks, else the best
    /// match for an `Accept-Language` header, else the source language. A regional tag matches
    /// its language (`pt-BR` → `pt`).
    pub fn negotiate(&self, preferred: &[&str], accept_language: Option<&str>) -> &Locale {
        let mut requested: Vec<LanguageIdentifier> = preferred.iter().filter_map(|p| p.trim().parse().ok()).collect();
        if let Some(header) = accept_language {
            requested.extend(fluent_langneg::accepted_languages::parse(header));
        }
        let available: Vec<&LanguageIdentifier> = self.locales.iter().map(|l| &l.id).collect();
        for wanted in &requested {
            let chosen = fluent_langneg::negotiate_languages(
                std::slice::from_ref(wanted),
                &available,
                None,
                fluent_langneg::NegotiationStrategy::Lookup,
            );
            if let Some(id) = chosen.first() {
                if let Some(l) = self.locales.iter().find(|l| &l.id == **id) {
                    return l;
                }
            }
        }
        self.source()
    }

    /// The message `key` in `locale`, with `args` filled in: the organisation's override
    /// if it has one, else the locale's own, else the source language's. An unknown key is a
    /// programming error and comes back as the key itself, so it shows rather than vanishes.
    pub fn format(&self, locale: &Locale, overrides: &Overrides, key: &str, args: &[(&str, Arg)]) -> String {
        let args = fluent_args(args);
        if let Some(text) = overrides.get(key) {
            if let Some(s) = format_override(locale, key, text, &args) {
                return s;
            }
        }
        for l in [locale, self.source()] {
            if let Some(pattern) = l.bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = vec![];
                let s = l.bundle.format_pattern(pattern, Some(&args), &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(locale = l.code, key, ?errors, "a message did not format cleanly");
                }
                return s.into_owned();
            }
        }
        key.to_string()
    }

    /// The source language's message ids, in file order.
    pub fn keys(&self) -> Vec<&str> {
        self.source().message_ids()
    }

    /// The ids `locale` lacks (it shows the source language's text for them).
    pub fn missing(&self, locale: &Locale) -> Vec<&str> {
        self.keys().into_iter().filter(|k| !locale.has(k)).collect()
    }

    /// The variables (`$org`) that message `key` uses in `locale`, if it has the message.
    pub fn variables(&self, locale: &Locale, key: &str) -> Option<BTreeSet<String>> {
        let value = locale.resource.entries().find_map(|e| match e {
            ast::Entry::Message(m) if m.id.name == key => m.value.as_ref(),
            _ => None,
        })?;
        let mut out = BTreeSet::new();
        pattern_variables(value, &mut out);
        Some(out)
    }

    /// Message `key` as `locale`'s file writes it (its Fluent source, selectors and all): what
    /// an organisation starts from when it words the message itself.
    pub fn source_text(&self, locale: &Locale, key: &str) -> Option<String> {
        let mut lines = locale.source.lines().skip_while(|l| l.split('=').next().map(str::trim) != Some(key) || l.starts_with(' '));
        let first = lines.next()?.split_once('=')?.1.trim().to_string();
        let rest: Vec<&str> = lines.take_while(|l| l.starts_with(' ')).map(|l| l.strip_prefix("    ").unwrap_or(l.trim_start())).collect();
        let text = std::iter::once(first.as_str()).chain(rest).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
        Some(text)
    }

    /// Whether `text` may replace message `key` in `locale` for an organisation: the key is
    /// one of the catalogue's, the text parses as a Fluent pattern, and it uses only the
    /// variables the source message offers.
    pub fn check_override(&self, locale: &Locale, key: &str, text: &str) -> Result<()> {
        let Some(offered) = self.variables(self.source(), key) else {
            return Err(Error::invalid("key", format!("{key} is not one of Assent's messages")));
        };
        if text.trim().is_empty() {
            return Err(Error::invalid("text", format!("{key}: the text is empty")));
        }
        if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            return Err(Error::invalid("text", format!("{key}: control characters are not allowed")));
        }
        let resource = FluentResource::try_new(override_source(key, text))
            .map_err(|(_, errors)| Error::invalid("text", format!("{key}: not a Fluent pattern: {}", describe(&errors))))?;
        let mut used = BTreeSet::new();
        if let Some(value) = resource.entries().find_map(|e| match e {
            ast::Entry::Message(m) if m.id.name == key => m.value.as_ref(),
            _ => None,
        }) {
            pattern_variables(value, &mut used);
        }
        if let Some(extra) = used.difference(&offered).next() {
            let offered: Vec<String> = offered.iter().map(|v| format!("${v}")).collect();
            return Err(Error::invalid(
                "text",
                format!(
                    "{key}: ${extra} is not available here (available: {})",
                    if offered.is_empty() { "none".into() } else { offered.join(", ") }
                ),
            ));
        }
        // It must also format cleanly: no reference to another message, no unknown function.
        let values: Vec<(&str, Arg)> = offered.iter().map(|v| (v.as_str(), Arg::Number(1))).collect();
        let bundle = bundle_for(&locale.id, Arc::new(resource)).map_err(|e| Error::invalid("text", format!("{key}: {e}")))?;
        let pattern = bundle.get_message(key).and_then(|m| m.value()).ok_or_else(|| Error::invalid("text", format!("{key}: no value")))?;
        let mut errors = vec![];
        bundle.format_pattern(pattern, Some(&fluent_args(&values)), &mut errors);
        if let Some(e) = errors.first() {
            return Err(Error::invalid("text", format!("{key}: the text does not format: {e}")));
        }
        Ok(())
    }
}

fn describe(errors: &[fluent_syntax::parser::ParserError]) -> String {
    errors.iter().map(|e| format!("{:?}", e.kind)).collect::<Vec<_>>().join("; ")
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => out.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => out.set(*name, FluentValue::from(*n)),
        }
    }
    out
}

/// `key = text` as a Fluent source: continuation lines indented, as the syntax requires.
fn override_source(key: &str, text: &str) -> String {
    let mut out = format!("{key} =");
    for line in text.lines() {
        out.push_str("\n    ");
        out.push_str(line);
    }
    out.push('\n');
    out
}

fn format_override(locale: &Locale, key: &str, text: &str, args: &FluentArgs) -> Option<String> {
    let resource = FluentResource::try_new(override_source(key, text)).ok()?;
    let bundle = bundle_for(&locale.id, Arc::new(resource)).ok()?;
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = vec![];
    Some(bundle.format_pattern(pattern, Some(args), &mut errors).into_owned())
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                pattern_variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => call_variables(arguments, out),
        ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => call_variables(arguments, out),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn call_variables(arguments: &ast::CallArguments<&str>, out: &mut BTreeSet<String>) {
    for a in &arguments.positional {
        inline_variables(a, out);
    }
    for a in &arguments.named {
        inline_variables(&a.value, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Languages whose gaps are known and accepted: none today. A language listed here may
    /// lack the messages named; any other gap fails.
    const KNOWN_FALLBACKS: &[(&str, &[&str])] = &[];

    fn no_overrides() -> Overrides {
        Overrides::default()
    }

    #[test]
    fn every_language_has_every_message_or_says_which_fall_back() {
        let c = catalogue();
        let mut problems = vec![];
        for l in c.languages() {
            let allowed = KNOWN_FALLBACKS.iter().find(|(code, _)| *code == l.code()).map(|(_, k)| *k).unwrap_or(&[]);
            for key in c.missing(l) {
                if !allowed.contains(&key) {
                    problems.push(format!("locales/{}: no {key}", l.code()));
                }
            }
            for key in l.message_ids() {
                if c.variables(c.source(), key).is_none() {
                    problems.push(format!("locales/{}: {key} is not in the source language", l.code()));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_translation_uses_exactly_the_placeables_of_the_source() {
        let c = catalogue();
        let mut problems = vec![];
        for l in c.languages() {
            for key in c.keys() {
                let (Some(want), Some(got)) = (c.variables(c.source(), key), c.variables(l, key)) else { continue };
                if want != got {
                    problems.push(format!("locales/{}: {key} uses {got:?}, the source {want:?}", l.code()));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn india_s_languages_and_the_world_languages_are_all_there() {
        let c = catalogue();
        let eighth_schedule = [
            "as", "bn", "brx", "doi", "gu", "hi", "kn", "ks", "kok", "mai", "ml", "mni", "mr", "ne", "or", "pa", "sa", "sat", "sd", "ta",
            "te", "ur",
        ];
        let world = ["en", "de", "fr", "es", "pt", "it", "nl", "ar", "ja", "zh", "id"];
        for code in eighth_schedule.iter().chain(world.iter()) {
            let l = c.locale(code).unwrap_or_else(|| panic!("locales/{code} is missing"));
            assert_ne!(l.name(), *code, "locales/{code} names itself");
        }
        for rtl in ["ur", "ks", "sd", "ar"] {
            assert!(c.locale(rtl).unwrap().is_rtl(), "{rtl} is written right to left");
        }
        assert!(!c.locale("hi").unwrap().is_rtl());
        assert_eq!(c.locale("ta").unwrap().name(), "தமிழ்");
    }

    #[test]
    fn negotiation_prefers_the_explicit_choice_then_the_browser() {
        let c = catalogue();
        assert_eq!(c.negotiate(&["ta"], Some("de-DE,de;q=0.9")).code(), "ta");
        assert_eq!(c.negotiate(&["xx"], Some("de-DE,de;q=0.9")).code(), "de");
        assert_eq!(c.negotiate(&[], Some("sw, pt-BR;q=0.8, en;q=0.5")).code(), "pt");
        assert_eq!(c.negotiate(&["hi-IN"], None).code(), "hi");
        assert_eq!(c.negotiate(&[], Some("garbage;;")).code(), "en");
        assert_eq!(c.negotiate(&[], None).code(), "en");
    }

    #[test]
    fn plurals_follow_the_language_s_rules_and_placeables_are_isolated() {
        let c = catalogue();
        let en = c.locale("en").unwrap();
        let one = c.format(en, &no_overrides(), "decision-too-many-body", &[("minutes", 1i64.into())]);
        let many = c.format(en, &no_overrides(), "decision-too-many-body", &[("minutes", 15i64.into())]);
        assert!(one.contains("minute.") && !one.contains("minutes"), "{one}");
        assert!(many.contains("minutes."), "{many}");
        let ur = c.locale("ur").unwrap();
        let s = c.format(ur, &no_overrides(), "page-asks-consent", &[("org", "Acme Ltd".into())]);
        assert!(s.contains("\u{2068}Acme Ltd\u{2069}"), "{s:?}");
    }

    #[test]
    fn a_missing_message_falls_back_to_the_source_language() {
        let c = Catalogue::load(&[("en", "a = Hello { $who }\nb = Bye\n"), ("hi", "a = नमस्ते { $who }\n")]).unwrap();
        let hi = c.locale("hi").unwrap();
        assert_eq!(c.missing(hi), vec!["b"]);
        assert_eq!(c.format(hi, &no_overrides(), "b", &[]), "Bye");
        assert_eq!(c.format(hi, &no_overrides(), "nope", &[]), "nope");
    }

    #[test]
    fn a_message_s_source_is_what_its_file_says() {
        let c = catalogue();
        let en = c.locale("en").unwrap();
        assert_eq!(c.source_text(en, "page-approve").as_deref(), Some("Approve"));
        let plural = c.source_text(en, "decision-too-many-body").unwrap();
        assert!(plural.starts_with("{ $minutes ->\n    [one] "), "{plural}");
        assert!(plural.ends_with("\n}"), "{plural}");
        c.check_override(en, "decision-too-many-body", &plural).unwrap();
        for l in c.languages() {
            for key in c.keys() {
                let text = c.source_text(l, key).unwrap_or_else(|| panic!("{}: {key}", l.code()));
                c.check_override(l, key, &text).unwrap_or_else(|e| panic!("{}: {key}: {e}", l.code()));
            }
        }
        assert_eq!(c.source_text(en, "nope"), None);
    }

    #[test]
    fn an_override_replaces_a_message_and_is_checked_first() {
        let c = catalogue();
        let en = c.locale("en").unwrap();
        c.check_override(en, "page-approve", "I agree").unwrap();
        c.check_override(en, "page-asks-consent", "{ $org } would like your OK").unwrap();
        let plural = "{ $minutes ->\n    [one] Wait a minute.\n   *[other] Wait { $minutes } minutes.\n}";
        c.check_override(en, "decision-too-many-body", plural).unwrap();
        let o = Overrides::new(HashMap::from([("decision-too-many-body".to_string(), plural.to_string())]));
        assert_eq!(c.format(en, &o, "decision-too-many-body", &[("minutes", 1i64.into())]), "Wait a minute.");
        assert_eq!(c.format(en, &o, "decision-too-many-body", &[("minutes", 3i64.into())]), "Wait \u{2068}3\u{2069} minutes.");

        let err = |key: &str, text: &str| c.check_override(en, key, text).unwrap_err().to_string();
        assert!(err("page-nope", "x").contains("not one of Assent's messages"));
        assert!(err("page-approve", "{ $org } says yes").contains("$org is not available"));
        assert!(err("page-approve", "{ oops").contains("not a Fluent pattern"));
        assert!(err("page-approve", "  ").contains("empty"));
        assert!(err("page-approve", "a\u{0}b").contains("control characters"));
        assert!(err("page-approve", "{ page-decline }").contains("does not format"), "no reference to another message");
        assert!(err("page-approve", "{ NOPE($x) }").contains("$x is not available"));
        // Every line is the value's: a line that looks like another message is text.
        c.check_override(en, "page-approve", "ok\nother = text").unwrap();
    }
}
