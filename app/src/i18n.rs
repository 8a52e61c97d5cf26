//! The words a public page shows, in the reader's language.
//!
//! The catalogue (`locales/`, every language) lives on the server only
//! (`backend::i18n`). A page asks it for the few messages it shows, resolved with their values
//! and the organisation's own wording, and carries them as [`Texts`]: the browser receives
//! that one language with the page's data, so the bundle does not grow with the number of
//! languages.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One page's messages in one language, by message id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    /// The language's code, for `<html lang>`.
    pub lang: String,
    /// `ltr` or `rtl`, for `<html dir>`.
    pub dir: String,
    texts: BTreeMap<String, String>,
}

impl Texts {
    /// Message `key`. A page only asks for what it resolved on the server; a miss shows the
    /// key itself, so that it is seen rather than silently blank.
    pub fn get(&self, key: &str) -> String {
        self.texts.get(key).cloned().unwrap_or_else(|| key.to_string())
    }
}

#[cfg(feature = "ssr")]
pub use resolve::Resolver;

#[cfg(feature = "ssr")]
mod resolve {
    use super::Texts;
    use backend::i18n::{catalogue, Arg, Locale, Overrides};

    /// Builds a page's [`Texts`] from the catalogue, in one language.
    pub struct Resolver {
        locale: &'static Locale,
        overrides: Overrides,
        texts: Texts,
    }

    impl Resolver {
        pub fn new(locale: &'static Locale, overrides: Overrides) -> Self {
            let texts = Texts { lang: locale.code().to_string(), dir: locale.dir().to_string(), ..Texts::default() };
            Self { locale, overrides, texts }
        }

        /// Message `key` formatted with `args`, without keeping it.
        pub fn format(&self, key: &str, args: &[(&str, Arg)]) -> String {
            catalogue().format(self.locale, &self.overrides, key, args)
        }

        /// Keeps messages that take no values.
        pub fn plain(mut self, keys: &[&str]) -> Self {
            for key in keys {
                let text = self.format(key, &[]);
                self.texts.texts.insert(key.to_string(), text);
            }
            self
        }

        /// Keeps message `key` formatted with `args`.
        pub fn with(mut self, key: &str, args: &[(&str, Arg)]) -> Self {
            let text = self.format(key, args);
            self.texts.texts.insert(key.to_string(), text);
            self
        }

        pub fn finish(self) -> Texts {
            self.texts
        }
    }
}
