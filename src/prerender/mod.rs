//! Articles rendered ahead of time, natively: the same components as the widget, written as
//! HTML (the `kiosque-prerender` command). Never part of the wasm.

pub mod fragment;
pub mod head;
pub mod sanitize;
pub mod site;
pub mod stream;
