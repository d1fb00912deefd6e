//! Reading publishers' documents into the [`Feed`] model, and what can go wrong on the way.

pub mod json;
pub mod json_feed;
pub mod plan;
pub mod value;
pub mod wordpress;

use std::collections::HashSet;

use value::Value;

use crate::i18n::Lang;
use crate::model::{Article, Expected, Feed, Invalid, Problem};

/// The largest answer read: beyond it a reader's phone would pay for a feed that should have
/// been split (see the static layout in the README).
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

/// Why content could not be shown. Every variant has a localized message.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The request failed before any answer (offline, refused, CORS).
    Network,
    /// No answer came in time.
    Timeout,
    /// The server answered with an error status.
    Http(u16),
    /// The answer was a page or text, not JSON.
    NotJson,
    /// The answer is larger than a feed should ever be ([`MAX_BODY_BYTES`]).
    TooLarge,
    /// The JSON is malformed or cut short; 1-based position of the fault.
    Syntax {
        /// Line of the fault.
        line: usize,
        /// Column of the fault.
        column: usize,
    },
    /// The JSON is well formed but is not what was expected here.
    Invalid(Invalid),
    /// Nothing could be read; the first item's problem, if there was an item.
    Empty(Option<Invalid>),
    /// The requested article is not in the source.
    NotFound(String),
    /// A part of the widget's own code could not be downloaded.
    Code,
}

impl LoadError {
    /// What a publisher needs to find the fault, which a reader does not: where malformed
    /// JSON breaks off. Technical English, for the console and a `data-` attribute.
    pub fn detail(&self) -> Option<String> {
        match self {
            LoadError::Syntax { line, column } => Some(format!("JSON syntax error at line {line}, column {column}")),
            _ => None,
        }
    }

    /// What went wrong, for a reader, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let strings = lang.strings();
        match self {
            LoadError::Network => strings.error_network.to_owned(),
            LoadError::Timeout => strings.error_timeout.to_owned(),
            LoadError::Http(status) => (strings.error_http)(*status),
            LoadError::NotJson => strings.error_not_json.to_owned(),
            LoadError::TooLarge => strings.error_too_large.to_owned(),
            LoadError::Syntax { .. } => strings.error_syntax.to_owned(),
            LoadError::Invalid(invalid) => describe(invalid, lang),
            LoadError::Empty(None) => strings.error_empty.to_owned(),
            LoadError::Empty(Some(first)) => format!("{} {}", strings.error_empty, describe(first, lang)),
            LoadError::NotFound(id) => (strings.error_not_found)(id),
            LoadError::Code => strings.error_code.to_owned(),
        }
    }
}

/// Adds the items read from a document to `feed`, in order: articles to its articles, and
/// items that could not be read or repeat an earlier id to its skipped ones. `path` names a
/// repeated item as the publisher would look for it ("items[id=…]").
fn add_items(feed: &mut Feed, items: Vec<Result<Article, Invalid>>, path: impl Fn(&str) -> String) {
    // A set, not a search of the articles so far: a 10,000-item feed would take seconds.
    let mut seen = HashSet::with_capacity(items.len());
    let unique: Vec<bool> =
        items.iter().map(|item| item.as_ref().map_or(true, |article| seen.insert(article.id.as_str()))).collect();
    drop(seen);
    for (item, unique) in items.into_iter().zip(unique) {
        match item {
            Ok(article) if unique => feed.articles.push(article.without_control_characters()),
            Ok(article) => feed.skipped.push(Invalid { path: path(&article.id), problem: Problem::Duplicate }),
            Err(invalid) => feed.skipped.push(invalid),
        }
    }
}

/// "The data is invalid: items[3].id — required field missing."
pub fn describe(invalid: &Invalid, lang: Lang) -> String {
    let strings = lang.strings();
    let types = &strings.json_types;
    let why = match invalid.problem {
        Problem::Missing => strings.problem_missing.to_owned(),
        Problem::Duplicate => strings.problem_duplicate.to_owned(),
        Problem::WrongType(expected) => (strings.problem_wrong_type)(match expected {
            Expected::Object => types.object,
            Expected::Array => types.array,
            Expected::String => types.string,
            Expected::Number => types.number,
            Expected::Date => types.date,
            Expected::Url => types.url,
        }),
    };
    (strings.error_invalid)(&invalid.path, &why)
}

/// Parses a response body as JSON, telling a web page apart from broken JSON.
pub fn parse_json(body: &str) -> Result<Value<'_>, LoadError> {
    let start = body.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    if start.starts_with('<') {
        return Err(LoadError::NotJson);
    }
    serde_json::from_str(start).map_err(|error| LoadError::Syntax {
        line: error.line().max(1),
        column: error.column().max(1),
    })
}

/// Reads a document fetched from `feed_url`, whichever format it is in.
pub fn read_feed(body: &str, feed_url: &str) -> Result<Feed, LoadError> {
    plan::read_resource(body, feed_url, plan::Reader::Detect, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://news.example/feed.json";

    #[test]
    fn html_is_told_apart_from_broken_json() {
        assert_eq!(read_feed("<!DOCTYPE html><html>", URL), Err(LoadError::NotJson));
        assert_eq!(read_feed("\u{feff}\n  <html>", URL), Err(LoadError::NotJson));
        assert_eq!(read_feed("{\"items\": [", URL), Err(LoadError::Syntax { line: 1, column: 11 }));
        assert_eq!(read_feed("", URL), Err(LoadError::Syntax { line: 1, column: 1 }));
        assert_eq!(read_feed("{\n\"items\": [],,\n}", URL), Err(LoadError::Syntax { line: 2, column: 13 }));
    }

    #[test]
    fn a_feed_without_readable_items_is_empty() {
        assert_eq!(read_feed(r#"{"items": []}"#, URL), Err(LoadError::Empty(None)));
        let error = read_feed(r#"{"items": [{"title": "x"}]}"#, URL).unwrap_err();
        assert_eq!(error, LoadError::Empty(Some(Invalid { path: "items[0].id".into(), problem: Problem::Missing })));
        assert_eq!(error.message(Lang::En),
            "The feed holds no readable article. The data is invalid: items[0].id — required field missing.");
    }

    #[test]
    fn text_loses_what_html_cannot_carry() {
        let feed = read_feed("{\"items\": [{\"id\": \"a\", \"title\": \"Un\\r\\ndeux\\u0000 trois\\u0007\", \"content_text\": \"x\\ry\"}]}", URL).unwrap();
        assert_eq!(feed.articles[0].title, "Un\ndeux trois");
        assert_eq!(feed.articles[0].body, crate::model::Body::Text("x\ny".into()));
    }

    #[test]
    fn every_error_reads_in_both_languages() {
        let errors = [
            LoadError::Network, LoadError::Timeout, LoadError::Http(500), LoadError::NotJson,
            LoadError::Syntax { line: 3, column: 4 },
            LoadError::Invalid(Invalid { path: "items".into(), problem: Problem::WrongType(Expected::Array) }),
            LoadError::Empty(None), LoadError::NotFound("abc".into()),
        ];
        for error in &errors {
            let fr = error.message(Lang::Fr);
            let en = error.message(Lang::En);
            assert!(!fr.is_empty() && !en.is_empty());
            assert_ne!(fr, en, "{error:?} is not translated");
        }
        assert_eq!(errors[5].message(Lang::Fr), "Les données sont invalides\u{a0}: items — une liste attendu.");
        // The reader is told what happened; where, is for the publisher.
        assert_eq!(errors[4].message(Lang::En), "The data received is malformed or incomplete.");
        assert_eq!(errors[4].detail().as_deref(), Some("JSON syntax error at line 3, column 4"));
        assert_eq!(errors[0].detail(), None);
    }
}
