//! Inputs the lowering refuses rather than mistranslate: other bulk-memory instructions, several
//! memories, malformed wasm.

use wasm_encoder::{
    CodeSection, DataSection, ElementSection, Elements, Function, FunctionSection, Instruction,
    MemorySection, MemoryType, Module, RefType, TableSection, TableType, TypeSection,
};

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
