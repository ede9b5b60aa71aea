//! `memory.copy` in bounds: every alignment of source and destination, disjoint and overlapping
//! in both directions, each compared byte for byte with the spec's model.

mod common;

use common::{sizes, Op, Pair};

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
