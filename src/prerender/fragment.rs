//! The article part of the widget as HTML, written by the widget's own components: what a
//! host element holds before the wasm arrives, inside a declarative shadow root.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use crate::browser::mount::BASE_CSS;
use crate::browser::takeover::PRERENDERED;
use crate::components::{article_page, PartData};
use crate::config::Config;
use crate::model::{Article, Feed};

/// The shadow root's content for `article` of `feed`, as the widget configured by `config`
/// renders it once everything has arrived; `host_schemes` is the host page's `color-scheme`.
pub fn article_markup(feed: Arc<Feed>, article: Article, config: Arc<Config>, host_schemes: &str) -> String {
    let lang = config.lang;
    let theme = config.theme.attribute(host_schemes);
    let owner = Owner::new();
    let inner = owner.with(|| {
        provide_context(lang);
        // How the lists link, as the widget's navigation would.
        provide_context(config.links);
        let data = PartData { feed: Some(feed), article: Some(article), config, focus: false };
        // As the widget renders it (components/widget.rs): the empty status line, then the part.
        view! { <p class="kq-visually-hidden" role="status"></p> {article_page::render(data)} }.to_html()
    });
    let theme = theme.map(|theme| format!(r#" data-theme="{theme}""#)).unwrap_or_default();
    format!(
        r#"<style>{BASE_CSS}</style><div class="kq" lang="{}" dir="{}" data-part="article"{theme} {PRERENDERED}="">{}</div>"#,
        lang.tag(),
        lang.dir(),
        strip_markers(&inner)
    )
}

/// `markup` in a declarative shadow root: the browser attaches it while parsing, so the
/// article shows, styled and out of the host's CSS, before any script.
pub fn shadow_root(markup: &str) -> String {
    format!(r#"<template shadowrootmode="open">{markup}</template>"#)
}

/// Leptos marks where reactive content starts and ends (`<!>`, `<!--…-->`) for hydration; a
/// widget that takes over by comparison does not need them, and a reader's HTML is smaller
/// without.
fn strip_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!") {
        // Not a marker: a doctype never appears inside the widget, but keep anything else.
        let after = &rest[start..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|end| end + 3)
        } else if after.starts_with("<!>") {
            Some(3)
        } else {
            None
        };
        match end {
            Some(end) => {
                out.push_str(&rest[..start]);
                rest = &rest[start + end..];
            }
            None => {
                out.push_str(&rest[..start + 2]);
                rest = &rest[start + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_go_and_text_stays() {
        assert_eq!(strip_markers("<p>a<!>b<!---->c</p><!--hk=1--><b>x</b>"), "<p>abc</p><b>x</b>");
        assert_eq!(strip_markers("<p>a &lt;!-- b</p>"), "<p>a &lt;!-- b</p>");
    }
}
