//! The lead image with its caption. Its size is reserved from the feed's dimensions so the
//! text below does not move when it loads.

use leptos::prelude::*;

use super::use_lang;
use crate::model::Image;

/// A figure with the image, its caption and credit, in the article's `lang` and `dir`.
#[component]
pub fn LeadImage(image: Image, lang: Option<String>, dir: Option<&'static str>) -> impl IntoView {
    let strings = use_lang().strings();
    let has_caption = image.caption.is_some() || image.credit.is_some();
    view! {
        <figure class="kq-figure">
            <img src=image.src alt=image.alt width=image.width height=image.height lang=lang.clone() dir=dir
                decoding="async" referrerpolicy="no-referrer"/>
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
