//! `kiosque-prerender`: writes a feed's articles as HTML ahead of time, with the widget's own
//! components: fragments for a publisher's pages, or a complete static site (README,
//! "Pre-rendered articles"). Native only.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args().skip(1).collect())
}

// The wasm build compiles every binary of the package; there is nothing to run there.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{IsTerminal, Write};
    use std::path::PathBuf;
    use std::process::ExitCode;

    use kiosque::prerender::site::{write, Output, Progress, SiteOptions};

    const USAGE: &str = "usage: kiosque-prerender <feed.json | static layout dir> <out-dir> [options]

Reads a feed the widget reads (Kiosque's JSON, any JSON Feed, a saved WordPress
/wp/v2/posts answer, or a directory in the static layout split-feed.mjs writes), an item at a
time, and writes into <out-dir>:
  --site (default)  <id>/index.html for each article (head with Open Graph, Twitter and
                    JSON-LD tags; the article pre-rendered; share links; lists linking to
                    the other pages; the widget's script), index.html, index-2.html…, and
                    data/ (feed.json, page-N.json, articles/<id>.json, popular.json): what
                    the widget reads on those pages.
  --fragments       fragments/<id>.html: what goes inside <div data-kiosque=\"article\">.

Options:
  --base-url URL           where the site will be served (absolute, ends with /): canonical
                           links, og:url and share links need it
  --feed-url URL           the feed's own address, for relative addresses in it
                           (default: --base-url, else the feed's feed_url)
  --script URL             kiosque.js, relative to the site's root or absolute
                           (default: kiosque.js)
  --data NAME=VALUE        a data-* attribute of the widget, as on a host element
                           (--data lang=en --data share-networks=whatsapp,facebook)
  --host-color-scheme S    the host page's color-scheme, for fragments (default: light)
  --page-size N            teasers per listing file the widget reads (default 20)
  --index-size N           links per index page (default 50)
  -h, --help               this text

A bad item is reported (which item, which field) and left out; the rest is written.";

    fn fail(message: &str) -> ExitCode {
        eprintln!("kiosque-prerender: {message}\n\n{USAGE}");
        ExitCode::from(2)
    }

    /// Parses `args` and writes; the exit code says how it went.
    pub fn run(args: Vec<String>) -> ExitCode {
        let mut positional = Vec::new();
        let mut output = Output::Site;
        let (mut base_url, mut feed_url, mut script) = (None::<String>, None::<String>, "kiosque.js".to_owned());
        let mut attributes = Vec::new();
        let mut host_color_scheme = "light".to_owned();
        let (mut page_size, mut index_size) = (20usize, 50usize);
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            let result: Result<(), String> = match arg.as_str() {
                "-h" | "--help" => {
                    println!("{USAGE}");
                    return ExitCode::SUCCESS;
                }
                "--site" | "--fragments" => {
                    output = if arg == "--site" { Output::Site } else { Output::Fragments };
                    Ok(())
                }
                "--base-url" => value("--base-url").map(|url| {
                    base_url = Some(if url.ends_with('/') { url } else { format!("{url}/") });
                }),
                "--feed-url" => value("--feed-url").map(|url| feed_url = Some(url)),
                "--script" => value("--script").map(|url| script = url),
                "--host-color-scheme" => value("--host-color-scheme").map(|s| host_color_scheme = s),
                "--data" => value("--data").and_then(|pair| {
                    let (name, attribute) = pair.split_once('=').ok_or(format!("--data {pair}: expected NAME=VALUE"))?;
                    let name = name.strip_prefix("data-").unwrap_or(name);
                    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
                        return Err(format!("--data {pair}: a name is lower-case letters, digits and dashes"));
                    }
                    attributes.push((format!("data-{name}"), attribute.to_owned()));
                    Ok(())
                }),
                "--page-size" | "--index-size" => value(&arg).and_then(|n| {
                    let n: usize = n.parse().ok().filter(|n| *n > 0).ok_or(format!("{arg} {n}: expected a number above 0"))?;
                    if arg == "--page-size" { page_size = n } else { index_size = n }
                    Ok(())
                }),
                flag if flag.starts_with("--") => Err(format!("unknown option {flag}")),
                _ => {
                    positional.push(arg.clone());
                    Ok(())
                }
            };
            if let Err(message) = result {
                return fail(&message);
            }
        }
        let [input, out] = positional.as_slice() else { return fail("expected a feed and an output directory") };
        // A site's pages say themselves where their data is, which article, how lists link.
        let reserved = ["data-kiosque", "data-src", "data-article", "data-article-src", "data-popular-src", "data-links"];
        if let Some((name, _)) = attributes.iter().find(|(name, _)| output == Output::Site && reserved.contains(&name.as_str())) {
            return fail(&format!("--data {}: the site's pages write {name} themselves", name.trim_start_matches("data-")));
        }
        if base_url.as_deref().is_some_and(|url| !url.starts_with("https://") && !url.starts_with("http://")) {
            return fail("--base-url must be an absolute http(s) address");
        }
        let input = PathBuf::from(input);
        let feed_url = feed_url
            .or_else(|| feed_url_of(&input))
            .or_else(|| base_url.clone())
            .unwrap_or_else(|| "https://localhost/".to_owned());
        let options = SiteOptions {
            output,
            out: PathBuf::from(out),
            base_url,
            feed_url,
            script,
            attributes,
            host_color_scheme,
            page_size,
            index_size,
        };
        let terminal = std::io::stderr().is_terminal();
        let name = input.display().to_string();
        let mut problems = 0usize;
        let mut problem = |message: String| {
            problems += 1;
            if problems <= 100 {
                if terminal {
                    eprint!("\r\x1b[K");
                }
                eprintln!("{name}: {message}");
            }
        };
        let mut progress = |progress: Progress| {
            if !terminal {
                return;
            }
            match progress {
                Progress::Scanning { read } => eprint!("\r\x1b[Kreading: {read} items"),
                Progress::Writing { done, total } => eprint!("\r\x1b[Kwriting: {done}/{total} articles"),
            }
            let _ = std::io::stderr().flush();
        };
        match write(&input, &options, &mut problem, &mut progress) {
            Ok(report) => {
                if terminal {
                    eprint!("\r\x1b[K");
                }
                if problems > 100 {
                    eprintln!("{name}: … and {} more problems", problems - 100);
                }
                let what = if output == Output::Site { "pages" } else { "fragments" };
                eprintln!("{} {what} written in {}, {} items left out", report.written, options.out.display(), report.skipped);
                if report.written == 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
            }
            Err(error) => {
                eprintln!("\nkiosque-prerender: {name}: {error}");
                ExitCode::FAILURE
            }
        }
    }

    /// The feed's own `feed_url`, read from its first kilobytes without reading it whole.
    fn feed_url_of(input: &std::path::Path) -> Option<String> {
        use std::io::Read;
        let mut start = vec![0u8; 64 * 1024];
        let file = if input.is_dir() { input.join("feed.json") } else { input.to_owned() };
        let read = std::fs::File::open(file).ok()?.read(&mut start).ok()?;
        let text = String::from_utf8_lossy(&start[..read]);
        let at = text.find("\"feed_url\"")?;
        let rest = &text[at + 10..];
        let rest = rest.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
        let url = &rest[..rest.find('"')?];
        url.starts_with("http").then(|| url.to_owned())
    }
}
