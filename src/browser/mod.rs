//! Code that only runs in a browser: requests, the HTML sanitizer, mounting, and the few
//! browser APIs share buttons need. Everything here is a thin wrapper; decisions are made in
//! the pure modules.

pub mod clipboard;
pub mod early;
pub mod events;
pub mod fetch;
pub mod held_image;
pub mod mount;
pub mod navigation;
pub mod popup;
pub mod reading;
pub mod sanitize;
pub mod share_sheet;
pub mod speech;
pub mod storage;
pub mod takeover;

/// Resolves in a task of its own: a widget that renders after another lets the browser paint
/// and answer the reader in between, instead of holding the page in one long task.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().map(|window| window.set_timeout_with_callback(&resolve));
        if !matches!(scheduled, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The current instant, for relative dates and the age of view counts.
#[cfg(target_arch = "wasm32")]
pub fn now() -> crate::dates::Published {
    let millis = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(millis).unwrap_or_default().fixed_offset()
}

/// The current instant, when the views render natively (ahead of time).
#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> crate::dates::Published {
    let millis = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |since| since.as_millis() as i64);
    chrono::DateTime::from_timestamp_millis(millis).unwrap_or_default().fixed_offset()
}

/// What a share bar in this page shares (see [`crate::share::Sharing::new`]).
pub fn page_sharing(article: Option<&crate::model::Article>, feed: Option<&crate::model::Feed>, config: &crate::config::Config) -> crate::share::Sharing {
    // Rendered natively, there is no page: the article's own address is what is shared.
    let document = if cfg!(target_arch = "wasm32") { web_sys::window().and_then(|w| w.document()) } else { None };
    let url = document.as_ref().and_then(|d| d.url().ok()).unwrap_or_default();
    let title = document.map(|d| d.title()).unwrap_or_default();
    crate::share::Sharing::new(article, feed, config, &url, &title)
}
