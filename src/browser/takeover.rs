//! Taking over an article rendered ahead of time (browser only). The host already shows the
//! article in a declarative shadow root; the widget renders the same page out of sight, and
//! once everything in it has arrived, puts it in place in one step, keeping the reader's
//! focus, selection and scroll. The reader sees no change, then the page answers clicks.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MutationObserver, MutationObserverInit, Node, ShadowRoot};

/// The attribute that marks a widget's root as rendered ahead of time.
pub const PRERENDERED: &str = "data-prerendered";

/// The attribute a part's holder gets once its code has arrived (components/deferred.rs).
pub const READY: &str = "data-ready";

/// The attribute the widget's root gets once it took over: `same` when what it rendered was
/// the markup already shown (everything but the reading tools), `changed` otherwise.
pub const TAKEN_OVER: &str = "data-takeover";

/// Holders of parts: not elements of the page as far as comparing and finding places go, as
/// the parts render inside them in the browser and are written in place ahead of time.
const HOLDER: &str = "kq-deferred";

/// What differs by nature: the reading tools work only with a script, so ahead of time only
/// their place is kept.
const OWN_TO_THE_BROWSER: [&str; 2] = ["kq-tools", "kq-saved"];

/// The widget's root rendered ahead of time in `shadow`, if there is one.
pub fn prerendered_root(shadow: &ShadowRoot) -> Option<Element> {
    shadow.query_selector(&format!(".kq[{PRERENDERED}]")).ok().flatten()
}

/// Puts `style` and `root` (rendered out of sight) in the place of what `shadow` holds, once
/// `root` shows the article and every part of it has arrived. A widget that cannot show the
/// article (an error) leaves the pre-rendered one in place.
pub fn take_over_when_ready(shadow: ShadowRoot, style: Element, root: Element) {
    let done = Rc::new(Cell::new(false));
    let parts = prerendered_root(&shadow).map_or(0, |before| holders(&before));
    let try_now = {
        let (shadow, style, root, done) = (shadow.clone(), style.clone(), root.clone(), done.clone());
        move || {
            if done.get() || !ready(&root, parts) {
                return;
            }
            done.set(true);
            swap(&shadow, &style, &root);
        }
    };
    try_now();
    if done.get() {
        return;
    }
    let observer_slot: Rc<Cell<Option<MutationObserver>>> = Rc::new(Cell::new(None));
    let slot = observer_slot.clone();
    let on_change = Closure::<dyn Fn()>::new(move || {
        try_now();
        if done.get()
            && let Some(observer) = slot.take()
        {
            observer.disconnect();
        }
    });
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else { return };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_attributes(true);
    options.set_attribute_filter(&js_sys::Array::of1(&READY.into()));
    let _ = observer.observe_with_options(&root, &options);
    observer_slot.set(Some(observer));
    // Lives until the swap; one per widget taken over.
    on_change.forget();
}

/// The article is there, with at least the `parts` written ahead of time (the parts after the
/// article are asked for only after its first frame), and every part's code has arrived.
fn ready(root: &Element, parts: u32) -> bool {
    let has_article = root.query_selector("article.kq-article").ok().flatten().is_some();
    let waiting = root.query_selector(&format!(".{HOLDER}:not([{READY}])")).ok().flatten().is_some();
    has_article && !waiting && holders(root) >= parts
}

fn holders(root: &Element) -> u32 {
    root.query_selector_all(&format!(".{HOLDER}")).map_or(0, |all| all.length())
}

fn swap(shadow: &ShadowRoot, style: &Element, root: &Element) {
    let Some(before) = prerendered_root(shadow) else { return };
    let same = canonical(&before) == canonical(root);
    let _ = root.set_attribute(TAKEN_OVER, if same { "same" } else { "changed" });
    let focus = shadow.active_element().and_then(|focused| path_to(&before, &focused));
    let selection = selected_range(shadow).and_then(|range| range.within(&before));
    let window = web_sys::window();
    let scroll = window.as_ref().map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)));
    shadow.replace_children_with_node_2(style, root);
    if let Some(target) = focus.and_then(|path| element_at(root, &path)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = target.focus_with_options(&options);
    }
    if let Some(selection) = selection {
        selection.restore(root);
    }
    if let (Some(window), Some((x, y))) = (window, scroll)
        && (window.scroll_x().unwrap_or(x) != x || window.scroll_y().unwrap_or(y) != y)
    {
        window.scroll_to_with_x_and_y(x, y);
    }
}

/// The element children of `element` as the page shows them: part holders give way to their
/// content.
fn children(element: &Element) -> Vec<Element> {
    let mut list = Vec::new();
    let all = element.children();
    for index in 0..all.length() {
        let Some(child) = all.item(index) else { continue };
        // Each part brings its stylesheet: not a place a reader can be.
        if child.local_name() == "style" {
            continue;
        }
        if child.class_list().contains(HOLDER) {
            list.extend(children(&child));
        } else {
            list.push(child);
        }
    }
    list
}

fn own_to_the_browser(element: &Element) -> bool {
    OWN_TO_THE_BROWSER.iter().any(|class| element.class_list().contains(class))
}

/// `element`'s content written so that two renderings of the same page read the same:
/// attributes sorted, adjacent texts joined, comments and part holders left out.
fn canonical(element: &Element) -> String {
    let mut out = String::new();
    write_children(element, &mut out);
    out
}

fn write_children(element: &Element, out: &mut String) {
    let nodes = element.child_nodes();
    let mut text = String::new();
    for index in 0..nodes.length() {
        let Some(node) = nodes.item(index) else { continue };
        match node.node_type() {
            Node::TEXT_NODE => text.push_str(&node.node_value().unwrap_or_default()),
            Node::ELEMENT_NODE => {
                let Ok(child) = node.dyn_into::<Element>() else { continue };
                if child.class_list().contains(HOLDER) {
                    // Its content is part of the text around it.
                    let mut inner = String::new();
                    write_children(&child, &mut inner);
                    flush(&mut text, out);
                    out.push_str(&inner);
                    continue;
                }
                flush(&mut text, out);
                write_element(&child, out);
            }
            _ => {}
        }
    }
    flush(&mut text, out);
}

fn flush(text: &mut String, out: &mut String) {
    // Written ahead of time, an empty text is a space (so that it exists as a node).
    if text == " " {
        text.clear();
    }
    if !text.is_empty() {
        out.push('"');
        out.push_str(text);
        out.push('"');
        text.clear();
    }
}

fn write_element(element: &Element, out: &mut String) {
    // Stylesheets show nothing, and each part brings its own.
    if element.local_name() == "style" {
        return;
    }
    if own_to_the_browser(element) {
        out.push_str("<browser-only/>");
        return;
    }
    out.push('<');
    out.push_str(&element.local_name());
    let mut attributes: Vec<(String, String)> = Vec::new();
    let all = element.attributes();
    for index in 0..all.length() {
        if let Some(attribute) = all.item(index) {
            let (name, mut value) = (attribute.name(), attribute.value());
            // A link written relative ahead of time leads where the widget's absolute one does.
            if matches!(name.as_str(), "href" | "src")
                && let Ok(url) = web_sys::Url::new_with_base(&value, &element.base_uri().ok().flatten().unwrap_or_default())
            {
                value = url.href();
            }
            attributes.push((name, value));
        }
    }
    attributes.sort();
    for (name, value) in attributes {
        out.push(' ');
        out.push_str(&name);
        out.push_str("=\"");
        out.push_str(&value);
        out.push('"');
    }
    out.push('>');
    write_children(element, out);
    out.push_str("</>");
}

/// Where `target` is under `root`, as positions among [`children`] at each level.
fn path_to(root: &Element, target: &Element) -> Option<Vec<usize>> {
    let mut path = Vec::new();
    let mut current = target.clone();
    while &current != root {
        let mut parent = current.parent_element()?;
        while parent.class_list().contains(HOLDER) {
            parent = parent.parent_element()?;
        }
        path.push(children(&parent).iter().position(|child| child == &current)?);
        current = parent;
    }
    path.reverse();
    Some(path)
}

fn element_at(root: &Element, path: &[usize]) -> Option<Element> {
    let mut current = root.clone();
    for &index in path {
        current = children(&current).into_iter().nth(index)?;
    }
    Some(current)
}

/// A point of a selection: the element holding it and how many characters of that element's
/// text come before it.
struct Point {
    element: Vec<usize>,
    offset: usize,
}

/// What the reader had selected, as places under the pre-rendered root.
struct Selected {
    start: Point,
    end: Point,
}

/// A selection as the browser gives it: nodes and offsets.
struct RawRange {
    start: (Node, u32),
    end: (Node, u32),
}

impl RawRange {
    fn within(&self, root: &Element) -> Option<Selected> {
        Some(Selected { start: point(root, &self.start.0, self.start.1)?, end: point(root, &self.end.0, self.end.1)? })
    }
}

/// The reader's selection inside `shadow`: `getComposedRanges` where the browser has it (the
/// standard way to see into a shadow root), else Chromium's `shadowRoot.getSelection()`, else
/// the document's.
fn selected_range(shadow: &ShadowRoot) -> Option<RawRange> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok().flatten()?;
    if selection.is_collapsed() {
        return None;
    }
    let get = |object: &JsValue, name: &str| js_sys::Reflect::get(object, &name.into()).ok();
    let call = |object: &JsValue, name: &str, argument: &JsValue| {
        let function = get(object, name)?.dyn_into::<js_sys::Function>().ok()?;
        function.call1(object, argument).ok()
    };
    let as_point = |range: &JsValue, which: &str| -> Option<(Node, u32)> {
        let node = get(range, &format!("{which}Container"))?.dyn_into::<Node>().ok()?;
        let offset = get(range, &format!("{which}Offset"))?.as_f64()? as u32;
        Some((node, offset))
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"shadowRoots".into(), &js_sys::Array::of1(shadow));
    let range = call(&selection, "getComposedRanges", &options)
        .and_then(|ranges| ranges.dyn_into::<js_sys::Array>().ok())
        .map(|ranges| ranges.get(0))
        .filter(|range| !range.is_undefined())
        .or_else(|| {
            let own = call(shadow, "getSelection", &JsValue::UNDEFINED)?;
            call(&own, "getRangeAt", &0.into())
        })
        .or_else(|| selection.get_range_at(0).ok().map(JsValue::from))?;
    Some(RawRange { start: as_point(&range, "start")?, end: as_point(&range, "end")? })
}

/// `node` and `offset` (a DOM position) as the element holding them and a text offset in it.
fn point(root: &Element, node: &Node, offset: u32) -> Option<Point> {
    let (element, text_before) = match node.node_type() {
        Node::TEXT_NODE => {
            let parent = node.parent_element()?;
            (parent.clone(), text_before(&parent, node) + offset as usize)
        }
        _ => {
            let element = node.clone().dyn_into::<Element>().ok()?;
            let child = element.child_nodes().item(offset);
            let before = match child {
                Some(child) => text_before(&element, &child),
                None => element.text_content().unwrap_or_default().encode_utf16().count(),
            };
            (element, before)
        }
    };
    Some(Point { element: path_to(root, &element)?, offset: text_before })
}

/// How many UTF-16 units of `element`'s text come before `node`, one of its descendants.
fn text_before(element: &Element, node: &Node) -> usize {
    let mut count = 0;
    walk_texts(element, &mut |text| {
        let position = node.compare_document_position(text);
        if position & Node::DOCUMENT_POSITION_PRECEDING != 0 && position & Node::DOCUMENT_POSITION_CONTAINS == 0 {
            count += text.node_value().unwrap_or_default().encode_utf16().count();
        }
    });
    count
}

fn walk_texts(node: &Node, visit: &mut dyn FnMut(&Node)) {
    let children = node.child_nodes();
    for index in 0..children.length() {
        let Some(child) = children.item(index) else { continue };
        if child.node_type() == Node::TEXT_NODE {
            visit(&child);
        } else {
            walk_texts(&child, visit);
        }
    }
}

/// The text node and offset `offset` characters into `element`'s text.
fn text_at(element: &Element, offset: usize) -> Option<(Node, u32)> {
    let mut left = offset;
    let mut found = None;
    walk_texts(element, &mut |text| {
        if found.is_some() {
            return;
        }
        let length = text.node_value().unwrap_or_default().encode_utf16().count();
        if left <= length {
            found = Some((text.clone(), left as u32));
        } else {
            left -= length;
        }
    });
    found
}

impl Selected {
    fn restore(&self, root: &Element) {
        let place = |point: &Point| element_at(root, &point.element).and_then(|element| text_at(&element, point.offset));
        let (Some(start), Some(end)) = (place(&self.start), place(&self.end)) else { return };
        let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else { return };
        let _ = selection.set_base_and_extent(&start.0, start.1, &end.0, end.1);
    }
}
