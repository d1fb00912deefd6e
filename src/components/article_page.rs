//! The page around an article, laid out like the seed page: the article, the publisher's call
//! to follow, the share bar and the latest news in the main column; the most-read list beside
//! it on wide screens and after it on phones.

use std::sync::Arc;

use leptos::prelude::*;

use super::article_view::ArticleView;
use super::article_end::ArticleEnd;
use super::more_news::MoreNews;
use super::popular_list::PopularList;
use crate::config::Config;
use crate::model::{Article, Feed};

/// The full article page for `article` from `feed`, configured by `config`; `focus` moves
/// focus to the headline (after the reader chose another article).
#[component]
pub fn ArticlePage(feed: Arc<Feed>, article: Article, config: Arc<Config>, focus: bool) -> impl IntoView {
    let base = article.url.clone().unwrap_or_else(|| feed.source_url.clone());
    let config_popular = config.popular;
    let current = Some(article.id.clone());
    // The reader came for the article: it is painted first, and what follows it a frame later.
    let rest_shown = RwSignal::new(false);
    request_animation_frame(move || rest_shown.set(true));
    let (end_feed, more_feed) = (feed.clone(), feed.clone());
    let end_article = article.clone();
    let rest = move || {
        rest_shown.get().then(|| {
            view! {
                <ArticleEnd article=Some(end_article.clone()) feed=Some(end_feed.clone()) config=config.clone()/>
                <MoreNews feed=more_feed.clone() current=Some(end_article.clone()) page_size=config.more_length
                    same_section_first=config.more_same_section/>
            }
        })
    };
    let popular = move || {
        rest_shown.get().then(|| view! { <PopularList feed=feed.clone() current=current.clone() options=config_popular/> })
    };
    view! {
        <div class="kq-page">
            <div class="kq-main">
                <ArticleView article base focus/>
                {rest}
            </div>
            <div class="kq-sidebar">{popular}</div>
        </div>
    }
}
