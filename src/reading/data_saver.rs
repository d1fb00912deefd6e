//! Data saver: images wait for a tap, list thumbnails are left out, and the reader can see
//! what that saved. On when the reader's browser asks to save data, unless the reader chose
//! otherwise in the widget; the reader's choice is remembered for the site.

/// Whether images wait for a tap: never where the publisher turned data saver off
/// (`allowed`), else as the reader chose in the widget (`stored`: "on" or "off"), else as the
/// browser asks (`browser_asks`: `navigator.connection.saveData`, `prefers-reduced-data`).
pub fn saving_data(allowed: bool, stored: Option<&str>, browser_asks: bool) -> bool {
    allowed
        && match stored.map(str::trim) {
            Some("on") => true,
            Some("off") => false,
            _ => browser_asks,
        }
}

/// What is remembered for the reader's choice.
pub fn stored_choice(on: bool) -> &'static str {
    if on { "on" } else { "off" }
}

/// What data saver keeps from being downloaded on a page (counted from the page itself).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// Images not downloaded.
    pub images: u32,
    /// The bytes of those whose size the feed gave.
    pub bytes: u64,
}

impl Saved {
    /// One more image held back, of `bytes` when known.
    pub fn hold(&mut self, bytes: Option<u64>) {
        self.images = self.images.saturating_add(1);
        self.bytes = self.bytes.saturating_add(bytes.unwrap_or(0));
    }
}

/// `bytes` in whole kilobytes (1 KB = 1000 B) for a reader: rounded, at least 1.
pub fn kilobytes(bytes: u64) -> u64 {
    bytes.div_ceil(1000).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_publisher_then_the_reader_then_the_browser_decide() {
        assert!(!saving_data(false, Some("on"), true));
        assert!(saving_data(true, Some("on"), false));
        assert!(!saving_data(true, Some("off"), true));
        assert!(saving_data(true, None, true));
        assert!(!saving_data(true, None, false));
        // Something else in storage is no choice at all.
        assert!(saving_data(true, Some("yes please"), true));
        assert!(!saving_data(true, Some(""), false));
        assert!(saving_data(true, Some(stored_choice(true)), false));
        assert!(!saving_data(true, Some(stored_choice(false)), true));
    }

    #[test]
    fn saved_counts_images_and_known_bytes() {
        let mut saved = Saved::default();
        saved.hold(Some(84_000));
        saved.hold(None);
        assert_eq!(saved, Saved { images: 2, bytes: 84_000 });
    }

    #[test]
    fn kilobytes_round_up_and_never_say_zero() {
        assert_eq!([0, 1, 999, 1000, 1001, 84_300].map(kilobytes), [1, 1, 1, 1, 2, 85]);
        assert_eq!(kilobytes(u64::MAX), u64::MAX / 1000 + 1);
    }
}
