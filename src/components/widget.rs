//! One widget instance: loads its feed and shows its part (the article page, the share bar or
//! one of the lists), the loading state or the error.

use std::sync::Arc;

use leptos::prelude::*;

use super::article_end::ArticleEnd;
use super::article_page::ArticlePage;
use super::config_problems::ConfigProblems;
use super::load_failed::LoadFailed;
use super::loading::Loading;
use super::more_news::MoreNews;
use super::popular_list::PopularList;
use crate::browser::fetch::{load_resource, load_sources, RequestTimeout};
use crate::model::Body;
use crate::sources::plan::{plan, Format};
use super::more_news::MorePages;
use crate::browser::navigation::Navigator;
use crate::config::{Config, ConfigError, Part};
use crate::model::Feed;
use crate::sources::LoadError;

/// A widget configured by `config`; `problems` are the attributes that could not be used.
#[component]
pub fn Widget(config: Config, #[prop(optional)] problems: Vec<ConfigError>) -> impl IntoView {
    let lang = config.lang;
    provide_context(lang);
    let part = config.part;
    let navigator = Navigator::new(config.links, part == Part::Article);
    provide_context(navigator);
    let config = Arc::new(config);
    let Some(src) = config.src.clone() else {
        // Only a share bar can do without a feed: it shares the page it is on.
        let share_page = (part == Part::Share).then(|| view! { <ArticleEnd article=None feed=None config/> });
        return view! { <ConfigProblems problems/> {share_page} }.into_any();
    };
    let timeout = RequestTimeout(config.timeout_ms);
    provide_context(timeout);
    // Only sources with a document per article depend on the article shown.
    let per_article = config.format == Format::WordPress || config.article_src.is_some();
    // Later pages of the latest articles, kept here so their articles can be opened.
    let more_pages = MorePages(RwSignal::new(Vec::new()));
    provide_context(more_pages);
    let sources_config = config.clone();
    let feed = LocalResource::new(move || {
        let wanted = if per_article { navigator.current.get().or_else(|| sources_config.article.clone()) } else { None };
        let (config, src) = (sources_config.clone(), src.clone());
        async move {
            let setup = config.source_setup(&src);
            let mut sources = plan(&setup, wanted.as_deref());
            if per_article && wanted.is_none() {
                // The default article is the listing's first; a teaser without its text means
                // the text is in the article's own document.
                let listing = load_resource(sources.listing.clone(), timeout).await?;
                if let Some(first) = listing.articles.first().filter(|first| first.body == Body::Empty) {
                    sources = plan(&setup, Some(&first.id));
                }
            }
            // The article it was loaded for, so the page never shows one id with another's feed.
            load_sources(sources, timeout).await.map(|feed| (wanted, feed))
        }
    });
    let retry = Callback::new(move |()| {
        feed.set(None);
        feed.refetch();
    });
    let status = move || match feed.get() {
        None => lang.strings().loading.to_owned(),
        Some(_) => navigator.announce.get(),
    };
    // The article on screen, to tell a navigation (focus and announce) from the first render.
    let on_screen = StoredValue::new(None::<String>);
    let show = move |(loaded_for, feed): (Option<String>, Arc<Feed>)| {
        let wanted = if per_article { loaded_for } else { navigator.current.get().or_else(|| config.article.clone()) };
        let article = match &wanted {
            Some(id) => feed.article(id).cloned().or_else(|| more_pages.find(id)),
            // A list alone, with no article named, leaves none out.
            None if matches!(part, Part::Popular | Part::More) => None,
            None => feed.articles.first().cloned(),
        };
        match (part, article) {
            (Part::Popular, article) => {
                let current = article.map(|article| article.id);
                view! { <PopularList feed current options=config.popular/> }.into_any()
            }
            (Part::More, current) => view! {
                <MoreNews feed current page_size=config.more_length same_section_first=config.more_same_section/>
            }
            .into_any(),
            (Part::Share, Some(article)) => {
                view! { <ArticleEnd article=Some(article) feed=Some(feed) config=config.clone()/> }.into_any()
            }
            (Part::Article, Some(article)) => {
                let before = on_screen.try_update_value(|shown| shown.replace(article.id.clone())).flatten();
                let navigated = before.is_some_and(|before| before != article.id);
                if navigated {
                    navigator.announce.set((lang.strings().now_showing)(&article.title));
                }
                view! { <ArticlePage feed article config=config.clone() focus=navigated/> }.into_any()
            }
            (Part::Share | Part::Article, None) => {
                let error = LoadError::NotFound(wanted.unwrap_or_default());
                view! { <LoadFailed error on_retry=retry/> }.into_any()
            }
        }
    };

    view! {
        <ConfigProblems problems/>
        <p class="kq-visually-hidden" role="status">{status}</p>
        {move || match feed.get() {
            None => view! { <Loading part/> }.into_any(),
            Some(Err(error)) => view! { <LoadFailed error on_retry=retry/> }.into_any(),
            Some(Ok(feed)) => show(feed),
        }}
    }
    .into_any()
}
