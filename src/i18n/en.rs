//! English.

use super::{JsonTypeNames, Strings};

/// The English table.
pub const STRINGS: Strings = Strings {
    name: "English",
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    loading: "Loading the article…",
    load_failed: "The article cannot be shown",
    retry: "Try again",
    error_network: "The server could not be reached. Check your connection.",
    error_timeout: "The server is taking too long to answer.",
    error_http: |status| format!("The server answered with an error (HTTP {status})."),
    error_not_json: "The server sent a page instead of JSON data.",
    error_syntax: |line, column| format!("The data is malformed (line {line}, column {column})."),
    error_invalid: |path, why| format!("The data is invalid: {path} — {why}."),
    error_empty: "The feed holds no readable article.",
    error_not_found: |id| format!("The article “{id}” cannot be found."),
    problem_missing: "required field missing",
    problem_duplicate: "identifier already used by another article",
    problem_wrong_type: |expected| format!("expected {expected}"),
    json_types: JsonTypeNames {
        object: "an object",
        array: "a list",
        string: "a string",
        number: "a number",
        date: "an RFC 3339 date",
        url: "an http(s) address",
    },
    error_config: |attribute, accepted| {
        format!("Invalid value for {attribute}: accepted values are {accepted}.")
    },
    error_config_missing: |attribute| format!("The {attribute} attribute is required."),
    by: "By",
    and: "and",
    reading_time: |minutes| format!("{minutes} min read"),
    opens_new_window: " (opens in a new window)",
    protected: "This article is password-protected: read it on the publisher’s site.",
    caption_prefix: "Caption: ",
    sample_notice: "Sample content",
    page_label: "Article",
    share_heading: "Share:",
    popular_heading: "Most read",
    more_news_heading: "More news",
};
