//! The link, ready to copy by hand, for browsers that refused to copy it.

use leptos::html::Input;
use leptos::prelude::*;

use super::share_bar::ShareBarState;
use super::use_lang;

/// A read-only field holding the link, selected as soon as it appears.
#[component]
pub fn CopyField() -> impl IntoView {
    let Some(state) = use_context::<ShareBarState>() else { return ().into_any() };
    let strings = use_lang().strings();
    let field = NodeRef::<Input>::new();
    // After the frame that shows the field: a hidden field cannot take focus or a selection.
    Effect::new(move |_| {
        if state.manual_copy.get().is_some() {
            request_animation_frame(move || {
                // The form may be gone by the next frame.
                if let Some(input) = field.try_get_untracked().flatten() {
                    let _ = input.focus();
                    input.select();
                }
            });
        }
    });
    view! {
        <p class="kq-copy-field" hidden=move || state.manual_copy.get().is_none()>
            <label for="kq-copy-url">{strings.copy_manual}</label>
            <input id="kq-copy-url" node_ref=field type="text" readonly
                prop:value=move || state.manual_copy.get().unwrap_or_default()/>
        </p>
    }
    .into_any()
}
