//! The reader's reading settings on this device: whether the browser asks to save data, and
//! the data saver and text size the reader chose (remembered for the site).

use std::cell::Cell;

use js_sys::Reflect;

use super::storage::{recall, remember};
use crate::reading::data_saver::{saving_data, stored_choice};
use crate::reading::text_size::TextSize;
use crate::reading::ReadingOptions;

const DATA_SAVER_KEY: &str = "data-saver";
const TEXT_SIZE_KEY: &str = "text-size";

/// Whether the browser asks pages to save data: `navigator.connection.saveData` (Chromium's
/// "Save-Data" preference, Android's data saver) or the `prefers-reduced-data` media query.
pub fn browser_asks_to_save_data() -> bool {
    if !cfg!(target_arch = "wasm32") {
        return false;
    }
    let Some(window) = web_sys::window() else { return false };
    let save_data = Reflect::get(&window.navigator(), &"connection".into())
        .ok()
        .filter(|connection| connection.is_object())
        .and_then(|connection| Reflect::get(&connection, &"saveData".into()).ok())
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    let reduced_data = window
        .match_media("(prefers-reduced-data: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    save_data || reduced_data
}

thread_local! {
    /// The reader's data saver choice on this page: it holds where storage is refused.
    static CHOSEN: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Whether images wait for a tap in a widget offering `options`.
pub fn data_saver_on(options: ReadingOptions) -> bool {
    // The choice made on this page first: storage may keep an older one it could not replace.
    let stored = CHOSEN.get().map(|on| stored_choice(on).to_owned()).or_else(|| recall(DATA_SAVER_KEY));
    saving_data(options.data_saver, stored.as_deref(), browser_asks_to_save_data())
}

/// Remembers the reader's data saver choice for the page and the site.
pub fn remember_data_saver(on: bool) {
    CHOSEN.set(Some(on));
    remember(DATA_SAVER_KEY, stored_choice(on));
}

/// The text size the reader chose last on this site.
pub fn text_size() -> TextSize {
    recall(TEXT_SIZE_KEY).map(|stored| TextSize::from_stored(&stored)).unwrap_or_default()
}

/// Remembers the reader's text size for the site.
pub fn remember_text_size(size: TextSize) {
    remember(TEXT_SIZE_KEY, &size.stored());
}
