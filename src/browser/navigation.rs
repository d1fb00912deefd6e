//! Moving between articles inside the widget: the page address carries the article shown
//! (`?kiosque=<id>`), so it can be shared, bookmarked and reloaded, and back and forward work.
//!
//! The address is one for the whole page, so every widget of the page follows the same signal:
//! a most-read list placed apart from the article widget still leads into it. Only the
//! widgets' own links are handled; the host page's links are never touched.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;

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
    static WIDGETS: Cell<usize> = const { Cell::new(0) };
    /// Where the page was scrolled when the reader left each address for another article.
    static SCROLLED: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// How many latest articles each widget showed at each address ("Plus d'articles").
    static SHOWN: RefCell<HashMap<(String, usize), usize>> = RefCell::new(HashMap::new());
    /// True from a back or forward until the article it leads to has restored the scroll.
    static BY_HISTORY: Cell<bool> = const { Cell::new(false) };
}

/// The article named in the page address, kept up to date through back and forward by one
/// listener for the whole page.
fn address_article() -> ArcRwSignal<Option<String>> {
    ADDRESS.with(|cell| {
        cell.get_or_init(|| {
            let signal = ArcRwSignal::new(article_in_address());
            let on_popstate = Closure::<dyn Fn()>::new({
                let signal = signal.clone();
                move || {
                    BY_HISTORY.with(|by_history| by_history.set(true));
                    signal.set(article_in_address());
                }
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
    /// This widget, among the page's, for what it remembers per address.
    id: usize,
    /// False for a second article widget on the page: the address names the article of the
    /// first one, so a second one changes articles in place, leaving the address alone.
    follows_address: bool,
}

impl Navigator {
    /// The navigator of a widget; `shows_articles` for a widget that shows the article itself,
    /// which lists anywhere on the page then lead into. The first such widget follows the
    /// page's address; another one keeps its own article.
    pub fn new(links: Links, shows_articles: bool) -> Navigator {
        let mut follows_address = true;
        if shows_articles {
            follows_address = ARTICLE_WIDGETS.with(|count| {
                count.set(count.get() + 1);
                count.get() == 1
            });
            on_cleanup(|| ARTICLE_WIDGETS.with(|count| count.set(count.get().saturating_sub(1))));
        }
        let id = WIDGETS.with(|count| {
            count.set(count.get() + 1);
            count.get()
        });
        let current = if follows_address { RwSignal::from(address_article()) } else { RwSignal::new(None) };
        Navigator { current, announce: RwSignal::new(String::new()), links, id, follows_address }
    }

    /// Remembers that this widget shows `count` latest articles at the current address, so
    /// that coming back to it shows as many again.
    pub fn remember_shown(&self, count: usize) {
        SHOWN.with(|shown| shown.borrow_mut().insert((page_address(), self.id), count));
    }

    /// How many latest articles this widget showed when the reader was last at this address.
    pub fn shown_here(&self) -> Option<usize> {
        SHOWN.with(|shown| shown.borrow().get(&(page_address(), self.id)).copied())
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
        if !self.follows_address {
            self.current.set(Some(article.id.clone()));
            return;
        }
        BY_HISTORY.with(|by_history| by_history.set(false));
        if let Some(window) = web_sys::window() {
            let scrolled = window.scroll_y().unwrap_or_default();
            SCROLLED.with(|positions| positions.borrow_mut().insert(page_address(), scrolled));
        }
        let href = self.href(article);
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
        self.current.set(Some(article.id.clone()));
    }
}

/// True when the article about to be shown was reached by back or forward: its page should
/// look as the reader left it, rather than be scrolled to its headline.
pub fn arrived_by_history() -> bool {
    BY_HISTORY.with(Cell::get)
}

/// Puts the page back where the reader left this address (once the article reached by back
/// or forward, and what follows it, are in the page).
pub fn restore_scroll() {
    if !BY_HISTORY.with(|by_history| by_history.replace(false)) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    if let Some(scrolled) = SCROLLED.with(|positions| positions.borrow().get(&page_address()).copied()) {
        window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or_default(), scrolled);
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
