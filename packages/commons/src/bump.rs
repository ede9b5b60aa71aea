//! The contracts' heap in wasm: a bump allocator.
//!
//! A contract call lives for one message: its instance's memory is thrown away when the call
//! ends, so memory it frees early would never be reused by another call. A general allocator
//! (Rust's default for wasm, dlmalloc) keeps free lists for that reuse, at some 5 KB of wasm in
//! every contract and a few hundred instructions per allocation; in the VM each of those costs
//! gas. Here an allocation moves a pointer forward, the last allocation can grow or shrink in
//! place (a `Vec` being filled), and freeing the last allocation gives its room back; other
//! frees are no-ops. What a call can allocate in all is bounded by the VM's memory limit, as
//! it is with any allocator; the largest message a chain accepts stays far below it.
//!
//! Installed by each contract as its global allocator on wasm only (`install_bump_allocator!`);
//! tests on the host keep the system allocator.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::Cell;
use core::ptr::null_mut;

const PAGE: usize = 65_536;

/// The heap: `[start, end)` is the memory this allocator grew, `[next, end)` is free, and
/// `live` counts the allocations not yet freed.
pub struct Bump {
    start: Cell<usize>,
    next: Cell<usize>,
    end: Cell<usize>,
    live: Cell<usize>,
}

// A contract runs on one thread: the cells are never shared across threads.
unsafe impl Sync for Bump {}

impl Bump {
    pub const fn new() -> Self {
        Bump {
            start: Cell::new(0),
            next: Cell::new(0),
            end: Cell::new(0),
            live: Cell::new(0),
        }
    }

    /// Makes `[next, end)` hold at least `size` bytes from `start` (aligned), growing memory;
    /// false if memory cannot grow so far.
    #[inline(never)]
    fn grow(&self, size: usize, align: usize) -> bool {
        // memory grown since the last allocation (by anything else) is not ours: start over
        // at the current end of memory
        let memory_end = memory_end();
        if memory_end != self.end.get() {
            self.start.set(memory_end);
            self.next.set(memory_end);
            self.end.set(memory_end);
        }
        let start = align_up(self.next.get(), align);
        let Some(needed) = start.checked_add(size) else {
            return false;
        };
        let missing = needed.saturating_sub(self.end.get());
        let new_pages = missing.div_ceil(PAGE);
        if new_pages > 0 && !grow_pages(new_pages) {
            return false;
        }
        self.end.set(self.end.get() + new_pages * PAGE);
        true
    }
}

impl Default for Bump {
    fn default() -> Self {
        Self::new()
    }
}

fn align_up(at: usize, align: usize) -> usize {
    (at + align - 1) & !(align - 1)
}

/// The end of linear memory (an address).
#[cfg(target_arch = "wasm32")]
fn memory_end() -> usize {
    core::arch::wasm32::memory_size(0) * PAGE
}

/// Grows linear memory by `pages`; false if it cannot.
#[cfg(target_arch = "wasm32")]
fn grow_pages(pages: usize) -> bool {
    core::arch::wasm32::memory_grow(0, pages) != usize::MAX
}

// On the host (this module's tests) an arena of a few pages stands in for linear memory.
#[cfg(not(target_arch = "wasm32"))]
fn memory_end() -> usize {
    host::ARENA.with(|(base, pages)| *base + pages.get() * PAGE)
}

#[cfg(not(target_arch = "wasm32"))]
fn grow_pages(more: usize) -> bool {
    host::ARENA.with(|(_, pages)| {
        let grown = pages.get() + more <= host::LIMIT;
        if grown {
            pages.set(pages.get() + more);
        }
        grown
    })
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use core::cell::Cell;
    pub const LIMIT: usize = 4;
    std::thread_local!(pub static ARENA: (usize, Cell<usize>) = {
        let arena: &'static mut [u128] = Box::leak(vec![0u128; LIMIT * super::PAGE / 16].into());
        (arena.as_mut_ptr() as usize, Cell::new(1))
    });
}

unsafe impl GlobalAlloc for Bump {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let mut start = align_up(self.next.get(), layout.align());
        if start > self.end.get() || self.end.get() - start < layout.size() {
            if !self.grow(layout.size(), layout.align()) {
                return null_mut();
            }
            start = align_up(self.next.get(), layout.align());
        }
        self.next.set(start + layout.size());
        self.live.set(self.live.get() + 1);
        start as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let live = self.live.get() - 1;
        self.live.set(live);
        if live == 0 {
            // nothing is allocated any more: all the room is free again (where an instance
            // serves several calls, as some test harnesses and simulators do, each call starts
            // from an empty heap, as it does on a chain)
            self.next.set(self.start.get());
        } else if ptr as usize + layout.size() == self.next.get() {
            // only the last allocation can give its room back
            self.next.set(ptr as usize);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let at = ptr as usize;
        // the last allocation grows or shrinks where it is
        if at + layout.size() == self.next.get() {
            if new_size <= layout.size() || self.end.get() - at >= new_size {
                self.next.set(at + new_size);
                return ptr;
            }
            // memory that grows right after ours keeps the block where it is
            if self.end.get() == memory_end() {
                let missing = new_size - (self.end.get() - at);
                let new_pages = missing.div_ceil(PAGE);
                if grow_pages(new_pages) {
                    self.end.set(self.end.get() + new_pages * PAGE);
                    self.next.set(at + new_size);
                    return ptr;
                }
                return null_mut();
            }
        }
        if new_size <= layout.size() {
            return ptr;
        }
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        let new = self.alloc(new_layout);
        if !new.is_null() {
            core::ptr::copy_nonoverlapping(ptr, new, layout.size());
            self.dealloc(ptr, layout);
        }
        new
    }
}

/// Installs `Bump` as the global allocator of a contract's wasm (call once, in the contract
/// crate's root).
#[macro_export]
macro_rules! install_bump_allocator {
    () => {
        #[cfg(all(target_arch = "wasm32", not(feature = "library")))]
        #[global_allocator]
        static ALLOCATOR: $crate::bump::Bump = $crate::bump::Bump::new();
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn allocations_are_aligned_disjoint_and_grow_memory() {
        let heap = Bump::new();
        unsafe {
            let a = heap.alloc(layout(3, 1)) as usize;
            let b = heap.alloc(layout(8, 8)) as usize;
            assert_eq!(b % 8, 0);
            assert!(b >= a + 3);
            // more than the rest of the page: memory grows
            let c = heap.alloc(layout(PAGE, 16)) as usize;
            assert_eq!(c % 16, 0);
            assert!(c >= b + 8);
            assert!(heap.end.get() >= c + PAGE);
            // beyond the limit: null, nothing changes
            let next = heap.next.get();
            assert!(heap.alloc(layout(10 * PAGE, 1)).is_null());
            assert_eq!(heap.next.get(), next);
        }
    }

    #[test]
    fn the_heap_is_empty_again_once_everything_is_freed() {
        let heap = Bump::new();
        unsafe {
            let a = heap.alloc(layout(10, 1));
            let b = heap.alloc(layout(10, 1));
            let start = heap.start.get();
            heap.dealloc(a, layout(10, 1));
            assert_eq!(heap.next.get(), b as usize + 10);
            heap.dealloc(b, layout(10, 1));
            assert_eq!(heap.next.get(), start);
            // a call after another one gets the same room
            assert_eq!(heap.alloc(layout(10, 1)), a);
        }
    }

    #[test]
    fn the_last_allocation_grows_shrinks_and_frees_in_place() {
        let heap = Bump::new();
        unsafe {
            let a = heap.alloc(layout(16, 8));
            a.write_bytes(7, 16);
            let grown = heap.realloc(a, layout(16, 8), 100);
            assert_eq!(grown, a);
            assert_eq!(heap.next.get(), a as usize + 100);
            let b = heap.alloc(layout(4, 4));
            // no longer the last: moved, contents kept
            let moved = heap.realloc(a, layout(100, 8), 200);
            assert_ne!(moved, a);
            assert!(moved as usize >= b as usize + 4);
            assert_eq!(core::slice::from_raw_parts(moved, 16), &[7u8; 16]);
            heap.dealloc(moved, layout(200, 8));
            assert_eq!(heap.next.get(), moved as usize);
            // freeing one that is not the last changes nothing
            let c = heap.alloc(layout(8, 8));
            heap.dealloc(b, layout(4, 4));
            assert_eq!(heap.next.get(), c as usize + 8);
            // a shrink of one that is not the last keeps it where it is
            assert_eq!(heap.realloc(b, layout(4, 4), 2), b);
        }
    }
}
