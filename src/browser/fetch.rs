//! Requests (browser only): one per document however many widgets ask, a timeout, abort when
//! no widget waits any more, and a typed error for every way a request can fail.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Request, Response};
use js_sys::Promise;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, ReadableStreamReadResult};

use crate::model::Feed;
use crate::on_use;
use crate::sources::plan::{merge, read_json_feed, reader_for, NamespaceCheck, Reader, Resource, Sources};
use crate::sources::{parse_json, LoadError, MAX_BODY_BYTES};
use crate::browser::early;
use crate::browser::navigation::page_address;
use crate::url::resolve;

/// How long a widget waits for a response and its whole body, in milliseconds; provided
/// by the widget as a context (`data-timeout`).
#[derive(Clone, Copy, Debug)]
pub struct RequestTimeout(pub u32);

/// A response body and the address it finally came from (after redirects).
pub struct Fetched {
    /// The body as text.
    pub body: String,
    /// The absolute URL of the response, the base for relative URLs inside it.
    pub url: String,
    /// WordPress's `X-WP-TotalPages`: how many pages the listing has.
    pub total_pages: Option<u32>,
}

/// Fetches `url` (relative URLs resolve against the host page) as text, giving up after
/// `timeout_ms`, beyond [`MAX_BODY_BYTES`], or when `controller` aborts; `early` is the answer
/// when the loader already asked for it, and when it asked (`Date.now()`).
pub async fn fetch_text(url: &str, timeout_ms: u32, controller: AbortController, early: Option<(Promise, f64)>) -> Result<Fetched, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = Closure::once({
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        move || {
            timed_out.set(true);
            controller.abort();
        }
    });
    // The time runs from when the request was sent: an early one may have waited long for the
    // code to start (WebKit starts it late on a page whose other feeds are huge).
    let waited = early.as_ref().map_or(0.0, |(_, sent)| (js_sys::Date::now() - sent).max(0.0));
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            (f64::from(timeout_ms) - waited).clamp(0.0, f64::from(i32::MAX)) as i32,
        )
        .ok();

    let signal = controller.signal();
    let result = async {
        let response = match early {
            Some((early, _)) => {
                let response = JsFuture::from(early).await.map_err(|_| ())?;
                Response::from(response.dyn_into::<web_sys::Response>().map_err(|_| ())?)
            }
            None => Request::get(url).abort_signal(Some(&signal)).send().await.map_err(|_| ())?,
        };
        let status = response.status();
        let final_url = response.url();
        // Refuse an announced giant before downloading it; an unannounced one is measured below.
        let announced = response.headers().get("content-length").and_then(|length| length.parse::<usize>().ok());
        if announced.is_some_and(|length| length > MAX_BODY_BYTES) {
            controller.abort();
            return Ok(Err(LoadError::TooLarge));
        }
        let total_pages = response.headers().get("x-wp-totalpages").and_then(|pages| pages.trim().parse().ok());
        let body = match read_limited(&response).await? {
            Some(body) => body,
            None => {
                controller.abort();
                return Ok(Err(LoadError::TooLarge));
            }
        };
        Ok::<_, ()>(Ok((status, Fetched { body, url: final_url, total_pages })))
    }
    .await;

    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    drop(on_timeout);
    match result {
        Ok(Err(error)) => Err(error),
        Ok(Ok((status, fetched))) if (200..300).contains(&status) => Ok(fetched),
        Ok(Ok((status, _))) => Err(LoadError::Http(status)),
        Err(_) if timed_out.get() => Err(LoadError::Timeout),
        Err(_) => Err(LoadError::Network),
    }
}

/// The body as text, or `None` past [`MAX_BODY_BYTES`]: an unannounced giant is stopped as
/// soon as it passes the limit, before it fills the reader's memory. Chunks stay in the
/// browser until the end, then are copied once into a buffer of the exact size: growing a
/// buffer chunk by chunk copied a 4 MB feed several times.
async fn read_limited(response: &Response) -> Result<Option<String>, ()> {
    let Some(stream) = response.body() else { return Ok(Some(String::new())) };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut chunks = Vec::new();
    let mut total = 0usize;
    loop {
        let chunk: ReadableStreamReadResult = JsFuture::from(reader.read()).await.map_err(|_| ())?.unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            break;
        }
        let value = js_sys::Uint8Array::new(&chunk.get_value());
        let Some(sum) = total.checked_add(value.length() as usize).filter(|sum| *sum <= MAX_BODY_BYTES) else {
            let _ = reader.cancel();
            return Ok(None);
        };
        total = sum;
        chunks.push(value);
    }
    let mut bytes = vec![0; total];
    let mut start = 0usize;
    for chunk in chunks {
        let end = start.saturating_add(chunk.length() as usize);
        // Lengths were counted above; a chunk that changed since is a failed read, not a panic.
        let Some(slot) = bytes.get_mut(start..end) else { return Err(()) };
        chunk.copy_to(slot);
        start = end;
    }
    // As `Response.text()` does: malformed UTF-8 becomes U+FFFD rather than an error.
    Ok(Some(String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())))
}

/// A document as read: a feed, or the namespaces a WordPress site's REST index lists.
#[derive(Clone)]
enum Read {
    Feed(Arc<Feed>),
    Namespaces(Arc<Vec<String>>),
}

type SharedRead = Shared<LocalBoxFuture<'static, Result<Read, LoadError>>>;

/// A document fetched or being fetched, and who waits for it.
#[derive(Clone)]
struct Entry {
    shared: SharedRead,
    controller: Option<AbortController>,
    waiters: Rc<Cell<usize>>,
    /// When a widget last asked for it, to let the oldest go first.
    used: Rc<Cell<u64>>,
}

/// How many read documents the page keeps for widgets that will ask again (a reader going
/// through articles of a WordPress site or a static layout fetches one per article): past
/// this, the least recently asked for are let go, and fetched again if wanted.
const KEPT_DOCUMENTS: usize = 24;

thread_local! {
    /// Documents fetched or being fetched by this page, by absolute address and reader: several
    /// widgets on one page make one request per document.
    static FEEDS: RefCell<HashMap<Resource, Entry>> = RefCell::new(HashMap::new());
    /// A clock for `Entry::used`.
    static ASKED: Cell<u64> = const { Cell::new(0) };
}

/// Lets the least recently asked-for documents go past [`KEPT_DOCUMENTS`]; requests still
/// under way stay, whoever waits for them.
fn let_old_documents_go(feeds: &mut HashMap<Resource, Entry>) {
    let done = feeds.iter().filter(|(_, entry)| entry.shared.peek().is_some()).map(|(key, entry)| (entry.used.get(), key.clone()));
    for key in least_recent_beyond(done.collect(), KEPT_DOCUMENTS) {
        feeds.remove(&key);
    }
}

/// The keys of `entries` (when each was last used, key) beyond the `keep` most recent.
fn least_recent_beyond<K>(mut entries: Vec<(u64, K)>, keep: usize) -> Vec<K> {
    let excess = entries.len().saturating_sub(keep);
    entries.sort_unstable_by_key(|(used, _)| *used);
    entries.into_iter().take(excess).map(|(_, key)| key).collect()
}


/// The feed `resource` (its address relative to the page), fetched once per page however many
/// widgets ask. A failure is not kept, so trying again fetches again.
pub async fn load_resource(resource: Resource, timeout: RequestTimeout) -> Result<Arc<Feed>, LoadError> {
    match load_document(resource, timeout).await? {
        Read::Feed(feed) => Ok(feed),
        // Only `Reader::WordPressIndex` reads namespaces, and only `site_lists` asks for it.
        Read::Namespaces(_) => Err(LoadError::Empty(None)),
    }
}

/// Whether the site's REST index lists the namespace `check` needs, asked once per page
/// however many widgets want to know. An index that cannot be read lists nothing: the route
/// would most likely fail too.
async fn site_lists(check: NamespaceCheck, timeout: RequestTimeout) -> bool {
    match load_document(check.index.clone(), timeout).await {
        Ok(Read::Namespaces(namespaces)) => check.passes(&namespaces),
        _ => false,
    }
}

/// The document `resource`, read, fetched once per page however many widgets ask; a failure
/// is not kept.
async fn load_document(resource: Resource, timeout: RequestTimeout) -> Result<Read, LoadError> {
    let key = Resource { url: resolve(&page_address(), &resource.url), reader: resource.reader };
    let now = ASKED.with(|clock| {
        clock.set(clock.get() + 1);
        clock.get()
    });
    let entry = FEEDS.with(|feeds| {
        let mut feeds = feeds.borrow_mut();
        if !feeds.contains_key(&key) {
            let_old_documents_go(&mut feeds);
        }
        feeds
            .entry(key.clone())
            .or_insert_with(|| {
                let (early, controller) = match early::take(&key.url) {
                    Some((response, controller, sent)) => (Some((response, sent)), Some(controller)),
                    None => (None, AbortController::new().ok()),
                };
                let shared = fetch_resource(key.clone(), timeout.0, controller.clone(), early).boxed_local().shared();
                Entry { shared, controller, waiters: Rc::default(), used: Rc::default() }
            })
            .clone()
    });
    entry.used.set(now);
    // A widget that goes away stops waiting; the request stops once nobody waits for it.
    entry.waiters.set(entry.waiters.get() + 1);
    let leaving = SendWrapper::new((entry.clone(), key.clone()));
    on_cleanup(move || {
        let (entry, key) = &*leaving;
        entry.waiters.set(entry.waiters.get().saturating_sub(1));
        if entry.waiters.get() == 0 && entry.shared.peek().is_none() {
            if let Some(controller) = &entry.controller {
                controller.abort();
            }
            FEEDS.with(|feeds| feeds.borrow_mut().remove(key));
        }
    });
    let result = entry.shared.clone().await;
    if result.is_err() {
        FEEDS.with(|feeds| feeds.borrow_mut().remove(&key));
    }
    result
}

/// Everything a widget shows, as one feed: its documents are fetched side by side. The listing
/// must load; an article that is not there is reported by the widget as not found; without
/// the most-read feed the list is ranked from what the listing has.
pub async fn load_sources(sources: Sources, timeout: RequestTimeout) -> Result<Arc<Feed>, LoadError> {
    let article = async {
        match sources.article {
            Some(article) => match load_resource(article, timeout).await {
                Ok(feed) => Ok(Some(feed)),
                Err(LoadError::Http(404) | LoadError::Empty(_)) => Ok(None),
                Err(error) => Err(error),
            },
            None => Ok(None),
        }
    };
    let popular = async {
        let popular = sources.popular?;
        // Never ask a site for a route it may not have: the 404 would be logged on every page.
        if let Some(check) = sources.popular_needs
            && !site_lists(check, timeout).await
        {
            return None;
        }
        load_resource(popular, timeout).await.ok()
    };
    let (listing, article, popular) = futures::join!(load_resource(sources.listing, timeout), article, popular);
    let (listing, article) = (listing?, article?);
    if article.is_none() && popular.is_none() {
        return Ok(listing);
    }
    // The listing is the base of the merged feed: copied (it is small in the layouts that
    // have several documents), unless nobody else holds it.
    let listing = Arc::try_unwrap(listing).unwrap_or_else(|shared| (*shared).clone());
    Ok(Arc::new(merge(listing, article.as_deref(), popular.as_deref())))
}

async fn fetch_resource(
    resource: Resource,
    timeout_ms: u32,
    controller: Option<AbortController>,
    early: Option<(Promise, f64)>,
) -> Result<Read, LoadError> {
    let controller = controller.ok_or(LoadError::Network)?;
    let fetched = fetch_text(&resource.url, timeout_ms, controller, early).await?;
    let document = parse_json(&fetched.body)?;
    let feed = match reader_for(&document, resource.reader) {
        Reader::JsonFeed | Reader::Detect => read_json_feed(&document, &fetched.url),
        // The WordPress reader is downloaded only by pages that read WordPress.
        Reader::WordPressIndex => {
            return on_use::read_wordpress_index(&document).await?.map(|namespaces| Read::Namespaces(Arc::new(namespaces)));
        }
        reader => on_use::read_wordpress(&document, &fetched.url, reader, fetched.total_pages).await?,
    };
    feed.map(|feed| Read::Feed(Arc::new(feed)))
}

#[cfg(test)]
mod tests {
    use super::least_recent_beyond;

    #[test]
    fn the_least_recently_used_documents_go_first() {
        let entries = vec![(5, "e"), (1, "a"), (9, "i"), (3, "c"), (7, "g")];
        assert_eq!(least_recent_beyond(entries.clone(), 3), ["a", "c"]);
        assert_eq!(least_recent_beyond(entries.clone(), 5), Vec::<&str>::new());
        assert_eq!(least_recent_beyond(entries, 0), ["a", "c", "e", "g", "i"]);
    }
}
