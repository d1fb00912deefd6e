//! Moving between articles inside the widget: the page address carries the article shown
//! (`?kiosque=<id>`), so it can be shared, bookmarked and reloaded, and back and forward work.
//!
//! The address is one for the whole page, so every widget of the page follows the same signal:
//! a most-read list placed apart from the article widget still leads into it. Only the
//! widgets' own links are handled; the host page's links are never touched.

use std::cell::{Cell, OnceCell};

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::MouseEvent;

use crate::config::Links;
use crate::model::Article;
use crate::url::{query_param, with_query_param};

/// The query parameter that names the article shown.
pub const PARAM: &str = "kiosque";

thread_local! {
    static ADDRESS: OnceCell<ArcRwSignal<Option<String>>> = const { OnceCell::new() };
    static ARTICLE_WIDGETS: Cell<usize> = const { Cell::new(0) };
}

/// The article named in the page address, kept up to date through back and forward by one
/// listener for the whole page.
fn address_article() -> ArcRwSignal<Option<String>> {
    ADDRESS.with(|cell| {
        cell.get_or_init(|| {
            let signal = ArcRwSignal::new(article_in_address());
            let on_popstate = Closure::<dyn Fn()>::new({
                let signal = signal.clone();
                move || signal.set(article_in_address())
            });
            if let Some(window) = web_sys::window() {
                let _ = window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
            }
            // Lives as long as the page.
            on_popstate.forget();
            signal
        })
        .clone()
    })
}

/// The article a widget shows and how its lists lead to others; provided by the widget.
#[derive(Clone, Copy)]
pub struct Navigator {
    /// The id of the article named in the page address, if any.
    pub current: RwSignal<Option<String>>,
    /// The message for the widget's live region.
    pub announce: RwSignal<String>,
    /// Where list items lead.
    pub links: Links,
}

impl Navigator {
    /// The navigator of a widget; `shows_articles` for a widget that shows the article itself,
    /// which lists anywhere on the page then lead into.
    pub fn new(links: Links, shows_articles: bool) -> Navigator {
        if shows_articles {
            ARTICLE_WIDGETS.with(|count| count.set(count.get() + 1));
            on_cleanup(|| ARTICLE_WIDGETS.with(|count| count.set(count.get().saturating_sub(1))));
        }
        Navigator { current: RwSignal::from(address_article()), announce: RwSignal::new(String::new()), links }
    }

    /// True when choosing `article` shows it in a widget of this page rather than leaving.
    fn leads_here(&self, article: &Article) -> bool {
        let in_page = ARTICLE_WIDGETS.with(Cell::get) > 0;
        in_page && (self.links == Links::Widget || article.url.is_none())
    }

    /// Where a list item for `article` leads.
    pub fn href(&self, article: &Article) -> String {
        match &article.url {
            Some(url) if !self.leads_here(article) => url.clone(),
            _ => with_query_param(&page_address(), PARAM, Some(&article.id)),
        }
    }

    /// Handles a click on a list item: a plain click shows the article in the page's article
    /// widget (which then announces it); a click with a modifier (new tab, window) is left to
    /// the browser.
    pub fn on_click(&self, event: &MouseEvent, article: &Article) {
        let plain = event.button() == 0 && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        if !plain || !self.leads_here(article) || event.default_prevented() {
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

/// The address of the page the widget is in.
pub(crate) fn page_address() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}
