//! "Écouter (3 min)": reads the headline and the body aloud with the browser's own voices,
//! highlighting the paragraph being read; pause, resume and stop. Offered only when the
//! browser has a voice for the article's language.

use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::use_lang;
use crate::browser::navigation::Navigator;
use crate::browser::speech::{self, Speaking};
use crate::reading::listen::listening_minutes;

/// What is read: the headline, then the body's paragraphs, headings, list items and quotes,
/// each once (a paragraph inside a quote is read as the paragraph).
const READ_BLOCKS: &str = ".kq-headline, .kq-body :is(p, h2, h3, h4, h5, h6, li, blockquote, dt, dd, figcaption, pre)";

/// Marks the block being read.
const SPEAKING: &str = "kq-speaking";

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Idle,
    Playing,
    Paused,
}

/// The blocks of the article around `within` that are read, in order.
fn blocks_to_read(within: &web_sys::Element) -> Vec<web_sys::Element> {
    let Some(article) = within.closest(".kq-article").ok().flatten() else { return Vec::new() };
    let Ok(found) = article.query_selector_all(READ_BLOCKS) else { return Vec::new() };
    (0..found.length())
        .filter_map(|index| found.item(index)?.dyn_into::<web_sys::Element>().ok())
        // A block holding another one is read through that one.
        .filter(|element| element.query_selector(READ_BLOCKS).ok().flatten().is_none())
        .collect()
}

/// The listen button for an article of `words` words written in `lang`.
#[component]
pub fn ListenControl(words: usize, lang: String) -> impl IntoView {
    let strings = use_lang().strings();
    let navigator = use_context::<Navigator>();
    let available = RwSignal::new(speech::has_voice_for(&lang));
    // Chromium lists its voices only after the page starts.
    let listener = SendWrapper::new(speech::on_voices_changed({
        let lang = lang.clone();
        move || {
            let _ = available.try_set(speech::has_voice_for(&lang));
        }
    }));
    let state = RwSignal::new(State::Idle);
    let group = NodeRef::<leptos::html::Span>::new();
    // Each reading has its number: the end of an earlier one (stopped) must not end this one.
    let reading_number = StoredValue::new(0u32);
    let speaking = StoredValue::new_local(None::<Speaking>);
    let blocks = StoredValue::new_local(Vec::<web_sys::Element>::new());
    // Plain memory: the clean-up below reads it after the view's own values are gone.
    let active = Arc::new(AtomicBool::new(false));

    let highlight = move |block: Option<&web_sys::Element>| {
        blocks.try_with_value(|blocks| {
            for element in blocks {
                let _ = element.class_list().remove_1(SPEAKING);
            }
        });
        if let Some(block) = block {
            let _ = block.class_list().add_1(SPEAKING);
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            block.scroll_into_view_with_scroll_into_view_options(&options);
        }
    };
    let stop = {
        let active = active.clone();
        move || {
            // Also called by the browser's last word, maybe as the view goes: nothing here may
            // assume the view's values are still there.
            active.store(false, Ordering::Relaxed);
            reading_number.try_update_value(|number| *number += 1);
            speech::stop();
            highlight(None);
            speaking.try_set_value(None);
            let _ = state.try_set(State::Idle);
        }
    };
    let start = {
        let (active, stop) = (active.clone(), stop.clone());
        move || {
            let Some(group) = group.get_untracked() else { return };
            let found = blocks_to_read(&group);
            let texts: Vec<String> = found.iter().map(|element| element.text_content().unwrap_or_default()).collect();
            blocks.set_value(found);
            reading_number.update_value(|number| *number += 1);
            let this_reading = reading_number.get_value();
            let on_block: speech::OnBlock = Rc::new({
                let stop = stop.clone();
                move |block: Option<usize>| {
                    // An earlier reading, or a widget that left the page, hears nothing more.
                    if reading_number.try_get_value() != Some(this_reading) {
                        return;
                    }
                    match block {
                        Some(index) => highlight(blocks.try_with_value(|blocks| blocks.get(index).cloned()).flatten().as_ref()),
                        None => stop(),
                    }
                }
            });
            match speech::speak(texts, lang.clone(), on_block) {
                Some(reading) => {
                    active.store(true, Ordering::Relaxed);
                    speaking.set_value(Some(reading));
                    state.set(State::Playing);
                }
                None => {
                    if let Some(navigator) = navigator {
                        navigator.announce.set(strings.listen_failed.to_owned());
                    }
                    stop();
                }
            }
        }
    };
    let on_main = move |_| match state.get_untracked() {
        State::Idle => start(),
        State::Playing => {
            speech::pause();
            state.set(State::Paused);
        }
        State::Paused => {
            speech::resume();
            state.set(State::Playing);
        }
    };
    let on_stop = move |_| {
        stop();
        // This button goes with the reading: focus stays on the listen button.
        let first = group.get_untracked().and_then(|group| group.query_selector("button").ok().flatten());
        if let Some(first) = first.and_then(|first| first.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = first.focus();
        }
    };
    // Another article, or the widget leaving the page, ends the reading.
    on_cleanup(move || {
        drop(listener);
        if active.swap(false, Ordering::Relaxed) {
            speech::stop();
        }
    });
    let minutes = listening_minutes(words);
    let label = move || match state.get() {
        State::Idle => (strings.listen)(minutes),
        State::Playing => strings.listen_pause.to_owned(),
        State::Paused => strings.listen_resume.to_owned(),
    };
    view! {
        <span class="kq-listen" node_ref=group hidden=move || !available.get()>
            <button type="button" class="kq-tool" on:click=on_main>{label}</button>
            {move || (state.get() != State::Idle).then(|| {
                let on_stop = on_stop.clone();
                view! { <button type="button" class="kq-tool" on:click=on_stop>{strings.listen_stop}</button> }
            })}
        </span>
    }
}
