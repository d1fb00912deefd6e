//! The WebAssembly entry point: start a widget in every `[data-kiosque]` element.

fn main() {
    kiosque::start();
}
