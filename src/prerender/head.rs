//! The `<head>` of a prerendered article page: what link-preview bots (WhatsApp, Facebook, X,
//! Telegram, LinkedIn) and search engines read — the title, a description, the canonical
//! address, Open Graph and Twitter cards, and Google's `NewsArticle` structured data.
//!
//! Pure: strings in, HTML out. Model text is plain decoded text (see [`crate::model`]), so it
//! is escaped here, once; the JSON-LD is escaped for the inside of a `<script>` element.
//!
//! The image is the article's own `image.src`, the picture the page shows, with its width,
//! height and alt: a wider copy from `image.sources` would not match those dimensions, and
//! bots and the reader should see the same picture.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use crate::dates::machine_readable;
use crate::model::{Article, Body};
use crate::text::collapse_spaces;

/// How long a description made from the body may be, in characters, ellipsis included.
pub const DESCRIPTION_CHARS: usize = 160;

/// What the head of a generated article page says, besides the article itself.
#[derive(Clone, Copy, Debug)]
pub struct PageHead<'a> {
    /// The article the page shows.
    pub article: &'a Article,
    /// The publication's name (feed title), for og:site_name and JSON-LD publisher.
    pub site_name: &'a str,
    /// The page's own absolute address (canonical, og:url); may be empty when unknown.
    pub canonical: &'a str,
    /// The article's language tag ("fr", "ar", "en-GB"), for og:locale and JSON-LD inLanguage.
    pub lang: &'a str,
    /// The publication's home page, for the JSON-LD publisher's url.
    pub home_page: Option<&'a str>,
}

/// The elements inside `<head>` after `<meta charset>` and viewport, one per line: `<title>`,
/// meta description, canonical link, Open Graph, Twitter, and a JSON-LD `NewsArticle` script.
///
/// Addresses that are not absolute http(s) URLs (canonical, image, home page) are left out.
pub fn head_elements(head: &PageHead<'_>) -> String {
    let article = head.article;
    let headline = collapse_spaces(&article.title);
    let site_name = collapse_spaces(head.site_name);
    let description = description(article);
    let canonical = absolute(head.canonical);
    let image = article.image.as_ref().and_then(|image| Some((image, absolute(&image.src)?)));
    let image_alt = image.map(|(image, _)| collapse_spaces(&image.alt)).filter(|alt| !alt.is_empty());
    let authors: Vec<String> = article.authors.iter().map(|name| collapse_spaces(name)).filter(|name| !name.is_empty()).collect();
    let section = article.section.as_deref().map(collapse_spaces).filter(|section| !section.is_empty());

    let mut out = String::new();
    let title = match (headline.is_empty(), site_name.is_empty()) {
        (_, true) => headline.clone(),
        (true, false) => site_name.clone(),
        (false, false) => format!("{headline} — {site_name}"),
    };
    out.push_str(&format!("<title>{}</title>\n", escape(&title)));
    if let Some(description) = &description {
        meta(&mut out, "name", "description", description);
    }
    if let Some(canonical) = canonical {
        out.push_str(&format!("<link rel=\"canonical\" href=\"{}\">\n", escape(canonical)));
    }

    meta(&mut out, "property", "og:type", "article");
    meta(&mut out, "property", "og:title", &headline);
    if let Some(description) = &description {
        meta(&mut out, "property", "og:description", description);
    }
    if let Some(canonical) = canonical {
        meta(&mut out, "property", "og:url", canonical);
    }
    if !site_name.is_empty() {
        meta(&mut out, "property", "og:site_name", &site_name);
    }
    if let Some(locale) = og_locale(head.lang) {
        meta(&mut out, "property", "og:locale", &locale);
    }
    if let Some((image, src)) = image {
        meta(&mut out, "property", "og:image", src);
        if let Some(width) = image.width.filter(|&width| width > 0) {
            meta(&mut out, "property", "og:image:width", &width.to_string());
        }
        if let Some(height) = image.height.filter(|&height| height > 0) {
            meta(&mut out, "property", "og:image:height", &height.to_string());
        }
        if let Some(alt) = &image_alt {
            meta(&mut out, "property", "og:image:alt", alt);
        }
    }
    if let Some(published) = &article.published {
        meta(&mut out, "property", "article:published_time", &machine_readable(published));
    }
    if let Some(modified) = &article.modified {
        meta(&mut out, "property", "article:modified_time", &machine_readable(modified));
    }
    if let Some(section) = &section {
        meta(&mut out, "property", "article:section", section);
    }
    for author in &authors {
        meta(&mut out, "property", "article:author", author);
    }

    meta(&mut out, "name", "twitter:card", if image.is_some() { "summary_large_image" } else { "summary" });
    meta(&mut out, "name", "twitter:title", &headline);
    if let Some(description) = &description {
        meta(&mut out, "name", "twitter:description", description);
    }
    if let Some((_, src)) = image {
        meta(&mut out, "name", "twitter:image", src);
        if let Some(alt) = &image_alt {
            meta(&mut out, "name", "twitter:image:alt", alt);
        }
    }

    let publisher = (!site_name.is_empty()).then(|| {
        let mut organization = Map::new();
        organization.insert("@type".into(), "Organization".into());
        organization.insert("name".into(), site_name.clone().into());
        if let Some(home_page) = head.home_page.and_then(absolute) {
            organization.insert("url".into(), home_page.into());
        }
        Value::Object(organization)
    });
    let mut data = Map::new();
    data.insert("@context".into(), "https://schema.org".into());
    data.insert("@type".into(), "NewsArticle".into());
    data.insert("headline".into(), headline.into());
    if let Some(description) = description {
        data.insert("description".into(), description.into());
    }
    if let Some((_, src)) = image {
        data.insert("image".into(), json!([src]));
    }
    let published = article.published.as_ref().map(machine_readable);
    let modified = article.modified.as_ref().map(machine_readable).or_else(|| published.clone());
    if let Some(published) = published {
        data.insert("datePublished".into(), published.into());
    }
    if let Some(modified) = modified {
        data.insert("dateModified".into(), modified.into());
    }
    if !authors.is_empty() {
        let people = authors.into_iter().map(|name| json!({"@type": "Person", "name": name})).collect();
        data.insert("author".into(), Value::Array(people));
    } else if let Some(publisher) = &publisher {
        data.insert("author".into(), json!([publisher]));
    }
    if let Some(publisher) = publisher {
        data.insert("publisher".into(), publisher);
    }
    if let Some(canonical) = canonical {
        data.insert("mainEntityOfPage".into(), json!({"@type": "WebPage", "@id": canonical}));
    }
    let lang = head.lang.trim();
    if !lang.is_empty() {
        data.insert("inLanguage".into(), lang.into());
    }
    if let Some(section) = section {
        data.insert("articleSection".into(), section.into());
    }
    out.push_str("<script type=\"application/ld+json\">");
    out.push_str(&script_json(&Value::Object(data)));
    out.push_str("</script>\n");
    out
}

/// The description used: the summary as written (on one line), else the start of the body's
/// text, cut at a word to about [`DESCRIPTION_CHARS`] with an ellipsis; `None` without either.
pub fn description(article: &Article) -> Option<String> {
    if let Some(summary) = article.summary.as_deref().map(collapse_spaces).filter(|summary| !summary.is_empty()) {
        return Some(summary);
    }
    let text = match &article.body {
        Body::Text(text) => collapse_spaces(text),
        Body::Html(html) => collapse_spaces(&html_text(html)),
        Body::Protected | Body::Empty => return None,
    };
    (!text.is_empty()).then(|| cut_at_word(&text, DESCRIPTION_CHARS))
}

/// The text of an untrusted HTML body, without what a reader does not see as its prose:
/// scripts, styles, templates, `<noscript>` fallbacks and figure captions.
fn html_text(html: &str) -> String {
    // ammonia parses as browsers do; the tags it keeps tell `html_to_text` where blocks end.
    let cleaned = ammonia::Builder::default()
        .rm_tags(["figcaption"])
        .clean_content_tags(HashSet::from(["script", "style", "template", "noscript", "figcaption"]))
        .clean(html)
        .to_string();
    crate::sources::wordpress::html_to_text(&cleaned)
}

/// `text` cut to at most `max` characters, ellipsis included: at the last space that keeps at
/// least half of it, else in the word (for scripts written without spaces).
fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let keep = max.saturating_sub(1);
    let cut: String = text.chars().take(keep).collect();
    let next_is_space = text.chars().nth(keep) == Some(' ');
    let at_word = match cut.rsplit_once(' ') {
        _ if next_is_space => cut.as_str(),
        Some((head, _)) if head.chars().count() >= keep / 2 => head,
        _ => cut.as_str(),
    };
    let trimmed = at_word.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-' | '–' | '—' | '(' | '«' | '“' | '‘' | '،' | '؛' | '\u{200d}')
    });
    format!("{}…", if trimmed.is_empty() { at_word } else { trimmed })
}

/// The address when it is an absolute http(s) URL that can be fetched, as Open Graph and
/// canonical links need: not on a `.invalid` host, which never resolves (RFC 2606; the command
/// names a site it knows only by paths so).
fn absolute(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme_end = url.find("://")?;
    let scheme = &url[..scheme_end];
    let rest = &url[scheme_end + 3..];
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = host.split(':').next().unwrap_or_default().trim_end_matches('.').to_ascii_lowercase();
    let fetchable = !host.is_empty() && host != "invalid" && !host.ends_with(".invalid");
    ((scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")) && fetchable).then_some(url)
}

/// Appends `<meta {attribute}="{key}" content="{value}">` and a line break.
fn meta(out: &mut String, attribute: &str, key: &str, value: &str) {
    out.push_str(&format!("<meta {attribute}=\"{key}\" content=\"{}\">\n", escape(value)));
}

/// `text` escaped for HTML text and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `value` as JSON that can sit inside a `<script>` element: `<`, `>` and `&` as `\u` escapes,
/// so no `</script>` or `<!--` can appear, and the line separators JavaScript once refused.
fn script_json(value: &Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            // These only occur inside JSON strings, where `\u` escapes mean the same.
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Languages whose region is implied when a tag gives none: CLDR's likely region, except
/// Arabic, for which Facebook uses `ar_AR`.
const DEFAULT_REGIONS: [(&str, &str); 22] = [
    ("am", "ET"),
    ("ar", "AR"),
    ("bm", "ML"),
    ("de", "DE"),
    ("en", "US"),
    ("es", "ES"),
    ("ff", "SN"),
    ("fr", "FR"),
    ("ha", "NG"),
    ("it", "IT"),
    ("ja", "JP"),
    ("ln", "CD"),
    ("nl", "NL"),
    ("pt", "BR"),
    ("ru", "RU"),
    ("so", "SO"),
    ("sw", "TZ"),
    ("tr", "TR"),
    ("wo", "SN"),
    ("yo", "NG"),
    ("zh", "CN"),
    ("zu", "ZA"),
];

/// The `og:locale` of a language tag, `language_TERRITORY`: `fr` → `fr_FR`, `fr-ML` → `fr_ML`,
/// `zh-Hant-TW` → `zh_TW`; `None` for a language alone that is not in [`DEFAULT_REGIONS`].
fn og_locale(tag: &str) -> Option<String> {
    let mut subtags = tag.trim().split(['-', '_']);
    let language = subtags.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_lowercase()) || language == "und" {
        return None;
    }
    let mut region = None;
    for subtag in subtags {
        match subtag.len() {
            2 if subtag.bytes().all(|b| b.is_ascii_alphabetic()) => {
                region = Some(subtag.to_ascii_uppercase());
                break;
            }
            // An extended language or a script (`zh-yue`, `sr-Latn`) may come before the region.
            3 | 4 if subtag.bytes().all(|b| b.is_ascii_alphabetic()) => {}
            // A numeric region (`es-419`), a variant or an extension: no territory to give.
            _ => break,
        }
    }
    let region = region.or_else(|| {
        DEFAULT_REGIONS.iter().find(|(known, _)| *known == language).map(|(_, region)| (*region).to_owned())
    })?;
    Some(format!("{language}_{region}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_rfc3339;
    use crate::model::Image;

    const TITLE: &str = "Mali & \"l'armée\" — الجيش المالي";

    fn article() -> Article {
        Article {
            id: "mali-armee".into(),
            url: Some("https://www.nasubainfos.example/2026/02/02/mali-armee/".into()),
            title: TITLE.into(),
            summary: Some("L’armée annonce une offensive dans le centre du pays.".into()),
            body: Body::Text("Premier paragraphe.\nDeuxième paragraphe.".into()),
            published: parse_rfc3339("2026-02-02T11:42:00+00:00"),
            modified: parse_rfc3339("2026-02-02T15:05:00+01:00"),
            authors: vec!["Fatoumata Traoré".into(), "Moussa Keïta".into()],
            section: Some("Afrique".into()),
            image: Some(Image {
                src: "https://www.nasubainfos.example/images/armee.jpg".into(),
                alt: "Des soldats \"en patrouille\" à Mopti".into(),
                width: Some(1200),
                height: Some(675),
                ..Image::default()
            }),
            ..Article::default()
        }
    }

    fn head(article: &Article) -> PageHead<'_> {
        PageHead {
            article,
            site_name: "Nasuba Infos",
            canonical: "https://www.nasubainfos.example/2026/02/02/mali-armee/",
            lang: "fr",
            home_page: Some("https://www.nasubainfos.example/"),
        }
    }

    /// What a browser reads from an attribute value or text written by [`escape`].
    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
    }

    /// The raw `content` of `<meta {attribute}="{key}" …>`, each one in the output.
    fn metas<'a>(html: &'a str, attribute: &str, key: &str) -> Vec<&'a str> {
        let start = format!("<meta {attribute}=\"{key}\" content=\"");
        html.lines()
            .filter_map(|line| line.strip_prefix(start.as_str()))
            .map(|rest| rest.strip_suffix("\">").expect("one meta per line"))
            .collect()
    }

    fn meta_value(html: &str, attribute: &str, key: &str) -> Option<String> {
        match metas(html, attribute, key).as_slice() {
            [] => None,
            [one] => Some(unescape(one)),
            many => panic!("{key} appears {} times", many.len()),
        }
    }

    fn json_ld(html: &str) -> Value {
        let open = "<script type=\"application/ld+json\">";
        let start = html.find(open).expect("a JSON-LD script") + open.len();
        let end = start + html[start..].find("</script>").expect("the script ends");
        serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
    }

    #[test]
    fn a_title_with_ampersand_quotes_and_arabic_is_escaped_and_round_trips() {
        let article = article();
        let html = head_elements(&head(&article));
        let escaped = "Mali &amp; &quot;l&#39;armée&quot; — الجيش المالي";
        assert!(html.contains(&format!("<title>{escaped} — Nasuba Infos</title>")), "{html}");
        assert_eq!(metas(&html, "property", "og:title"), [escaped]);
        assert_eq!(metas(&html, "name", "twitter:title"), [escaped]);
        assert_eq!(meta_value(&html, "property", "og:title").as_deref(), Some(TITLE));
        assert_eq!(meta_value(&html, "name", "twitter:title").as_deref(), Some(TITLE));
        // Every attribute is double-quoted, and no value holds a raw quote or angle bracket.
        for line in html.lines().filter(|line| line.starts_with("<meta")) {
            let value = line.split("content=\"").nth(1).unwrap().strip_suffix("\">").unwrap();
            assert!(!value.contains(['"', '<', '>', '\'']), "{line}");
        }
        assert_eq!(meta_value(&html, "property", "og:image:alt").as_deref(), Some("Des soldats \"en patrouille\" à Mopti"));
    }

    #[test]
    fn the_title_is_the_headline_alone_without_a_site_name() {
        let article = article();
        let html = head_elements(&PageHead { site_name: "", ..head(&article) });
        assert!(html.starts_with("<title>Mali &amp; &quot;l&#39;armée&quot; — الجيش المالي</title>\n"), "{html}");
        assert_eq!(meta_value(&html, "property", "og:site_name"), None);
        let data = json_ld(&html);
        assert!(data.get("publisher").is_none());
    }

    #[test]
    fn json_ld_carries_what_google_asks_for_an_article() {
        let article = article();
        let html = head_elements(&head(&article));
        let data = json_ld(&html);
        assert_eq!(data["@context"], "https://schema.org");
        assert_eq!(data["@type"], "NewsArticle");
        assert_eq!(data["headline"], TITLE);
        assert_eq!(data["description"], "L’armée annonce une offensive dans le centre du pays.");
        assert_eq!(data["image"], json!(["https://www.nasubainfos.example/images/armee.jpg"]));
        assert_eq!(data["datePublished"], "2026-02-02T11:42:00+00:00");
        assert_eq!(data["dateModified"], "2026-02-02T15:05:00+01:00");
        assert_eq!(
            data["author"],
            json!([{"@type": "Person", "name": "Fatoumata Traoré"}, {"@type": "Person", "name": "Moussa Keïta"}])
        );
        assert_eq!(
            data["publisher"],
            json!({"@type": "Organization", "name": "Nasuba Infos", "url": "https://www.nasubainfos.example/"})
        );
        assert_eq!(data["mainEntityOfPage"]["@id"], "https://www.nasubainfos.example/2026/02/02/mali-armee/");
        assert_eq!(data["inLanguage"], "fr");
        assert_eq!(data["articleSection"], "Afrique");
        // The `&` of the title is escaped inside the script, and reads back as `&`.
        assert!(!html[html.find("<script").unwrap()..].contains("&amp;"));
        assert!(html.contains("Mali \\u0026"));
    }

    #[test]
    fn without_authors_the_publisher_signs_and_the_modified_date_is_the_published_one() {
        let article = Article { authors: Vec::new(), modified: None, ..article() };
        let html = head_elements(&PageHead { home_page: None, ..head(&article) });
        let data = json_ld(&html);
        assert_eq!(data["author"], json!([{"@type": "Organization", "name": "Nasuba Infos"}]));
        assert_eq!(data["publisher"], json!({"@type": "Organization", "name": "Nasuba Infos"}));
        assert_eq!(data["dateModified"], data["datePublished"]);
        assert!(metas(&html, "property", "article:author").is_empty());
        assert_eq!(meta_value(&html, "property", "article:modified_time"), None);
    }

    #[test]
    fn open_graph_article_tags() {
        let article = article();
        let html = head_elements(&head(&article));
        let value = |key| meta_value(&html, "property", key);
        assert_eq!(value("og:type").as_deref(), Some("article"));
        assert_eq!(value("og:url").as_deref(), Some("https://www.nasubainfos.example/2026/02/02/mali-armee/"));
        assert_eq!(value("og:site_name").as_deref(), Some("Nasuba Infos"));
        assert_eq!(value("og:locale").as_deref(), Some("fr_FR"));
        assert_eq!(value("og:image").as_deref(), Some("https://www.nasubainfos.example/images/armee.jpg"));
        assert_eq!(value("og:image:width").as_deref(), Some("1200"));
        assert_eq!(value("og:image:height").as_deref(), Some("675"));
        assert_eq!(value("article:published_time").as_deref(), Some("2026-02-02T11:42:00+00:00"));
        assert_eq!(value("article:modified_time").as_deref(), Some("2026-02-02T15:05:00+01:00"));
        assert_eq!(value("article:section").as_deref(), Some("Afrique"));
        assert_eq!(metas(&html, "property", "article:author"), ["Fatoumata Traoré", "Moussa Keïta"]);
        assert_eq!(meta_value(&html, "name", "twitter:card").as_deref(), Some("summary_large_image"));
        assert_eq!(meta_value(&html, "name", "twitter:image").as_deref(), value("og:image").as_deref());
        assert_eq!(meta_value(&html, "name", "twitter:image:alt").as_deref(), value("og:image:alt").as_deref());
        assert!(html.contains("<link rel=\"canonical\" href=\"https://www.nasubainfos.example/2026/02/02/mali-armee/\">\n"));
    }

    #[test]
    fn a_script_end_in_the_title_stays_inside_the_json() {
        let title = "Fin </script><script>alert(1)</script> <!-- et </SCRIPT >";
        let article = Article { title: title.into(), ..article() };
        let html = head_elements(&head(&article));
        let script = &html[html.find("<script").unwrap()..];
        assert_eq!(script.to_ascii_lowercase().matches("</script").count(), 1, "{script}");
        assert!(!script.contains("<!--"));
        assert!(script.ends_with("</script>\n"));
        assert_eq!(json_ld(&html)["headline"], title);
        assert!(html.contains("<title>Fin &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- et &lt;/SCRIPT &gt; — Nasuba Infos</title>"));
    }

    #[test]
    fn without_an_image_the_card_is_a_summary_and_there_is_no_og_image() {
        let no_image = Article { image: None, ..article() };
        let html = head_elements(&head(&no_image));
        assert_eq!(meta_value(&html, "name", "twitter:card").as_deref(), Some("summary"));
        assert!(!html.contains("og:image"));
        assert!(!html.contains("twitter:image"));
        assert!(json_ld(&html).get("image").is_none());
        // A relative address is not one a bot can fetch: left out as well.
        let relative = Article { image: Some(Image { src: "images/a.jpg".into(), ..Image::default() }), ..article() };
        let html = head_elements(&head(&relative));
        assert!(!html.contains("og:image"));
        assert_eq!(meta_value(&html, "name", "twitter:card").as_deref(), Some("summary"));
    }

    #[test]
    fn an_image_without_dimensions_or_alt_gives_just_its_address() {
        let image = Image { src: "https://cdn.example/a.jpg".into(), ..Image::default() };
        let article = Article { image: Some(image), ..article() };
        let html = head_elements(&head(&article));
        assert_eq!(meta_value(&html, "property", "og:image").as_deref(), Some("https://cdn.example/a.jpg"));
        assert!(!html.contains("og:image:width") && !html.contains("og:image:height"));
        assert!(!html.contains("og:image:alt") && !html.contains("twitter:image:alt"));
    }

    #[test]
    fn an_unknown_page_address_gives_no_canonical_url() {
        let article = article();
        let html = head_elements(&PageHead { canonical: "", ..head(&article) });
        assert!(!html.contains("canonical"));
        assert!(!html.contains("og:url"));
        assert!(json_ld(&html).get("mainEntityOfPage").is_none());
    }

    #[test]
    fn description_is_the_summary_else_the_text_cut_at_a_word() {
        assert_eq!(description(&article()).as_deref(), Some("L’armée annonce une offensive dans le centre du pays."));
        let words = "Le fleuve Niger et ses bras irriguent une vallée où des enseignants ont dessiné, commune après commune, les cartes que leurs élèves n’avaient jamais vues dans un manuel scolaire.";
        let article = Article { summary: Some("  \n ".into()), body: Body::Text(format!("{words}\n\nDeuxième paragraphe.")), ..article() };
        let text = description(&article).unwrap();
        assert!(text.chars().count() <= DESCRIPTION_CHARS, "{text}");
        assert!(text.ends_with(" jamais vues dans…"), "{text}");
        assert!(words.starts_with(text.trim_end_matches('…')));
        // A short text is whole, its paragraphs on one line.
        let short = Article { summary: None, body: Body::Text("Un.\n\nDeux.".into()), ..article };
        assert_eq!(description(&short).as_deref(), Some("Un. Deux."));
        let html = head_elements(&head(&short));
        assert_eq!(meta_value(&html, "name", "description").as_deref(), Some("Un. Deux."));
        assert_eq!(meta_value(&html, "property", "og:description").as_deref(), Some("Un. Deux."));
        assert_eq!(meta_value(&html, "name", "twitter:description").as_deref(), Some("Un. Deux."));
    }

    #[test]
    fn description_of_html_is_its_prose_without_tags_scripts_or_captions() {
        let html = "<figure><img src=\"a.jpg\"><figcaption>Photo : AFP</figcaption></figure>\
            <style>p { color: red }</style><p>Bamako &amp; Mopti&nbsp;: l&#8217;<b>armée</b> <i>avance</i>.</p>\
            <script>alert(\"x\")</script><p>Second &lt;paragraphe&gt;.</p><!-- note -->";
        let article = Article { summary: None, body: Body::Html(html.into()), ..article() };
        assert_eq!(description(&article).as_deref(), Some("Bamako & Mopti\u{a0}: l’armée avance. Second <paragraphe>."));
        let head = head_elements(&head(&article));
        assert!(head.contains("content=\"Bamako &amp; Mopti\u{a0}: l’armée avance. Second &lt;paragraphe&gt;.\""), "{head}");
    }

    #[test]
    fn a_protected_or_empty_body_without_summary_has_no_description() {
        for body in [Body::Protected, Body::Empty, Body::Text(" \n ".into()), Body::Html("<p> </p><script>x</script>".into())] {
            let article = Article { summary: None, body, ..article() };
            assert_eq!(description(&article), None);
            let html = head_elements(&head(&article));
            assert!(!html.contains("description"), "{html}");
        }
    }

    #[test]
    fn text_without_spaces_is_cut_in_the_word() {
        let text = "字".repeat(300);
        let cut = cut_at_word(&text, DESCRIPTION_CHARS);
        assert_eq!(cut.chars().count(), DESCRIPTION_CHARS);
        assert!(cut.ends_with('…'));
        // A space early on does not make the description a few characters long.
        let cut = cut_at_word(&format!("Tokyo {text}"), DESCRIPTION_CHARS);
        assert_eq!(cut.chars().count(), DESCRIPTION_CHARS);
    }

    #[test]
    fn og_locale_is_language_and_territory() {
        assert_eq!(og_locale("fr").as_deref(), Some("fr_FR"));
        assert_eq!(og_locale("en").as_deref(), Some("en_US"));
        assert_eq!(og_locale("ar").as_deref(), Some("ar_AR"));
        assert_eq!(og_locale("fr-ML").as_deref(), Some("fr_ML"));
        assert_eq!(og_locale("en-GB").as_deref(), Some("en_GB"));
        assert_eq!(og_locale("AR-ma").as_deref(), Some("ar_MA"));
        assert_eq!(og_locale("pt_PT").as_deref(), Some("pt_PT"));
        assert_eq!(og_locale("zh-Hant-TW").as_deref(), Some("zh_TW"));
        assert_eq!(og_locale("es-419").as_deref(), Some("es_ES"));
        assert_eq!(og_locale("kab"), None);
        assert_eq!(og_locale(""), None);
        assert_eq!(og_locale("und"), None);
        assert_eq!(og_locale("x-private"), None);
        assert_eq!(og_locale("français"), None);
        let article = article();
        let html = head_elements(&PageHead { lang: "kab", ..head(&article) });
        assert!(!html.contains("og:locale"));
        assert_eq!(json_ld(&html)["inLanguage"], "kab");
        let html = head_elements(&PageHead { lang: "", ..head(&article) });
        assert!(json_ld(&html).get("inLanguage").is_none());
    }
}
