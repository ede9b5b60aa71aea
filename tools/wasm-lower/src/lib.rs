//! Lowers the bulk-memory instructions `memory.copy` and `memory.fill` of a core wasm module to
//! calls of two generated functions that copy / fill eight bytes per loop iteration.
//!
//! Chains reject bulk-memory instructions, and binaryen's `--llvm-memory-copy-fill-lowering`
//! replaces them with byte-per-iteration loops, which dominate a contract's gas under
//! cosmwasm-vm's per-instruction metering. The generated functions have the wasm spec's
//! semantics exactly:
//!
//! * trap (`unreachable`) before writing anything when `dst + size` (or `src + size`) exceeds
//!   `memory.size * 65536`, computed without 32-bit wraparound;
//! * `memory.copy` is correct for overlapping ranges (`memmove`);
//! * `memory.fill` writes the low byte of its value;
//! * a size of 0 does nothing (after the bounds check).
//!
//! Existing type and function indices do not move: the new function type is appended at the end
//! of the type section, the new functions at the end of the function and code sections (after
//! every imported and defined function). Everything else is re-encoded unchanged.

use std::fmt;

use wasm_encoder::reencode::{self, Reencode};
use wasm_encoder::{
    BlockType, CodeSection, Function, FunctionSection, MemArg, TypeSection, ValType,
};
use wasmparser::{Operator, Parser, Payload, Validator};

/// An error: the input is not a module this tool can lower, or it failed to parse or validate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<wasmparser::BinaryReaderError> for Error {
    fn from(err: wasmparser::BinaryReaderError) -> Self {
        Error(format!("invalid input module: {err}"))
    }
}

impl From<reencode::Error> for Error {
    fn from(err: reencode::Error) -> Self {
        Error(format!("re-encoding failed: {err}"))
    }
}

/// The result of [`lower`].
#[derive(Debug, Clone)]
pub struct Lowered {
    /// The rewritten module.
    pub wasm: Vec<u8>,
    /// How many `memory.copy` instructions were replaced.
    pub copies: usize,
    /// How many `memory.fill` instructions were replaced.
    pub fills: usize,
}

/// Rewrites every `memory.copy 0 0` to a call of a generated copy function and every
/// `memory.fill 0` to a call of a generated fill function. Fails if the module has any other
/// bulk-memory instruction or more than one memory. Input and output are validated.
pub fn lower(wasm: &[u8]) -> Result<Lowered, Error> {
    let scan = scan(wasm)?;

    // Both functions have the type [i32 i32 i32] -> [], appended once after the existing types.
    let mut next_func = scan.functions;
    let mut take_index = |used: bool| {
        used.then(|| {
            next_func += 1;
            next_func - 1
        })
    };
    let copy_func = take_index(scan.copies > 0);
    let fill_func = take_index(scan.fills > 0);
    if copy_func.is_none() && fill_func.is_none() {
        // Nothing to lower: keep the input as it is.
        return Ok(Lowered {
            wasm: wasm.to_vec(),
            copies: 0,
            fills: 0,
        });
    }

    let mut lowering = Lowering {
        new_type: scan.types,
        copy_func,
        fill_func,
        copies: 0,
        fills: 0,
    };
    let mut module = wasm_encoder::Module::new();
    lowering.parse_core_module(&mut module, Parser::new(0), wasm)?;
    let out = module.finish();

    Validator::new()
        .validate_all(&out)
        .map_err(|err| Error(format!("lowered module does not validate: {err}")))?;
    if (lowering.copies, lowering.fills) != (scan.copies, scan.fills) {
        return Err(Error(
            "replaced a different number of instructions than found".into(),
        ));
    }
    Ok(Lowered {
        wasm: out,
        copies: lowering.copies,
        fills: lowering.fills,
    })
}

/// What [`lower`] needs to know about the input before rewriting it.
struct Scan {
    /// Number of types (the index of the appended type).
    types: u32,
    /// Number of functions, imported and defined (the index of the first appended function).
    functions: u32,
    copies: usize,
    fills: usize,
}

fn scan(wasm: &[u8]) -> Result<Scan, Error> {
    let types = Validator::new().validate_all(wasm)?;
    let types = types.as_ref();
    let memories = types.memory_count();
    if memories > 1 {
        return Err(Error(format!(
            "the module has {memories} memories; only a single memory is supported"
        )));
    }
    if memories == 1 && types.memory_at(0).memory64 {
        return Err(Error(
            "the module's memory is a 64-bit memory; only 32-bit is supported".into(),
        ));
    }

    let mut scan = Scan {
        types: types.core_type_count_in_module(),
        functions: types.function_count(),
        copies: 0,
        fills: 0,
    };
    for payload in Parser::new(0).parse_all(wasm) {
        if let Payload::CodeSectionEntry(body) = payload? {
            let mut reader = body.get_operators_reader()?;
            while !reader.eof() {
                match reader.read()? {
                    Operator::MemoryCopy { .. } => scan.copies += 1,
                    Operator::MemoryFill { .. } => scan.fills += 1,
                    op @ (Operator::MemoryInit { .. }
                    | Operator::DataDrop { .. }
                    | Operator::TableCopy { .. }
                    | Operator::TableInit { .. }
                    | Operator::ElemDrop { .. }
                    | Operator::TableFill { .. }) => {
                        return Err(Error(format!(
                            "unsupported bulk-memory instruction {op:?} at offset {:#x}",
                            reader.original_position()
                        )));
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(scan)
}

/// The re-encoder: replaces the two instructions and appends the type and the functions.
struct Lowering {
    new_type: u32,
    copy_func: Option<u32>,
    fill_func: Option<u32>,
    copies: usize,
    fills: usize,
}

// A module using memory.copy or memory.fill always has type, function and code sections, so the
// overrides below always run.
impl Reencode for Lowering {
    type Error = std::convert::Infallible;

    fn instruction<'a>(
        &mut self,
        op: Operator<'a>,
    ) -> Result<wasm_encoder::Instruction<'a>, reencode::Error<Self::Error>> {
        // The scan guarantees a single memory, so the memory indices are 0.
        Ok(match (op, self.copy_func, self.fill_func) {
            (Operator::MemoryCopy { .. }, Some(func), _) => {
                self.copies += 1;
                wasm_encoder::Instruction::Call(func)
            }
            (Operator::MemoryFill { .. }, _, Some(func)) => {
                self.fills += 1;
                wasm_encoder::Instruction::Call(func)
            }
            (op, _, _) => reencode::utils::instruction(self, op)?,
        })
    }

    fn parse_type_section(
        &mut self,
        types: &mut TypeSection,
        section: wasmparser::TypeSectionReader<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        reencode::utils::parse_type_section(self, types, section)?;
        types.ty().function([ValType::I32; 3], []);
        Ok(())
    }

    fn parse_function_section(
        &mut self,
        functions: &mut FunctionSection,
        section: wasmparser::FunctionSectionReader<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        reencode::utils::parse_function_section(self, functions, section)?;
        for _ in self.copy_func.iter().chain(&self.fill_func) {
            functions.function(self.new_type);
        }
        Ok(())
    }

    fn parse_code_section(
        &mut self,
        code: &mut CodeSection,
        section: wasmparser::CodeSectionReader<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        reencode::utils::parse_code_section(self, code, section)?;
        if self.copy_func.is_some() {
            code.function(&memory_copy_function());
        }
        if self.fill_func.is_some() {
            code.function(&memory_fill_function());
        }
        Ok(())
    }
}

/// Unaligned access: wasm allows any address; the alignment is only a hint.
const fn unaligned(offset: u64) -> MemArg {
    MemArg {
        offset,
        align: 0,
        memory_index: 0,
    }
}

/// Appends the bounds check shared by both functions: traps unless `addr + size` (as 64-bit
/// values, so without wraparound) is at most the memory size in bytes.
fn trap_if_out_of_bounds(f: &mut Function, addr_on_stack: impl FnOnce(&mut Function), size: u32) {
    addr_on_stack(f);
    f.instructions()
        .i64_extend_i32_u()
        .local_get(size)
        .i64_extend_i32_u()
        .i64_add()
        .memory_size(0)
        .i64_extend_i32_u()
        .i64_const(16)
        .i64_shl()
        .i64_gt_u()
        .if_(BlockType::Empty)
        .unreachable()
        .end();
}

/// `(func (param $dst i32) (param $src i32) (param $size i32))` with `memory.copy` semantics.
///
/// * `size >= 8`, `dst <= src`: saves the last source word, copies whole words forward from the
///   start (each load reads source bytes no earlier store has written, as `dst <= src`), then
///   stores the saved word at `dst + size - 8`, which covers the `size % 8` tail.
/// * `size >= 8`, `dst > src`: the mirror image: saves the first source word, copies whole words
///   backward from the end, then stores the saved word at `dst`.
/// * `4 <= size < 8`: loads the first and the last four bytes, then stores both.
/// * `1 <= size < 4`: loads the bytes at 0, `size / 2` and `size - 1`, then stores all three.
///
/// Every value is loaded before any store that could overwrite its source bytes, so overlapping
/// ranges are copied as `memmove` does. A word-loop iteration is 12 instructions and a `br_if`.
#[rustfmt::skip] // one line per step of the wasm code
pub fn memory_copy_function() -> Function {
    const DST: u32 = 0;
    const SRC: u32 = 1;
    const SIZE: u32 = 2;
    const DELTA: u32 = 3; // src - dst (wrapping), so a source address is dst + DELTA
    const END: u32 = 4; // where the word loop's moving dst pointer stops
    let mut f = Function::new([(2, ValType::I32)]);

    // Bounds: max(dst, src) + size <= memory size in bytes.
    trap_if_out_of_bounds(&mut f, |f| {
        f.instructions().local_get(DST).local_get(SRC).local_get(DST).local_get(SRC).i32_gt_u().select();
    }, SIZE);

    let word = unaligned(0);
    let mut i = f.instructions();
    i.local_get(SIZE).i32_const(8).i32_ge_u().if_(BlockType::Empty);
    {
        i.local_get(SRC).local_get(DST).i32_sub().local_set(DELTA);
        i.local_get(DST).local_get(SRC).i32_le_u().if_(BlockType::Empty);
        {
            // Forward. On the stack for the final store: dst + size - 8 and the last source word.
            i.local_get(DST).local_get(SIZE).i32_add().i32_const(8).i32_sub();
            i.local_get(SRC).local_get(SIZE).i32_add().i32_const(8).i32_sub().i64_load(word);
            // END = dst + (size & ~7); `ne` stays correct if it wraps to 0 at a 4 GiB memory's end.
            i.local_get(DST).local_get(SIZE).i32_const(-8).i32_and().i32_add().local_set(END);
            i.loop_(BlockType::Empty);
            {
                i.local_get(DST).local_get(DST).local_get(DELTA).i32_add().i64_load(word).i64_store(word);
                i.local_get(DST).i32_const(8).i32_add().local_tee(DST);
                i.local_get(END).i32_ne().br_if(0);
            }
            i.end();
            i.i64_store(word).return_();
        }
        i.end();
        // Backward. On the stack for the final store: dst and the first source word.
        i.local_get(DST).local_get(SRC).i64_load(word);
        // END = dst + size % 8; the moving pointer starts at dst + size.
        i.local_get(DST).local_get(SIZE).i32_const(7).i32_and().i32_add().local_set(END);
        i.local_get(DST).local_get(SIZE).i32_add().local_set(DST);
        i.loop_(BlockType::Empty);
        {
            i.local_get(DST).i32_const(8).i32_sub().local_tee(DST);
            i.local_get(DST).local_get(DELTA).i32_add().i64_load(word).i64_store(word);
            i.local_get(DST).local_get(END).i32_ne().br_if(0);
        }
        i.end();
        i.i64_store(word).return_();
    }
    i.end();

    i.local_get(SIZE).i32_const(4).i32_ge_u().if_(BlockType::Empty);
    {
        // Last four bytes (address, value), then the first four, then both stores.
        i.local_get(DST).local_get(SIZE).i32_add().i32_const(4).i32_sub();
        i.local_get(SRC).local_get(SIZE).i32_add().i32_const(4).i32_sub().i32_load(word);
        i.local_get(DST).local_get(SRC).i32_load(word);
        i.i32_store(word).i32_store(word).return_();
    }
    i.end();

    i.local_get(SIZE).if_(BlockType::Empty);
    {
        // Bytes size - 1, size / 2 and 0 (for sizes 1 to 3 these cover every byte).
        i.local_get(DST).local_get(SIZE).i32_add().i32_const(1).i32_sub();
        i.local_get(SRC).local_get(SIZE).i32_add().i32_const(1).i32_sub().i32_load8_u(word);
        i.local_get(DST).local_get(SIZE).i32_const(1).i32_shr_u().local_tee(END).i32_add();
        i.local_get(SRC).local_get(END).i32_add().i32_load8_u(word);
        i.local_get(DST).local_get(SRC).i32_load8_u(word);
        i.i32_store8(word).i32_store8(word).i32_store8(word);
    }
    i.end();
    i.end();
    f
}

/// `(func (param $dst i32) (param $value i32) (param $size i32))` with `memory.fill` semantics.
///
/// Stores the pattern `(value & 0xff) * 0x0101010101010101`: for `size >= 8` first at
/// `dst + size - 8` (the `size % 8` tail), then as whole words forward from `dst`; for
/// `4 <= size < 8` its low four bytes at `dst` and `dst + size - 4`; for `1 <= size < 4` its low
/// byte at `dst`, `dst + size / 2` and `dst + size - 1`. A word-loop iteration is 9 instructions
/// and a `br_if`.
#[rustfmt::skip] // one line per step of the wasm code
pub fn memory_fill_function() -> Function {
    const DST: u32 = 0;
    const VALUE: u32 = 1;
    const SIZE: u32 = 2;
    const PATTERN: u32 = 3; // i64
    const END: u32 = 4; // i32
    let mut f = Function::new([(1, ValType::I64), (1, ValType::I32)]);

    trap_if_out_of_bounds(&mut f, |f| {
        f.instructions().local_get(DST);
    }, SIZE);

    let word = unaligned(0);
    let mut i = f.instructions();
    i.local_get(VALUE).i32_const(0xff).i32_and().i64_extend_i32_u();
    i.i64_const(0x0101_0101_0101_0101).i64_mul().local_set(PATTERN);

    i.local_get(SIZE).i32_const(8).i32_ge_u().if_(BlockType::Empty);
    {
        i.local_get(DST).local_get(SIZE).i32_add().i32_const(8).i32_sub();
        i.local_get(PATTERN).i64_store(word);
        // END = dst + (size & ~7); `ne` stays correct if it wraps to 0 at a 4 GiB memory's end.
        i.local_get(DST).local_get(SIZE).i32_const(-8).i32_and().i32_add().local_set(END);
        i.loop_(BlockType::Empty);
        {
            i.local_get(DST).local_get(PATTERN).i64_store(word);
            i.local_get(DST).i32_const(8).i32_add().local_tee(DST);
            i.local_get(END).i32_ne().br_if(0);
        }
        i.end();
        i.return_();
    }
    i.end();

    i.local_get(SIZE).i32_const(4).i32_ge_u().if_(BlockType::Empty);
    {
        i.local_get(DST).local_get(PATTERN).i64_store32(word);
        i.local_get(DST).local_get(SIZE).i32_add().i32_const(4).i32_sub();
        i.local_get(PATTERN).i64_store32(word).return_();
    }
    i.end();

    i.local_get(SIZE).if_(BlockType::Empty);
    {
        i.local_get(DST).local_get(PATTERN).i64_store8(word);
        i.local_get(DST).local_get(SIZE).i32_const(1).i32_shr_u().i32_add();
        i.local_get(PATTERN).i64_store8(word);
        i.local_get(DST).local_get(SIZE).i32_add().i32_const(1).i32_sub();
        i.local_get(PATTERN).i64_store8(word);
    }
    i.end();
    i.end();
    f
}
