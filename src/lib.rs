//! Kiosque: a news-article widget.
//!
//! Plain Rust that any test can call: [`model`], [`sources`], [`dates`], [`i18n`], [`text`],
//! [`url`], [`video`], [`config`], [`share`], [`popular`], [`icons`], [`css`], [`images`],
//! [`reading`], [`sanitize_rules`]. Browser-only: [`browser`] and the views in
//! [`components`].

// Native rendering (ssr) computes the layout of whole pages of views as one type.
#![recursion_limit = "256"]

pub mod browser;
pub mod components;
pub mod config;
pub mod css;
pub mod dates;
pub mod i18n;
pub mod icons;
pub mod images;
pub mod model;
pub mod on_use;
pub mod popular;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod reading;
pub mod sanitize_rules;
pub mod share;
pub mod sources;
pub mod text;
pub mod url;
pub mod video;

/// Starts a widget in every `[data-kiosque]` element of the page.
pub fn start() {
    browser::mount::mount_all();
}
