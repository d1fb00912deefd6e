//! The page around an article, laid out like the seed page: the article, the publisher's call
//! to follow, the share bar and the latest news in the main column; the most-read list beside
//! it on wide screens and after it on phones.

use std::sync::Arc;

use leptos::prelude::*;

use super::article_view::ArticleView;
use super::follow_link::FollowLink;
use crate::model::{Article, Feed};

/// The full article page for `article` from `feed`.
#[component]
pub fn ArticlePage(feed: Arc<Feed>, article: Article) -> impl IntoView {
    let base = article.url.clone().unwrap_or_else(|| feed.source_url.clone());
    view! {
        <div class="kq-page">
            <div class="kq-main">
                <ArticleView article base/>
                <footer class="kq-article-end">
                    {feed.follow.clone().map(|follow| view! { <FollowLink follow/> })}
                    <div class="kq-slot-share"></div>
                </footer>
                <div class="kq-slot-more"></div>
            </div>
            <div class="kq-sidebar">
                <div class="kq-slot-popular"></div>
            </div>
        </div>
    }
}
