//! Untrusted article HTML made safe to show (browser only).
//!
//! The browser's own parser reads the HTML (`DOMParser` runs no script and loads nothing), then
//! a walk copies only allow-listed elements and attributes into fresh nodes of the live
//! document. Nothing is ever serialized and parsed again, so there is no second parse for a
//! mutation-XSS payload to exploit. An HTML parser crate would cost more than the whole widget.
//! The rules are in [`crate::sanitize_rules`], shared with the native walk that renders
//! articles ahead of time (`prerender::sanitize`), which must build the same nodes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, DomParser, Element, Node, SupportedType};

use super::held_image;

use crate::i18n::Strings;
use crate::sanitize_rules::{kept_attributes, treatment, Treatment, VideoPlaceholder, HTML_NAMESPACE, LINK_REL, NO_REFERRER, VIDEO_CLASS, VIDEO_LOAD_CLASS, VIDEO_NOTE_CLASS};
use crate::video::{video_embed, Video};

/// What the walk needs besides the nodes.
struct Walk<'a> {
    document: Document,
    /// Resolves relative URLs.
    base: &'a str,
    /// The widget's strings, for video placeholders.
    strings: &'static Strings,
    /// Data saver: images wait for a tap on a button that says this besides their alt text
    /// ("Image — tap to show it").
    held: Option<&'a str>,
}

/// Parses `html` and returns a safe copy, ready to append. Relative URLs in it resolve against
/// `base`, the address of the article (or of its feed); placeholders speak `strings`. With
/// `held` (data saver), each image is a button saying `held` until tapped.
pub fn sanitize(html: &str, base: &str, strings: &'static Strings, held: Option<&str>) -> Option<DocumentFragment> {
    let document = web_sys::window()?.document()?;
    let parsed = DomParser::new().ok()?.parse_from_string(html, SupportedType::TextHtml).ok()?;
    let fragment = document.create_document_fragment();
    let body = parsed.body()?;
    let walk = Walk { document, base, strings, held };
    copy_children(&body, &fragment, &walk, 0);
    Some(fragment)
}

fn copy_children(from: &Node, to: &Node, walk: &Walk<'_>, depth: usize) {
    let document = &walk.document;
    let children = from.child_nodes();
    for index in 0..children.length() {
        let Some(child) = children.item(index) else { continue };
        match child.node_type() {
            Node::TEXT_NODE => {
                let text = document.create_text_node(&child.node_value().unwrap_or_default());
                let _ = to.append_child(&text);
            }
            Node::ELEMENT_NODE => {
                if let Some(element) = child.dyn_ref::<Element>() {
                    copy_element(element, to, walk, depth);
                }
            }
            // Comments, processing instructions and CDATA carry nothing a reader needs.
            _ => {}
        }
    }
}

fn copy_element(element: &Element, to: &Node, walk: &Walk<'_>, depth: usize) {
    let document = &walk.document;
    // SVG and MathML elements (and anything a namespace trick produced) are never kept.
    if element.namespace_uri().as_deref() != Some(HTML_NAMESPACE) {
        return;
    }
    match treatment(&element.local_name(), depth) {
        Treatment::Video => {
            if let Some(video) = element.get_attribute("src").as_deref().and_then(video_embed) {
                video_placeholder(&video, to, walk);
            }
        }
        Treatment::Drop => {}
        Treatment::Text => {
            let text = document.create_text_node(&element.text_content().unwrap_or_default());
            let _ = to.append_child(&text);
        }
        Treatment::Unwrap => copy_children(element, to, walk, depth + 1),
        Treatment::Keep(name) => {
            let Ok(copy) = document.create_element(name) else { return };
            kept_attributes(name, |attribute| element.get_attribute(attribute), walk.base, |attribute, value| {
                let _ = copy.set_attribute(attribute, value);
            });
            copy_children(element, &copy, walk, depth + 1);
            match walk.held {
                Some(label) if name == "img" => hold_image(copy, label, to, walk),
                _ => {
                    let _ = to.append_child(&copy);
                }
            }
        }
    }
}

/// Puts a button in the place of `image` (a safe copy); the image gets its address back, and
/// takes the button's place, only when the reader taps it: an image without `src` downloads
/// nothing.
fn hold_image(image: Element, label: &str, to: &Node, walk: &Walk<'_>) {
    let src = image.get_attribute("src");
    let _ = image.remove_attribute("src");
    if let Some(button) = held_image::hold(&walk.document, image, src, None, label) {
        let _ = to.append_child(&button);
    }
}

/// A video from an allowed host, as a button that loads it: no request to the host before the
/// reader asks, and a plain link for readers who would rather watch it there.
fn video_placeholder(video: &Video, to: &Node, walk: &Walk<'_>) {
    let document = &walk.document;
    let strings = walk.strings;
    let element = |name: &str, class: &str, text: &str| {
        let element = document.create_element(name).ok()?;
        element.set_class_name(class);
        element.set_text_content(Some(text));
        Some(element)
    };
    let texts = VideoPlaceholder::new(video, strings);
    let (Some(placeholder), Some(button), Some(note), Some(link)) = (
        element("span", VIDEO_CLASS, ""),
        element("button", VIDEO_LOAD_CLASS, &texts.load),
        element("span", VIDEO_NOTE_CLASS, &texts.note),
        element("a", "", &texts.open),
    ) else {
        return;
    };
    let _ = button.set_attribute("type", "button");
    let _ = link.set_attribute("href", texts.href);
    let _ = link.set_attribute("rel", LINK_REL);
    let _ = link.set_attribute("referrerpolicy", NO_REFERRER);
    let _ = note.append_with_str_1(" ");
    let _ = note.append_with_node_1(&link);
    let _ = placeholder.append_with_node_2(&button, &note);

    let frame = document.create_element("iframe").ok();
    if let Some(frame) = &frame {
        let _ = frame.set_attribute("src", &video.embed_url);
        let _ = frame.set_attribute("title", &(strings.video_title)(video.provider));
        let _ = frame.set_attribute("allow", "encrypted-media; picture-in-picture; fullscreen");
        let _ = frame.set_attribute("allowfullscreen", "");
        let _ = frame.set_attribute("referrerpolicy", "strict-origin-when-cross-origin");
        let _ = frame.set_attribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
    }
    let target = placeholder.clone();
    let on_click = Closure::once_into_js(move || {
        if let Some(frame) = frame {
            target.set_text_content(None);
            let _ = target.append_with_node_1(&frame);
            let _ = frame.dyn_ref::<web_sys::HtmlElement>().map(|frame| frame.focus());
        }
    });
    let _ = button.add_event_listener_with_callback("click", on_click.unchecked_ref());
    let _ = to.append_child(&placeholder);
}
