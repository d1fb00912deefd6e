//! Videos an article may embed: only from a short allow-list of hosts, rebuilt from the video's
//! id (the feed's address is never used as it is), and shown as a click-to-load placeholder so
//! nothing is requested from the host before the reader asks.

/// A video the reader may choose to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Video {
    /// The host's name, for the button and the note ("YouTube").
    pub provider: &'static str,
    /// The player's address, for the iframe, in the host's least-tracking form.
    pub embed_url: String,
    /// The video's page on its host, for readers who would rather go there.
    pub page_url: String,
}

/// The video behind an iframe's `src`, when it is on an allowed host and its id is well formed.
pub fn video_embed(src: &str) -> Option<Video> {
    // The scheme never reaches the page: the player's address is rebuilt, in https, from the
    // id. Older posts embed players over http (hypercritical.co), and they are the same videos.
    let src = src.trim();
    let rest = ["https://", "http://", "//"].iter().find_map(|scheme| src.strip_prefix(scheme))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let host = host.to_ascii_lowercase();
    match host.as_str() {
        "www.youtube.com" | "youtube.com" | "www.youtube-nocookie.com" | "youtube-nocookie.com" => {
            youtube(path.strip_prefix("embed/")?)
        }
        "player.vimeo.com" => {
            let id = path.strip_prefix("video/")?;
            is_id(id, 15, |c| c.is_ascii_digit()).then(|| Video {
                provider: "Vimeo",
                embed_url: format!("https://player.vimeo.com/video/{id}?dnt=1"),
                page_url: format!("https://vimeo.com/{id}"),
            })
        }
        "www.dailymotion.com" | "dailymotion.com" => {
            let id = path.strip_prefix("embed/video/")?;
            is_id(id, 12, |c| c.is_ascii_alphanumeric()).then(|| Video {
                provider: "Dailymotion",
                embed_url: format!("https://www.dailymotion.com/embed/video/{id}"),
                page_url: format!("https://www.dailymotion.com/video/{id}"),
            })
        }
        _ => None,
    }
}

fn youtube(id: &str) -> Option<Video> {
    is_id(id, 11, |c| c.is_ascii_alphanumeric() || c == '-' || c == '_').then(|| Video {
        provider: "YouTube",
        embed_url: format!("https://www.youtube-nocookie.com/embed/{id}"),
        page_url: format!("https://www.youtube.com/watch?v={id}"),
    })
}

fn is_id(id: &str, max_len: usize, allowed: impl Fn(char) -> bool) -> bool {
    !id.is_empty() && id.len() <= max_len && id.chars().all(allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_hosts_are_rebuilt_from_the_id() {
        let video = video_embed("https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1&onload=x").unwrap();
        assert_eq!(video.embed_url, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assert_eq!(video.page_url, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assert_eq!(video.provider, "YouTube");
        assert_eq!(video_embed("//youtube-nocookie.com/embed/abc_DEF-123").unwrap().provider, "YouTube");
        let over_http = video_embed("http://www.youtube.com/embed/vOvQCPLkPt4?start=52&rel=0").unwrap();
        assert_eq!(over_http.embed_url, "https://www.youtube-nocookie.com/embed/vOvQCPLkPt4");
        assert_eq!(video_embed("https://player.vimeo.com/video/76979871").unwrap().embed_url, "https://player.vimeo.com/video/76979871?dnt=1");
        assert_eq!(video_embed("https://www.dailymotion.com/embed/video/x8abc12").unwrap().page_url, "https://www.dailymotion.com/video/x8abc12");
    }

    #[test]
    fn anything_else_is_refused() {
        for src in [
            "ftp://www.youtube.com/embed/dQw4w9WgXcQ",
            "http:/www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ",
            "https://evil.example/www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com/embed/../../evil",
            "https://www.youtube.com/embed/dQw4w9WgXcQ\"onload=x",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://player.vimeo.com/video/12ab",
            "https://www.dailymotion.com/embed/video/",
            "javascript:alert(1)//www.youtube.com/embed/dQw4w9WgXcQ",
            "data:text/html,<script>",
            "",
        ] {
            assert_eq!(video_embed(src), None, "{src}");
        }
    }
}
