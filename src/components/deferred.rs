//! What arrives after the article or on first use (the share bar, the lists, the Mastodon
//! form): its place stays empty until its code is there, or says it is coming when the reader
//! asked for it; if the code cannot be downloaded, a short message and a retry button take its
//! place, and the rest of the page keeps working.

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{use_lang, Render};
use crate::browser::takeover::READY;
use crate::on_use::CodeMissing;

/// A door of [`crate::on_use`] as [`Deferred`] takes it: one type for every door, so that the
/// component is compiled once per kind of data rather than once per door.
pub type Door<T> = fn() -> LocalBoxFuture<'static, Result<Render<T>, CodeMissing>>;

/// What `door` renders from `data`; while the code downloads, `announce` says "Loading…" (for
/// what the reader just asked for), else `placeholder` holds the place (nothing by default).
#[component]
pub fn Deferred<T>(
    door: Door<T>,
    data: T,
    #[prop(optional)] announce: bool,
    #[prop(optional, into)] placeholder: ViewFn,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let strings = use_lang().strings();
    let code = RwSignal::new(None::<Result<Render<T>, CodeMissing>>);
    let holder = NodeRef::<leptos::html::Div>::new();
    // After "Try again", focus follows what the reader is waiting for instead of falling to
    // the page: into the part once it is there, back to the button if it failed again.
    let refocus = StoredValue::new(false);
    // Rendered ahead of time (natively), the code is all there: the part is written in place.
    #[cfg(not(target_arch = "wasm32"))]
    {
        use futures::FutureExt;
        code.set(door().now_or_never());
    }
    let load = move || {
        if !cfg!(target_arch = "wasm32") {
            return;
        }
        code.set(None);
        leptos::task::spawn_local(async move {
            let arrived = door().await;
            // The widget may have left the page meanwhile.
            let _ = code.try_set(Some(arrived));
        });
    };
    load();
    Effect::new(move |_| {
        if code.with(Option::is_none) || !refocus.try_get_value().unwrap_or(false) {
            return;
        }
        refocus.set_value(false);
        request_animation_frame(move || {
            let target = holder.try_get_untracked().flatten().and_then(|holder| holder.query_selector(FOCUSABLE).ok().flatten());
            if let Some(target) = target.and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = target.focus();
            }
        });
    });
    let retry = move |_| {
        refocus.set_value(true);
        load();
    };
    let content = move || match code.get() {
        None if announce => view! { <p class="kq-note" role="status" aria-busy="true">{strings.loading_part}</p> }.into_any(),
        None => placeholder.run(),
        Some(Ok(render)) => {
            // Marked as its code arrives, in the same step as the part is put in: a widget
            // taking over pre-rendered markup waits for every part (browser/takeover.rs). Set
            // here rather than as a reactive attribute, which would cost every page its code.
            if let Some(holder) = holder.get_untracked() {
                let _ = holder.set_attribute(READY, "");
            }
            // The part's own signals must not make this switch render again.
            untrack(|| render(data.clone()))
        }
        Some(Err(CodeMissing)) => {
            // Settled too: a widget taking over pre-rendered markup must not wait for ever.
            if let Some(holder) = holder.get_untracked() {
                let _ = holder.set_attribute(READY, "");
            }
            view! {
            <div class="kq-part-failed" role="alert">
                <p>{strings.part_failed}</p>
                <button type="button" class="kq-button" on:click=retry>{strings.retry}</button>
            </div>
            }
            .into_any()
        }
    };
    view! { <div class="kq-deferred" node_ref=holder>{content}</div> }
}

/// What can take focus in a part.
const FOCUSABLE: &str = "a[href], button, input, [tabindex]";
