//! The floor: the seed's headline and first paragraph, compiled in, rendered by Leptos into the
//! same markup and classes as Kiosque's article, so that both pages paint the same thing.

use leptos::prelude::*;

const SEED: &str = include_str!("../../tests/fixtures/seed-page.txt");

fn main() {
    let mut lines = SEED.lines().map(str::trim).filter(|line| !line.is_empty()).skip(1);
    let headline = lines.next().unwrap_or_default();
    let first = lines.next().unwrap_or_default();
    leptos::mount::mount_to_body(move || {
        view! {
            <div class="kq">
                <div class="kq-page">
                    <div class="kq-main">
                        <article class="kq-article">
                            <header class="kq-header"><h1 class="kq-headline">{headline}</h1></header>
                            <div class="kq-body"><p>{first}</p></div>
                        </article>
                    </div>
                </div>
            </div>
        }
    });
}
