//! One item of a list: thumbnail, title, optional summary, section and date. The whole card
//! is clickable, but only the title is the link, so its accessible name stays short.

use leptos::prelude::*;

use super::use_lang;
use crate::browser::navigation::Navigator;
use crate::dates::{machine_readable, relative_date, Published};
use crate::i18n::{text_direction, Lang};
use crate::model::Article;

/// A list item for `article`; `rank` numbers it, `with_summary` adds its summary.
#[component]
pub fn Teaser(article: Article, now: Published, #[prop(optional)] rank: Option<usize>, #[prop(optional)] with_summary: bool) -> impl IntoView {
    let lang = use_lang();
    let navigator = use_context::<Navigator>();
    let href = match navigator {
        Some(navigator) => navigator.href(&article),
        None => article.url.clone().unwrap_or_default(),
    };
    let content_lang = article.language.clone().filter(|tag| Lang::from_tag(tag) != Some(lang));
    let content_dir = content_lang.as_deref().map(text_direction);
    let date = article.published.map(|date| {
        view! { <time datetime=machine_readable(&date)>{relative_date(&date, &now, lang)}</time> }
    });
    let summary = article.summary.clone().filter(|_| with_summary);
    let thumbnail = article.image.clone().map(|image| {
        // The title beside it says what it is: the picture is decorative here.
        view! {
            <img class="kq-thumb" src=image.src alt="" width=image.width height=image.height
                loading="lazy" decoding="async" referrerpolicy="no-referrer"/>
        }
    });
    let (title, section) = (article.title.clone(), article.section.clone());
    let on_click = move |event: leptos::ev::MouseEvent| {
        if let Some(navigator) = navigator {
            navigator.on_click(&event, &article);
        }
    };
    view! {
        <div class="kq-teaser" lang=content_lang dir=content_dir>
            {rank.map(|rank| view! { <span class="kq-rank" aria-hidden="true">{rank}</span> })}
            {thumbnail}
            <div class="kq-teaser-text">
                <h3 class="kq-teaser-title"><a class="kq-teaser-link" href=href on:click=on_click>{title}</a></h3>
                {summary.map(|summary| view! { <p class="kq-teaser-summary">{summary}</p> })}
                <p class="kq-teaser-meta">
                    {section.map(|section| view! { <span class="kq-section">{section}</span> })}
                    {date}
                </p>
            </div>
        </div>
    }
}
