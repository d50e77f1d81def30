//! Values read from the outline: a serde deserializer over the outline's nodes, so that a
//! file's text is tokenized once (by the outline, which every file needs for its
//! positions) rather than a second time by ron.
//!
//! It covers exactly what Hindsight's files are written with: named or unnamed structs,
//! lists, tuples, enum variants (`Open`, `Stated("…")`, `Resolved(verdict: …)`), options written
//! bare, as `Some(…)` or `None`, strings, booleans and plain decimal numbers. ron stays the
//! reference: a string with escapes and a number in any other form are handed to ron one
//! atom at a time, and anything else makes this reader give up, after which the caller
//! parses the whole file with ron, so that every error message is ron's. The rules
//! followed are ron's (0.12, with `IMPLICIT_SOME`): a struct's name, when written, must
//! be the type's; `None` is no value and `Some(x)` is x, and any other value of an option
//! is that value.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use super::syntax::{Node, NodeKind};

/// The value of the document whose outline is `root`, or `None` when this reader does not
/// cover it (the caller then asks ron, for the value or the error).
pub fn from_outline<T: DeserializeOwned>(text: &str, root: &Node) -> Option<T> {
    T::deserialize(NodeDe { text, node: root }).ok()
}

/// Why this reader gave up; never shown (ron's error is).
#[derive(Debug)]
struct GaveUp;

impl fmt::Display for GaveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read from the outline")
    }
}

impl std::error::Error for GaveUp {}

impl de::Error for GaveUp {
    fn custom<M: fmt::Display>(_message: M) -> Self {
        GaveUp
    }
}

type Result<T> = std::result::Result<T, GaveUp>;

#[derive(Clone, Copy)]
struct NodeDe<'a> {
    text: &'a str,
    node: &'a Node,
}

impl<'a> NodeDe<'a> {
    fn at(self, node: &'a Node) -> NodeDe<'a> {
        NodeDe {
            text: self.text,
            node,
        }
    }

    /// The text of an atom.
    fn atom(self) -> Result<&'a str> {
        match self.node.kind {
            NodeKind::Atom => self.text.get(self.node.span.clone()).ok_or(GaveUp),
            _ => Err(GaveUp),
        }
    }

    /// An atom that is a bare identifier, as ron reads one (raw identifiers excepted).
    fn identifier(self) -> Result<&'a str> {
        let atom = self.atom()?;
        let mut chars = atom.chars();
        let first = chars.next().ok_or(GaveUp)?;
        let plain = (first.is_ascii_alphabetic() || first == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
        if plain { Ok(atom) } else { Err(GaveUp) }
    }

    /// A number atom ron would read as `T`: plain decimals are parsed here (Rust's parsing
    /// is correctly rounded, as ron's is), any other form by ron.
    fn number<T: std::str::FromStr + DeserializeOwned>(self) -> Result<T> {
        let atom = self.atom()?;
        let digits = atom.strip_prefix('-').unwrap_or(atom);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
        // Leading zeros ("007") are left to ron.
        let plain = !whole.is_empty()
            && (whole == "0" || !whole.starts_with('0'))
            && !fraction.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && fraction.bytes().all(|b| b.is_ascii_digit());
        if plain && let Ok(value) = atom.parse() {
            return Ok(value);
        }
        crate::ron_format::ron_options()
            .from_str(atom)
            .map_err(|_| GaveUp)
    }
}

impl<'de> de::Deserializer<'de> for NodeDe<'de> {
    type Error = GaveUp;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.atom()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GaveUp),
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u8(self.number()?)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u16(self.number()?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u32(self.number()?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.number()?)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i32(self.number()?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.number()?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.number()?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f32(self.number()?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let atom = self.atom()?;
        // A plain string is its text between the quotes; one with escapes (or a raw
        // string) is decoded by ron.
        if atom.len() >= 2
            && let Some(inner) = atom.strip_prefix('"').and_then(|a| a.strip_suffix('"'))
            && memchr::memchr2(b'\\', b'"', inner.as_bytes()).is_none()
        {
            return visitor.visit_borrowed_str(inner);
        }
        if atom.starts_with('"') || atom.starts_with("r\"") || atom.starts_with("r#") {
            let decoded: String = ron::from_str(atom).map_err(|_| GaveUp)?;
            return visitor.visit_string(decoded);
        }
        Err(GaveUp)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match &self.node.kind {
            NodeKind::Atom if self.atom()? == "None" => visitor.visit_none(),
            NodeKind::Tuple {
                name: Some(name),
                items,
            } if name == "Some" => match items.as_slice() {
                [inner] => visitor.visit_some(self.at(inner)),
                _ => Err(GaveUp),
            },
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match &self.node.kind {
            NodeKind::List(items) => visitor.visit_seq(Items {
                de: self,
                items: items.iter(),
            }),
            _ => Err(GaveUp),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        match &self.node.kind {
            NodeKind::Tuple { name: None, items } if items.len() == len => {
                visitor.visit_seq(Items {
                    de: self,
                    items: items.iter(),
                })
            }
            _ => Err(GaveUp),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match &self.node.kind {
            NodeKind::Struct {
                name: written,
                fields,
            } if written.as_deref().is_none_or(|written| written == name) => {
                visitor.visit_map(Fields {
                    de: self,
                    fields: fields.iter(),
                    value: None,
                })
            }
            _ => Err(GaveUp),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i128 u128 char bytes byte_buf unit unit_struct newtype_struct tuple_struct
        map identifier
    }
}

/// A list's items.
struct Items<'a> {
    de: NodeDe<'a>,
    items: std::slice::Iter<'a, Node>,
}

impl<'de> de::SeqAccess<'de> for Items<'de> {
    type Error = GaveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        self.items
            .next()
            .map(|item| seed.deserialize(self.de.at(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A struct's fields, by name.
struct Fields<'a> {
    de: NodeDe<'a>,
    fields: std::slice::Iter<'a, super::syntax::Field>,
    value: Option<&'a Node>,
}

impl<'de> de::MapAccess<'de> for Fields<'de> {
    type Error = GaveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some(field) = self.fields.next() else {
            return Ok(None);
        };
        self.value = Some(&field.value);
        let name: de::value::StrDeserializer<GaveUp> = field.name.as_ref().into_deserializer();
        seed.deserialize(name).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = self.value.take().ok_or(GaveUp)?;
        seed.deserialize(self.de.at(value))
    }
}

/// An enum value: `Variant`, `Variant(value)` or `Variant(field: value, …)`.
impl<'de> de::EnumAccess<'de> for NodeDe<'de> {
    type Error = GaveUp;
    type Variant = NodeDe<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = match &self.node.kind {
            NodeKind::Atom => self.identifier()?,
            NodeKind::Tuple {
                name: Some(name), ..
            }
            | NodeKind::Struct {
                name: Some(name), ..
            } => name.as_ref(),
            _ => return Err(GaveUp),
        };
        let name: de::value::StrDeserializer<GaveUp> = name.into_deserializer();
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for NodeDe<'de> {
    type Error = GaveUp;

    fn unit_variant(self) -> Result<()> {
        match self.node.kind {
            NodeKind::Atom => Ok(()),
            _ => Err(GaveUp),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        match &self.node.kind {
            NodeKind::Tuple { items, .. } if items.len() == 1 => {
                seed.deserialize(self.at(&items[0]))
            }
            _ => Err(GaveUp),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match &self.node.kind {
            NodeKind::Struct { fields, .. } => visitor.visit_map(Fields {
                de: self,
                fields: fields.iter(),
                value: None,
            }),
            _ => Err(GaveUp),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::estimative::PhraseFile;
    use crate::ledger::read::syntax::outline;
    use crate::ledger::{People, Scenario};

    /// What the outline reads, checked against ron: when it reads a value, ron reads the
    /// same one.
    fn read<T: DeserializeOwned + PartialEq + fmt::Debug>(text: &str) -> Option<T> {
        let root = outline(text).expect("outlined").root;
        let ours = from_outline::<T>(text, &root);
        if let Some(value) = &ours {
            let theirs: T = crate::ron_format::ron_options()
                .from_str(text)
                .expect("ron reads what the outline reads");
            assert_eq!(value, &theirs, "{text}");
        }
        ours
    }

    fn ron_files(dir: &Path) -> Vec<std::path::PathBuf> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                found.extend(ron_files(&path));
            } else if path.extension().is_some_and(|e| e == "ron") {
                found.push(path);
            }
        }
        found
    }

    #[test]
    fn every_shipped_and_fixture_file_reads_as_ron_reads_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut read_count = 0;
        for dir in ["scenarios", "tests/fixtures/ledger/scenarios"] {
            for path in ron_files(&root.join(dir)) {
                let text = std::fs::read_to_string(&path).unwrap();
                let name = path.file_name().unwrap().to_str().unwrap();
                let covered = match name {
                    "people.ron" => read::<People>(&text).is_some(),
                    "phrases.ron" => read::<PhraseFile>(&text).is_some(),
                    _ => read::<Scenario>(&text).is_some(),
                };
                assert!(covered, "{} is not read from its outline", path.display());
                read_count += 1;
            }
        }
        assert!(read_count >= 8, "{read_count} files");
    }

    const SCENARIO: &str = r#"Scenario(
    format: 1,
    id: "s",
    title: "T",
    tags: ["a", "b",],
    sources: [
        Source(id: "src", outlet: "O", title: "T", published: "2022-01-01", author: Some("A"), url: None),
    ],
    forecasts: [
        // a comment
        (
            id: "f",
            by: "p",
            source: "src",
            made: "2022-01-02",
            quote: QUOTE,
            claim: "c",
            probability: NUMBER,
            resolve_by: Stated("2022-12-31"),
            outcome: Resolved(verdict: True, on: "2022-06-01", judge: "ana", evidence: "e"),
        ),
    ],
)"#;

    fn scenario(quote: &str, number: &str) -> String {
        SCENARIO.replace("QUOTE", quote).replace("NUMBER", number)
    }

    #[test]
    fn strings_options_numbers_and_variants_read_as_ron_reads_them() {
        for (quote, number) in [
            (r#""plain “curly” text""#, "0.7"),
            (r#""with \"escapes\" and \\ and \n and \u{e9}""#, "0.70"),
            (r##"r#"a raw "string""#"##, "1"),
            (r#""x""#, "7e-1"),
            (r#""x""#, "-0.0"),
            (r#""x""#, "Some(0.25)"),
            (r#""x""#, "None"),
            (
                r#""line one
line two""#,
                "0",
            ),
        ] {
            let text = scenario(quote, number);
            let value = read::<Scenario>(&text).unwrap_or_else(|| panic!("not read: {text}"));
            assert_eq!(value.forecasts.len(), 1);
        }
    }

    #[test]
    fn what_ron_refuses_is_left_to_ron() {
        for text in [
            // A struct name that is not the type's.
            scenario(r#""x""#, "0.7").replace("Source(", "Sauce("),
            // An unknown field.
            scenario(r#""x""#, "0.7").replace("claim:", "clam:"),
            // Not a number ron reads as one.
            scenario(r#""x""#, "007"),
            scenario(r#""x""#, "0.7.1"),
            // A variant that does not exist, and a string where a variant goes.
            scenario(r#""x""#, "0.7").replace("True", "Maybe"),
            scenario(r#""x""#, "0.7").replace("Stated(", "\"Stated\"("),
        ] {
            let root = outline(&text).map(|o| o.root);
            if let Ok(root) = root {
                let ours = from_outline::<Scenario>(&text, &root);
                let theirs = crate::ron_format::ron_options().from_str::<Scenario>(&text);
                match (&ours, &theirs) {
                    (None, _) => {}
                    (Some(ours), Ok(theirs)) => assert_eq!(ours, theirs, "{text}"),
                    (Some(_), Err(error)) => panic!("read what ron refuses ({error}): {text}"),
                }
                assert!(theirs.is_err() || ours.is_none() || ours.as_ref() == theirs.as_ref().ok());
            }
        }
    }
}
