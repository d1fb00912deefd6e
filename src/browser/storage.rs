//! A few values remembered on the reader's device (never cookies). Storage can be missing or
//! refused (private modes, sandboxed frames): then nothing is remembered, silently.

/// The prefix of every key Kiosque writes, so the host can tell them apart.
const PREFIX: &str = "kiosque:";

fn storage() -> Option<web_sys::Storage> {
    // Rendered natively (ahead of time), there is no reader's device.
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value remembered under `key`.
pub fn recall(key: &str) -> Option<String> {
    storage()?.get_item(&format!("{PREFIX}{key}")).ok().flatten()
}

/// Remembers `value` under `key`.
pub fn remember(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&format!("{PREFIX}{key}"), value);
    }
}

/// Forgets the value under `key`.
pub fn forget(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&format!("{PREFIX}{key}"));
    }
}
