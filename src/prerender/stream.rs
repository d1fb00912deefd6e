//! Reading a feed one item at a time, so that a feed of any length is read in bounded memory:
//! the feed's own fields are kept, each item is handed on as its raw JSON and then dropped.

use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// The kind of document items come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A JSON Feed (Kiosque's native format or any other): an object with `items`.
    JsonFeed,
    /// A saved WordPress answer: an array of posts.
    WordPress,
}

/// A feed without its items: its shape and its own fields (title, language, `_kiosque`…).
#[derive(Clone, Debug)]
pub struct Outline {
    /// Whether items are JSON Feed items or WordPress posts.
    pub shape: Shape,
    /// The feed's fields but `items` (none for WordPress).
    pub fields: Map<String, Value>,
}

impl Outline {
    /// A document holding only `item`, with the feed's fields: what the widget's readers read.
    pub fn document_of(&self, item: &str) -> String {
        match self.shape {
            Shape::WordPress => format!("[{item}]"),
            Shape::JsonFeed => {
                let fields = serde_json::to_string(&self.fields).unwrap_or_else(|_| "{}".into());
                // The object's own closing brace only: the last field may end in one too.
                let fields = fields.strip_suffix('}').unwrap_or("{");
                let comma = if fields.len() > 1 { "," } else { "" };
                format!("{fields}{comma}\"items\":[{item}]}}")
            }
        }
    }

    /// A document holding `items` (raw JSON), with the feed's fields and, for a JSON Feed,
    /// `next_url`.
    pub fn document_of_many(&self, items: &[String], next_url: Option<&str>) -> String {
        let joined = items.join(",\n");
        match self.shape {
            Shape::WordPress => format!("[{joined}]"),
            Shape::JsonFeed => {
                let mut fields = self.fields.clone();
                fields.remove("next_url");
                if let Some(next) = next_url {
                    fields.insert("next_url".into(), Value::String(next.into()));
                }
                let fields = serde_json::to_string(&fields).unwrap_or_else(|_| "{}".into());
                let fields = fields.strip_suffix('}').unwrap_or("{");
                let comma = if fields.len() > 1 { "," } else { "" };
                format!("{fields}{comma}\"items\":[\n{joined}\n]}}")
            }
        }
    }
}

/// Why a feed could not be read at all (a bad item only skips that item).
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened.
    Open(std::io::Error),
    /// The JSON is malformed or is neither a feed nor posts; where it breaks off.
    Json(serde_json::Error),
    /// A page of the static layout is malformed: which one, and where.
    Page(String, serde_json::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Open(error) => write!(f, "cannot open it: {error}"),
            ReadError::Json(error) => write!(f, "{error}"),
            ReadError::Page(page, error) => write!(f, "{page}: {error}"),
        }
    }
}

/// Whether the document at `path` is a JSON Feed or WordPress posts, from its first character (a
/// directory in the static layout holds JSON Feeds).
pub fn shape_of(path: &Path) -> std::io::Result<Shape> {
    use std::io::Read;
    if path.is_dir() {
        return Ok(Shape::JsonFeed);
    }
    let mut start = [0u8; 512];
    let read = File::open(path)?.read(&mut start)?;
    let first = start[..read].iter().find(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
    Ok(if first == Some(&b'[') { Shape::WordPress } else { Shape::JsonFeed })
}

/// Reads the feed at `path`, handing each item (its position and raw JSON) to `on_item` as it
/// is read. A directory is read as the static layout `scripts/split-feed.mjs` writes.
pub fn read_items(path: &Path, on_item: &mut dyn FnMut(usize, &RawValue)) -> Result<Outline, ReadError> {
    if path.is_dir() {
        return read_layout(path, on_item);
    }
    let file = File::open(path).map_err(ReadError::Open)?;
    let mut deserializer = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, file));
    let outline = Document { on_item }.deserialize(&mut deserializer).map_err(ReadError::Json)?;
    deserializer.end().map_err(ReadError::Json)?;
    Ok(outline)
}

/// Reads `text` (a whole document in memory) the same way.
pub fn read_items_from_str(text: &str, on_item: &mut dyn FnMut(usize, &RawValue)) -> Result<Outline, ReadError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let outline = Document { on_item }.deserialize(&mut deserializer).map_err(ReadError::Json)?;
    deserializer.end().map_err(ReadError::Json)?;
    Ok(outline)
}

/// Reads a directory in the static layout: the listing from `feed.json` on, page by page along
/// `next_url`, each item whole from `articles/<id>.json` (its teaser where that file is
/// missing). A page at a time is in memory.
fn read_layout(dir: &Path, on_item: &mut dyn FnMut(usize, &RawValue)) -> Result<Outline, ReadError> {
    let mut page = dir.join("feed.json");
    let mut fields = None;
    let mut index = 0;
    let mut pages_read = std::collections::HashSet::new();
    loop {
        let text = std::fs::read_to_string(&page).map_err(ReadError::Open)?;
        let mut teasers = Vec::new();
        let outline = read_items_from_str(&text, &mut |_, teaser| teasers.push(teaser.get().to_owned())).map_err(|error| match error {
            ReadError::Json(error) => ReadError::Page(page.display().to_string(), error),
            other => other,
        })?;
        for teaser in teasers {
            let whole = item_id(&teaser)
                .and_then(|id| article_file(&id))
                .and_then(|file| std::fs::read_to_string(dir.join("articles").join(file)).ok())
                .and_then(|document| {
                    let mut first = None;
                    read_items_from_str(&document, &mut |_, item| {
                        first.get_or_insert_with(|| item.get().to_owned());
                    })
                    .ok()?;
                    first
                });
            if let Ok(item) = RawValue::from_string(whole.unwrap_or(teaser)) {
                on_item(index, &item);
                index += 1;
            }
        }
        let next = outline.fields.get("next_url").and_then(Value::as_str).map(str::to_owned);
        let mut own = outline.fields;
        own.remove("next_url");
        fields.get_or_insert(own);
        pages_read.insert(page.clone());
        // Only the layout's own pages, beside feed.json: an address elsewhere is not a file here.
        let Some(next) = next.filter(|next| !next.contains("://") && !next.starts_with('/') && !next.contains("..")) else { break };
        page = dir.join(next);
        if pages_read.contains(&page) {
            break;
        }
    }
    Ok(Outline { shape: Shape::JsonFeed, fields: fields.unwrap_or_default() })
}

/// The id of a raw item as the widget reads it: a WordPress post's slug, else its `id`.
pub fn item_id(item: &str) -> Option<String> {
    let value: Value = serde_json::from_str(item).ok()?;
    let post_slug = value.get("slug").filter(|_| value.get("title").is_some_and(Value::is_object));
    match post_slug.or_else(|| value.get("id"))? {
        Value::String(id) => Some(id.clone()),
        Value::Number(id) => Some(id.to_string()),
        _ => None,
    }
}

/// The name of an article's file in the static layout, as the widget asks for it
/// (`articles/{id}.json`, the id percent-encoded, which the server decodes back): the id itself,
/// when it can name a file (split-feed.mjs refuses "/", "\\", "." and "..").
pub fn article_file(id: &str) -> Option<String> {
    let nameable = !id.is_empty() && id.len() <= 200 && !id.contains(['/', '\\', '\0']) && id != "." && id != "..";
    nameable.then(|| format!("{id}.json"))
}

struct Document<'f> {
    on_item: &'f mut dyn FnMut(usize, &RawValue),
}

impl<'de> DeserializeSeed<'de> for Document<'_> {
    type Value = Outline;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Outline, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = Outline;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON Feed (an object with items) or WordPress posts (an array)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Outline, A::Error> {
        let mut fields = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == "items" {
                map.next_value_seed(Items { on_item: &mut *self.on_item })?;
            } else {
                fields.insert(key, map.next_value()?);
            }
        }
        Ok(Outline { shape: Shape::JsonFeed, fields })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Outline, A::Error> {
        each_item(seq, self.on_item)?;
        Ok(Outline { shape: Shape::WordPress, fields: Map::new() })
    }
}

struct Items<'f> {
    on_item: &'f mut dyn FnMut(usize, &RawValue),
}

impl<'de> DeserializeSeed<'de> for Items<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Items<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("items as an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        each_item(seq, self.on_item)
    }
}

fn each_item<'de, A: SeqAccess<'de>>(mut seq: A, on_item: &mut dyn FnMut(usize, &RawValue)) -> Result<(), A::Error> {
    let mut index = 0;
    while let Some(item) = seq.next_element::<Box<RawValue>>()? {
        on_item(index, &item);
        index += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items_of(text: &str) -> (Outline, Vec<String>) {
        let mut items = Vec::new();
        let outline = read_items_from_str(text, &mut |_, item| items.push(item.get().to_owned())).unwrap();
        (outline, items)
    }

    #[test]
    fn a_feed_is_read_item_by_item_whatever_the_order_of_its_fields() {
        let (outline, items) = items_of(r#"{"items": [{"id": "a"}, {"id": "b"}], "title": "T", "language": "fr"}"#);
        assert_eq!(outline.shape, Shape::JsonFeed);
        assert_eq!(items, [r#"{"id": "a"}"#, r#"{"id": "b"}"#]);
        assert_eq!(outline.fields["title"], "T");
        let one = outline.document_of(&items[1]);
        let parsed: Value = serde_json::from_str(&one).unwrap();
        assert_eq!(parsed["items"][0]["id"], "b");
        assert_eq!(parsed["language"], "fr");
    }

    #[test]
    fn wordpress_posts_are_items_too() {
        let (outline, items) = items_of(r#"[{"id": 1, "title": {"rendered": "x"}}]"#);
        assert_eq!(outline.shape, Shape::WordPress);
        assert_eq!(outline.document_of(&items[0]), format!("[{}]", items[0]));
    }

    #[test]
    fn broken_json_says_where() {
        let error = read_items_from_str("{\"items\": [{\"id\": \"a\"},,]}", &mut |_, _| {}).unwrap_err();
        assert!(error.to_string().contains("line 1 column"), "{error}");
        let error = read_items_from_str(r#"{"items": {"id": "a"}}"#, &mut |_, _| {}).unwrap_err();
        assert!(error.to_string().contains("items as an array"), "{error}");
    }

    #[test]
    fn a_feed_whose_last_field_is_an_object_stays_whole() {
        let (outline, items) = items_of(r#"{"_kiosque": {"sample": true}, "items": [{"id": "a"}]}"#);
        let one: Value = serde_json::from_str(&outline.document_of(&items[0])).unwrap();
        assert_eq!(one["_kiosque"]["sample"], true);
        assert_eq!(one["items"][0]["id"], "a");
    }

    #[test]
    fn a_page_of_items_keeps_the_feed_fields_and_links_the_next_page() {
        let (outline, items) = items_of(r#"{"title": "T", "next_url": "old.json", "items": [{"id": "a"}]}"#);
        let page: Value = serde_json::from_str(&outline.document_of_many(&items, Some("page-2.json"))).unwrap();
        assert_eq!(page["next_url"], "page-2.json");
        assert_eq!(page["title"], "T");
        let last: Value = serde_json::from_str(&outline.document_of_many(&items, None)).unwrap();
        assert!(last.get("next_url").is_none());
    }
}
