//! The views: each component wires model data to the DOM and holds no logic worth testing
//! natively. One component per file.

pub mod article_body;
pub mod article_end;
pub mod article_page;
pub mod article_view;
pub mod config_problems;
pub mod copy_field;
pub mod follow_link;
pub mod icon_svg;
pub mod lead_image;
pub mod load_failed;
pub mod loading;
pub mod mastodon_prompt;
pub mod more_news;
pub mod popular_list;
pub mod range_selector;
pub mod share_bar;
pub mod share_item;
pub mod teaser;
pub mod widget;

use leptos::prelude::use_context;

use crate::i18n::Lang;

/// The language of the widget this component is in ([`widget::Widget`] provides it).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
