#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): splits the widget's WebAssembly so that a page downloads
# only what its first render needs; the rest arrives in chunks when first used (src/on_use.rs).
#
# Trunk 0.21 has no step between cargo and wasm-bindgen, so this redoes the wasm step on
# cargo's output: wasm-split-cli cuts the module at the doors of src/on_use.rs,
# scripts/strip-exports.mjs drops the stream classes Leptos exports and the widget never uses
# (1.5 KB brotli), wasm-bindgen binds the main part (keeping the exports the chunks link to),
# scripts/chunk-map.mjs lists the
# files of each chunk and the packs for the loader, in release wasm-opt and terser shrink every
# part, and scripts/pack-wasm.mjs writes the packs (several files in one request). The
# results replace Trunk's kiosque-core.js and kiosque-core_bg.wasm in the staging directory.
set -euo pipefail

: "${TRUNK_STAGING_DIR:?run by trunk (Trunk.toml hooks)}"
profile=${TRUNK_PROFILE:-debug}
name=kiosque-core
input="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/$name.wasm"
work="${CARGO_TARGET_DIR:-target}/wasm-split/$profile"

rm -rf "$work"
mkdir -p "$work/split" "$work/bound"
wasm-split-cli "$input" "$work/split" --out-name "$name"
node scripts/strip-exports.mjs "$work/split/$name.wasm" "$work/split/$name.wasm" '^(__wbg_|__wbindgen_describe_)?intounderlying'
wasm-bindgen --target web --keep-lld-exports --out-dir "$work/bound" --out-name "$name" "$work/split/$name.wasm"
mv "$work/bound/${name}_bg.wasm" "$work/bound/$name.js" "$work/split/"
rm "$work/split/$name.wasm"
node scripts/chunk-map.mjs "$work/split" "$TRUNK_STAGING_DIR/kiosque.js" "$work/split/kiosque.js" "$TRUNK_STAGING_DIR/index.html"

if [ "$profile" = release ]; then
  for wasm in "$work"/split/*.wasm; do
    wasm-opt -Oz --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-multivalue "$wasm" -o "$wasm"
  done
  for js in "$work"/split/*.js; do
    terser "$js" --module --compress --mangle --output "$js"
  done
  # The takeover of pre-rendered articles is loaded by the loader, beside the chunks.
  terser "$TRUNK_STAGING_DIR/takeover.js" --module --compress --mangle --output "$TRUNK_STAGING_DIR/takeover.js"
fi
node scripts/pack-wasm.mjs "$work/split"

# Chunks of an earlier build must not linger next to the new ones.
rm -f "$TRUNK_STAGING_DIR"/split_*.wasm "$TRUNK_STAGING_DIR"/chunk_*.wasm "$TRUNK_STAGING_DIR"/pack_*.wasm
cp "$work"/split/* "$TRUNK_STAGING_DIR/"
