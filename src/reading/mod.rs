//! What lets readers read on their own terms: saving data, a larger text, listening instead of
//! reading. Pure: the browser's side is in `browser::data_saver` and `browser::speech`, the
//! controls in `components::reader_tools`.

pub mod data_saver;
pub mod listen;
pub mod text_size;

/// Which reading tools the publisher offers: each on unless turned off with `data-listen`,
/// `data-text-size` or `data-data-saver` set to `false`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingOptions {
    /// The article can be read aloud.
    pub listen: bool,
    /// The reader can make the article's text larger or smaller.
    pub text_size: bool,
    /// Images can wait for a tap, by the reader's choice or the browser's.
    pub data_saver: bool,
}

impl Default for ReadingOptions {
    fn default() -> Self {
        ReadingOptions { listen: true, text_size: true, data_saver: true }
    }
}

impl ReadingOptions {
    /// Whether any tool is offered at all (else the article has no tool bar).
    pub fn any(self) -> bool {
        self.listen || self.text_size || self.data_saver
    }
}
