//! What follows an article on the seed page: the publisher's call to follow it, then
//! "Partager :" and the share buttons. Also a part of its own (`data-kiosque="share"`).

use std::sync::Arc;

use leptos::prelude::*;

use super::follow_link::FollowLink;
use super::share_bar::ShareBar;
use super::PartData;
use crate::browser::page_sharing;
use crate::config::{Config, FollowChoice};
use crate::model::{Article, Feed};

/// The follow call to action and the share bar for `article` (the host page itself when
/// `None`), set up by `config` over `feed`'s settings.
#[component]
pub fn ArticleEnd(article: Option<Article>, feed: Option<Arc<Feed>>, config: Arc<Config>) -> impl IntoView {
    let follow = config.follow_for(feed.as_deref());
    // A publisher's own sentence (data-follow-text) is in no language the feed states.
    let language = feed.as_ref().filter(|_| config.follow == FollowChoice::FromFeed).and_then(|feed| feed.language.clone());
    let sharing = page_sharing(article.as_ref(), feed.as_deref(), &config);
    let feed_share = feed.map(|feed| feed.share.clone()).unwrap_or_default();
    let settings = config.share.over(&feed_share).resolve();
    view! {
        <footer class="kq-article-end">
            {follow.map(|follow| view! { <FollowLink follow language/> })}
            <ShareBar sharing settings/>
        </footer>
    }
}

/// The share bar's stylesheet (style/share.css), downloaded with its code.
const SHARE_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/share.css"));

/// The part `data-kiosque="share"`, and the end of an article page.
pub fn render(data: PartData) -> AnyView {
    view! { <style>{SHARE_CSS}</style> <ArticleEnd article=data.article feed=data.feed config=data.config/> }.into_any()
}
