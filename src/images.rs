//! Choosing which file of a picture a reader downloads: `srcset` from the widths a source
//! offers, and the smallest file that fills a given width.

use crate::model::{Image, ImageSource};

/// The widths the lead image is shown at (`sizes`): the main column on wide screens (44em, see
/// style/base.css), the screen's width on phones.
pub const LEAD_IMAGE_SIZES: &str = "(min-width: 48em) 44em, 100vw";

/// The `srcset` of `image`: each width it exists in, narrowest first; `None` when there is
/// only one (the plain `src` says it all).
pub fn srcset(image: &Image) -> Option<String> {
    let candidates = candidates(image);
    (candidates.len() > 1).then(|| {
        candidates.iter().map(|source| format!("{} {}w", source.src, source.width)).collect::<Vec<_>>().join(", ")
    })
}

/// The address of the narrowest file of `image` at least `width` pixels wide (the widest when
/// none is), else its plain `src`.
pub fn fitting_source(image: &Image, width: u32) -> &str {
    let candidates = candidates(image);
    candidates
        .iter()
        .find(|source| source.width >= width)
        .or(candidates.last())
        .map_or(image.src.as_str(), |source| source.src)
}

/// The widths a source offers for one picture, as read from it: safe addresses only (the
/// reader checked them), sorted by width, one file per width; a `srcset` cannot hold an
/// address with white space or a comma at its ends.
pub fn sorted_sources(sources: Vec<ImageSource>) -> Vec<ImageSource> {
    let mut sorted: Vec<ImageSource> = Vec::with_capacity(sources.len());
    for source in sources {
        if source.width > 0 && fits_srcset(&source.src) {
            insert_by_width(&mut sorted, source.width, source, |source| source.width);
        }
    }
    sorted
}

/// Whether `src` can stand in a `srcset`: no white space in it, no comma at its ends.
fn fits_srcset(src: &str) -> bool {
    !src.contains(char::is_whitespace) && !src.starts_with(',') && !src.ends_with(',')
}

/// Inserts `item` of `width` where `list` (narrowest first) keeps its order, unless an item of
/// that width is there already. By hand: a handful of sizes, and a sort would bring its own
/// code into the wasm for each type.
fn insert_by_width<T>(list: &mut Vec<T>, width: u32, item: T, width_of: impl Fn(&T) -> u32) {
    let at = list.iter().position(|other| width_of(other) >= width).unwrap_or(list.len());
    if list.get(at).is_none_or(|other| width_of(other) != width) {
        list.insert(at, item);
    }
}

struct Candidate<'a> {
    src: &'a str,
    width: u32,
}

/// The image's sources, with its plain `src` among them when its width is known.
fn candidates(image: &Image) -> Vec<Candidate<'_>> {
    let mut all: Vec<Candidate<'_>> = image.sources.iter().map(|source| Candidate { src: &source.src, width: source.width }).collect();
    if let Some(width) = image.width.filter(|_| fits_srcset(&image.src)) {
        insert_by_width(&mut all, width, Candidate { src: &image.src, width }, |candidate| candidate.width);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(src: &str, width: u32) -> ImageSource {
        ImageSource { src: src.to_owned(), width }
    }

    fn photo() -> Image {
        Image {
            src: "https://x.example/full.jpg".into(),
            width: Some(2000),
            height: Some(1000),
            sources: sorted_sources(vec![source("https://x.example/768.jpg", 768), source("https://x.example/300.jpg", 300)]),
            ..Image::default()
        }
    }

    #[test]
    fn srcset_lists_every_width_narrowest_first_with_the_full_file() {
        assert_eq!(
            srcset(&photo()).as_deref(),
            Some("https://x.example/300.jpg 300w, https://x.example/768.jpg 768w, https://x.example/full.jpg 2000w")
        );
        let single = Image { src: "https://x.example/a.jpg".into(), width: Some(800), ..Image::default() };
        assert_eq!(srcset(&single), None);
        assert_eq!(srcset(&Image::default()), None);
    }

    #[test]
    fn the_narrowest_file_that_fills_the_width_is_chosen() {
        let image = photo();
        assert_eq!(fitting_source(&image, 96), "https://x.example/300.jpg");
        assert_eq!(fitting_source(&image, 300), "https://x.example/300.jpg");
        assert_eq!(fitting_source(&image, 301), "https://x.example/768.jpg");
        assert_eq!(fitting_source(&image, 1500), "https://x.example/full.jpg");
        assert_eq!(fitting_source(&image, 5000), "https://x.example/full.jpg");
        let unknown = Image { src: "https://x.example/a.jpg".into(), ..Image::default() };
        assert_eq!(fitting_source(&unknown, 96), "https://x.example/a.jpg");
    }

    #[test]
    fn sources_that_cannot_stand_in_a_srcset_are_left_out() {
        let sources = sorted_sources(vec![
            source("https://x.example/a b.jpg", 100),
            source("https://x.example/b.jpg,", 200),
            source("https://x.example/zero.jpg", 0),
            source("https://x.example/c.jpg", 300),
            source("https://x.example/c-again.jpg", 300),
        ]);
        assert_eq!(sources, [source("https://x.example/c.jpg", 300)]);
    }
}
