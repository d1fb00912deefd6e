//! A widget's configuration, read from its host element's `data-*` attributes.
//!
//! Parsing is a pure function of a lookup closure, so it is tested natively. A bad value never
//! stops the widget alone: it is reported (in the widget's language) and the default is used,
//! unless nothing sensible can be shown without it.

use crate::i18n::Lang;
use crate::model::Follow;
use crate::popular::{PopularOptions, Range, WhenStale};
use crate::reading::ReadingOptions;
use crate::sources::plan::{Format, PopularPlugin, SourceSetup};
use crate::share::{parse_networks, ButtonStyle, ShareOverrides, ACCEPTED_NETWORKS};
use crate::url::safe_url;

/// Which part of the page a host element shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    /// The full article page: article, share bar, follow call to action and both lists.
    #[default]
    Article,
    /// The follow call to action and the share bar alone, for a page that shows the article
    /// itself.
    Share,
    /// "Articles populaires" alone.
    Popular,
    /// "Plus d'actualités" alone.
    More,
}

impl Part {
    const ACCEPTED: &'static str = "article, share, popular, more";

    /// Its name in `data-kiosque`.
    pub fn name(self) -> &'static str {
        match self {
            Part::Article => "article",
            Part::Share => "share",
            Part::Popular => "popular",
            Part::More => "more",
        }
    }

    fn from_value(value: &str) -> Option<Part> {
        match value.trim().to_ascii_lowercase().as_str() {
            "" | "article" => Some(Part::Article),
            "share" => Some(Part::Share),
            "popular" => Some(Part::Popular),
            "more" => Some(Part::More),
            _ => None,
        }
    }
}

/// Everything a widget instance needs to know before it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The part shown.
    pub part: Part,
    /// The feed's address, relative to the host page; `None` when missing or unsafe.
    pub src: Option<String>,
    /// The language of the widget's interface.
    pub lang: Lang,
    /// The article to show (its id); the feed's first article when absent.
    pub article: Option<String>,
    /// Share settings from `data-share-*`, over the feed's.
    pub share: ShareOverrides,
    /// The URL to share instead of the article's canonical URL (`data-share-url`).
    pub share_url: Option<String>,
    /// The title to share instead of the headline (`data-share-title`).
    pub share_title: Option<String>,
    /// Which follow call to action to show.
    pub follow: FollowChoice,
    /// How the most-read list is set up (`data-popular-*`).
    pub popular: PopularOptions,
    /// How many latest articles "Plus d'actualités" shows at a time (`data-more-length`);
    /// 0 leaves the list out of the article page.
    pub more_length: usize,
    /// Whether the latest articles of the current article's section come first
    /// (`data-more-same-section`).
    pub more_same_section: bool,
    /// Where list items lead (`data-links`).
    pub links: Links,
    /// Light or dark, or as the reader's system says (`data-theme`).
    pub theme: Theme,
    /// How long to wait for the feed, in milliseconds (`data-timeout`, in seconds).
    pub timeout_ms: u32,
    /// The source's format (`data-format`).
    pub format: Format,
    /// Where one article lives, `{id}` standing for its id (`data-article-src`).
    pub article_src: Option<String>,
    /// A feed of the most-read articles (`data-popular-src`).
    pub popular_src: Option<String>,
    /// Whether a WordPress site has WP Popular Posts (`data-popular-plugin`).
    pub popular_plugin: PopularPlugin,
    /// Which reading tools the article offers (`data-listen`, `data-text-size`,
    /// `data-data-saver`).
    pub reading: ReadingOptions,
}

impl Config {
    /// What this configuration says about its sources, once `data-src` is known.
    pub fn source_setup<'a>(&'a self, src: &'a str) -> SourceSetup<'a> {
        SourceSetup {
            src,
            format: self.format,
            article_src: self.article_src.as_deref(),
            popular_src: self.popular_src.as_deref(),
            popular_plugin: self.popular_plugin,
            more_length: self.more_length,
            popular: self.popular,
        }
    }
}

/// The widget's colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// As the reader's system says (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value of the widget root's `data-theme`, which the stylesheet reads, on a host page
    /// that declares `host_schemes` (its `color-scheme`: meta tag or root style, e.g.
    /// "light dark"). `auto` follows the reader's system only where the host page says it
    /// has a dark look too: a widget must not turn dark in a page that stays light.
    pub fn attribute(self, host_schemes: &str) -> Option<&'static str> {
        let host_has_dark = host_schemes.split_ascii_whitespace().any(|scheme| scheme.eq_ignore_ascii_case("dark"));
        match self {
            Theme::Auto if host_has_dark => None,
            Theme::Auto | Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            part: Part::default(),
            src: None,
            lang: Lang::default(),
            article: None,
            share: ShareOverrides::default(),
            share_url: None,
            share_title: None,
            follow: FollowChoice::default(),
            popular: PopularOptions::default(),
            more_length: 6,
            more_same_section: false,
            links: Links::default(),
            theme: Theme::default(),
            timeout_ms: 15_000,
            format: Format::default(),
            article_src: None,
            popular_src: None,
            popular_plugin: PopularPlugin::default(),
            reading: ReadingOptions::default(),
        }
    }
}

/// Where the items of the lists lead.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Links {
    /// To the article shown inside the widget, with a deep link in the page address.
    #[default]
    Widget,
    /// To the publisher's own page for the article (its `url`), when it has one.
    Publisher,
}

impl Config {
    /// The follow call to action to show under an article from `feed`.
    pub fn follow_for(&self, feed: Option<&crate::model::Feed>) -> Option<Follow> {
        match &self.follow {
            FollowChoice::FromFeed => feed.and_then(|feed| feed.follow.clone()),
            FollowChoice::Hidden => None,
            FollowChoice::Custom(follow) => Some(follow.clone()),
        }
    }
}

/// Which follow call to action a widget shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum FollowChoice {
    /// The feed's, if it has one.
    #[default]
    FromFeed,
    /// None at all (`data-follow="none"`).
    Hidden,
    /// The one given by `data-follow-url`, `data-follow-text` and `data-follow-network`.
    Custom(Follow),
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
        // A share bar can share the host page itself, without any feed.
        None if config.part == Part::Share => {}
        None => errors.push(ConfigError { attribute: "data-src", accepted: None }),
        Some(src) => match safe_url(&src) {
            Some(src) => config.src = Some(src),
            None => errors.push(ConfigError { attribute: "data-src", accepted: Some(URL_ACCEPTED) }),
        },
    }

    config.article = text(&attribute, "data-article");
    config.share = share_overrides(&attribute, &mut errors);
    config.share_title = text(&attribute, "data-share-title");
    config.share_url = match text(&attribute, "data-share-url") {
        Some(url) => safe_url(&url).or_else(|| {
            errors.push(ConfigError { attribute: "data-share-url", accepted: Some(URL_ACCEPTED) });
            None
        }),
        None => None,
    };
    config.follow = follow_choice(&attribute, &mut errors);
    read_lists(&attribute, &mut config, &mut errors);
    config.theme = choice(&attribute, "data-theme", "auto, light, dark", &mut errors, |v| match v.to_ascii_lowercase().as_str() {
        "auto" => Some(Theme::Auto),
        "light" => Some(Theme::Light),
        "dark" => Some(Theme::Dark),
        _ => None,
    })
    .unwrap_or_default();
    if let Some(seconds) = choice(&attribute, "data-timeout", "1–120", &mut errors, |v| count_in(v, 1..=120)) {
        config.timeout_ms = seconds as u32 * 1000;
    }
    config.format = choice(&attribute, "data-format", Format::ACCEPTED, &mut errors, Format::from_name).unwrap_or_default();
    config.article_src = url_attribute(&attribute, "data-article-src", &mut errors);
    config.popular_src = url_attribute(&attribute, "data-popular-src", &mut errors);
    config.popular_plugin =
        choice(&attribute, "data-popular-plugin", PopularPlugin::ACCEPTED, &mut errors, PopularPlugin::from_name).unwrap_or_default();
    let mut offered = |name| choice(&attribute, name, "true, false", &mut errors, yes_no).unwrap_or(true);
    config.reading = ReadingOptions {
        listen: offered("data-listen"),
        text_size: offered("data-text-size"),
        data_saver: offered("data-data-saver"),
    };
    (config, errors)
}

fn read_lists(attribute: &impl Fn(&str) -> Option<String>, config: &mut Config, errors: &mut Vec<ConfigError>) {
    let popular = &mut config.popular;
    if let Some(length) = choice(attribute, "data-popular-length", "0–20", errors, |v| count_in(v, 0..=20)) {
        popular.length = length;
    }
    if let Some(range) = choice(attribute, "data-popular-range", Range::ACCEPTED, errors, Range::from_name) {
        popular.range = range;
    }
    if let Some(hours) = choice(attribute, "data-popular-max-age", "1–8760", errors, |v| count_in(v, 1..=8760)) {
        popular.max_age_hours = hours as u32;
    }
    if let Some(when) = choice(attribute, "data-popular-stale", WhenStale::ACCEPTED, errors, WhenStale::from_name) {
        popular.when_stale = when;
    }
    config.more_length = choice(attribute, "data-more-length", "0–50", errors, |v| count_in(v, 0..=50)).unwrap_or(config.more_length);
    config.more_same_section =
        choice(attribute, "data-more-same-section", "true, false", errors, yes_no).unwrap_or_default();
    config.links = choice(attribute, "data-links", "widget, publisher", errors, |v| match v.to_ascii_lowercase().as_str() {
        "widget" => Some(Links::Widget),
        "publisher" => Some(Links::Publisher),
        _ => None,
    })
    .unwrap_or_default();
}

/// The attribute `name` read by `read`; a value `read` refuses is reported with what the
/// attribute accepts.
fn choice<T>(
    attribute: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    accepted: &'static str,
    errors: &mut Vec<ConfigError>,
    read: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let value = text(attribute, name)?;
    let read = read(&value);
    if read.is_none() {
        errors.push(ConfigError { attribute: name, accepted: Some(accepted) });
    }
    read
}

fn count_in(value: &str, range: std::ops::RangeInclusive<usize>) -> Option<usize> {
    value.parse().ok().filter(|n| range.contains(n))
}

fn yes_no(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// An address from an attribute, when its scheme is safe.
fn url_attribute(attribute: &impl Fn(&str) -> Option<String>, name: &'static str, errors: &mut Vec<ConfigError>) -> Option<String> {
    choice(attribute, name, URL_ACCEPTED, errors, safe_url)
}

/// A trimmed, non-empty attribute value.
fn text(attribute: &impl Fn(&str) -> Option<String>, name: &str) -> Option<String> {
    attribute(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn share_overrides(attribute: &impl Fn(&str) -> Option<String>, errors: &mut Vec<ConfigError>) -> ShareOverrides {
    let mut overrides = ShareOverrides::default();
    if let Some(list) = text(attribute, "data-share-networks") {
        match parse_networks(&list) {
            Ok(networks) => overrides.networks = Some(networks),
            Err(_) => errors.push(ConfigError { attribute: "data-share-networks", accepted: Some(ACCEPTED_NETWORKS) }),
        }
    }
    if let Some(visible) = text(attribute, "data-share-visible") {
        match visible.parse::<usize>() {
            Ok(visible) if visible <= MAX_VISIBLE => overrides.visible = Some(visible),
            _ => errors.push(ConfigError { attribute: "data-share-visible", accepted: Some(VISIBLE_ACCEPTED) }),
        }
    }
    if let Some(style) = text(attribute, "data-share-style") {
        match ButtonStyle::from_value(&style) {
            Some(style) => overrides.style = Some(style),
            None => errors.push(ConfigError { attribute: "data-share-style", accepted: Some(ButtonStyle::ACCEPTED) }),
        }
    }
    overrides.campaign = text(attribute, "data-share-campaign");
    overrides
}

fn follow_choice(attribute: &impl Fn(&str) -> Option<String>, errors: &mut Vec<ConfigError>) -> FollowChoice {
    match text(attribute, "data-follow").map(|v| v.to_ascii_lowercase()).as_deref() {
        None => {}
        Some("none") => return FollowChoice::Hidden,
        Some(_) => errors.push(ConfigError { attribute: "data-follow", accepted: Some("none") }),
    }
    let url = text(attribute, "data-follow-url");
    let follow_text = text(attribute, "data-follow-text");
    match (url, follow_text) {
        (None, None) => FollowChoice::FromFeed,
        (Some(url), Some(follow_text)) => match safe_url(&url) {
            Some(url) => FollowChoice::Custom(Follow {
                network: text(attribute, "data-follow-network").unwrap_or_default().to_ascii_lowercase(),
                url,
                text: follow_text,
            }),
            None => {
                errors.push(ConfigError { attribute: "data-follow-url", accepted: Some(URL_ACCEPTED) });
                FollowChoice::FromFeed
            }
        },
        (None, Some(_)) => {
            errors.push(ConfigError { attribute: "data-follow-url", accepted: None });
            FollowChoice::FromFeed
        }
        (Some(_), None) => {
            errors.push(ConfigError { attribute: "data-follow-text", accepted: None });
            FollowChoice::FromFeed
        }
    }
}

/// The most share buttons that can show before "More": all of them.
const MAX_VISIBLE: usize = crate::share::Network::ALL.len();
const VISIBLE_ACCEPTED: &str = "0–14";

const LANGS_ACCEPTED: &str = "fr, en, ar";
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
        assert_eq!(config, Config {
            part: Part::Article,
            src: Some("data/feed.json".into()),
            lang: Lang::En,
            article: Some("a1".into()),
            ..Config::default()
        });
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
            ConfigError { attribute: "data-lang", accepted: Some("fr, en, ar") },
            ConfigError { attribute: "data-kiosque", accepted: Some("article, share, popular, more") },
            ConfigError { attribute: "data-src", accepted: Some("http(s)") },
        ]);
        assert_eq!(errors[0].message(Lang::En), "Invalid value for data-lang: accepted values are fr, en, ar.");
    }

    #[test]
    fn a_missing_source_is_reported() {
        let (config, errors) = parse_attrs(&[("data-src", "  ")], LangHints::default());
        assert_eq!(config.src, None);
        assert_eq!(errors, [ConfigError { attribute: "data-src", accepted: None }]);
        assert_eq!(errors[0].message(Lang::Fr), "L’attribut data-src est obligatoire.");
    }

    #[test]
    fn share_attributes() {
        let (config, errors) = parse_attrs(&[
            ("data-src", "f"), ("data-share-networks", "x, whatsapp"), ("data-share-visible", "1"),
            ("data-share-style", "labels"), ("data-share-campaign", "utm_source={network}"),
            ("data-share-url", "https://n.example/a"), ("data-share-title", " Titre "),
        ], LangHints::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.share, ShareOverrides {
            networks: Some(vec![crate::share::Network::X, crate::share::Network::WhatsApp]),
            visible: Some(1),
            style: Some(ButtonStyle::Labels),
            campaign: Some("utm_source={network}".into()),
        });
        assert_eq!(config.share_url.as_deref(), Some("https://n.example/a"));
        assert_eq!(config.share_title.as_deref(), Some("Titre"));
    }

    #[test]
    fn bad_share_attributes_are_named() {
        let (config, errors) = parse_attrs(&[
            ("data-src", "f"), ("data-share-networks", "x, pocket"), ("data-share-visible", "-1"),
            ("data-share-style", "huge"), ("data-share-url", "javascript:alert(1)"),
        ], LangHints::default());
        assert_eq!(config.share, ShareOverrides::default());
        assert_eq!(config.share_url, None);
        let named: Vec<&str> = errors.iter().map(|e| e.attribute).collect();
        assert_eq!(named, ["data-share-networks", "data-share-visible", "data-share-style", "data-share-url"]);
        assert_eq!(parse_attrs(&[("data-src", "f"), ("data-share-visible", "15")], LangHints::default()).1.len(), 1);
    }

    #[test]
    fn follow_call_to_action_can_be_hidden_or_replaced() {
        let hints = LangHints::default();
        assert_eq!(parse_attrs(&[("data-src", "f")], hints).0.follow, FollowChoice::FromFeed);
        assert_eq!(parse_attrs(&[("data-src", "f"), ("data-follow", "None")], hints).0.follow, FollowChoice::Hidden);
        let (config, errors) = parse_attrs(&[
            ("data-src", "f"), ("data-follow-url", "https://t.me/nasuba"), ("data-follow-text", "Rejoignez-nous sur Telegram"),
            ("data-follow-network", "Telegram"),
        ], hints);
        assert!(errors.is_empty());
        assert_eq!(config.follow, FollowChoice::Custom(Follow {
            network: "telegram".into(), url: "https://t.me/nasuba".into(), text: "Rejoignez-nous sur Telegram".into(),
        }));
        let (config, errors) = parse_attrs(&[("data-src", "f"), ("data-follow-url", "javascript:x"), ("data-follow-text", "x")], hints);
        assert_eq!(config.follow, FollowChoice::FromFeed);
        assert_eq!(errors[0].attribute, "data-follow-url");
        let (_, errors) = parse_attrs(&[("data-src", "f"), ("data-follow-text", "x")], hints);
        assert_eq!(errors, [ConfigError { attribute: "data-follow-url", accepted: None }]);
        let (_, errors) = parse_attrs(&[("data-src", "f"), ("data-follow", "yes")], hints);
        assert_eq!(errors[0].attribute, "data-follow");
    }

    #[test]
    fn list_attributes() {
        let hints = LangHints::default();
        let (config, errors) = parse_attrs(&[("data-src", "f")], hints);
        assert!(errors.is_empty());
        assert_eq!(config.popular, PopularOptions::default());
        assert_eq!((config.more_length, config.more_same_section, config.links), (6, false, Links::Widget));
        let (config, errors) = parse_attrs(&[
            ("data-src", "f"), ("data-popular-length", "10"), ("data-popular-range", "7d"),
            ("data-popular-max-age", "24"), ("data-popular-stale", "hide"), ("data-more-length", "3"),
            ("data-more-same-section", "true"), ("data-links", "Publisher"),
        ], hints);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.popular, PopularOptions { length: 10, range: Range::Week, max_age_hours: 24, when_stale: WhenStale::Hide });
        assert_eq!((config.more_length, config.more_same_section, config.links), (3, true, Links::Publisher));
    }

    #[test]
    fn bad_list_attributes_are_named_and_defaults_kept() {
        let (config, errors) = parse_attrs(&[
            ("data-src", "f"), ("data-popular-length", "21"), ("data-popular-range", "year"),
            ("data-popular-max-age", "-3"), ("data-popular-stale", "blink"), ("data-more-length", "lots"),
            ("data-more-same-section", "maybe"), ("data-links", "elsewhere"),
        ], LangHints::default());
        assert_eq!(config.popular, PopularOptions::default());
        assert_eq!((config.more_length, config.more_same_section, config.links), (6, false, Links::Widget));
        let named: Vec<&str> = errors.iter().map(|e| e.attribute).collect();
        assert_eq!(named, [
            "data-popular-length", "data-popular-range", "data-popular-max-age", "data-popular-stale",
            "data-more-length", "data-more-same-section", "data-links",
        ]);
        assert_eq!(errors[1].message(Lang::En), "Invalid value for data-popular-range: accepted values are 24h, 7d, 30d, all.");
    }

    #[test]
    fn an_empty_part_means_the_article() {
        assert_eq!(parse_attrs(&[("data-kiosque", ""), ("data-src", "f")], LangHints::default()).0.part, Part::Article);
    }

    #[test]
    fn automatic_theme_follows_the_reader_only_where_the_host_page_has_a_dark_look() {
        assert_eq!(Theme::Auto.attribute("light dark"), None);
        assert_eq!(Theme::Auto.attribute("only dark"), None);
        assert_eq!(Theme::Auto.attribute("DARK light"), None);
        assert_eq!(Theme::Auto.attribute(""), Some("light"));
        assert_eq!(Theme::Auto.attribute("normal"), Some("light"));
        assert_eq!(Theme::Auto.attribute("light"), Some("light"));
        assert_eq!(Theme::Auto.attribute("darkish"), Some("light"));
        // A publisher's choice wins either way.
        assert_eq!(Theme::Dark.attribute(""), Some("dark"));
        assert_eq!(Theme::Light.attribute("light dark"), Some("light"));
    }

    #[test]
    fn theme_is_automatic_unless_set() {
        let hints = LangHints::default();
        assert_eq!(parse_attrs(&[("data-src", "f")], hints).0.theme, Theme::Auto);
        assert_eq!(parse_attrs(&[("data-src", "f"), ("data-theme", "Dark")], hints).0.theme.attribute(""), Some("dark"));
        let (config, errors) = parse_attrs(&[("data-src", "f"), ("data-theme", "sepia")], hints);
        assert_eq!((config.theme, errors[0].attribute), (Theme::Auto, "data-theme"));
    }

    #[test]
    fn reading_tools_are_offered_unless_turned_off() {
        let hints = LangHints::default();
        assert_eq!(parse_attrs(&[("data-src", "f")], hints).0.reading, ReadingOptions::default());
        let (config, errors) = parse_attrs(
            &[("data-src", "f"), ("data-listen", "false"), ("data-text-size", "no"), ("data-data-saver", "0")],
            hints,
        );
        assert_eq!(config.reading, ReadingOptions { listen: false, text_size: false, data_saver: false });
        assert!(!config.reading.any() && errors.is_empty());
        let (config, errors) = parse_attrs(&[("data-src", "f"), ("data-listen", "loud")], hints);
        assert!(config.reading.listen);
        assert_eq!((errors[0].attribute, errors[0].accepted), ("data-listen", Some("true, false")));
    }

    #[test]
    fn timeout_in_seconds() {
        let hints = LangHints::default();
        assert_eq!(parse_attrs(&[("data-src", "f")], hints).0.timeout_ms, 15_000);
        assert_eq!(parse_attrs(&[("data-src", "f"), ("data-timeout", "2")], hints).0.timeout_ms, 2_000);
        let (config, errors) = parse_attrs(&[("data-src", "f"), ("data-timeout", "0")], hints);
        assert_eq!((config.timeout_ms, errors[0].attribute), (15_000, "data-timeout"));
    }

    #[test]
    fn source_attributes() {
        let hints = LangHints::default();
        let (config, errors) = parse_attrs(&[
            ("data-src", "https://wp.example"), ("data-format", "WordPress"),
            ("data-article-src", "big/articles/{id}.json"), ("data-popular-src", "big/popular.json"),
        ], hints);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.format, Format::WordPress);
        assert_eq!(config.article_src.as_deref(), Some("big/articles/{id}.json"));
        let setup = config.source_setup("https://wp.example");
        assert_eq!(setup.popular_src, Some("big/popular.json"));
        let (config, errors) = parse_attrs(&[
            ("data-src", "f"), ("data-format", "rss"), ("data-article-src", "javascript:x"), ("data-popular-src", "data:x"),
        ], hints);
        assert_eq!((config.format, config.article_src, config.popular_src), (Format::Auto, None, None));
        let named: Vec<&str> = errors.iter().map(|e| e.attribute).collect();
        assert_eq!(named, ["data-format", "data-article-src", "data-popular-src"]);
    }

    #[test]
    fn parts_and_their_sources() {
        let hints = LangHints::default();
        for (value, part) in [("share", Part::Share), (" Popular ", Part::Popular), ("more", Part::More)] {
            assert_eq!(parse_attrs(&[("data-kiosque", value), ("data-src", "f")], hints).0.part, part);
        }
        // A share bar alone may share the page it is on: no feed needed.
        let (config, errors) = parse_attrs(&[("data-kiosque", "share")], hints);
        assert_eq!((config.part, config.src, errors), (Part::Share, None, vec![]));
        let (_, errors) = parse_attrs(&[("data-kiosque", "popular")], hints);
        assert_eq!(errors, [ConfigError { attribute: "data-src", accepted: None }]);
    }

    #[test]
    fn the_popular_plugin_can_be_named() {
        let hints = LangHints::default();
        let plugin = |value| parse_attrs(&[("data-src", "https://wp.example"), ("data-popular-plugin", value)], hints);
        assert_eq!(plugin("none").0.source_setup("s").popular_plugin, PopularPlugin::None);
        assert_eq!(plugin(" WPP ").0.popular_plugin, PopularPlugin::Wpp);
        assert_eq!(parse_attrs(&[("data-src", "f")], hints).0.popular_plugin, PopularPlugin::Auto);
        let (config, errors) = plugin("jetpack");
        assert_eq!(config.popular_plugin, PopularPlugin::Auto);
        assert_eq!(errors, [ConfigError { attribute: "data-popular-plugin", accepted: Some(PopularPlugin::ACCEPTED) }]);
        assert_eq!(errors[0].message(Lang::En), "Invalid value for data-popular-plugin: accepted values are auto, wpp, none.");
        assert_ne!(errors[0].message(Lang::Fr), errors[0].message(Lang::En));
        assert_ne!(errors[0].message(Lang::Ar), errors[0].message(Lang::En));
    }
}
