#!/usr/bin/env bash
# The benchmark: installs what it needs, builds in release, and prints sizes, time to article,
# scale and layout shift (scripts/bench.mjs). Not a test: it measures, it does not judge.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_test_tools
cd "$ROOT"
say "Building in release"
trunk build --release
say "Measuring (a few minutes)"
node scripts/bench.mjs "$@"
