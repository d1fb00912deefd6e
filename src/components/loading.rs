//! The placeholder shown while the feed arrives: the shape of an article page, so nothing
//! jumps when the real one replaces it.

use leptos::prelude::*;

use crate::config::Part;

/// A skeleton of `part`.
#[component]
pub fn Loading(part: Part) -> impl IntoView {
    match part {
        Part::Article => {}
        Part::Share => return view! { <div class="kq-skeleton kq-skeleton-share" aria-hidden="true"></div> }.into_any(),
        Part::Popular | Part::More => {
            return view! { <div class="kq-skeleton kq-skeleton-box" aria-hidden="true"></div> }.into_any();
        }
    }
    view! {
        <div class="kq-page kq-loading" aria-hidden="true">
            <div class="kq-main">
                <div class="kq-skeleton kq-skeleton-kicker"></div>
                <div class="kq-skeleton kq-skeleton-title"></div>
                <div class="kq-skeleton kq-skeleton-title kq-skeleton-short"></div>
                <div class="kq-skeleton kq-skeleton-byline"></div>
                {(0..6).map(|_| view! { <div class="kq-skeleton kq-skeleton-line"></div> }).collect_view()}
                <div class="kq-skeleton kq-skeleton-line kq-skeleton-short"></div>
            </div>
            <div class="kq-sidebar">
                <div class="kq-skeleton kq-skeleton-box"></div>
            </div>
        </div>
    }
    .into_any()
}
