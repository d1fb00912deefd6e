//! An inline icon, hidden from assistive technology: the control it sits in carries the name.

use leptos::prelude::*;

use crate::icons::Icon;

/// Draws `icon` in the current text colour.
#[component]
pub fn IconSvg(icon: Icon) -> impl IntoView {
    view! {
        <svg class="kq-icon" viewBox="0 0 24 24" fill="currentColor" fill-rule="evenodd"
            aria-hidden="true" focusable="false">
            <path d=icon.0></path>
        </svg>
    }
}
