//! The article's text size, chosen by the reader with A− / A+ and remembered for the site.

/// A step of the article's text size; the default is the publisher's size (100 %).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSize(usize);

/// The sizes a reader can choose, in percent of the publisher's size.
const STEPS: [u16; 7] = [90, 100, 115, 130, 150, 175, 200];

/// Where 100 % is in [`STEPS`].
const DEFAULT_STEP: usize = 1;

impl Default for TextSize {
    fn default() -> Self {
        TextSize(DEFAULT_STEP)
    }
}

impl TextSize {
    /// The size in percent of the publisher's.
    pub fn percent(self) -> u16 {
        STEPS[self.0]
    }

    /// The next larger size, if any.
    pub fn larger(self) -> Option<TextSize> {
        (self.0 + 1 < STEPS.len()).then(|| TextSize(self.0 + 1))
    }

    /// The next smaller size, if any.
    pub fn smaller(self) -> Option<TextSize> {
        self.0.checked_sub(1).map(TextSize)
    }

    /// Reads a remembered size (its percent, as [`TextSize::stored`] wrote it); anything else,
    /// written by an older version or by hand, is the default.
    pub fn from_stored(value: &str) -> TextSize {
        let percent: Option<u16> = value.trim().parse().ok();
        STEPS.iter().position(|step| Some(*step) == percent).map(TextSize).unwrap_or_default()
    }

    /// What is remembered for this size.
    pub fn stored(self) -> String {
        self.percent().to_string()
    }

    /// The factor the stylesheet multiplies the article's text by (`--kq-text-scale`).
    pub fn scale(self) -> String {
        // Integers only: formatting a float would bring its formatting code into the wasm.
        let percent = self.percent();
        match percent % 100 {
            0 => format!("{}", percent / 100),
            tenths if tenths % 10 == 0 => format!("{}.{}", percent / 100, tenths / 10),
            hundredths => format!("{}.{hundredths:02}", percent / 100),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_from_90_to_200_percent_and_stop_there() {
        let mut size = TextSize::default();
        assert_eq!(size.percent(), 100);
        let mut seen = vec![size.percent()];
        while let Some(larger) = size.larger() {
            size = larger;
            seen.push(size.percent());
        }
        assert_eq!(seen, [100, 115, 130, 150, 175, 200]);
        assert_eq!(size.scale(), "2");
        let smallest = TextSize::default().smaller().unwrap();
        assert_eq!((smallest.percent(), smallest.smaller(), smallest.scale().as_str()), (90, None, "0.9"));
        assert_eq!(TextSize::from_stored("130").scale(), "1.3");
        assert_eq!(TextSize::from_stored("115").scale(), "1.15");
        assert_eq!(TextSize::from_stored("175").scale(), "1.75");
        assert_eq!(TextSize::default().scale(), "1");
    }

    #[test]
    fn remembered_sizes_read_back_and_anything_else_is_the_default() {
        for step in 0..STEPS.len() {
            let size = TextSize(step);
            assert_eq!(TextSize::from_stored(&size.stored()), size);
        }
        for junk in ["", "abc", "120", "-1", "99999999999999999999", "200%", "NaN"] {
            assert_eq!(TextSize::from_stored(junk), TextSize::default(), "{junk:?}");
        }
        assert_eq!(TextSize::from_stored(" 150 ").percent(), 150);
    }
}
