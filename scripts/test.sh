#!/usr/bin/env bash
# Installs whatever the tests need, then runs every test: native, components in headless
# Chromium, and end to end against the release build: in Chromium, then the cross-engine
# scenarios in Chromium, Firefox ESR and WebKitGTK.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_test_tools
cd "$ROOT"

say "1/3 Native tests (cargo test)"
cargo test --quiet

say "2/3 Component tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test components

say "3/3 End-to-end tests on the release build"
trunk build --release
say "3/3 In Chromium (playwright-core)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs tests/split-feed.test.mjs
say "3/3 In Chromium, Firefox ESR and WebKitGTK (tests/e2e/all-engines/)"
KIOSQUE_ENGINES=chromium,firefox,webkit node --test --test-concurrency=1 tests/e2e/all-engines/

say "All tests passed"
