//! Structure-aware mutations of a JSON message: what they change is chosen among the nodes of
//! the message (objects, numbers, strings, any node), so every mutation hits something the
//! contract reads. Some only exist as text (a key written twice, thousands of nested brackets,
//! cut bytes): they are left in a [`Plan`] that `write` applies on the way out.

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value};

/// Fields whose values are types of the cw20 and cw-utils crates (`Cw20ReceiveMsg`,
/// `Expiration`, `Logo`, `Threshold`): cosmwasm-schema 2's `cw_serde` no longer denies unknown
/// fields, so the contracts drop an unknown field inside them, although the schemas say
/// `additionalProperties: false`. A made-up field there is not held against the contract here
/// (until the wire types carry strict copies of them); a repeated known one still is.
const LENIENT: [&str; 4] = ["receive", "expires", "upload_logo", "threshold"];

/// Marks a string node whose content is written as raw JSON (a number no `Value` holds).
pub(crate) const RAW: &str = "\u{0}raw:";

/// Integers at the edges of every width the messages use (u8 to u128), just past them,
/// negative, fractional and in exponent form.
const NUMBERS: [&str; 16] = [
    "0",
    "1",
    "255",
    "256",
    "65535",
    "65536",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "340282366920938463463374607431768211455",
    "340282366920938463463374607431768211456",
    "-1",
    "1.5",
    "1e30",
    "-0",
];

/// Seconds whose nanoseconds overflow u64 (from about 1.8e10 s on), and times near the end.
const SECONDS: [&str; 5] = [
    "18000000000",
    "18446744073",
    "18446744074",
    "18446744073709551615",
    "315576000000",
];

/// Nanosecond timestamps at the end of u64 and past it.
const NANOS: [&str; 4] = [
    "18446744073709551615",
    "18446744073709551614",
    "18446744073709551616",
    "18000000000000000000",
];

/// One change to a message.
#[derive(Clone, Debug)]
pub enum Mutation {
    /// Removes a field of an object.
    Delete(Index, Index),
    /// Adds a field the type does not have (made up, or a near miss of an existing one).
    Unknown(Index, Index),
    /// Writes a field of an object twice.
    Duplicate(Index, Index),
    /// Replaces a node with a value of another JSON type.
    Retype(Index, u8),
    /// Puts a boundary integer (as a number, or as a string where the node is one) in a
    /// numeric node.
    Number(Index, Index),
    /// Puts a time that overflows in nanoseconds in a numeric node.
    Time(Index, Index),
    /// Replaces a string with one of 100 KB.
    LongString(Index),
    /// Wraps a node in `depth` arrays (or objects).
    Nest(Index, u16, bool),
    /// Cuts the written bytes short.
    Truncate(Index),
    /// Renames the message's variant to another one of the same contract.
    Swap(Index),
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    let i = || any::<Index>();
    prop_oneof![
        (i(), i()).prop_map(|(a, b)| Mutation::Delete(a, b)),
        (i(), i()).prop_map(|(a, b)| Mutation::Unknown(a, b)),
        (i(), i()).prop_map(|(a, b)| Mutation::Duplicate(a, b)),
        (i(), 0..6u8).prop_map(|(a, k)| Mutation::Retype(a, k)),
        (i(), i()).prop_map(|(a, b)| Mutation::Number(a, b)),
        (i(), i()).prop_map(|(a, b)| Mutation::Time(a, b)),
        i().prop_map(Mutation::LongString),
        (
            i(),
            prop_oneof![Just(64u16), Just(129), Just(1_000), Just(20_000)],
            any::<bool>()
        )
            .prop_map(|(a, d, o)| Mutation::Nest(a, d, o)),
        i().prop_map(Mutation::Truncate),
        i().prop_map(Mutation::Swap),
    ]
}

/// A step from a node to one inside it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Step {
    Key(String),
    Item(usize),
}

pub(crate) type Path = Vec<Step>;

/// Every node of `value` with its path, parents before children.
fn nodes(value: &Value) -> Vec<(Path, &Value)> {
    let mut out = vec![];
    let mut stack = vec![(vec![], value)];
    while let Some((path, node)) = stack.pop() {
        match node {
            Value::Object(map) => {
                for (k, v) in map {
                    let mut p = path.clone();
                    p.push(Step::Key(k.clone()));
                    stack.push((p, v));
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let mut p = path.clone();
                    p.push(Step::Item(i));
                    stack.push((p, v));
                }
            }
            _ => {}
        }
        out.push((path, node));
    }
    out
}

fn node_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter()
        .try_fold(value, |node, step| match (node, step) {
            (Value::Object(map), Step::Key(k)) => map.get_mut(k),
            (Value::Array(items), Step::Item(i)) => items.get_mut(*i),
            _ => None,
        })
}

/// The path of a node `pick` chooses among those `keep` accepts.
fn pick(value: &Value, index: &Index, keep: impl Fn(&Value) -> bool) -> Option<Path> {
    let found: Vec<Path> = nodes(value)
        .into_iter()
        .filter(|(_, v)| keep(v))
        .map(|(p, _)| p)
        .collect();
    (!found.is_empty()).then(|| found[index.index(found.len())].clone())
}

fn is_object_with_fields(v: &Value) -> bool {
    matches!(v, Value::Object(m) if !m.is_empty())
}

fn is_numeric(v: &Value) -> bool {
    match v {
        Value::Number(_) => true,
        Value::String(s) => !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

fn raw(text: &str) -> Value {
    Value::String(format!("{RAW}{text}"))
}

/// What [`write`] does beyond the value itself, and the unknown field added, to check it is
/// still there when the mutations are done.
#[derive(Default, Debug)]
pub struct Plan {
    pub(crate) duplicate: Option<(Path, String)>,
    pub(crate) nest: Option<(Path, u16, bool)>,
    pub(crate) truncate: Option<Index>,
    unknown: Option<(Path, String)>,
}

impl Plan {
    /// Whether `msg` (as mutated) still has the unknown field this plan added, outside the
    /// [`LENIENT`] fields.
    pub fn has_unknown(&self, msg: &mut Value) -> bool {
        match &self.unknown {
            Some((path, key)) => {
                !lenient(path)
                    && matches!(node_mut(msg, path), Some(Value::Object(map)) if map.contains_key(key))
            }
            None => false,
        }
    }

    /// Whether the field written twice is one the type knows: a made-up field is ignored by
    /// the [`LENIENT`] types however often it is written.
    pub(crate) fn duplicates_a_known_field(&self) -> bool {
        match (&self.duplicate, &self.unknown) {
            (Some((path, key)), Some(unknown)) => {
                !(lenient(path) && unknown == &(path.clone(), key.clone()))
            }
            (Some(_), None) => true,
            (None, _) => false,
        }
    }
}

fn lenient(path: &[Step]) -> bool {
    path.iter()
        .any(|s| matches!(s, Step::Key(k) if LENIENT.contains(&k.as_str())))
}

/// An object with fields chosen by `node`, its path, and the name of its field chosen by `field`.
fn pick_field<'a>(
    msg: &'a mut Value,
    node: &Index,
    field: &Index,
) -> Option<(Path, &'a mut Map<String, Value>, String)> {
    let path = pick(msg, node, is_object_with_fields)?;
    let Some(Value::Object(map)) = node_mut(msg, &path) else {
        return None;
    };
    let key = map
        .keys()
        .nth(field.index(map.len()))
        .cloned()
        .unwrap_or_default();
    Some((path, map, key))
}

/// Applies `m` to `msg`; `variants` are the variant names `Swap` may choose from. Returns
/// whether it changed anything (a mutation with nothing to work on is a no-op).
pub fn apply(m: &Mutation, msg: &mut Value, plan: &mut Plan, variants: &[String]) -> bool {
    match m {
        Mutation::Delete(node, field) | Mutation::Unknown(node, field) => {
            let Some((path, map, key)) = pick_field(msg, node, field) else {
                return false;
            };
            if let Mutation::Delete(..) = m {
                map.remove(&key);
            } else {
                // a near miss of a real field (`expires` -> `expiress`), or a made-up one
                let unknown = if field.index(2) == 0 {
                    format!("{key}s")
                } else {
                    "zz_unknown".into()
                };
                if map.contains_key(&unknown) {
                    return false;
                }
                map.insert(unknown.clone(), Value::Bool(true));
                plan.unknown = Some((path, unknown));
            }
            true
        }
        Mutation::Duplicate(node, field) => {
            let Some((path, _, key)) = pick_field(msg, node, field) else {
                return false;
            };
            plan.duplicate = Some((path, key));
            true
        }
        Mutation::Retype(node, kind) => {
            let path = pick(msg, node, |_| true).unwrap_or_default();
            let Some(target) = node_mut(msg, &path) else {
                return false;
            };
            let replacement = match kind {
                0 => Value::Null,
                1 => Value::Bool(true),
                2 => Value::from(0),
                3 => Value::String("x".into()),
                4 => Value::Array(vec![]),
                _ => Value::Object(Map::new()),
            };
            let changed = *target != replacement;
            *target = replacement;
            changed
        }
        Mutation::Number(node, which) | Mutation::Time(node, which) => {
            let Some(path) = pick(msg, node, is_numeric) else {
                return false;
            };
            let Some(target) = node_mut(msg, &path) else {
                return false;
            };
            let as_string = target.is_string();
            let table: &[&str] = match (m, as_string) {
                (Mutation::Number(..), _) => &NUMBERS,
                (_, true) => &NANOS,
                (_, false) => &SECONDS,
            };
            let text = table[which.index(table.len())];
            *target = if as_string {
                Value::String(text.into())
            } else {
                raw(text)
            };
            true
        }
        Mutation::LongString(node) => {
            let Some(path) = pick(msg, node, Value::is_string) else {
                return false;
            };
            if let Some(target) = node_mut(msg, &path) {
                *target = Value::String("a".repeat(100 * 1024));
            }
            true
        }
        Mutation::Nest(node, depth, objects) => {
            let path = pick(msg, node, |_| true).unwrap_or_default();
            plan.nest = Some((path, *depth, *objects));
            true
        }
        Mutation::Truncate(at) => {
            plan.truncate = Some(*at);
            true
        }
        Mutation::Swap(which) => {
            let Value::Object(map) = msg else {
                return false;
            };
            let Some((old, body)) = map.iter().next().map(|(k, v)| (k.clone(), v.clone())) else {
                return false;
            };
            let others: Vec<&String> = variants.iter().filter(|v| **v != old).collect();
            if others.is_empty() {
                return false;
            }
            map.clear();
            map.insert(others[which.index(others.len())].clone(), body);
            true
        }
    }
}
