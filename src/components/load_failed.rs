//! What the reader sees when the content cannot be shown: what went wrong, a way to try again,
//! and the publisher's own link (the host element's content), so that it is never a dead end.

use leptos::prelude::*;

use super::use_lang;
use crate::config::Part;
use crate::sources::LoadError;

/// The error message of a widget showing `part`, with a retry button and the publisher's
/// fallback. Where the fault lies for the publisher (a position in the JSON) goes to the
/// console and to `data-error-detail`, not into the reader's sentence.
#[component]
pub fn LoadFailed(error: LoadError, part: Part, on_retry: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let strings = lang.strings();
    let title = match part {
        Part::Article => strings.load_failed,
        Part::Share => strings.load_failed_share,
        Part::Popular | Part::More => strings.load_failed_list,
    };
    let detail = error.detail();
    if let Some(detail) = &detail {
        web_sys::console::warn_1(&format!("Kiosque: {detail}").into());
    }
    view! {
        <div class="kq-error" role="alert" data-error-detail=detail>
            <p class="kq-error-title">{title}</p>
            <p class="kq-error-detail">{error.message(lang)}</p>
            <button type="button" class="kq-button" on:click=move |_| on_retry.run(())>
                {strings.retry}
            </button>
            // The publisher's fallback content (its link to the article), shown in place.
            <div class="kq-fallback"><slot></slot></div>
        </div>
    }
}
