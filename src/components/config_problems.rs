//! The `data-*` attributes a publisher got wrong, said inside the widget rather than only in
//! the console, where a publisher would never look.

use leptos::prelude::*;

use super::use_lang;
use crate::config::ConfigError;

/// Lists configuration problems; renders nothing when there are none.
#[component]
pub fn ConfigProblems(problems: Vec<ConfigError>) -> impl IntoView {
    let lang = use_lang();
    (!problems.is_empty()).then(|| {
        view! {
            <div class="kq-notice" role="alert">
                <ul>
                    {problems.iter().map(|problem| view! { <li>{problem.message(lang)}</li> }).collect_view()}
                </ul>
            </div>
        }
    })
}
