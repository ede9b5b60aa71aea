//! Executes modules using `memory.copy` / `memory.fill` before and after lowering (in wasmer's
//! singlepass engine, as cosmwasm-vm does) and compares both with a model of the spec.

use wasm_encoder::{
    CodeSection, ConstExpr, DataSection, ElementSection, Elements, EntityType, ExportKind,
    ExportSection, Function, FunctionSection, ImportSection, Instruction, MemorySection,
    MemoryType, Module, RefType, TableSection, TableType, TypeSection, ValType,
};
use wasmer::{imports, Function as HostFunction, Instance, Memory, Store, TypedFunction};
use wasmparser::{Operator, Parser, Payload, Validator, WasmFeatures};

const PAGE: u32 = 65536;

/// Which bulk-memory instructions the test module uses.
#[derive(Clone, Copy)]
struct Uses {
    copy: bool,
    fill: bool,
}

/// A module shaped like a contract's: an imported function (so defined function indices start
/// after it), a table for `call_indirect`, a data segment, and exported wrappers
/// `copy(dst, src, size)` / `fill(dst, value, size)` around `memory.copy` / `memory.fill`,
/// plus `grow(pages)` and `probe() -> i32` (which calls through `call` and `call_indirect`).
fn test_module(min_pages: u64, uses: Uses) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], []); // 0: hook, grow
    types.ty().function([ValType::I32; 3], []); // 1: copy, fill
    types.ty().function([], [ValType::I32]); // 2: probe, seven

    let mut imports = ImportSection::new();
    imports.import("env", "hook", EntityType::Function(0)); // function 0

    // Defined functions: 1 copy, 2 fill, 3 grow, 4 seven, 5 probe.
    let mut functions = FunctionSection::new();
    for ty in [1, 1, 0, 2, 2] {
        functions.function(ty);
    }

    let mut tables = TableSection::new();
    tables.table(TableType {
        element_type: RefType::FUNCREF,
        table64: false,
        minimum: 1,
        maximum: Some(1),
        shared: false,
    });

    let mut memories = MemorySection::new();
    memories.memory(MemoryType {
        minimum: min_pages,
        maximum: Some(4),
        memory64: false,
        shared: false,
        page_size_log2: None,
    });

    let mut exports = ExportSection::new();
    exports.export("memory", ExportKind::Memory, 0);
    exports.export("copy", ExportKind::Func, 1);
    exports.export("fill", ExportKind::Func, 2);
    exports.export("grow", ExportKind::Func, 3);
    exports.export("probe", ExportKind::Func, 5);

    let mut elements = ElementSection::new();
    elements.active(
        None,
        &ConstExpr::i32_const(0),
        Elements::Functions([4].as_slice().into()),
    );

    let mut code = CodeSection::new();
    let bulk = |instruction: Option<Instruction<'static>>| {
        let mut f = Function::new([]);
        f.instructions().local_get(0).local_get(1).local_get(2);
        match instruction {
            Some(instruction) => {
                f.instruction(&instruction);
            }
            // Not used: drop the arguments instead.
            None => {
                f.instructions().drop().drop().drop();
            }
        }
        f.instructions().end();
        f
    };
    code.function(&bulk(uses.copy.then_some(Instruction::MemoryCopy {
        dst_mem: 0,
        src_mem: 0,
    })));
    code.function(&bulk(uses.fill.then_some(Instruction::MemoryFill(0))));
    let mut grow = Function::new([]);
    grow.instructions().local_get(0).memory_grow(0).drop().end();
    code.function(&grow);
    let mut seven = Function::new([]);
    seven.instructions().i32_const(7).end();
    code.function(&seven);
    let mut probe = Function::new([]);
    probe
        .instructions()
        .i32_const(1)
        .call(0)
        .call(4)
        .i32_const(0)
        .call_indirect(0, 2)
        .i32_add()
        .end();
    code.function(&probe);

    let mut data = DataSection::new();
    if min_pages > 0 {
        data.active(0, &ConstExpr::i32_const(16), b"commons".iter().copied());
    }

    let mut module = Module::new();
    module
        .section(&types)
        .section(&imports)
        .section(&functions)
        .section(&tables)
        .section(&memories)
        .section(&exports)
        .section(&elements)
        .section(&code)
        .section(&data);
    module.finish()
}

/// An instantiated module and its exports.
struct Running {
    memory: Memory,
    copy: TypedFunction<(i32, i32, i32), ()>,
    fill: TypedFunction<(i32, i32, i32), ()>,
    grow: TypedFunction<i32, ()>,
    probe: TypedFunction<(), i32>,
}

impl Running {
    fn new(store: &mut Store, wasm: &[u8]) -> Self {
        let module = wasmer::Module::new(&*store, wasm).expect("module compiles");
        let hook = HostFunction::new_typed(store, |_: i32| {});
        let imports = imports! { "env" => { "hook" => hook } };
        let instance = Instance::new(store, &module, &imports).expect("module instantiates");
        let exports = &instance.exports;
        Running {
            memory: exports.get_memory("memory").unwrap().clone(),
            copy: exports.get_typed_function(store, "copy").unwrap(),
            fill: exports.get_typed_function(store, "fill").unwrap(),
            grow: exports.get_typed_function(store, "grow").unwrap(),
            probe: exports.get_typed_function(store, "probe").unwrap(),
        }
    }

    fn read(&self, store: &Store) -> Vec<u8> {
        let view = self.memory.view(store);
        let mut bytes = vec![0; view.data_size() as usize];
        view.read(0, &mut bytes).unwrap();
        bytes
    }

    fn write(&self, store: &Store, bytes: &[u8]) {
        self.memory.view(store).write(0, bytes).unwrap();
    }
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Copy { dst: u32, src: u32, size: u32 },
    Fill { dst: u32, value: i32, size: u32 },
}

/// The spec's semantics: `None` for a trap (memory unchanged), else the new memory.
fn model(op: Op, memory: &[u8]) -> Option<Vec<u8>> {
    let len = memory.len() as u64;
    let mut out = memory.to_vec();
    match op {
        Op::Copy { dst, src, size } => {
            if u64::from(dst) + u64::from(size) > len || u64::from(src) + u64::from(size) > len {
                return None;
            }
            let (dst, src, size) = (dst as usize, src as usize, size as usize);
            out.copy_within(src..src + size, dst);
        }
        Op::Fill { dst, value, size } => {
            if u64::from(dst) + u64::from(size) > len {
                return None;
            }
            out[dst as usize..][..size as usize].fill(value as u8);
        }
    }
    Some(out)
}

/// The original and the lowered module, instantiated side by side.
struct Pair {
    store: Store,
    original: Running,
    lowered: Running,
    /// Scratch: the memory before the operation.
    before: Vec<u8>,
    seed: u64,
    cases: usize,
}

impl Pair {
    fn new(min_pages: u64) -> Self {
        let wasm = test_module(
            min_pages,
            Uses {
                copy: true,
                fill: true,
            },
        );
        let lowered = wasm_lower::lower(&wasm).expect("lowers");
        assert_eq!((lowered.copies, lowered.fills), (1, 1));
        let mut store = Store::new(wasmer::sys::Singlepass::new());
        let original = Running::new(&mut store, &wasm);
        let lowered = Running::new(&mut store, &lowered.wasm);
        Pair {
            store,
            original,
            lowered,
            before: Vec::new(),
            seed: 0x5eed,
            cases: 0,
        }
    }

    fn memory_len(&self) -> u32 {
        self.original.memory.view(&self.store).data_size() as u32
    }

    fn grow(&mut self, pages: i32) {
        self.original.grow.call(&mut self.store, pages).unwrap();
        self.lowered.grow.call(&mut self.store, pages).unwrap();
        assert_eq!(
            self.original.read(&self.store),
            self.lowered.read(&self.store)
        );
    }

    /// Runs `op` in both modules from the same pseudo-random memory contents; asserts that both
    /// match the model (trap or not, and every byte of memory).
    fn check(&mut self, op: Op) {
        self.cases += 1;
        let len = self.memory_len() as usize;
        self.before.resize(len, 0);
        for byte in self.before.iter_mut() {
            self.seed = lcg(self.seed);
            *byte = (self.seed >> 56) as u8;
        }
        let expected = model(op, &self.before);
        for (name, module) in [("original", &self.original), ("lowered", &self.lowered)] {
            module.write(&self.store, &self.before);
            let result = match op {
                Op::Copy { dst, src, size } => {
                    module
                        .copy
                        .call(&mut self.store, dst as i32, src as i32, size as i32)
                }
                Op::Fill { dst, value, size } => {
                    module
                        .fill
                        .call(&mut self.store, dst as i32, value, size as i32)
                }
            };
            let after = module.read(&self.store);
            match (&expected, result) {
                (Some(expected), Ok(())) => {
                    if *expected != after {
                        let first = (0..len).find(|&i| expected[i] != after[i]).unwrap();
                        panic!("{name}: {op:?}: memory differs from the model at byte {first}");
                    }
                }
                (None, Err(_)) => {
                    assert!(
                        after == self.before,
                        "{name}: {op:?}: trapped after writing memory"
                    );
                }
                (Some(_), Err(err)) => panic!("{name}: {op:?}: unexpected trap: {err}"),
                (None, Ok(())) => panic!("{name}: {op:?}: should trap"),
            }
        }
    }
}

fn lcg(state: u64) -> u64 {
    state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407)
}

/// Sizes 0..=40 and a few large ones.
fn sizes() -> impl Iterator<Item = u32> {
    (0..=40).chain([63, 64, 65, 127, 255, 256, 257, 1000, 4099])
}

#[test]
fn copy_disjoint_every_alignment() {
    let mut pair = Pair::new(1);
    for size in sizes() {
        for dst_align in 0..8 {
            for src_align in 0..8 {
                // Source before and after the destination.
                pair.check(Op::Copy {
                    dst: 8000 + dst_align,
                    src: 16 + src_align,
                    size,
                });
                pair.check(Op::Copy {
                    dst: 16 + dst_align,
                    src: 8000 + src_align,
                    size,
                });
            }
        }
    }
    println!("{} cases", pair.cases);
}

#[test]
fn copy_overlapping_forward_and_backward() {
    let mut pair = Pair::new(1);
    for size in sizes() {
        for distance in 1..=17 {
            for align in 0..8 {
                let low = 5000 + align;
                // dst < src: forward; dst > src: backward.
                pair.check(Op::Copy {
                    dst: low,
                    src: low + distance,
                    size,
                });
                pair.check(Op::Copy {
                    dst: low + distance,
                    src: low,
                    size,
                });
            }
        }
        for align in 0..8 {
            pair.check(Op::Copy {
                dst: 5000 + align,
                src: 5000 + align,
                size,
            });
        }
    }
    println!("{} cases", pair.cases);
}

#[test]
fn fill_every_alignment_and_value() {
    let mut pair = Pair::new(1);
    let values = [
        0,
        1,
        0x5a,
        0x7f,
        0x80,
        0xff,
        0x100,
        0x1ab,
        0x12345678,
        -1,
        -2,
        i32::MIN,
    ];
    for size in sizes() {
        for align in 0..8 {
            for value in values {
                pair.check(Op::Fill {
                    dst: 3000 + align,
                    value,
                    size,
                });
            }
        }
    }
    println!("{} cases", pair.cases);
}

/// Ranges at and beyond the end of memory, including ones whose end wraps around 2^32.
fn bounds_cases(len: u32) -> Vec<Op> {
    let mut ops = Vec::new();
    let big = [
        len,
        len + 1,
        len + 7,
        len + 8,
        1 << 31,
        u32::MAX - 7,
        u32::MAX,
    ];
    for size in sizes().chain(big) {
        // Addresses so that addr + size is len - 1, len, len + 1, ... (skipping negatives).
        let mut addrs: Vec<u32> = (0..=9u64)
            .filter_map(|d| (u64::from(len) + d).checked_sub(u64::from(size) + 1))
            .map(|addr| addr as u32)
            .collect();
        addrs.extend([0, 1, len - 1, len, len + 1, u32::MAX - 15, u32::MAX]);
        for addr in addrs {
            ops.push(Op::Fill {
                dst: addr,
                value: 0xab,
                size,
            });
            ops.push(Op::Copy {
                dst: addr,
                src: 0,
                size,
            });
            ops.push(Op::Copy {
                dst: 0,
                src: addr,
                size,
            });
            ops.push(Op::Copy {
                dst: addr,
                src: addr.wrapping_sub(3),
                size,
            });
            ops.push(Op::Copy {
                dst: addr.wrapping_sub(3),
                src: addr,
                size,
            });
            ops.push(Op::Copy {
                dst: addr,
                src: addr,
                size,
            });
        }
    }
    ops
}

#[test]
fn out_of_bounds_traps_before_writing() {
    let mut pair = Pair::new(1);
    for op in bounds_cases(PAGE) {
        pair.check(op);
    }
    // memory.size is read at run time: the bounds move with memory.grow.
    pair.grow(1);
    assert_eq!(pair.memory_len(), 2 * PAGE);
    for op in bounds_cases(2 * PAGE) {
        pair.check(op);
    }
    println!("{} cases", pair.cases);
}

#[test]
fn empty_memory() {
    let mut pair = Pair::new(0);
    assert_eq!(pair.memory_len(), 0);
    for (addr, size) in [
        (0, 0),
        (1, 0),
        (0, 1),
        (u32::MAX, 1),
        (u32::MAX, 0),
        (0, u32::MAX),
    ] {
        pair.check(Op::Copy {
            dst: addr,
            src: 0,
            size,
        });
        pair.check(Op::Copy {
            dst: 0,
            src: addr,
            size,
        });
        pair.check(Op::Fill {
            dst: addr,
            value: 1,
            size,
        });
    }
}

/// Random operations, mostly in bounds, sizes skewed small, addresses clustered so that many
/// ranges overlap.
#[test]
fn random_operations() {
    let mut pair = Pair::new(1);
    pair.grow(1);
    let len = pair.memory_len();
    let mut state = 0x00c0_ffee_u64;
    let mut next = |bound: u32| {
        state = lcg(state);
        ((state >> 32) % u64::from(bound)) as u32
    };
    for _ in 0..3000 {
        let size = match next(4) {
            0 => next(9),
            1 => next(41),
            2 => next(600),
            _ => next(len + 64),
        };
        let near = |next: &mut dyn FnMut(u32) -> u32, base: u32| match next(3) {
            0 => base.saturating_add(next(40)).saturating_sub(20),
            1 => next(len + 16),
            _ => len
                .saturating_sub(size)
                .saturating_add(next(12))
                .saturating_sub(6),
        };
        let dst = near(&mut next, 2000);
        let op = if next(4) == 0 {
            Op::Fill {
                dst,
                value: next(u32::MAX) as i32,
                size,
            }
        } else {
            let src = if next(2) == 0 {
                dst.wrapping_add(next(40)).wrapping_sub(20)
            } else {
                near(&mut next, 2000)
            };
            Op::Copy { dst, src, size }
        };
        pair.check(op);
    }
    println!("{} cases", pair.cases);
}

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

#[test]
fn other_bulk_memory_instructions_are_rejected() {
    let cases: [(&str, Vec<Instruction<'static>>); 6] = [
        (
            "MemoryInit",
            vec![
                Instruction::I32Const(0),
                Instruction::I32Const(0),
                Instruction::I32Const(0),
                Instruction::MemoryInit {
                    mem: 0,
                    data_index: 0,
                },
            ],
        ),
        ("DataDrop", vec![Instruction::DataDrop(0)]),
        (
            "TableCopy",
            vec![
                Instruction::I32Const(0),
                Instruction::I32Const(0),
                Instruction::I32Const(0),
                Instruction::TableCopy {
                    src_table: 0,
                    dst_table: 0,
                },
            ],
        ),
        (
            "TableInit",
            vec![
                Instruction::I32Const(0),
                Instruction::I32Const(0),
                Instruction::I32Const(0),
                Instruction::TableInit {
                    elem_index: 0,
                    table: 0,
                },
            ],
        ),
        ("ElemDrop", vec![Instruction::ElemDrop(0)]),
        (
            "TableFill",
            vec![
                Instruction::I32Const(0),
                Instruction::RefNull(wasm_encoder::HeapType::FUNC),
                Instruction::I32Const(0),
                Instruction::TableFill(0),
            ],
        ),
    ];
    for (name, body) in cases {
        let wasm = module_with_body(1, &body);
        let err = wasm_lower::lower(&wasm).unwrap_err().to_string();
        assert!(err.contains(name), "{name}: {err}");
    }
    let err = wasm_lower::lower(&module_with_body(2, &[]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("2 memories"), "{err}");
    assert!(wasm_lower::lower(b"\0asm\x01\0\0\0\x01").is_err());
}

/// A module with `memories` memories, a table, a passive data and element segment and one
/// function `() -> ()` with `body`.
fn module_with_body(memories: u32, body: &[Instruction<'static>]) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([], []);
    let mut functions = FunctionSection::new();
    functions.function(0);
    let mut tables = TableSection::new();
    tables.table(TableType {
        element_type: RefType::FUNCREF,
        table64: false,
        minimum: 1,
        maximum: None,
        shared: false,
    });
    let mut memory_section = MemorySection::new();
    for _ in 0..memories {
        memory_section.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
    }
    let mut elements = ElementSection::new();
    elements.passive(Elements::Functions([0].as_slice().into()));
    let mut code = CodeSection::new();
    let mut f = Function::new([]);
    for instruction in body {
        f.instruction(instruction);
    }
    f.instructions().end();
    code.function(&f);
    let mut data = DataSection::new();
    data.passive(b"x".iter().copied());
    let mut module = Module::new();
    module
        .section(&types)
        .section(&functions)
        .section(&tables)
        .section(&memory_section)
        .section(&elements)
        .section(&wasm_encoder::DataCountSection { count: 1 })
        .section(&code)
        .section(&data);
    module.finish()
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
