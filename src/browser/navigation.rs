//! Moving between articles inside the widget: the page address carries the article shown
//! (`?kiosque=<id>`), so it can be shared, bookmarked and reloaded, and back and forward work.
//!
//! Only the widget's own links are handled; the host page's links are never touched.

use leptos::prelude::*;
use web_sys::MouseEvent;

use crate::config::Links;
use crate::model::Article;
use crate::url::{query_param, with_query_param};

/// The query parameter that names the article shown.
pub const PARAM: &str = "kiosque";

/// The article a widget shows and how its lists lead to others; provided by the widget.
#[derive(Clone, Copy)]
pub struct Navigator {
    /// The id of the article shown; `None` for the configured default.
    pub current: RwSignal<Option<String>>,
    /// The message for the widget's live region.
    pub announce: RwSignal<String>,
    /// Where list items lead.
    pub links: Links,
    /// True when this widget shows articles itself and so follows the page address.
    pub follows_address: bool,
}

impl Navigator {
    /// A navigator that starts at the article named in the page address, if any.
    pub fn new(links: Links, follows_address: bool) -> Navigator {
        let current = RwSignal::new(if follows_address { article_in_address() } else { None });
        let navigator = Navigator { current, announce: RwSignal::new(String::new()), links, follows_address };
        if follows_address {
            let handle = window_event_listener(leptos::ev::popstate, move |_| current.set(article_in_address()));
            on_cleanup(move || handle.remove());
        }
        navigator
    }

    /// Where a list item for `article` leads.
    pub fn href(&self, article: &Article) -> String {
        match (&article.url, self.links, self.follows_address) {
            (Some(url), Links::Publisher, _) | (Some(url), _, false) => url.clone(),
            _ => with_query_param(&page_address(), PARAM, Some(&article.id)),
        }
    }

    /// Handles a click on a list item: a plain click shows the article in the widget (the
    /// widget then announces it); a click with a modifier (new tab, window) is left to the
    /// browser.
    pub fn on_click(&self, event: &MouseEvent, article: &Article) {
        let plain = event.button() == 0 && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        let leads_here = self.follows_address && (self.links == Links::Widget || article.url.is_none());
        if !plain || !leads_here || event.default_prevented() {
            return;
        }
        event.prevent_default();
        let href = self.href(article);
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
        self.current.set(Some(article.id.clone()));
    }
}

/// The article named in the page address.
fn article_in_address() -> Option<String> {
    query_param(&page_address(), PARAM)
}

fn page_address() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}
