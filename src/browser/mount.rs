//! Finding the host elements and starting one independent widget in each (browser only).
//!
//! Each widget lives in its own shadow root: the host page's CSS cannot reach in, the
//! widget's CSS cannot leak out, and whatever fallback markup the publisher put inside the host
//! element stays visible until the widget actually starts.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlElement, MutationObserver, MutationObserverInit, MutationRecord, ShadowRootInit,
    ShadowRootMode, UrlSearchParams,
};

use super::takeover;
use crate::components::widget::Widget;
use crate::config::{parse, LangHints};

/// The stylesheet every widget needs (style/base.css, minified by build.rs), rendered inside
/// each shadow root; each part brings its own with its code.
pub const BASE_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/base.css"));

/// The selector of host elements.
pub const HOST_SELECTOR: &str = "[data-kiosque]";

thread_local! {
    /// The running widgets, by host element; dropping a handle stops its widget.
    static MOUNTED: RefCell<Vec<(Element, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
}

/// Starts a widget in every host element of the page, then in every one added later (a CMS's
/// infinite scroll), and stops those whose host leaves the page.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = document.document_element() {
        mount_within(&root, &document);
        watch(&root);
    }
}

/// Mounts `element` if it is a host, and every host inside it.
fn mount_within(element: &Element, document: &Document) {
    if element.matches(HOST_SELECTOR).unwrap_or(false) {
        mount(element, document);
    }
    let Ok(hosts) = element.query_selector_all(HOST_SELECTOR) else { return };
    for index in 0..hosts.length() {
        if let Some(host) = hosts.item(index).and_then(|node| node.dyn_into::<Element>().ok()) {
            mount(&host, document);
        }
    }
}

fn watch(root: &Element) {
    let on_change = Closure::<dyn Fn(js_sys::Array)>::new(|records: js_sys::Array| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let mut removed = false;
        for record in records.iter().filter_map(|r| r.dyn_into::<MutationRecord>().ok()) {
            let added = record.added_nodes();
            for index in 0..added.length() {
                if let Some(element) = added.item(index).and_then(|node| node.dyn_into::<Element>().ok()) {
                    mount_within(&element, &document);
                }
            }
            removed |= record.removed_nodes().length() > 0;
        }
        if removed {
            stop_removed();
        }
    });
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else { return };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    let _ = observer.observe_with_options(root, &options);
    // Watches for the life of the page.
    on_change.forget();
}

/// Stops the widgets whose host element left the page: their requests are aborted and their
/// memory freed.
pub fn stop_removed() {
    MOUNTED.with(|mounted| mounted.borrow_mut().retain(|(host, _)| host.is_connected()));
}

/// Starts a widget in `host` unless one is already running there.
pub fn mount(host: &Element, document: &Document) {
    if MOUNTED.with(|mounted| mounted.borrow().iter().any(|(running, _)| running == host)) {
        return;
    }
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"));
    let page = document.document_element().and_then(|html| html.get_attribute("lang"));
    let hints = LangHints { query: query.as_deref(), page: page.as_deref() };
    let (config, problems) = parse(|name| host.get_attribute(name), hints);

    // The article rendered ahead of time, in a declarative shadow root: it stays on screen
    // while the widget renders out of sight, and is then taken over.
    let prerendered = host.shadow_root().filter(|shadow| takeover::prerendered_root(shadow).is_some());
    let shadow = match host.shadow_root() {
        Some(shadow) if prerendered.is_some() => shadow,
        // Its widget stopped when the host left the page, and the host is back: start afresh.
        Some(shadow) => {
            shadow.replace_children_with_node_0();
            shadow
        }
        None => match host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
            Ok(shadow) => shadow,
            Err(_) => {
                // Elements such as <a> or <img> cannot hold a shadow root; the fallback stays.
                web_sys::console::warn_1(&"Kiosque: data-kiosque must be on a <div>, <section> or <aside>.".into());
                return;
            }
        },
    };
    let Ok(style) = document.create_element("style") else { return };
    style.set_text_content(Some(BASE_CSS));
    let Ok(root) = document.create_element("div") else { return };
    root.set_class_name("kq");
    let _ = root.set_attribute("lang", config.lang.tag());
    let _ = root.set_attribute("dir", config.lang.dir());
    let _ = root.set_attribute("data-part", config.part.name());
    if let Some(theme) = config.theme.attribute(&host_color_schemes(document)) {
        let _ = root.set_attribute("data-theme", theme);
    }
    if prerendered.is_none() && (shadow.append_child(&style).is_err() || shadow.append_child(&root).is_err()) {
        return;
    }
    let Ok(root) = root.dyn_into::<HtmlElement>() else { return };
    if prerendered.is_some() {
        takeover::hand_over(&shadow, &style, &root);
    }
    let handle = leptos::mount::mount_to(root, move || view! { <Widget config problems/> });
    MOUNTED.with(|mounted| mounted.borrow_mut().push((host.clone(), Box::new(handle))));
}

/// The colour schemes the host page declares: its `<meta name="color-scheme">`, and its root
/// element's `color-scheme` style.
fn host_color_schemes(document: &Document) -> String {
    let meta = document
        .query_selector(r#"meta[name="color-scheme"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    let style = document
        .document_element()
        .and_then(|root| web_sys::window()?.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("color-scheme").ok())
        .unwrap_or_default();
    format!("{meta} {style}")
}
