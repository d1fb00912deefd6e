//! Plain-text helpers: paragraphs, word counts and reading time.

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

/// Author names as a byline list: "A", "A et B", "A, B et C"; `None` without authors.
/// `comma` and `and` carry their own spaces: Arabic writes "أ، ب وج".
pub fn byline(names: &[String], comma: &str, and: &str) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{}{and}{last}", init.join(comma))),
    }
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
    fn tags_are_stripped_between_words() {
        assert_eq!(word_count(&strip_tags("<p>Un<br>deux</p><p>trois</p>")), 3);
        assert_eq!(strip_tags("a < b"), "a ");
    }
}
