//! The one normalized model every source is read into.
//!
//! Text fields are plain text, already decoded; HTML only ever appears in [`Body::Html`] and is
//! sanitized when rendered. URLs are absolute and have been checked by [`crate::url::safe_url`].

use crate::dates::Published;

/// A publisher's feed: its articles and the settings that go with them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feed {
    /// The absolute address the document came from: the base for its relative URLs.
    pub source_url: String,
    /// The publication's name ("Nasuba Infos").
    pub title: String,
    /// The publication's home page.
    pub home_page_url: Option<String>,
    /// The feed's language tag, the default for its articles.
    pub language: Option<String>,
    /// The publisher's "follow us" call to action, if any.
    pub follow: Option<Follow>,
    /// The publisher's share settings.
    pub share: crate::share::ShareOverrides,
    /// When the view counts were taken.
    pub popular_updated: Option<Published>,
    /// The next page of a paged feed.
    pub next_url: Option<String>,
    /// The articles that could be read, in feed order (newest first by convention).
    pub articles: Vec<Article>,
    /// Articles known only from a separate most-read feed: ranked, but not among the latest.
    pub ranked_only: Vec<Article>,
    /// Items that were left out, and why.
    pub skipped: Vec<Invalid>,
}

impl Feed {
    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().chain(&self.ranked_only).find(|article| article.id == id)
    }

    /// The language `article` is written in: its own, else the feed's, else unknown.
    pub fn language_of<'a>(&'a self, article: &'a Article) -> Option<&'a str> {
        article.language.as_deref().or(self.language.as_deref())
    }
}

/// A publisher's invitation to follow it on a network ("Suivez-nous … Cliquez ici.").
#[derive(Clone, Debug, PartialEq)]
pub struct Follow {
    /// The network, lower case (`whatsapp`, `telegram`…), for its icon.
    pub network: String,
    /// The channel or profile address.
    pub url: String,
    /// The sentence shown, which is also the link's text.
    pub text: String,
}

/// One article, whatever source it came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// The source's identifier, as text.
    pub id: String,
    /// The canonical address of the article on the publisher's site.
    pub url: Option<String>,
    /// The headline, plain text.
    pub title: String,
    /// A short plain-text summary.
    pub summary: Option<String>,
    /// The text of the article.
    pub body: Body,
    /// When it was first published, with the publisher's offset.
    pub published: Option<Published>,
    /// When it was last changed.
    pub modified: Option<Published>,
    /// Author names, in order.
    pub authors: Vec<String>,
    /// The section it belongs to ("Afrique", "Sport").
    pub section: Option<String>,
    /// The lead image.
    pub image: Option<Image>,
    /// How many times it was read, per range.
    pub views: Views,
    /// Its language tag, when the source gives one for the item (see [`Feed::language_of`]).
    pub language: Option<String>,
    /// True for demo content that must be labelled as such.
    pub sample: bool,
}

impl Article {
    /// The article with the control characters HTML cannot carry (NUL, carriage returns…) taken
    /// out of its text: an HTML parser drops or changes them, so a page written ahead of time
    /// would not show the text the widget shows. A carriage return becomes a line break.
    pub fn without_control_characters(mut self) -> Article {
        clean(&mut self.title);
        for text in self.summary.iter_mut().chain(&mut self.section).chain(&mut self.authors) {
            clean(text);
        }
        if let Body::Text(text) = &mut self.body {
            clean(text);
        }
        if let Some(image) = &mut self.image {
            clean(&mut image.alt);
            for text in image.caption.iter_mut().chain(&mut image.credit) {
                clean(text);
            }
        }
        self
    }
}

fn clean(text: &mut String) {
    let unwanted = |c: char| c.is_control() && c != '\n' && c != '\t';
    if text.contains(unwanted) {
        *text = text.replace("\r\n", "\n").replace('\r', "\n").chars().filter(|c| !unwanted(*c)).collect();
    }
}

/// The text of an article.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Body {
    /// Plain text; one paragraph per line.
    Text(String),
    /// Untrusted HTML, to be sanitized before it reaches the DOM.
    Html(String),
    /// The publisher protects this article with a password.
    Protected,
    /// The source gave no text.
    #[default]
    Empty,
}

/// A picture with what a reader needs to understand it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Image {
    /// Its address.
    pub src: String,
    /// What it shows, for readers who cannot see it; empty for a decorative image.
    pub alt: String,
    /// The caption shown under it.
    pub caption: Option<String>,
    /// Who made it.
    pub credit: Option<String>,
    /// Its intrinsic width in pixels, to reserve space before it loads.
    pub width: Option<u32>,
    /// Its intrinsic height in pixels.
    pub height: Option<u32>,
    /// The same picture in other widths, when the source has several (WordPress's media
    /// sizes), so that a reader downloads the smallest that fits.
    pub sources: Vec<ImageSource>,
    /// Its size in bytes, when the source says, to tell a reader saving data what it costs.
    pub bytes: Option<u64>,
}

/// One width of a picture that exists in several.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImageSource {
    /// Its address.
    pub src: String,
    /// Its width in pixels.
    pub width: u32,
}

/// View counts over the ranges a popularity list can use; `None` where the source has no count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Views {
    /// The last 24 hours.
    pub day: Option<u64>,
    /// The last 7 days.
    pub week: Option<u64>,
    /// The last 30 days.
    pub month: Option<u64>,
    /// All time.
    pub all: Option<u64>,
}

/// Where in a document a value was wrong, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The JSON path of the value (`items[3].id`).
    pub path: String,
    /// What was wrong with it.
    pub problem: Problem,
}

/// What was wrong with a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A required value is absent (or null).
    Missing,
    /// The value is there but of another type than expected.
    WrongType(Expected),
    /// Another item already has this identifier.
    Duplicate,
}

/// The kind of value that was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
    /// A non-empty string (or a number, for identifiers).
    String,
    /// A number.
    Number,
    /// An RFC 3339 date.
    Date,
    /// An http(s) or relative URL.
    Url,
}
