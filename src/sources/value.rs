//! A JSON document as the readers see it. Strings without escapes are borrowed from the
//! answer's text and objects are lists of members: read into serde_json's `Value` (a string
//! per key and a tree map per object), a 10,000-article feed spent more time allocating and
//! freeing than reading.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Any JSON value, borrowing from the text it was read from.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string, borrowed when it had no escapes.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object.
    Object(Object<'a>),
}

/// A JSON number, as precise as the parser read it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A whole number, zero or more.
    Unsigned(u64),
    /// A negative whole number.
    Negative(i64),
    /// A number with a fraction or an exponent.
    Float(f64),
}

/// An object's members in document order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object<'a>(pub Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Object<'a> {
    /// The member `key`; the last one when a key repeats, as `JSON.parse` does.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.0.iter().rev().find(|(name, _)| name == key).map(|(_, value)| value)
    }

    /// Whether the object has a member `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl<'a> Value<'a> {
    /// The member `key` of an object; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(object) => object.get(key),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The elements of an array.
    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// A whole number of zero or more.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
}

impl Number {
    /// The number when it is a whole number of zero or more.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::Unsigned(n) => Some(n),
            _ => None,
        }
    }

    /// The number as a float (large whole numbers lose precision).
    pub fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            Number::Unsigned(n) => n as f64,
            Number::Negative(n) => n as f64,
            Number::Float(f) => f,
        })
    }
}

/// As serde_json writes numbers (whole floats keep a `.0`), and with its float printer: the
/// standard library's would add 9 KB to the wasm.
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::Unsigned(n) => write!(f, "{n}"),
            Number::Negative(n) => write!(f, "{n}"),
            Number::Float(x) => match serde_json::Number::from_f64(x) {
                Some(number) => write!(f, "{number}"),
                None => f.write_str("null"),
            },
        }
    }
}

impl<'de> Deserialize<'de> for Value<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value<'de>, E> {
        Ok(Value::Number(u64::try_from(value).map_or(Number::Negative(value), Number::Unsigned)))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value<'de>, E> {
        Ok(Value::Number(Number::Unsigned(value)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value<'de>, E> {
        Ok(Value::Number(Number::Float(value)))
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Borrowed(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E>(self, value: String) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(value)))
    }

    fn visit_unit<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value<'de>, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        // serde_json gives no size hint: starting at 8 members saves a feed item's objects
        // two or three reallocations each.
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(8).min(64));
        while let Some(Key(key)) = map.next_key()? {
            members.push((key, map.next_value()?));
        }
        Ok(Value::Object(Object(members)))
    }
}

/// An object key, borrowed when it can be (serde's own `Cow` always copies).
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E>(self, value: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value)))
    }
}

/// serde_json's `json!`, read into a [`Value`]: test documents written as JSON.
#[cfg(test)]
macro_rules! json {
    ($($json:tt)+) => {
        <$crate::sources::value::Value<'static> as serde::Deserialize>::deserialize(serde_json::json!($($json)+))
            .expect("json! builds a value")
    };
}
#[cfg(test)]
pub(crate) use json;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Value<'_> {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let value = parse(r#"{"title": "Mali", "quote": "l\u2019armée"}"#);
        assert!(matches!(value.get("title"), Some(Value::String(Cow::Borrowed("Mali")))));
        assert_eq!(value.get("quote").and_then(Value::as_str), Some("l’armée"));
    }

    #[test]
    fn the_last_of_repeated_keys_wins() {
        assert_eq!(parse(r#"{"id": 1, "id": 2}"#).get("id").and_then(Value::as_u64), Some(2));
    }

    #[test]
    fn numbers_keep_their_kind() {
        let value = parse(r#"[7, -3, 1.5, 2.0, 1e300, 18446744073709551615]"#);
        assert_eq!(Number::Float(f64::NAN).to_string(), "null");
        let numbers: Vec<String> = match value {
            Value::Array(items) => items.iter().map(|item| match item {
                Value::Number(number) => number.to_string(),
                other => panic!("{other:?}"),
            }).collect(),
            other => panic!("{other:?}"),
        };
        assert_eq!(numbers[..5], ["7", "-3", "1.5", "2.0", "1e+300"]);
        assert_eq!(numbers[5], "18446744073709551615");
    }

    #[test]
    fn every_kind_of_value_reads() {
        let value = parse(r#"{"a": null, "b": true, "c": [1, "x"], "d": {"e": {}}}"#);
        assert!(value.get("a").is_some_and(Value::is_null));
        assert_eq!(value.get("b"), Some(&Value::Bool(true)));
        assert_eq!(value.get("c").and_then(Value::as_array).map(<[_]>::len), Some(2));
        assert!(value.get("d").and_then(|d| d.get("e")).is_some_and(Value::is_object));
        assert_eq!(value.get("missing"), None);
        assert_eq!(Value::Null.get("a"), None);
    }

    #[test]
    fn json_macro_builds_the_same_value_as_parsing() {
        assert_eq!(json!({"a": [1, "é", null]}), parse(r#"{"a": [1, "é", null]}"#));
    }
}
