//! Shrinking the widget's stylesheets before they are built into the wasm (see `build.rs`):
//! comments and layout whitespace are bytes every reader downloads and no browser reads.

/// `css` without comments, with runs of whitespace made one space and no space around
/// `{`, `}`, `;` and `,`, nor a `;` before `}`. Strings are kept as written. A space between
/// selectors is a descendant combinator (`.kq :focus-visible`), so it is never removed.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '{' | '}' | ';' | ',' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                pending_space = false;
            }
            '"' | '\'' => {
                push_space(&mut out, &mut pending_space);
                out.push(c);
                let mut escaped = false;
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c && !escaped {
                        break;
                    }
                    escaped = inner == '\\' && !escaped;
                }
            }
            c => {
                push_space(&mut out, &mut pending_space);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the space a run of whitespace or a comment stood for, unless nothing needs it.
fn push_space(out: &mut String, pending: &mut bool) {
    if *pending && !out.is_empty() && !out.ends_with(['{', '}', ';', ',']) {
        out.push(' ');
    }
    *pending = false;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_layout_whitespace_go() {
        let css = "/* Kiosque */\n.kq {\n  color: red;\n  margin: 0 auto;\n}\n\n/* end */\n";
        assert_eq!(minify(css), ".kq{color: red;margin: 0 auto}");
    }

    #[test]
    fn descendant_combinators_stay() {
        assert_eq!(minify(".kq :focus-visible { outline: 2px solid }"), ".kq :focus-visible{outline: 2px solid}");
        assert_eq!(minify(".a/* x */.b { }"), ".a .b{}");
    }

    #[test]
    fn selector_lists_and_values_lose_spaces_after_commas() {
        assert_eq!(minify("h1 ,\n h2 { font: 1em/1.5 a, b }"), "h1,h2{font: 1em/1.5 a,b}");
    }

    #[test]
    fn strings_are_kept_as_written() {
        let css = ".a::after { content: \" (\" attr(href) \")\"; } .b { content: '/* no ; } comment */' }";
        assert_eq!(minify(css), ".a::after{content: \" (\" attr(href) \")\"}.b{content: '/* no ; } comment */'}");
        assert_eq!(minify(r#"[title="a \" b"] {}"#), r#"[title="a \" b"]{}"#);
    }

    #[test]
    fn at_rules_keep_their_spaces() {
        let css = "@media (min-width: 40em) and (prefers-color-scheme: dark) {\n  .a { b: c }\n}";
        assert_eq!(minify(css), "@media (min-width: 40em) and (prefers-color-scheme: dark){.a{b: c}}");
    }

    #[test]
    fn the_widget_stylesheets_keep_every_rule() {
        let (mut written, mut shipped) = (0, 0);
        for css in [
            include_str!("../style/base.css"),
            include_str!("../style/article.css"),
            include_str!("../style/share.css"),
            include_str!("../style/lists.css"),
        ] {
            let min = minify(css);
            (written, shipped) = (written + css.len(), shipped + min.len());
            let count = |s: &str, c: char| s.chars().filter(|x| *x == c).count();
            assert_eq!(count(&min, '{'), count(css, '{') - count_in_comments(css, '{'));
            assert!(!min.contains("/*"));
        }
        assert!(shipped < written * 4 / 5, "{shipped} of {written}");
    }

    fn count_in_comments(css: &str, c: char) -> usize {
        css.split("/*").skip(1).map(|rest| rest.split("*/").next().unwrap_or("").matches(c).count()).sum()
    }
}
