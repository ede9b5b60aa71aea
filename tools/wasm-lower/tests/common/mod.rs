//! Shared by the test files: a contract-shaped module using `memory.copy` / `memory.fill`,
//! executed before and after lowering (in wasmer's singlepass engine, as cosmwasm-vm does) and
//! compared with a model of the spec.

// Each test file compiles its own copy of this module and uses only part of it.
#![allow(dead_code)]

use wasm_encoder::{
    CodeSection, ConstExpr, DataSection, ElementSection, Elements, EntityType, ExportKind,
    ExportSection, Function, FunctionSection, ImportSection, Instruction, MemorySection,
    MemoryType, Module, RefType, TableSection, TableType, TypeSection, ValType,
};
use wasmer::{imports, Function as HostFunction, Instance, Memory, Store, TypedFunction};

/// Which bulk-memory instructions the test module uses.
#[derive(Clone, Copy)]
pub struct Uses {
    pub copy: bool,
    pub fill: bool,
}

/// A module shaped like a contract's: an imported function (so defined function indices start
/// after it), a table for `call_indirect`, a data segment, and exported wrappers
/// `copy(dst, src, size)` / `fill(dst, value, size)` around `memory.copy` / `memory.fill`,
/// plus `grow(pages)` and `probe() -> i32` (which calls through `call` and `call_indirect`).
pub fn test_module(min_pages: u64, uses: Uses) -> Vec<u8> {
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
pub struct Running {
    memory: Memory,
    copy: TypedFunction<(i32, i32, i32), ()>,
    fill: TypedFunction<(i32, i32, i32), ()>,
    grow: TypedFunction<i32, ()>,
    pub probe: TypedFunction<(), i32>,
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

    pub fn read(&self, store: &Store) -> Vec<u8> {
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
pub enum Op {
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
pub struct Pair {
    pub store: Store,
    pub original: Running,
    pub lowered: Running,
    /// Scratch: the memory before the operation.
    before: Vec<u8>,
    seed: u64,
    pub cases: usize,
}

impl Pair {
    pub fn new(min_pages: u64) -> Self {
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

    pub fn memory_len(&self) -> u32 {
        self.original.memory.view(&self.store).data_size() as u32
    }

    pub fn grow(&mut self, pages: i32) {
        self.original.grow.call(&mut self.store, pages).unwrap();
        self.lowered.grow.call(&mut self.store, pages).unwrap();
        assert_eq!(
            self.original.read(&self.store),
            self.lowered.read(&self.store)
        );
    }

    /// Runs `op` in both modules from the same pseudo-random memory contents; asserts that both
    /// match the model (trap or not, and every byte of memory).
    pub fn check(&mut self, op: Op) {
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

pub fn lcg(state: u64) -> u64 {
    state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407)
}

/// Sizes 0..=40 and a few large ones.
pub fn sizes() -> impl Iterator<Item = u32> {
    (0..=40).chain([63, 64, 65, 127, 255, 256, 257, 1000, 4099])
}
