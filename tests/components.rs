//! Component tests in headless Chromium: mount a view, let it render, read the DOM.
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use kiosque::components::article_body::ArticleBody;
use kiosque::components::article_view::ArticleView;
use kiosque::components::lead_image::LeadImage;
use kiosque::components::load_failed::LoadFailed;
use kiosque::components::reader_tools::ReaderTools;
use kiosque::browser::held_image::held_in;
use kiosque::components::widget::Widget;
use kiosque::config::{Config, ConfigError, Part};
use kiosque::dates::parse_rfc3339;
use kiosque::i18n::Lang;
use kiosque::model::{Article, Body, Image, ImageSource};
use kiosque::sources::LoadError;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED_PARAGRAPHS: usize = 7;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the test page to mount into.
fn container() -> HtmlElement {
    let element = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits up to two seconds for `selector` to match inside `root`.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        leptos::task::tick().await;
        if let Ok(Some(found)) = root.query_selector(selector) {
            return found;
        }
        sleep(20).await;
    }
    panic!("{selector} never appeared; DOM: {}", root.inner_html());
}

/// Waits until `condition` holds (as the page changes, for up to two seconds).
async fn wait_until(condition: impl Fn() -> bool) {
    for _ in 0..100 {
        leptos::task::tick().await;
        if condition() {
            return;
        }
        sleep(20).await;
    }
    panic!("the condition never held");
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
        .text_content()
        .unwrap_or_default()
}

fn seed_article() -> Article {
    Article {
        id: "seed".into(),
        url: Some("https://news.example/seed/".into()),
        title: "Mali : l’armée malienne lance une offensive militaire contre l’État islamique".into(),
        body: Body::Text((1..=SEED_PARAGRAPHS).map(|n| format!("Paragraphe {n}. {}", "mot ".repeat(60))).collect::<Vec<_>>().join("\n\n")),
        published: parse_rfc3339("2026-02-02T11:42:00+00:00"),
        authors: vec!["Nasuba Infos".into()],
        section: Some("Afrique".into()),
        ..Article::default()
    }
}

fn mount_in(lang: Lang, view: impl FnOnce() -> AnyView + 'static) -> HtmlElement {
    let root = container();
    mount_to(root.clone(), move || {
        provide_context(lang);
        view()
    })
    .forget();
    root
}

#[wasm_bindgen_test]
async fn article_view_shows_the_seed_article_in_french() {
    let root = mount_in(Lang::Fr, || view! { <ArticleView article=seed_article() base=String::new() language=Some("fr".to_owned())/> }.into_any());
    leptos::task::tick().await;
    assert_eq!(text(&root, "h1"), seed_article().title);
    assert_eq!(text(&root, "time"), "lundi 2 février 2026");
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2026-02-02T11:42:00+00:00"));
    assert_eq!(root.query_selector_all(".kq-body p").unwrap().length() as usize, SEED_PARAGRAPHS);
    assert_eq!(text(&root, ".kq-section"), "Afrique");
    assert_eq!(text(&root, ".kq-byline span"), "Par Nasuba Infos");
    assert_eq!(text(&root, ".kq-reading-time"), "3 min de lecture");
    assert!(root.query_selector(".kq-sample").unwrap().is_none(), "the seed is not sample content");
    assert!(root.query_selector("figure").unwrap().is_none(), "no image, no figure");
}

#[wasm_bindgen_test]
async fn article_view_speaks_english_when_asked() {
    let mut article = seed_article();
    article.sample = true;
    article.authors = vec!["Awa".into(), "Moussa".into()];
    let root = mount_in(Lang::En, move || view! { <ArticleView article base=String::new() language=Some("fr".to_owned())/> }.into_any());
    leptos::task::tick().await;
    assert_eq!(text(&root, "time"), "Monday 2 February 2026");
    assert_eq!(text(&root, ".kq-byline span"), "By Awa and Moussa");
    assert_eq!(text(&root, ".kq-reading-time"), "3 min read");
    assert_eq!(text(&root, ".kq-sample"), "Sample content");
}

#[wasm_bindgen_test]
async fn content_in_another_language_keeps_its_language_and_direction() {
    let article = seed_article();
    let root = mount_in(Lang::Fr, move || view! { <ArticleView article base=String::new() language=Some("ar".to_owned())/> }.into_any());
    leptos::task::tick().await;
    let headline = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(headline.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(headline.get_attribute("dir").as_deref(), Some("rtl"));
    let body = root.query_selector(".kq-body").unwrap().unwrap();
    assert_eq!(body.get_attribute("dir").as_deref(), Some("rtl"));
    // The interface around it stays French, its date set left to right.
    assert_eq!(text(&root, ".kq-byline span"), "Par Nasuba Infos");
    let date = root.query_selector(".kq-dateline").unwrap().unwrap();
    assert_eq!((date.get_attribute("lang"), date.get_attribute("dir")), (None, None));
    assert_eq!(root.query_selector(".kq-kicker").unwrap().unwrap().get_attribute("dir"), None);
}

#[wasm_bindgen_test]
async fn content_whose_language_nobody_gave_claims_none() {
    let root = mount_in(Lang::Ar, move || view! { <ArticleView article=seed_article() base=String::new() language=None/> }.into_any());
    leptos::task::tick().await;
    for selector in ["h1", ".kq-body"] {
        let element = root.query_selector(selector).unwrap().unwrap();
        assert_eq!(element.get_attribute("lang").as_deref(), Some(""), "{selector}");
        assert_eq!(element.get_attribute("dir").as_deref(), Some("auto"), "{selector}");
    }
}

#[wasm_bindgen_test]
async fn lead_image_reserves_its_size_and_labels_its_caption() {
    let image = Image {
        src: "https://news.example/a.svg".into(),
        alt: "Un marché".into(),
        caption: Some("Le marché de Bamako.".into()),
        credit: Some("Illustration : Kiosque".into()),
        width: Some(1200),
        height: Some(675),
        ..Image::default()
    };
    let root = mount_in(Lang::Fr, move || view! { <LeadImage image lang=None dir=None/> }.into_any());
    leptos::task::tick().await;
    let img = root.query_selector("figure img").unwrap().unwrap();
    assert_eq!(img.get_attribute("alt").as_deref(), Some("Un marché"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("1200"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("675"));
    assert_eq!(text(&root, "figcaption"), "Légende\u{a0}: Le marché de Bamako. Illustration : Kiosque");
    assert_eq!(text(&root, "figcaption .kq-visually-hidden"), "Légende\u{a0}: ");
}

#[wasm_bindgen_test]
async fn html_bodies_are_sanitized() {
    let html = r#"<p>Bon <b>texte</b></p><script>window.pwned = 1</script>
        <img src="x.png" onerror="window.pwned = 1"><a href="javascript:alert(1)">lien</a>
        <a href="/ailleurs">relatif</a><svg><script>window.pwned = 1</script></svg>
        <div style="color:red" onclick="x()">contenu gardé</div><h1>Intertitre</h1>"#;
    let body = Body::Html(html.into());
    let root = mount_in(Lang::Fr, move || {
        view! { <ArticleBody body base="https://news.example/articles/1".to_owned() lang=None dir=None/> }.into_any()
    });
    let paragraph = wait_for(&root, ".kq-body p").await;
    assert_eq!(paragraph.inner_html(), "Bon <b>texte</b>");
    let markup = root.inner_html();
    for forbidden in ["<script", "onerror", "onclick", "javascript:", "style=", "<svg", "<div style"] {
        assert!(!markup.contains(forbidden), "{forbidden} survived: {markup}");
    }
    assert!(markup.contains("contenu gardé"), "text of unknown wrappers is kept: {markup}");
    let img = root.query_selector(".kq-body img").unwrap().unwrap();
    assert_eq!(img.get_attribute("src").as_deref(), Some("https://news.example/articles/x.png"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    let relative = root.query_selector_all(".kq-body a").unwrap().item(1).unwrap().unchecked_into::<Element>();
    assert_eq!(relative.get_attribute("href").as_deref(), Some("https://news.example/ailleurs"));
    assert_eq!(relative.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert!(root.query_selector(".kq-body h1").unwrap().is_none(), "h1 demoted");
    assert_eq!(text(&root, ".kq-body h2"), "Intertitre");
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "a script ran");
}

#[wasm_bindgen_test]
async fn videos_from_allowed_hosts_load_only_when_asked() {
    let html = r#"<p>Avant</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1"></iframe>
        <iframe src="https://evil.example/embed/dQw4w9WgXcQ"></iframe>
        <iframe srcdoc="<script>parent.pwned=1</script>"></iframe><p>Après</p>"#;
    let body = Body::Html(html.into());
    let root = mount_in(Lang::Fr, move || {
        view! { <ArticleBody body base="https://news.example/a".to_owned() lang=None dir=None/> }.into_any()
    });
    let button: HtmlElement = wait_for(&root, ".kq-video button").await.unchecked_into();
    assert_eq!(root.query_selector_all(".kq-video").unwrap().length(), 1, "only the allowed host");
    assert!(root.query_selector("iframe").unwrap().is_none(), "nothing loads before the click");
    assert_eq!(button.text_content().as_deref(), Some("Lire la vidéo (YouTube)"));
    let link = root.query_selector(".kq-video a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
    button.click();
    let frame = wait_for(&root, ".kq-video iframe").await;
    assert_eq!(frame.get_attribute("src").as_deref(), Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"));
    assert!(frame.get_attribute("sandbox").is_some());
    assert_eq!(text(&root, ".kq-body p:last-child"), "Après");
}

#[wasm_bindgen_test]
async fn load_failure_explains_and_retries() {
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let on_retry = Callback::new(move |()| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let root = mount_in(Lang::En, move || {
        view! { <LoadFailed error=LoadError::Http(503) part=Part::More on_retry/> }.into_any()
    });
    leptos::task::tick().await;
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(alert.text_content().unwrap().contains("HTTP 503"));
    // A list says it is the list that cannot be shown, and the publisher's content has a place.
    assert!(alert.text_content().unwrap().starts_with("The list cannot be shown"));
    assert!(alert.query_selector("slot").unwrap().is_some());
    let button: HtmlElement = root.query_selector("button").unwrap().unwrap().unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
    button.click();
    assert_eq!(retries.load(Ordering::SeqCst), 1);
}

fn data_url(json: &str) -> String {
    format!("data:application/json,{}", js_sys::encode_uri_component(json))
}

thread_local! {
    /// The widgets the tests started, kept so that a test can stop them all.
    static WIDGETS: std::cell::RefCell<Vec<Box<dyn std::any::Any>>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn widget(config: Config, problems: Vec<ConfigError>) -> HtmlElement {
    let root = container();
    let handle = mount_to(root.clone(), move || view! { <Widget config problems/> });
    WIDGETS.with(|widgets| widgets.borrow_mut().push(Box::new(handle)));
    root
}

/// Stops every widget earlier tests started: the first article widget of a page is the one
/// that follows its address.
fn stop_widgets() {
    WIDGETS.with(|widgets| widgets.borrow_mut().clear());
}

#[wasm_bindgen_test]
async fn widget_loads_a_feed_and_shows_its_first_article() {
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
        {"id":"a","title":"Premier titre","content_text":"Un.\n\nDeux.","date_published":"2026-02-02T11:42:00+00:00"},
        {"id":"b","title":"Second titre","content_text":"Trois."}]}"#;
    let config = Config { src: Some(data_url(feed)), ..Config::default() };
    let root = widget(config, vec![]);
    assert!(root.query_selector(".kq-loading").unwrap().is_some(), "a placeholder shows first");
    assert_eq!(text(&root, "[role=status]"), "Chargement de l’article…");
    let headline = wait_for(&root, "h1").await;
    assert_eq!(headline.text_content().as_deref(), Some("Premier titre"));
    assert!(root.query_selector(".kq-loading").unwrap().is_none());
    assert_eq!(text(&root, "[role=status]"), "");
}

#[wasm_bindgen_test]
async fn widget_shows_the_chosen_article_or_says_it_is_missing() {
    let feed = r#"{"items":[{"id":"a","title":"A","content_text":"x"},{"id":"b","title":"B","content_text":"y"}]}"#;
    let config = Config { src: Some(data_url(feed)), article: Some("b".into()), ..Config::default() };
    let root = widget(config, vec![]);
    assert_eq!(wait_for(&root, "h1").await.text_content().as_deref(), Some("B"));

    let config = Config { src: Some(data_url(feed)), article: Some("zz".into()), lang: Lang::En, ..Config::default() };
    let root = widget(config, vec![]);
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(alert.text_content().unwrap().contains("The article “zz” cannot be found."));
}

#[wasm_bindgen_test]
async fn widget_reports_broken_json_with_its_position_and_can_retry() {
    let config = Config { src: Some(data_url("{\"items\": [")), lang: Lang::Fr, ..Config::default() };
    let root = widget(config, vec![]);
    let alert = wait_for(&root, "[role=alert]").await;
    let message = alert.text_content().unwrap();
    assert!(message.contains("Impossible d’afficher l’article"), "{message}");
    assert!(message.contains("Les données reçues sont mal formées ou incomplètes."), "{message}");
    // The position is for the publisher, not in the reader's sentence.
    assert!(!message.contains("ligne"), "{message}");
    assert_eq!(alert.get_attribute("data-error-detail").as_deref(), Some("JSON syntax error at line 1, column 11"));
    let button: HtmlElement = root.query_selector("button").unwrap().unwrap().unchecked_into();
    button.click();
    leptos::task::tick().await;
    // Retrying shows the placeholder again, then the same error (the data did not change).
    wait_for(&root, "[role=alert] button").await;
}

#[wasm_bindgen_test]
async fn widget_without_a_source_says_which_attribute_is_missing() {
    let problems = vec![ConfigError { attribute: "data-src", accepted: None }];
    let root = widget(Config::default(), problems);
    leptos::task::tick().await;
    assert_eq!(text(&root, "[role=alert] li"), "L’attribut data-src est obligatoire.");
    assert!(root.query_selector(".kq-loading").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn mounting_puts_the_widget_in_a_shadow_root_with_its_language() {
    let host = document().create_element("div").unwrap();
    host.set_attribute("data-kiosque", "article").unwrap();
    host.set_attribute("data-lang", "en").unwrap();
    // Configuration refuses data: URLs, so point at a file the test server does not have.
    host.set_attribute("data-src", "no-such-feed.json").unwrap();
    host.set_inner_html("<a href='/fallback'>fallback</a>");
    document().body().unwrap().append_child(&host).unwrap();
    kiosque::browser::mount::mount(&host, &document());
    let shadow = host.shadow_root().expect("a shadow root");
    let root = shadow.query_selector(".kq").unwrap().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    assert!(shadow.query_selector("style").unwrap().is_some());
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(alert.text_content().unwrap().contains("HTTP 404"), "{}", root.inner_html());
    assert!(host.query_selector("a").unwrap().is_some(), "fallback markup stays in the light DOM");
    // Mounting twice does nothing.
    kiosque::browser::mount::mount(&host, &document());
    assert_eq!(shadow.query_selector_all(".kq").unwrap().length(), 1);
    // A host that leaves the page stops its widget.
    host.remove();
    kiosque::browser::mount::stop_removed();
}

mod share {
    use super::*;
    use kiosque::components::share_bar::ShareBar;
    use kiosque::share::{ButtonStyle, Network, ShareSettings, Sharing};

    const TITLE: &str = "Mali : l’armée « malienne » & co #1 ?";
    const URL: &str = "https://news.example/a?b=1";

    fn sharing() -> Sharing {
        Sharing { article_id: "seed".into(), url: URL.into(), title: TITLE.into(), ..Sharing::default() }
    }

    fn bar(lang: Lang, settings: ShareSettings) -> HtmlElement {
        mount_in(lang, move || view! { <ShareBar sharing=sharing() settings/> }.into_any())
    }

    /// Runs `script` in the page (test stubs for browser APIs).
    fn run(script: &str) {
        js_sys::Function::new_no_args(script).call0(&JsValue::NULL).unwrap();
    }

    fn decode_param(href: &str, name: &str) -> String {
        let url = web_sys::Url::new(href).unwrap();
        url.search_params().get(name).unwrap()
    }

    use wasm_bindgen::JsValue;

    #[wasm_bindgen_test]
    async fn network_buttons_are_real_links_with_localized_names() {
        let root = bar(Lang::Fr, ShareSettings::default());
        leptos::task::tick().await;
        assert_eq!(text(&root, "h2"), "Partager\u{a0}:");
        let whatsapp = root.query_selector("a.kq-net-whatsapp").unwrap().unwrap();
        let href = whatsapp.get_attribute("href").unwrap();
        assert!(href.starts_with("https://api.whatsapp.com/send?text="));
        assert_eq!(decode_param(&href, "text"), format!("{TITLE} {URL}"), "the title round-trips");
        assert_eq!(whatsapp.get_attribute("aria-label").as_deref(), Some("Partager sur WhatsApp (s’ouvre dans une nouvelle fenêtre)"));
        assert_eq!(whatsapp.get_attribute("target").as_deref(), Some("_blank"));
        assert_eq!(whatsapp.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
        let email = root.query_selector("a.kq-net-email").unwrap().unwrap();
        assert!(email.get_attribute("href").unwrap().starts_with("mailto:?subject="));
        assert_eq!(email.get_attribute("target"), None, "mail opens in the mail program, not a window");
        assert!(root.query_selector(".kq-net-pinterest").unwrap().is_none(), "no image, no Pinterest");
        let copy = root.query_selector("button.kq-net-copy").unwrap().unwrap();
        assert_eq!(copy.get_attribute("aria-label").as_deref(), Some("Copier le lien"));
    }

    #[wasm_bindgen_test]
    async fn english_names() {
        let root = bar(Lang::En, ShareSettings::default());
        leptos::task::tick().await;
        assert_eq!(text(&root, "h2"), "Share:");
        let x = root.query_selector("a.kq-net-x").unwrap().unwrap();
        assert_eq!(x.get_attribute("aria-label").as_deref(), Some("Share on X (opens in a new window)"));
        let toggle = root.query_selector(".kq-share-toggle").unwrap().unwrap();
        assert_eq!(toggle.get_attribute("aria-label").as_deref(), Some("More ways to share"));
    }

    #[wasm_bindgen_test]
    async fn more_discloses_the_rest_in_the_configured_order() {
        let settings = ShareSettings {
            networks: vec![Network::Telegram, Network::Email, Network::Reddit],
            visible: 1,
            ..ShareSettings::default()
        };
        let root = bar(Lang::Fr, settings);
        leptos::task::tick().await;
        let first = root.query_selector(".kq-share-list li a").unwrap().unwrap();
        assert!(first.class_name().contains("kq-net-telegram"));
        let toggle: HtmlElement = root.query_selector(".kq-share-toggle").unwrap().unwrap().unchecked_into();
        let extra = root.query_selector("#kq-share-extra").unwrap().unwrap();
        assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
        assert_eq!(toggle.get_attribute("aria-controls").as_deref(), Some("kq-share-extra"));
        assert!(extra.has_attribute("hidden"));
        assert_eq!(extra.query_selector_all("li").unwrap().length(), 2);
        toggle.click();
        leptos::task::tick().await;
        assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
        assert!(!extra.has_attribute("hidden"));
        toggle.click();
        leptos::task::tick().await;
        assert!(extra.has_attribute("hidden"));
    }

    #[wasm_bindgen_test]
    async fn without_extra_networks_there_is_no_toggle() {
        let settings = ShareSettings { networks: vec![Network::X, Network::Email], visible: 6, ..ShareSettings::default() };
        let root = bar(Lang::Fr, settings);
        leptos::task::tick().await;
        assert!(root.query_selector(".kq-share-toggle").unwrap().is_none());
    }

    #[wasm_bindgen_test]
    async fn button_styles_show_icons_labels_or_both() {
        let one = vec![Network::X];
        let icons = bar(Lang::Fr, ShareSettings { networks: one.clone(), ..ShareSettings::default() });
        let labels = bar(Lang::Fr, ShareSettings { networks: one.clone(), style: ButtonStyle::Labels, ..ShareSettings::default() });
        let both = bar(Lang::Fr, ShareSettings { networks: one, style: ButtonStyle::IconsAndLabels, ..ShareSettings::default() });
        leptos::task::tick().await;
        assert!(icons.query_selector(".kq-share-icons a svg").unwrap().is_some());
        assert!(labels.query_selector("a svg").unwrap().is_none());
        assert_eq!(text(&labels, "a .kq-share-label"), "X");
        assert!(both.query_selector(".kq-share-icons-labels a svg").unwrap().is_some());
        let svg = icons.query_selector("a svg").unwrap().unwrap();
        assert_eq!(svg.get_attribute("aria-hidden").as_deref(), Some("true"));
    }

    #[wasm_bindgen_test]
    async fn sharing_tells_the_host_page() {
        let root = bar(Lang::Fr, ShareSettings { networks: vec![Network::Email], ..ShareSettings::default() });
        leptos::task::tick().await;
        // Keep the test page from following the mailto: link; the widget's handler still runs.
        run("window.__kqEvents = [];");
        let listener = js_sys::Function::new_with_args("e", "e.preventDefault()");
        root.add_event_listener_with_callback_and_bool("click", &listener, true).unwrap();
        let record = js_sys::Function::new_with_args("e", "window.__kqEvents.push(e.detail)");
        root.add_event_listener_with_callback("kiosque:share", &record).unwrap();
        let email: HtmlElement = root.query_selector("a.kq-net-email").unwrap().unwrap().unchecked_into();
        email.click();
        let events = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__kqEvents".into()).unwrap();
        let events: js_sys::Array = events.unchecked_into();
        assert_eq!(events.length(), 1);
        let detail = events.get(0);
        let field = |name: &str| js_sys::Reflect::get(&detail, &name.into()).unwrap().as_string().unwrap();
        assert_eq!((field("network"), field("article"), field("url")), ("email".into(), "seed".into(), URL.into()));
    }

    #[wasm_bindgen_test]
    async fn copy_confirms_visibly_and_aloud() {
        run("window.__kqCopied = null; Object.defineProperty(navigator, 'clipboard', { configurable: true, \
             value: { writeText: (t) => { window.__kqCopied = t; return Promise.resolve(); } } });");
        let root = bar(Lang::Fr, ShareSettings { networks: vec![Network::Copy], ..ShareSettings::default() });
        leptos::task::tick().await;
        let copy: HtmlElement = root.query_selector("button.kq-net-copy").unwrap().unwrap().unchecked_into();
        copy.click();
        let status = wait_for(&root, ".kq-net-copy svg").await;
        drop(status);
        for _ in 0..50 {
            if text(&root, "[role=status]") == "Lien copié" {
                break;
            }
            sleep(20).await;
        }
        assert_eq!(text(&root, "[role=status]"), "Lien copié");
        assert_eq!(text(&root, ".kq-net-copy .kq-share-label"), "Lien copié");
        let copied = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__kqCopied".into()).unwrap();
        assert_eq!(copied.as_string().as_deref(), Some(URL));
        run("delete navigator.clipboard;");
    }

    #[wasm_bindgen_test]
    async fn when_nothing_can_copy_the_link_is_offered_to_copy_by_hand() {
        run("Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined }); \
             window.__kqExec = document.execCommand; document.execCommand = () => false;");
        let root = bar(Lang::En, ShareSettings { networks: vec![Network::Copy], ..ShareSettings::default() });
        leptos::task::tick().await;
        let copy: HtmlElement = root.query_selector("button.kq-net-copy").unwrap().unwrap().unchecked_into();
        copy.click();
        let mut shown = false;
        for _ in 0..50 {
            leptos::task::tick().await;
            // The field is made when first needed (its code loads on use), then shown.
            if root.query_selector(".kq-copy-field").unwrap().is_some_and(|field| !field.has_attribute("hidden")) {
                shown = true;
                break;
            }
            sleep(20).await;
        }
        run("delete navigator.clipboard; document.execCommand = window.__kqExec;");
        assert!(shown, "the manual copy field appears");
        leptos::task::tick().await;
        let input: web_sys::HtmlInputElement = root.query_selector("#kq-copy-url").unwrap().unwrap().unchecked_into();
        assert_eq!(input.value(), URL);
        assert_eq!(text(&root, ".kq-copy-field label"), "Copy this link:");
    }

    #[wasm_bindgen_test]
    async fn mastodon_asks_for_the_instance_once_and_remembers_it() {
        run("localStorage.removeItem('kiosque:mastodon-instance'); window.__kqOpen = window.open; \
             window.__kqOpened = []; window.open = (u) => { window.__kqOpened.push(u); return null; };");
        let settings = ShareSettings { networks: vec![Network::Mastodon], ..ShareSettings::default() };
        let root = bar(Lang::Fr, settings.clone());
        leptos::task::tick().await;
        let button: HtmlElement = root.query_selector("button.kq-net-mastodon").unwrap().unwrap().unchecked_into();
        assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
        button.click();
        leptos::task::tick().await;
        let form = wait_for(&root, "form.kq-mastodon").await;
        assert!(!form.has_attribute("hidden"));
        assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
        let input: web_sys::HtmlInputElement = root.query_selector("#kq-mastodon-instance").unwrap().unwrap().unchecked_into();
        input.set_value("pas une instance");
        let submit: HtmlElement = form.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into();
        submit.click();
        leptos::task::tick().await;
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert!(text(&root, "#kq-mastodon-hint").starts_with("Ce n’est pas un nom d’instance"));

        input.set_value("https://Piaille.fr/@moi");
        submit.click();
        leptos::task::tick().await;
        let stored = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("kiosque:mastodon-instance").unwrap();
        assert_eq!(stored.as_deref(), Some("piaille.fr"));
        let opened = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__kqOpened".into()).unwrap();
        let opened: js_sys::Array = opened.unchecked_into();
        assert!(opened.get(0).as_string().unwrap().starts_with("https://piaille.fr/share?text="));
        let link = wait_for(&root, "a.kq-net-mastodon").await;
        assert!(link.get_attribute("href").unwrap().starts_with("https://piaille.fr/share?text="));

        // A second bar (another page view) goes straight to the instance.
        let again = bar(Lang::Fr, settings);
        leptos::task::tick().await;
        assert!(again.query_selector("a.kq-net-mastodon").unwrap().is_some());
        run("window.open = window.__kqOpen; localStorage.removeItem('kiosque:mastodon-instance');");
    }
}

mod lists {
    use super::*;
    use kiosque::components::more_news::MoreNews;
    use kiosque::components::popular_list::PopularList;
    use kiosque::dates::Published;
    use kiosque::model::{Feed, Views};
    use kiosque::popular::{PopularOptions, Range, WhenStale};

    fn hours_ago(hours: i64) -> Published {
        kiosque::browser::now() - chrono::Duration::hours(hours)
    }

    /// Article `n`, published `n` hours ago, read `day` times today and `week` times this week.
    fn article(n: i64, day: Option<u64>, week: Option<u64>) -> Article {
        Article {
            id: format!("a{n}"),
            title: format!("Titre {n}"),
            summary: Some(format!("Résumé {n}")),
            section: Some(if n % 2 == 0 { "Sport" } else { "Culture" }.into()),
            published: Some(hours_ago(n)),
            views: Views { day, week, ..Views::default() },
            ..Article::default()
        }
    }

    fn titles(root: &Element, selector: &str) -> Vec<String> {
        let found = root.query_selector_all(selector).unwrap();
        (0..found.length()).map(|i| found.item(i).unwrap().text_content().unwrap_or_default()).collect()
    }

    fn button(root: &Element, label: &str) -> HtmlElement {
        let buttons = root.query_selector_all("button").unwrap();
        (0..buttons.length())
            .map(|i| buttons.item(i).unwrap().unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().as_deref() == Some(label))
            .unwrap_or_else(|| panic!("no button {label:?} in {}", root.inner_html()))
    }

    fn popular(feed: Feed, current: Option<&str>, options: PopularOptions) -> HtmlElement {
        let current = current.map(str::to_owned);
        mount_in(Lang::Fr, move || view! { <PopularList feed=Arc::new(feed) current options/> }.into_any())
    }

    #[wasm_bindgen_test]
    async fn popular_list_ranks_numbers_and_switches_range() {
        let feed = Feed {
            articles: vec![
                article(1, Some(50), Some(60)),
                article(2, Some(90), Some(100)),
                article(3, Some(10), Some(900)),
                article(4, Some(70), Some(80)),
            ],
            ..Feed::default()
        };
        let root = popular(feed, Some("a2"), PopularOptions::default());
        leptos::task::tick().await;
        assert_eq!(text(&root, "h2"), "Articles populaires");
        let section = root.query_selector("section").unwrap().unwrap();
        assert_eq!(section.get_attribute("aria-labelledby").as_deref(), Some("kq-popular-heading"));
        assert_eq!(titles(&root, "ol > li h3"), ["Titre 4", "Titre 1", "Titre 3"], "the article being read is left out");
        assert_eq!(titles(&root, "ol > li .kq-rank"), ["1", "2", "3"]);
        let group = root.query_selector("[role=group]").unwrap().unwrap();
        assert_eq!(group.get_attribute("aria-label").as_deref(), Some("Période du classement"));
        assert_eq!(button(&root, "24\u{a0}h").get_attribute("aria-pressed").as_deref(), Some("true"));
        assert_eq!(button(&root, "7\u{a0}jours").get_attribute("aria-pressed").as_deref(), Some("false"));
        assert!(root.query_selector("button").unwrap().is_some());

        button(&root, "7\u{a0}jours").click();
        leptos::task::tick().await;
        assert_eq!(titles(&root, "ol > li h3"), ["Titre 3", "Titre 4", "Titre 1"]);
        assert_eq!(button(&root, "7\u{a0}jours").get_attribute("aria-pressed").as_deref(), Some("true"));
        assert!(root.query_selector(".kq-note").unwrap().is_none(), "nothing to explain");
        // The thumbnail-less teasers still show section and a relative date.
        assert_eq!(text(&root, "ol > li:first-child time"), "il y a 3\u{a0}heures");
        assert_eq!(text(&root, "ol > li:first-child .kq-section"), "Culture");
    }

    #[wasm_bindgen_test]
    async fn popular_list_says_when_it_falls_back() {
        // Only weekly counts: no selector (one range), and the daily list says it used the week.
        let feed = Feed { articles: vec![article(1, None, Some(5)), article(2, None, Some(9))], ..Feed::default() };
        let root = popular(feed, None, PopularOptions::default());
        leptos::task::tick().await;
        assert!(root.query_selector("[role=group]").unwrap().is_none(), "a single range needs no selector");
        assert_eq!(text(&root, ".kq-note"), "Pas de lectures comptées sur 24\u{a0}heures\u{a0}: classement sur 7\u{a0}jours.");
        assert_eq!(titles(&root, "ol > li h3"), ["Titre 2", "Titre 1"]);

        // No counts at all: the latest articles, said as such.
        let feed = Feed { articles: vec![article(5, None, None), article(2, None, None)], ..Feed::default() };
        let root = popular(feed, None, PopularOptions::default());
        leptos::task::tick().await;
        assert_eq!(text(&root, ".kq-note"), "Pas encore de classement\u{a0}: voici les derniers articles.");
        assert_eq!(titles(&root, "ol > li h3"), ["Titre 2", "Titre 5"]);
    }

    #[wasm_bindgen_test]
    async fn stale_counts_are_labelled_or_hidden() {
        let feed = Feed {
            articles: vec![article(1, Some(5), None), article(2, Some(9), None)],
            popular_updated: parse_rfc3339("2026-02-02T12:00:00+00:00"),
            ..Feed::default()
        };
        let options = PopularOptions { max_age_hours: 48, ..PopularOptions::default() };
        let root = popular(feed.clone(), None, options);
        leptos::task::tick().await;
        assert_eq!(text(&root, ".kq-note"), "Classement du 2 février 2026");
        assert_eq!(titles(&root, "ol > li h3").len(), 2);

        let root = popular(feed, None, PopularOptions { when_stale: WhenStale::Hide, range: Range::Day, ..options });
        leptos::task::tick().await;
        assert!(root.query_selector("section").unwrap().is_none(), "{}", root.inner_html());
    }

    #[wasm_bindgen_test]
    async fn more_news_shows_a_page_at_a_time() {
        let articles: Vec<Article> = (1..=8).map(|n| article(n * 30, None, None)).collect();
        let current = articles[0].clone();
        let second_date = kiosque::dates::short_date(&articles[1].published.unwrap(), Lang::En);
        let feed = Arc::new(Feed { articles, ..Feed::default() });
        let root = mount_in(Lang::En, move || {
            view! { <MoreNews feed current=Some(current) page_size=3 same_section_first=false/> }.into_any()
        });
        leptos::task::tick().await;
        assert_eq!(text(&root, "h2"), "More news");
        assert_eq!(titles(&root, "ul > li h3"), ["Titre 60", "Titre 90", "Titre 120"]);
        assert_eq!(titles(&root, "ul > li .kq-teaser-summary")[0], "Résumé 60");
        // Older than yesterday: the date itself.
        assert_eq!(text(&root, "ul > li:first-child time"), second_date);
        button(&root, "More articles").click();
        leptos::task::tick().await;
        assert_eq!(titles(&root, "ul > li h3").len(), 6);
        button(&root, "More articles").click();
        leptos::task::tick().await;
        assert_eq!(titles(&root, "ul > li h3").len(), 7, "all but the current article");
        assert!(root.query_selector(".kq-load-more").unwrap().is_none(), "nothing more to load");
    }

    #[wasm_bindgen_test]
    async fn relative_dates_for_recent_items() {
        let feed = Arc::new(Feed { articles: vec![article(3, None, None), article(30, None, None)], ..Feed::default() });
        let root = mount_in(Lang::En, move || {
            view! { <MoreNews feed current=None page_size=5 same_section_first=false/> }.into_any()
        });
        leptos::task::tick().await;
        assert_eq!(text(&root, "ul > li:first-child time"), "3 hours ago");
        let time = root.query_selector("ul > li:first-child time").unwrap().unwrap();
        assert!(time.get_attribute("datetime").is_some_and(|d| d.ends_with("+00:00")));
    }

    /// Waits up to two seconds for `selector` inside `root` to read `expected`.
    async fn wait_text(root: &Element, selector: &str, expected: &str) {
        for _ in 0..100 {
            leptos::task::tick().await;
            if root.query_selector(selector).ok().flatten().and_then(|e| e.text_content()).as_deref() == Some(expected) {
                return;
            }
            sleep(20).await;
        }
        panic!("{selector} never read {expected:?}; DOM: {}", root.inner_html());
    }

    #[wasm_bindgen_test]
    async fn choosing_an_item_shows_it_in_place_and_back_returns() {
        stop_widgets();
        let window = web_sys::window().unwrap();
        let start = window.location().href().unwrap();
        let feed = r#"{"items":[
            {"id":"a","title":"Premier","content_text":"x","date_published":"2026-02-02T10:00:00Z"},
            {"id":"b","title":"Second","content_text":"y","date_published":"2026-02-01T10:00:00Z"}]}"#;
        let root = widget(Config { src: Some(data_url(feed)), ..Config::default() }, vec![]);
        wait_text(&root, "h1", "Premier").await;
        let link: HtmlElement = wait_for(&root, ".kq-more .kq-teaser-link").await.unchecked_into();
        let href = link.get_attribute("href").unwrap();
        assert_eq!(kiosque::url::query_param(&href, "kiosque").as_deref(), Some("b"), "a real link to the deep link: {href}");

        link.click();
        wait_text(&root, "h1", "Second").await;
        assert!(window.location().search().unwrap().contains("kiosque=b"));
        let focused = document().active_element().unwrap();
        assert_eq!(focused.tag_name(), "H1", "focus moves to the new headline");
        assert_eq!(text(&root, "[role=status]"), "Article affiché\u{a0}: Second");
        // The lists follow the article shown (a frame after it).
        wait_text(&root, ".kq-more h3", "Premier").await;
        assert_eq!(titles(&root, ".kq-more h3"), ["Premier"]);

        window.history().unwrap().back().unwrap();
        wait_text(&root, "h1", "Premier").await;
        window.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start)).unwrap();
    }

    #[wasm_bindgen_test]
    async fn each_part_shows_only_itself() {
        use kiosque::config::Part;
        let feed = r#"{"items":[
            {"id":"a","title":"Premier","content_text":"x","date_published":"2026-02-02T10:00:00Z","_kiosque":{"views":{"24h":5}}},
            {"id":"b","title":"Second","content_text":"y","date_published":"2026-02-01T10:00:00Z","_kiosque":{"views":{"24h":9}}}]}"#;
        let config = |part| Config { part, src: Some(data_url(feed)), article: Some("a".into()), ..Config::default() };

        let root = widget(config(Part::Popular), vec![]);
        wait_for(&root, ".kq-popular ol").await;
        assert_eq!(titles(&root, "ol h3"), ["Second"], "the configured article is left out");
        assert!(root.query_selector("h1, .kq-more, .kq-share").unwrap().is_none());

        let alone = Config { article: None, ..config(Part::Popular) };
        let root = widget(alone, vec![]);
        wait_for(&root, ".kq-popular ol").await;
        assert_eq!(titles(&root, "ol h3"), ["Second", "Premier"], "with no article named, none is left out");

        let root = widget(config(Part::More), vec![]);
        wait_for(&root, ".kq-more ul").await;
        assert_eq!(titles(&root, "ul h3"), ["Second"]);
        assert!(root.query_selector("h1, .kq-popular, .kq-share").unwrap().is_none());

        let root = widget(config(Part::Share), vec![]);
        wait_for(&root, ".kq-share a").await;
        assert!(root.query_selector("h1, .kq-popular, .kq-more").unwrap().is_none());
    }

    #[wasm_bindgen_test]
    async fn a_share_bar_without_a_feed_shares_the_page() {
        let config = Config { part: kiosque::config::Part::Share, src: None, ..Config::default() };
        let root = widget(config, vec![]);
        let link = wait_for(&root, "a.kq-net-whatsapp").await;
        let href = link.get_attribute("href").unwrap();
        let page = web_sys::window().unwrap().location().href().unwrap();
        let shared = js_sys::decode_uri_component(&href).unwrap().as_string().unwrap();
        assert!(shared.contains(&page), "{shared} shares {page}");
        assert!(root.query_selector("[role=alert]").unwrap().is_none(), "no error: a share bar needs no feed");
    }
}

/// What data saver holds back on the page of `root`, as the reading tools count it.
fn held_back(root: &Element) -> (u32, u64) {
    let saved = held_in(root);
    (saved.images, saved.bytes)
}

#[wasm_bindgen_test]
async fn lead_image_offers_the_smallest_file_that_fits() {
    let image = Image {
        src: "https://news.example/full.jpg".into(),
        alt: "Un marché".into(),
        width: Some(1600),
        height: Some(900),
        sources: vec![ImageSource { src: "https://news.example/480.jpg".into(), width: 480 }],
        ..Image::default()
    };
    let root = mount_in(Lang::Fr, move || view! { <LeadImage image lang=None dir=None/> }.into_any());
    leptos::task::tick().await;
    let img = root.query_selector("figure img").unwrap().unwrap();
    assert_eq!(img.get_attribute("srcset").as_deref(), Some("https://news.example/480.jpg 480w, https://news.example/full.jpg 1600w"));
    assert_eq!(img.get_attribute("sizes").as_deref(), Some("(min-width: 48em) 44em, 100vw"));
}

#[wasm_bindgen_test]
async fn with_data_saver_the_lead_image_waits_for_a_tap_in_its_own_box() {
    let image = Image {
        src: "https://news.example/a.svg".into(),
        alt: "Un marché".into(),
        width: Some(1200),
        height: Some(675),
        bytes: Some(84_300),
        ..Image::default()
    };
    let root = mount_in(Lang::Fr, move || view! { <LeadImage image lang=None dir=None held=true/> }.into_any());
    let button = wait_for(&root, "figure button.kq-image-hold").await;
    assert_eq!(text(&root, ".kq-image-alt"), "Un marché");
    assert_eq!(text(&root, ".kq-image-cost"), "Image, 85\u{a0}Ko — toucher pour l’afficher");
    let style = button.unchecked_ref::<HtmlElement>().style();
    assert_eq!(style.get_property_value("aspect-ratio").unwrap(), "1200 / 675");
    assert!(root.query_selector("img").unwrap().is_none(), "no image element, so no request");
    assert_eq!(held_back(&root), (1, 84_300));
    button.unchecked_ref::<HtmlElement>().click();
    let img = wait_for(&root, "figure img").await;
    assert_eq!(img.get_attribute("src").as_deref(), Some("https://news.example/a.svg"));
    assert_eq!(held_back(&root), (0, 0));
}

#[wasm_bindgen_test]
async fn with_data_saver_images_in_the_text_wait_too() {
    let html = r#"<p>Texte</p><img src="https://news.example/b.png" alt="Une carte" width="40" height="30">"#.to_owned();
    let root = mount_in(Lang::En, move || {
        view! { <ArticleBody body=Body::Html(html) base="https://news.example/".to_owned() lang=None dir=None held=true/> }.into_any()
    });
    let button = wait_for(&root, ".kq-body button.kq-image-hold").await;
    assert_eq!(button.text_content().unwrap(), "Une carteImage — tap to show it");
    assert!(root.query_selector(".kq-body img").unwrap().is_none());
    assert_eq!(held_back(&root), (1, 0));
    button.unchecked_ref::<HtmlElement>().click();
    let img = wait_for(&root, ".kq-body img").await;
    assert_eq!(img.get_attribute("src").as_deref(), Some("https://news.example/b.png"));
    assert_eq!(held_back(&root), (0, 0));
}

#[wasm_bindgen_test]
async fn reader_tools_say_what_data_saver_held_back_in_their_widget_as_it_changes() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    // A widget of its own, as on a publisher's page: only its images count.
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let root = document.create_element("div").unwrap().unchecked_into::<HtmlElement>();
    shadow.append_child(&root).unwrap();
    let image = |bytes| Image { src: "https://news.example/a.svg".into(), alt: "Un marché".into(), width: Some(40), height: Some(30), bytes, ..Image::default() };
    let (first, second) = (image(Some(84_300)), image(Some(2_000)));
    mount_to(root.clone(), move || {
        provide_context(Lang::Fr);
        view! {
            <ReaderTools words=300 lang="fr".to_owned()/>
            <LeadImage image=first lang=None dir=None held=true/>
            <LeadImage image=second lang=None dir=None held=true/>
        }
    })
    .forget();
    // Data saver on, whatever an earlier test chose for the page.
    let saver = wait_for(&root, "[aria-pressed]").await;
    if saver.get_attribute("aria-pressed").as_deref() == Some("false") {
        saver.unchecked_ref::<HtmlElement>().click();
    }
    let line = wait_for(&root, ".kq-saved").await;
    wait_until(|| line.text_content().as_deref() == Some("2 images non téléchargées (87\u{a0}Ko).")).await;
    root.query_selector("button.kq-image-hold").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    wait_until(|| line.text_content().as_deref() == Some("1 image non téléchargée (2\u{a0}Ko).")).await;
    // An image outside the widget is not the widget's to count.
    let outside = document.create_element("button").unwrap();
    outside.set_class_name("kq-image-hold");
    document.body().unwrap().append_child(&outside).unwrap();
    let counted = held_in(&root.get_root_node());
    assert_eq!((counted.images, counted.bytes), (1, 2_000));
    outside.remove();
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
async fn reader_tools_name_their_buttons_in_the_widgets_language() {
    for (lang, smaller, larger, saver) in [
        (Lang::Fr, "Réduire le texte", "Agrandir le texte", "Économie de données"),
        (Lang::Ar, "تصغير النص", "تكبير النص", "توفير البيانات"),
    ] {
        let root = mount_in(lang, move || view! { <ReaderTools words=300 lang="fr".to_owned()/> }.into_any());
        let group = wait_for(&root, "[role=group]").await;
        let names: Vec<String> = (0..3)
            .map(|index| {
                let buttons = group.query_selector_all(".kq-text-size, [aria-pressed]").unwrap();
                let button = buttons.item(index).unwrap().unchecked_into::<Element>();
                button.query_selector(".kq-visually-hidden").unwrap().map_or_else(|| button.text_content().unwrap(), |name| name.text_content().unwrap())
            })
            .collect();
        assert_eq!(names, [smaller, larger, saver]);
        // The choice holds for the whole page (other tests make it too): it turns over, and back.
        let saver_button = group.query_selector("[aria-pressed]").unwrap().unwrap();
        let before = saver_button.get_attribute("aria-pressed").unwrap();
        let after = if before == "true" { "false" } else { "true" };
        saver_button.unchecked_ref::<HtmlElement>().click();
        leptos::task::tick().await;
        assert_eq!(saver_button.get_attribute("aria-pressed").as_deref(), Some(after));
        saver_button.unchecked_ref::<HtmlElement>().click();
        leptos::task::tick().await;
        assert_eq!(saver_button.get_attribute("aria-pressed").as_deref(), Some(before.as_str()));
        // Headless Chromium has no voice: listening is not offered.
        assert!(root.query_selector(".kq-listen[hidden]").unwrap().is_some());
        web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    }
}
