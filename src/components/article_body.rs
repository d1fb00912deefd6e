//! The text of an article: plain paragraphs, or untrusted HTML passed through the sanitizer.

use std::cell::Cell;
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::{use_lang, use_reading};
use crate::browser::sanitize::{sanitize, HeldImages};
use crate::model::Body;
use crate::text::paragraphs;

/// The body; `base` resolves relative links in HTML bodies.
#[component]
pub fn ArticleBody(body: Body, base: String, lang: Option<String>, dir: Option<&'static str>) -> impl IntoView {
    let strings = use_lang().strings();
    match body {
        Body::Text(text) => view! {
            <div class="kq-body" lang=lang dir=dir>
                {paragraphs(&text).map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
            </div>
        }
        .into_any(),
        Body::Html(html) => {
            let reading = use_reading();
            let container = NodeRef::<Div>::new();
            // Images data saver holds back in this body, until shown or until the body goes.
            let waiting = SendWrapper::new(Rc::new(Cell::new(0u32)));
            let on_show: Rc<dyn Fn()> = {
                let waiting = waiting.clone();
                Rc::new(move || {
                    waiting.set(waiting.get().saturating_sub(1));
                    reading.saved.update(|saved| saved.release(None));
                })
            };
            let on_show = SendWrapper::new(on_show);
            // The sanitizer builds real nodes, which are appended once the container exists.
            let counted = waiting.clone();
            Effect::new(move |done: Option<bool>| {
                if done == Some(true) {
                    return true;
                }
                let Some(div) = container.get() else { return false };
                let held = reading
                    .saving_data
                    .get_untracked()
                    .then(|| HeldImages { label: (strings.image_placeholder)(None), on_show: (*on_show).clone() });
                if let Some((fragment, holding)) = sanitize(&html, &base, strings, held.as_ref()) {
                    let _ = div.append_child(&fragment);
                    counted.set(holding);
                    reading.saved.update(|saved| (0..holding).for_each(|_| saved.hold(None)));
                }
                true
            });
            on_cleanup({
                move || {
                    let left = waiting.get();
                    reading.saved.try_update(|saved| (0..left).for_each(|_| saved.release(None)));
                }
            });
            view! { <div class="kq-body" lang=lang dir=dir node_ref=container></div> }.into_any()
        }
        Body::Protected => view! { <p class="kq-body kq-protected">{strings.protected}</p> }.into_any(),
        Body::Empty => ().into_any(),
    }
}
