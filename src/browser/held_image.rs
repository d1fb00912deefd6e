//! Images held back by data saver: a button in the image's box, which becomes the image when
//! tapped. Plain DOM rather than views: the same for the lead image and for images inside an
//! article's HTML, and no button is made unless data saver is on. What was held back is read
//! from the page itself (the buttons, and list entries marked [`LEFT_OUT`]), so that the views
//! that hold images back keep no count.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, MutationObserver, MutationObserverInit, Node};

use crate::reading::data_saver::Saved;

/// Class of the buttons that hold an image back.
pub const HOLD_CLASS: &str = "kq-image-hold";

/// Attribute of the list entries whose thumbnail data saver left out.
pub const LEFT_OUT: &str = "data-image-left-out";

/// Attribute of a hold button that gives the image's size in bytes, when the feed gave it.
const BYTES: &str = "data-bytes";

/// A button standing for an image of `bytes` (when known): its alt text (when it has one) and
/// `label` ("Image, 84 KB — tap to show it"), in a box of the image's proportions. Tapping it
/// puts `image` (whose address is `src`, not yet set) in its place.
pub fn hold(document: &Document, image: Element, src: Option<String>, bytes: Option<u64>, label: &str) -> Option<Element> {
    let button = document.create_element("button").ok()?;
    button.set_class_name(HOLD_CLASS);
    let _ = button.set_attribute("type", "button");
    if let Some(bytes) = bytes {
        let _ = button.set_attribute(BYTES, &bytes.to_string());
    }
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

/// What data saver holds back inside `root` (a widget's shadow root, or any element or
/// document): images waiting for a tap, with the bytes the feed gave, and thumbnails left out.
pub fn held_in(root: &Node) -> Saved {
    let mut saved = Saved::default();
    let selector = format!(".{HOLD_CLASS}, [{LEFT_OUT}]");
    let found = if let Some(shadow) = root.dyn_ref::<web_sys::DocumentFragment>() {
        shadow.query_selector_all(&selector)
    } else if let Some(element) = root.dyn_ref::<Element>() {
        element.query_selector_all(&selector)
    } else if let Some(document) = root.dyn_ref::<Document>() {
        document.query_selector_all(&selector)
    } else {
        return saved;
    };
    let Ok(found) = found else { return saved };
    for index in 0..found.length() {
        let bytes = found.item(index).and_then(|node| node.dyn_into::<Element>().ok()).and_then(|element| element.get_attribute(BYTES));
        saved.hold(bytes.and_then(|bytes| bytes.parse().ok()));
    }
    saved
}

/// Calls `changed` whenever something is added to or taken from the page under `root`; stops
/// when dropped.
pub struct Watch {
    observer: MutationObserver,
    _changed: Closure<dyn Fn()>,
}

impl Watch {
    /// Watches `root`'s descendants.
    pub fn new(root: &Node, changed: impl Fn() + 'static) -> Option<Watch> {
        let changed = Closure::<dyn Fn()>::new(changed);
        let observer = MutationObserver::new(changed.as_ref().unchecked_ref()).ok()?;
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        observer.observe_with_options(root, &options).ok()?;
        Some(Watch { observer, _changed: changed })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
