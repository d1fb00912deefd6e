//! The views: each component wires model data to the DOM and holds no logic worth testing
//! natively. One component per file.

pub mod article_body;
pub mod article_end;
pub mod article_page;
pub mod article_view;
pub mod config_problems;
pub mod copy_field;
pub mod deferred;
pub mod follow_link;
pub mod icon_svg;
pub mod lead_image;
pub mod listen_control;
pub mod load_failed;
pub mod loading;
pub mod mastodon_current;
pub mod mastodon_prompt;
pub mod more_news;
pub mod popular_list;
pub mod range_selector;
pub mod reader_tools;
pub mod share_bar;
pub mod share_item;
pub mod teaser;
pub mod widget;

use std::sync::Arc;

use leptos::prelude::*;

use crate::config::Config;
use crate::i18n::Lang;
use crate::model::{Article, Feed};

/// What a part of the widget shows, handed to the part once its code has arrived.
#[derive(Clone)]
pub struct PartData {
    /// The feed, once loaded; a share bar alone can do without one.
    pub feed: Option<Arc<Feed>>,
    /// The article shown, or the one a list leaves out.
    pub article: Option<Article>,
    /// The widget's configuration.
    pub config: Arc<Config>,
    /// Moves focus to the headline: the reader chose this article.
    pub focus: bool,
}

/// Renders a view from `T`; each such function sits behind a door of [`crate::on_use`].
pub type Render<T> = fn(T) -> AnyView;

/// Renders a part of the widget.
pub type RenderPart = Render<PartData>;

/// The language of the widget this component is in ([`widget::Widget`] provides it).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
