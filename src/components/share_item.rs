//! One share button: a link for a network, or a button for copy, print and the device's
//! share sheet.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{EventTarget, Node};

use super::icon_svg::IconSvg;
use super::share_bar::ShareBarState;
use super::use_lang;
use crate::browser::clipboard::{copy_text, Copied};
use crate::browser::events::dispatch_share;
use crate::browser::popup::{open_share_window, print};
use crate::browser::share_sheet::{self, Outcome};
use crate::i18n::Strings;
use crate::icons::icon;
use crate::share::{ButtonStyle, Kind, Network};

/// How long "Link copied" stays on the copy button, in milliseconds.
const COPIED_FOR_MS: i32 = 3_000;

/// The button for `network`, in the share bar's context.
#[component]
pub fn ShareItem(network: Network) -> impl IntoView {
    let Some(state) = use_context::<ShareBarState>() else { return ().into_any() };
    let strings = use_lang().strings();
    let label = label(network, strings);
    let class = format!("kq-share-button kq-net-{}", network.id());
    let content = move || contents(network, label, state.style, state.copied.get());

    match (network.kind(), network) {
        (Kind::Web, Network::Mastodon) => {
            // As a link it opens a window; until the reader names an instance it is a button that
            // opens a form in place, and its name must not promise a window.
            let name = format!("{}{}", (strings.share_on)("Mastodon"), strings.opens_new_window);
            let asking_name = (strings.share_on)("Mastodon");
            (move || match state.mastodon_instance.get() {
                Some(instance) => {
                    let href = state.sharing.link(Network::Mastodon, Some(&instance)).unwrap_or_default();
                    let state = state.clone();
                    view! {
                        <a class=class.clone() href=href.clone() target="_blank" rel="noopener noreferrer"
                            aria-label=name.clone() on:click=move |event: MouseEvent| follow_link(&event, &href, network, &state)>
                            {content}
                        </a>
                    }
                    .into_any()
                }
                None => view! {
                    <button type="button" class=class.clone() aria-label=asking_name.clone()
                        aria-expanded=move || state.mastodon_open.get().to_string() aria-controls="kq-mastodon-form"
                        on:click=move |_| state.mastodon_open.update(|open| *open = !*open)>
                        {content}
                    </button>
                }
                .into_any(),
            })
            .into_any()
        }
        (Kind::Web | Kind::Mail, _) => {
            let Some(href) = state.sharing.link(network, None) else { return ().into_any() };
            let (name, target) = match network.kind() {
                Kind::Mail => (strings.email_name.to_owned(), None),
                _ => (format!("{}{}", (strings.share_on)(label), strings.opens_new_window), Some("_blank")),
            };
            view! {
                <a class=class href=href.clone() target=target rel="noopener noreferrer" aria-label=name
                    on:click=move |event: MouseEvent| follow_link(&event, &href, network, &state)>
                    {content}
                </a>
            }
            .into_any()
        }
        (Kind::Action, _) => {
            let name = match network {
                Network::Native => strings.native_name,
                _ => label,
            };
            view! {
                <button type="button" class=class aria-label=name
                    on:click=move |event: MouseEvent| act(network, &event, &state, strings)>
                    {content}
                </button>
            }
            .into_any()
        }
    }
}

/// The visible label: the brand, or the action's name in the widget's language.
fn label(network: Network, strings: &'static Strings) -> &'static str {
    network.brand().unwrap_or(match network {
        Network::Email => strings.email_label,
        Network::Copy => strings.copy_label,
        Network::Print => strings.print_label,
        _ => strings.native_label,
    })
}

fn contents(network: Network, label: &'static str, style: ButtonStyle, copied: bool) -> impl IntoView {
    let (icon_name, label) = match (network, copied) {
        (Network::Copy, true) => ("check", use_lang().strings().copied),
        _ => (if network == Network::Native { "share" } else { network.id() }, label),
    };
    let show_icon = style != ButtonStyle::Labels;
    view! {
        {show_icon.then(|| icon(icon_name).map(|icon| view! { <IconSvg icon/> }))}
        <span class="kq-share-label">{label}</span>
    }
}

/// A plain click opens a share window; modified clicks keep the browser's own behaviour (new
/// tab, download…) and still tell the host page. A middle-click fires no `click` at all: the
/// link opens, uncounted.
fn follow_link(event: &MouseEvent, href: &str, network: Network, state: &ShareBarState) {
    let plain = event.button() == 0 && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
    if plain && network.kind() == Kind::Web {
        event.prevent_default();
        open_share_window(href);
    }
    announce_share(event.current_target(), network, state);
}

fn announce_share(target: Option<EventTarget>, network: Network, state: &ShareBarState) {
    if let Some(target) = target {
        dispatch_share(&target, network.id(), &state.sharing.article_id, &state.sharing.url_for(network));
    }
}

fn act(network: Network, event: &MouseEvent, state: &ShareBarState, strings: &'static Strings) {
    let target = event.current_target();
    let state = state.clone();
    match network {
        Network::Print => {
            announce_share(target, network, &state);
            print();
        }
        Network::Copy => {
            let url = state.sharing.url_for(network);
            let scratch = target.as_ref().and_then(|t| t.dyn_ref::<Node>()).and_then(Node::parent_node);
            leptos::task::spawn_local(async move {
                let copied = match &scratch {
                    Some(scratch) => copy_text(&url, scratch).await,
                    None => Copied::No,
                };
                match copied {
                    Copied::Yes => {
                        state.manual_copy.set(None);
                        state.copied.set(true);
                        state.status.set(strings.copied.to_owned());
                        announce_share(target, network, &state);
                        set_timeout(move || {
                            state.copied.set(false);
                            state.status.set(String::new());
                        }, std::time::Duration::from_millis(COPIED_FOR_MS as u64));
                    }
                    Copied::No => state.manual_copy.set(Some(url)),
                }
            });
        }
        Network::Native => {
            let url = state.sharing.url_for(network);
            leptos::task::spawn_local(async move {
                match share_sheet::share(&state.sharing.title, &url).await {
                    Outcome::Shared => announce_share(target, network, &state),
                    Outcome::Cancelled => {}
                    Outcome::Failed => state.status.set(strings.share_failed.to_owned()),
                }
            });
        }
        _ => {}
    }
}
