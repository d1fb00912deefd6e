//! Requests (browser only): a timeout, abort when the view that asked goes away, and a
//! typed error for every way a request can fail.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

use crate::model::Feed;
use crate::sources::{read_feed, LoadError, MAX_BODY_BYTES};
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
}

/// Fetches `url` (relative URLs resolve against the host page) as text, giving up after
/// `timeout_ms` or beyond [`MAX_BODY_BYTES`].
pub async fn fetch_text(url: &str, timeout_ms: u32) -> Result<Fetched, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let controller = AbortController::new().map_err(|_| LoadError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = Closure::once({
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        move || {
            timed_out.set(true);
            controller.abort();
        }
    });
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            i32::try_from(timeout_ms).unwrap_or(i32::MAX),
        )
        .ok();
    // The reader may navigate away while this is in flight: stop paying for it.
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || on_leave.abort());

    let signal = controller.signal();
    let result = async {
        let response = Request::get(url).abort_signal(Some(&signal)).send().await?;
        let status = response.status();
        let final_url = response.url();
        // Refuse an announced giant before downloading it; an unannounced one is measured below.
        let announced = response.headers().get("content-length").and_then(|length| length.parse::<usize>().ok());
        if announced.is_some_and(|length| length > MAX_BODY_BYTES) {
            controller.abort();
            return Ok(Err(LoadError::TooLarge));
        }
        let body = response.text().await?;
        if body.len() > MAX_BODY_BYTES {
            return Ok(Err(LoadError::TooLarge));
        }
        Ok::<_, gloo_net::Error>(Ok((status, final_url, body)))
    }
    .await;

    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    drop(on_timeout);
    match result {
        Ok(Err(error)) => Err(error),
        Ok(Ok((status, url, body))) if (200..300).contains(&status) => Ok(Fetched { body, url }),
        Ok(Ok((status, _, _))) => Err(LoadError::Http(status)),
        Err(_) if timed_out.get() => Err(LoadError::Timeout),
        Err(_) => Err(LoadError::Network),
    }
}

type SharedFeed = Shared<LocalBoxFuture<'static, Result<Arc<Feed>, LoadError>>>;

thread_local! {
    /// Feeds fetched or being fetched by this page, by absolute address: several widgets on
    /// one page make one request per feed.
    static FEEDS: RefCell<HashMap<String, SharedFeed>> = RefCell::new(HashMap::new());
}

/// The feed at `src` (relative to the page), fetched once per page however many widgets ask.
/// A failure is not kept, so trying again fetches again.
pub async fn load_feed(src: String, timeout: RequestTimeout) -> Result<Arc<Feed>, LoadError> {
    let page = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let key = resolve(&page, &src);
    let shared = FEEDS.with(|feeds| {
        feeds
            .borrow_mut()
            .entry(key.clone())
            .or_insert_with(|| fetch_feed(key.clone(), timeout.0).boxed_local().shared())
            .clone()
    });
    let result = shared.await;
    if result.is_err() {
        FEEDS.with(|feeds| feeds.borrow_mut().remove(&key));
    }
    result
}

async fn fetch_feed(url: String, timeout_ms: u32) -> Result<Arc<Feed>, LoadError> {
    let fetched = fetch_text(&url, timeout_ms).await?;
    read_feed(&fetched.body, &fetched.url).map(Arc::new)
}
