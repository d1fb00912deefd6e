//! Writing a feed out as pre-rendered HTML: a fragment per article for a publisher's own pages,
//! or a complete static site (a page per article, index pages, and the data the widget reads
//! there). Two passes over the feed, an item at a time: the first keeps only what the lists
//! can show, the second writes each article and forgets it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::value::RawValue;
use serde_json::Value;

use super::fragment::{article_markup, shadow_root};
use super::head::{escape, head_elements, PageHead};
use super::stream::{article_file, item_id, read_items, shape_of, Outline, ReadError, Shape};
use crate::config::{parse, Config, LangHints};
use crate::dates::{machine_readable, short_date, Published};
use crate::i18n::text_direction;
use crate::model::{Article, Body, Feed, Invalid};
use crate::popular::{latest, rank_popular, Range};
use crate::sources::{describe, read_feed, LoadError};
use crate::url::resolve;

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// `<out>/fragments/<id>.html`: what goes inside a publisher's `<div data-kiosque="article">`.
    Fragments,
    /// `<out>/<id>/index.html` for each article, index pages, and the widget's data.
    Site,
}

/// How to write it.
#[derive(Clone, Debug)]
pub struct SiteOptions {
    /// Fragments or a whole site.
    pub output: Output,
    /// The directory written into.
    pub out: PathBuf,
    /// Where the site will be served (absolute, ending in `/`): canonical links, Open Graph
    /// and share links need absolute addresses.
    pub base_url: Option<String>,
    /// The address the feed is served at: the base of relative addresses in it.
    pub feed_url: String,
    /// The address of kiosque.js, relative to the site's root or absolute.
    pub script: String,
    /// The widget's `data-*` attributes besides the source ones (lang, share, popular…).
    pub attributes: Vec<(String, String)>,
    /// The host page's `color-scheme` (for fragments: it decides the widget's theme).
    pub host_color_scheme: String,
    /// Teasers per file of the listing the widget reads on the site.
    pub page_size: usize,
    /// Links per index page.
    pub index_size: usize,
}

/// Progress, for a terminal.
#[derive(Clone, Copy, Debug)]
pub enum Progress {
    /// The first pass read `read` items so far.
    Scanning { read: usize },
    /// The second pass wrote `done` of `total` articles.
    Writing { done: usize, total: usize },
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Articles written.
    pub written: usize,
    /// Items left out (each was reported).
    pub skipped: usize,
}

/// An item the lists may show: where it is in the feed, its article (without its body) and
/// its raw JSON as a teaser.
#[derive(Clone)]
struct Candidate {
    index: usize,
    article: Article,
    teaser: String,
}

/// The items the lists of any page can show: the latest overall and per section, and the most
/// read over each range; one more than a list's length, as the page's own article is left out
/// of its lists, and for the latest one more again, so that the list knows there are more.
struct Shortlist {
    pool: Vec<Candidate>,
    latest: usize,
    popular: usize,
    /// Whether the latest news puts the article's section first: then each section's latest
    /// are kept too.
    by_section: bool,
    /// The pool's size that calls for the next pruning: twice what the last one kept, so that
    /// pruning costs little per item however many are kept.
    prune_at: usize,
}

impl Shortlist {
    fn new(config: &Config) -> Shortlist {
        let (latest, popular) = (config.more_length + 2, config.popular.length + 1);
        Shortlist { pool: Vec::new(), latest, popular, by_section: config.more_same_section, prune_at: 64 + 8 * (latest + popular) }
    }

    fn add(&mut self, candidate: Candidate) {
        self.pool.push(candidate);
        if self.pool.len() >= self.prune_at {
            self.prune();
            self.prune_at = self.prune_at.max(2 * self.pool.len());
        }
    }

    /// Keeps what any list can show: each list is the top of one order, so what is dropped
    /// here could never reach it.
    fn prune(&mut self) {
        let articles: Vec<&Article> = self.pool.iter().map(|c| &c.article).collect();
        let mut kept: Vec<String> = latest(articles.iter().copied(), self.latest).into_iter().map(|a| a.id.clone()).collect();
        let mut sections: BTreeMap<&str, Vec<&Article>> = BTreeMap::new();
        for article in articles.iter().filter(|_| self.by_section) {
            if let Some(section) = &article.section {
                sections.entry(section.as_str()).or_default().push(article);
            }
        }
        for in_section in sections.into_values() {
            kept.extend(latest(in_section.into_iter(), self.latest).into_iter().map(|a| a.id.clone()));
        }
        for range in [Range::Day, Range::Week, Range::Month, Range::All] {
            let ranking = rank_popular(articles.iter().copied(), range, None, self.popular);
            kept.extend(ranking.articles.into_iter().map(|a| a.id.clone()));
        }
        kept.sort();
        kept.dedup();
        self.pool.retain(|candidate| kept.binary_search(&candidate.article.id).is_ok());
    }

    fn into_sorted(mut self) -> Vec<Candidate> {
        self.prune();
        self.pool.sort_by_key(|candidate| candidate.index);
        self.pool
    }
}

/// The directory name of an article's page: its id when that is safe in a path and an address,
/// else its bytes written `_XX`; kept short enough for any file system, and clear of the names
/// the site uses for itself.
pub fn slug(id: &str) -> String {
    let safe = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
    let mut name = if !id.is_empty() && id.bytes().all(safe) && !id.starts_with('.') {
        id.to_owned()
    } else {
        id.bytes().map(|b| if safe(b) && b != b'.' { (b as char).to_string() } else { format!("_{b:02X}") }).collect()
    };
    if name == "data" || name == "fragments" || name.starts_with("index") {
        name.insert(0, '_');
    }
    if name.len() > 120 {
        // ASCII by now: any cut is on a character.
        name.truncate(100);
        name.push_str(&format!("-{:016x}", fingerprint(id)));
    }
    name
}

/// A fingerprint of `text`, the same on every run.
fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Reads one raw item as the widget would, in a document with the feed's fields.
fn read_item(outline: &Outline, item: &str, feed_url: &str) -> Result<Feed, LoadError> {
    read_feed(&outline.document_of(item), feed_url)
}

/// "item 12 (id "abc"): items[0].title — …", the position given in the whole feed.
fn item_problem(index: usize, id: Option<&str>, invalid: &Invalid) -> String {
    // Only the item's own position: "items[0].image.sizes[0]" keeps its inner index.
    let path = match invalid.path.strip_prefix("items[0]").or_else(|| invalid.path.strip_prefix("[0]")) {
        Some(rest) if invalid.path.starts_with("items") => format!("items[{index}]{rest}"),
        Some(rest) => format!("[{index}]{rest}"),
        None => invalid.path.clone(),
    };
    let id = id.map(|id| format!(" (id {id:?})")).unwrap_or_default();
    let message = describe(&Invalid { path, problem: invalid.problem }, crate::i18n::Lang::En);
    format!("item {index}{id}: {message}")
}

/// Where a feed served at a root-relative address (`--feed-url /data/feed.json`) is taken to be
/// while writing: what is written names that origin by paths alone, so it works on any host.
const LOCAL_ORIGIN: &str = "http://kiosque.invalid";

/// The fields of items and feeds that hold addresses, made absolute in the data written for the
/// widget: the files are not where the feed was, so relative addresses would lead elsewhere.
const ADDRESS_FIELDS: [&str; 8] = ["url", "external_url", "image", "banner_image", "src", "avatar", "link", "source_url"];

/// Makes the relative addresses in `value` absolute against `base`.
fn absolutize(value: &mut Value, base: &str) {
    match value {
        Value::Object(object) => {
            for (key, field) in object.iter_mut() {
                match field {
                    Value::String(address) if ADDRESS_FIELDS.contains(&key.as_str()) => *address = resolve(base, address),
                    _ => absolutize(field, base),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| absolutize(item, base)),
        _ => {}
    }
}

/// The item `raw` with its addresses made absolute against `base`, its own address replaced by
/// `url` (the page written for it) and, as a teaser, without its text.
fn rewritten(raw: &str, shape: Shape, base: &str, url: &str, teaser: bool) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(raw) else { return raw.to_owned() };
    absolutize(&mut value, base);
    let Value::Object(mut item) = value else { return raw.to_owned() };
    let (link, texts): (&str, &[&str]) = match shape {
        Shape::JsonFeed => ("url", &["content_html", "content_text"]),
        Shape::WordPress => ("link", &["content"]),
    };
    item.insert(link.into(), Value::String(url.into()));
    if teaser {
        for text in texts {
            item.remove(*text);
        }
    }
    serde_json::to_string(&item).unwrap_or_else(|_| raw.to_owned())
}

/// Writes `options.output` for the feed at `input`; `problem` is told of each item left out,
/// `progress` of the work done.
pub fn write(
    input: &Path,
    options: &SiteOptions,
    problem: &mut dyn FnMut(String),
    progress: &mut dyn FnMut(Progress),
) -> Result<Report, WriteError> {
    let site = options.output == Output::Site;
    // On the site, the lists lead to its pages (the pages' widgets say so too).
    let mut attributes = options.attributes.clone();
    if site {
        attributes.push(("data-links".to_owned(), "publisher".to_owned()));
    }
    // The widget's settings as the host element's attributes give them, in the interface
    // language a page in `language` gives (a page's widget speaks the page's language).
    let configure = |language: Option<&str>| {
        let (config, problems) = parse(
            |name| attributes.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone()),
            LangHints { query: None, page: language },
        );
        (Arc::new(Config { part: crate::config::Part::Article, ..config }), problems)
    };
    let (lengths, mut problems) = configure(None);
    // The pages' sources are the command's to write.
    problems.retain(|problem| problem.attribute != "data-src");
    // The widget would list these problems above the article: the markup would not be its.
    if !problems.is_empty() {
        let messages: Vec<String> = problems.iter().map(|problem| problem.message(crate::i18n::Lang::En)).collect();
        return Err(WriteError::Config(messages.join("; ")));
    }
    let local = options.feed_url.starts_with('/');
    let feed_url = if local { format!("{LOCAL_ORIGIN}{}", options.feed_url) } else { options.feed_url.clone() };
    let feed_url = feed_url.as_str();

    // First pass: the feed's own fields, and the shortlist of what the lists can show.
    let mut shortlist = Shortlist::new(&lengths);
    let mut read = 0;
    let shape = shape_of(input).map_err(|error| WriteError::Read(ReadError::Open(error)))?;
    // The feed's fields may come after its items: here an item is read alone, which is enough
    // for a list (its language and authors are the feed's only for the article).
    let alone = Outline { shape, fields: Default::default() };
    let base = options.base_url.as_deref();
    let outline = read_items(input, &mut |index, raw: &RawValue| {
        read = index + 1;
        if read % 1000 == 0 {
            progress(Progress::Scanning { read });
        }
        let Ok(mut feed) = read_item(&alone, raw.get(), feed_url) else { return };
        if let Some(mut article) = feed.articles.pop() {
            article.body = Body::Empty;
            if site {
                // On the site, lists lead to its pages (from a page, the site's root is "../").
                article.url = Some(page_url(&article.id, "../", base));
            }
            // popular.json is in data/, beside the listing.
            let teaser = rewritten(raw.get(), shape, feed_url, &page_url(&article.id, "../", base), true);
            shortlist.add(Candidate { index, article, teaser });
        }
    })
    .map_err(WriteError::Read)?;
    let total = read;
    let mut outline = outline;
    let mut fields = Value::Object(std::mem::take(&mut outline.fields));
    absolutize(&mut fields, feed_url);
    if let Value::Object(fields) = fields {
        outline.fields = fields;
    }

    let language = outline.fields.get("language").and_then(Value::as_str).map(str::to_owned);
    let config = configure(language.as_deref()).0;
    // One configuration per language of the site's pages: there are few.
    let mut configs: HashMap<String, Arc<Config>> = HashMap::new();
    let candidates = shortlist.into_sorted();

    // The lists' feed: the feed's fields, and the shortlisted articles in feed order.
    let mut lists = feed_fields(&outline, feed_url);
    lists.articles = candidates.iter().map(|c| c.article.clone()).collect();
    if site {
        fs::create_dir_all(options.out.join("data/articles")).map_err(WriteError::Write)?;
        let popular: Vec<String> = candidates.iter().filter(|c| c.article.views.all.or(c.article.views.month).or(c.article.views.week).or(c.article.views.day).is_some()).map(|c| c.teaser.clone()).collect();
        write_file(&options.out.join("data/popular.json"), &outline.document_of_many(&popular, None))?;
    } else {
        fs::create_dir_all(options.out.join("fragments")).map_err(WriteError::Write)?;
    }

    // Second pass: each article, written and forgotten.
    let mut report = Report::default();
    let mut listing: Vec<String> = Vec::new();
    let mut listing_page = 1;
    let mut index: Vec<(String, String, Option<Published>)> = Vec::new();
    let mut index_page = 1;
    let mut failure = None;
    let (mut ids_seen, mut names_seen) = (HashSet::new(), HashSet::new());
    let page_lang = language.clone().unwrap_or_else(|| config.lang.tag().to_owned());
    read_items(input, &mut |position, raw: &RawValue| {
        if failure.is_some() {
            return;
        }
        let feed = match read_item(&outline, raw.get(), feed_url) {
            Ok(feed) => feed,
            Err(LoadError::Empty(Some(invalid))) | Err(LoadError::Invalid(invalid)) => {
                problem(item_problem(position, item_id(raw.get()).as_deref(), &invalid));
                report.skipped += 1;
                return;
            }
            Err(other) => {
                problem(format!("item {position}: {}", other.message(crate::i18n::Lang::En)));
                report.skipped += 1;
                return;
            }
        };
        for skipped in &feed.skipped {
            problem(item_problem(position, item_id(raw.get()).as_deref(), skipped));
        }
        let Some(mut article) = feed.articles.into_iter().next() else { return };
        let slug = slug(&article.id);
        let id_note = format!("item {position} (id {:?})", article.id);
        // Read an item at a time, repeats are found here: the first one is kept, as the widget
        // keeps it. Names that differ only by case would overwrite each other on some systems.
        if !ids_seen.insert(fingerprint(&article.id)) || !names_seen.insert(fingerprint(&slug.to_lowercase())) {
            problem(format!("{id_note}: repeats an earlier id, or a name that differs from an earlier one only by case; left out"));
            report.skipped += 1;
            return;
        }
        let data_name = article_file(&article.id);
        if site && data_name.is_none() {
            problem(format!("{id_note}: its id cannot name a file the widget can ask for (\"/\", \"\\\", \".\", \"..\" or over 200 bytes); left out"));
            report.skipped += 1;
            return;
        }
        let result = if site {
            // The page's own address where the site's is known; else the publisher's page for
            // the article, which is where the article lives for search engines.
            let canonical = options.base_url.as_ref().map(|base| format!("{base}{slug}/"));
            if let Some(canonical) = &canonical {
                article.url = Some(canonical.clone());
            }
            let canonical = canonical.or_else(|| article.url.clone());
            // Addresses relative to the data files: data/articles/<id>.json and data/feed.json.
            let data = rewritten(raw.get(), outline.shape, feed_url, &page_url(&article.id, "../../", base), false);
            let teaser = rewritten(raw.get(), outline.shape, feed_url, &page_url(&article.id, "../", base), true);
            let lang = article.language.clone().unwrap_or_else(|| page_lang.clone());
            let page_config = configs.entry(lang.clone()).or_insert_with(|| configure(Some(&lang)).0);
            let data_path = options.out.join("data/articles").join(data_name.unwrap_or_default());
            let written = write_file(&data_path, &outline.document_of(&data))
                .and_then(|()| write_page(options, page_config, &lists, &article, &slug, canonical.as_deref(), &lang));
            if let Err(error) = written {
                problem(format!("{id_note}: {error}; left out"));
                report.skipped += 1;
                return;
            }
            listing.push(teaser);
            index.push((slug.clone(), article.title.clone(), article.published));
            let mut shared = Ok(());
            if listing.len() == options.page_size.max(1) + 1 {
                let next = listing.pop().into_iter().collect::<Vec<_>>();
                shared = shared.and_then(|()| write_listing(options, &outline, &listing, listing_page, true));
                listing = next;
                listing_page += 1;
            }
            if index.len() == options.index_size.max(1) + 1 {
                let next = index.pop().into_iter().collect::<Vec<_>>();
                shared = shared.and_then(|()| write_index(options, &config, &lists, &index, index_page, true, &page_lang));
                index = next;
                index_page += 1;
            }
            // The listing and the index serve every page: without them there is no site.
            if let Err(error) = shared {
                failure = Some(error);
                return;
            }
            Ok(())
        } else {
            let markup = article_markup(Arc::new(lists_for(&lists, &article)), article.clone(), config.clone(), &options.host_color_scheme);
            write_file(&options.out.join(format!("fragments/{slug}.html")), &shadow_root(&markup))
        };
        match result {
            Ok(()) => {
                report.written += 1;
                if report.written % 100 == 0 {
                    progress(Progress::Writing { done: report.written, total });
                }
            }
            Err(error) => {
                problem(format!("{id_note}: {error}; left out"));
                report.skipped += 1;
            }
        }
    })
    .map_err(WriteError::Read)?;
    if let Some(error) = failure {
        return Err(error);
    }
    if site {
        write_listing(options, &outline, &listing, listing_page, false)?;
        write_index(options, &config, &lists, &index, index_page, false, &page_lang)?;
    }
    progress(Progress::Writing { done: report.written, total });
    Ok(report)
}

/// The lists' feed for a page showing `article`: the article itself is in it, as in the feed
/// the widget reads.
fn lists_for(lists: &Feed, article: &Article) -> Feed {
    let mut feed = lists.clone();
    match feed.articles.iter_mut().find(|a| a.id == article.id) {
        Some(teaser) => *teaser = article.clone(),
        None => feed.articles.push(article.clone()),
    }
    feed
}

/// Why the output could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The feed could not be read.
    Read(ReadError),
    /// A file could not be written.
    Write(io::Error),
    /// A `data-*` attribute the widget would not accept.
    Config(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Read(error) => write!(f, "{error}"),
            WriteError::Write(error) => write!(f, "cannot write: {error}"),
            WriteError::Config(problems) => write!(f, "{problems}"),
        }
    }
}

fn write_file(path: &Path, text: &str) -> Result<(), WriteError> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(WriteError::Write)?;
    }
    // Written for a root-relative feed: addresses of the site's own origin become paths, in
    // share links (percent-encoded) too.
    let text = text.replace(LOCAL_ORIGIN, "").replace(&crate::share::encode(LOCAL_ORIGIN), "");
    fs::write(path, text).map_err(WriteError::Write)
}

/// The address of an article's page from another page (`up` leads to the site's root).
fn page_url(id: &str, up: &str, base: Option<&str>) -> String {
    match base {
        Some(base) => format!("{base}{}/", slug(id)),
        None => format!("{up}{}/", slug(id)),
    }
}

/// The listing file `page` (feed.json, then page-2.json…) the widget reads on the site.
fn write_listing(options: &SiteOptions, outline: &Outline, teasers: &[String], page: usize, more: bool) -> Result<(), WriteError> {
    let name = |page: usize| if page == 1 { "feed.json".to_owned() } else { format!("page-{page}.json") };
    let next = more.then(|| name(page + 1));
    write_file(&options.out.join("data").join(name(page)), &outline.document_of_many(teasers, next.as_deref()))
}

/// The page chrome's stylesheet: the widget brings its own inside its shadow root.
const SITE_CSS: &str = "body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}\
.site-bar{border-bottom:1px solid #ddd;padding:.75rem 1rem}.site-bar a{color:inherit;font-weight:700;text-decoration:none}\
main{max-width:72rem;margin:0 auto;padding:1rem}.site-index li{margin:.5rem 0}.site-index time{color:#555;font-size:.875em;margin-inline-start:.5em}\
.site-pages{display:flex;gap:1rem;list-style:none;padding:0}\
@media (prefers-color-scheme:dark){body{color:#eee;background:#121212}.site-bar{border-color:#333}.site-index time{color:#aaa}a{color:#8ab4f8}}";

/// One article's page.
fn write_page(options: &SiteOptions, config: &Arc<Config>, lists: &Feed, article: &Article, slug: &str, canonical: Option<&str>, lang: &str) -> Result<(), WriteError> {
    let head = head_elements(&PageHead {
        article,
        site_name: &lists.title,
        canonical: canonical.unwrap_or_default(),
        lang,
        home_page: lists.home_page_url.as_deref(),
    });
    let markup = article_markup(Arc::new(lists_for(lists, article)), article.clone(), config.clone(), "light dark");
    let script = asset(&options.script, "../");
    let id = escape(&article.id);
    let attributes = widget_attributes(options);
    let site = escape(&lists.title);
    let shadow = shadow_root(&markup);
    let html = document(
        lang,
        &format!("{head}<script type=\"module\" src=\"{script}\"></script>"),
        &format!(
            r#"<header class="site-bar"><a href="../">{site}</a></header>
<main>
<div data-kiosque="article" data-src="../data/feed.json" data-article-src="../data/articles/{{id}}.json" data-popular-src="../data/popular.json" data-article="{id}" data-links="publisher"{attributes}>{shadow}</div>
</main>"#
        ),
    );
    write_file(&options.out.join(slug).join("index.html"), &html)
}

/// A page of the site in `lang`: the elements every page has, `head`, the site's stylesheet, and
/// `body`.
fn document(lang: &str, head: &str, body: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="{}" dir="{}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
{head}
<style>{SITE_CSS}</style>
</head>
<body>
{body}
</body>
</html>
"#,
        escape(lang),
        text_direction(lang)
    )
}

/// The publisher's `data-*` attributes, for the widget on the site's pages.
fn widget_attributes(options: &SiteOptions) -> String {
    options.attributes.iter().map(|(name, value)| format!(r#" {}="{}""#, escape(name), escape(value))).collect()
}

/// `address` seen from a page `up` levels below the site's root.
fn asset(address: &str, up: &str) -> String {
    if address.contains("://") || address.starts_with('/') { escape(address) } else { escape(&format!("{up}{address}")) }
}

/// An index page: links to the articles in feed order.
#[allow(clippy::too_many_arguments)]
fn write_index(options: &SiteOptions, config: &Config, lists: &Feed, entries: &[(String, String, Option<Published>)], page: usize, more: bool, page_lang: &str) -> Result<(), WriteError> {
    let name = |page: usize| if page == 1 { "index.html".to_owned() } else { format!("index-{page}.html") };
    let strings = config.lang.strings();
    let items: String = entries
        .iter()
        .map(|(slug, title, date)| {
            let time = date
                .map(|date| format!(r#" <time datetime="{}">{}</time>"#, machine_readable(&date), escape(&short_date(&date, config.lang))))
                .unwrap_or_default();
            format!("<li><a href=\"{}/\">{}</a>{time}</li>\n", escape(slug), escape(title))
        })
        .collect();
    let previous = if page > 1 { format!(r#"<li><a href="{}" rel="prev">←</a></li>"#, name(page - 1)) } else { String::new() };
    let next = if more { format!(r#"<li><a href="{}" rel="next">{}</a></li>"#, name(page + 1), escape(strings.load_more)) } else { String::new() };
    let title = escape(&lists.title);
    let canonical = options.base_url.as_ref().map(|base| format!(r#"<link rel="canonical" href="{}">"#, escape(&format!("{base}{}", if page == 1 { String::new() } else { name(page) })))).unwrap_or_default();
    let description = escape(&format!("{} — {}", lists.title, strings.more_news_heading));
    let heading = escape(strings.more_news_heading);
    let html = document(
        page_lang,
        &format!("<title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n{canonical}"),
        &format!(
            r#"<header class="site-bar"><a href="index.html">{title}</a></header>
<main>
<h1>{heading}</h1>
<ul class="site-index">
{items}</ul>
<nav aria-label="{heading}"><ul class="site-pages">{previous}{next}</ul></nav>
</main>"#
        ),
    );
    write_file(&options.out.join(name(page)), &html)
}

/// The feed's own fields (its title, language, follow and share settings) as the widget reads
/// them, with no article.
fn feed_fields(outline: &Outline, feed_url: &str) -> Feed {
    let placeholder = r#"{"id": "-", "title": "-"}"#;
    let mut feed = match outline.shape {
        Shape::JsonFeed => read_item(outline, placeholder, feed_url).unwrap_or_default(),
        Shape::WordPress => Feed::default(),
    };
    feed.articles.clear();
    feed.source_url = feed_url.to_owned();
    feed
}
