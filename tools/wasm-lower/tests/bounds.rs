//! Traps: ranges at and past the end of memory (before and after `memory.grow`) and an empty
//! memory, where a trap must leave memory untouched, as the spec requires.

mod common;

use common::{sizes, Op, Pair};

const PAGE: u32 = 65536;

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
