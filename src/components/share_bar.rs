//! "Partager :" and the share buttons, as on the seed page. Every network button is a real
//! link built in Rust, so middle-click and "copy link address" work; nothing is requested
//! from any network until the reader clicks.

use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::html::Button;
use futures::FutureExt;
use leptos::prelude::*;

use super::deferred::Deferred;
use super::icon_svg::IconSvg;
use super::mastodon_current::MastodonCurrent;
use super::share_item::ShareItem;
use super::use_lang;
use crate::browser::{share_sheet, storage};
use crate::icons::icon;
use crate::on_use;
use crate::share::{ButtonStyle, ShareSettings, Sharing};

/// Where the reader's Mastodon instance is remembered.
pub const MASTODON_KEY: &str = "mastodon-instance";

/// What the buttons of one share bar share, and the state they have in common.
#[derive(Clone)]
pub struct ShareBarState {
    /// What is shared.
    pub sharing: Arc<Sharing>,
    /// How buttons look.
    pub style: ButtonStyle,
    /// What the bar's live region says.
    pub status: RwSignal<String>,
    /// The reader's remembered Mastodon instance.
    pub mastodon_instance: RwSignal<Option<String>>,
    /// Whether the Mastodon instance form is open.
    pub mastodon_open: RwSignal<bool>,
    /// The link to copy by hand when the clipboard refused.
    pub manual_copy: RwSignal<Option<String>>,
    /// True for a few seconds after the link was copied.
    pub copied: RwSignal<bool>,
}

/// Gives focus back to the Mastodon button of the share bar `within` (or that contains it).
pub fn focus_mastodon_button(within: &web_sys::EventTarget) {
    use wasm_bindgen::JsCast;
    let bar = within.dyn_ref::<web_sys::Element>().and_then(|e| e.closest(".kq-share").ok().flatten());
    let button = bar.and_then(|bar| bar.query_selector(".kq-net-mastodon").ok().flatten());
    if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = button.focus();
    }
}

/// The share bar for `sharing`, laid out by `settings`.
#[component]
pub fn ShareBar(sharing: Sharing, settings: ShareSettings) -> impl IntoView {
    let strings = use_lang().strings();
    let networks = sharing.usable(&settings, share_sheet::available());
    let visible = settings.visible.min(networks.len());
    let (shown, extra) = networks.split_at(visible);
    let (shown, extra) = (shown.to_vec(), extra.to_vec());
    let state = ShareBarState {
        sharing: Arc::new(sharing),
        style: settings.style,
        status: RwSignal::new(String::new()),
        mastodon_instance: RwSignal::new(storage::recall(MASTODON_KEY)),
        mastodon_open: RwSignal::new(false),
        manual_copy: RwSignal::new(None),
        copied: RwSignal::new(false),
    };
    provide_context(state.clone());
    let expanded = RwSignal::new(false);
    let toggle = NodeRef::<Button>::new();
    // Escape closes what the bar opened and gives focus back to what opened it.
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() != "Escape" {
            return;
        }
        if state.mastodon_open.get_untracked() {
            state.mastodon_open.set(false);
            if let Some(bar) = event.current_target() {
                focus_mastodon_button(&bar);
            }
        } else if expanded.get_untracked() {
            expanded.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let style_class = match settings.style {
        ButtonStyle::Icons => "kq-share kq-share-icons",
        ButtonStyle::IconsAndLabels => "kq-share kq-share-icons-labels",
        ButtonStyle::Labels => "kq-share kq-share-labels",
    };

    view! {
        // A named group, not a landmark: a page may hold several share bars, and landmarks
        // must have unique names.
        <div class=style_class role="group" aria-labelledby="kq-share-heading" on:keydown=on_keydown>
            <h2 id="kq-share-heading" class="kq-share-heading">{strings.share_heading}</h2>
            <ul class="kq-share-list">
                {shown.into_iter().map(|network| view! { <li><ShareItem network/></li> }).collect_view()}
                {(!extra.is_empty()).then(|| view! {
                    <li>
                        <button type="button" class="kq-share-button kq-share-toggle" node_ref=toggle
                            aria-expanded=move || expanded.get().to_string() aria-controls="kq-share-extra"
                            aria-label=strings.more_name on:click=move |_| expanded.update(|open| *open = !*open)>
                            {(settings.style != ButtonStyle::Labels)
                                .then(|| icon("more").map(|icon| view! { <IconSvg icon/> }))}
                            <span class="kq-share-label">{strings.more_label}</span>
                        </button>
                    </li>
                })}
            </ul>
            {(!extra.is_empty()).then(|| view! {
                <ul id="kq-share-extra" class="kq-share-list" hidden=move || !expanded.get()>
                    {extra.into_iter().map(|network| view! { <li><ShareItem network/></li> }).collect_view()}
                </ul>
            })}
            <MastodonCurrent/>
            // The forms a reader rarely needs download when first wanted.
            {move || state.mastodon_open.get().then(|| view! { <Deferred door=|| on_use::mastodon_form().boxed_local() data=() announce=true/> })}
            {move || state.manual_copy.with(Option::is_some).then(|| view! { <Deferred door=|| on_use::copy_field().boxed_local() data=() announce=true/> })}
            <p class="kq-share-status" role="status">{move || state.status.get()}</p>
        </div>
    }
}
