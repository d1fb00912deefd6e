//! The WordPress REST API (`/wp-json/wp/v2/posts?_embed`) and the WP Popular Posts plugin
//! (`/wp-json/wordpress-popular-posts/v1/popular-posts`), read into the [`Feed`] model.
//!
//! WordPress sends HTML where the model wants text (titles, excerpts, term and author names),
//! dates without an offset, numbers that are sometimes strings, and embedded objects that may
//! be error objects: all of it is normalized here, without any browser API, so it runs in
//! native tests.

use super::value::Value;

use super::{add_items, LoadError};
use super::json::{At, count, dimension, text};
use crate::dates::parse_wordpress;
use crate::images::sorted_sources;
use crate::model::{Article, Body, Expected, Feed, Image, ImageSource, Invalid, Problem, Views};
use crate::popular::Range;
use crate::share::encode;
use crate::text::{collapse_spaces, decode_references, headline_from};
use crate::url::{percent_decode, safe_absolute_url};

/// The most posts WordPress gives per page; it refuses a larger `per_page` with a 400.
const MAX_PER_PAGE: u32 = 100;
/// Category names and slugs that say nothing about an article: WordPress's default category,
/// in English and French, compared in lower case.
const UNCATEGORIZED: [&str; 5] = ["uncategorized", "non classé", "non-classe", "sans catégorie", "sans-categorie"];
/// Inline elements: dropping them must not split a word (`L’<em>armée</em>`), unlike blocks
/// and line breaks, which separate words.
const INLINE_ELEMENTS: [&str; 28] = [
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark",
    "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "u", "var",
];

/// Reads a `/wp-json/wp/v2/posts?_embed` answer (an array of posts) into a Feed; `site_url` is the absolute URL the document came from (base for relative URLs).
///
/// A single post object, as `/posts/ID` answers, is read as a list of one. An empty list is
/// `LoadError::Empty(None)` (a slug query that matched nothing answers `[]`).
pub fn read_posts(document: &Value, site_url: &str) -> Result<Feed, LoadError> {
    read(document, site_url, None)
}

/// Reads a WP Popular Posts answer: same post objects plus `pageviews`; the counts go to `Views` for `range`.
pub fn read_popular(document: &Value, site_url: &str, range: Range) -> Result<Feed, LoadError> {
    read(document, site_url, Some(range))
}

/// The address of page `page` (from 1) of the latest posts, `per_page` (1 to 100) at a time.
pub fn posts_url(site: &str, page: u32, per_page: u32) -> String {
    format!("{}/wp/v2/posts?_embed&per_page={}&page={}", api_root(site), per_page.clamp(1, MAX_PER_PAGE), page.max(1))
}

/// The address of one post: by id when `slug_or_id` is all digits, else by slug.
///
/// A slug query answers with a list of zero or one post, an id query with the post itself;
/// [`read_posts`] reads both.
pub fn post_url(site: &str, slug_or_id: &str) -> String {
    let key = slug_or_id.trim();
    if is_number(key) {
        format!("{}/wp/v2/posts/{key}?_embed", api_root(site))
    } else {
        format!("{}/wp/v2/posts?slug={}&_embed", api_root(site), encode(key))
    }
}

/// The REST namespace of the WP Popular Posts plugin's `popular-posts` route.
pub const POPULAR_NAMESPACE: &str = "wordpress-popular-posts/v1";

/// The address of the site's REST index, asked for the namespaces it lists and nothing else:
/// the whole index describes every route, often hundreds of kilobytes.
pub fn index_url(site: &str) -> String {
    format!("{}/?_fields=namespaces", api_root(site))
}

/// The namespaces a REST index lists (`{"namespaces": ["oembed/1.0", "wp/v2", …]}`, or the
/// whole index where WordPress predates `_fields`); names that are not strings are skipped.
pub fn read_namespaces(document: &Value) -> Result<Vec<String>, LoadError> {
    let root = At::root(document).object().map_err(LoadError::Invalid)?;
    if let (Some(code), None) = (root.value.get("code"), root.value.get("namespaces")) {
        return Err(LoadError::Invalid(error_object(Some(code))));
    }
    let names = root.required("namespaces", |namespaces| match namespaces.value {
        Value::Array(names) => Ok(names.iter().filter_map(Value::as_str).map(str::to_owned).collect()),
        _ => Err(namespaces.invalid(Problem::WrongType(Expected::Array))),
    });
    names.map_err(LoadError::Invalid)
}

/// The address of the `limit` most-read posts over `range` (WP Popular Posts plugin).
pub fn popular_url(site: &str, range: Range, limit: u32) -> String {
    let range = match range {
        Range::Day => "last24hours",
        Range::Week => "last7days",
        Range::Month => "last30days",
        Range::All => "all",
    };
    format!("{}/wordpress-popular-posts/v1/popular-posts?limit={}&range={range}&_embed", api_root(site), limit.max(1))
}

/// Decodes HTML character references and drops tags, giving plain text on one line: titles, excerpts and term names are HTML in WordPress.
///
/// Runs of spaces and line breaks become one space; no-break spaces are kept, since French
/// typography puts them before `:` and inside `« »`. An unknown or malformed reference is
/// left as it is.
pub fn html_to_text(html: &str) -> String {
    collapse_spaces(&decode_references(&drop_tags(html)))
}

/// Reads posts from either endpoint; `range` is where `pageviews` go, if anywhere.
fn read(document: &Value, site_url: &str, range: Option<Range>) -> Result<Feed, LoadError> {
    let root = At::root(document);
    let posts = match document {
        Value::Array(_) => root.each(|post| article(post, site_url, range)).map_err(LoadError::Invalid)?,
        // WordPress answers errors with `{"code", "message", "data": {"status"}}`, sometimes
        // with a 200 status (security plugins, caches).
        Value::Object(object) if object.contains_key("code") && !object.contains_key("id") => {
            return Err(LoadError::Invalid(error_object(object.get("code"))));
        }
        // `/posts/ID` answers with the post itself rather than a list.
        Value::Object(_) => vec![article(root, site_url, range)],
        _ => return Err(LoadError::Invalid(root.invalid(Problem::WrongType(Expected::Array)))),
    };
    let mut feed = Feed { source_url: site_url.to_owned(), ..Feed::default() };
    add_items(&mut feed, posts, |id| format!("[id={id}]"));
    if feed.articles.is_empty() {
        return Err(LoadError::Empty(feed.skipped.first().cloned()));
    }
    Ok(feed)
}

/// Where a WordPress error object went wrong: a list was expected, and its `code` (kept to a
/// short identifier, since it is shown to the publisher) says why.
fn error_object(code: Option<&Value>) -> Invalid {
    let code: String = code
        .and_then(Value::as_str)
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .take(64)
        .collect();
    let path = if code.is_empty() { "$".to_owned() } else { format!("$[code={code}]") };
    Invalid { path, problem: Problem::WrongType(Expected::Array) }
}

fn article(post: At<'_>, site_url: &str, range: Option<Range>) -> Result<Article, Invalid> {
    let post = post.object()?;
    let value = post.value;
    let number = post.required("id", |id| id.id())?;
    let summary = rendered(value, "excerpt").and_then(summary);
    let title = post.required("title", |title| {
        let text = title_text(title.value);
        if text.is_empty() { Err(title.invalid(Problem::Missing)) } else { Ok(text) }
    });
    let title = match title {
        Ok(title) => title,
        // WordPress allows untitled posts (asides, quotes, statuses): the start of their excerpt
        // is the best headline there is.
        Err(missing) => summary.as_deref().and_then(headline_from).ok_or(missing)?,
    };
    let protected = value.get("content").and_then(|c| c.get("protected")).and_then(Value::as_bool) == Some(true);
    let body = match rendered(value, "content").map(str::trim).filter(|html| !html.is_empty()) {
        // A protected post comes with its text when the reader already gave the password on
        // the site (WordPress reads its cookie): then there is something to show.
        Some(html) => Body::Html(html.to_owned()),
        None if protected => Body::Protected,
        None => Body::Empty,
    };
    let date = |local: &str, gmt: &str| {
        let gmt = value.get(gmt).and_then(Value::as_str);
        value.get(local).and_then(Value::as_str).or(gmt).and_then(|local| parse_wordpress(local, gmt))
    };
    let authors = embedded(value, "author")
        .filter(|author| readable(author))
        .filter_map(|author| author.get("name").and_then(Value::as_str))
        .map(html_to_text)
        .filter(|name| !name.is_empty())
        .collect();
    let image = embedded(value, "wp:featuredmedia").next().filter(|media| readable(media)).and_then(|media| image(media, site_url));
    let views = match (range, value.get("pageviews").and_then(count)) {
        (Some(range), Some(count)) => views_in(range, count),
        _ => Views::default(),
    };
    Ok(Article {
        id: article_id(number, value.get("slug")),
        url: value.get("link").and_then(Value::as_str).and_then(|link| safe_absolute_url(link, site_url)),
        title,
        summary,
        body,
        published: date("date", "date_gmt"),
        modified: date("modified", "modified_gmt"),
        authors,
        section: section(value),
        image,
        views,
        language: None,
        sample: false,
    })
}

/// The article's id: its slug, else its number as text.
///
/// Slugs make readable deep links and are what [`post_url`] asks for; a slug of digits only
/// would be taken for an id there, so such a post keeps its number. WordPress stores non-Latin
/// slugs percent-encoded (`%d8%b9…`): they are decoded, and `post_url` encodes them again.
fn article_id(number: String, slug: Option<&Value>) -> String {
    let Some(slug) = slug.and_then(text) else {
        return number;
    };
    let slug = if slug.contains('%') {
        let decoded = percent_decode(&slug);
        // Bytes that are not UTF-8 would not round-trip: keep the slug as WordPress has it.
        if decoded.contains('\u{fffd}') { slug } else { decoded }
    } else {
        slug
    };
    if is_number(&slug) { number } else { slug }
}

/// True for a non-empty run of ASCII digits: a post id.
fn is_number(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit())
}

/// The HTML of a `{ "rendered": … }` member; a plain string is accepted too (some plugins
/// flatten it).
fn rendered<'a>(object: &'a Value, key: &str) -> Option<&'a str> {
    match object.get(key)? {
        Value::String(html) => Some(html),
        field => field.get("rendered").and_then(Value::as_str),
    }
}

/// The plain text of a `title` member, empty when there is none.
fn title_text(title: &Value) -> String {
    let html = match title {
        Value::String(html) => Some(&**html),
        field => field.get("rendered").and_then(Value::as_str),
    };
    html.map(html_to_text).unwrap_or_default()
}

/// An excerpt as text, without the theme's "read more" link, and with WordPress's `[…]` turned
/// into a plain ellipsis so a cut sentence still shows it was cut.
fn summary(html: &str) -> Option<String> {
    // Themes end excerpts with a link such as `<a class="more-link">Continuer la lecture…</a>`;
    // it is always last, so everything from its tag on goes.
    let html = ["more-link", "link-more"]
        .iter()
        .filter_map(|class| html.find(class))
        .min()
        .and_then(|at| html.get(..at))
        .and_then(|before| before.rfind('<').and_then(|tag| before.get(..tag)))
        .unwrap_or(html);
    let text = html_to_text(html);
    let text = match text.strip_suffix("[…]").or_else(|| text.strip_suffix("[...]")) {
        Some(head) => {
            let head = head.trim_end();
            if head.ends_with(['.', '…', '!', '?']) { head.to_owned() } else { format!("{head}…") }
        }
        None => text,
    };
    Some(text).filter(|text| !text.is_empty() && text != "…")
}

/// The members of `_embedded[key]`, an array in every embed WordPress makes.
fn embedded<'a>(post: &'a Value<'a>, key: &str) -> impl Iterator<Item = &'a Value<'a>> + use<'a> {
    post.get("_embedded").and_then(|e| e.get(key)).and_then(Value::as_array).into_iter().flatten()
}

/// False for an embedded error object (`{"code", "message", "data"}`), which WordPress puts
/// where an embedded item could not be read (a private image, a deleted author).
fn readable(item: &Value) -> bool {
    item.is_object() && item.get("code").is_none()
}

/// The first category that says something about the article, from `_embedded["wp:term"]`
/// (one array of terms per taxonomy).
fn section(post: &Value) -> Option<String> {
    embedded(post, "wp:term")
        .filter_map(Value::as_array)
        .flatten()
        .filter(|term| readable(term) && term.get("taxonomy").and_then(Value::as_str) == Some("category"))
        .find_map(|term| {
            let name = html_to_text(term.get("name").and_then(Value::as_str)?);
            let slug = term.get("slug").and_then(Value::as_str).unwrap_or_default();
            let says_nothing = [name.as_str(), slug].iter().any(|s| UNCATEGORIZED.contains(&s.to_lowercase().as_str()));
            (!name.is_empty() && !says_nothing).then_some(name)
        })
}

/// An embedded featured media object as the lead image; `None` when it has no safe address
/// or is not an image (a featured video or document cannot fill the image's place).
fn image(media: &Value, site_url: &str) -> Option<Image> {
    if media.get("media_type").and_then(Value::as_str).is_some_and(|kind| kind != "image") {
        return None;
    }
    let src = media.get("source_url").and_then(Value::as_str).and_then(|raw| safe_absolute_url(raw, site_url))?;
    let details = media.get("media_details");
    let detail = |key: &str| details.and_then(|d| d.get(key));
    Some(Image {
        src,
        alt: media.get("alt_text").and_then(Value::as_str).map(html_to_text).unwrap_or_default(),
        caption: rendered(media, "caption").map(html_to_text).filter(|caption| !caption.is_empty()),
        // WordPress copies the photo's IPTC credit here on upload; usually empty.
        credit: detail("image_meta").and_then(|meta| meta.get("credit")).and_then(text),
        width: detail("width").and_then(dimension),
        height: detail("height").and_then(dimension),
        sources: detail("sizes").map(|sizes| media_sizes(sizes, site_url)).unwrap_or_default(),
        // Since WordPress 6.0.
        bytes: detail("filesize").and_then(count).filter(|bytes| *bytes > 0),
    })
}

/// The widths WordPress made of an upload (`thumbnail`, `medium`, `large`…), except the
/// square crops, which show less of the picture.
fn media_sizes(sizes: &Value, site_url: &str) -> Vec<ImageSource> {
    let Value::Object(sizes) = sizes else { return Vec::new() };
    let sources = sizes
        .0
        .iter()
        .filter(|(name, _)| name != "thumbnail")
        .filter_map(|(_, size)| {
            let src = size.get("source_url").and_then(Value::as_str).and_then(|raw| safe_absolute_url(raw, site_url))?;
            Some(ImageSource { src, width: size.get("width").and_then(dimension)? })
        })
        .collect();
    sorted_sources(sources)
}

/// A count over one range, the others unknown.
fn views_in(range: Range, count: u64) -> Views {
    let count = Some(count);
    match range {
        Range::Day => Views { day: count, ..Views::default() },
        Range::Week => Views { week: count, ..Views::default() },
        Range::Month => Views { month: count, ..Views::default() },
        Range::All => Views { all: count, ..Views::default() },
    }
}

/// The REST root of a site given as its address, with or without a path, trailing slash,
/// query or `/wp-json` already at the end.
fn api_root(site: &str) -> String {
    let site = site.trim();
    let site = site.split(['?', '#']).next().unwrap_or(site).trim_end_matches('/');
    let site = site.strip_suffix("/wp-json").unwrap_or(site).trim_end_matches('/');
    format!("{site}/wp-json")
}

/// The text between tags, a space standing for each tag that separates words.
fn drop_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((before, after)) = rest.split_once('<') {
        out.push_str(before);
        // As in HTML, `<` only opens a tag before a letter, `/`, `!` or `?`: "a < b" is text.
        if !after.starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')) {
            out.push('<');
            rest = after;
            continue;
        }
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.split_once("-->").map_or("", |(_, tail)| tail);
            continue;
        }
        let (tag, tail) = after.split_once('>').unwrap_or((after, ""));
        rest = tail;
        let name = tag.trim_start_matches('/').split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or_default();
        if !INLINE_ELEMENTS.iter().any(|inline| inline.eq_ignore_ascii_case(name)) {
            out.push(' ');
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::sources::{describe, parse_json};
    use crate::sources::value::json;

    const SITE: &str = "https://www.sahel-infos.example/wp-json/wp/v2/posts?_embed&per_page=10&page=1";

    fn fixture(text: &str) -> Value<'_> {
        parse_json(text).unwrap()
    }

    fn posts() -> Feed {
        read_posts(&fixture(include_str!("../../tests/fixtures/wordpress/posts.json")), SITE).unwrap()
    }

    fn one(post: Value<'static>) -> Article {
        let mut feed = read_posts(&Value::Array(vec![post]), SITE).unwrap();
        feed.articles.remove(0)
    }

    #[test]
    fn french_titles_full_of_references_read_as_text() {
        assert_eq!(html_to_text("L&#8217;armée &#8211; &laquo;&nbsp;offensive&nbsp;&raquo;"),
            "L’armée – «\u{a0}offensive\u{a0}»");
        assert_eq!(html_to_text("&#x2019;&#X2019;&#038;&amp;&lt;b&gt;&quot;&apos;&hellip;&mdash;&ndash;"), "’’&&<b>\"'…—–");
        assert_eq!(html_to_text("&eacute;&egrave;&ecirc;&agrave;&acirc;&ccedil;&ocirc;&ucirc;&icirc;&euml;&iuml;&oelig;"),
            "éèêàâçôûîëïœ");
        assert_eq!(html_to_text("&lsquo;a&rsquo; &ldquo;b&rdquo; &Eacute;t&eacute;"), "‘a’ “b” Été");
    }

    #[test]
    fn unknown_or_broken_references_stay_as_they_are() {
        for kept in ["R&D", "a & b", "&unknown;", "&;", "&#;", "&#x;", "&#xZZ;", "&#-1;", "&#+65;", "&amp", "&é;", "&"] {
            assert_eq!(html_to_text(kept), kept, "{kept:?}");
        }
        assert_eq!(html_to_text("&#0;&#xD800;&#99999999;&#1114112;"), "\u{fffd}\u{fffd}\u{fffd}\u{fffd}");
        assert_eq!(html_to_text("&#99999999999999999999;"), "&#99999999999999999999;");
        // A reference name longer than any real one is not looked for to its end.
        let long = format!("&{};", "a".repeat(200));
        assert_eq!(html_to_text(&long), long);
    }

    #[test]
    fn tags_go_without_splitting_words() {
        assert_eq!(html_to_text("<p>L&#8217;<em>armée</em> se <strong>retire</strong></p>\n<p>Suite</p>"),
            "L’armée se retire Suite");
        assert_eq!(html_to_text("Ligne<br/>suivante<!-- <b>note</b> -->."), "Ligne suivante.");
        assert_eq!(html_to_text("1 < 2 &lt;em&gt; <"), "1 < 2 <em> <");
        assert_eq!(html_to_text("<p>coupé <a href=\"x\""), "coupé");
        assert_eq!(html_to_text("  a \n\t b&nbsp;: c  "), "a b\u{a0}: c");
        assert_eq!(html_to_text(""), "");
    }

    #[test]
    fn a_full_post_maps_every_field() {
        let feed = posts();
        assert_eq!(feed.source_url, SITE);
        assert_eq!(feed.title, "");
        assert!(feed.skipped.is_empty(), "{:?}", feed.skipped);
        let article = &feed.articles[0];
        assert_eq!(article.id, "mali-larmee-annonce-une-offensive-dans-le-centre");
        assert_eq!(article.url.as_deref(),
            Some("https://www.sahel-infos.example/2026/02/02/mali-larmee-annonce-une-offensive-dans-le-centre/"));
        assert_eq!(article.title, "Mali\u{a0}: L’armée – «\u{a0}offensive\u{a0}» dans le centre");
        assert_eq!(article.summary.as_deref(), Some("L’état-major a annoncé lundi le lancement d’une opération \
            «\u{a0}d’envergure\u{a0}» dans la région de Mopti. Selon un communiqué, plusieurs localités…"));
        let Body::Html(html) = &article.body else { panic!("{:?}", article.body) };
        assert!(html.starts_with("<p>L&#8217;état-major") && html.ends_with("sécurisées.</p>"), "{html}");
        assert_eq!(article.published.unwrap().to_rfc3339(), "2026-02-02T10:30:00+01:00");
        assert_eq!(article.modified.unwrap().to_rfc3339(), "2026-02-02T11:05:12+01:00");
        assert_eq!(article.authors, ["Aminata Coulibaly"]);
        assert_eq!(article.section.as_deref(), Some("Afrique"));
        assert_eq!(article.image, Some(Image {
            src: "https://www.sahel-infos.example/wp-content/uploads/2026/02/convoi.jpg".into(),
            alt: "Des véhicules militaires sur une piste".into(),
            caption: Some("Un convoi de l’armée malienne près de Sévaré, le 1er février.".into()),
            credit: Some("AFP".into()),
            width: Some(1600),
            height: Some(1067),
            sources: vec![
                ImageSource { src: "https://www.sahel-infos.example/wp-content/uploads/2026/02/convoi-300x200.jpg".into(), width: 300 },
                ImageSource { src: "https://www.sahel-infos.example/wp-content/uploads/2026/02/convoi-1024x683.jpg".into(), width: 1024 },
                ImageSource { src: "https://www.sahel-infos.example/wp-content/uploads/2026/02/convoi.jpg".into(), width: 1600 },
            ],
            bytes: Some(284_113),
        }));
        assert_eq!(article.views, Views::default());
        assert_eq!((article.language.clone(), article.sample), (None, false));
        assert_eq!(feed.article("mali-larmee-annonce-une-offensive-dans-le-centre"), Some(article));
    }

    #[test]
    fn embedded_error_objects_are_skipped_and_default_categories_too() {
        let article = &posts().articles[1];
        // Numbers sent as strings: the id, and the link is relative to the site.
        assert_eq!(article.id, "le-franc-cfa-et-la-bceao-questions-reponses");
        assert_eq!(article.url.as_deref(),
            Some("https://www.sahel-infos.example/2026/02/01/le-franc-cfa-et-la-bceao-questions-reponses/"));
        assert_eq!(article.title, "Le franc CFA & la BCEAO\u{a0}: questions…\u{a0}réponses");
        assert!(article.authors.is_empty());
        assert_eq!(article.image, None);
        assert_eq!(article.section.as_deref(), Some("Économie & Finances"));
        // The theme's "read more" link is not part of the summary.
        assert_eq!(article.summary.as_deref(), Some("Ce que change la réforme, point par point…"));
    }

    #[test]
    fn a_password_protected_post_is_protected() {
        let article = &posts().articles[2];
        assert_eq!(article.body, Body::Protected);
        assert_eq!(article.summary, None);
        assert_eq!(article.title, "Protégé\u{a0}: Dossier réservé aux abonnés");
        // Once the reader gave the password on the site, WordPress sends the text.
        let unlocked = one(json!({"id": 1, "title": {"rendered": "T"}, "content": {"rendered": "<p>Texte</p>", "protected": true}}));
        assert_eq!(unlocked.body, Body::Html("<p>Texte</p>".into()));
    }

    #[test]
    fn missing_optional_fields_leave_defaults() {
        let article = &posts().articles[3];
        // An empty slug (drafts, some imports) leaves the number as the id.
        assert_eq!(article.id, "4788");
        assert_eq!(article.title, "Brève\u{a0}: coupure d’électricité à Ségou");
        assert_eq!(article.summary, None);
        assert_eq!(article.body, Body::Html("<p>Le courant sera rétabli demain.</p>".into()));
        // Without `date_gmt` the wall-clock time is taken as UTC.
        assert_eq!(article.published.unwrap().to_rfc3339(), "2026-01-29T16:45:00+00:00");
        assert_eq!((article.modified, &article.authors, &article.section, &article.image), (None, &vec![], &None, &None));
        let bare = one(json!({"id": 5, "title": {"rendered": "Titre"}}));
        assert_eq!((bare.id.as_str(), bare.body, bare.url, bare.published), ("5", Body::Empty, None, None));
    }

    #[test]
    fn numbers_as_strings_and_unknown_fields_are_accepted() {
        let article = one(json!({
            "id": " 77 ", "slug": null, "title": {"rendered": "Titre", "raw": 3}, "link": "https://x.example/77",
            "content": {"rendered": "<p>x</p>", "protected": false, "block_version": 1},
            "acf": {"sous_titre": "x"}, "yoast_head": "<meta>", "sticky": "no",
            "_embedded": {
                "wp:featuredmedia": [{"source_url": "/img.jpg", "media_details": {"width": "1024", "height": "683.0", "extra": []}, "surprise": true}],
                "replies": [[{"id": 1, "content": {"rendered": "commentaire"}}]],
                "wp:term": "pas une liste",
                "author": {"name": "pas une liste"}
            }
        }));
        assert_eq!(article.id, "77");
        let image = article.image.unwrap();
        assert_eq!((image.src.as_str(), image.width, image.height), ("https://www.sahel-infos.example/img.jpg", Some(1024), None));
        assert_eq!((article.section, article.authors.len()), (None, 0));
    }

    #[test]
    fn a_post_without_an_id_is_skipped_and_the_others_shown() {
        let feed = read_posts(&json!([
            {"id": 1, "slug": "un", "title": {"rendered": "Un"}},
            {"id": 2, "slug": "deux", "title": {"rendered": "Deux"}},
            {"slug": "sans-id", "title": {"rendered": "Sans id"}},
            "pas un objet",
            {"id": [3], "title": {"rendered": "Id illisible"}},
            {"id": 4, "title": {"rendered": "  <p></p>  "}},
            {"id": 5, "slug": "un", "title": {"rendered": "Doublon"}},
            {"id": 6, "slug": "quatre", "title": {"rendered": "Quatre"}}
        ]), SITE).unwrap();
        let ids: Vec<&str> = feed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["un", "deux", "quatre"]);
        let skipped: Vec<(&str, Problem)> = feed.skipped.iter().map(|i| (i.path.as_str(), i.problem)).collect();
        assert_eq!(skipped, [
            ("[2].id", Problem::Missing),
            ("[3]", Problem::WrongType(Expected::Object)),
            ("[4].id", Problem::WrongType(Expected::String)),
            ("[5].title", Problem::Missing),
            ("[id=un]", Problem::Duplicate),
        ]);
    }

    #[test]
    fn an_untitled_post_takes_its_excerpt_as_headline() {
        let article = one(json!({"id": 8, "title": {"rendered": ""}, "excerpt": {"rendered": "<p>Courte brève sans titre.</p>"}}));
        assert_eq!(article.title, "Courte brève sans titre.");
        // A long excerpt makes a headline of two lines at most; the summary keeps it whole.
        let long = format!("<p>{}</p>", "Слушая его, через минуту не поверить. ".repeat(10));
        let article = one(json!({"id": 8, "title": {"rendered": ""}, "excerpt": {"rendered": long}}));
        assert_eq!(article.title, "Слушая его, через минуту не поверить. Слушая его, через минуту не поверить. Слушая его…");
        assert!(article.summary.unwrap().chars().count() > 300);
        let error = read_posts(&json!([{"id": 9}]), SITE).unwrap_err();
        assert_eq!(error, LoadError::Empty(Some(Invalid { path: "[0].title".into(), problem: Problem::Missing })));
    }

    #[test]
    fn dates_without_offset_take_the_sites_offset() {
        let at = |date: &str, gmt: &str| one(json!({"id": 1, "title": "T", "date": date, "date_gmt": gmt})).published.unwrap().to_rfc3339();
        assert_eq!(at("2026-02-02T23:30:00", "2026-02-02T22:30:00"), "2026-02-02T23:30:00+01:00");
        assert_eq!(at("2026-02-03T04:00:00", "2026-02-02T22:30:00"), "2026-02-03T04:00:00+05:30");
        // Only the UTC time: taken as UTC rather than lost.
        let gmt_only = one(json!({"id": 1, "title": "T", "date_gmt": "2026-02-02T09:30:00"}));
        assert_eq!(gmt_only.published.unwrap().to_rfc3339(), "2026-02-02T09:30:00+00:00");
        let garbage = one(json!({"id": 1, "title": "T", "date": "hier", "modified": 20260202}));
        assert_eq!((garbage.published, garbage.modified), (None, None));
    }

    #[test]
    fn a_slug_query_answers_a_list_of_one_or_none() {
        let document = fixture(include_str!("../../tests/fixtures/wordpress/post-by-slug.json"));
        let feed = read_posts(&document, "https://www.tenuaenata.example/wp-json/wp/v2/posts?slug=x&_embed").unwrap();
        assert_eq!(feed.articles.len(), 1);
        let article = feed.article("nuku-hiva-le-festival-des-arts-des-marquises-souvre").unwrap();
        assert_eq!(article.title, "Nuku Hiva\u{a0}: le festival des arts des Marquises s’ouvre");
        // The Marquesas are at UTC−09:30: Sunday night there is Monday morning in UTC.
        assert_eq!(article.published.unwrap().to_rfc3339(), "2026-02-02T00:15:00-09:30");
        assert_eq!(article.modified.unwrap().to_rfc3339(), "2026-02-02T00:40:00-09:30");
        assert_eq!(article.section.as_deref(), Some("Culture"));
        // Nothing matched: the caller knows which slug it asked for.
        assert_eq!(read_posts(&json!([]), SITE), Err(LoadError::Empty(None)));
    }

    #[test]
    fn a_single_post_object_reads_as_a_list_of_one() {
        let document = fixture(include_str!("../../tests/fixtures/wordpress/post-single.json"));
        let feed = read_posts(&document, "https://www.sahel-infos.example/wp-json/wp/v2/posts/4821?_embed").unwrap();
        assert_eq!(feed.articles.len(), 1);
        assert_eq!(feed.articles[0].id, "mali-larmee-annonce-une-offensive-dans-le-centre");
        assert_eq!(feed.articles[0].section.as_deref(), Some("Afrique"));
        assert_eq!(read_posts(&json!({"title": "x"}), SITE),
            Err(LoadError::Empty(Some(Invalid { path: "id".into(), problem: Problem::Missing }))));
    }

    #[test]
    fn a_top_level_error_object_is_reported_with_its_code() {
        let document = fixture(include_str!("../../tests/fixtures/wordpress/error-no-route.json"));
        let error = read_posts(&document, SITE).unwrap_err();
        let expected = Invalid { path: "$[code=rest_no_route]".into(), problem: Problem::WrongType(Expected::Array) };
        assert_eq!(error, LoadError::Invalid(expected.clone()));
        assert_eq!(read_popular(&document, SITE, Range::Day), Err(LoadError::Invalid(expected.clone())));
        assert_eq!(describe(&expected, Lang::En), LoadError::Invalid(expected).message(Lang::En));
        // Whatever a hostile code holds, only an identifier reaches the message.
        let hostile = read_posts(&json!({"code": "<img src=x onerror=alert(1)>", "message": ""}), SITE).unwrap_err();
        assert_eq!(hostile, LoadError::Invalid(Invalid { path: "$[code=imgsrcxonerroralert1]".into(), problem: Problem::WrongType(Expected::Array) }));
        let no_code = read_posts(&json!({"code": 401}), SITE).unwrap_err();
        assert_eq!(no_code, LoadError::Invalid(Invalid { path: "$".into(), problem: Problem::WrongType(Expected::Array) }));
    }

    #[test]
    fn documents_that_are_not_posts_say_so() {
        for document in [json!("posts"), json!(12), json!(null), json!(true)] {
            assert_eq!(read_posts(&document, SITE),
                Err(LoadError::Invalid(Invalid { path: "$".into(), problem: Problem::WrongType(Expected::Array) })));
        }
        assert_eq!(read_posts(&json!([1, "x"]), SITE),
            Err(LoadError::Empty(Some(Invalid { path: "[0]".into(), problem: Problem::WrongType(Expected::Object) }))));
    }

    #[test]
    fn popular_posts_put_pageviews_in_the_range_asked_for() {
        let document = fixture(include_str!("../../tests/fixtures/wordpress/popular.json"));
        let feed = read_popular(&document, "https://www.sahel-infos.example/wp-json/wordpress-popular-posts/v1/popular-posts", Range::Week).unwrap();
        let views: Vec<(&str, Views)> = feed.articles.iter().map(|a| (a.id.as_str(), a.views)).collect();
        assert_eq!(views, [
            ("mali-larmee-annonce-une-offensive-dans-le-centre", Views { week: Some(1342), ..Views::default() }),
            ("le-franc-cfa-et-la-bceao-questions-reponses", Views { week: Some(587), ..Views::default() }),
            // An unreadable count is no count, and the post is still listed.
            ("dossier-reserve-aux-abonnes", Views::default()),
        ]);
        assert_eq!(feed.articles[2].body, Body::Protected);
        for range in Range::ALL {
            let feed = read_popular(&document, SITE, range).unwrap();
            assert_eq!(range.count(&feed.articles[0].views), Some(1342));
            assert_eq!(Range::ALL.iter().filter(|r| r.count(&feed.articles[0].views).is_some()).count(), 1);
        }
        // The posts endpoint has no range: counts there are not guessed at.
        assert_eq!(read_posts(&document, SITE).unwrap().articles[0].views, Views::default());
        assert_eq!(read_popular(&json!([]), SITE, Range::Day), Err(LoadError::Empty(None)));
    }

    #[test]
    fn slugs_make_the_id_unless_they_look_like_numbers() {
        let id = |post: Value<'static>| one(post).id;
        assert_eq!(id(json!({"id": 10, "slug": "2026", "title": "T"})), "10");
        assert_eq!(id(json!({"id": 10, "slug": "  ", "title": "T"})), "10");
        assert_eq!(id(json!({"id": 10, "slug": 42, "title": "T"})), "10");
        assert_eq!(id(json!({"id": 10, "slug": "%d8%b9%d8%b1%d8%a8%d9%8a", "title": "T"})), "عربي");
        assert_eq!(id(json!({"id": 10, "slug": "%ff-broken", "title": "T"})), "%ff-broken");
        // The decoded slug is encoded again when asked for.
        assert_eq!(post_url("https://x.example", "عربي"), "https://x.example/wp-json/wp/v2/posts?slug=%D8%B9%D8%B1%D8%A8%D9%8A&_embed");
    }

    #[test]
    fn hostile_urls_never_reach_the_model() {
        let article = one(json!({
            "id": 1, "title": "T", "link": "javascript:alert(1)",
            "_embedded": {"wp:featuredmedia": [{"source_url": " java\tscript:alert(1)", "media_type": "image"}]}
        }));
        assert_eq!((article.url, article.image), (None, None));
        let video = one(json!({"id": 1, "title": "T", "_embedded": {"wp:featuredmedia": [{"source_url": "https://x.example/v.mp4", "media_type": "file"}]}}));
        assert_eq!(video.image, None);
    }

    #[test]
    fn excerpt_endings_read_naturally() {
        assert_eq!(summary("<p>Début de phrase [&hellip;]</p>\n").as_deref(), Some("Début de phrase…"));
        assert_eq!(summary("<p>Phrase finie. [...]</p>").as_deref(), Some("Phrase finie."));
        assert_eq!(summary("<p>Suite&hellip; <a class=\"more-link\" href=\"/x\">Lire la suite</a></p>").as_deref(), Some("Suite…"));
        assert_eq!(summary("<p>Rien de plus.</p>").as_deref(), Some("Rien de plus."));
        assert_eq!(summary("<p> [&hellip;]</p>"), None);
        assert_eq!(summary(""), None);
    }

    #[test]
    fn posts_urls_work_for_any_way_of_writing_the_site() {
        let expected = "https://example.com/wp-json/wp/v2/posts?_embed&per_page=10&page=2";
        for site in ["https://example.com", "https://example.com/", "https://example.com//", " https://example.com/wp-json/ ",
            "https://example.com/?lang=fr"]
        {
            assert_eq!(posts_url(site, 2, 10), expected, "{site:?}");
        }
        assert_eq!(posts_url("https://example.com/blog/", 1, 20), "https://example.com/blog/wp-json/wp/v2/posts?_embed&per_page=20&page=1");
        // WordPress refuses `per_page` beyond 100 and pages from 0.
        assert_eq!(posts_url("https://example.com", 0, 500), "https://example.com/wp-json/wp/v2/posts?_embed&per_page=100&page=1");
        assert_eq!(posts_url("https://example.com", 1, 0), "https://example.com/wp-json/wp/v2/posts?_embed&per_page=1&page=1");
    }

    #[test]
    fn one_post_is_asked_for_by_id_or_by_encoded_slug() {
        assert_eq!(post_url("https://example.com/blog/", "4821"), "https://example.com/blog/wp-json/wp/v2/posts/4821?_embed");
        assert_eq!(post_url("https://example.com", " 4821 "), "https://example.com/wp-json/wp/v2/posts/4821?_embed");
        assert_eq!(post_url("https://example.com", "mali-offensive"), "https://example.com/wp-json/wp/v2/posts?slug=mali-offensive&_embed");
        assert_eq!(post_url("https://example.com/", "été 2026/a&b=c#d"),
            "https://example.com/wp-json/wp/v2/posts?slug=%C3%A9t%C3%A9%202026%2Fa%26b%3Dc%23d&_embed");
        assert_eq!(post_url("https://example.com", "4821-bis"), "https://example.com/wp-json/wp/v2/posts?slug=4821-bis&_embed");
    }

    #[test]
    fn the_rest_index_says_which_namespaces_the_site_has() {
        // What WordPress answers to `/wp-json/?_fields=namespaces`.
        let index = json!({"namespaces": ["oembed/1.0", "wordpress-popular-posts/v1", "wordpress-popular-posts/v2", "wp/v2", 7]});
        assert_eq!(read_namespaces(&index).unwrap(), ["oembed/1.0", "wordpress-popular-posts/v1", "wordpress-popular-posts/v2", "wp/v2"]);
        // A WordPress older than `_fields` sends the whole index.
        let whole = json!({"name": "Blog", "namespaces": ["wp/v2"], "routes": {"/": {"namespace": ""}}});
        assert_eq!(read_namespaces(&whole).unwrap(), ["wp/v2"]);
        assert_eq!(read_namespaces(&json!({"namespaces": []})).unwrap(), Vec::<String>::new());
        assert_eq!(read_namespaces(&json!({"code": "rest_disabled", "message": "REST API disabled"})),
            Err(LoadError::Invalid(Invalid { path: "$[code=rest_disabled]".into(), problem: Problem::WrongType(Expected::Array) })));
        assert_eq!(read_namespaces(&json!({"name": "Blog"})),
            Err(LoadError::Invalid(Invalid { path: "namespaces".into(), problem: Problem::Missing })));
        assert_eq!(read_namespaces(&json!({"namespaces": "wp/v2"})),
            Err(LoadError::Invalid(Invalid { path: "namespaces".into(), problem: Problem::WrongType(Expected::Array) })));
        assert!(read_namespaces(&json!([1])).is_err());
        assert_eq!(index_url("https://example.com/blog/"), "https://example.com/blog/wp-json/?_fields=namespaces");
        assert_eq!(index_url("https://example.com/wp-json"), "https://example.com/wp-json/?_fields=namespaces");
    }

    #[test]
    fn popular_urls_name_the_plugins_ranges() {
        let url = |range| popular_url("https://example.com/actu/", range, 5);
        assert_eq!(url(Range::Day), "https://example.com/actu/wp-json/wordpress-popular-posts/v1/popular-posts?limit=5&range=last24hours&_embed");
        assert!(url(Range::Week).contains("&range=last7days&"));
        assert!(url(Range::Month).contains("&range=last30days&"));
        assert!(url(Range::All).contains("&range=all&"));
        assert!(popular_url("https://example.com", Range::Day, 0).contains("?limit=1&"));
    }
}
