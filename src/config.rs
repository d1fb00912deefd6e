//! A widget's configuration, read from its host element's `data-*` attributes.
//!
//! Parsing is a pure function of a lookup closure, so it is tested natively. A bad value never
//! stops the widget alone: it is reported (in the widget's language) and the default is used,
//! unless nothing sensible can be shown without it.

use crate::i18n::Lang;
use crate::url::safe_url;

/// Which part of the page a host element shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    /// The full article page: article, share bar, follow call to action and both lists.
    #[default]
    Article,
}

impl Part {
    const ACCEPTED: &'static str = "article";

    fn from_value(value: &str) -> Option<Part> {
        match value.trim().to_ascii_lowercase().as_str() {
            "" | "article" => Some(Part::Article),
            _ => None,
        }
    }
}

/// Everything a widget instance needs to know before it starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The part shown.
    pub part: Part,
    /// The feed's address, relative to the host page; `None` when missing or unsafe.
    pub src: Option<String>,
    /// The language of the widget's interface.
    pub lang: Lang,
    /// The article to show (its id); the feed's first article when absent.
    pub article: Option<String>,
}

/// A `data-*` attribute that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The attribute's name.
    pub attribute: &'static str,
    /// What it accepts; `None` when the problem is that it is missing.
    pub accepted: Option<&'static str>,
}

impl ConfigError {
    /// The message shown in the widget.
    pub fn message(&self, lang: Lang) -> String {
        let strings = lang.strings();
        match self.accepted {
            Some(accepted) => (strings.error_config)(self.attribute, accepted),
            None => (strings.error_config_missing)(self.attribute),
        }
    }
}

/// Where the language can come from, besides `data-lang`, most specific first.
#[derive(Clone, Copy, Debug, Default)]
pub struct LangHints<'a> {
    /// The page address's `lang` query parameter (`?lang=en`).
    pub query: Option<&'a str>,
    /// The host page's `<html lang>`.
    pub page: Option<&'a str>,
}

/// Reads a configuration through `attribute`, which returns a `data-*` attribute's value.
pub fn parse(attribute: impl Fn(&str) -> Option<String>, hints: LangHints<'_>) -> (Config, Vec<ConfigError>) {
    let mut errors = Vec::new();
    let mut config = Config::default();

    let explicit_lang = attribute("data-lang").filter(|v| !v.trim().is_empty());
    let explicit = explicit_lang.as_deref().and_then(Lang::from_tag);
    if explicit_lang.is_some() && explicit.is_none() {
        errors.push(ConfigError { attribute: "data-lang", accepted: Some(LANGS_ACCEPTED) });
    }
    config.lang = explicit
        .or_else(|| hints.query.and_then(Lang::from_tag))
        .or_else(|| hints.page.and_then(Lang::from_tag))
        .unwrap_or_default();

    match attribute("data-kiosque").as_deref().map(Part::from_value) {
        Some(Some(part)) => config.part = part,
        Some(None) => errors.push(ConfigError { attribute: "data-kiosque", accepted: Some(Part::ACCEPTED) }),
        None => {}
    }

    match attribute("data-src").filter(|v| !v.trim().is_empty()) {
        None => errors.push(ConfigError { attribute: "data-src", accepted: None }),
        Some(src) => match safe_url(&src) {
            Some(src) => config.src = Some(src),
            None => errors.push(ConfigError { attribute: "data-src", accepted: Some(URL_ACCEPTED) }),
        },
    }

    config.article = attribute("data-article").map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    (config, errors)
}

const LANGS_ACCEPTED: &str = "fr, en";
const URL_ACCEPTED: &str = "http(s)";

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse_attrs(attrs: &[(&str, &str)], hints: LangHints<'_>) -> (Config, Vec<ConfigError>) {
        let map: HashMap<&str, &str> = attrs.iter().copied().collect();
        parse(|name| map.get(name).map(|v| (*v).to_owned()), hints)
    }

    #[test]
    fn a_complete_configuration() {
        let (config, errors) = parse_attrs(
            &[("data-kiosque", "article"), ("data-src", "data/feed.json"), ("data-lang", "en-GB"), ("data-article", " a1 ")],
            LangHints::default(),
        );
        assert!(errors.is_empty());
        assert_eq!(config, Config { part: Part::Article, src: Some("data/feed.json".into()), lang: Lang::En, article: Some("a1".into()) });
    }

    #[test]
    fn language_comes_from_attribute_then_query_then_page_then_french() {
        let hints = LangHints { query: Some("en"), page: Some("fr") };
        assert_eq!(parse_attrs(&[("data-src", "f.json"), ("data-lang", "fr")], hints).0.lang, Lang::Fr);
        assert_eq!(parse_attrs(&[("data-src", "f.json")], hints).0.lang, Lang::En);
        let hints = LangHints { query: Some("de"), page: Some("en-US") };
        assert_eq!(parse_attrs(&[("data-src", "f.json")], hints).0.lang, Lang::En);
        assert_eq!(parse_attrs(&[("data-src", "f.json")], LangHints::default()).0.lang, Lang::Fr);
    }

    #[test]
    fn bad_values_are_reported_and_defaults_used() {
        let (config, errors) = parse_attrs(
            &[("data-kiosque", "carousel"), ("data-src", "javascript:alert(1)"), ("data-lang", "klingon")],
            LangHints { query: Some("en"), page: None },
        );
        assert_eq!(config.lang, Lang::En, "a bad data-lang falls back to the next hint");
        assert_eq!(config.src, None);
        assert_eq!(errors, [
            ConfigError { attribute: "data-lang", accepted: Some("fr, en") },
            ConfigError { attribute: "data-kiosque", accepted: Some("article") },
            ConfigError { attribute: "data-src", accepted: Some("http(s)") },
        ]);
        assert_eq!(errors[0].message(Lang::En), "Invalid value for data-lang: accepted values are fr, en.");
    }

    #[test]
    fn a_missing_source_is_reported() {
        let (config, errors) = parse_attrs(&[("data-src", "  ")], LangHints::default());
        assert_eq!(config.src, None);
        assert_eq!(errors, [ConfigError { attribute: "data-src", accepted: None }]);
        assert_eq!(errors[0].message(Lang::Fr), "L’attribut data-src est obligatoire.");
    }

    #[test]
    fn an_empty_part_means_the_article() {
        assert_eq!(parse_attrs(&[("data-kiosque", ""), ("data-src", "f")], LangHints::default()).0.part, Part::Article);
    }
}
