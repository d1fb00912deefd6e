//! Events for the host page. Kiosque tracks nothing itself; a publisher who wants to count
//! shares listens for `kiosque:share` on the widget's element.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

/// The name of the event dispatched when a reader shares.
pub const SHARE_EVENT: &str = "kiosque:share";

/// Dispatches `kiosque:share` from `target`; it bubbles out of the shadow root to the host
/// element and on to the document. `detail` is `{ network, article, url }`.
pub fn dispatch_share(target: &EventTarget, network: &str, article: &str, url: &str) {
    let detail = js_sys::Object::new();
    for (key, value) in [("network", network), ("article", article), ("url", url)] {
        let _ = js_sys::Reflect::set(&detail, &key.into(), &JsValue::from_str(value));
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(SHARE_EVENT, &init) {
        let _ = target.dispatch_event(&event);
    }
}
