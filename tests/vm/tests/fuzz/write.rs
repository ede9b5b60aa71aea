//! Writes a mutated message as JSON text, with what only text can hold: a key written twice,
//! thousands of nested brackets, numbers no `Value` holds, cut bytes.

use serde_json::Value;

use crate::mutate::{Path, Plan, Step, RAW};

/// A mutated message as bytes, and why a contract must refuse it whatever it asks for (an
/// unknown or repeated field, cut bytes), if it must.
pub struct Written {
    pub bytes: Vec<u8>,
    pub must_refuse: Option<&'static str>,
}

/// Writes `value` as JSON, applying the text-only parts of `plan`.
pub fn write(value: &mut Value, plan: &Plan) -> Written {
    let mut out = String::new();
    let mut duplicated = false;
    write_node(value, &mut vec![], plan, &mut out, &mut duplicated);
    let mut bytes = out.into_bytes();
    let mut must_refuse = None;
    if plan.has_unknown(value) {
        must_refuse = Some("an unknown field");
    }
    if duplicated && plan.duplicates_a_known_field() {
        must_refuse = Some("a repeated field");
    }
    if let Some(at) = &plan.truncate {
        // a strict prefix of an object or array, so never valid JSON
        let keep = at.index(bytes.len().max(1));
        bytes.truncate(keep);
        must_refuse = Some("cut bytes");
    }
    Written { bytes, must_refuse }
}

fn write_node(value: &Value, path: &mut Path, plan: &Plan, out: &mut String, dup: &mut bool) {
    let nest = plan.nest.as_ref().filter(|(p, _, _)| p == path);
    if let Some((_, depth, objects)) = nest {
        let (open, close) = if *objects {
            ("{\"a\":", "}")
        } else {
            ("[", "]")
        };
        out.push_str(&open.repeat(*depth as usize));
        write_plain(value, path, plan, out, dup);
        out.push_str(&close.repeat(*depth as usize));
    } else {
        write_plain(value, path, plan, out, dup);
    }
}

fn write_plain(value: &Value, path: &mut Path, plan: &Plan, out: &mut String, dup: &mut bool) {
    match value {
        Value::String(s) if s.starts_with(RAW) => out.push_str(&s[RAW.len()..]),
        Value::Object(map) => {
            out.push('{');
            let twice = plan.duplicate.as_ref().filter(|(p, _)| p == path);
            let mut first = true;
            for (k, v) in map {
                let times = if twice.is_some_and(|(_, key)| key == k) {
                    *dup = true;
                    2
                } else {
                    1
                };
                for _ in 0..times {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    out.push_str(&Value::String(k.clone()).to_string());
                    out.push(':');
                    path.push(Step::Key(k.clone()));
                    write_node(v, path, plan, out, dup);
                    path.pop();
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                path.push(Step::Item(i));
                write_node(v, path, plan, out, dup);
                path.pop();
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}
