//! One item of a list: thumbnail, title, optional summary, section and date. The whole card
//! is clickable, but only the title is the link, so its accessible name stays short.

use leptos::prelude::*;

use super::use_lang;
use crate::browser::navigation::{Navigator, PARAM};
use crate::config::Links;
use crate::url::with_query_param;
use crate::browser::reading::data_saver_on;
use crate::dates::{machine_readable, relative_date, Published};
use crate::i18n::content_attributes;
use crate::images::{fitting_source, srcset};
use crate::model::Article;
use crate::reading::ReadingOptions;

/// The widest a thumbnail is shown (style/lists.css: 7.5em of the lists' 16 px), on a screen
/// of two device pixels per CSS pixel: the file that fills it when the browser takes `src`.
const THUMBNAIL_WIDTH: u32 = 240;

/// The widths thumbnails are shown at, for `srcset`.
const THUMBNAIL_SIZES: &str = "120px";

/// A list item for `article`, written in `language` (its own, else its feed's); `rank`
/// numbers it, `with_summary` adds its summary.
#[component]
pub fn Teaser(
    article: Article,
    language: Option<String>,
    now: Published,
    #[prop(optional)] rank: Option<usize>,
    #[prop(optional)] with_summary: bool,
) -> impl IntoView {
    let lang = use_lang();
    let navigator = use_context::<Navigator>();
    let href = match (navigator, use_context::<Links>()) {
        (Some(navigator), _) => navigator.href(&article),
        // Rendered ahead of time, with no page address: the link the widget writes, to this
        // page with the article named.
        (None, Some(Links::Widget)) => with_query_param("", PARAM, Some(&article.id)),
        (None, _) => article.url.clone().unwrap_or_default(),
    };
    // The article's words carry its language; the date, the widget's words, the interface's.
    let (content_lang, content_dir) = content_attributes(language.as_deref(), lang);
    let date = article.published.map(|date| {
        view! { <time datetime=machine_readable(&date)>{relative_date(&date, &now, lang)}</time> }
    });
    let summary = article.summary.clone().filter(|_| with_summary);
    // Data saver leaves thumbnails out altogether: the title says what the article is.
    let held = article.image.is_some() && data_saver_on(use_context::<ReadingOptions>().unwrap_or_default());
    let thumbnail = article.image.clone().filter(|_| !held).map(|image| {
        // The title beside it says what it is: the picture is decorative here.
        view! {
            <img class="kq-thumb" src=fitting_source(&image, THUMBNAIL_WIDTH).to_owned() srcset=srcset(&image)
                sizes=THUMBNAIL_SIZES alt="" width=image.width height=image.height
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
        // Marked for the reading tools' count of what data saver held back (browser/held_image.rs).
        <div class="kq-teaser" data-image-left-out=held.then_some("")>
            {rank.map(|rank| view! { <span class="kq-rank" aria-hidden="true">{rank}</span> })}
            {thumbnail}
            <div class="kq-teaser-text">
                <h3 class="kq-teaser-title" lang=content_lang.clone() dir=content_dir>
                    <a class="kq-teaser-link" href=href on:click=on_click>{title}</a>
                </h3>
                {summary.map(|summary| view! {
                    <p class="kq-teaser-summary" lang=content_lang.clone() dir=content_dir>{summary}</p>
                })}
                <p class="kq-teaser-meta">
                    {section.map(|section| view! { <span class="kq-section" lang=content_lang.clone() dir=content_dir>{section}</span> })}
                    {date}
                </p>
            </div>
        </div>
    }
}
