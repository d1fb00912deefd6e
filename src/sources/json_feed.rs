//! JSON Feed 1.0 and 1.1, and Kiosque's native format: JSON Feed plus a `_kiosque` extension
//! object (on the feed and on each item) for what JSON Feed lacks.
//!
//! Any JSON Feed reads as it is; the extension only adds sections, view counts, image alt
//! text and captions, and the publisher's follow call to action.
//!
//! JSON Feed says titles, summaries, names and tags are plain text, but real generators (Grav,
//! WordPress plugins) HTML-escape them: their character references are decoded, while anything
//! else stays as written, so `Die Rückkehr von <i> und <b>` keeps its angle brackets.

use super::value::Value;

use super::add_items;
use super::json::{count, dimension, text, At};
use crate::dates::{parse_feed_date, parse_rfc3339};
use crate::images::sorted_sources;
use crate::model::{Article, Body, Feed, Follow, Image, ImageSource, Invalid, Problem, Views};
use crate::share::{parse_networks, ButtonStyle, ShareOverrides};
use crate::text::{decode_references, headline_from};
use crate::url::safe_absolute_url;

/// The extension key, on the feed and on items.
const EXTENSION: &str = "_kiosque";

/// Reads a JSON Feed document fetched from `feed_url` (absolute; relative URLs in the feed
/// resolve against it). Items that cannot be read are listed in `Feed::skipped`.
pub fn read(document: &Value, feed_url: &str) -> Result<Feed, Invalid> {
    let root = At::root(document).object()?;
    let feed_authors = root.with("authors", |a| a.map(author_names).unwrap_or_default());
    let feed_authors = if feed_authors.is_empty() {
        root.with("author", |a| a.map(author_names).unwrap_or_default())
    } else {
        feed_authors
    };
    let mut feed = Feed {
        source_url: feed_url.to_owned(),
        title: root.value.get("title").and_then(plain_text).unwrap_or_default(),
        home_page_url: url_field(root.value, "home_page_url", feed_url),
        language: root.value.get("language").and_then(text),
        next_url: url_field(root.value, "next_url", feed_url),
        ..Feed::default()
    };
    if let Some(extension) = root.value.get(EXTENSION) {
        feed.follow = extension.get("follow").and_then(|f| follow(f, feed_url));
        feed.share = extension.get("share").map(share_settings).unwrap_or_default();
        feed.popular_updated = extension.get("popular_updated").and_then(Value::as_str).and_then(parse_rfc3339);
    }
    let items = root.required("items", |items| {
        items.each(|item| article(item, &feed_authors, feed_url))
    })?;
    add_items(&mut feed, items, |id| format!("items[id={id}]"));
    Ok(feed)
}

fn article(item: At<'_>, feed_authors: &[String], feed_url: &str) -> Result<Article, Invalid> {
    let item = item.object()?;
    let value = item.value;
    let id = item.required("id", |id| id.id())?;
    let extension = value.get(EXTENSION);
    let ext = |key: &str| extension.and_then(|e| e.get(key));

    let body = match (value.get("content_html").and_then(text), value.get("content_text").and_then(text)) {
        (Some(html), _) => Body::Html(html),
        (None, Some(plain)) => Body::Text(plain),
        (None, None) => Body::Empty,
    };
    let summary = value.get("summary").and_then(plain_text);
    let title = match value.get("title").and_then(plain_text) {
        Some(title) => title,
        None => made_up_title(summary.as_deref(), &body).ok_or_else(|| Invalid {
            path: format!("items[id={id}].title"),
            problem: Problem::Missing,
        })?,
    };
    let mut authors = item.with("authors", |a| a.map(author_names).unwrap_or_default());
    if authors.is_empty() {
        authors = item.with("author", |a| a.map(author_names).unwrap_or_default());
    }
    if authors.is_empty() {
        authors = feed_authors.to_vec();
    }
    let tags: Vec<String> = value
        .get("tags")
        .and_then(Value::as_array)
        .map(|tags| tags.iter().filter_map(plain_text).collect())
        .unwrap_or_default();
    let image_src = url_field(value, "image", feed_url).or_else(|| url_field(value, "banner_image", feed_url));
    let image = image_src.map(|src| image(src, ext("image"), feed_url));

    Ok(Article {
        id,
        url: url_field(value, "url", feed_url),
        title,
        summary,
        body,
        published: value.get("date_published").and_then(Value::as_str).and_then(parse_feed_date),
        modified: value.get("date_modified").and_then(Value::as_str).and_then(parse_feed_date),
        authors,
        section: ext("section").and_then(text).or_else(|| tags.first().cloned()),
        image,
        views: ext("views").map(views).unwrap_or_default(),
        language: value.get("language").and_then(text),
        sample: ext("sample").and_then(Value::as_bool).unwrap_or(false),
    })
}

/// A headline for an item that has none (JSON Feed allows untitled posts): its summary or the
/// start of its text, cut at a word.
fn made_up_title(summary: Option<&str>, body: &Body) -> Option<String> {
    match (summary, body) {
        (Some(summary), _) => headline_from(summary),
        (None, Body::Text(plain)) => headline_from(plain),
        (None, Body::Html(html)) => headline_from(&crate::text::strip_tags(html)),
        _ => None,
    }
}

/// Author names from JSON Feed 1.1 `authors` (an array) or 1.0 `author` (one object).
fn author_names(value: At<'_>) -> Vec<String> {
    let name = |author: &Value| author.get("name").and_then(plain_text);
    match value.value {
        Value::Array(list) => list.iter().filter_map(name).collect(),
        single => name(single).into_iter().collect(),
    }
}

fn image(src: String, details: Option<&Value>, feed_url: &str) -> Image {
    let get = |key: &str| details.and_then(|d| d.get(key));
    // `sizes`: the same picture in other widths, `[{"url": …, "width": …}]`.
    let sources = get("sizes")
        .and_then(Value::as_array)
        .map(|sizes| {
            sizes
                .iter()
                .filter_map(|size| {
                    let src = url_field(size, "url", feed_url)?;
                    Some(ImageSource { src, width: size.get("width").and_then(dimension)? })
                })
                .collect()
        })
        .unwrap_or_default();
    Image {
        src,
        alt: get("alt").and_then(text).unwrap_or_default(),
        caption: get("caption").and_then(text),
        credit: get("credit").and_then(text),
        width: get("width").and_then(dimension),
        height: get("height").and_then(dimension),
        sources: sorted_sources(sources),
        bytes: get("bytes").and_then(count).filter(|bytes| *bytes > 0),
    }
}

/// View counts: one number means all time; an object gives `24h`, `7d`, `30d` and `all`.
fn views(value: &Value) -> Views {
    match value {
        Value::Object(ranges) => Views {
            day: ranges.get("24h").and_then(count),
            week: ranges.get("7d").and_then(count),
            month: ranges.get("30d").and_then(count),
            all: ranges.get("all").and_then(count),
        },
        other => Views { all: count(other), ..Views::default() },
    }
}

/// `_kiosque.share`: `networks` (an array or a comma list), `visible`, `style`, `campaign`.
/// Values that cannot be read are ignored, leaving the default.
fn share_settings(value: &Value) -> ShareOverrides {
    let networks = match value.get("networks") {
        Some(Value::Array(list)) => {
            let joined = list.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(",");
            parse_networks(&joined).ok()
        }
        Some(Value::String(list)) => parse_networks(list).ok(),
        _ => None,
    };
    ShareOverrides {
        networks,
        visible: value.get("visible").and_then(count).and_then(|n| usize::try_from(n).ok()),
        style: value.get("style").and_then(Value::as_str).and_then(ButtonStyle::from_value),
        campaign: value.get("campaign").and_then(text),
    }
}

fn follow(value: &Value, feed_url: &str) -> Option<Follow> {
    Some(Follow {
        network: value.get("network").and_then(text)?.to_ascii_lowercase(),
        url: url_field(value, "url", feed_url)?,
        text: value.get("text").and_then(text)?,
    })
}

/// A text member meant as plain text, its character references decoded; `None` when empty.
fn plain_text(value: &Value) -> Option<String> {
    text(value).map(|escaped| decode_references(&escaped)).map(|decoded| decoded.trim().to_owned()).filter(|t| !t.is_empty())
}

/// A URL member that is safe to put in the DOM, made absolute; anything else is dropped.
fn url_field(object: &Value, key: &str, feed_url: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).and_then(|raw| safe_absolute_url(raw, feed_url))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Expected;
    use crate::sources::value::json;

    const FEED_URL: &str = "https://news.example/data/feed.json";

    fn read_json(document: Value) -> Feed {
        read(&document, FEED_URL).expect("the feed is readable")
    }

    #[test]
    fn plain_json_feed_1_1_reads_as_it_is() {
        let feed = read_json(json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Un blog",
            "home_page_url": "https://blog.example/",
            "language": "fr-FR",
            "authors": [{"name": "Awa Traoré"}],
            "items": [
                {"id": "1", "url": "https://blog.example/1", "title": "Premier", "content_text": "Un.\nDeux.",
                 "date_published": "2026-02-02T11:42:00+01:00", "tags": ["Culture", "Mode"],
                 "image": "img/1.jpg", "summary": "Résumé", "unknown_field": {"x": 1}},
            ]
        }));
        assert_eq!(feed.title, "Un blog");
        assert_eq!(feed.language.as_deref(), Some("fr-FR"));
        let article = &feed.articles[0];
        assert_eq!(article.id, "1");
        assert_eq!(article.title, "Premier");
        assert_eq!(article.body, Body::Text("Un.\nDeux.".into()));
        assert_eq!(article.authors, ["Awa Traoré"]);
        assert_eq!(article.section.as_deref(), Some("Culture"));
        assert_eq!(article.image.as_ref().unwrap().src, "https://news.example/data/img/1.jpg");
        assert_eq!(article.image.as_ref().unwrap().alt, "");
        assert_eq!(article.published.unwrap().to_rfc3339(), "2026-02-02T11:42:00+01:00");
        assert!(!article.sample);
        assert!(feed.skipped.is_empty());
    }

    #[test]
    fn escaped_titles_summaries_names_and_tags_read_as_text() {
        let feed = read_json(json!({
            "title": "Rose&#039;s blog",
            "authors": [{"name": "Ana &amp; Bo"}],
            "items": [
                {"id": "a", "title": "&quot;Wireless&quot; charging standardises", "summary": "Caf&eacute; &#8216;x&#x2019;",
                 "tags": ["Menus &amp; Lists"], "content_html": "<p>&amp;</p>"},
                {"id": "b", "title": "Die Rückkehr von <i> und <b>", "summary": "<i>-, <b>- und <u>-Tags; Simple & Boring"},
                {"id": "c", "title": "&nbsp;", "summary": "Only &nbsp;a summary"},
            ]
        }));
        assert_eq!(feed.title, "Rose's blog");
        let [a, b, c] = &feed.articles[..] else { panic!("{:?}", feed.articles) };
        assert_eq!(a.title, "\"Wireless\" charging standardises");
        assert_eq!(a.summary.as_deref(), Some("Café ‘x’"));
        assert_eq!(a.authors, ["Ana & Bo"]);
        assert_eq!(a.section.as_deref(), Some("Menus & Lists"));
        // The body is HTML: the sanitizer reads it, so it is left as it came.
        assert_eq!(a.body, Body::Html("<p>&amp;</p>".into()));
        assert_eq!(b.title, "Die Rückkehr von <i> und <b>");
        assert_eq!(b.summary.as_deref(), Some("<i>-, <b>- und <u>-Tags; Simple & Boring"));
        // A title of white space alone is no title: the summary stands in.
        assert_eq!(c.title, "Only \u{a0}a summary");
    }

    #[test]
    fn json_feed_1_0_author_and_numeric_ids() {
        let feed = read_json(json!({
            "version": "https://jsonfeed.org/version/1",
            "title": "Old",
            "author": {"name": "Feed Author"},
            "items": [
                {"id": 7, "content_html": "<p>Hi</p>", "title": "Seven"},
                {"id": "8", "content_text": "Eight", "title": "Eight", "author": {"name": "Item Author"}},
            ]
        }));
        assert_eq!(feed.articles[0].id, "7");
        assert_eq!(feed.articles[0].authors, ["Feed Author"]);
        assert_eq!(feed.articles[0].body, Body::Html("<p>Hi</p>".into()));
        assert_eq!(feed.articles[1].authors, ["Item Author"]);
    }

    #[test]
    fn native_extension_adds_what_json_feed_lacks() {
        let feed = read_json(json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Nasuba Infos",
            "_kiosque": {
                "follow": {"network": "WhatsApp", "url": "https://whatsapp.com/channel/abc", "text": "Suivez-nous"},
                "share": {"networks": ["x", "whatsapp", "nope"], "visible": "3", "style": "labels", "campaign": "utm_source={network}"},
                "popular_updated": "2026-02-02T12:00:00Z"
            },
            "items": [{
                "id": "a", "title": "T", "content_text": "x", "image": "/a.jpg",
                "_kiosque": {
                    "section": "Afrique", "sample": true,
                    "views": {"24h": "12", "7d": 40, "30d": 90.0, "all": "1 000"},
                    "image": {"alt": "Une carte", "caption": "Légende", "credit": "AFP", "width": 1200, "height": "675",
                              "bytes": 84300, "sizes": [{"url": "/a-640.jpg", "width": 640}, {"url": "javascript:x", "width": 320},
                                                        {"url": "/a-320.jpg"}, "junk", {"url": "/a-480.jpg", "width": "480"}]}
                }
            }]
        }));
        let follow = feed.follow.unwrap();
        assert_eq!((follow.network.as_str(), follow.url.as_str(), follow.text.as_str()),
            ("whatsapp", "https://whatsapp.com/channel/abc", "Suivez-nous"));
        assert!(feed.popular_updated.is_some());
        // An unknown network makes the list unreadable: the default list is kept.
        assert_eq!(feed.share, ShareOverrides {
            networks: None,
            visible: Some(3),
            style: Some(ButtonStyle::Labels),
            campaign: Some("utm_source={network}".into()),
        });
        let article = &feed.articles[0];
        assert_eq!(article.section.as_deref(), Some("Afrique"));
        assert!(article.sample);
        assert_eq!(article.views, Views { day: Some(12), week: Some(40), month: Some(90), all: Some(1000) });
        let image = article.image.as_ref().unwrap();
        assert_eq!(image.src, "https://news.example/a.jpg");
        assert_eq!((image.alt.as_str(), image.caption.as_deref(), image.credit.as_deref()),
            ("Une carte", Some("Légende"), Some("AFP")));
        assert_eq!((image.width, image.height, image.bytes), (Some(1200), Some(675), Some(84_300)));
        // Other widths: resolved, unsafe or incomplete ones left out, narrowest first.
        let widths: Vec<(&str, u32)> = image.sources.iter().map(|s| (s.src.as_str(), s.width)).collect();
        assert_eq!(widths, [("https://news.example/a-480.jpg", 480), ("https://news.example/a-640.jpg", 640)]);
    }

    #[test]
    fn share_networks_may_be_a_comma_list() {
        let feed = read_json(json!({"_kiosque": {"share": {"networks": "email, copy"}}, "items": [{"id": "a", "title": "T"}]}));
        assert_eq!(feed.share.networks, Some(vec![crate::share::Network::Email, crate::share::Network::Copy]));
    }

    #[test]
    fn a_single_view_count_is_all_time() {
        let feed = read_json(json!({"items": [{"id": "a", "title": "T", "_kiosque": {"views": "77"}}]}));
        assert_eq!(feed.articles[0].views, Views { all: Some(77), ..Views::default() });
    }

    #[test]
    fn bad_items_are_skipped_and_reported_while_good_ones_stay() {
        let feed = read_json(json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Mixed",
            "items": [
                {"id": "ok", "title": "Good", "content_text": "x"},
                {"title": "No id", "content_text": "x"},
                "not an object",
                {"id": {"nested": true}, "title": "Bad id"},
                {"id": "empty"},
                {"id": "ok", "title": "Duplicate"},
                {"id": "untitled", "content_text": "A short post without a title."},
            ]
        }));
        let ids: Vec<&str> = feed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["ok", "untitled"]);
        assert_eq!(feed.articles[1].title, "A short post without a title.");
        let skipped: Vec<(&str, Problem)> = feed.skipped.iter().map(|i| (i.path.as_str(), i.problem)).collect();
        assert_eq!(skipped, [
            ("items[1].id", Problem::Missing),
            ("items[2]", Problem::WrongType(Expected::Object)),
            ("items[3].id", Problem::WrongType(Expected::String)),
            ("items[id=empty].title", Problem::Missing),
            ("items[id=ok]", Problem::Duplicate),
        ]);
    }

    #[test]
    fn hostile_urls_never_reach_the_model() {
        let feed = read_json(json!({
            "home_page_url": "javascript:alert(1)",
            "_kiosque": {"follow": {"network": "whatsapp", "url": "javascript:alert(1)", "text": "x"}},
            "items": [{"id": "a", "title": "T", "url": " JaVa\tScRiPt:alert(1)", "image": "data:image/svg+xml,<svg onload=alert(1)>"}]
        }));
        assert_eq!(feed.home_page_url, None);
        assert_eq!(feed.follow, None);
        assert_eq!(feed.articles[0].url, None);
        assert_eq!(feed.articles[0].image, None);
    }

    #[test]
    fn dates_without_an_offset_keep_the_publishers_wall_clock() {
        let feed = read_json(json!({"items": [
            {"id": "curt", "title": "T", "date_published": "2016-08-05T07:00", "date_modified": "2016-08-05T07:00:00"},
            {"id": "dst", "title": "T", "date_published": "2019-05-08T19:10:30+02:00"},
        ]}));
        let dates: Vec<Option<String>> = feed.articles.iter().map(|a| a.published.map(|d| d.to_rfc3339())).collect();
        assert_eq!(dates, [Some("2016-08-05T07:00:00+00:00".to_owned()), Some("2019-05-08T19:10:30+02:00".to_owned())]);
        assert_eq!(feed.articles[0].modified, feed.articles[0].published);
    }

    #[test]
    fn wrong_types_in_optional_fields_are_ignored() {
        let feed = read_json(json!({
            "title": 12, "language": ["fr"],
            "items": [{"id": "a", "title": "T", "summary": 3, "tags": "Culture", "date_published": "hier",
                       "authors": "nobody", "image": 5, "_kiosque": {"views": {"24h": "many"}, "sample": "yes"}}]
        }));
        let article = &feed.articles[0];
        assert_eq!(feed.title, "");
        assert_eq!((article.summary.clone(), article.section.clone(), article.published), (None, None, None));
        assert!(article.authors.is_empty());
        assert_eq!(article.views, Views::default());
        assert!(!article.sample);
    }

    #[test]
    fn documents_that_are_not_feeds_say_where() {
        assert_eq!(read(&json!([1, 2]), FEED_URL).unwrap_err(),
            Invalid { path: "$".into(), problem: Problem::WrongType(Expected::Object) });
        assert_eq!(read(&json!({"title": "x"}), FEED_URL).unwrap_err(),
            Invalid { path: "items".into(), problem: Problem::Missing });
        assert_eq!(read(&json!({"items": {}}), FEED_URL).unwrap_err(),
            Invalid { path: "items".into(), problem: Problem::WrongType(Expected::Array) });
    }

    #[test]
    fn made_up_titles_cut_at_a_word() {
        let long = "mot ".repeat(40);
        let title = made_up_title(None, &Body::Text(long)).unwrap();
        assert!(title.ends_with("mot…"), "{title}");
        assert!(title.chars().count() <= crate::text::MADE_UP_HEADLINE_CHARS + 1);
        assert_eq!(made_up_title(None, &Body::Html("<p>Bonjour <b>vous</b></p>".into())).as_deref(), Some("Bonjour vous"));
        assert_eq!(made_up_title(None, &Body::Empty), None);
        assert_eq!(made_up_title(None, &Body::Text("   ".into())), None);
    }
}
