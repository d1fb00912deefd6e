//! The languages the widget speaks, and one table of strings per language.
//!
//! Every string a reader sees or hears comes from a [`Strings`] table. It is a struct rather
//! than a map so that the compiler refuses a language that lacks a key.

mod ar;
mod en;
mod fr;

/// A language of the widget's interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// French, the default: the language of the page Kiosque was modelled on.
    #[default]
    Fr,
    /// English.
    En,
    /// Arabic, laid out right to left.
    Ar,
}

impl Lang {
    /// Every supported language, default first.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];

    /// Reads a BCP 47 tag (`fr`, `fr-CA`, `EN_gb`); `None` when the language is not supported.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.tag()))
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// The writing direction for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        text_direction(self.tag())
    }

    /// The table of strings in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &fr::STRINGS,
            Lang::En => &en::STRINGS,
            Lang::Ar => &ar::STRINGS,
        }
    }
}

/// The `lang` and `dir` attributes of an element holding content written in `language`
/// (the item's, else the feed's) inside a widget that speaks `interface`.
///
/// Content never takes the interface's language: in the interface's own language it inherits
/// it rightly (`None`, `None`); in another it says so, with that language's direction; when
/// nobody said which language it is in, it claims none (`lang=""`) and lets the text decide
/// its direction (`dir="auto"`).
pub fn content_attributes(language: Option<&str>, interface: Lang) -> (Option<String>, Option<&'static str>) {
    match language.map(str::trim).filter(|tag| !tag.is_empty()) {
        Some(tag) if Lang::from_tag(tag) == Some(interface) => (None, None),
        Some(tag) => (Some(tag.to_owned()), Some(text_direction(tag))),
        None => (Some(String::new()), Some("auto")),
    }
}

/// The direction of text written in the language `tag` (any language, not only the
/// interface's): right to left for Arabic, Hebrew, Persian, Urdu and a few more.
pub fn text_direction(tag: &str) -> &'static str {
    const RIGHT_TO_LEFT: [&str; 9] = ["ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv"];
    let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
    if RIGHT_TO_LEFT.iter().any(|rtl| primary.eq_ignore_ascii_case(rtl)) { "rtl" } else { "ltr" }
}

/// Every visible or announced string of the widget, in one language.
///
/// Messages that hold a number are functions, so each language applies its own plural rules.
pub struct Strings {
    /// The language's own name, in that language, for a language switch.
    pub name: &'static str,
    /// Weekday names, Monday first, as they appear inside a date line.
    pub weekdays: [&'static str; 7],
    /// Month names, January first, as they appear inside a date line.
    pub months: [&'static str; 12],
    /// A list item published less than a minute ago.
    pub just_now: &'static str,
    /// A list item published this many minutes ago.
    pub minutes_ago: fn(u32) -> String,
    /// A list item published this many hours ago.
    pub hours_ago: fn(u32) -> String,
    /// A list item published the day before.
    pub yesterday: &'static str,
    /// A date line with the time of day (hour, minute) of a story of the last 24 hours.
    pub date_with_time: fn(&str, u32, u32) -> String,
    /// Announced while the article loads.
    pub loading: &'static str,
    /// Heading of the message shown when the article cannot be shown.
    pub load_failed: &'static str,
    /// The same, for a list shown alone.
    pub load_failed_list: &'static str,
    /// The same, for a share bar shown alone.
    pub load_failed_share: &'static str,
    /// The button that tries to load again.
    pub retry: &'static str,
    /// Explains a network failure (offline, refused, blocked by CORS).
    pub error_network: &'static str,
    /// Explains a request that took too long.
    pub error_timeout: &'static str,
    /// Explains an HTTP error status.
    pub error_http: fn(u16) -> String,
    /// Explains a response that is HTML or text where JSON was expected.
    pub error_not_json: &'static str,
    /// Explains an answer too large to be a feed.
    pub error_too_large: &'static str,
    /// Explains malformed or truncated JSON (the position goes to the publisher, not here).
    pub error_syntax: &'static str,
    /// Explains a document that is JSON but not a feed (the JSON path of the fault, and why).
    pub error_invalid: fn(&str, &str) -> String,
    /// Explains a feed that holds no readable article.
    pub error_empty: &'static str,
    /// Explains that the requested article is not in the feed.
    pub error_not_found: fn(&str) -> String,
    /// Explains that a part of the widget's own code could not be downloaded.
    pub error_code: &'static str,
    /// Heading of the message shown in place of a part whose code could not be downloaded.
    pub part_failed: &'static str,
    /// Said while the code of what the reader asked for downloads.
    pub loading_part: &'static str,
    /// Why a value is wrong: a required field is missing.
    pub problem_missing: &'static str,
    /// Why a value is wrong: another item has the same identifier.
    pub problem_duplicate: &'static str,
    /// Why a value is wrong: it is not of the expected type (the expected type is given).
    pub problem_wrong_type: fn(&str) -> String,
    /// Names of JSON types, for [`Strings::problem_wrong_type`].
    pub json_types: JsonTypeNames,
    /// Explains a bad `data-*` attribute value: the attribute, then what it accepts.
    pub error_config: fn(&str, &str) -> String,
    /// Explains a required `data-*` attribute that is missing.
    pub error_config_missing: fn(&str) -> String,
    /// Prefix of the byline ("Par", "By").
    pub by: &'static str,
    /// Joins the last two names of a byline (" et ", " and "; " و" in Arabic), spaces included.
    pub and: &'static str,
    /// Separates the other names of a byline (", "; "، " in Arabic), spaces included.
    pub comma: &'static str,
    /// Reading time of an article, in minutes.
    pub reading_time: fn(u32) -> String,
    /// Screen-reader hint after a link that opens a new window.
    pub opens_new_window: &'static str,
    /// Shown instead of the text of a password-protected article.
    pub protected: &'static str,
    /// Screen-reader prefix before an image caption.
    pub caption_prefix: &'static str,
    /// Marks sample content in the demo data.
    pub sample_notice: &'static str,
    /// Accessible name of the region that holds the article page.
    pub page_label: &'static str,
    /// Heading of the share bar (as on the seed page: "Partager :").
    pub share_heading: &'static str,
    /// Accessible name of a share link: "Partager sur WhatsApp".
    pub share_on: fn(&str) -> String,
    /// Visible label of the e-mail button.
    pub email_label: &'static str,
    /// Accessible name of the e-mail button.
    pub email_name: &'static str,
    /// The copy-link button.
    pub copy_label: &'static str,
    /// Shown and announced once the link is copied.
    pub copied: &'static str,
    /// Label of the field holding the link when it could not be copied.
    pub copy_manual: &'static str,
    /// The print button.
    pub print_label: &'static str,
    /// Visible label of the device share-sheet button.
    pub native_label: &'static str,
    /// Accessible name of the device share-sheet button.
    pub native_name: &'static str,
    /// Announced when the device share sheet fails.
    pub share_failed: &'static str,
    /// The disclosure that shows more share buttons.
    pub more_label: &'static str,
    /// Accessible name of that disclosure (contains the visible label).
    pub more_name: &'static str,
    /// Label of the Mastodon instance field.
    pub mastodon_instance: &'static str,
    /// Help under that field.
    pub mastodon_hint: &'static str,
    /// Said when the field does not hold an instance name.
    pub mastodon_invalid: &'static str,
    /// The button that shares on the instance.
    pub mastodon_submit: &'static str,
    /// Names the remembered Mastodon instance.
    pub mastodon_current: fn(&str) -> String,
    /// The button that changes the remembered instance.
    pub mastodon_change: &'static str,
    /// Closes a small form without acting.
    pub cancel: &'static str,
    /// The button that loads an embedded video (the host's name is given).
    pub video_load: fn(&str) -> String,
    /// Names the video's frame once loaded (the host's name is given).
    pub video_title: fn(&str) -> String,
    /// Says that loading the video contacts its host (named).
    pub video_note: fn(&str) -> String,
    /// The link to the video's page on its host (named).
    pub video_open: fn(&str) -> String,
    /// Heading of the most-read list.
    pub popular_heading: &'static str,
    /// Heading of the latest-articles list.
    pub more_news_heading: &'static str,
    /// Accessible name of the group of range buttons of the most-read list.
    pub range_label: &'static str,
    /// Names of the view-count ranges: 24 hours, 7 days, 30 days, all time.
    pub range_names: [&'static str; 4],
    /// The same, short enough for four buttons on one line of a 320 px sidebar.
    pub range_buttons: [&'static str; 4],
    /// Said when the chosen range has no counts and a longer one (named) is used.
    pub range_fallback: fn(&str, &str) -> String,
    /// Said when no range has counts and the latest articles are listed instead.
    pub ranking_unavailable: &'static str,
    /// Dates a most-read list whose counts are old ("Classement du 2 février 2026").
    pub ranking_as_of: fn(&str) -> String,
    /// Said of a list with nothing in it.
    pub list_empty: &'static str,
    /// The button that shows more of the latest articles.
    pub load_more: &'static str,
    /// Announced when more articles were added to a list.
    pub loaded_more: fn(usize) -> String,
    /// Announced when the widget shows another article.
    pub now_showing: fn(&str) -> String,
    /// Accessible name of the bar of reading tools (listen, text size, data saver).
    pub reader_tools: &'static str,
    /// The button that reads the article aloud, with the minutes it takes to hear.
    pub listen: fn(u32) -> String,
    /// The same button while the article is read: it pauses.
    pub listen_pause: &'static str,
    /// The same button while paused: it goes on where it stopped.
    pub listen_resume: &'static str,
    /// The button that stops reading aloud.
    pub listen_stop: &'static str,
    /// Announced when the browser would not read aloud.
    pub listen_failed: &'static str,
    /// Accessible name of the button that makes the article's text smaller ("A−").
    pub text_smaller: &'static str,
    /// Accessible name of the button that makes the article's text larger ("A+").
    pub text_larger: &'static str,
    /// Announced when the text size changes, in percent.
    pub text_size_now: fn(u16) -> String,
    /// The toggle button of data saver.
    pub data_saver: &'static str,
    /// An image held back by data saver: its size in kilobytes when known, and the gesture.
    pub image_placeholder: fn(Option<u64>) -> String,
    /// What data saver held back on this page: images, and their kilobytes when known; shown
    /// under the data saver button, on one line.
    pub data_saver_saved: fn(u32, u64) -> String,
}

/// Localized names of JSON value types, used in error messages.
pub struct JsonTypeNames {
    /// A JSON object.
    pub object: &'static str,
    /// A JSON array.
    pub array: &'static str,
    /// A JSON string.
    pub string: &'static str,
    /// A JSON number.
    pub number: &'static str,
    /// A date in RFC 3339 form.
    pub date: &'static str,
    /// A URL.
    pub url: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_loosely() {
        assert_eq!(Lang::from_tag("fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag(" EN_gb "), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("-"), None);
    }

    #[test]
    fn every_language_round_trips_its_tag() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn no_string_is_left_empty() {
        for lang in Lang::ALL {
            let s = lang.strings();
            let plain = [
                s.name, s.loading, s.load_failed, s.load_failed_list, s.load_failed_share, s.retry, s.error_network,
                s.error_timeout, s.error_syntax,
                s.error_not_json, s.error_too_large, s.error_empty, s.error_code, s.part_failed, s.loading_part, s.problem_missing, s.problem_duplicate, s.by, s.and, s.comma,
                s.caption_prefix, s.sample_notice, s.opens_new_window, s.protected, s.page_label, s.share_heading,
                s.popular_heading, s.more_news_heading, s.range_label, s.ranking_unavailable, s.list_empty,
                s.load_more, s.just_now, s.yesterday,
                s.email_label, s.email_name, s.copy_label, s.copied, s.copy_manual, s.print_label, s.native_label, s.native_name, s.share_failed, s.more_label, s.more_name, s.mastodon_instance, s.mastodon_hint, s.mastodon_invalid, s.mastodon_submit, s.mastodon_change, s.cancel,
                s.reader_tools, s.listen_pause, s.listen_resume, s.listen_stop, s.listen_failed, s.text_smaller, s.text_larger, s.data_saver,
            ];
            for text in plain.iter().chain(&s.weekdays).chain(&s.months).chain(&s.range_names).chain(&s.range_buttons) {
                assert!(!text.trim().is_empty(), "{lang:?} has an empty string");
            }
            for text in [
                (s.error_http)(404),
                (s.error_invalid)("items[0]", "x"),
                (s.error_not_found)("x"),
                (s.problem_wrong_type)("x"),
                (s.error_config)("data-lang", "fr"),
                (s.error_config_missing)("data-src"),
                (s.reading_time)(1),
                (s.reading_time)(7),
                (s.share_on)("X"),
                (s.minutes_ago)(1),
                (s.hours_ago)(2),
                (s.date_with_time)("x", 9, 5),
                (s.range_fallback)("a", "b"),
                (s.ranking_as_of)("x"),
                (s.loaded_more)(3),
                (s.now_showing)("x"),
                (s.mastodon_current)("x"),
                (s.video_load)("YouTube"),
                (s.video_note)("YouTube"),
                (s.video_title)("YouTube"),
                (s.video_open)("YouTube"),
                (s.listen)(4),
                (s.text_size_now)(130),
                (s.image_placeholder)(None),
                (s.data_saver_saved)(0, 0),
            ] {
                assert!(!text.trim().is_empty(), "{lang:?} has an empty message");
            }
        }
    }

    #[test]
    fn content_keeps_its_own_language_never_the_interfaces() {
        // French content in the French interface inherits; in English or Arabic it says so.
        assert_eq!(content_attributes(Some("fr"), Lang::Fr), (None, None));
        assert_eq!(content_attributes(Some("fr-FR"), Lang::Fr), (None, None));
        assert_eq!(content_attributes(Some("fr"), Lang::Ar), (Some("fr".to_owned()), Some("ltr")));
        assert_eq!(content_attributes(Some("fr"), Lang::En), (Some("fr".to_owned()), Some("ltr")));
        assert_eq!(content_attributes(Some("ar"), Lang::Fr), (Some("ar".to_owned()), Some("rtl")));
        assert_eq!(content_attributes(Some("de-DE"), Lang::En), (Some("de-DE".to_owned()), Some("ltr")));
        // Unknown: no language claimed, direction from the text itself.
        assert_eq!(content_attributes(None, Lang::Ar), (Some(String::new()), Some("auto")));
        assert_eq!(content_attributes(Some("  "), Lang::Fr), (Some(String::new()), Some("auto")));
    }

    #[test]
    fn text_direction_follows_the_script_of_the_language() {
        assert_eq!(text_direction("ar"), "rtl");
        assert_eq!(text_direction("AR-ma"), "rtl");
        assert_eq!(text_direction("he_IL"), "rtl");
        assert_eq!(text_direction("fr"), "ltr");
        assert_eq!(text_direction("arn"), "ltr");
        assert_eq!(text_direction(""), "ltr");
    }

    #[test]
    fn reading_tools_say_sizes_counts_and_minutes_in_each_language() {
        let [fr, en, ar] = Lang::ALL.map(Lang::strings);
        assert_eq!((fr.image_placeholder)(Some(84)), "Image, 84\u{a0}Ko — toucher pour l’afficher");
        assert_eq!((en.image_placeholder)(Some(84)), "Image, 84\u{a0}KB — tap to show it");
        assert_eq!((ar.image_placeholder)(None), "صورة — المس لعرضها");
        assert_eq!((fr.data_saver_saved)(1, 0), "1 image non téléchargée.");
        assert_eq!((fr.data_saver_saved)(9, 3), "9 images non téléchargées (3\u{a0}Ko).");
        assert_eq!((en.data_saver_saved)(1, 84), "1 image not downloaded (84\u{a0}KB).");
        assert_eq!((ar.data_saver_saved)(2, 0), "صورتان لم تُنزَّلا.");
        assert_eq!((ar.data_saver_saved)(5, 0), "5 صور لم تُنزَّل.");
        assert_eq!((fr.listen)(3), "Écouter (3\u{a0}min)");
        assert_eq!((ar.listen)(2), "استمع (دقيقتان)");
        assert_eq!((ar.listen)(11), "استمع (11 دقيقة)");
        assert_eq!((fr.text_size_now)(115), "Taille du texte\u{a0}: 115\u{a0}%");
    }

    #[test]
    fn languages_differ_where_they_should() {
        assert_eq!(Lang::Fr.strings().popular_heading, "Articles populaires");
        assert_eq!(Lang::En.strings().popular_heading, "Most read");
        assert_eq!(Lang::Fr.strings().share_heading, "Partager\u{a0}:");
        assert_eq!((Lang::Fr.strings().reading_time)(4), "4 min de lecture");
        assert_eq!((Lang::En.strings().reading_time)(4), "4 min read");
        assert_eq!(Lang::Ar.strings().popular_heading, "الأكثر قراءة");
    }

    #[test]
    fn arabic_is_laid_out_right_to_left_with_its_plurals() {
        assert_eq!((Lang::Ar.dir(), Lang::Fr.dir(), Lang::En.dir()), ("rtl", "ltr", "ltr"));
        assert_eq!(Lang::from_tag("ar-MA"), Some(Lang::Ar));
        let ar = Lang::Ar.strings();
        let forms: Vec<String> = [1, 2, 5, 11].into_iter().map(ar.hours_ago).collect();
        let distinct: std::collections::HashSet<&String> = forms.iter().collect();
        assert_eq!(distinct.len(), 4, "one, two, few and many are four forms: {forms:?}");
    }
}
