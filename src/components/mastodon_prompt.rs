//! Asks for the reader's Mastodon instance once, and remembers it on the reader's device. Its
//! code downloads the first time a reader opens it.

use leptos::ev::SubmitEvent;
use leptos::html::{Form, Input};
use leptos::prelude::*;

use super::share_bar::{focus_mastodon_button, ShareBarState, MASTODON_KEY};
use super::use_lang;
use crate::browser::events::dispatch_share;
use crate::browser::popup::open_share_window;
use crate::browser::storage;
use crate::share::{mastodon_instance_host, Network};

/// The instance form, shown while the share bar's Mastodon form is open.
#[component]
pub fn MastodonPrompt() -> impl IntoView {
    let Some(state) = use_context::<ShareBarState>() else { return ().into_any() };
    let strings = use_lang().strings();
    let field = NodeRef::<Input>::new();
    let form = NodeRef::<Form>::new();
    let invalid = RwSignal::new(false);
    // Focus the field once the form shows, so keyboard users land where they type.
    Effect::new(move |_| {
        if state.mastodon_open.get() {
            request_animation_frame(move || {
                // The form may be gone by the next frame.
                if let Some(input) = field.try_get_untracked().flatten() {
                    let _ = input.focus();
                }
            });
        }
    });
    let close = move || {
        state.mastodon_open.set(false);
        invalid.set(false);
        if let Some(form) = form.get_untracked() {
            focus_mastodon_button(&form);
        }
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let typed = field.get_untracked().map(|input| input.value()).unwrap_or_default();
        let Some(host) = mastodon_instance_host(&typed) else {
            invalid.set(true);
            return;
        };
        storage::remember(MASTODON_KEY, &host);
        state.mastodon_instance.set(Some(host.clone()));
        if let Some(link) = state.sharing.link(Network::Mastodon, Some(&host)) {
            open_share_window(&link);
        }
        if let Some(form) = event.current_target() {
            dispatch_share(&form, Network::Mastodon.id(), &state.sharing.article_id, &state.sharing.url_for(Network::Mastodon));
        }
        close();
    };

    view! {
        <form id="kq-mastodon-form" class="kq-mastodon" node_ref=form hidden=move || !state.mastodon_open.get() on:submit=on_submit novalidate>
            <label for="kq-mastodon-instance">{strings.mastodon_instance}</label>
            <input id="kq-mastodon-instance" node_ref=field type="text" inputmode="url" autocomplete="off"
                spellcheck="false" placeholder="mastodon.social" aria-describedby="kq-mastodon-hint"
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || state.mastodon_instance.get().unwrap_or_default()/>
            <p id="kq-mastodon-hint" class="kq-hint">
                {move || if invalid.get() { strings.mastodon_invalid } else { strings.mastodon_hint }}
            </p>
            <div class="kq-form-actions">
                <button type="submit" class="kq-button">{strings.mastodon_submit}</button>
                <button type="button" class="kq-button kq-button-quiet" on:click=move |_| close()>{strings.cancel}</button>
            </div>
        </form>
    }
    .into_any()
}
