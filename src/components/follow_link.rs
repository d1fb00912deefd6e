//! The publisher's call to follow it ("Suivez-nous sur Nasuba Infos via notre canal WhatsApp.
//! Cliquez ici."). The whole sentence is the link, so its purpose is clear out of context.

use leptos::prelude::*;

use super::icon_svg::IconSvg;
use super::use_lang;
use crate::i18n::content_attributes;
use crate::icons::icon;
use crate::model::Follow;

/// A link to the publisher's channel, opening in a new window; its sentence is in the feed's
/// `language`.
#[component]
pub fn FollowLink(follow: Follow, language: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let strings = lang.strings();
    let (content_lang, content_dir) = content_attributes(language.as_deref(), lang);
    let icon = icon(&follow.network);
    view! {
        <p class="kq-follow">
            <a class="kq-follow-link" href=follow.url target="_blank" rel="noopener noreferrer">
                {icon.map(|icon| view! { <IconSvg icon/> })}
                <span lang=content_lang dir=content_dir>{follow.text}</span>
                <span class="kq-visually-hidden">{strings.opens_new_window}</span>
            </a>
        </p>
    }
}
