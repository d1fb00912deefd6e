//! Share pages in a small window, as readers expect from share buttons.

/// Width and height of the share window, in CSS pixels.
const POPUP_FEATURES: &str = "popup,width=600,height=540,noopener,noreferrer";

/// Opens `url` in a share window. With `noopener` the browser never tells whether it
/// opened, so this cannot fail visibly; the link's own `href` stays as the way that works
/// without script.
pub fn open_share_window(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.open_with_url_and_target_and_features(url, "_blank", POPUP_FEATURES);
    }
}

/// Prints the page.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
