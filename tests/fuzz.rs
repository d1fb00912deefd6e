//! Property tests over everything that reads outside input: no input may panic, and what must
//! round-trip does. `cargo test` runs a few hundred cases per property; for a real run:
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz` (see the README).
#![cfg(not(target_arch = "wasm32"))]

use kiosque::config::{parse, LangHints};
use kiosque::dates::{parse_feed_date, parse_rfc3339, parse_wordpress, relative_date};
use kiosque::i18n::Lang;
use kiosque::popular::{more_news, rank_popular, Range};
use kiosque::reading::listen::utterances;
use kiosque::reading::text_size::TextSize;
use kiosque::share::{encode, fit_post, mastodon_instance_host, parse_networks, with_campaign, Network};
use kiosque::sources::{parse_json, read_feed, wordpress};
use kiosque::text::{byline, decode_references, strip_tags, word_count};
use kiosque::url::{percent_decode, query_param, resolve, safe_absolute_url, safe_url, with_query_param};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Any JSON value, biased towards the shapes feeds have.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        ".{0,40}".prop_map(Value::String),
        prop_oneof![
            Just("2026-02-02T11:42:00+00:00"),
            Just("2026-02-02T09:30:00"),
            Just("javascript:alert(1)"),
            Just("https://news.example/a"),
            Just("images/a.svg"),
            Just("1 204"),
            Just("&#8217;&amp;&lt;b&gt;"),
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    let keys = prop_oneof![
        Just("id"), Just("title"), Just("items"), Just("content_html"), Just("content_text"),
        Just("summary"), Just("url"), Just("image"), Just("date_published"), Just("authors"),
        Just("name"), Just("_kiosque"), Just("views"), Just("24h"), Just("section"), Just("follow"),
        Just("share"), Just("networks"), Just("rendered"), Just("date"), Just("date_gmt"), Just("link"),
        Just("slug"), Just("_embedded"), Just("wp:featuredmedia"), Just("wp:term"), Just("pageviews"),
        Just("version"), Just("next_url"), Just("protected"), Just("content"), Just("excerpt"),
    ];
    leaf.prop_recursive(5, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_text_is_said_whole_in_pieces_of_bounded_size(blocks in prop::collection::vec("(.{0,60}[.!?؟ ]){0,12}", 0..6)) {
        let pieces = utterances(blocks.iter().map(String::as_str));
        for (block, text) in blocks.iter().enumerate() {
            let said: Vec<&str> = pieces.iter().filter(|piece| piece.block == block).map(|piece| piece.text.as_str()).collect();
            prop_assert_eq!(said.join(" "), text.split_whitespace().collect::<Vec<_>>().join(" "));
            for piece in said {
                prop_assert!(!piece.is_empty() && (piece.chars().count() <= 220 || !piece.contains(' ')), "{piece:?}");
            }
        }
        // A remembered text size is whatever the reader's storage holds: never a panic.
        let _ = TextSize::from_stored(blocks.first().map_or("", String::as_str)).scale();
    }

    #[test]
    fn any_text_is_read_or_refused_without_panic(body in ".{0,400}") {
        let _ = read_feed(&body, "https://news.example/feed.json");
    }

    #[test]
    fn any_json_is_read_or_refused_without_panic(document in json_value()) {
        let body = document.to_string();
        if let Ok(feed) = read_feed(&body, "https://news.example/feed.json") {
            for article in &feed.articles {
                prop_assert!(!article.id.is_empty());
                if let Some(url) = &article.url {
                    prop_assert!(url.starts_with("http://") || url.starts_with("https://"), "{url}");
                }
            }
            let _ = rank_popular(feed.articles.iter(), Range::Day, None, 5);
            let _ = more_news(feed.articles.iter(), feed.articles.first(), true);
        }
        let document = parse_json(&body).expect("serde_json writes valid JSON");
        let _ = wordpress::read_posts(&document, "https://wp.example/");
        let _ = wordpress::read_popular(&document, "https://wp.example/", Range::Week);
        let _ = wordpress::read_namespaces(&document);
    }

    #[test]
    fn any_attributes_configure_without_panic(values in prop::collection::vec(".{0,30}", 25)) {
        let names = [
            "data-kiosque", "data-src", "data-lang", "data-article", "data-share-networks",
            "data-share-visible", "data-share-style", "data-share-campaign", "data-share-url",
            "data-share-title", "data-follow", "data-follow-url", "data-follow-text", "data-follow-network",
            "data-popular-length", "data-popular-range", "data-popular-max-age", "data-popular-stale",
            "data-more-length", "data-more-same-section", "data-links", "data-theme", "data-timeout", "data-format",
            "data-popular-plugin",
        ];
        let (config, errors) = parse(
            |name| names.iter().position(|n| *n == name).map(|i| values[i].clone()),
            LangHints { query: Some(&values[0]), page: Some(&values[1]) },
        );
        for error in &errors {
            prop_assert!(!error.message(config.lang).is_empty());
        }
        if let Some(src) = &config.src {
            prop_assert!(safe_url(src).is_some());
        }
    }

    #[test]
    fn urls_never_panic_and_unsafe_schemes_never_pass(raw in ".{0,80}", base in ".{0,40}") {
        let _ = resolve(&base, &raw);
        if let Some(url) = safe_absolute_url(&raw, "https://news.example/a/b") {
            let lower = url.to_ascii_lowercase();
            prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"), "{url}");
        }
        let _ = percent_decode(&raw);
        let _ = query_param(&raw, "kiosque");
    }

    #[test]
    fn deep_links_round_trip_any_id(id in ".{1,40}", page in "https://[a-z]{1,8}\\.example/[a-z/]{0,10}(\\?[a-z]{1,4}=[a-z0-9]{0,4})?(#[a-z]{0,6})?") {
        let href = with_query_param(&page, "kiosque", Some(&id));
        let read = query_param(&href, "kiosque");
        prop_assert_eq!(read.as_deref(), Some(id.as_str()));
    }

    #[test]
    fn share_parameters_round_trip_any_title(title in ".{0,120}") {
        prop_assert_eq!(percent_decode(&encode(&title)), title.clone());
        let post = fit_post(&title, "https://news.example/a", 300);
        prop_assert!(post.chars().count() <= 300 || title.is_empty());
        let _ = mastodon_instance_host(&title);
        let _ = parse_networks(&title);
        let _ = with_campaign("https://news.example/a?x=1#f", Network::WhatsApp, &title);
    }

    #[test]
    fn date_like_text_never_panics(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?.{0,8}") {
        if let Some(date) = parse_feed_date(&text) {
            let _ = relative_date(&date, &date, Lang::Fr);
        }
    }

    #[test]
    fn dates_and_text_never_panic(text in ".{0,60}", other in ".{0,30}") {
        let _ = parse_rfc3339(&text);
        let _ = parse_wordpress(&text, Some(&other));
        let _ = strip_tags(&text);
        let _ = word_count(&text);
        let _ = wordpress::html_to_text(&text);
        let _ = decode_references(&text);
        let _ = parse_feed_date(&text);
        let _ = byline(&[text.clone(), other.clone()], "، ", " و");
        if let (Some(a), Some(b)) = (parse_rfc3339("2026-02-02T11:42:00+05:45"), parse_rfc3339(&text)) {
            let _ = relative_date(&b, &a, Lang::Ar);
        }
    }
}
