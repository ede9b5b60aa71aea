//! The lowered module's structure: indices, exports, data and other code unchanged, only the
//! helper functions needed added, and lowering idempotent.

mod common;

use common::{test_module, Pair, Uses};
use wasmparser::{Operator, Parser, Payload, Validator, WasmFeatures};

#[test]
fn indices_and_other_code_are_kept() {
    let wasm = test_module(
        1,
        Uses {
            copy: true,
            fill: true,
        },
    );
    let lowered = wasm_lower::lower(&wasm).unwrap().wasm;
    let mut pair = Pair::new(1);
    assert_eq!(pair.original.probe.call(&mut pair.store).unwrap(), 14);
    assert_eq!(pair.lowered.probe.call(&mut pair.store).unwrap(), 14);
    // The data segment is still there.
    assert_eq!(&pair.lowered.read(&pair.store)[16..23], b"commons");

    let before = summary(&wasm);
    let after = summary(&lowered);
    assert_eq!(after.types, [before.types.clone(), vec![(3, 0)]].concat());
    assert_eq!(
        after.functions,
        [before.functions.clone(), vec![3, 3]].concat()
    );
    assert_eq!(after.exports, before.exports);
    assert_eq!(
        (before.copies, before.fills, before.calls),
        (1, 1, vec![0, 4])
    );
    // memory.copy and memory.fill became calls of functions 6 and 7 (after 1 import + 5).
    assert_eq!((after.copies, after.fills), (0, 0));
    assert_eq!(after.calls, vec![6, 7, 0, 4]);
    // Without bulk memory the lowered module is valid wasm 1.0 (plus nothing).
    Validator::new_with_features(WasmFeatures::WASM1)
        .validate_all(&lowered)
        .unwrap();
    assert!(Validator::new_with_features(WasmFeatures::WASM1)
        .validate_all(&wasm)
        .is_err());
}

#[test]
fn only_used_functions_are_added() {
    for (uses, added) in [
        (
            Uses {
                copy: true,
                fill: false,
            },
            1,
        ),
        (
            Uses {
                copy: false,
                fill: true,
            },
            1,
        ),
        (
            Uses {
                copy: true,
                fill: true,
            },
            2,
        ),
    ] {
        let wasm = test_module(1, uses);
        let lowered = wasm_lower::lower(&wasm).unwrap();
        assert_eq!(
            (lowered.copies, lowered.fills),
            (uses.copy as usize, uses.fill as usize)
        );
        let after = summary(&lowered.wasm);
        assert_eq!(after.functions.len(), 5 + added);
        assert_eq!(after.types.len(), 4);
        assert_eq!(after.calls[..added], [6, 7][..added]);
    }
    // Nothing to lower: the module is returned as it is.
    let wasm = test_module(
        1,
        Uses {
            copy: false,
            fill: false,
        },
    );
    let lowered = wasm_lower::lower(&wasm).unwrap();
    assert_eq!((lowered.copies, lowered.fills), (0, 0));
    assert_eq!(lowered.wasm, wasm);
}

#[test]
fn lowered_module_is_stable_under_reencoding() {
    // Lowering twice changes nothing more: the second pass finds nothing to replace.
    let wasm = test_module(
        1,
        Uses {
            copy: true,
            fill: true,
        },
    );
    let once = wasm_lower::lower(&wasm).unwrap().wasm;
    let twice = wasm_lower::lower(&once).unwrap();
    assert_eq!((twice.copies, twice.fills), (0, 0));
    assert_eq!(twice.wasm, once);
}

#[derive(Debug, Default)]
struct Summary {
    /// (params, results) per type.
    types: Vec<(usize, usize)>,
    /// Type index per defined function.
    functions: Vec<u32>,
    exports: Vec<(String, u32)>,
    /// Callees of every `call`, in order.
    calls: Vec<u32>,
    copies: usize,
    fills: usize,
}

fn summary(wasm: &[u8]) -> Summary {
    let mut summary = Summary::default();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.unwrap() {
            Payload::TypeSection(reader) => {
                for ty in reader.into_iter_err_on_gc_types() {
                    let ty = ty.unwrap();
                    summary.types.push((ty.params().len(), ty.results().len()));
                }
            }
            Payload::FunctionSection(reader) => {
                summary.functions = reader.into_iter().map(Result::unwrap).collect();
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.unwrap();
                    summary
                        .exports
                        .push((export.name.to_string(), export.index));
                }
            }
            Payload::CodeSectionEntry(body) => {
                let mut reader = body.get_operators_reader().unwrap();
                while !reader.eof() {
                    match reader.read().unwrap() {
                        Operator::Call { function_index } => summary.calls.push(function_index),
                        Operator::MemoryCopy { .. } => summary.copies += 1,
                        Operator::MemoryFill { .. } => summary.fills += 1,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    summary
}
