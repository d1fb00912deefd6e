//! Kiosque: a news-article widget.
//!
//! Plain Rust that any test can call: [`model`], [`sources`], [`dates`], [`i18n`], [`text`],
//! [`url`], [`video`], [`config`], [`share`], [`popular`], [`icons`], [`css`], [`images`],
//! [`reading`]. Browser-only: [`browser`] and the views in
//! [`components`].

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
pub mod share;
pub mod sources;
pub mod text;
pub mod url;
pub mod video;

/// Starts a widget in every `[data-kiosque]` element of the page.
pub fn start() {
    browser::mount::mount_all();
}
