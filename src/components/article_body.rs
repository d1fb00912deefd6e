//! The text of an article: plain paragraphs, or untrusted HTML passed through the sanitizer.

#[cfg(target_arch = "wasm32")]
use leptos::html::Div;
use leptos::prelude::*;

use super::use_lang;
#[cfg(target_arch = "wasm32")]
use crate::browser::sanitize::sanitize;
use crate::model::Body;
use crate::text::paragraphs;

/// The body; `base` resolves relative links in HTML bodies; `held` (data saver) makes its
/// images wait for a tap.
#[component]
pub fn ArticleBody(body: Body, base: String, lang: Option<String>, dir: Option<&'static str>, #[prop(optional)] held: bool) -> impl IntoView {
    let strings = use_lang().strings();
    match body {
        Body::Text(text) => view! {
            <div class="kq-body" lang=lang dir=dir>
                {paragraphs(&text).map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
            </div>
        }
        .into_any(),
        #[cfg(not(target_arch = "wasm32"))]
        Body::Html(html) => {
            // Ahead of time: the same rules, applied to HTML by a native parser.
            let label = held.then(|| (strings.image_placeholder)(None));
            let safe = crate::prerender::sanitize::sanitize_html(&html, &base, strings, label.as_deref());
            view! { <div class="kq-body" lang=lang dir=dir inner_html=safe></div> }.into_any()
        }
        #[cfg(target_arch = "wasm32")]
        Body::Html(html) => {
            let container = NodeRef::<Div>::new();
            // The sanitizer builds real nodes, which are appended once the container exists.
            Effect::new(move |done: Option<bool>| {
                if done == Some(true) {
                    return true;
                }
                let Some(div) = container.get() else { return false };
                let label = held.then(|| (strings.image_placeholder)(None));
                if let Some(fragment) = sanitize(&html, &base, strings, label.as_deref()) {
                    let _ = div.append_child(&fragment);
                }
                true
            });
            view! { <div class="kq-body" lang=lang dir=dir node_ref=container></div> }.into_any()
        }
        Body::Protected => view! { <p class="kq-body kq-protected">{strings.protected}</p> }.into_any(),
        Body::Empty => ().into_any(),
    }
}
