//! Lenient readers over a JSON [`Value`] that remember where they are, so a bad value is
//! reported with its JSON path and the rest of the document can still be used.

use super::value::Value;

use crate::model::{Expected, Invalid, Problem};

/// A value and its path in the document.
#[derive(Clone, Copy)]
pub struct At<'a> {
    /// The value.
    pub value: &'a Value<'a>,
    path: &'a Path<'a>,
}

/// A JSON path built lazily: only an error message ever turns it into text.
pub enum Path<'a> {
    /// The document itself.
    Root,
    /// A key of an object.
    Key(&'a Path<'a>, &'a str),
    /// An index of an array.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// `items[3].title`, or `$` for the document itself.
    pub fn render(&self) -> String {
        match self {
            Path::Root => "$".to_owned(),
            Path::Key(Path::Root, key) => (*key).to_owned(),
            Path::Key(parent, key) => format!("{}.{key}", parent.render()),
            Path::Index(Path::Root, index) => format!("[{index}]"),
            Path::Index(parent, index) => format!("{}[{index}]", parent.render()),
        }
    }
}

impl<'a> At<'a> {
    /// The root of a document.
    pub fn root(value: &'a Value<'a>) -> At<'a> {
        At { value, path: &Path::Root }
    }

    /// A reported problem with this value.
    pub fn invalid(&self, problem: Problem) -> Invalid {
        Invalid { path: self.path.render(), problem }
    }

    /// Calls `f` with the member `key`, or with `None` when it is absent or null.
    pub fn with<R>(&self, key: &str, f: impl FnOnce(Option<At<'_>>) -> R) -> R {
        let path = Path::Key(self.path, key);
        let member = self.value.get(key).filter(|v| !v.is_null());
        f(member.map(|value| At { value, path: &path }))
    }

    /// Calls `f` with the member `key`, reporting it as missing when absent or null.
    pub fn required<R>(&self, key: &str, f: impl FnOnce(At<'_>) -> Result<R, Invalid>) -> Result<R, Invalid> {
        let path = Path::Key(self.path, key);
        match self.value.get(key).filter(|v| !v.is_null()) {
            Some(value) => f(At { value, path: &path }),
            None => Err(Invalid { path: path.render(), problem: Problem::Missing }),
        }
    }

    /// Calls `f` on each element of an array, with its path.
    pub fn each<R>(&self, mut f: impl FnMut(At<'_>) -> R) -> Result<Vec<R>, Invalid> {
        let items = self.value.as_array().ok_or_else(|| self.invalid(Problem::WrongType(Expected::Array)))?;
        Ok(items
            .iter()
            .enumerate()
            .map(|(index, value)| f(At { value, path: &Path::Index(self.path, index) }))
            .collect())
    }

    /// A required object.
    pub fn object(self) -> Result<At<'a>, Invalid> {
        if self.value.is_object() { Ok(self) } else { Err(self.invalid(Problem::WrongType(Expected::Object))) }
    }

    /// A non-blank string, trimmed.
    pub fn string(&self) -> Result<String, Invalid> {
        text(self.value).ok_or_else(|| self.invalid(Problem::WrongType(Expected::String)))
    }

    /// A non-blank string, or a number written as text (identifiers are often numbers).
    pub fn id(&self) -> Result<String, Invalid> {
        match self.value {
            Value::Number(number) => Ok(number.to_string()),
            _ => self.string(),
        }
    }
}

/// A non-blank string, trimmed; `None` for anything else.
pub fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// A count: a non-negative number, or a string of digits ("1234", " 1 234 ", "1,234").
/// Fractions are truncated; negative or unreadable values are `None`.
pub fn count(value: &Value) -> Option<u64> {
    match value {
        Value::Number(number) => number
            .as_u64()
            .or_else(|| number.as_f64().filter(|f| f.is_finite() && *f >= 0.0).map(|f| f as u64)),
        Value::String(s) => {
            let digits: String = s
                .trim()
                .chars()
                .filter(|c| !matches!(c, ' ' | ',' | '_' | '\u{a0}' | '\u{202f}'))
                .collect();
            digits.parse::<u64>().ok()
        }
        _ => None,
    }
}

/// A pixel dimension: a count that fits a `u32` and is not zero.
pub fn dimension(value: &Value) -> Option<u32> {
    count(value).and_then(|n| u32::try_from(n).ok()).filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::value::json;

    #[test]
    fn paths_render_like_json_paths() {
        let doc = json!({"items": [{"title": 1}]});
        let root = At::root(&doc);
        let err = root.required("items", |items| {
            items.each(|item| item.required("title", |t| t.string()))?.into_iter().collect::<Result<Vec<_>, _>>()
        });
        assert_eq!(err, Err(Invalid { path: "items[0].title".into(), problem: Problem::WrongType(Expected::String) }));
        let missing = root.required("nope", |v| v.string());
        assert_eq!(missing.unwrap_err().path, "nope");
        let arr = json!([1]);
        let from_array = At::root(&arr).each(|v| v.string()).unwrap();
        assert_eq!(from_array[0].as_ref().unwrap_err().path, "[0]");
        assert_eq!(At::root(&arr).string().unwrap_err().path, "$");
    }

    #[test]
    fn null_counts_as_missing() {
        let doc = json!({"a": null});
        assert_eq!(At::root(&doc).required("a", |v| v.string()).unwrap_err().problem, Problem::Missing);
        assert!(At::root(&doc).with("a", |v| v.is_none()));
    }

    #[test]
    fn ids_accept_numbers() {
        let doc = json!({"n": 42, "s": " abc ", "blank": "  ", "f": 1.5, "b": true});
        let root = At::root(&doc);
        assert_eq!(root.required("n", |v| v.id()).unwrap(), "42");
        assert_eq!(root.required("s", |v| v.id()).unwrap(), "abc");
        assert_eq!(root.required("f", |v| v.id()).unwrap(), "1.5");
        assert!(root.required("blank", |v| v.id()).is_err());
        assert!(root.required("b", |v| v.id()).is_err());
    }

    #[test]
    fn counts_are_read_leniently() {
        assert_eq!(count(&json!(12)), Some(12));
        assert_eq!(count(&json!(12.9)), Some(12));
        assert_eq!(count(&json!("1234")), Some(1234));
        assert_eq!(count(&json!(" 1 234 ")), Some(1234));
        assert_eq!(count(&json!("1,234")), Some(1234));
        assert_eq!(count(&json!("1\u{202f}234")), Some(1234));
        assert_eq!(count(&json!(-3)), None);
        assert_eq!(count(&json!("-3")), None);
        assert_eq!(count(&json!("")), None);
        assert_eq!(count(&json!("douze")), None);
        assert_eq!(count(&json!(null)), None);
        assert_eq!(count(&json!([1])), None);
        assert_eq!(count(&json!(1e300)), Some(u64::MAX));
        assert_eq!(dimension(&json!(0)), None);
        assert_eq!(dimension(&json!(5_000_000_000u64)), None);
        assert_eq!(dimension(&json!("1200")), Some(1200));
    }
}
