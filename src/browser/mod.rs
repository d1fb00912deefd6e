//! Code that only runs in a browser: requests, the HTML sanitizer, mounting, and the few
//! browser APIs share buttons need. Everything here is a thin wrapper; decisions are made in
//! the pure modules.

pub mod clipboard;
pub mod events;
pub mod fetch;
pub mod mount;
pub mod popup;
pub mod sanitize;
pub mod share_sheet;
pub mod storage;
