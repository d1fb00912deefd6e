//! Plain-text helpers: paragraphs, word counts, reading time, and HTML character references.

/// Reading speed used for the reading time, in words per minute (a common figure for adults
/// reading news on screen, in French as in English).
pub const WORDS_PER_MINUTE: usize = 200;

/// The paragraphs of a plain-text body: one per non-blank line, trimmed.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty())
}

/// The number of words in a text.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|word| word.chars().any(char::is_alphanumeric)).count()
}

/// The words of an article's body (none for a protected or empty one).
pub fn body_words(body: &crate::model::Body) -> usize {
    use crate::model::Body;
    match body {
        Body::Text(text) => word_count(text),
        Body::Html(html) => word_count(&strip_tags(html)),
        Body::Protected | Body::Empty => 0,
    }
}

/// Minutes needed to read `words` words, rounded up, at least one.
pub fn reading_minutes(words: usize) -> u32 {
    u32::try_from(words.div_ceil(WORDS_PER_MINUTE).max(1)).unwrap_or(u32::MAX)
}

/// The text of an HTML fragment without its tags (for counting words and made-up titles, not
/// for display: entities stay encoded and nothing is sanitized).
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match (in_tag, c) {
            (false, '<') => in_tag = true,
            (true, '>') => {
                in_tag = false;
                out.push(' ');
            }
            (false, c) => out.push(c),
            (true, _) => {}
        }
    }
    out
}

/// Longest character reference name worth looking up (`&CounterClockwiseContourIntegral;` is
/// the longest HTML has); beyond it a `&` is plain text, and the scan stays linear.
const MAX_REFERENCE_LEN: usize = 32;

/// `text` with its character references (`&amp;`, `&#8217;`, `&#x2019;`) decoded, once.
///
/// Publishers' generators escape text that should be plain (WordPress titles, many JSON Feed
/// titles): the result is shown as text, so a decoded `<i>` is an angle bracket, never a tag.
/// An unknown or malformed reference is left as it is.
pub fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('&') {
        out.push_str(before);
        let reference = after
            .bytes()
            .take(MAX_REFERENCE_LEN + 1)
            .position(|b| b == b';')
            .and_then(|end| Some((after.get(..end)?, after.get(end + 1..)?)))
            .and_then(|(name, tail)| Some((reference_char(name)?, tail)));
        match reference {
            Some((decoded, tail)) => {
                out.push(decoded);
                rest = tail;
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference names, without its `&` and `;`: `#8217`, `#x2019` or a name.
fn reference_char(name: &str) -> Option<char> {
    let Some(number) = name.strip_prefix('#') else {
        return named_reference(name);
    };
    // Rust's integer parsers take a leading sign, which a reference may not have.
    if number.contains(['+', '-']) {
        return None;
    }
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse::<u32>().ok()?,
    };
    // As browsers do: NUL, surrogates and values beyond Unicode read as the replacement character.
    Some(char::from_u32(code).filter(|c| *c != '\0').unwrap_or('\u{fffd}'))
}

/// The named references publishers' generators write: WordPress's punctuation, and the letters
/// of French, German, Spanish and Portuguese.
fn named_reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "shy" => '\u{ad}',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "ndash" => '–',
        "mdash" => '—',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "times" => '×',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "sect" => '§',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "Egrave" => 'È',
        "ecirc" => 'ê',
        "Ecirc" => 'Ê',
        "euml" => 'ë',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "Acirc" => 'Â',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "icirc" => 'î',
        "Icirc" => 'Î',
        "iuml" => 'ï',
        "ocirc" => 'ô',
        "Ocirc" => 'Ô',
        "ouml" => 'ö',
        "ucirc" => 'û',
        "Ucirc" => 'Û',
        "ugrave" => 'ù',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "aacute" => 'á',
        "Aacute" => 'Á',
        "iacute" => 'í',
        "Iacute" => 'Í',
        "oacute" => 'ó',
        "Oacute" => 'Ó',
        "uacute" => 'ú',
        "Uacute" => 'Ú',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "atilde" => 'ã',
        "otilde" => 'õ',
        "iexcl" => '¡',
        "iquest" => '¿',
        "yuml" => 'ÿ',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        _ => return None,
    })
}

/// Longest headline made up from an untitled post's text, in characters: about two lines.
pub const MADE_UP_HEADLINE_CHARS: usize = 90;

/// A headline for a post that has none (JSON Feed and WordPress allow untitled posts, such as
/// asides and quotes), made from its summary or text: on one line, and cut at a word with an
/// ellipsis past [`MADE_UP_HEADLINE_CHARS`]. No-break spaces stay. `None` without any word.
pub fn headline_from(text: &str) -> Option<String> {
    let breakable = |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}');
    let line = text.split(breakable).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ");
    let line = line.trim_matches(char::is_whitespace);
    if line.is_empty() {
        return None;
    }
    if line.chars().count() <= MADE_UP_HEADLINE_CHARS {
        return Some(line.to_owned());
    }
    let cut: String = line.chars().take(MADE_UP_HEADLINE_CHARS).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    Some(format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ', '\u{a0}'])))
}

/// Author names as a byline list: "A", "A et B", "A, B et C"; `None` without authors.
/// `comma` and `and` carry their own spaces: Arabic writes "أ، ب وج".
pub fn byline(names: &[String], comma: &str, and: &str) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{}{and}{last}", init.join(comma))),
    }
}

/// One space for each run of breakable white space, control characters left out; no-break
/// spaces stay (French puts them before `:` and inside `« »`), except at the ends.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}') {
            space = true;
        } else if !c.is_control() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out.trim_matches(char::is_whitespace).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_non_blank_lines() {
        let body = "Premier.\r\n\r\n  Deuxième.  \n\n\n\tTroisième.\n";
        assert_eq!(paragraphs(body).collect::<Vec<_>>(), ["Premier.", "Deuxième.", "Troisième."]);
        assert_eq!(paragraphs("").count(), 0);
    }

    #[test]
    fn words_ignore_punctuation_alone() {
        assert_eq!(word_count("Plus d’une vingtaine — de « terroristes » ."), 5);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn reading_time_rounds_up_and_is_at_least_a_minute() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(WORDS_PER_MINUTE), 1);
        assert_eq!(reading_minutes(WORDS_PER_MINUTE + 1), 2);
        assert_eq!(reading_minutes(usize::MAX), u32::MAX);
    }

    #[test]
    fn bylines_join_names_in_the_language() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(byline(&[], ", ", " et "), None);
        assert_eq!(byline(&names(&["Awa"]), ", ", " et ").as_deref(), Some("Awa"));
        assert_eq!(byline(&names(&["Awa", "Moussa"]), ", ", " et ").as_deref(), Some("Awa et Moussa"));
        assert_eq!(byline(&names(&["A", "B", "C"]), ", ", " and ").as_deref(), Some("A, B and C"));
        let ar = crate::i18n::Lang::Ar.strings();
        assert_eq!(byline(&names(&["أ", "ب", "ج"]), ar.comma, ar.and).as_deref(), Some("أ، ب وج"));
    }

    #[test]
    fn references_decode_named_decimal_and_hex() {
        assert_eq!(decode_references("&quot;Wireless&quot; charging"), "\"Wireless\" charging");
        assert_eq!(decode_references("FCC Says Releasing &#8216;Jokes&#8217;"), "FCC Says Releasing ‘Jokes’");
        assert_eq!(decode_references("Task &amp; Sub Tasks, Rose&#039;s, &#x2019;&#X2019;"), "Task & Sub Tasks, Rose's, ’’");
        assert_eq!(decode_references("in&nbsp;2025 &laquo;&nbsp;x&nbsp;&raquo; Gr&uuml;&szlig;e"), "in\u{a0}2025 «\u{a0}x\u{a0}» Grüße");
    }

    #[test]
    fn references_decode_once_and_leave_text_and_tags_alone() {
        // Plain text stays as it is: angle brackets are text, a lone `&` is an ampersand.
        assert_eq!(decode_references("Die Rückkehr von <i> und <b>"), "Die Rückkehr von <i> und <b>");
        assert_eq!(decode_references("Simple & Boring, R&D, AT&T;"), "Simple & Boring, R&D, AT&T;");
        // Decoded once: an escaped reference is shown as the reference.
        assert_eq!(decode_references("&amp;lt;i&amp;gt; &lt;i&gt;"), "&lt;i&gt; <i>");
        for kept in ["&unknown;", "&;", "&#;", "&#x;", "&#xZZ;", "&#-1;", "&#+65;", "&amp", "&é;", "&", "&#99999999999999999999;"] {
            assert_eq!(decode_references(kept), kept, "{kept:?}");
        }
        assert_eq!(decode_references("&#0;&#xD800;&#1114112;"), "\u{fffd}\u{fffd}\u{fffd}");
    }

    #[test]
    fn made_up_headlines_are_one_line_cut_at_a_word() {
        assert_eq!(headline_from("  Courte brève\n sans   titre.  ").as_deref(), Some("Courte brève sans titre."));
        assert_eq!(headline_from("Mali\u{a0}: brève").as_deref(), Some("Mali\u{a0}: brève"));
        // An aside of agenius.ru, whose excerpt is a long quotation.
        let quote = "Корчась от ненависти, карлик одной рукой душил за шейку микрофон, а другая, громадная на костлявом запястье, угрожающе загребала воздух над головой.";
        let headline = headline_from(quote).unwrap();
        assert_eq!(headline, "Корчась от ненависти, карлик одной рукой душил за шейку микрофон, а другая, громадная на…");
        assert!(headline.chars().count() <= MADE_UP_HEADLINE_CHARS + 1);
        assert_eq!(headline_from(&format!("{}, suite", "a".repeat(88))).unwrap(), format!("{}…", "a".repeat(88)));
        // A single word longer than a headline is cut inside it.
        assert_eq!(headline_from(&"x".repeat(200)).unwrap().chars().count(), MADE_UP_HEADLINE_CHARS + 1);
        for nothing in ["", "   ", "\n\t", "\u{a0}"] {
            assert_eq!(headline_from(nothing), None, "{nothing:?}");
        }
    }
    #[test]
    fn tags_are_stripped_between_words() {
        assert_eq!(word_count(&strip_tags("<p>Un<br>deux</p><p>trois</p>")), 3);
        assert_eq!(strip_tags("a < b"), "a ");
    }
}
