//! Share targets and the URLs that share an article on each of them.
//!
//! Every value goes through [`encode`], so a title holding `&`, `#`, `?`, `=`, `%`, `+`,
//! quotes, emoji or right-to-left text can never break out of its parameter, and decoding the
//! parameter gives back exactly the original string. Endpoints: shared/reference, 2026.

use crate::config::Config;
use crate::model::{Article, Feed};
use crate::url::resolve;

/// A place an article can be shared to, or a share action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Network {
    /// WhatsApp: title and URL in one text.
    WhatsApp,
    /// Facebook: the URL only; Facebook reads the title from the page.
    Facebook,
    /// X (formerly Twitter).
    X,
    /// Telegram.
    Telegram,
    /// LinkedIn: the URL only.
    LinkedIn,
    /// Reddit.
    Reddit,
    /// Bluesky: one text of at most 300 characters.
    Bluesky,
    /// Threads.
    Threads,
    /// Mastodon: on the reader's own instance, asked for once.
    Mastodon,
    /// Pinterest: only for an article with an image.
    Pinterest,
    /// An e-mail, through the reader's mail program (RFC 6068).
    Email,
    /// Copies the link to the clipboard.
    Copy,
    /// Prints the page.
    Print,
    /// The device's own share sheet, where the browser has one.
    Native,
}

/// How a share button does its job.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A link to a web page, opened in a new window.
    Web,
    /// A `mailto:` link, opened by the reader's mail program.
    Mail,
    /// A button that acts in the page.
    Action,
}

impl Network {
    /// Every network, in the default order.
    pub const ALL: [Network; 14] = [
        Network::WhatsApp,
        Network::Facebook,
        Network::X,
        Network::Telegram,
        Network::Email,
        Network::Copy,
        Network::LinkedIn,
        Network::Reddit,
        Network::Bluesky,
        Network::Threads,
        Network::Mastodon,
        Network::Pinterest,
        Network::Print,
        Network::Native,
    ];

    /// The name used in configuration, events and icons (`whatsapp`, `x`, `copy`…).
    pub fn id(self) -> &'static str {
        match self {
            Network::WhatsApp => "whatsapp",
            Network::Facebook => "facebook",
            Network::X => "x",
            Network::Telegram => "telegram",
            Network::LinkedIn => "linkedin",
            Network::Reddit => "reddit",
            Network::Bluesky => "bluesky",
            Network::Threads => "threads",
            Network::Mastodon => "mastodon",
            Network::Pinterest => "pinterest",
            Network::Email => "email",
            Network::Copy => "copy",
            Network::Print => "print",
            Network::Native => "native",
        }
    }

    /// Reads a configuration name, ignoring case and spaces; `twitter` is X.
    pub fn from_id(id: &str) -> Option<Network> {
        let id = id.trim().to_ascii_lowercase();
        if id == "twitter" {
            return Some(Network::X);
        }
        Network::ALL.into_iter().find(|network| network.id() == id)
    }

    /// The brand's own name, the same in every language; `None` for actions, whose names
    /// are translated.
    pub fn brand(self) -> Option<&'static str> {
        Some(match self {
            Network::WhatsApp => "WhatsApp",
            Network::Facebook => "Facebook",
            Network::X => "X",
            Network::Telegram => "Telegram",
            Network::LinkedIn => "LinkedIn",
            Network::Reddit => "Reddit",
            Network::Bluesky => "Bluesky",
            Network::Threads => "Threads",
            Network::Mastodon => "Mastodon",
            Network::Pinterest => "Pinterest",
            Network::Email | Network::Copy | Network::Print | Network::Native => return None,
        })
    }

    /// How its button works.
    pub fn kind(self) -> Kind {
        match self {
            Network::Email => Kind::Mail,
            Network::Copy | Network::Print | Network::Native => Kind::Action,
            _ => Kind::Web,
        }
    }
}

/// What is shared.
#[derive(Clone, Copy, Debug)]
pub struct Shared<'a> {
    /// The address shared (the article's canonical URL, campaign tags included).
    pub url: &'a str,
    /// The headline.
    pub title: &'a str,
    /// A summary, for e-mail.
    pub summary: Option<&'a str>,
    /// The lead image's address, for Pinterest.
    pub image: Option<&'a str>,
}

/// One article ready to share: what every share button of a bar needs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sharing {
    /// The article's id, for the host page's share event.
    pub article_id: String,
    /// The address to share, before campaign tags.
    pub url: String,
    /// The title to share.
    pub title: String,
    /// The summary, for e-mail.
    pub summary: Option<String>,
    /// The lead image, for Pinterest.
    pub image: Option<String>,
    /// The publisher's campaign tag template, empty for none.
    pub campaign: String,
}

impl Sharing {
    /// What a share bar shares: `data-share-url` and `data-share-title` when given, else the
    /// article's canonical address and headline, else the page the reader is on (`page_url`,
    /// `page_title`).
    pub fn new(article: Option<&Article>, feed: Option<&Feed>, config: &Config, page_url: &str, page_title: &str) -> Sharing {
        let url = match (&config.share_url, article.and_then(|article| article.url.as_ref())) {
            (Some(url), _) => resolve(page_url, url),
            (None, Some(url)) => url.clone(),
            (None, None) => page_url.to_owned(),
        };
        let title = config.share_title.clone().or_else(|| article.map(|article| article.title.clone()));
        Sharing {
            article_id: article.map(|article| article.id.clone()).unwrap_or_default(),
            url,
            title: title.unwrap_or_else(|| page_title.trim().to_owned()),
            summary: article.and_then(|article| article.summary.clone()),
            image: article.and_then(|article| article.image.as_ref()).map(|image| image.src.clone()),
            campaign: config
                .share
                .campaign
                .clone()
                .or_else(|| feed.and_then(|feed| feed.share.campaign.clone()))
                .unwrap_or_default(),
        }
    }

    /// The address shared on `network`, with the campaign tags for that network.
    pub fn url_for(&self, network: Network) -> String {
        with_campaign(&self.url, network, &self.campaign)
    }

    /// The link that shares on `network` (see [`share_url`]).
    pub fn link(&self, network: Network, mastodon_instance: Option<&str>) -> Option<String> {
        let url = self.url_for(network);
        let shared = Shared {
            url: &url,
            title: &self.title,
            summary: self.summary.as_deref(),
            image: self.image.as_deref(),
        };
        share_url(network, &shared, mastodon_instance)
    }

    /// The networks of `settings` that can work for this article: Pinterest needs an image,
    /// the device's share sheet needs `has_share_sheet`.
    pub fn usable(&self, settings: &ShareSettings, has_share_sheet: bool) -> Vec<Network> {
        settings
            .networks
            .iter()
            .copied()
            .filter(|network| match network {
                Network::Pinterest => self.image.is_some(),
                Network::Native => has_share_sheet,
                _ => true,
            })
            .collect()
    }
}

/// The longest Bluesky post, in characters.
pub const BLUESKY_MAX_CHARS: usize = 300;

/// The address that shares `shared` on `network`; `None` for actions, for Pinterest without
/// an image, and for Mastodon without a valid `mastodon_instance`.
pub fn share_url(network: Network, shared: &Shared<'_>, mastodon_instance: Option<&str>) -> Option<String> {
    let url = encode(shared.url);
    let title = encode(shared.title);
    let title_and_url = encode(&format!("{} {}", shared.title, shared.url));
    Some(match network {
        Network::WhatsApp => format!("https://api.whatsapp.com/send?text={title_and_url}"),
        Network::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
        Network::X => format!("https://x.com/intent/tweet?text={title}&url={url}"),
        Network::Telegram => format!("https://t.me/share/url?url={url}&text={title}"),
        Network::LinkedIn => format!("https://www.linkedin.com/sharing/share-offsite/?url={url}"),
        Network::Reddit => format!("https://www.reddit.com/submit?url={url}&title={title}"),
        Network::Bluesky => {
            let text = fit_post(shared.title, shared.url, BLUESKY_MAX_CHARS);
            format!("https://bsky.app/intent/compose?text={}", encode(&text))
        }
        Network::Threads => format!("https://www.threads.com/intent/post?text={title}&url={url}"),
        Network::Mastodon => {
            let instance = mastodon_instance.and_then(mastodon_instance_host)?;
            format!("https://{instance}/share?text={title_and_url}")
        }
        Network::Pinterest => format!(
            "https://www.pinterest.com/pin/create/button/?url={url}&media={}&description={title}",
            encode(shared.image?)
        ),
        Network::Email => {
            let body = match shared.summary {
                Some(summary) => format!("{summary}\r\n\r\n{}", shared.url),
                None => shared.url.to_owned(),
            };
            format!("mailto:?subject={title}&body={}", encode(&body))
        }
        Network::Copy | Network::Print | Network::Native => return None,
    })
}

/// `title url`, with the title shortened at a word and ended with "…" when the whole would be
/// longer than `max_chars` characters. The URL is never cut.
pub fn fit_post(title: &str, url: &str, max_chars: usize) -> String {
    let room = max_chars.saturating_sub(url.chars().count() + 1);
    if title.chars().count() <= room {
        return format!("{title} {url}");
    }
    if room <= 1 {
        return url.to_owned();
    }
    let cut: String = title.chars().take(room - 1).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) if space > 0 => cut[..space].trim_end().to_owned(),
        _ => cut,
    };
    format!("{cut}… {url}")
}

/// Percent-encodes every byte of `text` except RFC 3986's unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`): stricter than `encodeURIComponent`, decoded by the same decoders,
/// and safe inside any query parameter or `mailto:` field.
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xF)] as char);
        }
    }
    out
}

/// The host name of a Mastodon instance as a reader may type it: `mastodon.social`,
/// `https://mastodon.social/`, `@name@mastodon.social`. `None` when it is not a host name.
pub fn mastodon_instance_host(input: &str) -> Option<String> {
    let input = input.trim();
    let without_scheme = input
        .strip_prefix("https://")
        .or_else(|| input.strip_prefix("http://"))
        .unwrap_or(input);
    let before_path = without_scheme.split(['/', '?', '#']).next().unwrap_or_default();
    let host = before_path.rsplit('@').next().unwrap_or_default();
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let labels_ok = host.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    (host.contains('.') && host.len() <= 253 && labels_ok).then_some(host)
}

/// Adds a publisher's campaign tags to the shared URL: `template` is a query string in which
/// `{network}` stands for the network's id (`utm_source={network}&utm_medium=social`).
/// Tags go before any fragment; the URL is unchanged when the template is empty.
pub fn with_campaign(url: &str, network: Network, template: &str) -> String {
    let template = template.trim().trim_start_matches(['?', '&']);
    if template.is_empty() {
        return url.to_owned();
    }
    let tags = template.replace("{network}", network.id());
    let (before_fragment, fragment) = match url.find('#') {
        Some(hash) => url.split_at(hash),
        None => (url, ""),
    };
    let separator = if before_fragment.contains('?') {
        if before_fragment.ends_with('?') || before_fragment.ends_with('&') { "" } else { "&" }
    } else {
        "?"
    };
    format!("{before_fragment}{separator}{tags}{fragment}")
}

/// How share buttons look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ButtonStyle {
    /// Icons only, each with an accessible name.
    #[default]
    Icons,
    /// Icons with the network's name beside them.
    IconsAndLabels,
    /// Names only.
    Labels,
}

impl ButtonStyle {
    /// Accepted configuration values, for error messages.
    pub const ACCEPTED: &'static str = "icons, icons-labels, labels";

    /// Reads `icons`, `icons-labels` or `labels`.
    pub fn from_value(value: &str) -> Option<ButtonStyle> {
        match value.trim().to_ascii_lowercase().as_str() {
            "icons" => Some(ButtonStyle::Icons),
            "icons-labels" | "icons-and-labels" => Some(ButtonStyle::IconsAndLabels),
            "labels" => Some(ButtonStyle::Labels),
            _ => None,
        }
    }
}

/// The publisher's share settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareSettings {
    /// Networks in the order shown.
    pub networks: Vec<Network>,
    /// How many show before the "More" disclosure.
    pub visible: usize,
    /// How the buttons look.
    pub style: ButtonStyle,
    /// Campaign tags added to the shared URL, empty for none (the default).
    pub campaign: String,
}

/// Networks shown before "More" unless the publisher says otherwise.
pub const DEFAULT_VISIBLE: usize = 6;

impl Default for ShareSettings {
    fn default() -> Self {
        ShareSettings {
            networks: Network::ALL.to_vec(),
            visible: DEFAULT_VISIBLE,
            style: ButtonStyle::default(),
            campaign: String::new(),
        }
    }
}

/// Share settings as one source states them (the feed's `_kiosque.share`, or the host
/// element's `data-share-*` attributes); what a source leaves out comes from the next one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShareOverrides {
    /// Networks in order.
    pub networks: Option<Vec<Network>>,
    /// How many show before "More".
    pub visible: Option<usize>,
    /// How buttons look.
    pub style: Option<ButtonStyle>,
    /// Campaign tag template.
    pub campaign: Option<String>,
}

impl ShareOverrides {
    /// These settings, completed by `fallback` where they are silent.
    pub fn over(&self, fallback: &ShareOverrides) -> ShareOverrides {
        ShareOverrides {
            networks: self.networks.clone().or_else(|| fallback.networks.clone()),
            visible: self.visible.or(fallback.visible),
            style: self.style.or(fallback.style),
            campaign: self.campaign.clone().or_else(|| fallback.campaign.clone()),
        }
    }

    /// The settings to use, with defaults where every source is silent.
    pub fn resolve(&self) -> ShareSettings {
        let default = ShareSettings::default();
        ShareSettings {
            networks: self.networks.clone().unwrap_or(default.networks),
            visible: self.visible.unwrap_or(default.visible),
            style: self.style.unwrap_or(default.style),
            campaign: self.campaign.clone().unwrap_or(default.campaign),
        }
    }
}

/// Reads a comma- or space-separated list of network ids, in order, without duplicates.
/// `Err` holds the first unknown id.
pub fn parse_networks(list: &str) -> Result<Vec<Network>, String> {
    let mut networks = Vec::new();
    for id in list.split([',', ' ']).filter(|id| !id.trim().is_empty()) {
        let network = Network::from_id(id).ok_or_else(|| id.trim().to_owned())?;
        if !networks.contains(&network) {
            networks.push(network);
        }
    }
    Ok(networks)
}

/// Accepted network ids, for error messages (a test keeps it equal to [`Network::ALL`]).
pub const ACCEPTED_NETWORKS: &str =
    "whatsapp, facebook, x, telegram, email, copy, linkedin, reddit, bluesky, threads, mastodon, pinterest, print, native";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_bar_shares_the_overrides_then_the_article_then_the_page() {
        let article = crate::model::Article {
            id: "a1".into(),
            url: Some("https://news.example/a1".into()),
            title: "Titre".into(),
            ..crate::model::Article::default()
        };
        let feed = Feed { share: ShareOverrides { campaign: Some("utm_source={network}".into()), ..ShareOverrides::default() }, ..Feed::default() };
        let page = "https://host.example/page?x=1";
        let config = Config::default();
        let sharing = Sharing::new(Some(&article), Some(&feed), &config, page, "Page");
        assert_eq!((sharing.article_id.as_str(), sharing.url.as_str(), sharing.title.as_str()), ("a1", "https://news.example/a1", "Titre"));
        assert_eq!(sharing.campaign, "utm_source={network}");
        let config = Config { share_url: Some("/elsewhere".into()), share_title: Some("Autre".into()), ..Config::default() };
        let sharing = Sharing::new(Some(&article), None, &config, page, "Page");
        assert_eq!((sharing.url.as_str(), sharing.title.as_str()), ("https://host.example/elsewhere", "Autre"));
        let sharing = Sharing::new(None, None, &Config::default(), page, "  Page title ");
        assert_eq!((sharing.article_id.as_str(), sharing.url.as_str(), sharing.title.as_str()), ("", page, "Page title"));
    }

    /// Decodes percent-encoding as a receiving server does (`+` stays a plus).
    fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    /// The decoded value of parameter `name` in `url`, which must appear exactly once.
    fn param(url: &str, name: &str) -> String {
        let query = url.split_once('?').expect("a query").1;
        let values: Vec<&str> = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .filter(|(key, _)| *key == name)
            .map(|(_, value)| value)
            .collect();
        assert_eq!(values.len(), 1, "{name} in {url}");
        decode(values[0])
    }

    const NASTY_TITLES: [&str; 8] = [
        "Mali : l’armée malienne lance une offensive militaire contre l’État islamique",
        "A & B # C ? D = E % F + G \" H ' I",
        "100% sûr ? « Oui » & non #hashtag",
        "Emoji 🇲🇱🔥👩🏽‍💻 et\u{a0}espaces\u{202f}insécables",
        "مؤتمر الطاقة الشمسية في نواكشوط",
        "Mixed עברית and English (RTL)",
        "Line\nbreak\tand\r\ncarriage",
        "%20%2B already-encoded-looking + text",
    ];
    const NASTY_URL: &str = "https://news.example/a?x=1&y=2#frag ment";

    fn shared<'a>(title: &'a str, url: &'a str) -> Shared<'a> {
        Shared { url, title, summary: Some("Résumé & suite"), image: Some("https://news.example/i.jpg?w=1&h=2") }
    }

    #[test]
    fn every_parameter_round_trips_exactly() {
        for title in NASTY_TITLES {
            let s = shared(title, NASTY_URL);
            let check = |network, name: &str, expected: &str| {
                let url = share_url(network, &s, Some("mastodon.social")).unwrap();
                assert_eq!(param(&url, name), expected, "{network:?} {name}");
            };
            let both = format!("{title} {NASTY_URL}");
            check(Network::WhatsApp, "text", &both);
            check(Network::Facebook, "u", NASTY_URL);
            check(Network::X, "text", title);
            check(Network::X, "url", NASTY_URL);
            check(Network::Telegram, "url", NASTY_URL);
            check(Network::Telegram, "text", title);
            check(Network::LinkedIn, "url", NASTY_URL);
            check(Network::Reddit, "url", NASTY_URL);
            check(Network::Reddit, "title", title);
            check(Network::Threads, "text", title);
            check(Network::Threads, "url", NASTY_URL);
            check(Network::Mastodon, "text", &both);
            check(Network::Pinterest, "url", NASTY_URL);
            check(Network::Pinterest, "media", "https://news.example/i.jpg?w=1&h=2");
            check(Network::Pinterest, "description", title);
            check(Network::Email, "subject", title);
            check(Network::Email, "body", &format!("Résumé & suite\r\n\r\n{NASTY_URL}"));
            let bluesky = share_url(Network::Bluesky, &s, None).unwrap();
            assert_eq!(param(&bluesky, "text"), both);
        }
    }

    #[test]
    fn encoded_values_hold_no_character_that_could_break_out() {
        for title in NASTY_TITLES {
            let encoded = encode(title);
            assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)), "{encoded}");
        }
        assert_eq!(encode("a b+c"), "a%20b%2Bc", "spaces are %20 and plus signs are kept");
        assert_eq!(encode("é"), "%C3%A9");
        assert_eq!(encode(""), "");
    }

    #[test]
    fn endpoints_are_the_current_ones() {
        let s = Shared { url: "https://n.example/a", title: "T", summary: None, image: None };
        let expected = [
            (Network::WhatsApp, "https://api.whatsapp.com/send?text=T%20https%3A%2F%2Fn.example%2Fa"),
            (Network::Facebook, "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fn.example%2Fa"),
            (Network::X, "https://x.com/intent/tweet?text=T&url=https%3A%2F%2Fn.example%2Fa"),
            (Network::Telegram, "https://t.me/share/url?url=https%3A%2F%2Fn.example%2Fa&text=T"),
            (Network::LinkedIn, "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fn.example%2Fa"),
            (Network::Reddit, "https://www.reddit.com/submit?url=https%3A%2F%2Fn.example%2Fa&title=T"),
            (Network::Bluesky, "https://bsky.app/intent/compose?text=T%20https%3A%2F%2Fn.example%2Fa"),
            (Network::Threads, "https://www.threads.com/intent/post?text=T&url=https%3A%2F%2Fn.example%2Fa"),
            (Network::Email, "mailto:?subject=T&body=https%3A%2F%2Fn.example%2Fa"),
        ];
        for (network, url) in expected {
            assert_eq!(share_url(network, &s, None).as_deref(), Some(url), "{network:?}");
        }
        assert_eq!(share_url(Network::Mastodon, &s, Some("Mastodon.Social")).as_deref(),
            Some("https://mastodon.social/share?text=T%20https%3A%2F%2Fn.example%2Fa"));
    }

    #[test]
    fn some_networks_need_more_than_an_article() {
        let s = Shared { url: "https://n.example/a", title: "T", summary: None, image: None };
        assert_eq!(share_url(Network::Pinterest, &s, None), None, "Pinterest needs an image");
        assert_eq!(share_url(Network::Mastodon, &s, None), None, "Mastodon needs an instance");
        assert_eq!(share_url(Network::Mastodon, &s, Some("javascript:alert(1)")), None);
        for action in [Network::Copy, Network::Print, Network::Native] {
            assert_eq!(share_url(action, &s, None), None);
        }
    }

    #[test]
    fn bluesky_posts_fit_in_300_characters_without_cutting_the_url() {
        let url = "https://news.example/2026/02/02/un-article/";
        let long_title = "Un très long titre ".repeat(30);
        let post = fit_post(&long_title, url, BLUESKY_MAX_CHARS);
        assert!(post.chars().count() <= BLUESKY_MAX_CHARS, "{}", post.chars().count());
        let (kept, rest) = post.split_once('…').unwrap();
        assert_eq!(rest, format!(" {url}"));
        assert!(long_title.starts_with(kept) && long_title[kept.len()..].starts_with(' '), "cut at a word: {post}");
        assert_eq!(fit_post("Court", url, BLUESKY_MAX_CHARS), format!("Court {url}"));
        let exact = "x".repeat(BLUESKY_MAX_CHARS - url.chars().count() - 1);
        assert_eq!(fit_post(&exact, url, BLUESKY_MAX_CHARS).chars().count(), BLUESKY_MAX_CHARS);
        let emoji = "🔥".repeat(400);
        assert!(fit_post(&emoji, url, BLUESKY_MAX_CHARS).chars().count() <= BLUESKY_MAX_CHARS);
        let huge_url = format!("https://n.example/{}", "a".repeat(400));
        assert_eq!(fit_post("T", &huge_url, BLUESKY_MAX_CHARS), huge_url, "the URL is never cut");
    }

    #[test]
    fn mastodon_instances_are_read_as_readers_type_them() {
        for (typed, host) in [
            ("mastodon.social", "mastodon.social"),
            (" https://Mastodon.Social/ ", "mastodon.social"),
            ("@awa@piaille.fr", "piaille.fr"),
            ("http://mamot.fr/@awa", "mamot.fr"),
            ("eldritch.cafe.", "eldritch.cafe"),
            ("xn--bcher-kva.example", "xn--bcher-kva.example"),
        ] {
            assert_eq!(mastodon_instance_host(typed).as_deref(), Some(host), "{typed}");
        }
        for bad in ["", "localhost", "mastodon social", "-bad.example", "a..b", "javascript:alert(1)",
            "évil.example", "a b.example/x", &"ab.".repeat(90)]
        {
            assert_eq!(mastodon_instance_host(bad), None, "{bad}");
        }
    }

    #[test]
    fn campaign_tags_name_the_network_and_keep_the_fragment() {
        let template = "utm_source={network}&utm_medium=social";
        assert_eq!(with_campaign("https://n.example/a", Network::WhatsApp, template),
            "https://n.example/a?utm_source=whatsapp&utm_medium=social");
        assert_eq!(with_campaign("https://n.example/a?p=1#top", Network::X, template),
            "https://n.example/a?p=1&utm_source=x&utm_medium=social#top");
        assert_eq!(with_campaign("https://n.example/a?", Network::Email, "?utm_source={network}"),
            "https://n.example/a?utm_source=email");
        assert_eq!(with_campaign("https://n.example/a", Network::X, "  "), "https://n.example/a");
    }

    #[test]
    fn network_lists_are_read_in_order_without_duplicates() {
        assert_eq!(parse_networks("x, WhatsApp twitter,,email"), Ok(vec![Network::X, Network::WhatsApp, Network::Email]));
        assert_eq!(parse_networks("whatsapp, pocket"), Err("pocket".to_owned()), "Pocket shut down in 2025");
        assert_eq!(parse_networks(""), Ok(vec![]));
        for network in Network::ALL {
            assert_eq!(Network::from_id(network.id()), Some(network));
        }
        assert_eq!(ACCEPTED_NETWORKS, Network::ALL.map(Network::id).join(", "));
    }

    #[test]
    fn overrides_fall_back_source_by_source() {
        let attributes = ShareOverrides { visible: Some(2), ..ShareOverrides::default() };
        let feed = ShareOverrides {
            visible: Some(4),
            networks: Some(vec![Network::X]),
            campaign: Some("utm_source={network}".into()),
            ..ShareOverrides::default()
        };
        let settings = attributes.over(&feed).resolve();
        assert_eq!(settings, ShareSettings {
            networks: vec![Network::X],
            visible: 2,
            style: ButtonStyle::Icons,
            campaign: "utm_source={network}".into(),
        });
        assert_eq!(ShareOverrides::default().resolve(), ShareSettings::default());
        assert_eq!(ShareSettings::default().campaign, "", "campaign tags are off by default");
    }

    #[test]
    fn a_sharing_adds_campaign_tags_per_network_and_drops_what_cannot_work() {
        let sharing = Sharing {
            article_id: "a".into(),
            url: "https://n.example/a".into(),
            title: "T".into(),
            campaign: "utm_source={network}&utm_medium=social".into(),
            ..Sharing::default()
        };
        assert_eq!(sharing.url_for(Network::Copy), "https://n.example/a?utm_source=copy&utm_medium=social");
        let link = sharing.link(Network::Facebook, None).unwrap();
        assert_eq!(param(&link, "u"), "https://n.example/a?utm_source=facebook&utm_medium=social");
        let usable = sharing.usable(&ShareSettings::default(), false);
        assert!(!usable.contains(&Network::Pinterest) && !usable.contains(&Network::Native));
        assert_eq!(usable.len(), Network::ALL.len() - 2);
        let with_image = Sharing { image: Some("https://n.example/i.jpg".into()), ..sharing };
        assert_eq!(with_image.usable(&ShareSettings::default(), true).len(), Network::ALL.len());
    }

    #[test]
    fn button_styles() {
        assert_eq!(ButtonStyle::from_value("icons"), Some(ButtonStyle::Icons));
        assert_eq!(ButtonStyle::from_value(" Icons-Labels "), Some(ButtonStyle::IconsAndLabels));
        assert_eq!(ButtonStyle::from_value("labels"), Some(ButtonStyle::Labels));
        assert_eq!(ButtonStyle::from_value("big"), None);
    }
}
