//! Kiosque: a news-article widget.
//!
//! Plain Rust that any test can call: [`model`], [`sources`], [`dates`], [`i18n`], [`text`],
//! [`url`], [`config`], [`icons`]. Browser-only: [`fetch`], [`sanitize`], [`mount`] and the
//! views in [`components`].

pub mod config;
pub mod dates;
pub mod i18n;
pub mod icons;
pub mod model;
pub mod sources;
pub mod text;
pub mod url;

