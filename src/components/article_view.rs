//! The article itself: section, date line, headline, byline, reading time, lead image, body.

use leptos::prelude::*;

use super::article_body::ArticleBody;
use super::lead_image::LeadImage;
use super::use_lang;
use crate::dates::{date_line, machine_readable};
use crate::i18n::{text_direction, Lang};
use crate::model::{Article, Body};
use crate::text::{byline, reading_minutes, strip_tags, word_count};

/// One article; `base` resolves relative links in its body; `focus` puts focus on the headline
/// once it is in the page.
#[component]
pub fn ArticleView(article: Article, base: String, #[prop(optional)] focus: bool) -> impl IntoView {
    let lang = use_lang();
    let strings = lang.strings();
    // Content keeps its own language (an Arabic article in a French widget) for screen
    // readers and for the direction of its text; the interface keeps the widget's.
    let content_lang = article
        .language
        .clone()
        .filter(|tag| Lang::from_tag(tag) != Some(lang));
    let content_dir = content_lang.as_deref().map(text_direction);
    let words = match &article.body {
        Body::Text(text) => word_count(text),
        Body::Html(html) => word_count(&strip_tags(html)),
        Body::Protected | Body::Empty => 0,
    };
    let body = match (&article.body, &article.summary) {
        (Body::Empty, Some(summary)) => Body::Text(summary.clone()),
        (body, _) => body.clone(),
    };
    let byline = byline(&article.authors, strings.comma, strings.and);
    let headline = NodeRef::<leptos::html::H1>::new();
    if focus {
        Effect::new(move || {
            if let Some(headline) = headline.get() {
                let _ = headline.focus();
            }
        });
    }

    view! {
        <article class="kq-article" aria-labelledby="kq-headline">
            <header class="kq-header">
                <p class="kq-kicker">
                    {article.section.map(|section| view! { <span class="kq-section">{section}</span> })}
                    {article.sample.then(|| view! { <span class="kq-sample">{strings.sample_notice}</span> })}
                    {article.published.map(|date| view! {
                        <time class="kq-dateline" datetime=machine_readable(&date)>{date_line(&date, lang)}</time>
                    })}
                </p>
                <h1 id="kq-headline" class="kq-headline" tabindex="-1" node_ref=headline lang=content_lang.clone() dir=content_dir>
                    {article.title}
                </h1>
                <p class="kq-byline">
                    {byline.map(|names| view! { <span>{strings.by}" "{names}</span> })}
                    {(words > 0).then(|| view! {
                        <span class="kq-reading-time">{(strings.reading_time)(reading_minutes(words))}</span>
                    })}
                </p>
            </header>
            {article.image.map(|image| view! { <LeadImage image/> })}
            <ArticleBody body base lang=content_lang dir=content_dir/>
        </article>
    }
}
