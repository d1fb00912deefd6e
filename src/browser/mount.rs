//! Finding the host elements and starting one independent widget in each (browser only).
//!
//! Each widget lives in its own shadow root: the host page's CSS cannot reach in, the
//! widget's CSS cannot leak out, and whatever fallback markup the publisher put inside the host
//! element stays visible until the widget actually starts.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRootInit, ShadowRootMode, UrlSearchParams};

use crate::components::widget::Widget;
use crate::config::{parse, LangHints};

/// The widget's stylesheet, rendered inside each shadow root.
const WIDGET_CSS: &str = include_str!("../../style/widget.css");

/// The selector of host elements.
pub const HOST_SELECTOR: &str = "[data-kiosque]";

/// Starts a widget in every host element of the page that has none yet.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else { return };
    for index in 0..hosts.length() {
        if let Some(host) = hosts.item(index).and_then(|node| node.dyn_into::<Element>().ok()) {
            mount(&host, &document);
        }
    }
}

/// Starts a widget in `host` unless one is already there.
pub fn mount(host: &Element, document: &Document) {
    if host.shadow_root().is_some() {
        return;
    }
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"));
    let page = document.document_element().and_then(|html| html.get_attribute("lang"));
    let hints = LangHints { query: query.as_deref(), page: page.as_deref() };
    let (config, problems) = parse(|name| host.get_attribute(name), hints);

    let Ok(shadow) = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) else {
        // Elements such as <a> or <img> cannot hold a shadow root; the fallback stays.
        web_sys::console::warn_1(&"Kiosque: data-kiosque must be on a <div>, <section> or <aside>.".into());
        return;
    };
    let Ok(style) = document.create_element("style") else { return };
    style.set_text_content(Some(WIDGET_CSS));
    let Ok(root) = document.create_element("div") else { return };
    root.set_class_name("kq");
    let _ = root.set_attribute("lang", config.lang.tag());
    let _ = root.set_attribute("dir", config.lang.dir());
    if shadow.append_child(&style).is_err() || shadow.append_child(&root).is_err() {
        return;
    }
    let Ok(root) = root.dyn_into::<HtmlElement>() else { return };
    leptos::mount::mount_to(root, move || view! { <Widget config problems/> }).forget();
}
