//! The page around an article, laid out like the seed page: the article, the publisher's call
//! to follow, the share bar and the latest news in the main column; the most-read list beside
//! it on wide screens and after it on phones.

use std::sync::Arc;

use leptos::prelude::*;

use super::article_view::ArticleView;
use super::follow_link::FollowLink;
use super::more_news::MoreNews;
use super::popular_list::PopularList;
use super::share_bar::ShareBar;
use crate::config::{Config, FollowChoice};
use crate::model::{Article, Feed};
use crate::share::Sharing;
use crate::url::resolve;

/// The full article page for `article` from `feed`, configured by `config`; `focus` moves
/// focus to the headline (after the reader chose another article).
#[component]
pub fn ArticlePage(feed: Arc<Feed>, article: Article, config: Arc<Config>, focus: bool) -> impl IntoView {
    let base = article.url.clone().unwrap_or_else(|| feed.source_url.clone());
    let follow = match &config.follow {
        FollowChoice::FromFeed => feed.follow.clone(),
        FollowChoice::Hidden => None,
        FollowChoice::Custom(follow) => Some(follow.clone()),
    };
    let sharing = sharing(&article, &feed, &config);
    let settings = config.share.over(&feed.share).resolve();
    let current = Some(article.id.clone());
    view! {
        <div class="kq-page">
            <div class="kq-main">
                <ArticleView article=article.clone() base focus/>
                <footer class="kq-article-end">
                    {follow.map(|follow| view! { <FollowLink follow/> })}
                    <ShareBar sharing settings/>
                </footer>
                <MoreNews feed=feed.clone() current=Some(article) page_size=config.more_length
                    same_section_first=config.more_same_section/>
            </div>
            <aside class="kq-sidebar">
                <PopularList feed current options=config.popular/>
            </aside>
        </div>
    }
}

/// What the share bar shares: the publisher's overrides, else the article's canonical URL,
/// else the page the reader is on.
fn sharing(article: &Article, feed: &Feed, config: &Config) -> Sharing {
    let page = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let url = match (&config.share_url, &article.url) {
        (Some(url), _) => resolve(&page, url),
        (None, Some(url)) => url.clone(),
        (None, None) => page,
    };
    Sharing {
        article_id: article.id.clone(),
        url,
        title: config.share_title.clone().unwrap_or_else(|| article.title.clone()),
        summary: article.summary.clone(),
        image: article.image.as_ref().map(|image| image.src.clone()),
        campaign: config.share.campaign.clone().or_else(|| feed.share.campaign.clone()).unwrap_or_default(),
    }
}
