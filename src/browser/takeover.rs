//! Taking over an article rendered ahead of time (browser only). The host already shows the
//! article in a declarative shadow root; the widget renders the same page out of sight and hands
//! it to `web/takeover.js`, which puts it in place once it is complete, keeping the reader's
//! focus, selection and scroll. That work is plain JavaScript fetched only by such pages: in the
//! wasm, the browser APIs it calls would add import glue to the main module of every page.

use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

/// The attribute that marks a widget's root as rendered ahead of time.
pub const PRERENDERED: &str = "data-prerendered";

/// The attribute a part's holder gets once its code has arrived (components/deferred.rs): the
/// takeover waits for every part.
pub const READY: &str = "data-ready";

/// The widget's root rendered ahead of time in `shadow`, if there is one.
pub fn prerendered_root(shadow: &ShadowRoot) -> Option<Element> {
    shadow.query_selector(&format!(".kq[{PRERENDERED}]")).ok().flatten()
}

/// Hands `style` and `root` (the widget, rendered out of sight) to the loader's takeover
/// (`Symbol.for("kiosque.takeover")`, web/kiosque.js), which swaps them in for what `shadow`
/// holds. Without it (an old loader), the pre-rendered article stays: readable, its links
/// working.
pub fn hand_over(shadow: &ShadowRoot, style: &Element, root: &Element) {
    let key = js_sys::Symbol::for_("kiosque.takeover");
    let take_over = js_sys::Reflect::get(&js_sys::global(), &key).ok().and_then(|hook| hook.dyn_into::<js_sys::Function>().ok());
    if let Some(take_over) = take_over {
        let _ = take_over.call3(&wasm_bindgen::JsValue::NULL, shadow, style, root);
    }
}
