//! Which documents a widget fetches, how each is read, and how they make one feed.
//!
//! A small site is one feed. A large one is a listing, one file per article and a small popular
//! feed (the static layout `scripts/split-feed.mjs` writes), or a WordPress site's REST API: the
//! widget then fetches only the listing's first page, the article shown and the most-read list.

use super::value::Value;

use super::{json_feed, parse_json, wordpress, LoadError};
use crate::model::Feed;
use crate::popular::{PopularOptions, Range};
use crate::share::encode;
use crate::url::{query_param, with_query_param};

/// The format a publisher says its source is in (`data-format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Told from the document itself.
    #[default]
    Auto,
    /// JSON Feed 1.0 or 1.1, with or without Kiosque's extension.
    JsonFeed,
    /// A WordPress site: `data-src` is the site's address, the REST API is found from it.
    WordPress,
}

impl Format {
    /// The names accepted in `data-format`.
    pub const ACCEPTED: &'static str = "auto, native, jsonfeed, wordpress";

    /// Reads a `data-format` value.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Format::Auto),
            "native" | "jsonfeed" | "json-feed" => Some(Format::JsonFeed),
            "wordpress" | "wp" => Some(Format::WordPress),
            _ => None,
        }
    }
}

/// Whether a WordPress site has the WP Popular Posts plugin (`data-popular-plugin`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PopularPlugin {
    /// Unknown: the site's REST index says, once per page, before its route is asked for.
    #[default]
    Auto,
    /// The site has it: its route is asked for at once.
    Wpp,
    /// The site does not have it: the most-read list is ranked from the latest posts.
    None,
}

impl PopularPlugin {
    /// The names accepted in `data-popular-plugin`.
    pub const ACCEPTED: &'static str = "auto, wpp, none";

    /// Reads a `data-popular-plugin` value.
    pub fn from_name(name: &str) -> Option<PopularPlugin> {
        match name.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(PopularPlugin::Auto),
            "wpp" | "wordpress-popular-posts" => Some(PopularPlugin::Wpp),
            "none" => Some(PopularPlugin::None),
            _ => None,
        }
    }
}

/// How a fetched document is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reader {
    /// JSON Feed or WordPress posts, whichever the document is.
    Detect,
    /// JSON Feed.
    JsonFeed,
    /// WordPress `wp/v2/posts` (a list, or one post).
    WordPressPosts,
    /// WP Popular Posts, whose counts are over this range.
    WordPressPopular(Range),
    /// A WordPress site's REST index, read for the namespaces it lists (not a feed).
    WordPressIndex,
}

/// One document to fetch and how to read it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Resource {
    /// Its address.
    pub url: String,
    /// How to read it.
    pub reader: Reader,
}

/// The documents a widget needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sources {
    /// The latest articles (the first page of a paged listing); required.
    pub listing: Resource,
    /// The article shown, when it comes from a document of its own.
    pub article: Option<Resource>,
    /// The most-read articles, when they come from a document of their own.
    pub popular: Option<Resource>,
    /// What the site must list before `popular` is asked for, when it may not have it.
    pub popular_needs: Option<NamespaceCheck>,
}

/// A REST namespace a WordPress site must list in its index before a route of it is asked
/// for: a route a site does not have answers 404, which the browser logs as an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamespaceCheck {
    /// The site's REST index, asked for its namespaces alone.
    pub index: Resource,
    /// The namespace that must be listed.
    pub namespace: &'static str,
}

impl NamespaceCheck {
    /// Whether `namespaces`, those the index lists, include the one needed.
    pub fn passes(&self, namespaces: &[String]) -> bool {
        namespaces.iter().any(|listed| listed == self.namespace)
    }
}

/// What a widget's configuration says about its sources.
#[derive(Clone, Copy, Debug)]
pub struct SourceSetup<'a> {
    /// `data-src`: a feed, or a WordPress site's address.
    pub src: &'a str,
    /// `data-format`.
    pub format: Format,
    /// `data-article-src`: where one article lives, `{id}` standing for its id.
    pub article_src: Option<&'a str>,
    /// `data-popular-src`: a feed of the most-read articles.
    pub popular_src: Option<&'a str>,
    /// How many latest articles are shown at a time.
    pub more_length: usize,
    /// How the most-read list is set up.
    pub popular: PopularOptions,
    /// `data-popular-plugin`: whether a WordPress site has WP Popular Posts.
    pub popular_plugin: PopularPlugin,
}

/// The documents to fetch to show the article `wanted` (the default one when `None`).
pub fn plan(setup: &SourceSetup<'_>, wanted: Option<&str>) -> Sources {
    let resource = |url: String, reader| Resource { url, reader };
    let popular_feed = setup.popular_src.map(|url| resource(url.to_owned(), Reader::Detect));
    if setup.format == Format::WordPress {
        let site = setup.src;
        // One more than shown, as the article being read is left out of the list.
        let per_page = (setup.more_length + 1).clamp(10, 100) as u32;
        let popular_length = (setup.popular.length + 1) as u32;
        let plugin = popular_feed.is_none() && setup.popular.length > 0;
        let range = setup.popular.range;
        let plugin_route = || resource(wordpress::popular_url(site, range, popular_length), Reader::WordPressPopular(range));
        let (popular, popular_needs) = match (popular_feed, setup.popular_plugin) {
            (Some(feed), _) => (Some(feed), None),
            (None, _) if !plugin => (None, None),
            (None, PopularPlugin::Wpp) => (Some(plugin_route()), None),
            (None, PopularPlugin::None) => (None, None),
            (None, PopularPlugin::Auto) => {
                let index = resource(wordpress::index_url(site), Reader::WordPressIndex);
                (Some(plugin_route()), Some(NamespaceCheck { index, namespace: wordpress::POPULAR_NAMESPACE }))
            }
        };
        return Sources {
            listing: resource(wordpress::posts_url(site, 1, per_page), Reader::WordPressPosts),
            article: wanted.map(|id| resource(wordpress::post_url(site, id), Reader::WordPressPosts)),
            popular,
            popular_needs,
        };
    }
    let reader = match setup.format {
        Format::JsonFeed => Reader::JsonFeed,
        Format::Auto | Format::WordPress => Reader::Detect,
    };
    Sources {
        listing: resource(setup.src.to_owned(), reader),
        article: setup
            .article_src
            .zip(wanted)
            .map(|(template, id)| resource(template.replace("{id}", &encode(id)), reader)),
        popular: popular_feed,
        popular_needs: None,
    }
}

/// Reads a document fetched from `url`; `total_pages` is WordPress's `X-WP-TotalPages`.
pub fn read_resource(body: &str, url: &str, reader: Reader, total_pages: Option<u32>) -> Result<Feed, LoadError> {
    let document = parse_json(body)?;
    match reader_for(&document, reader) {
        Reader::JsonFeed | Reader::Detect => read_json_feed(&document, url),
        reader => read_wordpress(&document, url, reader, total_pages),
    }
}

/// The reader of `document`: the one named, else the one [`detect`] finds.
pub fn reader_for(document: &Value<'_>, reader: Reader) -> Reader {
    match reader {
        Reader::Detect => detect(document),
        known => known,
    }
}

/// Reads a JSON Feed (Kiosque's format or any other).
pub fn read_json_feed(document: &Value<'_>, url: &str) -> Result<Feed, LoadError> {
    json_feed::read(document, url).map_err(LoadError::Invalid).and_then(non_empty)
}

/// Reads a WordPress answer: posts, or WP Popular Posts' list.
pub fn read_wordpress(document: &Value<'_>, url: &str, reader: Reader, total_pages: Option<u32>) -> Result<Feed, LoadError> {
    let feed = match reader {
        Reader::WordPressPopular(range) => wordpress::read_popular(document, url, range)?,
        // The index holds no posts: `wordpress::read_namespaces` reads it.
        Reader::WordPressIndex => return Err(LoadError::Empty(None)),
        _ => {
            let mut feed = wordpress::read_posts(document, url)?;
            feed.next_url = next_wordpress_page(url, total_pages);
            feed
        }
    };
    non_empty(feed)
}

/// `feed`, unless nothing in it could be read.
fn non_empty(feed: Feed) -> Result<Feed, LoadError> {
    if feed.articles.is_empty() {
        return Err(LoadError::Empty(feed.skipped.first().cloned()));
    }
    Ok(feed)
}

/// Tells a WordPress answer (an array of posts, one post, or a WordPress error object) from
/// anything else, which is read as a JSON Feed and reported against that format.
pub fn detect(document: &Value<'_>) -> Reader {
    let is_post = |value: &Value| value.get("title").and_then(|title| title.get("rendered")).is_some();
    match document {
        Value::Array(items) if items.first().is_none_or(is_post) => Reader::WordPressPosts,
        Value::Object(object) if is_post(document) || (object.contains_key("code") && object.contains_key("message")) => {
            Reader::WordPressPosts
        }
        _ => Reader::JsonFeed,
    }
}

/// The next page of a WordPress listing fetched from `url`, if there is one.
fn next_wordpress_page(url: &str, total_pages: Option<u32>) -> Option<String> {
    let page: u32 = query_param(url, "page").and_then(|page| page.parse().ok()).unwrap_or(1);
    (page < total_pages?).then(|| with_query_param(url, "page", Some(&(page + 1).to_string())))
}

/// One feed from the listing, the article's own document and the most-read feed: the full
/// article replaces its teaser, the most-read counts join the articles they belong to, and
/// most-read articles the listing lacks are ranked without being listed among the latest.
pub fn merge(mut listing: Feed, article: Option<&Feed>, popular: Option<&Feed>) -> Feed {
    // The article's and the most-read documents stay as they are (the page's cache keeps them
    // for the next article): only what the listing lacks is copied from them.
    for full in article.into_iter().flat_map(|feed| &feed.articles) {
        match listing.articles.iter_mut().find(|a| a.id == full.id) {
            Some(teaser) => *teaser = full.clone(),
            None => listing.articles.push(full.clone()),
        }
    }
    if let Some(popular) = popular {
        listing.popular_updated = popular.popular_updated.or(listing.popular_updated);
        for ranked in &popular.articles {
            match listing.articles.iter_mut().find(|a| a.id == ranked.id) {
                Some(known) => {
                    let views = &mut known.views;
                    views.day = ranked.views.day.or(views.day);
                    views.week = ranked.views.week.or(views.week);
                    views.month = ranked.views.month.or(views.month);
                    views.all = ranked.views.all.or(views.all);
                }
                None => listing.ranked_only.push(ranked.clone()),
            }
        }
    }
    listing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::value::json;
    use crate::model::{Article, Body, Views};

    fn setup(src: &str, format: Format) -> SourceSetup<'_> {
        SourceSetup {
            src,
            format,
            article_src: None,
            popular_src: None,
            more_length: 6,
            popular: PopularOptions::default(),
            popular_plugin: PopularPlugin::Auto,
        }
    }

    #[test]
    fn a_single_feed_is_one_document() {
        let sources = plan(&setup("data/feed.json", Format::Auto), Some("x"));
        assert_eq!(sources.listing, Resource { url: "data/feed.json".into(), reader: Reader::Detect });
        assert_eq!((sources.article, sources.popular), (None, None));
        assert_eq!(plan(&setup("f.json", Format::JsonFeed), None).listing.reader, Reader::JsonFeed);
    }

    #[test]
    fn the_static_layout_fetches_the_listing_the_article_and_the_popular_feed() {
        let setup = SourceSetup {
            article_src: Some("big/articles/{id}.json"),
            popular_src: Some("big/popular.json"),
            ..setup("big/feed.json", Format::Auto)
        };
        let sources = plan(&setup, Some("été 2026/a"));
        assert_eq!(sources.article.unwrap().url, "big/articles/%C3%A9t%C3%A9%202026%2Fa.json");
        assert_eq!(sources.popular.unwrap().url, "big/popular.json");
        assert_eq!(plan(&setup, None).article, None, "the default article is the listing's first");
    }

    #[test]
    fn wordpress_uses_the_rest_api_of_the_site() {
        let sources = plan(&setup("https://wp.example/", Format::WordPress), Some("mali-offensive"));
        assert_eq!(sources.listing.url, "https://wp.example/wp-json/wp/v2/posts?_embed&per_page=10&page=1");
        assert_eq!(sources.listing.reader, Reader::WordPressPosts);
        assert_eq!(sources.article.unwrap().url, "https://wp.example/wp-json/wp/v2/posts?slug=mali-offensive&_embed");
        let popular = sources.popular.unwrap();
        assert_eq!(popular.reader, Reader::WordPressPopular(Range::Day));
        assert!(popular.url.starts_with("https://wp.example/wp-json/wordpress-popular-posts/v1/popular-posts?"), "{}", popular.url);
        let hidden = SourceSetup { popular: PopularOptions { length: 0, ..PopularOptions::default() }, ..setup("https://wp.example", Format::WordPress) };
        assert_eq!((plan(&hidden, None).popular, plan(&hidden, None).popular_needs), (None, None));
    }

    #[test]
    fn the_popular_plugin_is_asked_for_only_when_the_site_lists_it() {
        let auto = plan(&setup("https://wp.example/actu/", Format::WordPress), None);
        let check = auto.popular_needs.expect("an unknown site is asked first");
        assert_eq!(check.index, Resource { url: "https://wp.example/actu/wp-json/?_fields=namespaces".into(), reader: Reader::WordPressIndex });
        let listed = |names: &[&str]| check.passes(&names.iter().map(|name| name.to_string()).collect::<Vec<_>>());
        assert!(listed(&["oembed/1.0", "wordpress-popular-posts/v1", "wordpress-popular-posts/v2", "wp/v2"]));
        assert!(!listed(&["oembed/1.0", "wp/v2", "wp-site-health/v1"]));
        assert!(!listed(&["wordpress-popular-posts/v2", "wordpress-popular-posts"]));
        assert!(!listed(&[]));
        assert!(auto.popular.is_some(), "asked for once the index lists the plugin");
        // A site said to have it is asked at once; one said not to is never asked.
        let with = |plugin| plan(&SourceSetup { popular_plugin: plugin, ..setup("https://wp.example", Format::WordPress) }, None);
        let wpp = with(PopularPlugin::Wpp);
        assert_eq!((wpp.popular.map(|p| p.reader), wpp.popular_needs), (Some(Reader::WordPressPopular(Range::Day)), None));
        let none = with(PopularPlugin::None);
        assert_eq!((none.popular, none.popular_needs), (None, None));
        // A most-read feed of the publisher's own needs no plugin.
        let own = SourceSetup { popular_src: Some("popular.json"), ..setup("https://wp.example", Format::WordPress) };
        let own = plan(&own, None);
        assert_eq!((own.popular.map(|p| p.url), own.popular_needs), (Some("popular.json".to_owned()), None));
        // Other sources have no plugin to look for.
        assert_eq!(plan(&setup("feed.json", Format::Auto), None).popular_needs, None);
    }

    #[test]
    fn popular_plugin_names() {
        assert_eq!(PopularPlugin::from_name(" WPP "), Some(PopularPlugin::Wpp));
        assert_eq!(PopularPlugin::from_name("wordpress-popular-posts"), Some(PopularPlugin::Wpp));
        assert_eq!(PopularPlugin::from_name("none"), Some(PopularPlugin::None));
        assert_eq!(PopularPlugin::from_name("auto"), Some(PopularPlugin::Auto));
        assert_eq!(PopularPlugin::from_name("yes"), None);
        assert_eq!(PopularPlugin::from_name(""), None);
    }

    #[test]
    fn formats_are_detected_from_the_document() {
        assert_eq!(detect(&json!({"version": "https://jsonfeed.org/version/1.1", "items": []})), Reader::JsonFeed);
        assert_eq!(detect(&json!([{"id": 1, "title": {"rendered": "T"}}])), Reader::WordPressPosts);
        assert_eq!(detect(&json!([])), Reader::WordPressPosts);
        assert_eq!(detect(&json!({"id": 1, "title": {"rendered": "T"}})), Reader::WordPressPosts);
        assert_eq!(detect(&json!({"code": "rest_no_route", "message": "No route"})), Reader::WordPressPosts);
        assert_eq!(detect(&json!({"something": "else"})), Reader::JsonFeed);
        assert_eq!(detect(&json!([1, 2])), Reader::JsonFeed);
    }

    #[test]
    fn wordpress_pages_follow_the_total() {
        let url = "https://wp.example/wp-json/wp/v2/posts?_embed&per_page=10&page=1";
        assert_eq!(next_wordpress_page(url, Some(3)).as_deref(), Some("https://wp.example/wp-json/wp/v2/posts?_embed&per_page=10&page=2"));
        assert_eq!(next_wordpress_page(&url.replace("page=1", "page=3"), Some(3)), None);
        assert_eq!(next_wordpress_page(url, None), None);
        let body = r#"[{"id": 7, "slug": "s", "title": {"rendered": "L&#8217;un"}, "content": {"rendered": "<p>x</p>"}}]"#;
        let feed = read_resource(body, url, Reader::Detect, Some(2)).unwrap();
        assert_eq!(feed.articles[0].title, "L’un");
        assert!(feed.next_url.unwrap().ends_with("page=2"));
    }

    #[test]
    fn merging_puts_full_articles_and_counts_in_place() {
        let teaser = |id: &str, views: Views| Article { id: id.into(), title: id.into(), views, ..Article::default() };
        let listing = Feed { articles: vec![teaser("a", Views::default()), teaser("b", Views { all: Some(3), ..Views::default() })], ..Feed::default() };
        let full = Feed { articles: vec![Article { body: Body::Text("Texte".into()), ..teaser("a", Views::default()) }], ..Feed::default() };
        let popular = Feed {
            articles: vec![teaser("b", Views { day: Some(9), ..Views::default() }), teaser("z", Views { day: Some(4), ..Views::default() })],
            popular_updated: crate::dates::parse_rfc3339("2026-02-02T12:00:00Z"),
            ..Feed::default()
        };
        let feed = merge(listing, Some(&full), Some(&popular));
        let ids: Vec<&str> = feed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"], "only the listing's articles are among the latest");
        assert_eq!(feed.ranked_only[0].id, "z");
        assert!(feed.article("z").is_some());
        assert_eq!(feed.articles[0].body, Body::Text("Texte".into()));
        assert_eq!(feed.articles[1].views, Views { day: Some(9), all: Some(3), ..Views::default() });
        assert!(feed.popular_updated.is_some());
    }
}
