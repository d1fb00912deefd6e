//! Reading aloud with the browser's own speech synthesis: nothing leaves the device.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

use crate::reading::listen::{utterances, voice_speaks};

fn synthesis() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// Whether the browser has a voice for text written in `lang`.
pub fn has_voice_for(lang: &str) -> bool {
    synthesis().is_some_and(|synthesis| {
        synthesis.get_voices().iter().any(|voice| {
            js_sys::Reflect::get(&voice, &"lang".into()).ok().and_then(|tag| tag.as_string()).is_some_and(|tag| voice_speaks(&tag, lang))
        })
    })
}

/// Calls `changed` whenever the browser's list of voices changes (Chromium fills it after the
/// page starts); the returned value stops listening when dropped.
pub fn on_voices_changed(changed: impl Fn() + 'static) -> Option<VoicesListener> {
    let synthesis = synthesis()?;
    let closure = Closure::<dyn Fn()>::new(changed);
    synthesis.add_event_listener_with_callback("voiceschanged", closure.as_ref().unchecked_ref()).ok()?;
    Some(VoicesListener { synthesis, closure })
}

/// Listens to `voiceschanged` until dropped.
pub struct VoicesListener {
    synthesis: SpeechSynthesis,
    closure: Closure<dyn Fn()>,
}

impl Drop for VoicesListener {
    fn drop(&mut self) {
        let _ = self.synthesis.remove_event_listener_with_callback("voiceschanged", self.closure.as_ref().unchecked_ref());
    }
}

/// What the article's reading says back: which block is being read (`None` once done).
pub type OnBlock = Rc<dyn Fn(Option<usize>)>;

/// Reads `blocks` (the headline, then the body's paragraphs) aloud in `lang`, calling
/// `on_block` as each block starts and with `None` at the end or when stopped. Returns the
/// reading, which [`stop`] ends; `None` when the browser cannot speak.
pub fn speak(blocks: Vec<String>, lang: String, on_block: OnBlock) -> Option<Speaking> {
    let synthesis = synthesis()?;
    // Something left from another widget or an earlier article would be read first.
    synthesis.cancel();
    let pieces = utterances(blocks.iter().map(String::as_str));
    let count = pieces.len();
    let mut handlers = Vec::with_capacity(count);
    for (index, piece) in pieces.into_iter().enumerate() {
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&piece.text) else { continue };
        utterance.set_lang(&lang);
        let started = {
            let on_block = on_block.clone();
            Closure::<dyn Fn()>::new(move || on_block(Some(piece.block)))
        };
        utterance.set_onstart(Some(started.as_ref().unchecked_ref()));
        let ended = {
            let on_block = on_block.clone();
            // The last piece ends the reading; an error (cancelled, interrupted) ends it too.
            let last = index + 1 == count;
            Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                if last || event.type_() == "error" {
                    on_block(None);
                }
            })
        };
        utterance.set_onend(Some(ended.as_ref().unchecked_ref()));
        utterance.set_onerror(Some(ended.as_ref().unchecked_ref()));
        synthesis.speak(&utterance);
        handlers.push(Piece { utterance, _started: started, _ended: ended });
    }
    if count == 0 {
        on_block(None);
    }
    Some(Speaking { pieces: handlers })
}

/// A reading under way; its event handlers live as long as it does.
pub struct Speaking {
    pieces: Vec<Piece>,
}

/// One utterance handed to the browser, and its handlers.
struct Piece {
    utterance: SpeechSynthesisUtterance,
    _started: Closure<dyn Fn()>,
    _ended: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Speaking {
    // The browser still holds the utterances (a cancel reports on each): they must not call
    // handlers that are gone.
    fn drop(&mut self) {
        for piece in &self.pieces {
            piece.utterance.set_onstart(None);
            piece.utterance.set_onend(None);
            piece.utterance.set_onerror(None);
        }
    }
}

/// Pauses the reading (it goes on from there with [`resume`]).
pub fn pause() {
    if let Some(synthesis) = synthesis() {
        synthesis.pause();
    }
}

/// Goes on with a paused reading.
pub fn resume() {
    if let Some(synthesis) = synthesis() {
        synthesis.resume();
    }
}

/// Stops reading aloud.
pub fn stop() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}
