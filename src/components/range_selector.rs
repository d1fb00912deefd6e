//! The buttons that choose the period of the most-read list: "24 heures", "7 jours"…

use leptos::prelude::*;

use super::use_lang;
use crate::popular::Range;

/// One toggle button per range in `ranges`; `shown` is the range the list is ranked by.
#[component]
pub fn RangeSelector(ranges: Vec<Range>, selected: RwSignal<Range>, shown: Signal<Option<Range>>) -> impl IntoView {
    let strings = use_lang().strings();
    view! {
        <div class="kq-ranges" role="group" aria-label=strings.range_label>
            {ranges.into_iter().map(|range| view! {
                <button type="button" class="kq-range"
                    aria-pressed=move || (shown.get() == Some(range)).to_string()
                    on:click=move |_| selected.set(range)>
                    {strings.range_buttons[range.index()]}
                </button>
            }).collect_view()}
        </div>
    }
}
