//! The lead image with its caption. Its size is reserved from the feed's dimensions so the
//! text below does not move when it loads; with data saver on, a button of the same size
//! stands in its place until the reader taps it.

use leptos::prelude::*;

use super::use_lang;
use crate::browser::held_image;
use crate::images::{srcset, LEAD_IMAGE_SIZES};
use crate::model::Image;
use crate::reading::data_saver::kilobytes;

/// A figure with the image, its caption and credit, in the article's `lang` and `dir`; `held`
/// (data saver) makes it wait for a tap.
#[component]
pub fn LeadImage(image: Image, lang: Option<String>, dir: Option<&'static str>, #[prop(optional)] held: bool) -> impl IntoView {
    let strings = use_lang().strings();
    let has_caption = image.caption.is_some() || image.credit.is_some();
    let srcset = srcset(&image);
    let sizes = srcset.as_ref().map(|_| LEAD_IMAGE_SIZES);
    let picture = view! {
        <img src=(!held).then(|| image.src.clone()) srcset=srcset.clone().filter(|_| !held) sizes=sizes
            alt=image.alt.clone() width=image.width height=image.height lang=lang.clone() dir=dir
            decoding="async" referrerpolicy="no-referrer"/>
    };
    let figure = NodeRef::<leptos::html::Figure>::new();
    if held {
        // The image is built without its address; the button of held_image takes its place
        // before the first paint, and gives the address back when tapped.
        let (bytes, src) = (image.bytes, image.src.clone());
        let label = (strings.image_placeholder)(image.bytes.map(kilobytes));
        figure.on_load(move |figure| {
            let Some(img) = figure.query_selector("img").ok().flatten() else { return };
            if let Some(srcset) = srcset {
                let _ = img.set_attribute("srcset", &srcset);
            }
            let document = figure.owner_document();
            if let Some(button) = document.and_then(|document| held_image::hold(&document, img.clone(), Some(src), bytes, &label)) {
                let _ = img.replace_with_with_node_1(&button);
            }
        });
    }
    view! {
        <figure class="kq-figure" node_ref=figure>
            {picture}
            {has_caption.then(|| view! {
                <figcaption>
                    <span class="kq-visually-hidden">{strings.caption_prefix}</span>
                    <span lang=lang dir=dir>
                        {image.caption}
                        {image.credit.map(|credit| view! { " " <span class="kq-credit">{credit}</span> })}
                    </span>
                </figcaption>
            })}
        </figure>
    }
}
