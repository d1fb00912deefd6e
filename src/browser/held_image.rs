//! Images held back by data saver: a button in the image's box, which becomes the image when
//! tapped. Plain DOM rather than views: the same for the lead image and for images inside an
//! article's HTML, and nothing of it runs unless data saver is on.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Class of the buttons that hold an image back.
pub const HOLD_CLASS: &str = "kq-image-hold";

/// A button standing for an image: its alt text (when it has one) and `label` ("Image, 84 KB
/// — tap to show it"), in a box of the image's proportions. Tapping it puts `image` (whose
/// address is `src`, not yet set) in its place, then calls `on_show`.
pub fn hold(document: &Document, image: Element, src: Option<String>, label: &str, on_show: impl FnOnce() + 'static) -> Option<Element> {
    let button = document.create_element("button").ok()?;
    button.set_class_name(HOLD_CLASS);
    let _ = button.set_attribute("type", "button");
    let alt = image.get_attribute("alt").unwrap_or_default();
    let lang = image.get_attribute("lang");
    for (class, text) in [("kq-image-alt", alt.as_str()), ("kq-image-cost", label)] {
        if text.is_empty() {
            continue;
        }
        if let Ok(span) = document.create_element("span") {
            span.set_class_name(class);
            span.set_text_content(Some(text));
            if class == "kq-image-alt"
                && let Some(lang) = &lang
            {
                let _ = span.set_attribute("lang", lang);
            }
            let _ = button.append_child(&span);
        }
    }
    // The same box as the image will have, so that nothing moves when it arrives.
    if let (Some(width), Some(height), Some(style)) =
        (image.get_attribute("width"), image.get_attribute("height"), button.dyn_ref::<HtmlElement>().map(HtmlElement::style))
    {
        let _ = style.set_property("aspect-ratio", &format!("{width} / {height}"));
        let _ = style.set_property("max-width", &format!("{width}px"));
    }
    let placeholder = button.clone();
    let show = Closure::once_into_js(move |event: web_sys::Event| {
        if let Some(src) = src {
            let _ = image.set_attribute("src", &src);
        }
        let _ = image.set_attribute("tabindex", "-1");
        if placeholder.replace_with_with_node_1(&image).is_ok() {
            // Tapped: focus stays where the reader was, on the picture the button became (a
            // script's click, when data saver is turned off, leaves focus on that switch).
            if event.is_trusted()
                && let Some(image) = image.dyn_ref::<HtmlElement>()
            {
                let _ = image.focus();
            }
            on_show();
        }
    });
    let _ = button.add_event_listener_with_callback("click", show.unchecked_ref());
    Some(button)
}

/// Shows every image still held back inside `root`, as if each had been tapped.
pub fn show_all(root: &Element) {
    let Ok(buttons) = root.query_selector_all(&format!(".{HOLD_CLASS}")) else { return };
    for index in 0..buttons.length() {
        if let Some(button) = buttons.item(index).and_then(|node| node.dyn_into::<HtmlElement>().ok()) {
            button.click();
        }
    }
}
