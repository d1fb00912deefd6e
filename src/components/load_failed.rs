//! What the reader sees when the content cannot be shown: what went wrong, and a way to try
//! again. Never a blank page.

use leptos::prelude::*;

use super::use_lang;
use crate::sources::LoadError;

/// The error message with a retry button.
#[component]
pub fn LoadFailed(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let strings = lang.strings();
    view! {
        <div class="kq-error" role="alert">
            <p class="kq-error-title">{strings.load_failed}</p>
            <p class="kq-error-detail">{error.message(lang)}</p>
            <button type="button" class="kq-button" on:click=move |_| on_retry.run(())>
                {strings.retry}
            </button>
        </div>
    }
}
