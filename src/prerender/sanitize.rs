//! Untrusted article HTML made safe natively, for pages rendered ahead of time.
//!
//! The widget's sanitizer (`browser::sanitize`) walks the DOM the browser's `DOMParser` builds.
//! This one parses the same HTML the way `DOMParser` does (html5ever, a whole `text/html`
//! document with scripting off, the body's children), walks it under the same rules
//! ([`crate::sanitize_rules`]) and writes the result as HTML, so that the browser, parsing the
//! page, builds the very nodes the widget would have built. ammonia then reads that HTML with the
//! same allow-list: a second line, which should never find anything to take out.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tokenizer::TokenizerOpts;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, ParseOpts, QualName};

use crate::browser::held_image::HOLD_CLASS;
use crate::i18n::Strings;
use crate::sanitize_rules::{
    is_digits, is_language_tag, kept_attribute_list, treatment, Treatment, VideoPlaceholder, DROPPED, KEPT, LINK_REL,
    NO_REFERRER, VIDEO_CLASS, VIDEO_LOAD_CLASS, VIDEO_NOTE_CLASS,
};
use crate::url::safe_absolute_url;
use crate::video::{video_embed, Video};

/// Class of a held image's alt text, as `browser::held_image::hold` writes it.
const ALT_CLASS: &str = "kq-image-alt";

/// Class of a held image's label ("Image — tap to show it"), as `browser::held_image::hold`
/// writes it.
const COST_CLASS: &str = "kq-image-cost";

/// Elements that have no end tag and no children.
const VOID: [&str; 3] = ["br", "hr", "img"];

/// Parses `html` and returns a safe copy, as HTML to put inside the body's container. Relative
/// URLs in it resolve against `base`, the address of the article (or of its feed); video
/// placeholders speak `strings`. With `held` (data saver), each image is a button saying `held`,
/// as the widget shows it (the button does nothing until the widget takes the page over).
///
/// Should ammonia take anything out, or the walk build what no HTML spells (a video's
/// placeholder inside a paragraph), the result is ammonia's: what any parser makes of it.
pub fn sanitize_html(html: &str, base: &str, strings: &'static Strings, held: Option<&str>) -> String {
    let nodes = walk(html, base, strings, held);
    let exact = serialized(&nodes, true);
    let guarded = guard().clean(&exact).to_string();
    if guarded == exact || removed_nothing(&nodes, &guarded) { exact } else { guarded }
}

/// Whether ammonia, writing `guarded` from the walk's `nodes`, took nothing out. Its writing
/// differs from [`serialized`] in two harmless ways: its parser takes a leading byte order mark
/// and a `pre`'s first line break, as any parser does, and its serializer does not put them
/// back. And it drops addresses that its URL parser refuses though their scheme is safe
/// (`https://`, a space in the host), which the browser's walk keeps as they are.
fn removed_nothing(nodes: &[Out], guarded: &str) -> bool {
    let as_ammonia_writes = |nodes: &[Out]| {
        let plain = serialized(nodes, false);
        match plain.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => plain,
        }
    };
    guarded == as_ammonia_writes(nodes) || guarded == as_ammonia_writes(&without_unparsable_urls(nodes))
}

/// The nodes without the `href` and `src` attributes that ammonia's URL parser refuses.
fn without_unparsable_urls(nodes: &[Out]) -> Vec<Out> {
    nodes
        .iter()
        .map(|node| match node {
            Out::Text(text) => Out::Text(text.clone()),
            Out::Element(element) => {
                let attributes = element
                    .attributes
                    .iter()
                    .filter(|(name, value)| !matches!(*name, "href" | "src") || ammonia::Url::parse(value).is_ok())
                    .cloned()
                    .collect();
                Out::Element(Element::new(element.name, attributes, without_unparsable_urls(&element.children)))
            }
        })
        .collect()
}

/// One node of the walk's result: what the browser's walk appends, as data.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Out {
    Text(String),
    Element(Element),
}

/// An element of the walk's result.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Element {
    name: &'static str,
    attributes: Vec<(&'static str, String)>,
    children: Vec<Out>,
}

impl Element {
    fn new(name: &'static str, attributes: Vec<(&'static str, String)>, children: Vec<Out>) -> Element {
        Element { name, attributes, children }
    }

    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(key, _)| *key == name).map(|(_, value)| value.as_str())
    }
}

/// The safe copy of `html`, as nodes.
fn walk(html: &str, base: &str, strings: &'static Strings, held: Option<&str>) -> Vec<Out> {
    let nodes = parse_document(html);
    let mut out = Vec::new();
    if let Some(body) = body(&nodes) {
        Walk { nodes: &nodes, base, strings, held }.children(body, &mut out, 0);
    }
    out
}

/// What the walk needs besides the nodes.
struct Walk<'a> {
    nodes: &'a [Node],
    /// Resolves relative URLs.
    base: &'a str,
    /// The widget's strings, for video placeholders.
    strings: &'static Strings,
    /// Data saver: the label of the buttons that stand for images.
    held: Option<&'a str>,
}

impl Walk<'_> {
    fn children(&self, from: Id, to: &mut Vec<Out>, depth: usize) {
        for &child in &self.nodes[from].children {
            match &self.nodes[child].data {
                Data::Text(text) => to.push(Out::Text(text.to_string())),
                Data::Element { name, attributes, .. } => self.element(child, name, attributes, to, depth),
                // Comments carry nothing a reader needs.
                _ => {}
            }
        }
    }

    fn element(&self, id: Id, name: &QualName, attributes: &[Attribute], to: &mut Vec<Out>, depth: usize) {
        // SVG and MathML elements (and anything a namespace trick produced) are never kept.
        if name.ns != ns!(html) {
            return;
        }
        let get = |wanted: &str| attribute(attributes, wanted);
        match treatment(&name.local, depth) {
            Treatment::Video => {
                if let Some(video) = get("src").and_then(video_embed) {
                    to.push(Out::Element(video_placeholder(&video, self.strings)));
                }
            }
            Treatment::Drop => {}
            Treatment::Text => to.push(Out::Text(text_content(self.nodes, id))),
            Treatment::Unwrap => self.children(id, to, depth + 1),
            Treatment::Keep(name) => {
                let attributes = kept_attribute_list(name, |wanted| get(wanted).map(str::to_owned), self.base);
                let mut copy = Element::new(name, attributes, Vec::new());
                self.children(id, &mut copy.children, depth + 1);
                to.push(Out::Element(match self.held {
                    Some(label) if name == "img" => hold_image(&copy, label),
                    _ => copy,
                }));
            }
        }
    }
}

/// The value of the attribute `name` of an HTML element, as `getAttribute` reads it: the
/// tokenizer already lowercased names and kept the first of duplicates.
fn attribute<'a>(attributes: &'a [Attribute], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|attribute| attribute.name.ns == ns!() && attribute.name.prefix.is_none() && &*attribute.name.local == name)
        .map(|attribute| &*attribute.value)
}

/// The element's `textContent`: its descendants' text, in order (a template's contents are not
/// its children).
fn text_content(nodes: &[Node], id: Id) -> String {
    let mut text = String::new();
    // A stack rather than recursion: what is too deep for the walk can be deeper still.
    let mut stack = vec![id];
    while let Some(node) = stack.pop() {
        match &nodes[node].data {
            Data::Text(contents) => text.push_str(contents),
            Data::Element { .. } => stack.extend(nodes[node].children.iter().rev()),
            _ => {}
        }
    }
    text
}

/// What `browser::sanitize` puts in the place of a video's iframe, less the click listener that
/// swaps in the player.
fn video_placeholder(video: &Video, strings: &Strings) -> Element {
    let texts = VideoPlaceholder::new(video, strings);
    let class = |class: &str| vec![("class", class.to_owned())];
    let link = Element::new(
        "a",
        // The browser's walk sets the link's (empty) class name too, which makes the attribute.
        vec![
            ("class", String::new()),
            ("href", texts.href.to_owned()),
            ("rel", LINK_REL.to_owned()),
            ("referrerpolicy", NO_REFERRER.to_owned()),
        ],
        vec![Out::Text(texts.open)],
    );
    let button = Element::new(
        "button",
        vec![("class", VIDEO_LOAD_CLASS.to_owned()), ("type", "button".to_owned())],
        vec![Out::Text(texts.load)],
    );
    let note = Element::new(
        "span",
        class(VIDEO_NOTE_CLASS),
        vec![Out::Text(texts.note), Out::Text(" ".to_owned()), Out::Element(link)],
    );
    Element::new("span", class(VIDEO_CLASS), vec![Out::Element(button), Out::Element(note)])
}

/// The button `browser::held_image::hold` puts in the place of `image` (a safe copy).
fn hold_image(image: &Element, label: &str) -> Element {
    let mut attributes = vec![("class", HOLD_CLASS.to_owned()), ("type", "button".to_owned())];
    let mut spans = Vec::new();
    for (class, text) in [(ALT_CLASS, image.attribute("alt").unwrap_or_default()), (COST_CLASS, label)] {
        if text.is_empty() {
            continue;
        }
        let mut span = vec![("class", class.to_owned())];
        if class == ALT_CLASS
            && let Some(lang) = image.attribute("lang")
        {
            span.push(("lang", lang.to_owned()));
        }
        spans.push(Out::Element(Element::new("span", span, vec![Out::Text(text.to_owned())])));
    }
    if let (Some(width), Some(height)) = (image.attribute("width"), image.attribute("height"))
        && let Some(style) = box_style(width, height)
    {
        attributes.push(("style", style));
    }
    Element::new("button", attributes, spans)
}

/// The `style` attribute the browser writes for a held image's box, as CSSOM serializes the two
/// properties `hold` sets (numbers without leading zeros).
fn box_style(width: &str, height: &str) -> Option<String> {
    let width: u32 = width.parse().ok()?;
    let height: u32 = height.parse().ok()?;
    Some(format!("aspect-ratio: {width} / {height}; max-width: {width}px;"))
}

/// Whether `style` is a held image's box as [`box_style`] writes it, and nothing else.
fn is_box_style(style: &str) -> bool {
    let Some((ratio, rest)) = style.strip_prefix("aspect-ratio: ").and_then(|rest| rest.split_once("; max-width: ")) else {
        return false;
    };
    let (Some((width, height)), Some(max_width)) = (ratio.split_once(" / "), rest.strip_suffix("px;")) else {
        return false;
    };
    is_digits(width) && is_digits(height) && width == max_width
}

// Writing HTML.

/// The nodes as HTML, by the HTML serialization algorithm but for one point: with `exact`, a
/// `pre` whose text starts with a line break gets one more, which the parser takes out again
/// (browsers and html5ever leave it out, and the line break is lost).
fn serialized(nodes: &[Out], exact: bool) -> String {
    let mut out = String::new();
    write(nodes, &mut out, exact);
    out
}

fn write(nodes: &[Out], out: &mut String, exact: bool) {
    for node in nodes {
        match node {
            Out::Text(text) => escape(text, false, out),
            Out::Element(element) => {
                out.push('<');
                out.push_str(element.name);
                for (name, value) in &element.attributes {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    escape(value, true, out);
                    out.push('"');
                }
                out.push('>');
                if VOID.contains(&element.name) {
                    continue;
                }
                let start = out.len();
                write(&element.children, out, exact);
                if exact && element.name == "pre" && out[start..].starts_with('\n') {
                    out.insert(start, '\n');
                }
                out.push_str("</");
                out.push_str(element.name);
                out.push('>');
            }
        }
    }
}

/// Escapes text (or, with `attribute`, a double-quoted attribute value) as the HTML
/// serialization algorithm does.
fn escape(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

// The second line.

/// ammonia, allowing exactly what the walk writes.
fn guard() -> &'static ammonia::Builder<'static> {
    static GUARD: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let set = |items: &[&'static str]| items.iter().copied().collect::<HashSet<_>>();
        let mut builder = ammonia::Builder::empty();
        let values = |pairs: &[(&'static str, &'static [&'static str])]| {
            pairs.iter().map(|(attribute, values)| (*attribute, set(values))).collect::<HashMap<_, _>>()
        };
        let links = [("rel", &[LINK_REL][..]), ("referrerpolicy", &[NO_REFERRER][..])];
        let images = [("loading", &["lazy"][..]), ("decoding", &["async"][..]), ("referrerpolicy", &[NO_REFERRER][..])];
        let scopes = [("scope", &["row", "col", "rowgroup", "colgroup"][..])];
        builder
            .tags(KEPT.iter().copied().chain(["button"]).collect())
            .clean_content_tags(DROPPED.iter().copied().filter(|tag| *tag != "button").collect())
            .generic_attributes(set(&["lang", "dir", "title"]))
            .tag_attributes(HashMap::from([
                ("a", set(&["href"])),
                ("img", set(&["src", "alt", "width", "height"])),
                ("blockquote", set(&["cite"])),
                ("q", set(&["cite"])),
                ("del", set(&["cite"])),
                ("ins", set(&["cite"])),
                ("ol", set(&["start", "reversed"])),
                ("td", set(&["colspan", "rowspan"])),
                ("th", set(&["colspan", "rowspan"])),
                ("time", set(&["datetime"])),
                ("button", set(&["style"])),
            ]))
            .tag_attribute_values(HashMap::from([
                ("a", values(&links)),
                ("img", values(&images)),
                ("td", values(&scopes)),
                ("th", values(&scopes)),
                ("button", values(&[("type", &["button"][..])])),
            ]))
            .allowed_classes(HashMap::from([
                ("button", VIDEO_LOAD_CLASS.split(' ').chain([HOLD_CLASS]).collect()),
                ("span", set(&[ALT_CLASS, COST_CLASS, VIDEO_CLASS, VIDEO_NOTE_CLASS])),
                // The video's link has an empty class.
                ("a", HashSet::new()),
            ]))
            .url_schemes(set(&["http", "https"]))
            // The walk resolves every address.
            .url_relative(ammonia::UrlRelative::Deny)
            .link_rel(None)
            .strip_comments(true)
            .attribute_filter(|element: &str, attribute: &str, value: &str| {
                let allowed = match attribute {
                    "href" | "src" | "cite" => safe_absolute_url(value, "").as_deref() == Some(value),
                    "width" | "height" | "start" | "colspan" | "rowspan" => is_digits(value),
                    "lang" => is_language_tag(value),
                    "dir" => matches!(value.to_ascii_lowercase().as_str(), "ltr" | "rtl" | "auto"),
                    "style" => element == "button" && is_box_style(value),
                    _ => true,
                };
                allowed.then_some(Cow::Borrowed(value))
            });
        builder
    });
    &GUARD
}

// Parsing: a tree for html5ever to build, in one vector so that no depth of nesting can
// overflow the stack when it is dropped.

/// A node's index in the tree.
type Id = usize;

/// The document node's index.
const DOCUMENT: Id = 0;

/// A node of the parsed document.
struct Node {
    parent: Option<Id>,
    children: Vec<Id>,
    data: Data,
}

/// What a node is.
enum Data {
    Document,
    /// Doctypes, comments, processing instructions and template contents: nothing the walk
    /// reads.
    Other,
    Text(StrTendril),
    Element {
        name: QualName,
        attributes: Vec<Attribute>,
        /// The template's contents, a fragment apart from its children.
        template: Option<Id>,
        /// A MathML `annotation-xml` whose content is HTML.
        integration_point: bool,
    },
}

/// The tree html5ever builds.
struct Tree {
    nodes: RefCell<Vec<Node>>,
}

/// Parses `html` as `DOMParser.parseFromString(html, "text/html")` does: a whole document, with
/// scripting off (so `noscript` holds markup, not text) and a leading byte order mark kept as
/// text (a string has none to strip).
fn parse_document(html: &str) -> Vec<Node> {
    let opts = ParseOpts {
        tokenizer: TokenizerOpts { discard_bom: false, ..TokenizerOpts::default() },
        tree_builder: TreeBuilderOpts { scripting_enabled: false, ..TreeBuilderOpts::default() },
    };
    html5ever::parse_document(Tree::new(), opts).one(html).nodes.into_inner()
}

/// `document.body`: the first `body` or `frameset` child of the `html` document element.
fn body(nodes: &[Node]) -> Option<Id> {
    let is = |id: Id, names: &[LocalName]| {
        matches!(&nodes[id].data, Data::Element { name, .. } if name.ns == ns!(html) && names.contains(&name.local))
    };
    let root = *nodes[DOCUMENT].children.iter().find(|&&id| matches!(nodes[id].data, Data::Element { .. }))?;
    if !is(root, &[local_name!("html")]) {
        return None;
    }
    nodes[root].children.iter().copied().find(|&id| is(id, &[local_name!("body"), local_name!("frameset")]))
}

impl Tree {
    fn new() -> Tree {
        Tree { nodes: RefCell::new(vec![Node { parent: None, children: Vec::new(), data: Data::Document }]) }
    }

    fn add(&self, data: Data) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node { parent: None, children: Vec::new(), data });
        nodes.len() - 1
    }

    /// Takes `id` out of its parent's children.
    fn detach(nodes: &mut [Node], id: Id) {
        if let Some(parent) = nodes[id].parent.take()
            && let Some(index) = nodes[parent].children.iter().rposition(|&child| child == id)
        {
            nodes[parent].children.remove(index);
        }
    }

    /// Puts `child` (a node, or text merged into a text node next to it) among `parent`'s
    /// children at `index`.
    fn insert(&self, parent: Id, index: usize, child: NodeOrText<Id>) {
        let mut nodes = self.nodes.borrow_mut();
        let id = match child {
            NodeOrText::AppendText(text) => {
                let before = index.checked_sub(1).and_then(|i| nodes[parent].children.get(i).copied());
                if let Some(before) = before
                    && let Data::Text(existing) = &mut nodes[before].data
                {
                    existing.push_tendril(&text);
                    return;
                }
                nodes.push(Node { parent: None, children: Vec::new(), data: Data::Text(text) });
                nodes.len() - 1
            }
            NodeOrText::AppendNode(id) => id,
        };
        nodes[id].parent = Some(parent);
        let index = index.min(nodes[parent].children.len());
        nodes[parent].children.insert(index, id);
    }
}

/// An element's name, owned, so that no borrow of the tree outlives a call.
#[derive(Debug)]
struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl TreeSink for Tree {
    type Handle = Id;
    type Output = Tree;
    type ElemName<'a> = Name;

    fn finish(self) -> Tree {
        self
    }

    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Name {
        match &self.nodes.borrow()[*target].data {
            Data::Element { name, .. } => Name(name.clone()),
            // Never asked of anything but an element.
            _ => Name(QualName::new(None, ns!(html), local_name!(""))),
        }
    }

    fn create_element(&self, name: QualName, attributes: Vec<Attribute>, flags: ElementFlags) -> Id {
        let template = flags.template.then(|| self.add(Data::Other));
        let integration_point = flags.mathml_annotation_xml_integration_point;
        self.add(Data::Element { name, attributes, template, integration_point })
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.add(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.add(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let end = self.nodes.borrow()[*parent].children.len();
        self.insert(*parent, end, child);
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        match &self.nodes.borrow()[*target].data {
            Data::Element { template: Some(contents), .. } => *contents,
            // Never asked of anything but a template.
            _ => *target,
        }
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        if let NodeOrText::AppendNode(id) = &new_node {
            Tree::detach(&mut self.nodes.borrow_mut(), *id);
        }
        let place = {
            let nodes = self.nodes.borrow();
            nodes[*sibling]
                .parent
                .and_then(|parent| Some((parent, nodes[parent].children.iter().rposition(|child| child == sibling)?)))
        };
        if let Some((parent, index)) = place {
            self.insert(parent, index, new_node);
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, attributes: Vec<Attribute>) {
        if let Data::Element { attributes: existing, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for attribute in attributes {
                if !existing.iter().any(|present| present.name == attribute.name) {
                    existing.push(attribute);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        Tree::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[*node].children);
        for &child in &children {
            nodes[child].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Id) -> bool {
        matches!(self.nodes.borrow()[*handle].data, Data::Element { integration_point: true, .. })
    }

    // `DOMParser` never attaches declarative shadow roots: such a template stays a template.
    fn allow_declarative_shadow_roots(&self, _intended_parent: &Id) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::sanitize_rules::MAX_DEPTH;

    const BASE: &str = "https://news.example/articles/1";

    const LABEL: &str = "Image — toucher pour l’afficher";

    fn clean(html: &str) -> String {
        sanitize_html(html, BASE, Lang::Fr.strings(), None)
    }

    fn fixture(path: &str) -> serde_json::Value {
        let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
        serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    /// The XSS corpus the end-to-end tests render in every engine.
    fn xss_payloads() -> Vec<String> {
        let corpus = fixture("xss-vectors.json");
        let vectors = corpus["vectors"].as_array().cloned().unwrap_or_default();
        vectors.iter().filter_map(|vector| vector["payload"].as_str().map(str::to_owned)).collect()
    }

    /// Real sites' bodies: JSON Feed `content_html` and WordPress `content.rendered`.
    fn realworld_bodies() -> Vec<String> {
        let root = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for folder in [
            "realworld/jsonfeed",
            "realworld/wordpress/agenius-ru",
            "realworld/wordpress/demo-worona-org",
            "realworld/wordpress/tomchild5-wordpress-com",
            "wordpress",
        ] {
            let entries = std::fs::read_dir(format!("{root}/{folder}")).unwrap_or_else(|error| panic!("{folder}: {error}"));
            files.extend(entries.flatten().map(|entry| format!("{folder}/{}", entry.file_name().to_string_lossy())));
        }
        files.sort();
        let mut bodies = Vec::new();
        for file in files {
            let document = fixture(&file);
            let items = document["items"].as_array().or(document.as_array()).cloned().unwrap_or_else(|| vec![document.clone()]);
            for item in items {
                for body in [&item["content_html"], &item["content"]["rendered"]] {
                    bodies.extend(body.as_str().map(str::to_owned));
                }
            }
        }
        bodies
    }

    /// A node as a comparison of DOMs sees it: adjacent text merged, empty text gone,
    /// attributes in any order.
    #[derive(Debug, PartialEq, Eq)]
    enum Shape {
        Text(String),
        Element(String, std::collections::BTreeMap<String, String>, Vec<Shape>),
    }

    fn push_text(shapes: &mut Vec<Shape>, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(Shape::Text(last)) = shapes.last_mut() {
            last.push_str(text);
        } else {
            shapes.push(Shape::Text(text.to_owned()));
        }
    }

    fn shapes_of_walk(nodes: &[Out]) -> Vec<Shape> {
        let mut shapes = Vec::new();
        for node in nodes {
            match node {
                Out::Text(text) => push_text(&mut shapes, text),
                Out::Element(element) => shapes.push(Shape::Element(
                    element.name.to_owned(),
                    element.attributes.iter().map(|(name, value)| ((*name).to_owned(), value.clone())).collect(),
                    shapes_of_walk(&element.children),
                )),
            }
        }
        shapes
    }

    fn shapes_of_tree(nodes: &[Node], parent: Id) -> Vec<Shape> {
        let mut shapes = Vec::new();
        for &child in &nodes[parent].children {
            match &nodes[child].data {
                Data::Text(text) => push_text(&mut shapes, text),
                Data::Element { name, attributes, .. } => {
                    let prefix = if name.ns == ns!(html) { "" } else { "foreign:" };
                    shapes.push(Shape::Element(
                        format!("{prefix}{}", name.local),
                        attributes.iter().map(|a| (a.name.local.to_string(), a.value.to_string())).collect(),
                        shapes_of_tree(nodes, child),
                    ))
                }
                _ => {}
            }
        }
        shapes
    }

    /// What a browser builds from `html` in the body's container: a `div` of a page in
    /// standards mode, where the HTML does not start the stream (a byte order mark is text).
    fn reparsed(html: &str) -> Vec<Shape> {
        let context = QualName::new(None, ns!(html), local_name!("div"));
        let opts = ParseOpts { tokenizer: TokenizerOpts { discard_bom: false, ..TokenizerOpts::default() }, ..ParseOpts::default() };
        let nodes = html5ever::parse_fragment(Tree::new(), opts, context, Vec::new(), true).one(html).nodes.into_inner();
        let root = nodes[DOCUMENT].children.first().copied().unwrap_or(DOCUMENT);
        shapes_of_tree(&nodes, root)
    }

    /// What in `html` (sanitized output) could run script or load something unasked.
    fn dangers(html: &str) -> Vec<String> {
        let mut found = Vec::new();
        if html.to_ascii_lowercase().contains("<script") {
            found.push("<script".to_owned());
        }
        let nodes = parse_document(html);
        for node in &nodes {
            let Data::Element { name, attributes, .. } = &node.data else { continue };
            if name.ns == ns!(html) && ["html", "head", "body"].contains(&&*name.local) {
                continue;
            }
            if name.ns != ns!(html) || DROPPED.contains(&&*name.local) && &*name.local != "button" {
                found.push(format!("element {}", name.local));
            }
            for attribute in attributes {
                let (key, value) = (attribute.name.local.to_ascii_lowercase(), attribute.value.to_ascii_lowercase());
                let squeezed: String = value.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).collect();
                if key.starts_with("on") || ["srcdoc", "formaction", "action", "srcset", "xlink:href"].contains(&key.as_str()) {
                    found.push(format!("attribute {key}"));
                }
                if ["javascript:", "vbscript:", "data:"].iter().any(|scheme| squeezed.contains(scheme)) {
                    found.push(format!("{key}={value}"));
                }
                if ["href", "src", "cite"].contains(&key.as_str()) && !(value.starts_with("https://") || value.starts_with("http://")) {
                    found.push(format!("{key}={value}"));
                }
            }
        }
        found
    }

    #[test]
    fn simple_bodies_come_out_exactly_as_the_widget_builds_them() {
        let cases = [
            ("<p>Bon <b>texte</b></p><script>window.pwned = 1</script>", "<p>Bon <b>texte</b></p>"),
            ("<h1 class=\"x\">Intertitre</h1>", "<h2>Intertitre</h2>"),
            ("<div style=\"color:red\" onclick=\"x()\">contenu <font color=red>gardé</font></div>", "contenu gardé"),
            (
                "<a href=\"/ailleurs\" target=\"_blank\" rel=\"opener\">relatif</a>",
                "<a href=\"https://news.example/ailleurs\" rel=\"noopener noreferrer\" referrerpolicy=\"no-referrer\">relatif</a>",
            ),
            (
                "<img src=\"x.png\" onerror=\"window.pwned = 1\" width=\"640\" height=\"auto\">",
                "<img src=\"https://news.example/articles/x.png\" alt=\"\" width=\"640\" loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\">",
            ),
            ("<a href=\"javascript:alert(1)\">lien</a>", "<a rel=\"noopener noreferrer\" referrerpolicy=\"no-referrer\">lien</a>"),
            ("<svg><script>window.pwned = 1</script></svg><math><mi>x</mi></math>après", "après"),
            // HTML elements leave foreign content as the parser leaves it.
            ("<svg><p>sorti</p></svg>", "<p>sorti</p>"),
            ("<title>Titre</title>Texte<!-- commentaire --><style>p{}</style>", "Texte"),
            ("<p title='a\"b&amp;'>1 &lt; 2 &amp; 3&nbsp;4 \"5\"</p>", "<p title=\"a&quot;b&amp;\">1 &lt; 2 &amp; 3&nbsp;4 \"5\"</p>"),
            ("<ol start=\"3\" reversed type=\"a\"><li>x</ol>", "<ol start=\"3\" reversed=\"\"><li>x</li></ol>"),
            ("<table><tr><td colspan=2 scope=row>x</table>", "<table><tbody><tr><td colspan=\"2\" scope=\"row\">x</td></tr></tbody></table>"),
            ("<blockquote cite=\"/source\" lang=\"en\" dir=\"rtl\">q</blockquote>", "<blockquote lang=\"en\" dir=\"rtl\" cite=\"https://news.example/source\">q</blockquote>"),
            // The parser takes the line break right after `<pre>`: one more keeps the second.
            ("<pre>\n\ncode</pre>", "<pre>\n\ncode</pre>"),
            ("<pre>\ncode</pre>", "<pre>code</pre>"),
            // DOMParser parses with scripting off: noscript holds markup, and this is an attribute
            // of a p, which the head's noscript cannot hold, so it goes to the body.
            (
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
                "<p title=\"&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;\"></p>",
            ),
            ("<p>x</p><noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "<p>x</p>"),
            ("<iframe src=\"https://evil.example/embed/x\">t</iframe><iframe srcdoc=\"<script>x</script>\"></iframe>", ""),
            ("", ""),
        ];
        for (html, expected) in cases {
            assert_eq!(clean(html), expected, "{html:?}");
        }
    }

    #[test]
    fn videos_from_allowed_hosts_become_the_widgets_placeholder() {
        let html = "<p>Avant</p><iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1\" onload=\"x()\"></iframe><p>Après</p>";
        assert_eq!(
            clean(html),
            "<p>Avant</p><span class=\"kq-video\"><button class=\"kq-button kq-video-load\" type=\"button\">Lire la vidéo (YouTube)</button>\
             <span class=\"kq-video-note\">La vidéo ne se charge depuis YouTube que si vous la lancez. <a class=\"\" \
             href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" rel=\"noopener noreferrer\" referrerpolicy=\"no-referrer\">Voir sur YouTube</a></span></span><p>Après</p>"
        );
        let english = sanitize_html("<iframe src=\"https://player.vimeo.com/video/76979871\"></iframe>", BASE, Lang::En.strings(), None);
        assert!(english.contains(">Play the video (Vimeo)</button>") && english.contains("href=\"https://vimeo.com/76979871\""), "{english}");
    }

    #[test]
    fn held_images_become_the_widgets_buttons() {
        let held = |html: &str| sanitize_html(html, BASE, Lang::Fr.strings(), Some(LABEL));
        assert_eq!(
            held("<img src=\"a.png\" alt=\"Un chat\" lang=\"fr-ML\" width=\"0800\" height=\"600\">"),
            "<button class=\"kq-image-hold\" type=\"button\" style=\"aspect-ratio: 800 / 600; max-width: 800px;\">\
             <span class=\"kq-image-alt\" lang=\"fr-ML\">Un chat</span><span class=\"kq-image-cost\">Image — toucher pour l’afficher</span></button>"
        );
        // No alt text, no size: only the label, and no box.
        assert_eq!(
            held("<p><img src=\"a.png\" width=\"800\"></p>"),
            "<p><button class=\"kq-image-hold\" type=\"button\"><span class=\"kq-image-cost\">Image — toucher pour l’afficher</span></button></p>"
        );
        assert!(!held("<img src=\"a.png\" alt=\"x\">").contains("a.png"), "a held image's address is not in the page");
    }

    #[test]
    fn unknown_wrappers_give_way_and_deep_nesting_keeps_only_text() {
        assert_eq!(clean("<section><article><div><p>un</p><center>deux</center></div></article></section>"), "<p>un</p>deux");
        let deep = |depth: usize| format!("{}<p>fond <b>gras</b><script>x</script></p>{}", "<span>".repeat(depth), "</span>".repeat(depth));
        let open = |depth: usize| "<span>".repeat(depth);
        let close = |depth: usize| "</span>".repeat(depth);
        assert_eq!(clean(&deep(MAX_DEPTH - 2)), format!("{}<p>fond <b>gras</b></p>{}", open(MAX_DEPTH - 2), close(MAX_DEPTH - 2)));
        // Too deep: the text content; a dropped element still leaves nothing.
        assert_eq!(clean(&deep(MAX_DEPTH - 1)), format!("{}<p>fond gras</p>{}", open(MAX_DEPTH - 1), close(MAX_DEPTH - 1)));
        // The text content includes a script's text (as text), as `textContent` does.
        assert_eq!(clean(&deep(MAX_DEPTH)), format!("{}fond grasx{}", open(MAX_DEPTH), close(MAX_DEPTH)));
        // Far deeper than any stack would take recursively.
        let abyss = format!("{}abyss", "<span>".repeat(100_000));
        assert_eq!(clean(&abyss), format!("{}abyss{}", open(MAX_DEPTH), close(MAX_DEPTH)));
    }

    #[test]
    fn helpers_agree_with_the_browser() {
        assert_eq!(box_style("0800", "0600").as_deref(), Some("aspect-ratio: 800 / 600; max-width: 800px;"));
        assert!(is_box_style("aspect-ratio: 800 / 600; max-width: 800px;"));
        assert!(!is_box_style("aspect-ratio: 800 / 600; max-width: 900px;"));
        assert!(!is_box_style("aspect-ratio: 800 / 600; max-width: 800px; background: url(x)"));
        assert!(!is_box_style("background: url(x)"));
        assert_eq!(without_unparsable_urls(&walk("<a href=\"https://\">x</a>", BASE, Lang::Fr.strings(), None)).len(), 1);
        // A leading byte order mark is text to DOMParser, and stays.
        assert_eq!(clean("\u{feff}<p>x</p>"), "\u{feff}<p>x</p>");
        // An address the URL standard refuses keeps its safe scheme, as in the browser.
        assert_eq!(clean("<a href=\"https://\">x</a>"), "<a href=\"https://\" rel=\"noopener noreferrer\" referrerpolicy=\"no-referrer\">x</a>");
    }

    #[test]
    fn the_xss_corpus_leaves_nothing_dangerous() {
        let payloads = xss_payloads();
        assert!(payloads.len() >= 150, "{} vectors", payloads.len());
        for (index, payload) in payloads.iter().enumerate() {
            for held in [None, Some(LABEL)] {
                let output = sanitize_html(payload, BASE, Lang::Fr.strings(), held);
                let dangers = dangers(&output);
                assert!(dangers.is_empty(), "vector {index}: {dangers:?} in {output}");
            }
        }
    }

    /// Every output of the corpus, as the walk built it and as HTML.
    fn corpus_outputs() -> Vec<(String, Option<&'static str>, Vec<Out>, String)> {
        let mut outputs = Vec::new();
        for html in xss_payloads().into_iter().chain(realworld_bodies()) {
            for held in [None, Some(LABEL)] {
                let nodes = walk(&html, BASE, Lang::Fr.strings(), held);
                let exact = serialized(&nodes, true);
                outputs.push((html.clone(), held, nodes, exact));
            }
        }
        outputs
    }

    #[test]
    fn ammonia_changes_nothing_in_the_walks_output() {
        let (mut same, mut reshaped) = (0, 0);
        let outputs = corpus_outputs();
        for (html, _, nodes, exact) in &outputs {
            let guarded = guard().clean(exact).to_string();
            if guarded == *exact {
                same += 1;
                continue;
            }
            // Nothing taken out: the browser builds the same from either.
            assert_eq!(reparsed(&guarded), reparsed(exact), "{html}");
            if !removed_nothing(nodes, &guarded) {
                reshaped += 1;
            }
        }
        // The walk builds nothing that HTML cannot spell (see the next test), so ammonia's
        // parse never moves anything.
        assert_eq!(reshaped, 0);
        assert!(same + 2 >= outputs.len(), "{same} of {}", outputs.len());
    }

    #[test]
    fn the_browser_parses_the_output_back_into_the_walks_nodes() {
        let mut unspellable = Vec::new();
        let outputs = corpus_outputs();
        for (html, _, nodes, exact) in &outputs {
            if reparsed(exact) != shapes_of_walk(nodes) {
                unspellable.push(html.clone());
            }
        }
        // A video in a paragraph (a common WordPress pattern) stays in it: its placeholder is
        // phrasing content, which a parser keeps inside a p.
        assert_eq!(unspellable, Vec::<String>::new());
        assert!(outputs.len() > 1000, "{}", outputs.len());
        let video = clean("<p><iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe></p>");
        assert!(video.starts_with("<p><span class=\"kq-video\">") && video.ends_with("</span></span></p>"), "{video}");
    }
}
