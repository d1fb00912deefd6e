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
    let current = Some(article.id.clone());
    view! {
        <div class="kq-page">
            <div class="kq-main">
                <ArticleView article=article.clone() base focus/>
                <ArticleEnd article=Some(article.clone()) feed=Some(feed.clone()) config=config.clone()/>
                <MoreNews feed=feed.clone() current=Some(article) page_size=config.more_length
                    same_section_first=config.more_same_section/>
            </div>
            <div class="kq-sidebar">
                <PopularList feed current options=config.popular/>
            </div>
        </div>
    }
}
