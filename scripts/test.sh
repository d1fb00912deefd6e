#!/usr/bin/env bash
# Installs whatever the tests need, then runs every test: native, components in headless
# Chromium, and end to end against the release build.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_test_tools
cd "$ROOT"

say "1/3 Native tests (cargo test)"
cargo test --quiet

say "2/3 Component tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test components

say "3/3 End-to-end tests on the release build (playwright-core)"
trunk build --release
node --test --test-concurrency=1 tests/e2e/ tests/split-feed.test.mjs

say "All tests passed"
