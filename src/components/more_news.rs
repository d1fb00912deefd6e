//! "Plus d'actualités": the latest articles but the one being read, a page at a time; the
//! next page of a paged source is fetched only when the reader asks for it.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::teaser::Teaser;
use super::popular_list::LISTS_CSS;
use super::{use_lang, PartData};
use crate::browser::fetch::RequestTimeout;
use crate::browser::navigation::Navigator;
use crate::browser::now;
use crate::config::Config;
use crate::model::{Article, Feed};
use crate::on_use;
use crate::popular::more_news;
use crate::sources::plan::{Reader, Resource};
use crate::sources::LoadError;

/// Articles from the pages of the latest articles fetched after the first, shared by the
/// widget so that one of them can be opened, and that the list keeps them when the reader
/// comes back to it.
#[derive(Clone, Copy)]
pub struct MorePages {
    /// The articles of the pages fetched so far.
    pub articles: RwSignal<Vec<Article>>,
    /// The page after them, once one was fetched (`Some(None)`: there is none).
    pub next_url: RwSignal<Option<Option<String>>>,
}

impl MorePages {
    /// No page fetched yet.
    pub fn new() -> MorePages {
        MorePages { articles: RwSignal::new(Vec::new()), next_url: RwSignal::new(None) }
    }

    /// Keeps the articles of `page` that neither `feed`'s listing nor an earlier page has
    /// (paging shifts when articles are published meanwhile), and where the page after it is.
    /// An article known only from the most-read feed is new to the latest news: it is kept.
    pub fn add(&self, page: &Feed, feed: &Feed) {
        self.articles.update(|known| {
            for article in &page.articles {
                let listed = feed.articles.iter().chain(known.iter()).any(|a: &Article| a.id == article.id);
                if !listed {
                    known.push(article.clone());
                }
            }
        });
        self.next_url.set(Some(page.next_url.clone()));
    }

    /// The fetched article `id`, if any (not tracked: pages arriving re-render nothing).
    pub fn find(&self, id: &str) -> Option<Article> {
        self.articles.with_untracked(|articles| articles.iter().find(|article| article.id == id).cloned())
    }
}

impl Default for MorePages {
    fn default() -> Self {
        MorePages::new()
    }
}

/// The latest articles of `feed` without `current`, `page_size` at a time.
#[component]
pub fn MoreNews(feed: Arc<Feed>, current: Option<Article>, page_size: usize, same_section_first: bool) -> impl IntoView {
    if page_size == 0 {
        return ().into_any();
    }
    let lang = use_lang();
    let strings = lang.strings();
    let now = now();
    let announce = use_context::<Navigator>().map(|navigator| navigator.announce);

    let timeout = use_context::<RequestTimeout>().unwrap_or(RequestTimeout(Config::default().timeout_ms));
    let navigator = use_context::<Navigator>();
    let pages = use_context::<MorePages>().unwrap_or_default();
    let fetched = pages.articles;
    let next_page = RwSignal::new(pages.next_url.get_untracked().unwrap_or_else(|| feed.next_url.clone()));
    // Coming back to an article shows as many as the reader had asked for.
    let shown = RwSignal::new(navigator.and_then(|navigator| navigator.shown_here()).unwrap_or(page_size));
    if let Some(navigator) = navigator {
        Effect::new(move |_| navigator.remember_shown(shown.get()));
    }
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<LoadError>);

    let base = StoredValue::new(feed.clone());
    let feed_language = feed.language.clone();
    let page = Memo::new(move |_| {
        fetched.with(|fetched| {
            let all = more_news(feed.articles.iter().chain(fetched), current.as_ref(), same_section_first);
            let shown = shown.get();
            (all.iter().take(shown).map(|article| (*article).clone()).collect::<Vec<Article>>(), all.len() > shown)
        })
    });
    let can_load_more = move || page.with(|(_, more)| *more) || next_page.with(Option::is_some);
    let list = NodeRef::<leptos::html::Ul>::new();
    // Says how many were added, and takes focus to the first of them: the button the reader
    // pressed may be gone, and the new items are where they are going.
    let say = move |before: usize, added: usize| {
        if let Some(announce) = announce {
            announce.set((strings.loaded_more)(added));
        }
        request_animation_frame(move || {
            // The list may have left the page meanwhile (another article was chosen).
            let first_new = list.try_get_untracked().flatten().and_then(|list| {
                list.query_selector(&format!("li:nth-child({}) a", before + 1)).ok().flatten()
            });
            if let Some(link) = first_new.and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = link.focus();
            }
        });
    };

    let load_more = move |_| {
        if busy.get_untracked() {
            return;
        }
        failure.set(None);
        let before = page.with_untracked(|(articles, _)| articles.len());
        if page.with_untracked(|(_, more)| *more) {
            shown.update(|shown| *shown += page_size);
            say(before, page.with_untracked(|(articles, _)| articles.len()).saturating_sub(before));
            return;
        }
        let Some(url) = next_page.get_untracked() else { return };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let next = match on_use::load_resource(Resource { url, reader: Reader::Detect }, timeout).await {
                Ok(loading) => loading.await,
                Err(missing) => Err(LoadError::from(missing)),
            };
            match next {
                Ok(next) => {
                    // The list may have left the page meanwhile (another article was chosen).
                    if base.try_with_value(|base| pages.add(&next, base)).is_none() {
                        return;
                    }
                    next_page.set(next.next_url.clone());
                    shown.update(|shown| *shown += page_size);
                    // Unless the reader went to another article meanwhile.
                    if let Some(now_shown) = page.try_with_untracked(|(articles, _)| articles.len()) {
                        say(before, now_shown.saturating_sub(before));
                    }
                }
                Err(error) => failure.set(Some(error)),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="kq-more" aria-labelledby="kq-more-heading">
            <h2 id="kq-more-heading" class="kq-list-heading">{strings.more_news_heading}</h2>
            {move || {
                let articles = page.with(|(articles, _)| articles.clone());
                if articles.is_empty() {
                    return view! { <p class="kq-note">{strings.list_empty}</p> }.into_any();
                }
                view! {
                    <ul class="kq-latest" node_ref=list>
                        {articles.into_iter().map(|article| {
                            let language = article.language.clone().or_else(|| feed_language.clone());
                            view! { <li><Teaser article language now with_summary=true/></li> }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {move || failure.get().map(|error| view! { <p class="kq-inline-error" role="alert">{error.message(lang)}</p> })}
            {move || can_load_more().then(|| view! {
                <button type="button" class="kq-button kq-load-more" aria-busy=move || busy.get().to_string() on:click=load_more>
                    {strings.load_more}
                </button>
            })}
        </section>
    }
    .into_any()
}

/// The part `data-kiosque="more"`, and the latest news under an article.
pub fn render(data: PartData) -> AnyView {
    let Some(feed) = data.feed else { return ().into_any() };
    let config = data.config;
    // The teasers' data saver settings.
    provide_context(config.reading);
    view! {
        <style>{LISTS_CSS}</style>
        <MoreNews feed current=data.article page_size=config.more_length same_section_first=config.more_same_section/>
    }
    .into_any()
}
