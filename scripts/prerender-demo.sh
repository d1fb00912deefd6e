#!/usr/bin/env bash
# Trunk's second post-build hook (Trunk.toml): the pages of the dist that are rendered ahead of
# time by the native `kiosque-prerender` command (src/bin/kiosque-prerender.rs), from the same
# feed as the demo:
# - prerendered.html: the demo page with its first article already in the host element, in a
#   declarative shadow root (the fragment `--fragments` writes), which the widget takes over;
# - site/: the static site `--site` writes (a page per article, index pages, the widget's data).
# The demo at / stays client-rendered: it is what the start-up benchmark measures.
set -euo pipefail

: "${TRUNK_STAGING_DIR:?run by trunk (Trunk.toml hooks)}"
target="${CARGO_TARGET_DIR:-target}"
cargo build --quiet --bin kiosque-prerender
prerender="$target/debug/kiosque-prerender"

work="$target/prerender-demo"
rm -rf "$work" "$TRUNK_STAGING_DIR/site"
"$prerender" data/feed.json "$work" --fragments --feed-url /data/feed.json --host-color-scheme "light dark"
"$prerender" data/feed.json "$TRUNK_STAGING_DIR/site" --feed-url /data/feed.json --script ../kiosque.js
node scripts/splice-fragment.mjs data/feed.json "$work/fragments" "$TRUNK_STAGING_DIR/prerendered.html"
