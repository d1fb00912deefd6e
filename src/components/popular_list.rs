//! "Articles populaires": the most-read articles, numbered, over a period the reader can
//! change, saying so when the list is not what it seems (old counts, an empty period).

use std::sync::Arc;

use leptos::prelude::*;

use super::range_selector::RangeSelector;
use super::teaser::Teaser;
use super::{use_lang, PartData};
use crate::browser::now;
use crate::dates::short_date;
use crate::model::{Article, Feed};
use crate::popular::{is_stale, rank_popular, ranges_with_counts, Basis, PopularOptions, WhenStale};

/// The most-read list from `feed`, without the article `current`.
#[component]
pub fn PopularList(feed: Arc<Feed>, current: Option<String>, options: PopularOptions) -> impl IntoView {
    let lang = use_lang();
    let strings = lang.strings();
    let now = now();
    let stale = is_stale(feed.popular_updated, now, options.max_age_hours);
    if options.length == 0 || (stale && options.when_stale == WhenStale::Hide) {
        return ().into_any();
    }
    let as_of = feed.popular_updated.filter(|_| stale).map(|date| (strings.ranking_as_of)(&short_date(&date, lang)));
    // The feed's own articles, and those only a separate most-read feed knows.
    let ranges = ranges_with_counts(feed.articles.iter().chain(&feed.ranked_only));
    let selected = RwSignal::new(options.range);
    let feed_language = feed.language.clone();
    let ranking = Memo::new(move |_| {
        let pool = feed.articles.iter().chain(&feed.ranked_only);
        let ranking = rank_popular(pool, selected.get(), current.as_deref(), options.length);
        let articles: Vec<Article> = ranking.articles.iter().map(|article| (*article).clone()).collect();
        (ranking.requested, ranking.basis, articles)
    });
    let shown = Signal::derive(move || match ranking.with(|(_, basis, _)| *basis) {
        Basis::Views(range) => Some(range),
        Basis::Latest => None,
    });
    let note = move || {
        let (requested, basis, _) = ranking.with(|(requested, basis, _)| (*requested, *basis, ()));
        let names = strings.range_names;
        match basis {
            Basis::Views(used) if used == requested => None,
            Basis::Views(used) => Some((strings.range_fallback)(names[requested.index()], names[used.index()])),
            Basis::Latest => Some(strings.ranking_unavailable.to_owned()),
        }
        .map(|note| view! { <p class="kq-note">{note}</p> })
    };
    let list = move || {
        let articles = ranking.with(|(_, _, articles)| articles.clone());
        if articles.is_empty() {
            return view! { <p class="kq-note">{strings.list_empty}</p> }.into_any();
        }
        view! {
            <ol class="kq-ranked">
                {articles.into_iter().enumerate().map(|(index, article)| {
                    let language = article.language.clone().or_else(|| feed_language.clone());
                    view! { <li><Teaser article language now rank=index + 1/></li> }
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="kq-popular" aria-labelledby="kq-popular-heading">
            <h2 id="kq-popular-heading" class="kq-list-heading">{strings.popular_heading}</h2>
            {(ranges.len() > 1).then(|| view! { <RangeSelector ranges selected shown/> })}
            {as_of.map(|as_of| view! { <p class="kq-note">{as_of}</p> })}
            <div aria-live="polite">{note}</div>
            {list}
        </section>
    }
    .into_any()
}

/// The lists' stylesheet (style/lists.css), downloaded with their code.
pub const LISTS_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/lists.css"));

/// The part `data-kiosque="popular"`, and the sidebar of an article page.
pub fn render(data: PartData) -> AnyView {
    let Some(feed) = data.feed else { return ().into_any() };
    let current = data.article.map(|article| article.id);
    // The teasers' data saver settings.
    provide_context(data.config.reading);
    view! { <style>{LISTS_CSS}</style> <PopularList feed current options=data.config.popular/> }.into_any()
}
