//! Builds the widget's stylesheets into the wasm minified (src/css.rs), so readers download
//! no comments or indentation; the sheets in style/ stay readable. Each part's sheet is built
//! into the code of that part, so it downloads with it.

#[path = "src/css.rs"]
mod css;

/// The widget's sheets: the base every widget needs, then one per part.
const SHEETS: [&str; 5] = ["base", "article", "share", "lists", "reading"];

fn main() {
    println!("cargo::rerun-if-changed=src/css.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for sheet in SHEETS {
        let path = format!("style/{sheet}.css");
        println!("cargo::rerun-if-changed={path}");
        let source = std::fs::read_to_string(&path).expect("the style sheets are readable");
        std::fs::write(std::path::Path::new(&out).join(format!("{sheet}.css")), css::minify(&source)).expect("OUT_DIR is writable");
    }
}
