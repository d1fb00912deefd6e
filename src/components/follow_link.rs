//! The publisher's call to follow it ("Suivez-nous sur Nasuba Infos via notre canal WhatsApp.
//! Cliquez ici."). The whole sentence is the link, so its purpose is clear out of context.

use leptos::prelude::*;

use super::icon_svg::IconSvg;
use super::use_lang;
use crate::icons::icon;
use crate::model::Follow;

/// A link to the publisher's channel, opening in a new window.
#[component]
pub fn FollowLink(follow: Follow) -> impl IntoView {
    let strings = use_lang().strings();
    let icon = icon(&follow.network);
    view! {
        <p class="kq-follow">
            <a class="kq-follow-link" href=follow.url target="_blank" rel="noopener noreferrer">
                {icon.map(|icon| view! { <IconSvg icon/> })}
                <span>{follow.text}</span>
                <span class="kq-visually-hidden">{strings.opens_new_window}</span>
            </a>
        </p>
    }
}
