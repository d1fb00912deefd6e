//! One widget instance: loads its feed and the code of its part side by side, then shows the
//! part (the article page, the share bar or one of the lists), the loading state or the error.

use std::sync::Arc;

use futures::FutureExt;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::config_problems::ConfigProblems;
use super::deferred::Deferred;
use super::load_failed::LoadFailed;
use super::loading::Loading;
use super::more_news::MorePages;
use super::{PartData, RenderPart};
use crate::browser::next_task;
use crate::browser::fetch::RequestTimeout;
use crate::browser::navigation::Navigator;
use crate::config::{Config, ConfigError, Part};
use crate::model::{Body, Feed};
use crate::on_use::{self, CodeMissing};
use crate::sources::plan::{plan, Format, Reader, Resource};
use crate::sources::LoadError;

/// Where focus goes once a retried load ends: the retry button of a new failure, else the
/// headline, else the first link or button of what arrived.
const RETRY_FOCUS: &str = ".kq-error button, h1, a[href], button";

/// The feed a widget loaded (and the article it was loaded for), with its part's code.
type Loaded = (Option<String>, Arc<Feed>, RenderPart);

/// How many later pages of a paged feed are fetched to find an article named by the address.
const DEEP_LINK_PAGES: usize = 10;

/// Follows `feed`'s later pages until one holds the article `id` (or none is left), keeping
/// every page in `pages` so that the lists and the article find them. A page that fails ends
/// the search: the widget then says the article cannot be found.
async fn look_in_later_pages(id: &str, feed: &Feed, pages: MorePages, timeout: RequestTimeout) {
    for _ in 0..DEEP_LINK_PAGES {
        let next = pages.next_url.get_untracked().unwrap_or_else(|| feed.next_url.clone());
        let Some(url) = next else { return };
        let Ok(loading) = on_use::load_resource(Resource { url, reader: Reader::Detect }, timeout).await else { return };
        let Ok(page) = loading.await else { return };
        pages.add(&page, feed);
        if page.article(id).is_some() {
            return;
        }
    }
}

/// The code that renders `part`: downloaded once per page, the first time a widget needs it.
async fn part_code(part: Part) -> Result<RenderPart, CodeMissing> {
    match part {
        Part::Article => on_use::article_part().await,
        Part::Share => on_use::share_part().await,
        Part::Popular => on_use::popular_part().await,
        Part::More => on_use::more_part().await,
    }
}

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
        let share_page = (part == Part::Share).then(|| {
            let data = PartData { feed: None, article: None, config, focus: false };
            view! { <Deferred door=|| on_use::share_part().boxed_local() data placeholder=move || view! { <Loading part/> }/> }
        });
        return view! { <ConfigProblems problems/> {share_page} }.into_any();
    };
    let timeout = RequestTimeout(config.timeout_ms);
    provide_context(timeout);
    // Only sources with a document per article depend on the article shown.
    let per_article = config.format == Format::WordPress || config.article_src.is_some();
    // Later pages of the latest articles, kept here so their articles can be opened.
    let more_pages = MorePages::new();
    provide_context(more_pages);
    // What is shown: nothing yet (the skeleton), an error, or the feed and the part's code.
    // A new load keeps the last result on screen until it ends; only a retry clears it.
    let loaded = RwSignal::new(None::<Result<Loaded, LoadError>>);
    let attempt = RwSignal::new(0u32);
    let sources_config = config.clone();
    Effect::new(move |_| {
        let this_attempt = attempt.get();
        let wanted = if per_article { navigator.current.get().or_else(|| sources_config.article.clone()) } else { None };
        // An article named by the address (a deep link, a reload) may be on a later page of a
        // paged feed: it is looked for there before "not found".
        let deep_link = if per_article { None } else { navigator.current.get_untracked().or_else(|| sources_config.article.clone()) };
        let (config, src) = (sources_config.clone(), src.clone());
        let (default_article, loading_for) = (config.article.clone(), wanted.clone());
        let feed = async move {
            let setup = config.source_setup(&src);
            let mut sources = plan(&setup, wanted.as_deref());
            if per_article && wanted.is_none() {
                // The default article is the listing's first; a teaser without its text means
                // the text is in the article's own document.
                let listing = on_use::load_resource(sources.listing.clone(), timeout).await?.await?;
                if let Some(first) = listing.articles.first().filter(|first| first.body == Body::Empty) {
                    sources = plan(&setup, Some(&first.id));
                }
            }
            // The article it was loaded for, so the page never shows one id with another's feed.
            let feed = on_use::load_sources(sources, timeout).await?.await?;
            if let Some(id) = deep_link.filter(|id| feed.article(id).is_none()) {
                look_in_later_pages(&id, &feed, more_pages, timeout).await;
            }
            Ok::<_, LoadError>((wanted, feed))
        };
        // Under this effect's owner: a request nobody waits for any more (the widget left the
        // page) is aborted.
        leptos::task::spawn_local_scoped(async move {
            let (code, feed) = futures::join!(part_code(part), feed);
            let result = feed.and_then(|(wanted, feed)| Ok((wanted, feed, code?)));
            // Widgets waiting for the same feed and code get them at once: each renders in a
            // task of its own, so that a page of several widgets is never held in one.
            next_task().await;
            // A later load (another article, a retry) wins over this one; a widget that left
            // the page takes nothing.
            let still_wanted = this_attempt == attempt.try_get_untracked().unwrap_or_default()
                && (!per_article || loading_for == navigator.current.try_get_untracked().flatten().or(default_article));
            if still_wanted {
                let _ = loaded.try_set(Some(result));
            }
        });
    });
    // After "Try again", focus follows the reader's request instead of falling to the page:
    // to what arrived (the headline, else the first link), or to the button if it failed again.
    let refocus = StoredValue::new(false);
    let status_line = NodeRef::<leptos::html::P>::new();
    let retry = Callback::new(move |()| {
        refocus.set_value(true);
        loaded.set(None);
        attempt.update(|attempt| *attempt += 1);
    });
    Effect::new(move |_| {
        if loaded.with(Option::is_none) || !refocus.try_get_value().unwrap_or(false) {
            return;
        }
        refocus.set_value(false);
        request_animation_frame(move || {
            let root = status_line.try_get_untracked().flatten().and_then(|line| line.parent_element());
            let target = root.and_then(|root| root.query_selector(RETRY_FOCUS).ok().flatten());
            if let Some(target) = target.and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = target.focus();
            }
        });
    });
    let status = move || match loaded.get() {
        None => lang.strings().loading.to_owned(),
        Some(_) => navigator.announce.get(),
    };
    // The article on screen, to tell a navigation (focus and announce) from the first render.
    let on_screen = StoredValue::new(None::<String>);
    let show = move |(loaded_for, feed, render): Loaded| {
        let wanted = if per_article { loaded_for } else { navigator.current.get().or_else(|| config.article.clone()) };
        let article = match &wanted {
            Some(id) => feed.article(id).cloned().or_else(|| more_pages.find(id)),
            // A list alone, with no article named, leaves none out.
            None if matches!(part, Part::Popular | Part::More) => None,
            None => feed.articles.first().cloned(),
        };
        let mut focus = false;
        match (part, &article) {
            (Part::Share | Part::Article, None) => {
                let error = LoadError::NotFound(wanted.unwrap_or_default());
                return view! { <LoadFailed error part on_retry=retry/> }.into_any();
            }
            (Part::Article, Some(article)) => {
                let before = on_screen.try_update_value(|shown| shown.replace(article.id.clone())).flatten();
                focus = before.is_some_and(|before| before != article.id);
                if focus {
                    navigator.announce.set((lang.strings().now_showing)(&article.title));
                }
            }
            _ => {}
        }
        untrack(|| render(PartData { feed: Some(feed), article, config: config.clone(), focus }))
    };

    view! {
        <ConfigProblems problems/>
        <p class="kq-visually-hidden" role="status" node_ref=status_line>{status}</p>
        {move || match loaded.get() {
            None => view! { <Loading part/> }.into_any(),
            Some(Err(error)) => view! { <LoadFailed error part on_retry=retry/> }.into_any(),
            Some(Ok(loaded)) => show(loaded),
        }}
    }
    .into_any()
}
