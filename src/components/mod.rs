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

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;

use crate::config::Config;
use crate::i18n::Lang;
use crate::model::{Article, Feed};
use crate::reading::data_saver::Saved;
use crate::reading::ReadingOptions;

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

/// The reader's reading settings in one widget, shared by its parts: the tools offered,
/// whether images wait for a tap, and what data saver held back.
#[derive(Clone, Copy)]
pub struct Reading {
    /// The tools the publisher offers.
    pub options: ReadingOptions,
    /// Images wait for a tap; list thumbnails are left out.
    pub saving_data: RwSignal<bool>,
    /// What data saver held back on this page so far.
    pub saved: RwSignal<Saved>,
}

impl Reading {
    /// Settings for a widget offering `options`, as the reader left them on this site.
    pub fn new(options: ReadingOptions) -> Reading {
        use crate::browser::reading::data_saver_on;
        Reading {
            options,
            saving_data: RwSignal::new(data_saver_on(options)),
            saved: RwSignal::new(Saved::default()),
        }
    }

    /// Gives the views below the settings of a widget offering `options`, unless they have
    /// live ones already (the lists of an article page share the article's). A part shown
    /// again (another article) finds the settings it gave last time, whose signals went with
    /// the views of that time: those are replaced.
    pub fn provide(options: ReadingOptions) {
        let live = use_context::<Reading>().is_some_and(|reading| reading.saving_data.try_get_untracked().is_some());
        if !live {
            provide_context(Reading::new(options));
        }
    }

    /// Counts an image of `bytes` as held back by data saver, until the returned mark is
    /// passed to [`Reading::show`] or the view that called this goes.
    pub fn hold(self, bytes: Option<u64>) -> Arc<AtomicBool> {
        self.saved.update(|saved| saved.hold(bytes));
        let held = Arc::new(AtomicBool::new(true));
        let still_held = held.clone();
        let saved = self.saved;
        on_cleanup(move || {
            if still_held.swap(false, Ordering::Relaxed) {
                saved.try_update(|saved| saved.release(bytes));
            }
        });
        held
    }

    /// The image `held` (of `bytes`) was shown after all.
    pub fn show(self, held: &AtomicBool, bytes: Option<u64>) {
        if held.swap(false, Ordering::Relaxed) {
            self.saved.try_update(|saved| saved.release(bytes));
        }
    }
}

/// The reading settings of the widget this component is in (none saving data outside one).
pub fn use_reading() -> Reading {
    use_context::<Reading>().unwrap_or_else(|| Reading {
        options: ReadingOptions::default(),
        saving_data: RwSignal::new(false),
        saved: RwSignal::new(Saved::default()),
    })
}
