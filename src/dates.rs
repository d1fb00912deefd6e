//! Publication dates: parsing what feeds send, and the date line readers see.
//!
//! A date keeps the UTC offset its source gave, and is always shown in that offset: an
//! article published at 23:30 in Bamako is dated that day wherever the reader is.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime, Timelike};

use crate::i18n::Lang;

/// An instant with the publisher's UTC offset.
pub type Published = DateTime<FixedOffset>;

/// Parses an RFC 3339 date (`2026-02-02T11:42:00+00:00`); `None` when malformed.
pub fn parse_rfc3339(text: &str) -> Option<Published> {
    DateTime::parse_from_rfc3339(text.trim()).ok()
}

/// Parses a feed's date: RFC 3339, and two things real feeds write instead. Seconds may be
/// missing (`2018-01-06T08:00`, with or without an offset). A date without an offset is the
/// publisher's wall-clock time, in a zone the feed does not say: it is kept as written, at
/// +00:00, so the date line shows the day and time the publisher wrote (lists order it, and
/// say how long ago it was, as if it were UTC).
pub fn parse_feed_date(text: &str) -> Option<Published> {
    let text = with_seconds(text.trim());
    parse_rfc3339(&text).or_else(|| parse_naive(&text).map(|wall_clock| wall_clock.and_utc().fixed_offset()))
}

/// `text` with `:00` seconds added when it gives hours and minutes only (`…T08:00`).
fn with_seconds(text: &str) -> std::borrow::Cow<'_, str> {
    match (text.get(..16), text.get(16..)) {
        (Some(minutes), Some(rest)) if minutes.as_bytes().get(13) == Some(&b':') && !rest.starts_with(':') => {
            format!("{minutes}:00{rest}").into()
        }
        _ => text.into(),
    }
}

/// Rebuilds an instant from WordPress's pair of offset-less dates: `local` is the site's
/// wall-clock time, `gmt` the same instant in UTC, so the site's offset is `local − gmt`.
///
/// Without `gmt` (drafts and some plugins omit it) the local time is taken as UTC.
pub fn parse_wordpress(local: &str, gmt: Option<&str>) -> Option<Published> {
    let local = parse_naive(local)?;
    let utc = gmt.and_then(parse_naive).unwrap_or(local);
    let offset_seconds = i32::try_from((local - utc).num_seconds()).ok()?;
    // Offsets are whole minutes; WordPress computes dates to the second, so round.
    let offset_seconds = (offset_seconds as f64 / 60.0).round() as i32 * 60;
    let offset = FixedOffset::east_opt(offset_seconds)?;
    Some(utc.and_utc().with_timezone(&offset))
}

/// Parses `2026-02-02T09:30:00` (no offset) through the RFC 3339 parser, which is already in
/// the binary, rather than pulling in the generic format parser.
fn parse_naive(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    if text.len() < 19 || !text.is_char_boundary(19) {
        return None;
    }
    let (date_time, fraction) = text.split_at(19);
    if !(fraction.is_empty() || fraction.starts_with('.')) {
        return None;
    }
    DateTime::parse_from_rfc3339(&format!("{date_time}{fraction}Z"))
        .ok()
        .map(|instant| instant.naive_utc())
}

/// The date line above a headline, in the publisher's offset: "lundi 2 février 2026".
pub fn date_line(date: &Published, lang: Lang) -> String {
    let weekday = lang.strings().weekdays[date.weekday().num_days_from_monday() as usize];
    format!("{weekday} {}", short_date(date, lang))
}

/// The date line of an article read at `now`: a story of the last 24 hours also gives its time,
/// in the publisher's offset ("lundi 2 février 2026 à 11 h 42"), as news sites do for
/// breaking news.
pub fn date_line_at(date: &Published, now: &Published, lang: Lang) -> String {
    let line = date_line(date, lang);
    let age = (*now - *date).num_minutes();
    if (0..1440).contains(&age) {
        (lang.strings().date_with_time)(&line, date.hour(), date.minute())
    } else {
        line
    }
}

/// A date without its weekday, in the publisher's offset: "2 février 2026".
pub fn short_date(date: &Published, lang: Lang) -> String {
    let month = lang.strings().months[date.month0() as usize];
    format!("{} {month} {}", date.day(), date.year())
}

/// How long ago `date` was at `now`, for lists: "il y a 3 heures", "hier", then the date.
///
/// "Yesterday" is the publisher's yesterday, like every date the widget shows.
pub fn relative_date(date: &Published, now: &Published, lang: Lang) -> String {
    let strings = lang.strings();
    let minutes = (*now - *date).num_minutes();
    let yesterday = now.with_timezone(date.offset()).date_naive().pred_opt() == Some(date.date_naive());
    match minutes {
        0 => strings.just_now.to_owned(),
        1..60 => (strings.minutes_ago)(minutes as u32),
        60..1440 => (strings.hours_ago)((minutes / 60) as u32),
        1440..2880 if yesterday => strings.yesterday.to_owned(),
        // Older, or in the future because of a skewed clock.
        _ => short_date(date, lang),
    }
}

/// The value of a `<time datetime>` attribute, with the publisher's offset.
pub fn machine_readable(date: &Published) -> String {
    date.to_rfc3339()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Published {
        parse_rfc3339(text).expect("test dates are valid")
    }

    #[test]
    fn a_story_of_the_last_day_gives_its_time() {
        let date = parse_rfc3339("2026-02-02T11:42:00+00:00").unwrap();
        let hours_later = |hours| date + chrono::Duration::hours(hours);
        assert_eq!(date_line_at(&date, &hours_later(3), Lang::Fr), "lundi 2 février 2026 à 11\u{a0}h\u{a0}42");
        assert_eq!(date_line_at(&date, &hours_later(3), Lang::En), "Monday 2 February 2026 at 11:42");
        assert!(date_line_at(&date, &hours_later(3), Lang::Ar).ends_with("11:42"));
        // A day later, or with a clock that says it is not published yet: the date alone.
        assert_eq!(date_line_at(&date, &hours_later(25), Lang::Fr), "lundi 2 février 2026");
        assert_eq!(date_line_at(&date, &hours_later(-1), Lang::En), "Monday 2 February 2026");
        // The publisher's hour, not UTC's.
        let bamako_evening = parse_rfc3339("2026-02-02T23:05:00+02:00").unwrap();
        assert_eq!(date_line_at(&bamako_evening, &(bamako_evening + chrono::Duration::minutes(5)), Lang::En), "Monday 2 February 2026 at 23:05");
    }

    #[test]
    fn seed_date_line_in_both_languages() {
        let seed = date("2026-02-02T11:42:00+00:00");
        assert_eq!(date_line(&seed, Lang::Fr), "lundi 2 février 2026");
        assert_eq!(date_line(&seed, Lang::En), "Monday 2 February 2026");
    }

    #[test]
    fn date_line_uses_the_publishers_offset_not_utc() {
        // 23:30 in Niamey (UTC+1) is 22:30 UTC the same day, and Tuesday 00:30 in Paris
        // summer time; a reader anywhere sees the publisher's Monday.
        let late = date("2026-02-02T23:30:00+01:00");
        assert_eq!(date_line(&late, Lang::Fr), "lundi 2 février 2026");
        // Just after midnight in Tokyo is still the previous day in UTC.
        let early = date("2026-03-01T00:10:00+09:00");
        assert_eq!(date_line(&early, Lang::En), "Sunday 1 March 2026");
        assert_eq!(early.naive_utc().to_string(), "2026-02-28 15:10:00");
    }

    #[test]
    fn every_weekday_and_month_is_named() {
        let days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
        for (offset, expected) in days.iter().enumerate() {
            let d = date(&format!("2026-02-{:02}T12:00:00Z", 2 + offset));
            assert!(date_line(&d, Lang::Fr).starts_with(expected));
        }
        let d = date("2026-12-31T23:59:59-05:00");
        assert_eq!(date_line(&d, Lang::Fr), "jeudi 31 décembre 2026");
        assert_eq!(date_line(&d, Lang::En), "Thursday 31 December 2026");
        let d = date("2024-02-29T08:00:00Z");
        assert_eq!(date_line(&d, Lang::En), "Thursday 29 February 2024");
    }

    #[test]
    fn recent_dates_are_relative_then_absolute() {
        let now = date("2026-02-02T15:00:00+00:00");
        let at = |text| relative_date(&date(text), &now, Lang::Fr);
        assert_eq!(at("2026-02-02T14:59:30+00:00"), "à l’instant");
        assert_eq!(at("2026-02-02T14:59:00+00:00"), "il y a 1\u{a0}minute");
        assert_eq!(at("2026-02-02T14:15:00+00:00"), "il y a 45\u{a0}minutes");
        assert_eq!(at("2026-02-02T12:00:00+00:00"), "il y a 3\u{a0}heures");
        // 23 hours ago is still counted in hours, even across midnight.
        assert_eq!(at("2026-02-01T16:00:00+00:00"), "il y a 23\u{a0}heures");
        assert_eq!(at("2026-02-01T09:00:00+00:00"), "hier");
        assert_eq!(at("2026-01-31T20:00:00+00:00"), "31 janvier 2026");
        assert_eq!(at("2026-02-03T09:00:00+00:00"), "3 février 2026");
        let en = |text| relative_date(&date(text), &now, Lang::En);
        assert_eq!(en("2026-02-02T14:59:00+00:00"), "1 minute ago");
        assert_eq!(en("2026-02-02T13:00:00+00:00"), "2 hours ago");
        assert_eq!(en("2026-02-01T09:00:00+00:00"), "yesterday");
        assert_eq!(en("2025-12-25T09:00:00+00:00"), "25 December 2025");
    }

    #[test]
    fn yesterday_is_the_publishers_yesterday() {
        // 01:00 on the 3rd in Niamey is the 2nd in UTC: an article from 08:00 on the 2nd in
        // Niamey is "yesterday" for the publisher, though the same UTC day.
        let now = date("2026-02-03T01:00:00+01:00");
        assert_eq!(relative_date(&date("2026-02-02T00:30:00+01:00"), &now, Lang::En), "yesterday");
        assert_eq!(relative_date(&date("2026-02-01T23:30:00+01:00"), &now, Lang::En), "1 February 2026");
    }

    #[test]
    fn rfc3339_accepts_common_forms_and_rejects_the_rest() {
        assert!(parse_rfc3339("2026-02-02T11:42:00Z").is_some());
        assert!(parse_rfc3339("2026-02-02t11:42:00.123+05:30").is_some());
        assert!(parse_rfc3339(" 2026-02-02 11:42:00-03:00 ").is_some());
        for bad in ["", "2026-02-02", "2026-02-02T11:42:00", "02/02/2026", "2026-13-02T00:00:00Z",
            "2026-02-30T00:00:00Z", "2026-02-02T11:42:00+25:00", "lundi", "2026-02-02T11:42:00Zjunk"]
        {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn feed_dates_without_seconds_or_offset_are_kept_as_written() {
        let at = |text| parse_feed_date(text).map(|d| machine_readable(&d));
        assert_eq!(at("2018-01-06T08:00").as_deref(), Some("2018-01-06T08:00:00+00:00"));
        assert_eq!(at(" 2016-08-05T07:00 ").as_deref(), Some("2016-08-05T07:00:00+00:00"));
        assert_eq!(at("2018-01-06T08:00:30").as_deref(), Some("2018-01-06T08:00:30+00:00"));
        assert_eq!(at("2018-01-06T08:00+02:00").as_deref(), Some("2018-01-06T08:00:00+02:00"));
        assert_eq!(at("2018-01-06T08:00Z").as_deref(), Some("2018-01-06T08:00:00+00:00"));
        assert_eq!(at("2019-05-08T19:10:30+02:00").as_deref(), Some("2019-05-08T19:10:30+02:00"));
        // The publisher's day is the one shown, wherever the reader is.
        assert_eq!(date_line(&parse_feed_date("2016-08-05T23:30").unwrap(), Lang::En), "Friday 5 August 2016");
        for bad in ["", "2018-01-06", "2018-01-06T08", "2018-01-06T8:00", "2018-01-06T08:00junk", "2018-01-06T08:0é",
            "2018-02-30T08:00", "2018-01-06T08:00:00+25:00", "lundi", "2018-01-06T08é00"]
        {
            assert_eq!(parse_feed_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn wordpress_offset_is_local_minus_gmt() {
        let d = parse_wordpress("2026-02-02T10:30:00", Some("2026-02-02T09:30:00")).unwrap();
        assert_eq!(machine_readable(&d), "2026-02-02T10:30:00+01:00");
        // Across midnight and with a half-hour offset (India).
        let d = parse_wordpress("2026-02-03T04:00:00", Some("2026-02-02T22:30:00")).unwrap();
        assert_eq!(machine_readable(&d), "2026-02-03T04:00:00+05:30");
        assert_eq!(date_line(&d, Lang::Fr), "mardi 3 février 2026");
        // Negative offset.
        let d = parse_wordpress("2026-02-02T06:00:00", Some("2026-02-02T11:00:00")).unwrap();
        assert_eq!(machine_readable(&d), "2026-02-02T06:00:00-05:00");
    }

    #[test]
    fn wordpress_without_gmt_or_with_garbage() {
        let d = parse_wordpress("2026-02-02T10:30:00", None).unwrap();
        assert_eq!(machine_readable(&d), "2026-02-02T10:30:00+00:00");
        assert_eq!(parse_wordpress("2026-02-02T10:30:00", Some("garbage")).map(|d| d.offset().local_minus_utc()), Some(0));
        assert_eq!(parse_wordpress("", Some("2026-02-02T09:30:00")), None);
        assert_eq!(parse_wordpress("2026-02-02T10:30:00+01:00", None), None);
        assert_eq!(parse_wordpress("2026-02-02T10:3é:00", None), None);
        assert_eq!(parse_wordpress("2026-02-02T10:30:0é", None), None);
        // An offset beyond a day is not an offset.
        assert_eq!(parse_wordpress("2026-02-05T10:30:00", Some("2026-02-02T10:30:00")), None);
        assert!(parse_wordpress("2026-02-02T10:30:00.5", Some("2026-02-02T09:30:00")).is_some());
    }
}
