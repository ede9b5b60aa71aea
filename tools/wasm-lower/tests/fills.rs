//! `memory.fill` in bounds: every alignment and values whose upper bytes must be ignored.

mod common;

use common::{sizes, Op, Pair};

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
