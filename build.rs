//! Builds the widget's stylesheet into the wasm minified (src/css.rs), so readers download
//! no comments or indentation; style/widget.css stays readable.

#[path = "src/css.rs"]
mod css;

fn main() {
    println!("cargo::rerun-if-changed=style/widget.css");
    println!("cargo::rerun-if-changed=src/css.rs");
    let source = std::fs::read_to_string("style/widget.css").expect("style/widget.css is readable");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(std::path::Path::new(&out).join("widget.css"), css::minify(&source)).expect("OUT_DIR is writable");
}
