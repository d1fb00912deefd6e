//! The pre-rendering command's output, natively: fragments and static sites written from the
//! demo feed, a real WordPress answer and a large generated feed.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use kiosque::prerender::site::{write, Output, Progress, Report, SiteOptions};
use kiosque::sources::read_feed;

/// A directory of its own for one test, emptied first: each run reuses it rather than leaving
/// one more behind.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kiosque-prerender-test-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn options(output: Output, out: &Path) -> SiteOptions {
    SiteOptions {
        output,
        out: out.to_owned(),
        base_url: None,
        feed_url: "https://www.nasubainfos.example/feed.json".into(),
        script: "kiosque.js".into(),
        attributes: Vec::new(),
        host_color_scheme: "light".into(),
        page_size: 20,
        index_size: 50,
    }
}

fn run(input: &Path, options: &SiteOptions) -> (Report, Vec<String>) {
    let mut problems = Vec::new();
    let report = write(input, options, &mut |problem| problems.push(problem), &mut |_: Progress| {}).unwrap();
    (report, problems)
}

const FIRST: &str = "mali-offensive-armee-etat-islamique";

#[test]
fn the_demo_feed_gives_a_fragment_per_article_holding_the_article_part() {
    let out = scratch("fragments");
    let (report, problems) = run(Path::new("data/feed.json"), &options(Output::Fragments, &out));
    assert_eq!(report, Report { written: 15, skipped: 0 });
    assert!(problems.is_empty(), "{problems:?}");
    let fragment = fs::read_to_string(out.join(format!("fragments/{FIRST}.html"))).unwrap();
    assert!(fragment.starts_with(r#"<template shadowrootmode="open"><style>"#), "{}", &fragment[..80]);
    assert!(fragment.ends_with("</div></template>"));
    // The widget's root, marked for the takeover, in the feed's language; its light theme as the
    // host's color-scheme is light.
    assert!(fragment.contains(r#"<div class="kq" lang="fr" dir="ltr" data-part="article" data-theme="light" data-prerendered="">"#));
    // The seed page, in order: date line, headline, body, follow call, share bar, lists.
    let order = [
        "datetime=\"2026-02-02T11:42:00+00:00\" class=\"kq-dateline\">lundi 2 février 2026</time>",
        "<h1 id=\"kq-headline\"",
        "Mali : l’armée malienne lance une offensive militaire contre l’État islamique</h1>",
        "class=\"kq-body\"",
        "Suivez-nous",
        "Partager",
        "https://api.whatsapp.com/send?text=",
        "Plus d’actualités",
        "Articles populaires",
    ];
    let mut at = 0;
    for piece in order {
        let found = fragment[at..].find(piece).unwrap_or_else(|| panic!("{piece:?} missing after byte {at}"));
        at += found + piece.len();
    }
    // The latest news knows there are more than it shows.
    assert!(fragment.contains("kq-load-more"), "Plus d’articles");
    // Every part is there, and no hydration marker is left.
    assert_eq!(fragment.matches(r#"class="kq-deferred""#).count(), 3);
    assert!(!fragment.contains("<!"));
    // The lists lead where the widget's would (the article in this page), and leave this one out.
    assert!(fragment.contains(r#"href="?kiosque=cote-d-ivoire-cacao-sechage-solaire""#));
    assert_eq!(fragment.matches(&format!("?kiosque={FIRST}\"")).count(), 0, "the article lists itself");
    assert_eq!(fs::read_dir(out.join("fragments")).unwrap().count(), 15);
}

#[test]
fn a_static_site_has_a_page_per_article_its_index_and_the_widgets_data() {
    let out = scratch("site");
    let options = SiteOptions { base_url: Some("https://news.example/site/".into()), index_size: 10, page_size: 6, ..options(Output::Site, &out) };
    let (report, _) = run(Path::new("data/feed.json"), &options);
    assert_eq!(report.written, 15);
    let page = fs::read_to_string(out.join(FIRST).join("index.html")).unwrap();
    assert!(page.starts_with("<!doctype html>\n<html lang=\"fr\" dir=\"ltr\">"));
    assert!(page.contains(&format!(r#"<link rel="canonical" href="https://news.example/site/{FIRST}/">"#)));
    assert!(page.contains(r#"<meta property="og:site_name" content="Nasuba Infos">"#));
    assert!(page.contains(r#"<script type="application/ld+json">"#));
    assert!(page.contains(r#"<script type="module" src="../kiosque.js"></script>"#));
    assert!(page.contains(&format!(r#"data-article="{FIRST}" data-links="publisher"><template shadowrootmode="open">"#)));
    // Share links share the page itself; the lists lead to the other pages.
    assert!(page.contains("https%3A%2F%2Fnews.example%2Fsite%2Fmali-offensive-armee-etat-islamique%2F"));
    assert!(page.contains(r#"href="https://news.example/site/cote-d-ivoire-cacao-sechage-solaire/""#));
    // Index pages of 10 links, chained.
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    let links = |page: &str| page.split("<nav").next().unwrap_or_default().matches("<li><a href=").count();
    assert_eq!(links(&index), 10);
    assert!(index.contains(r#"<a href="index-2.html" rel="next">"#));
    let second = fs::read_to_string(out.join("index-2.html")).unwrap();
    assert_eq!(links(&second), 5);
    assert!(!second.contains("rel=\"next\""));
    // What the widget reads there: a listing of 6 teasers a file, each article, the most read.
    let listing = read_feed(&fs::read_to_string(out.join("data/feed.json")).unwrap(), "https://news.example/site/data/feed.json").unwrap();
    assert_eq!(listing.articles.len(), 6);
    assert_eq!(listing.next_url.as_deref(), Some("https://news.example/site/data/page-2.json"));
    assert_eq!(listing.articles[1].url.as_deref(), Some("https://news.example/site/cote-d-ivoire-cacao-sechage-solaire/"));
    assert!(fs::read_to_string(out.join("data/page-3.json")).unwrap().contains("ouidah"));
    let article = read_feed(&fs::read_to_string(out.join(format!("data/articles/{FIRST}.json"))).unwrap(), "https://x.example/").unwrap();
    assert_eq!(article.title, "Nasuba Infos");
    assert_eq!(article.articles[0].id, FIRST);
    let popular = read_feed(&fs::read_to_string(out.join("data/popular.json")).unwrap(), "https://x.example/").unwrap();
    assert!(popular.articles.iter().any(|a| a.id == FIRST));
}

#[test]
fn without_a_base_address_the_site_links_relatively() {
    let out = scratch("relative");
    run(Path::new("data/feed.json"), &options(Output::Site, &out));
    let page = fs::read_to_string(out.join(FIRST).join("index.html")).unwrap();
    assert!(page.contains(r#"href="../cote-d-ivoire-cacao-sechage-solaire/""#));
    // The canonical address is then the publisher's own page for the article.
    assert!(page.contains(&format!(r#"<link rel="canonical" href="https://www.nasubainfos.example/2026/02/02/{}"#, "mali-offensive-armee-etat-islamique")));
    let listing = fs::read_to_string(out.join("data/feed.json")).unwrap();
    assert!(listing.contains(r#""url":"../cote-d-ivoire-cacao-sechage-solaire/""#));
}

#[test]
fn a_page_speaks_its_articles_language() {
    let dir = scratch("languages");
    let feed = dir.join("feed.json");
    fs::write(&feed, r#"{"title": "T", "language": "fr", "items": [
        {"id": "fr", "title": "Un article", "content_text": "Texte."},
        {"id": "ar", "title": "مقال", "language": "ar", "content_text": "نص."}
    ]}"#).unwrap();
    run(&feed, &options(Output::Site, &dir.join("out")));
    let arabic = fs::read_to_string(dir.join("out/ar/index.html")).unwrap();
    // The page's widget speaks the page's language, as the widget would there.
    assert!(arabic.starts_with("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">"));
    assert!(arabic.contains(r#"<div class="kq" lang="ar" dir="rtl" data-part="article""#), "the interface follows the page");
    let french = fs::read_to_string(dir.join("out/fr/index.html")).unwrap();
    assert!(french.contains(r#"<div class="kq" lang="fr" dir="ltr" data-part="article""#));
}

#[test]
fn the_static_layout_is_read_page_by_page_with_each_article_whole() {
    let dir = scratch("layout");
    let layout = dir.join("news");
    fs::create_dir_all(layout.join("articles")).unwrap();
    let teaser = |id: &str| format!(r#"{{"id": "{id}", "title": "Title {id}", "summary": "Teaser {id}"}}"#);
    fs::write(layout.join("feed.json"), format!(r#"{{"title": "Split", "language": "en", "next_url": "page-2.json", "items": [{}, {}]}}"#, teaser("one"), teaser("two"))).unwrap();
    fs::write(layout.join("page-2.json"), format!(r#"{{"title": "Split", "items": [{}], "next_url": "feed.json"}}"#, teaser("three"))).unwrap();
    for id in ["one", "three"] {
        fs::write(layout.join(format!("articles/{id}.json")), format!(r#"{{"title": "Split", "items": [{{"id": "{id}", "title": "Title {id}", "content_text": "The whole of {id}."}}]}}"#)).unwrap();
    }
    let (report, problems) = run(&layout, &options(Output::Site, &dir.join("out")));
    assert_eq!(report, Report { written: 3, skipped: 0 }, "{problems:?}");
    let one = fs::read_to_string(dir.join("out/one/index.html")).unwrap();
    assert!(one.contains("The whole of one.") && one.contains("<html lang=\"en\""));
    // Without its article file, the teaser is what there is.
    let two = fs::read_to_string(dir.join("out/two/index.html")).unwrap();
    assert!(two.contains("Teaser two"));
    assert!(fs::read_to_string(dir.join("out/three/index.html")).unwrap().contains("The whole of three."));
}

#[test]
fn ids_that_would_overwrite_or_escape_are_named_and_left_out() {
    let dir = scratch("ids");
    let feed = dir.join("feed.json");
    let long = "أ".repeat(80);
    fs::write(&feed, format!(r#"{{"title": "T", "_kiosque": {{"sample": false}}, "items": [
        {{"id": "café-crème", "title": "Un café"}},
        {{"id": "café-crème", "title": "Le même id"}},
        {{"id": "a/b", "title": "Une barre"}},
        {{"id": "index.html", "title": "Un nom réservé"}},
        {{"id": "{long}", "title": "Un id très long"}}
    ]}}"#)).unwrap();
    let (report, problems) = run(&feed, &options(Output::Site, &dir.join("out")));
    assert_eq!(report, Report { written: 3, skipped: 2 }, "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("item 1 (id \"café-crème\"): repeats an earlier id")), "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("item 2 (id \"a/b\"): its id cannot name a file")), "{problems:?}");
    // The data file has the id's own name, which the widget asks for percent-encoded.
    assert!(dir.join("out/data/articles/café-crème.json").exists());
    assert!(dir.join("out/caf_C3_A9-cr_C3_A8me/index.html").exists());
    assert!(dir.join("out/_index.html/index.html").exists(), "the site's own names stay its own");
    assert!(fs::read_to_string(dir.join("out/index.html")).unwrap().contains("Un nom réservé"));
    let long_page = fs::read_dir(dir.join("out")).unwrap().filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).find(|name| name.starts_with("_D8_A3"));
    assert!(long_page.is_some_and(|name| name.len() <= 120), "a long id gets a short name");
}

#[test]
fn a_bad_item_is_named_and_the_rest_is_written() {
    let dir = scratch("bad");
    let feed = dir.join("feed.json");
    fs::write(
        &feed,
        r#"{"title": "T", "language": "en", "items": [
            {"id": "good", "title": "A good one", "content_text": "Text."},
            {"id": "untitled", "date_published": 12},
            {"title": "no id"},
            {"id": "also-good", "title": "Another", "content_html": "<p>Hi <script>alert(1)</script></p>"}
        ]}"#,
    )
    .unwrap();
    let (report, problems) = run(&feed, &options(Output::Site, &dir.join("out")));
    assert_eq!(report, Report { written: 2, skipped: 2 }, "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("item 2: ") && p.contains("items[2].id")), "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("item 1 (id \"untitled\"): ") && p.contains(".title — ")), "{problems:?}");
    let page = fs::read_to_string(dir.join("out/also-good/index.html")).unwrap();
    assert!(page.contains("<p>Hi </p>") && !page.contains("alert(1)"));
    // An attribute the widget would refuse (and list above the article) stops the run.
    let refused = SiteOptions { attributes: vec![("data-share-style".into(), "nope".into())], ..options(Output::Site, &dir.join("out3")) };
    let error = write(&feed, &refused, &mut |_| {}, &mut |_| {}).unwrap_err();
    assert!(error.to_string().contains("data-share-style"), "{error}");
    // Broken JSON stops the run, and says where.
    fs::write(&feed, "{\"items\": [{\"id\": \"a\"},,]}").unwrap();
    let error = write(&feed, &options(Output::Site, &dir.join("out2")), &mut |_| {}, &mut |_| {}).unwrap_err();
    assert!(error.to_string().contains("line 1 column"), "{error}");
}

#[test]
fn a_saved_wordpress_answer_is_read_as_the_widget_reads_it() {
    let posts = Path::new("tests/fixtures/realworld/wordpress/demo-worona-org/posts.json");
    let out = scratch("wordpress");
    let (report, _) = run(posts, &SiteOptions { feed_url: "https://demo.worona.org/".into(), ..options(Output::Site, &out) });
    assert!(report.written > 0);
    let listing = fs::read_to_string(out.join("data/feed.json")).unwrap();
    assert!(listing.trim_start().starts_with('['), "the widget's data keeps WordPress's shape");
    let feed = read_feed(&listing, "https://demo.worona.org/site/data/feed.json").unwrap();
    assert!(feed.articles[0].url.as_deref().is_some_and(|url| url.starts_with("https://demo.worona.org/site/")));
}

#[test]
fn a_large_feed_is_written_an_item_at_a_time() {
    let dir = scratch("large");
    let feed = dir.join("feed.json");
    let items: Vec<String> = (0..400)
        .map(|i| {
            format!(
                r#"{{"id": "a{i}", "title": "Article {i}", "content_text": "Text {i}.", "date_published": "2026-01-{:02}T10:00:00Z", "_kiosque": {{"section": "S{}", "views": {}}}}}"#,
                1 + i % 28,
                i % 7,
                i * 37 % 1000
            )
        })
        .collect();
    fs::write(&feed, format!(r#"{{"title": "Big", "items": [{}]}}"#, items.join(","))).unwrap();
    let (report, problems) = run(&feed, &options(Output::Fragments, &dir.join("out")));
    assert_eq!(report.written, 400, "{problems:?}");
    // The most read of all is listed on another article's page.
    let fragment = fs::read_to_string(dir.join("out/fragments/a0.html")).unwrap();
    let top = (0..400).max_by_key(|i| (i * 37 % 1000, std::cmp::Reverse(*i))).unwrap();
    assert!(fragment.contains(&format!(">Article {top}</a>")), "a{top} is the most read");
}
