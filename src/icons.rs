//! Inline icons for share buttons and calls to action: original drawings on a 24×24 grid,
//! shipped inside the widget so that no icon is ever fetched from a third party.
//!
//! Every icon is made of simple geometry (circles, arcs, rectangles, polygons and a few
//! curves) drawn for this widget; none is copied from a brand kit or an icon font. Strokes
//! are drawn as thin filled outlines, so that one fill with the even-odd rule renders the
//! whole icon, holes included.

/// An icon: SVG path data on a 24×24 view box, filled with `currentColor` using the
/// even-odd rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Icon(pub &'static str);

/// The icon for `name`, or `None` for an unknown name.
///
/// Names are lower case: the networks `whatsapp` (and `whatsapp-channel`, drawn the same),
/// `facebook`, `x`, `telegram`, `linkedin`, `reddit`, `bluesky`, `threads`, `mastodon`,
/// `pinterest`, `email`, and the actions `copy` (a chain link), `print`, `share`, `more`,
/// `check` (shown once a link is copied) and `close`.
pub fn icon(name: &str) -> Option<Icon> {
    Some(match name {
        "whatsapp" | "whatsapp-channel" => WHATSAPP,
        "facebook" => FACEBOOK,
        "x" => X,
        "telegram" => TELEGRAM,
        "linkedin" => LINKEDIN,
        "reddit" => REDDIT,
        "bluesky" => BLUESKY,
        "threads" => THREADS,
        "mastodon" => MASTODON,
        "pinterest" => PINTEREST,
        "email" => EMAIL,
        "copy" => LINK,
        "print" => PRINTER,
        "share" => SHARE,
        "more" => MORE,
        "check" => CHECK,
        "close" => CLOSE,
        _ => return None,
    })
}

/// A round speech bubble with a tail at the bottom left, a handset inside.
const WHATSAPP: Icon = Icon(
    "M8.4 20.5A9.6 9.6 0 1 0 3.69 16.4L2.3 21.7ZM4.15 11.6A7.85 7.85 0 1 0 19.85 11.6\
    A7.85 7.85 0 1 0 4.15 11.6ZM12.24 7.02A1.5 1.5 0 0 0 9.27 6.6A7.2 7.2 0 0 0 9.41 9.34\
    Q9.9 9.22 10.19 10.11A6.7 6.7 0 0 0 13.89 13.81Q14.78 14.1 14.66 14.59\
    A7.2 7.2 0 0 0 17.4 14.73A1.5 1.5 0 0 0 16.98 11.76A4.2 4.2 0 0 1 15.38 11.68\
    Q15.21 12.35 14.56 12.14A4.9 4.9 0 0 1 11.86 9.44Q11.65 8.79 12.32 8.62\
    A4.2 4.2 0 0 1 12.24 7.02Z",
);

/// A lower-case "f" cut out of a disc, its stem running out at the bottom.
const FACEBOOK: Icon = Icon(
    "M10.1 22.33A10.5 10.5 0 1 1 13.5 22.39L13.5 13.9L16.3 13.9L16.75 11L13.5 11L13.5 8.9\
    A1.2 1.2 0 0 1 14.7 7.7L16.9 7.7L16.9 4.8L14.4 4.8A4.3 4.3 0 0 0 10.1 9.1L10.1 11L7.5 11\
    L7.5 13.9L10.1 13.9Z",
);

/// An "X": a thick outlined bar crossed by a thin one.
const X: Icon = Icon(
    "M2.6 3L8.4 3L13.07 9.46L18.6 3L20.6 3L13.98 10.73L21.4 21L15.6 21L10.84 14.41L5.2 21\
    L3.2 21L9.92 13.14ZM5.06 4.45L7.75 4.45L18.93 19.55L16.25 19.55Z",
);

/// A paper plane with a fold.
const TELEGRAM: Icon = Icon("M21.6 3L2.4 10.9L9.3 13.9L13.2 21ZM19.2 5.5L10.6 13.6L11.4 15.4Z");

/// "in" cut out of a rounded square.
const LINKEDIN: Icon = Icon(
    "M5.2 2L18.8 2A3.2 3.2 0 0 1 22 5.2L22 18.8A3.2 3.2 0 0 1 18.8 22L5.2 22\
    A3.2 3.2 0 0 1 2 18.8L2 5.2A3.2 3.2 0 0 1 5.2 2ZM5.35 7A1.75 1.75 0 1 0 8.85 7\
    A1.75 1.75 0 1 0 5.35 7ZM5.55 9.6L8.65 9.6L8.65 18.6L5.55 18.6ZM10.6 18.6L10.6 9.6\
    L13.5 9.6L13.5 10.9C14.1 10 15.1 9.4 16.3 9.4C18.2 9.4 18.9 10.8 18.9 12.8L18.9 18.6\
    L15.9 18.6L15.9 13.6C15.9 12.7 15.5 12.1 14.8 12.1C13.9 12.1 13.5 12.8 13.5 13.7L13.5 18.6\
    Z",
);

/// A round-eared head with a smile, an antenna and its ball.
const REDDIT: Icon = Icon(
    "M13.05 8.85A8 5.8 0 1 1 11.74 8.8L12.77 2.82L16.29 3.59A1.9 1.9 0 1 1 16.02 4.86\
    L13.83 4.38ZM1.6 9.7A2 2 0 1 0 5.6 9.7A2 2 0 1 0 1.6 9.7ZM18.4 9.7A2 2 0 1 0 22.4 9.7\
    A2 2 0 1 0 18.4 9.7ZM7.35 13.3A1.55 1.55 0 1 0 10.45 13.3A1.55 1.55 0 1 0 7.35 13.3Z\
    M13.55 13.3A1.55 1.55 0 1 0 16.65 13.3A1.55 1.55 0 1 0 13.55 13.3ZM8.3 16.4\
    C10.2 18 13.8 18 15.7 16.4C15.9 17 15.7 17.3 15.4 17.6C13.4 19 10.6 19 8.6 17.6\
    C8.3 17.3 8.1 17 8.3 16.4Z",
);

/// A butterfly: two upper and two lower wings.
const BLUESKY: Icon = Icon(
    "M12 10.4C13.6 7.3 17.3 3.3 19.7 3.4C21.4 3.5 21.9 5.1 21.6 7.2\
    C21.3 9.7 19.7 11.8 16.4 12.5C18.9 13.3 19.6 15.6 18.3 17.5C16.9 19.6 14.6 20.6 13.2 18.4\
    C12.7 17.6 12.3 16.5 12 15.3C11.7 16.5 11.3 17.6 10.8 18.4C9.4 20.6 7.1 19.6 5.7 17.5\
    C4.4 15.6 5.1 13.3 7.6 12.5C4.3 11.8 2.7 9.7 2.4 7.2C2.1 5.1 2.6 3.5 4.3 3.4\
    C6.7 3.3 10.4 7.3 12 10.4Z",
);

/// An "@"-like spiral.
const THREADS: Icon = Icon(
    "M13.05 8.75L14.75 8.75L14.75 14.36A2.31 2.31 0 0 0 19.16 15.34A7.9 7.9 0 1 0 12.83 19.86\
    L13 21.55A9.6 9.6 0 1 1 20.7 16.06A4.01 4.01 0 0 1 13.05 14.36L13.05 14.97\
    A3.45 3.45 0 1 1 13.05 9.03ZM9.55 12A1.75 1.75 0 1 0 13.05 12A1.75 1.75 0 1 0 9.55 12Z",
);

/// A rounded speech bubble with an "m" cut out.
const MASTODON: Icon = Icon(
    "M7 2.4L17 2.4A4.4 4.4 0 0 1 21.4 6.8L21.4 12.4A4.4 4.4 0 0 1 17 16.8L9.4 16.8\
    C8.4 16.8 8 17.6 8.2 18.4C8.8 20.6 12.2 21 16.2 20.2C12.2 22.4 5.6 22.4 3.8 18.2\
    C3 16.4 2.6 14.4 2.6 12.4L2.6 6.8A4.4 4.4 0 0 1 7 2.4ZM6.7 13.6L6.7 9.2\
    C6.7 7.6 7.7 6.6 9.2 6.6C10.5 6.6 11.4 7.3 12 8.4C12.6 7.3 13.5 6.6 14.8 6.6\
    C16.3 6.6 17.3 7.6 17.3 9.2L17.3 13.6L15.1 13.6L15.1 9.6C15.1 8.9 14.7 8.5 14.1 8.5\
    C13.5 8.5 13.1 9 13.1 9.8L13.1 12.2L10.9 12.2L10.9 9.8C10.9 9 10.5 8.5 9.9 8.5\
    C9.3 8.5 8.9 8.9 8.9 9.6L8.9 13.6Z",
);

/// A "P" cut out of a disc, its stem running out at the bottom.
const PINTEREST: Icon = Icon(
    "M6.6 21.01L7.68 10.59A5.3 5.3 0 1 1 9.54 13.8L8.71 21.97A10.5 10.5 0 1 0 6.6 21.01Z\
    M10.25 9.7A2.75 2.75 0 1 0 15.75 9.7A2.75 2.75 0 1 0 10.25 9.7Z",
);

/// An envelope.
const EMAIL: Icon = Icon(
    "M4.2 4.5L19.8 4.5A2.2 2.2 0 0 1 22 6.7L22 17.3A2.2 2.2 0 0 1 19.8 19.5L4.2 19.5\
    A2.2 2.2 0 0 1 2 17.3L2 6.7A2.2 2.2 0 0 1 4.2 4.5ZM5.12 6.25L18.88 6.25L12 10.52Z\
    M3.75 7.45L12 12.57L20.25 7.45L20.25 17.75L3.75 17.75Z",
);

/// A chain link at 45 degrees: two open links joined by a bar.
const LINK: Icon = Icon(
    "M8.68 10.09L4.5 14.26A3.7 3.7 0 0 0 9.74 19.5L13.91 15.32L12.67 14.09L8.5 18.26\
    A1.95 1.95 0 0 1 5.74 15.5L9.91 11.33ZM10.09 8.68L14.26 4.5A3.7 3.7 0 0 1 19.5 9.74\
    L15.32 13.91L14.09 12.67L18.26 8.5A1.95 1.95 0 0 0 15.5 5.74L11.33 9.91ZM8.15 14.65\
    L14.65 8.15L15.85 9.35L9.35 15.85Z",
);

/// A printer: a sheet in the slot on top, a printed sheet out front.
const PRINTER: Icon = Icon(
    "M6.4 8L6.4 2.4L17.6 2.4L17.6 8L19.4 8A2.2 2.2 0 0 1 21.6 10.2L21.6 15.4\
    A2.2 2.2 0 0 1 19.4 17.6L17.6 17.6L17.6 21.6L6.4 21.6L6.4 17.6L4.6 17.6\
    A2.2 2.2 0 0 1 2.4 15.4L2.4 10.2A2.2 2.2 0 0 1 4.6 8ZM8.1 4.1L15.9 4.1L15.9 8L8.1 8Z\
    M4.1 9.7L19.9 9.7L19.9 15.9L17.6 15.9L17.6 13L6.4 13L6.4 15.9L4.1 15.9ZM8.1 14.7L15.9 14.7\
    L15.9 19.9L8.1 19.9ZM16.95 11.3A0.95 0.95 0 1 0 18.85 11.3A0.95 0.95 0 1 0 16.95 11.3Z",
);

/// An arrow going up out of an open box.
const SHARE: Icon = Icon(
    "M8.6 8.6L6.4 8.6A2.6 2.6 0 0 0 3.8 11.2L3.8 19A2.6 2.6 0 0 0 6.4 21.6L17.6 21.6\
    A2.6 2.6 0 0 0 20.2 19L20.2 11.2A2.6 2.6 0 0 0 17.6 8.6L15.4 8.6L15.4 10.35L17.6 10.35\
    A0.85 0.85 0 0 1 18.45 11.2L18.45 19A0.85 0.85 0 0 1 17.6 19.85L6.4 19.85\
    A0.85 0.85 0 0 1 5.55 19L5.55 11.2A0.85 0.85 0 0 1 6.4 10.35L8.6 10.35ZM12 2.2L16.3 6.5\
    L15.06 7.74L12.88 5.55L12.88 15.2L11.12 15.2L11.12 5.55L8.94 7.74L7.7 6.5Z",
);

/// Three horizontal dots.
const MORE: Icon = Icon(
    "M2.4 12A2.2 2.2 0 1 0 6.8 12A2.2 2.2 0 1 0 2.4 12ZM9.8 12A2.2 2.2 0 1 0 14.2 12\
    A2.2 2.2 0 1 0 9.8 12ZM17.2 12A2.2 2.2 0 1 0 21.6 12A2.2 2.2 0 1 0 17.2 12Z",
);

/// A check mark.
const CHECK: Icon = Icon("M4.28 11.52L9.18 16.42L19.9 5.33L21.7 7.07L9.22 19.98L2.52 13.28Z");

/// An ×.
const CLOSE: Icon = Icon(
    "M5 6.77L6.77 5L12 10.23L17.23 5L19 6.77L13.77 12L19 17.23L17.23 19L12 13.77L6.77 19\
    L5 17.23L10.23 12Z",
);

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &[
        "whatsapp",
        "facebook",
        "x",
        "telegram",
        "linkedin",
        "reddit",
        "bluesky",
        "threads",
        "mastodon",
        "pinterest",
        "email",
        "copy",
        "print",
        "share",
        "more",
        "check",
        "close",
        "whatsapp-channel",
    ];

    fn all() -> Vec<(&'static str, &'static str)> {
        NAMES
            .iter()
            .map(|&name| (name, icon(name).expect(name).0))
            .collect()
    }

    #[test]
    fn every_listed_name_has_an_icon() {
        for &name in NAMES {
            assert!(icon(name).is_some(), "{name}");
        }
        assert_eq!(icon("whatsapp-channel"), icon("whatsapp"));
    }

    #[test]
    fn unknown_names_have_none() {
        for name in [
            "", "unknown", "twitter", "mail", "WhatsApp", "X", "EMAIL", " x", "x ", "close\n",
        ] {
            assert_eq!(icon(name), None, "{name:?}");
        }
    }

    #[test]
    fn icons_are_distinct() {
        let all = all();
        for (i, (a, da)) in all.iter().enumerate() {
            for (b, db) in &all[i + 1..] {
                if !(a.starts_with("whatsapp") && b.starts_with("whatsapp")) {
                    assert_ne!(da, db, "{a} and {b}");
                }
            }
        }
    }

    #[test]
    fn path_data_uses_only_path_characters() {
        const ALLOWED: &str = "MmLlHhVvCcSsQqTtAaZz0123456789.,- ";
        for (name, d) in all() {
            assert!(!d.is_empty(), "{name} is empty");
            assert!(d.len() < 800, "{name} is {} characters long", d.len());
            if let Some(c) = d.chars().find(|&c| !ALLOWED.contains(c)) {
                panic!("{name} contains {c:?}");
            }
        }
    }

    #[derive(Debug, PartialEq)]
    enum Token {
        Command(char),
        Number(f64),
    }

    /// Splits path data into commands and numbers; a malformed number is an error.
    fn tokenize(d: &str) -> Result<Vec<Token>, String> {
        let bytes = d.as_bytes();
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i] as char;
            if c == ' ' || c == ',' {
                i += 1;
            } else if c.is_ascii_alphabetic() {
                tokens.push(Token::Command(c));
                i += 1;
            } else if c == '-' || c == '.' || c.is_ascii_digit() {
                let start = i;
                if c == '-' {
                    i += 1;
                }
                let digits = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                let mut count = i - digits;
                if i < bytes.len() && bytes[i] == b'.' {
                    i += 1;
                    let decimals = i;
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                    if i - decimals > 2 {
                        return Err(format!("more than 2 decimals at {start}"));
                    }
                    count += i - decimals;
                }
                if count == 0 {
                    return Err(format!("no digits at {start}"));
                }
                let number = d[start..i].parse().map_err(|e| format!("{e} at {start}"))?;
                tokens.push(Token::Number(number));
            } else {
                return Err(format!("unexpected {c:?} at {i}"));
            }
        }
        Ok(tokens)
    }

    /// How many numbers one use of `command` takes.
    fn arity(command: char) -> Option<usize> {
        Some(match command.to_ascii_uppercase() {
            'M' | 'L' | 'T' => 2,
            'H' | 'V' => 1,
            'C' => 6,
            'S' | 'Q' => 4,
            'A' => 7,
            'Z' => 0,
            _ => return None,
        })
    }

    /// The commands of `d` with their numbers, checking that each command gets a (non-zero,
    /// except for Z) multiple of its argument count.
    fn parse(d: &str) -> Result<Vec<(char, Vec<f64>)>, String> {
        let mut commands: Vec<(char, Vec<f64>)> = Vec::new();
        for token in tokenize(d)? {
            match token {
                Token::Command(c) => {
                    arity(c).ok_or(format!("unknown command {c:?}"))?;
                    commands.push((c, Vec::new()));
                }
                Token::Number(n) => match commands.last_mut() {
                    Some((_, args)) => args.push(n),
                    None => return Err("a number before the first command".into()),
                },
            }
        }
        match commands.first() {
            Some(('M' | 'm', _)) => {}
            _ => return Err("the path does not start with a move".into()),
        }
        for (c, args) in &commands {
            let n = arity(*c).unwrap();
            let ok = if n == 0 {
                args.is_empty()
            } else {
                !args.is_empty() && args.len() % n == 0
            };
            if !ok {
                return Err(format!("{c} has {} numbers", args.len()));
            }
            if c.eq_ignore_ascii_case(&'A') {
                for arc in args.chunks(7) {
                    if arc[0] <= 0.0 || arc[1] <= 0.0 {
                        return Err(format!("arc with radius {} {}", arc[0], arc[1]));
                    }
                    if ![0.0, 1.0].contains(&arc[3]) || ![0.0, 1.0].contains(&arc[4]) {
                        return Err(format!("arc flags {} {}", arc[3], arc[4]));
                    }
                }
            }
        }
        Ok(commands)
    }

    /// Every point the path goes through (end points and control points), in absolute
    /// coordinates.
    fn points(commands: &[(char, Vec<f64>)]) -> Vec<(f64, f64)> {
        let mut points = Vec::new();
        let (mut x, mut y) = (0.0, 0.0);
        let (mut start_x, mut start_y) = (0.0, 0.0);
        for (c, args) in commands {
            let relative = c.is_ascii_lowercase();
            match c.to_ascii_uppercase() {
                'Z' => {
                    (x, y) = (start_x, start_y);
                }
                'H' => {
                    for &h in args {
                        x = if relative { x + h } else { h };
                        points.push((x, y));
                    }
                }
                'V' => {
                    for &v in args {
                        y = if relative { y + v } else { v };
                        points.push((x, y));
                    }
                }
                upper => {
                    let n = arity(upper).unwrap();
                    for (i, chunk) in args.chunks(n).enumerate() {
                        let (ox, oy) = if relative { (x, y) } else { (0.0, 0.0) };
                        let pairs: Vec<(f64, f64)> = if upper == 'A' {
                            vec![(chunk[5], chunk[6])]
                        } else {
                            chunk.chunks(2).map(|p| (p[0], p[1])).collect()
                        };
                        for &(px, py) in &pairs {
                            points.push((ox + px, oy + py));
                        }
                        (x, y) = (ox + pairs.last().unwrap().0, oy + pairs.last().unwrap().1);
                        if upper == 'M' && i == 0 {
                            (start_x, start_y) = (x, y);
                        }
                    }
                }
            }
        }
        points
    }

    #[test]
    fn every_path_parses() {
        for (name, d) in all() {
            if let Err(e) = parse(d) {
                panic!("{name}: {e}");
            }
        }
    }

    #[test]
    fn the_parser_rejects_malformed_paths() {
        for bad in [
            "",
            "L1 2",
            "1 2",
            "M1",
            "M1 2L3",
            "M1 2C1 2 3 4 5",
            "M1 2A1 1 0 0 1 2",
            "M1 2A1 1 0 2 1 2 3",
            "M1 2H",
            "M1 2Z3",
            "M1 2Q1 2 3",
            "M1 2X3 4",
            "M1 2L3 -",
            "M1 2L3 4.567",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert!(parse("M1 2l3-4h1v.5c1 1 2 2 3 3s1 1 2 2q1 1 2 2t1 1a1 1 0 0 1 2 2z").is_ok());
    }

    #[test]
    fn the_bounds_follow_relative_commands() {
        let commands = parse("M2 3l4 5h1v-2zm1 1c1 1 2 2 3 3a1 1 0 0 0 2 2").unwrap();
        let points = points(&commands);
        assert_eq!(
            points[..4],
            [(2.0, 3.0), (6.0, 8.0), (7.0, 8.0), (7.0, 6.0)]
        );
        assert_eq!(points[4], (3.0, 4.0));
        assert_eq!(points[points.len() - 1], (8.0, 9.0));
    }

    #[test]
    fn every_path_stays_inside_the_view_box() {
        for (name, d) in all() {
            let points = points(&parse(d).unwrap());
            assert!(!points.is_empty(), "{name}");
            for (x, y) in points {
                assert!(
                    (0.0..=24.0).contains(&x) && (0.0..=24.0).contains(&y),
                    "{name}: ({x}, {y})"
                );
            }
        }
    }
}
