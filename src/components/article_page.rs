//! The page around an article, laid out like the seed page: the article, the publisher's call
//! to follow, the share bar and the latest news in the main column; the most-read list beside
//! it on wide screens and after it on phones.

use futures::FutureExt;
use leptos::prelude::*;

use super::article_view::ArticleView;
use super::deferred::Deferred;
use super::PartData;
use crate::on_use;

/// The full article page for `data`'s article; its focus flag moves focus to the headline
/// (after the reader chose another article).
#[component]
pub fn ArticlePage(data: PartData) -> impl IntoView {
    let (Some(feed), Some(article)) = (data.feed.clone(), data.article.clone()) else { return ().into_any() };
    let base = article.url.clone().unwrap_or_else(|| feed.source_url.clone());
    let language = feed.language_of(&article).map(str::to_owned);
    // The reader came for the article: it is painted first; the code of what follows it is
    // asked for only then.
    // Rendered ahead of time (natively), the whole page is written at once.
    let rest_shown = RwSignal::new(!cfg!(target_arch = "wasm32"));
    #[cfg(target_arch = "wasm32")]
    request_animation_frame(move || {
        let _ = rest_shown.try_set(true);
        // Reached by back or forward: once what follows the article is in the page too (their
        // code is already here, they render within this frame), the page is put back where the
        // reader left it.
        request_animation_frame(crate::browser::navigation::restore_scroll);
    });
    let (end, more, popular) = (data.clone(), data.clone(), data.clone());
    let rest = move || {
        rest_shown.get().then(|| {
            view! {
                <Deferred door=|| on_use::share_part().boxed_local() data=end.clone()/>
                <Deferred door=|| on_use::more_part().boxed_local() data=more.clone()/>
            }
        })
    };
    let sidebar = move || rest_shown.get().then(|| view! { <Deferred door=|| on_use::popular_part().boxed_local() data=popular.clone()/> });
    view! {
        <div class="kq-page">
            <div class="kq-main">
                <ArticleView article base language focus=data.focus tools=data.clone() painted=rest_shown/>
                {rest}
            </div>
            <div class="kq-sidebar">{sidebar}</div>
        </div>
    }
    .into_any()
}

/// The article's stylesheet (style/article.css), downloaded with its code.
const ARTICLE_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/article.css"));

/// The part `data-kiosque="article"`.
pub fn render(data: PartData) -> AnyView {
    view! { <style>{ARTICLE_CSS}</style> <ArticlePage data/> }.into_any()
}
