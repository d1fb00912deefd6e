#!/usr/bin/env bash
# Installs whatever is missing, then serves the demo at http://127.0.0.1:8080 (Ctrl-C stops).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_build_tools
cd "$ROOT"
say "Serving the demo at http://127.0.0.1:8080"
exec trunk serve "$@"
