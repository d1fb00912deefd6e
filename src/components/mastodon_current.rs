//! The Mastodon instance the share bar remembers, with a way to change it.

use leptos::prelude::*;

use super::share_bar::{ShareBarState, MASTODON_KEY};
use super::use_lang;
use crate::browser::storage;

/// "Mastodon: mastodon.social — Change instance", once the reader named an instance.
#[component]
pub fn MastodonCurrent() -> impl IntoView {
    let Some(state) = use_context::<ShareBarState>() else { return ().into_any() };
    let strings = use_lang().strings();
    let forget = move |_| {
        storage::forget(MASTODON_KEY);
        state.mastodon_instance.set(None);
        state.mastodon_open.set(true);
    };
    (move || {
        state.mastodon_instance.get().map(|host| {
            view! {
                <p class="kq-mastodon-current">
                    <span>{(strings.mastodon_current)(&host)}</span>
                    <button type="button" class="kq-link-button" on:click=forget>{strings.mastodon_change}</button>
                </p>
            }
        })
    })
    .into_any()
}
