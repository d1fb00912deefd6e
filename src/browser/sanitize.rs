//! Untrusted article HTML made safe to show (browser only).
//!
//! The browser's own parser reads the HTML (`DOMParser` runs no script and loads nothing), then
//! a walk copies only allow-listed elements and attributes into fresh nodes of the live
//! document. Nothing is ever serialized and parsed again, so there is no second parse for a
//! mutation-XSS payload to exploit. An HTML parser crate would cost more than the whole widget.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, DomParser, Element, Node, SupportedType};

use super::held_image;

use crate::i18n::Strings;
use crate::url::safe_absolute_url;
use crate::video::{video_embed, Video};

/// Deeper than this, only the text is kept: no legitimate article nests so deep, and the walk
/// is recursive.
const MAX_DEPTH: usize = 48;

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Elements kept as they are.
const KEPT: &[&str] = &[
    "p", "br", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "small", "mark", "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
    "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "pre", "code", "hr", "span", "abbr", "time", "del", "ins", "kbd", "samp", "var",
];

/// Elements dropped with everything inside them: they run code, load things, take input,
/// or hold text that is not meant to be read as the article.
const DROPPED: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "applet", "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist",
    "output", "svg", "math", "title", "head", "meta", "link", "base", "audio", "video", "track",
    "source", "canvas", "xmp", "plaintext", "noembed", "noframes", "dialog", "portal", "slot",
    "param", "map", "area", "fencedframe", "marquee",
];

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
    let (document, base) = (&walk.document, walk.base);
    // SVG and MathML elements (and anything a namespace trick produced) are never kept.
    if element.namespace_uri().as_deref() != Some(HTML_NAMESPACE) {
        return;
    }
    let name = element.local_name();
    if name == "iframe" {
        if let Some(video) = element.get_attribute("src").as_deref().and_then(video_embed) {
            video_placeholder(&video, to, walk);
        }
        return;
    }
    if DROPPED.contains(&name.as_str()) {
        return;
    }
    if depth >= MAX_DEPTH {
        let text = document.create_text_node(&element.text_content().unwrap_or_default());
        let _ = to.append_child(&text);
        return;
    }
    // The page already has its headline as the one h1.
    let name = if name == "h1" { "h2".to_owned() } else { name };
    if !KEPT.contains(&name.as_str()) {
        // Unknown or presentational wrappers (div, section, font, center…) give way to their
        // content, so no text is lost.
        copy_children(element, to, walk, depth + 1);
        return;
    }
    let Ok(copy) = document.create_element(&name) else { return };
    copy_attributes(element, &copy, &name, base);
    copy_children(element, &copy, walk, depth + 1);
    match walk.held {
        Some(label) if name == "img" => hold_image(copy, label, to, walk),
        _ => {
            let _ = to.append_child(&copy);
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

fn copy_attributes(from: &Element, to: &Element, name: &str, base: &str) {
    let get = |attribute: &str| from.get_attribute(attribute);
    let set = |attribute: &str, value: &str| {
        let _ = to.set_attribute(attribute, value);
    };
    if let Some(lang) = get("lang").filter(|v| is_language_tag(v)) {
        set("lang", &lang);
    }
    if let Some(dir) = get("dir").filter(|v| matches!(v.to_ascii_lowercase().as_str(), "ltr" | "rtl" | "auto")) {
        set("dir", &dir);
    }
    if let Some(title) = get("title") {
        set("title", &title);
    }
    match name {
        "a" => {
            if let Some(href) = get("href").and_then(|href| safe_absolute_url(&href, base)) {
                set("href", &href);
            }
            set("rel", "noopener noreferrer");
            set("referrerpolicy", "no-referrer");
        }
        "img" => {
            if let Some(src) = get("src").and_then(|src| safe_absolute_url(&src, base)) {
                set("src", &src);
            }
            set("alt", &get("alt").unwrap_or_default());
            for dimension in ["width", "height"] {
                if let Some(value) = get(dimension).filter(|v| is_digits(v)) {
                    set(dimension, &value);
                }
            }
            set("loading", "lazy");
            set("decoding", "async");
            set("referrerpolicy", "no-referrer");
        }
        "blockquote" | "q" | "del" | "ins" => {
            if let Some(cite) = get("cite").and_then(|cite| safe_absolute_url(&cite, base)) {
                set("cite", &cite);
            }
        }
        "ol" => {
            if let Some(start) = get("start").filter(|v| is_digits(v)) {
                set("start", &start);
            }
            if from.has_attribute("reversed") {
                set("reversed", "");
            }
        }
        "td" | "th" => {
            for span in ["colspan", "rowspan"] {
                if let Some(value) = get(span).filter(|v| is_digits(v)) {
                    set(span, &value);
                }
            }
            if let Some(scope) = get("scope").filter(|v| matches!(v.as_str(), "row" | "col" | "rowgroup" | "colgroup")) {
                set("scope", &scope);
            }
        }
        "time" => {
            if let Some(datetime) = get("datetime") {
                set("datetime", &datetime);
            }
        }
        _ => {}
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
    let (Some(figure), Some(button), Some(note), Some(link)) = (
        element("figure", "kq-video", ""),
        element("button", "kq-button kq-video-load", &(strings.video_load)(video.provider)),
        element("p", "kq-video-note", &(strings.video_note)(video.provider)),
        element("a", "", &(strings.video_open)(video.provider)),
    ) else {
        return;
    };
    let _ = button.set_attribute("type", "button");
    let _ = link.set_attribute("href", &video.page_url);
    let _ = link.set_attribute("rel", "noopener noreferrer");
    let _ = link.set_attribute("referrerpolicy", "no-referrer");
    let _ = note.append_with_str_1(" ");
    let _ = note.append_with_node_1(&link);
    let _ = figure.append_with_node_2(&button, &note);

    let frame = document.create_element("iframe").ok();
    if let Some(frame) = &frame {
        let _ = frame.set_attribute("src", &video.embed_url);
        let _ = frame.set_attribute("title", &(strings.video_title)(video.provider));
        let _ = frame.set_attribute("allow", "encrypted-media; picture-in-picture; fullscreen");
        let _ = frame.set_attribute("allowfullscreen", "");
        let _ = frame.set_attribute("referrerpolicy", "strict-origin-when-cross-origin");
        let _ = frame.set_attribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
    }
    let target = figure.clone();
    let on_click = Closure::once_into_js(move || {
        if let Some(frame) = frame {
            target.set_text_content(None);
            let _ = target.append_with_node_1(&frame);
            let _ = frame.dyn_ref::<web_sys::HtmlElement>().map(|frame| frame.focus());
        }
    });
    let _ = button.add_event_listener_with_callback("click", on_click.unchecked_ref());
    let _ = to.append_child(&figure);
}

fn is_digits(value: &str) -> bool {
    !value.is_empty() && value.len() <= 6 && value.bytes().all(|b| b.is_ascii_digit())
}

fn is_language_tag(value: &str) -> bool {
    !value.is_empty() && value.len() <= 35 && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}
