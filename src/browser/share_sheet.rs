//! The device's own share sheet (`navigator.share`), offered only where it exists.

use wasm_bindgen_futures::JsFuture;
use web_sys::ShareData;

/// How a native share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The reader shared.
    Shared,
    /// The reader closed the sheet: not an error, nothing to say.
    Cancelled,
    /// The browser refused or failed.
    Failed,
}

/// True when this browser has a share sheet.
pub fn available() -> bool {
    // Rendered natively (ahead of time), no reader's browser is known to have one.
    if !cfg!(target_arch = "wasm32") {
        return false;
    }
    web_sys::window()
        .map(|w| w.navigator())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"share".into()).ok())
        .is_some_and(|share| share.is_function())
}

/// Opens the share sheet with the article's title and URL.
pub async fn share(title: &str, url: &str) -> Outcome {
    if !available() {
        return Outcome::Failed;
    }
    let Some(window) = web_sys::window() else { return Outcome::Failed };
    let data = ShareData::new();
    data.set_title(title);
    data.set_url(url);
    match JsFuture::from(window.navigator().share_with_data(&data)).await {
        Ok(_) => Outcome::Shared,
        Err(error) => {
            let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") { Outcome::Cancelled } else { Outcome::Failed }
        }
    }
}
