//! Kiosque: a news-article widget.
//!
//! Plain Rust that any test can call: [`model`], [`sources`], [`dates`], [`i18n`], [`text`],
//! [`url`], [`config`], [`icons`]. Browser-only: [`fetch`], [`sanitize`], [`mount`] and the
//! views in [`components`].

pub mod components;
pub mod config;
pub mod dates;
pub mod fetch;
pub mod i18n;
pub mod icons;
pub mod model;
pub mod mount;
pub mod sanitize;
pub mod sources;
pub mod text;
pub mod url;

/// Starts a widget in every `[data-kiosque]` element of the page.
pub fn start() {
    mount::mount_all();
}
