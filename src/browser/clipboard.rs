//! Copying the link: the Clipboard API, then the older selection copy, then nothing — in
//! which case the caller shows the link for the reader to copy by hand.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlDocument, HtmlTextAreaElement, Node};

/// How a copy ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// The text is on the clipboard.
    Yes,
    /// Neither way worked (no secure context, permission refused…).
    No,
}

/// Copies `text`. `scratch` is an element of the widget where a temporary field can live
/// for the fallback (inside the shadow root, so the host page never sees it).
pub async fn copy_text(text: &str, scratch: &Node) -> Copied {
    if let Some(clipboard) = clipboard()
        && JsFuture::from(clipboard.write_text(text)).await.is_ok()
    {
        return Copied::Yes;
    }
    copy_with_selection(text, scratch)
}

/// `navigator.clipboard`, which is absent outside secure contexts.
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

/// The pre-Clipboard-API way: select a temporary field and ask the document to copy.
fn copy_with_selection(text: &str, scratch: &Node) -> Copied {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return Copied::No };
    let Ok(field) = document.create_element("textarea") else { return Copied::No };
    let Ok(field) = field.dyn_into::<HtmlTextAreaElement>() else { return Copied::No };
    field.set_value(text);
    let _ = field.set_attribute("readonly", "");
    let _ = field.set_attribute("aria-hidden", "true");
    let _ = field.set_attribute("style", "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0");
    if scratch.append_child(&field).is_err() {
        return Copied::No;
    }
    field.select();
    let copied = document
        .dyn_ref::<HtmlDocument>()
        .and_then(|html| html.exec_command("copy").ok())
        .unwrap_or(false);
    let _ = scratch.remove_child(&field);
    if copied { Copied::Yes } else { Copied::No }
}
