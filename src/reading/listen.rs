//! Listening to an article: what is said, in which pieces, and how long it takes.

/// Words a speech synthesizer says in a minute at its normal rate.
const SPOKEN_WORDS_PER_MINUTE: usize = 150;

/// The longest piece handed to the synthesizer at once, in characters: some engines stop
/// speaking a long utterance after about fifteen seconds, and a pause resumes at a piece's
/// start in others.
const MAX_CHARS: usize = 220;

/// Minutes needed to hear `words` words, rounded up, at least one.
pub fn listening_minutes(words: usize) -> u32 {
    u32::try_from(words.div_ceil(SPOKEN_WORDS_PER_MINUTE).max(1)).unwrap_or(u32::MAX)
}

/// A piece of text to say, and the block of the article (headline, paragraph, list item) it
/// comes from, to highlight while it is said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Utterance {
    /// The index of its block among those given to [`utterances`].
    pub block: usize,
    /// What is said.
    pub text: String,
}

/// The pieces to say for `blocks`, in order: one per block, blocks longer than [`MAX_CHARS`]
/// cut between sentences (else between words); white space is collapsed and empty blocks
/// say nothing.
pub fn utterances<'a>(blocks: impl IntoIterator<Item = &'a str>) -> Vec<Utterance> {
    let mut pieces = Vec::new();
    for (block, text) in blocks.into_iter().enumerate() {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut piece = String::new();
        for sentence in sentences(&text) {
            if !piece.is_empty() && chars(&piece) + 1 + chars(sentence) > MAX_CHARS {
                pieces.push(Utterance { block, text: std::mem::take(&mut piece) });
            }
            for part in by_words(sentence) {
                if !piece.is_empty() && chars(&piece) + 1 + chars(part) > MAX_CHARS {
                    pieces.push(Utterance { block, text: std::mem::take(&mut piece) });
                }
                if !piece.is_empty() {
                    piece.push(' ');
                }
                piece.push_str(part);
            }
        }
        if !piece.is_empty() {
            pieces.push(Utterance { block, text: piece });
        }
    }
    pieces
}

/// Whether a voice for `voice_lang` can say text written in `content_lang` (same primary
/// language: a fr-CA voice reads French).
pub fn voice_speaks(voice_lang: &str, content_lang: &str) -> bool {
    let primary = |tag: &str| tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    let wanted = primary(content_lang);
    !wanted.is_empty() && primary(voice_lang) == wanted
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// `text` cut after each sentence's end (., !, ?, …, and Arabic's ؟ and ۔) and the space
/// after it.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut previous = None;
        let end = rest.char_indices().find_map(|(index, c)| {
            let ends = c == ' ' && matches!(previous, Some('.' | '!' | '?' | '…' | '؟' | '۔'));
            previous = Some(c);
            ends.then_some(index)
        });
        let (sentence, next) = match end {
            Some(index) => (&rest[..index], &rest[index + 1..]),
            None => (rest, ""),
        };
        rest = next;
        Some(sentence)
    })
}

/// `sentence` in runs of words no longer than [`MAX_CHARS`] (a word longer than that stands
/// alone).
fn by_words(sentence: &str) -> Vec<&str> {
    if chars(sentence) <= MAX_CHARS {
        return vec![sentence];
    }
    let mut runs = Vec::new();
    let mut start = 0;
    let mut length = 0;
    let mut last_space = None;
    for (index, c) in sentence.char_indices() {
        if c == ' ' {
            last_space = Some(index);
        }
        length += 1;
        if length > MAX_CHARS
            && let Some(space) = last_space.filter(|space| *space > start)
        {
            runs.push(&sentence[start..space]);
            start = space + 1;
            length = chars(&sentence[start..index + c.len_utf8()]);
            last_space = None;
        }
    }
    runs.push(&sentence[start..]);
    runs.retain(|run| !run.is_empty());
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listening_takes_longer_than_reading() {
        assert_eq!(listening_minutes(0), 1);
        assert_eq!(listening_minutes(150), 1);
        assert_eq!(listening_minutes(151), 2);
        assert_eq!(listening_minutes(600), 4);
        assert!(listening_minutes(600) > crate::text::reading_minutes(600));
        assert_eq!(listening_minutes(usize::MAX), u32::MAX);
    }

    #[test]
    fn short_blocks_are_one_piece_each_and_empty_ones_none() {
        let said = utterances(["Le titre", "  ", "Un  paragraphe\n court."]);
        assert_eq!(said, [
            Utterance { block: 0, text: "Le titre".into() },
            Utterance { block: 2, text: "Un paragraphe court.".into() },
        ]);
    }

    #[test]
    fn long_blocks_are_cut_between_sentences() {
        let sentence = "Les autorités de la transition ont annoncé un nouveau calendrier électoral pour le pays.";
        let block = [sentence; 5].join(" ");
        let said = utterances([block.as_str()]);
        assert!(said.len() > 1);
        for piece in &said {
            assert_eq!(piece.block, 0);
            assert!(piece.text.chars().count() <= MAX_CHARS, "{}", piece.text);
            assert!(piece.text.ends_with('.'), "cut inside a sentence: {}", piece.text);
        }
        let joined = said.iter().map(|piece| piece.text.as_str()).collect::<Vec<_>>().join(" ");
        assert_eq!(joined, block);
    }

    #[test]
    fn arabic_question_marks_end_sentences() {
        let sentence = "هل تعلم أن القراءة بصوت عال تساعد على الفهم وتقوية الذاكرة لدى الأطفال والكبار؟";
        let block = [sentence; 4].join(" ");
        let said = utterances([block.as_str()]);
        assert!(said.len() > 1);
        assert!(said.iter().all(|piece| piece.text.ends_with('؟')));
    }

    #[test]
    fn a_sentence_without_an_end_is_cut_between_words_and_nothing_is_lost() {
        let block = "mot ".repeat(200);
        let said = utterances([block.as_str()]);
        assert!(said.len() >= 3);
        assert!(said.iter().all(|piece| piece.text.chars().count() <= MAX_CHARS && !piece.text.starts_with(' ')));
        let words: usize = said.iter().map(|piece| piece.text.split(' ').count()).sum();
        assert_eq!(words, 200);
        // One word longer than a piece stands alone rather than being cut.
        let long = "a".repeat(MAX_CHARS + 10);
        let said = utterances([format!("court {long} court").as_str()]);
        assert_eq!(said.iter().map(|piece| piece.text.as_str()).collect::<Vec<_>>(), ["court", long.as_str(), "court"]);
    }

    #[test]
    fn voices_match_on_the_primary_language() {
        assert!(voice_speaks("fr-FR", "fr"));
        assert!(voice_speaks("fr_CA", "FR-be"));
        assert!(voice_speaks("ar-SA", "ar"));
        assert!(!voice_speaks("en-US", "fr"));
        assert!(!voice_speaks("fr-FR", ""));
        assert!(!voice_speaks("", ""));
    }
}
