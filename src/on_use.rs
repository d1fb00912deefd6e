//! Code that loads on first use. Every function here is a door to a part of the widget: the
//! release build cuts the wasm at these doors (scripts/split-wasm.sh), so that a page downloads
//! the code behind a door only when something first goes through it. Doors of one chunk share
//! its download:
//!
//! - `article`: reading feeds and the article itself, what an article page needs first;
//! - `extras`: the share bar and the lists, which follow the article or stand alone;
//! - `share_tools`: the forms of the share bar a reader rarely needs (Mastodon, copy by hand);
//! - `wordpress`: the WordPress reader, for the sites that use it;
//! - `reading`: the article's reading tools and reading aloud, just after the article.
//!
//! A page with only a share bar never downloads the article or the feed reader.
//!
//! Without the `split` feature (component tests) the doors are plain async calls.

use std::sync::Arc;

use futures::future::{FutureExt, LocalBoxFuture};

use crate::browser::fetch::{self, RequestTimeout};
use leptos::prelude::*;

use crate::components::copy_field::CopyField;
use crate::components::mastodon_prompt::MastodonPrompt;
use crate::components::reader_tools;
use crate::components::{article_end, article_page, more_news, popular_list, Render, RenderPart};
use crate::model::Feed;
use crate::sources::plan::{self, Reader, Resource, Sources};
use crate::sources::value::Value;
use crate::sources::LoadError;

/// A part's code could not be downloaded (offline, a file missing on the server). Nothing is
/// remembered of the failure: going through the door again downloads again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeMissing;

impl From<leptos::wasm_split::SplitLoaderError> for CodeMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        CodeMissing
    }
}

impl From<CodeMissing> for LoadError {
    fn from(_: CodeMissing) -> Self {
        LoadError::Code
    }
}

/// Defines `async fn name(args) -> Result<T, CodeMissing>` whose body is compiled into the wasm
/// chunk named before it: all doors of one chunk share its download.
macro_rules! door {
    ($chunk:ident: $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, CodeMissing> {
            #[cfg(feature = "split")]
            {
                // The inner function takes the door's name: the splitter tells doors apart by it.
                #[leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
                fn $name($($arg: $ty),*) -> Result<$ret, CodeMissing> {
                    Ok($body)
                }
                $name($($arg),*).await
            }
            #[cfg(not(feature = "split"))]
            {
                Ok($body)
            }
        }
    };
}

/// A request that is under way.
pub type Loading = LocalBoxFuture<'static, Result<Arc<Feed>, LoadError>>;

door! {
    article:
    /// Fetches and reads everything a widget shows, as one feed.
    pub fn load_sources(sources: Sources, timeout: RequestTimeout) -> Loading {
        fetch::load_sources(sources, timeout).boxed_local()
    }
}

door! {
    article:
    /// Fetches and reads one document (a listing, a paged feed's next page).
    pub fn load_resource(resource: Resource, timeout: RequestTimeout) -> Loading {
        fetch::load_resource(resource, timeout).boxed_local()
    }
}

door! {
    wordpress:
    /// Reads a WordPress answer (posts, or WP Popular Posts' list).
    pub fn read_wordpress(document: &Value<'_>, url: &str, reader: Reader, total_pages: Option<u32>) -> Result<Feed, LoadError> {
        plan::read_wordpress(document, url, reader, total_pages)
    }
}

door! {
    wordpress:
    /// Reads a WordPress site's REST index: the namespaces it lists.
    pub fn read_wordpress_index(document: &Value<'_>) -> Result<Vec<String>, LoadError> {
        crate::sources::wordpress::read_namespaces(document)
    }
}

door! {
    article:
    /// The article page: the article first, then what follows it.
    pub fn article_part() -> RenderPart {
        article_page::render
    }
}

door! {
    extras:
    /// The follow call to action and the share bar.
    pub fn share_part() -> RenderPart {
        article_end::render
    }
}

door! {
    extras:
    /// "Articles populaires".
    pub fn popular_part() -> RenderPart {
        popular_list::render
    }
}

door! {
    extras:
    /// "Plus d'actualités".
    pub fn more_part() -> RenderPart {
        more_news::render
    }
}

door! {
    share_tools:
    /// The form that asks for the reader's Mastodon instance.
    pub fn mastodon_form() -> Render<()> {
        |()| view! { <MastodonPrompt/> }.into_any()
    }
}

door! {
    share_tools:
    /// The link in a field to copy by hand, when the browser refused to copy it.
    pub fn copy_field() -> Render<()> {
        |()| view! { <CopyField/> }.into_any()
    }
}

door! {
    reading:
    /// The article's reading tools (listen, text size, data saver), just after the article.
    pub fn reader_tools() -> RenderPart {
        reader_tools::render
    }
}
