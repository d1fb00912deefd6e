//! The article's reading tools, under its byline: listen, A− / A+, and data saver. They arrive
//! just after the article, in a space kept for them. Each can be turned off by the publisher (`data-listen`, `data-text-size`,
//! `data-data-saver`).

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::listen_control::ListenControl;
use super::{use_lang, PartData};
use crate::browser::held_image::{held_in, show_all, Watch};
use crate::browser::navigation::Navigator;
use crate::browser::reading::{data_saver_on, remember_data_saver, remember_text_size, text_size};
use crate::reading::data_saver::{kilobytes, Saved};
use crate::reading::text_size::TextSize;
use crate::reading::ReadingOptions;
use crate::text::body_words;

/// Renders the tools for the page's article (behind a door of [`crate::on_use`]).
pub fn render(data: PartData) -> AnyView {
    let Some(article) = data.article else { return ().into_any() };
    let words = body_words(&article.body);
    // Read aloud in the article's language, else the interface's.
    let language = data.feed.as_deref().and_then(|feed| feed.language_of(&article)).map(str::to_owned);
    let lang = language.unwrap_or_else(|| data.config.lang.tag().to_owned());
    let options = data.config.reading;
    view! { <style>{READING_CSS}</style> <ReaderTools words lang options/> }.into_any()
}

/// The tools' stylesheet (style/reading.css), downloaded with their code.
const READING_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/reading.css"));

/// The tools the publisher offers (`options`) for an article of `words` words written in
/// `lang` (a language tag).
#[component]
pub fn ReaderTools(words: usize, lang: String, #[prop(optional)] options: ReadingOptions) -> impl IntoView {
    let strings = use_lang().strings();
    let announce = use_context::<Navigator>().map(|navigator| navigator.announce);
    // The size the article was drawn with (src/components/article_view.rs).
    let size = RwSignal::new(text_size());
    let bar = NodeRef::<leptos::html::Div>::new();
    // The article these tools are for (the view that holds them).
    let article = move || bar.get_untracked().and_then(|bar| bar.closest(".kq-article").ok().flatten());
    let resize = move |next: Option<TextSize>| {
        let Some(next) = next else { return };
        size.set(next);
        remember_text_size(next);
        if let Some(article) = article().and_then(|article| article.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = article.style().set_property("--kq-text-scale", &next.scale());
        }
        if let Some(announce) = announce {
            announce.set((strings.text_size_now)(next.percent()));
        }
    };
    // As the article was drawn (src/components/article_view.rs).
    let saving = RwSignal::new(data_saver_on(options));
    // What data saver held back in this widget, read from the page as it changes: the article's
    // images, those of the lists beside it, and the ones the reader tapped no longer.
    // Counted only while data saver is on: nothing is held back otherwise.
    let saved = RwSignal::new(Saved::default());
    let recount = move || {
        let root = bar.get_untracked().map(|bar| bar.get_root_node());
        let now = root.filter(|_| saving.get_untracked()).map(|root| held_in(&root)).unwrap_or_default();
        if saved.try_get_untracked().is_some_and(|before| before != now) {
            saved.set(now);
        }
    };
    let watch = StoredValue::new(None::<SendWrapper<Watch>>);
    if options.data_saver {
        bar.on_load(move |bar| {
            recount();
            watch.set_value(Watch::new(&bar.get_root_node(), recount).map(SendWrapper::new));
        });
    }
    // A− and A+ stay focusable at the ends of the range (a disabled button would drop focus);
    // their names say what they do, their faces are the usual A− and A+.
    let text_size = options.text_size.then(|| view! {
        <button type="button" class="kq-tool kq-text-size"
            aria-disabled=move || size.get().smaller().is_none().then_some("true")
            on:click=move |_| resize(size.get_untracked().smaller())>
            <span aria-hidden="true" dir="ltr">"A−"</span>
            <span class="kq-visually-hidden">{strings.text_smaller}</span>
        </button>
        <button type="button" class="kq-tool kq-text-size"
            aria-disabled=move || size.get().larger().is_none().then_some("true")
            on:click=move |_| resize(size.get_untracked().larger())>
            <span aria-hidden="true" dir="ltr">"A+"</span>
            <span class="kq-visually-hidden">{strings.text_larger}</span>
        </button>
    });
    let data_saver = options.data_saver.then(|| view! {
        <button type="button" class="kq-tool" aria-pressed=move || saving.get().to_string()
            on:click=move |_| {
                let on = !saving.get_untracked();
                saving.set(on);
                remember_data_saver(on);
                recount();
                // Off: what it held back is shown, as if each had been tapped. On: what is
                // already here stays; what comes next waits.
                if !on && let Some(article) = article() {
                    show_all(&article);
                }
            }>
            {strings.data_saver}
        </button>
    });
    let saved = move || {
        let saved = saved.get();
        let known = if saved.bytes == 0 { 0 } else { kilobytes(saved.bytes) };
        (strings.data_saver_saved)(saved.images, known)
    };
    view! {
        <div class="kq-tools" role="group" aria-label=strings.reader_tools node_ref=bar>
            {options.listen.then(|| view! { <ListenControl words lang/> })}
            {text_size}
            {data_saver}
        </div>
        {move || (options.data_saver && saving.get()).then(|| view! { <p class="kq-saved">{saved}</p> })}
    }
}
