# Shared by demo.sh and test.sh: install what is missing, and skip quickly what is there.
# Sourced, not run. Every step checks first, so a second run does nothing but check.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14          # trunk 0.22 refuses rustc 1.95
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml
WASM_SPLIT_VERSION=0.2.4       # reads wasm-bindgen's internals: re-test on every wasm-bindgen bump
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the Debian packages that are not installed yet.
apt_install() {
  local missing=() package
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_rust() {
  if ! command -v cargo >/dev/null; then
    echo "cargo is missing: install Rust (https://rustup.rs) and run this again." >&2
    exit 1
  fi
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# ensure_cargo_tool BINARY VERSION CRATE [cargo install flags…]
ensure_cargo_tool() {
  local binary=$1 version=$2 crate=$3
  shift 3
  if [ "$("$binary" --version 2>/dev/null)" = "$binary $version" ]; then
    return 0
  fi
  say "Installing $crate $version (once; trunk takes several minutes)"
  cargo install "$crate" --version "$version" "$@"
}

# The splitter (scripts/split-wasm.sh) has no --version: ask cargo what it installed.
ensure_wasm_split() {
  if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    return 0
  fi
  say "Installing wasm_split_cli_support $WASM_SPLIT_VERSION (once; a few minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
}

ensure_node_packages() {
  command -v npm >/dev/null || apt_install nodejs npm
  # npm writes node_modules/.package-lock.json on every install: newer than the lock file
  # means the installed packages are the locked ones.
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] \
    || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "Installing node packages (wasm-opt, terser, playwright-core, puppeteer-core, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

# What building the widget needs.
ensure_build_tools() {
  ensure_rust
  ensure_node_packages   # wasm-opt comes from npm: Debian's produces a module that fails to start
  # wasm-bindgen-cli's own lock file names a crate the registry no longer serves: no --locked.
  ensure_cargo_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli
  ensure_wasm_split
  ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
}

# What the tests need besides the build: the three engines readers use, Debian's own builds
# (nothing downloads a browser). Chromium and its driver; Firefox ESR, driven over WebDriver
# BiDi by puppeteer-core; WebKitGTK's WebDriver and MiniBrowser, on an Xvfb display (xvfb-run
# needs xauth, only recommended by xvfb).
ensure_test_tools() {
  ensure_build_tools
  apt_install chromium chromium-driver brotli firefox-esr webkit2gtk-driver xvfb xauth
}
