//! One widget instance: loads its feed and shows the article page, the loading state or the
//! error.

use leptos::prelude::*;

use super::article_page::ArticlePage;
use super::config_problems::ConfigProblems;
use super::load_failed::LoadFailed;
use super::loading::Loading;
use crate::browser::fetch::load_feed;
use crate::browser::navigation::Navigator;
use crate::config::{Config, ConfigError, Part};
use crate::sources::LoadError;

/// A widget configured by `config`; `problems` are the attributes that could not be used.
#[component]
pub fn Widget(config: Config, #[prop(optional)] problems: Vec<ConfigError>) -> impl IntoView {
    let lang = config.lang;
    provide_context(lang);
    let config = std::sync::Arc::new(config);
    let Some(src) = config.src.clone() else {
        return view! { <ConfigProblems problems/> }.into_any();
    };
    let feed = LocalResource::new(move || load_feed(src.clone()));
    let retry = Callback::new(move |()| {
        feed.set(None);
        feed.refetch();
    });
    let navigator = Navigator::new(config.links, config.part == Part::Article);
    provide_context(navigator);
    let chosen = config.article.clone();
    let status = move || match feed.get() {
        None => lang.strings().loading.to_owned(),
        Some(_) => navigator.announce.get(),
    };
    // The article on screen, to tell a navigation (focus and announce) from the first render.
    let on_screen = StoredValue::new(None::<String>);

    view! {
        <ConfigProblems problems/>
        <p class="kq-visually-hidden" role="status">{status}</p>
        {move || match feed.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(error)) => view! { <LoadFailed error on_retry=retry/> }.into_any(),
            Some(Ok(feed)) => {
                let wanted = navigator.current.get().or_else(|| chosen.clone());
                let article = match &wanted {
                    Some(id) => feed.article(id),
                    None => feed.articles.first(),
                };
                match article.cloned() {
                    Some(article) => {
                        let before = on_screen.try_update_value(|shown| shown.replace(article.id.clone())).flatten();
                        let navigated = before.is_some_and(|before| before != article.id);
                        if navigated {
                            navigator.announce.set((lang.strings().now_showing)(&article.title));
                        }
                        view! { <ArticlePage feed=feed.clone() article config=config.clone() focus=navigated/> }.into_any()
                    }
                    None => {
                        let error = LoadError::NotFound(wanted.unwrap_or_default());
                        view! { <LoadFailed error on_retry=retry/> }.into_any()
                    }
                }
            }
        }}
    }
    .into_any()
}
