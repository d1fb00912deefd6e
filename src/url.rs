//! URLs that come from data: which schemes may reach the DOM, and resolving relative ones.
//!
//! Browsers ignore tabs and line breaks inside URLs and strip leading control characters, so
//! `java\tscript:` and ` \u{1}javascript:` still run script: the scheme is read the way the
//! browser reads it before it is judged.

/// Schemes a link or image from data may use.
const ALLOWED_SCHEMES: [&str; 2] = ["http", "https"];

/// The URL as the browser will read it when it is safe to put in `href`/`src`, else `None`.
///
/// Accepts `http:`, `https:` and relative references (resolved later against the feed).
pub fn safe_url(raw: &str) -> Option<String> {
    let cleaned = browser_normalized(raw);
    if cleaned.is_empty() {
        return None;
    }
    match scheme(&cleaned) {
        None => Some(cleaned),
        Some(scheme) => ALLOWED_SCHEMES
            .iter()
            .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
            .then_some(cleaned),
    }
}

/// `safe_url`, then resolved against `base` (the feed's own absolute URL).
pub fn safe_absolute_url(raw: &str, base: &str) -> Option<String> {
    let url = safe_url(raw)?;
    // Already absolute, and `safe_url` allowed its scheme: resolving would return it as is.
    if scheme(&url).is_some() {
        return Some(url);
    }
    let resolved = resolve(base, &url);
    // A base with a hostile scheme must not smuggle one in through resolution.
    safe_url(&resolved).filter(|resolved| scheme(resolved).is_some())
}

/// What the URL parser keeps: no leading or trailing C0 controls or spaces, no tab or newline.
fn browser_normalized(raw: &str) -> String {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    if !trimmed.contains(['\t', '\n', '\r']) {
        return trimmed.to_owned();
    }
    trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
}

/// The scheme of an absolute URL, `None` for a relative reference.
fn scheme(url: &str) -> Option<&str> {
    // Bytes, not chars: all four are ASCII, and this runs for every URL of a large feed.
    let end = url.bytes().position(|b| matches!(b, b':' | b'/' | b'?' | b'#'))?;
    if !url[end..].starts_with(':') {
        return None;
    }
    let candidate = &url[..end];
    let mut chars = candidate.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_valid = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // Anything else before a colon ("ja va:", "é:") is not a scheme to the browser either,
    // but it is not a relative path we can trust: report it as an unknown scheme.
    Some(if starts_with_letter && rest_valid { candidate } else { url })
}

/// Resolves a reference against an absolute base URL (RFC 3986 §5.2, for the http(s) URLs
/// feeds use). Returns the reference unchanged when it is already absolute.
pub fn resolve(base: &str, reference: &str) -> String {
    if scheme(reference).is_some() {
        return reference.to_owned();
    }
    let Some(scheme_end) = base.find("://") else {
        return reference.to_owned();
    };
    let authority_start = scheme_end + 3;
    let authority_end = base[authority_start..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| authority_start + i);
    let origin = &base[..authority_end];
    let base_path_end = base[authority_end..]
        .find(['?', '#'])
        .map_or(base.len(), |i| authority_end + i);
    let base_path = &base[authority_end..base_path_end];

    if let Some(rest) = reference.strip_prefix("//") {
        return format!("{}//{rest}", &base[..scheme_end + 1]);
    }
    if reference.starts_with('/') {
        let (path, tail) = split_tail(reference);
        return format!("{origin}{}{tail}", remove_dot_segments(path));
    }
    if reference.is_empty() || reference.starts_with('#') {
        let without_fragment = base.split('#').next().unwrap_or(base);
        return format!("{without_fragment}{reference}");
    }
    if reference.starts_with('?') {
        return format!("{origin}{base_path}{reference}");
    }
    let directory = match base_path.rfind('/') {
        Some(slash) => &base_path[..=slash],
        None => "/",
    };
    let (path, tail) = split_tail(reference);
    format!("{origin}{}{tail}", remove_dot_segments(&format!("{directory}{path}")))
}

/// Splits `path?query#fragment` into the path and the rest.
fn split_tail(reference: &str) -> (&str, &str) {
    let end = reference.find(['?', '#']).unwrap_or(reference.len());
    reference.split_at(end)
}

/// Removes `.` and `..` segments from an absolute path.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if i == last {
                    out.push("");
                }
            }
            other => out.push(other),
        }
    }
    format!("/{}", out.join("/"))
}

/// The value of the query parameter `name` in `href`, percent-decoded; `None` when absent
/// or empty.
pub fn query_param(href: &str, name: &str) -> Option<String> {
    let without_fragment = href.split('#').next().unwrap_or_default();
    let (_, query) = without_fragment.split_once('?')?;
    query
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(key, _)| percent_decode(key) == name)
        .map(|(_, value)| percent_decode(value))
        .filter(|value| !value.is_empty())
}

/// `href` with the query parameter `name` set to `value`, or removed when `value` is `None`.
/// Every other parameter and the fragment stay as they were: the address belongs to the host.
pub fn with_query_param(href: &str, name: &str, value: Option<&str>) -> String {
    let (before_fragment, fragment) = match href.find('#') {
        Some(i) => href.split_at(i),
        None => (href, ""),
    };
    let (path, query) = before_fragment.split_once('?').unwrap_or((before_fragment, ""));
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| percent_decode(pair.split('=').next().unwrap_or_default()) != name)
        .map(str::to_owned)
        .collect();
    if let Some(value) = value {
        pairs.push(format!("{}={}", crate::share::encode(name), crate::share::encode(value)));
    }
    let query = if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) };
    format!("{path}{query}{fragment}")
}

/// Decodes `%XX` escapes and `+` (a space in form-encoded queries); bytes that do not form
/// UTF-8 become U+FFFD rather than an error.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_parameters_round_trip_any_text() {
        let page = "https://news.example/page?utm=x&kiosque=old#comments";
        assert_eq!(query_param(page, "kiosque").as_deref(), Some("old"));
        assert_eq!(query_param(page, "utm").as_deref(), Some("x"));
        assert_eq!(query_param(page, "missing"), None);
        for id in ["mali-offensive", "a&b=c?d#e", "été 100% ✓", "عربي", "1+1"] {
            let href = with_query_param(page, "kiosque", Some(id));
            assert!(href.starts_with("https://news.example/page?utm=x&kiosque="), "{href}");
            assert!(href.ends_with("#comments"), "{href}");
            assert_eq!(query_param(&href, "kiosque").as_deref(), Some(id));
        }
        assert_eq!(with_query_param(page, "kiosque", None), "https://news.example/page?utm=x#comments");
        assert_eq!(with_query_param("/a", "k", Some("v")), "/a?k=v");
        assert_eq!(with_query_param("/a?k=1&k=2", "k", None), "/a");
        assert_eq!(query_param("/a?k&x=1", "k"), None);
        assert_eq!(query_param("/a?q=a+b%20c", "q").as_deref(), Some("a b c"));
    }

    #[test]
    fn percent_decoding_never_fails() {
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
        assert_eq!(percent_decode("%C3"), "\u{fffd}");
    }

    use super::*;

    #[test]
    fn web_and_relative_urls_pass() {
        for ok in ["https://example.org/a?b=c#d", "HTTP://EXAMPLE.ORG", "images/a.jpg", "/a/b",
            "//cdn.example.org/x.js", "?page=2", "#top", "a:b/c".replace(':', "%3A").as_str(),
            "./x:y"]
        {
            assert!(safe_url(ok).is_some(), "{ok:?} should pass");
        }
    }

    #[test]
    fn script_and_other_schemes_are_refused_however_disguised() {
        for bad in ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)",
            "java\nscript:alert(1)", "  \u{1}javascript:alert(1)", "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "blob:https://x/y",
            "ja va:x", "é:x", "", " \t\n", "mailto:a@b.c"]
        {
            assert_eq!(safe_url(bad), None, "{bad:?} should be refused");
        }
    }

    #[test]
    fn entities_are_not_decoded_in_data_urls() {
        // JSON and DOM attributes are never entity-decoded again, so this is a harmless
        // relative path whose fragment reads "#x09;ascript:alert(1)".
        assert_eq!(safe_url("jav&#x09;ascript:alert(1)").as_deref(), Some("jav&#x09;ascript:alert(1)"));
    }

    #[test]
    fn normalization_matches_what_the_browser_reads() {
        assert_eq!(safe_url(" https://a.example/\tb\n ").as_deref(), Some("https://a.example/b"));
    }

    #[test]
    fn resolution_follows_rfc_3986() {
        let base = "https://news.example/data/feed.json?v=1#x";
        assert_eq!(resolve(base, "images/a.jpg"), "https://news.example/data/images/a.jpg");
        assert_eq!(resolve(base, "../images/a.jpg"), "https://news.example/images/a.jpg");
        assert_eq!(resolve(base, "../../../a"), "https://news.example/a");
        assert_eq!(resolve(base, "./"), "https://news.example/data/");
        assert_eq!(resolve(base, "/a/./b/../c?q#f"), "https://news.example/a/c?q#f");
        assert_eq!(resolve(base, "//cdn.example/x"), "https://cdn.example/x");
        assert_eq!(resolve(base, "?v=2"), "https://news.example/data/feed.json?v=2");
        assert_eq!(resolve(base, "#y"), "https://news.example/data/feed.json?v=1#y");
        assert_eq!(resolve(base, "http://other.example/"), "http://other.example/");
        assert_eq!(resolve("https://news.example", "a"), "https://news.example/a");
        assert_eq!(resolve("https://news.example/a/..", "b/.."), "https://news.example/a/");
    }

    #[test]
    fn absolute_urls_are_checked_after_resolution() {
        let base = "https://news.example/feed.json";
        assert_eq!(safe_absolute_url("a.jpg", base).as_deref(), Some("https://news.example/a.jpg"));
        assert_eq!(safe_absolute_url("javascript:x", base), None);
        assert_eq!(safe_absolute_url("a.jpg", "not a url"), None);
        assert_eq!(safe_absolute_url("a.jpg", "javascript://x/"), None);
    }
}
