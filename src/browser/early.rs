//! Answers the loader (web/kiosque.js) asked for while the WebAssembly was downloading: the
//! first request for the same address takes the answer instead of asking again.

use js_sys::{Map, Promise, Reflect, Symbol};
use wasm_bindgen::JsCast;
use web_sys::AbortController;

/// The answer asked for `url` (absolute), what cancels it and when it was asked (`Date.now()`);
/// `None` when the loader did not ask for it, or when it was taken already (a retry asks afresh).
pub fn take(url: &str) -> Option<(Promise, AbortController, f64)> {
    let asked: Map = Reflect::get(&js_sys::global(), &Symbol::for_("kiosque.early")).ok()?.dyn_into().ok()?;
    let key = wasm_bindgen::JsValue::from_str(url);
    let entry = asked.get(&key);
    if entry.is_undefined() {
        return None;
    }
    asked.delete(&key);
    let response = Reflect::get(&entry, &"response".into()).ok()?.dyn_into().ok()?;
    let controller = Reflect::get(&entry, &"controller".into()).ok()?.dyn_into().ok()?;
    let sent = Reflect::get(&entry, &"sent".into()).ok().and_then(|sent| sent.as_f64()).unwrap_or_else(js_sys::Date::now);
    Some((response, controller, sent))
}
