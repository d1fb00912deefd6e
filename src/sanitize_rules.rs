//! The rules of the article sanitizer, shared by its two walks: the browser's
//! (`browser::sanitize`, over the DOM its `DOMParser` built) and the native one
//! (`prerender::sanitize`, over html5ever's tree). A page rendered ahead of time must build, once
//! the browser parses it, the very nodes the widget would have built from the same HTML, so
//! every decision lives here once and each walk only applies it to its own kind of node.

use crate::i18n::Strings;
use crate::url::safe_absolute_url;
use crate::video::Video;

/// Deeper than this, only the text is kept: no legitimate article nests so deep, and the walks
/// are recursive.
pub const MAX_DEPTH: usize = 48;

/// The namespace of HTML elements; SVG and MathML ones (and anything a namespace trick
/// produced) are never kept.
pub const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Elements kept as they are (`h1` too, as `h2`: see [`treatment`]).
pub const KEPT: &[&str] = &[
    "p", "br", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "small", "mark", "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
    "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "pre", "code", "hr", "span", "abbr", "time", "del", "ins", "kbd", "samp", "var",
];

/// Elements dropped with everything inside them: they run code, load things, take input,
/// or hold text that is not meant to be read as the article.
pub const DROPPED: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "applet", "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist",
    "output", "svg", "math", "title", "head", "meta", "link", "base", "audio", "video", "track",
    "source", "canvas", "xmp", "plaintext", "noembed", "noframes", "dialog", "portal", "slot",
    "param", "map", "area", "fencedframe", "marquee",
];

/// `rel` of every link the sanitizer writes.
pub const LINK_REL: &str = "noopener noreferrer";

/// `referrerpolicy` of every link and image the sanitizer writes.
pub const NO_REFERRER: &str = "no-referrer";

/// Class of a video placeholder's `figure`.
pub const VIDEO_CLASS: &str = "kq-video";

/// Class of the placeholder's button that loads the video.
pub const VIDEO_LOAD_CLASS: &str = "kq-button kq-video-load";

/// Class of the placeholder's note, which holds the link to the video's page.
pub const VIDEO_NOTE_CLASS: &str = "kq-video-note";

/// What a walk does with an HTML element (one in [`HTML_NAMESPACE`]; any other is left out
/// before asking).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Treatment {
    /// An `iframe`: a video placeholder when its `src` is a video from an allowed host
    /// ([`crate::video::video_embed`]), else nothing.
    Video,
    /// Left out, with everything inside it.
    Drop,
    /// Too deep: only its text content, as one text node.
    Text,
    /// An unknown or presentational wrapper (div, section, font, center…): its children take
    /// its place, so no text is lost.
    Unwrap,
    /// Copied as this element, with [`kept_attributes`] and its children walked.
    Keep(&'static str),
}

/// What to do with the HTML element whose local name is `name`, `depth` elements below the
/// body. The order matters: an iframe is judged before being dropped, and a dropped element
/// leaves no text even when too deep.
pub fn treatment(name: &str, depth: usize) -> Treatment {
    if name == "iframe" {
        return Treatment::Video;
    }
    if DROPPED.contains(&name) {
        return Treatment::Drop;
    }
    if depth >= MAX_DEPTH {
        return Treatment::Text;
    }
    // The page already has its headline as the one h1.
    let name = if name == "h1" { "h2" } else { name };
    match KEPT.iter().find(|kept| **kept == name) {
        Some(kept) => Treatment::Keep(kept),
        None => Treatment::Unwrap,
    }
}

/// The attributes of the copy of a kept element `name` (as [`Treatment::Keep`] names it): each
/// is given to `set`, in the order the browser sets them. `get` reads the original's
/// attributes (`getAttribute`: `None` when absent); relative URLs resolve against `base`.
///
/// A callback rather than a list: the browser's walk sets each attribute as it comes, and a
/// list would only add code to the wasm.
pub fn kept_attributes(name: &str, get: impl Fn(&str) -> Option<String>, base: &str, mut set: impl FnMut(&'static str, &str)) {
    if let Some(lang) = get("lang").filter(|v| is_language_tag(v)) {
        set("lang", &lang);
    }
    if let Some(dir) = get("dir").filter(|v| matches!(v.to_ascii_lowercase().as_str(), "ltr" | "rtl" | "auto")) {
        set("dir", &dir);
    }
    if let Some(title) = get("title") {
        set("title", &title);
    }
    match name {
        "a" => {
            if let Some(href) = get("href").and_then(|href| safe_absolute_url(&href, base)) {
                set("href", &href);
            }
            set("rel", LINK_REL);
            set("referrerpolicy", NO_REFERRER);
        }
        "img" => {
            if let Some(src) = get("src").and_then(|src| safe_absolute_url(&src, base)) {
                set("src", &src);
            }
            set("alt", &get("alt").unwrap_or_default());
            for dimension in ["width", "height"] {
                if let Some(value) = get(dimension).filter(|v| is_digits(v)) {
                    set(dimension, &value);
                }
            }
            set("loading", "lazy");
            set("decoding", "async");
            set("referrerpolicy", NO_REFERRER);
        }
        "blockquote" | "q" | "del" | "ins" => {
            if let Some(cite) = get("cite").and_then(|cite| safe_absolute_url(&cite, base)) {
                set("cite", &cite);
            }
        }
        "ol" => {
            if let Some(start) = get("start").filter(|v| is_digits(v)) {
                set("start", &start);
            }
            // `getAttribute` is `None` exactly when `hasAttribute` is false.
            if get("reversed").is_some() {
                set("reversed", "");
            }
        }
        "td" | "th" => {
            for span in ["colspan", "rowspan"] {
                if let Some(value) = get(span).filter(|v| is_digits(v)) {
                    set(span, &value);
                }
            }
            if let Some(scope) = get("scope").filter(|v| matches!(v.as_str(), "row" | "col" | "rowgroup" | "colgroup")) {
                set("scope", &scope);
            }
        }
        "time" => {
            if let Some(datetime) = get("datetime") {
                set("datetime", &datetime);
            }
        }
        _ => {}
    }
}

/// [`kept_attributes`] as a list of names and values, in order.
pub fn kept_attribute_list(name: &str, get: impl Fn(&str) -> Option<String>, base: &str) -> Vec<(&'static str, String)> {
    let mut list = Vec::new();
    kept_attributes(name, get, base, |attribute, value| list.push((attribute, value.to_owned())));
    list
}

/// The texts of a video placeholder: `span.kq-video` holding `button.kq-button.kq-video-load`
/// (`load`) and `span.kq-video-note` (`note`, a space, then a link to `href` saying `open`). Spans,
/// not a figure and a paragraph: the placeholder often stands inside a paragraph, where only
/// phrasing content survives an HTML parser (pages rendered ahead of time are parsed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VideoPlaceholder<'a> {
    /// The button's text.
    pub load: String,
    /// The note's text, before the link.
    pub note: String,
    /// The link's text.
    pub open: String,
    /// The link's address: the video's page on its host.
    pub href: &'a str,
}

impl VideoPlaceholder<'_> {
    /// The placeholder of `video`, in the language of `strings`.
    pub fn new<'a>(video: &'a Video, strings: &Strings) -> VideoPlaceholder<'a> {
        VideoPlaceholder {
            load: (strings.video_load)(video.provider),
            note: (strings.video_note)(video.provider),
            open: (strings.video_open)(video.provider),
            href: &video.page_url,
        }
    }
}

/// A width, height, start or span: a few ASCII digits and nothing else.
pub fn is_digits(value: &str) -> bool {
    !value.is_empty() && value.len() <= 6 && value.bytes().all(|b| b.is_ascii_digit())
}

/// Could be a BCP 47 language tag: letters, digits and hyphens, not too long.
pub fn is_language_tag(value: &str) -> bool {
    !value.is_empty() && value.len() <= 35 && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::video::video_embed;

    fn attributes<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| (*value).to_owned())
    }

    #[test]
    fn elements_are_kept_renamed_unwrapped_or_dropped() {
        assert_eq!(treatment("p", 0), Treatment::Keep("p"));
        assert_eq!(treatment("h1", 3), Treatment::Keep("h2"));
        assert_eq!(treatment("div", 0), Treatment::Unwrap);
        assert_eq!(treatment("font", 0), Treatment::Unwrap);
        assert_eq!(treatment("script", 0), Treatment::Drop);
        assert_eq!(treatment("iframe", 0), Treatment::Video);
        // Too deep, text stays, but dropped elements still leave nothing and videos still ask.
        assert_eq!(treatment("p", MAX_DEPTH), Treatment::Text);
        assert_eq!(treatment("div", MAX_DEPTH), Treatment::Text);
        assert_eq!(treatment("style", MAX_DEPTH), Treatment::Drop);
        assert_eq!(treatment("iframe", MAX_DEPTH), Treatment::Video);
        assert_eq!(treatment("p", MAX_DEPTH - 1), Treatment::Keep("p"));
        // Only exact lowercase names: the parsers lowercase HTML names, so anything else is
        // not an HTML element's name.
        assert_eq!(treatment("P", 0), Treatment::Unwrap);
        for name in KEPT {
            assert!(!DROPPED.contains(name), "{name} both kept and dropped");
        }
    }

    #[test]
    fn links_and_images_keep_only_safe_attributes_in_order() {
        let base = "https://news.example/articles/1";
        let link = [("href", "/b"), ("onclick", "x()"), ("lang", "fr-CA"), ("title", "T"), ("dir", "RTL"), ("rel", "opener")];
        assert_eq!(
            kept_attribute_list("a", attributes(&link), base),
            vec![
                ("lang", "fr-CA".to_owned()),
                ("dir", "RTL".to_owned()),
                ("title", "T".to_owned()),
                ("href", "https://news.example/b".to_owned()),
                ("rel", LINK_REL.to_owned()),
                ("referrerpolicy", NO_REFERRER.to_owned()),
            ]
        );
        let hostile = [("href", "java\tscript:alert(1)"), ("lang", "fr\"x"), ("dir", "up")];
        assert_eq!(
            kept_attribute_list("a", attributes(&hostile), base),
            vec![("rel", LINK_REL.to_owned()), ("referrerpolicy", NO_REFERRER.to_owned())]
        );
        let image = [("src", "x.png"), ("width", "1200"), ("height", "12px"), ("srcset", "y.png 2x"), ("style", "x")];
        assert_eq!(
            kept_attribute_list("img", attributes(&image), base),
            vec![
                ("src", "https://news.example/articles/x.png".to_owned()),
                ("alt", String::new()),
                ("width", "1200".to_owned()),
                ("loading", "lazy".to_owned()),
                ("decoding", "async".to_owned()),
                ("referrerpolicy", NO_REFERRER.to_owned()),
            ]
        );
    }

    #[test]
    fn other_elements_keep_their_own_few_attributes() {
        let base = "https://news.example/";
        let list = [("start", "3"), ("reversed", ""), ("type", "a")];
        assert_eq!(kept_attribute_list("ol", attributes(&list), base), vec![("start", "3".to_owned()), ("reversed", String::new())]);
        let cell = [("colspan", "2"), ("rowspan", "-1"), ("scope", "ROW"), ("headers", "h")];
        assert_eq!(kept_attribute_list("td", attributes(&cell), base), vec![("colspan", "2".to_owned())]);
        let quote = [("cite", "javascript:x"), ("title", "")];
        assert_eq!(kept_attribute_list("blockquote", attributes(&quote), base), vec![("title", String::new())]);
        let time = [("datetime", "2026-01-02")];
        assert_eq!(kept_attribute_list("time", attributes(&time), base), vec![("datetime", "2026-01-02".to_owned())]);
        assert_eq!(kept_attribute_list("p", attributes(&[("class", "x"), ("style", "y")]), base), vec![]);
    }

    #[test]
    fn digits_and_language_tags_are_strict() {
        assert!(is_digits("0") && is_digits("999999"));
        assert!(!is_digits("") && !is_digits("1000000") && !is_digits("1.5") && !is_digits(" 1") && !is_digits("١"));
        assert!(is_language_tag("zh-Hant-TW") && is_language_tag("x-klingon"));
        assert!(!is_language_tag("") && !is_language_tag("fr_FR") && !is_language_tag("fr\"") && !is_language_tag(&"a".repeat(36)));
    }

    #[test]
    fn video_placeholders_speak_the_interface_language() {
        let video = video_embed("https://www.youtube.com/embed/dQw4w9WgXcQ").expect("an allowed video");
        let placeholder = VideoPlaceholder::new(&video, Lang::En.strings());
        assert_eq!(placeholder.load, "Play the video (YouTube)");
        assert_eq!(placeholder.note, "The video loads from YouTube only if you play it.");
        assert_eq!(placeholder.open, "Watch on YouTube");
        assert_eq!(placeholder.href, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    }
}
