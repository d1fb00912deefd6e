//! The article itself: section, date line, headline, byline, reading time, lead image, body.

use futures::FutureExt;
use leptos::prelude::*;

use super::article_body::ArticleBody;
use super::lead_image::LeadImage;
use super::deferred::Deferred;
use super::{use_lang, PartData};
use crate::browser::navigation::arrived_by_history;
use crate::browser::now;
use crate::dates::{date_line_at, machine_readable};
use crate::i18n::content_attributes;
use crate::model::{Article, Body};
use crate::on_use;
use crate::browser::reading::{data_saver_on, text_size};
use crate::reading::text_size::TextSize;
use crate::text::{body_words, byline, reading_minutes};

/// One article written in `language` (its own, else its feed's); `base` resolves relative
/// links in its body; `focus` puts focus on the headline once it is in the page; `tools`
/// (the page's data) adds the reading tools, once `painted` says the article is on screen.
#[component]
pub fn ArticleView(
    article: Article,
    base: String,
    language: Option<String>,
    #[prop(optional)] focus: bool,
    #[prop(optional)] tools: Option<PartData>,
    #[prop(optional)] painted: Option<RwSignal<bool>>,
) -> impl IntoView {
    let lang = use_lang();
    let strings = lang.strings();
    // Content keeps its own language (an Arabic article in a French widget) for screen
    // readers and for the direction of its text; the widget's own words keep the interface's.
    let (content_lang, content_dir) = content_attributes(language.as_deref(), lang);
    let words = body_words(&article.body);
    let body = match (&article.body, &article.summary) {
        (Body::Empty, Some(summary)) => Body::Text(summary.clone()),
        (body, _) => body.clone(),
    };
    let byline = byline(&article.authors, strings.comma, strings.and);
    let options = tools.as_ref().map(|data| data.config.reading).unwrap_or_default();
    // Data saver holds the images back: read once, as the article is drawn.
    let held = data_saver_on(options);
    // The tools arrive just after the article, into a space kept for them (and for what data
    // saver held back, when it is on).
    let tools = tools.zip(painted).filter(|_| options.any()).map(|(data, painted)| {
        let placeholder = move || view! { <div class="kq-tools"></div> {held.then(|| view! { <p class="kq-saved">"\u{a0}"</p> })} };
        // Their code is asked for once the article is painted, not before.
        move || {
            // Ahead of time (natively), the tools' place is kept: they only work with a script.
            if painted.get() && cfg!(target_arch = "wasm32") {
                view! { <Deferred door=|| on_use::reader_tools().boxed_local() data=data.clone() placeholder/> }.into_any()
            } else {
                placeholder().into_any()
            }
        }
    });
    // The reader's text size scales the article's text (style/article.css); the tools change it.
    let size = if options.text_size { text_size() } else { TextSize::default() };
    let scale = (size != TextSize::default()).then(|| format!("--kq-text-scale: {}", size.scale()));
    let headline = NodeRef::<leptos::html::H1>::new();
    if focus {
        // Back or forward puts the page where the reader left it: focus moves without scrolling.
        let keep_scroll = arrived_by_history();
        Effect::new(move || {
            if let Some(headline) = headline.get() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(keep_scroll);
                let _ = headline.focus_with_options(&options);
            }
        });
    }

    view! {
        <article class="kq-article" aria-labelledby="kq-headline" style=scale>
            <header class="kq-header">
                <p class="kq-kicker">
                    {article.section.map(|section| view! {
                        <span class="kq-section" lang=content_lang.clone() dir=content_dir>{section}</span>
                    })}
                    {article.sample.then(|| view! { <span class="kq-sample">{strings.sample_notice}</span> })}
                    {article.published.map(|date| view! {
                        <time class="kq-dateline" datetime=machine_readable(&date)>{date_line_at(&date, &now(), lang)}</time>
                    })}
                </p>
                <h1 id="kq-headline" class="kq-headline" tabindex="-1" node_ref=headline lang=content_lang.clone() dir=content_dir>
                    {article.title}
                </h1>
                <p class="kq-byline">
                    {byline.map(|names| view! {
                        <span>{strings.by}" "<span lang=content_lang.clone() dir=content_dir>{names}</span></span>
                    })}
                    {(words > 0).then(|| view! {
                        <span class="kq-reading-time">{(strings.reading_time)(reading_minutes(words))}</span>
                    })}
                </p>
            </header>
            {tools}
            {article.image.map(|image| view! { <LeadImage image lang=content_lang.clone() dir=content_dir held/> })}
            <ArticleBody body base lang=content_lang dir=content_dir held/>
        </article>
    }
}
