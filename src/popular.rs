//! "Articles populaires": ranking articles by views over a range, with honest fallbacks.
//!
//! A most-read list must never pretend: when the chosen range has no counts it says which
//! range it used instead, and when there are no counts at all it says it shows the latest
//! articles. Ties are broken by date then id, so every reader sees the same order.

use std::cmp::Ordering;

use crate::dates::Published;
use crate::model::{Article, Views};

/// A period over which views are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Range {
    /// The last 24 hours.
    Day,
    /// The last 7 days.
    Week,
    /// The last 30 days.
    Month,
    /// Since publication.
    All,
}

impl Range {
    /// Every range, shortest first.
    pub const ALL: [Range; 4] = [Range::Day, Range::Week, Range::Month, Range::All];

    /// The names accepted in configuration (`data-popular-range`), in [`Range::ALL`] order.
    pub const ACCEPTED: &'static str = "24h, 7d, 30d, all";

    /// Reads `24h`, `7d`, `30d` or `all`.
    pub fn from_name(name: &str) -> Option<Range> {
        match name.trim().to_ascii_lowercase().as_str() {
            "24h" | "day" => Some(Range::Day),
            "7d" | "week" => Some(Range::Week),
            "30d" | "month" => Some(Range::Month),
            "all" => Some(Range::All),
            _ => None,
        }
    }

    /// Its position in [`Range::ALL`], for tables of names.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The article's count over this range, if the source gave one.
    pub fn count(self, views: &Views) -> Option<u64> {
        match self {
            Range::Day => views.day,
            Range::Week => views.week,
            Range::Month => views.month,
            Range::All => views.all,
        }
    }

    /// The ranges to try, in order, when this one is asked for: itself, then the longer ones.
    fn with_longer(self) -> impl Iterator<Item = Range> {
        Range::ALL.into_iter().skip_while(move |range| *range != self)
    }
}

/// What a popular list was ranked by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Views over this range.
    Views(Range),
    /// No range had counts: the latest articles, newest first.
    Latest,
}

/// A ranked list and how it was ranked.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking<'a> {
    /// The range the reader or publisher asked for.
    pub requested: Range,
    /// What the list was actually ranked by.
    pub basis: Basis,
    /// The articles, most read first.
    pub articles: Vec<&'a Article>,
}

impl Ranking<'_> {
    /// True when the list is not ranked by the range that was asked for, which the reader
    /// must be told.
    pub fn fell_back(&self) -> bool {
        self.basis != Basis::Views(self.requested)
    }
}

/// The ranges for which at least one article has a count: the choices a range selector offers.
pub fn ranges_with_counts<'a>(articles: impl Iterator<Item = &'a Article> + Clone) -> Vec<Range> {
    Range::ALL
        .into_iter()
        .filter(|range| articles.clone().any(|article| range.count(&article.views).is_some_and(|n| n > 0)))
        .collect()
}

/// The `limit` most-read articles over `range`, leaving out the article `current` (the one
/// being read). Falls back to longer ranges, then to the latest articles, when a range has
/// no views among the candidates.
pub fn rank_popular<'a>(
    articles: impl Iterator<Item = &'a Article> + Clone,
    range: Range,
    current: Option<&str>,
    limit: usize,
) -> Ranking<'a> {
    let candidates = || articles.clone().filter(move |article| Some(article.id.as_str()) != current);
    for basis in range.with_longer() {
        let views = |article: &Article| basis.count(&article.views).unwrap_or(0);
        let mut counted: Vec<&Article> = candidates().filter(|article| views(article) > 0).collect();
        if counted.is_empty() {
            continue;
        }
        sort_articles(&mut counted, &|a, b| views(b).cmp(&views(a)).then_with(|| newest_first(a, b)));
        counted.truncate(limit);
        return Ranking { requested: range, basis: Basis::Views(basis), articles: counted };
    }
    Ranking { requested: range, basis: Basis::Latest, articles: latest(candidates(), limit) }
}

/// The `limit` newest articles among `articles`; undated ones last; equal dates by id, so the
/// order never depends on the feed's.
pub fn latest<'a>(articles: impl Iterator<Item = &'a Article>, limit: usize) -> Vec<&'a Article> {
    let mut all: Vec<&Article> = articles.collect();
    sort_articles(&mut all, &newest_first);
    all.truncate(limit);
    all
}

/// Sorts `list` by `order`. One function for every order, because each closure given to
/// `sort_by` is a copy of the whole sorting code in the wasm, which every reader downloads.
/// Unstable is enough: every order ends with the id, and ids are unique.
fn sort_articles(list: &mut [&Article], order: &dyn Fn(&Article, &Article) -> Ordering) {
    list.sort_unstable_by(|a, b| order(a, b));
}

/// Newer first, undated last, then by id so the order never depends on the feed's.
fn newest_first(a: &Article, b: &Article) -> Ordering {
    match (a.published, b.published) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.id.cmp(&b.id))
}

/// True when view counts taken at `updated` are older than `max_age_hours` at `now`, and so
/// must not be presented as current. Unknown snapshot times are taken as current.
pub fn is_stale(updated: Option<Published>, now: Published, max_age_hours: u32) -> bool {
    updated.is_some_and(|updated| (now - updated).num_minutes() > i64::from(max_age_hours) * 60)
}

/// What to do with a popular list whose counts are stale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WhenStale {
    /// Show it, with the date of the counts.
    #[default]
    Label,
    /// Leave the list out.
    Hide,
}

impl WhenStale {
    /// The names accepted in configuration (`data-popular-stale`).
    pub const ACCEPTED: &'static str = "label, hide";

    /// Reads `label` or `hide`.
    pub fn from_name(name: &str) -> Option<WhenStale> {
        match name.trim().to_ascii_lowercase().as_str() {
            "label" => Some(WhenStale::Label),
            "hide" => Some(WhenStale::Hide),
            _ => None,
        }
    }
}

/// How a popular list is set up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PopularOptions {
    /// How many articles it lists; 0 leaves the list out.
    pub length: usize,
    /// The range shown first.
    pub range: Range,
    /// Beyond this age, in hours, counts are stale.
    pub max_age_hours: u32,
    /// What stale counts do to the list.
    pub when_stale: WhenStale,
}

impl Default for PopularOptions {
    fn default() -> Self {
        PopularOptions { length: 5, range: Range::Day, max_age_hours: 48, when_stale: WhenStale::Label }
    }
}

/// The articles for "Plus d'actualités": newest first, without the one being read; when
/// `same_section_first`, the current article's section comes before the rest.
pub fn more_news<'a>(
    articles: impl Iterator<Item = &'a Article>,
    current: Option<&Article>,
    same_section_first: bool,
) -> Vec<&'a Article> {
    let current_id = current.map(|article| article.id.as_str());
    let mut list = latest(articles.filter(|article| Some(article.id.as_str()) != current_id), usize::MAX);
    let section = current.and_then(|article| article.section.as_deref()).filter(|_| same_section_first);
    if let Some(section) = section {
        // Each group stays newest first.
        let (mut same, other): (Vec<_>, Vec<_>) =
            list.into_iter().partition(|article| article.section.as_deref() == Some(section));
        same.extend(other);
        list = same;
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_rfc3339;

    fn article(id: &str, date: Option<&str>, views: Views) -> Article {
        Article {
            id: id.into(),
            title: id.into(),
            published: date.and_then(parse_rfc3339),
            views,
            ..Article::default()
        }
    }

    fn day(n: u64) -> Views {
        Views { day: Some(n), week: Some(n), month: Some(n), all: Some(n) }
    }

    fn ids(ranking: &[&Article]) -> Vec<String> {
        ranking.iter().map(|a| a.id.clone()).collect()
    }

    #[test]
    fn most_read_first_without_the_current_article() {
        let feed = [
            article("a", Some("2026-02-02T10:00:00Z"), day(10)),
            article("b", Some("2026-02-01T10:00:00Z"), day(30)),
            article("c", Some("2026-01-31T10:00:00Z"), day(20)),
            article("d", Some("2026-01-30T10:00:00Z"), day(40)),
        ];
        let ranking = rank_popular(feed.iter(), Range::Day, Some("d"), 5);
        assert_eq!(ids(&ranking.articles), ["b", "c", "a"]);
        assert_eq!(ranking.basis, Basis::Views(Range::Day));
        assert!(!ranking.fell_back());
        assert_eq!(ids(&rank_popular(feed.iter(), Range::Day, None, 2).articles), ["d", "b"]);
        assert!(rank_popular(feed.iter(), Range::Day, None, 0).articles.is_empty());
    }

    #[test]
    fn ties_go_to_the_newer_article_then_to_the_id() {
        let feed = vec![
            article("old", Some("2026-01-01T10:00:00Z"), day(5)),
            article("zed", Some("2026-02-01T10:00:00Z"), day(5)),
            article("new", Some("2026-02-01T10:00:00Z"), day(5)),
            article("undated", None, day(5)),
        ];
        let ranking = rank_popular(feed.iter(), Range::Day, None, 10);
        assert_eq!(ids(&ranking.articles), ["new", "zed", "old", "undated"]);
        // The same whatever the feed order.
        let mut reversed = feed.clone();
        reversed.reverse();
        assert_eq!(ids(&rank_popular(reversed.iter(), Range::Day, None, 10).articles), ["new", "zed", "old", "undated"]);
    }

    #[test]
    fn articles_without_a_count_are_not_ranked_in_that_range() {
        let feed = [
            article("counted", None, Views { day: Some(3), ..Views::default() }),
            article("uncounted", None, Views { all: Some(900), ..Views::default() }),
        ];
        assert_eq!(ids(&rank_popular(feed.iter(), Range::Day, None, 5).articles), ["counted"]);
        assert_eq!(ids(&rank_popular(feed.iter(), Range::All, None, 5).articles), ["uncounted"]);
    }

    #[test]
    fn an_empty_range_falls_back_to_a_longer_one_and_says_so() {
        let feed = [
            article("a", None, Views { week: Some(0), month: Some(7), ..Views::default() }),
            article("b", None, Views { month: Some(9), ..Views::default() }),
        ];
        let ranking = rank_popular(feed.iter(), Range::Day, None, 5);
        assert_eq!(ranking.basis, Basis::Views(Range::Month));
        assert!(ranking.fell_back());
        assert_eq!(ids(&ranking.articles), ["b", "a"]);
        // Only the current article has counts: the others are not ranked by them.
        let feed = [
            article("current", Some("2026-01-01T00:00:00Z"), day(100)),
            article("x", Some("2026-01-02T00:00:00Z"), Views::default()),
            article("y", Some("2026-01-03T00:00:00Z"), Views::default()),
        ];
        let ranking = rank_popular(feed.iter(), Range::Week, Some("current"), 5);
        assert_eq!(ranking.basis, Basis::Latest);
        assert_eq!(ids(&ranking.articles), ["y", "x"]);
    }

    #[test]
    fn no_counts_at_all_gives_the_latest_articles() {
        let feed = [
            article("undated", None, Views::default()),
            article("jan", Some("2026-01-15T00:00:00+01:00"), Views::default()),
            article("feb", Some("2026-02-15T00:00:00-05:00"), Views::default()),
        ];
        let ranking = rank_popular(feed.iter(), Range::All, None, 5);
        assert_eq!(ranking.basis, Basis::Latest);
        assert!(ranking.fell_back());
        assert_eq!(ids(&ranking.articles), ["feb", "jan", "undated"]);
        assert!(rank_popular([].iter(), Range::Day, None, 5).articles.is_empty());
    }

    #[test]
    fn selector_offers_only_ranges_with_counts() {
        let feed = [
            article("a", None, Views { week: Some(2), all: Some(0), ..Views::default() }),
            article("b", None, Views { all: Some(4), ..Views::default() }),
        ];
        assert_eq!(ranges_with_counts(feed.iter()), [Range::Week, Range::All]);
        assert!(ranges_with_counts([article("c", None, Views::default())].iter()).is_empty());
    }

    #[test]
    fn ten_thousand_articles_rank_like_a_full_sort() {
        // Counts that collide often, dates that collide sometimes: a deterministic mix.
        let feed: Vec<Article> = (0..10_000u64)
            .map(|i| {
                let date = format!("2026-01-{:02}T{:02}:00:00Z", 1 + i % 28, i % 24);
                let views = Views { day: (i % 7 != 0).then_some((i * 7919) % 500), ..day((i * 31) % 1000) };
                article(&format!("item-{i:05}"), Some(&date), views)
            })
            .collect();
        let ranking = rank_popular(feed.iter(), Range::Day, Some("item-00001"), 10);
        let mut expected: Vec<&Article> =
            feed.iter().filter(|a| a.id != "item-00001" && a.views.day.is_some_and(|n| n > 0)).collect();
        expected.sort_by(|a, b| b.views.day.cmp(&a.views.day).then_with(|| newest_first(a, b)));
        assert_eq!(ids(&ranking.articles), ids(&expected[..10]));
        assert_eq!(ranking.articles.len(), 10);
    }

    #[test]
    fn stale_counts_are_older_than_the_allowed_age() {
        let now = parse_rfc3339("2026-02-04T12:00:00Z").unwrap();
        let taken = |text| parse_rfc3339(text);
        assert!(!is_stale(taken("2026-02-03T12:00:00Z"), now, 48));
        assert!(!is_stale(taken("2026-02-02T12:00:00Z"), now, 48));
        assert!(is_stale(taken("2026-02-02T11:59:00Z"), now, 48));
        // Offsets are instants, not wall clocks.
        assert!(!is_stale(taken("2026-02-02T13:30:00+01:00"), now, 48));
        assert!(!is_stale(None, now, 0));
        // A snapshot from the future (clock skew) is not stale.
        assert!(!is_stale(taken("2026-03-01T00:00:00Z"), now, 1));
    }

    #[test]
    fn range_and_stale_names() {
        assert_eq!(Range::from_name(" 7D "), Some(Range::Week));
        assert_eq!(Range::from_name("all"), Some(Range::All));
        assert_eq!(Range::from_name("year"), None);
        assert_eq!(WhenStale::from_name("HIDE"), Some(WhenStale::Hide));
        assert_eq!(WhenStale::from_name("show"), None);
    }

    #[test]
    fn more_news_is_newest_first_without_the_current_article() {
        let mut feed = [
            article("current", Some("2026-02-02T00:00:00Z"), Views::default()),
            article("sport-old", Some("2026-01-01T00:00:00Z"), Views::default()),
            article("culture", Some("2026-02-01T00:00:00Z"), Views::default()),
            article("sport-new", Some("2026-01-20T00:00:00Z"), Views::default()),
        ];
        for (article, section) in feed.iter_mut().zip(["Sport", "Sport", "Culture", "Sport"]) {
            article.section = Some(section.into());
        }
        let current = feed[0].clone();
        assert_eq!(ids(&more_news(feed.iter(), Some(&current), false)), ["culture", "sport-new", "sport-old"]);
        assert_eq!(ids(&more_news(feed.iter(), Some(&current), true)), ["sport-new", "sport-old", "culture"]);
        assert_eq!(more_news(feed.iter(), None, true).len(), 4);
    }
}
