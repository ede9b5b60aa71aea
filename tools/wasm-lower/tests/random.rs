//! Random mixes of `memory.copy` and `memory.fill`, to reach combinations the systematic tests
//! do not enumerate.

mod common;

use common::{lcg, Op, Pair};

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
