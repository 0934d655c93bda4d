//! In-place calls: a static call whose callee's frame starts at the caller's argument
//! region (`CallInPlace`), as a native calling convention's outgoing-argument area is the
//! callee's incoming one. The parameters are already where the callee reads them and the
//! callee writes its results where the caller reads them, so neither is copied: `fib`'s
//! two calls save the copy in and the copy out of every call.
//!
//! The callee's frame then overlaps the caller's frame from `base` up. That is correct
//! when nothing the caller may still read lies there: the compiler's last pass (`run`,
//! after the passes that rename registers) turns `Call { func, base }` at pc `p` into
//! `CallInPlace { func, base }` only when
//! - a frame slot starts at `base` (the call's own argument region: its parameters, which
//!   the callee owns from now on, and its results, which the return leaves there), and
//! - every other slot above `base` is a statement temporary none of whose ranges
//!   (`Function::temp_ranges`) contains `p`: handed out after the call or released before
//!   it, so no value flows through it across the call (a temporary is never referred to,
//!   not even through its address, outside its ranges), and
//! - neither the closure context nor the defer list lies above `base`, and
//! - the function has stack maps (`liveness::has_maps`): a collection scans a frame only
//!   through its live words, and the words above `base` are dead across the call.
//!
//! `CallInPlace.generic()` is `Call`: for effects, liveness and verification the two are
//! the same instruction; the words the callee overwrites are dead in the caller.
//!
//! What the runtime keeps (gosub-vm): the caller's frame words at or above the next
//! frame's start belong to that frame while it runs, so a collection and a stack move
//! visit each frame's pointer words only below the next frame's `fp` (`gc::frame_roots`,
//! `stack::relocate_frames`), and a live word up there is a fatal error, never a scan.

use crate::bytecode::{Function, Op};

/// Turns the static calls of `f` that may run in place into `CallInPlace` (see the module
/// header). Runs after every pass that renames registers or moves instructions; linear in
/// the calls, slots and temporaries' ranges (times a logarithm).
pub fn run(f: &mut Function) {
    if f.native.is_some() || !crate::liveness::has_maps(f) {
        return;
    }
    let calls: Vec<usize> = (0..f.code.len())
        .filter(|&pc| matches!(f.code[pc], Op::Call { .. }))
        .collect();
    if calls.is_empty() {
        return;
    }
    let mut temps: Vec<u32> = f.temp_ranges.iter().map(|&(r, _, _)| r).collect();
    temps.sort_unstable();
    temps.dedup();
    // The highest slot that is no temporary (a variable, a hoisted constant): in use
    // everywhere.
    let fixed = f
        .slots
        .iter()
        .map(|&(off, _)| off)
        .filter(|off| temps.binary_search(off).is_err())
        .max();
    let fixed = [fixed, f.ctx_off, f.defer_off].into_iter().flatten().max();
    // Sweep the calls in pc order with the ranges that contain each: the highest slot
    // in use at the call must be the call's own region.
    let mut ranges: Vec<(u32, u32, u32)> = f.temp_ranges.clone();
    ranges.sort_unstable_by_key(|&(_, a, _)| a);
    let mut next = 0;
    let mut open: std::collections::BinaryHeap<(u32, u32)> = Default::default();
    for pc in calls {
        let Op::Call { func, base } = f.code[pc] else {
            continue;
        };
        let p = pc as u32;
        while next < ranges.len() && ranges[next].1 <= p {
            let (off, _, b) = ranges[next];
            open.push((off, b));
            next += 1;
        }
        while open.peek().is_some_and(|&(_, b)| b <= p) {
            open.pop();
        }
        // `open`'s top may still hold a range that ended before `p` under a higher one
        // that did not; only the top matters, and it is current.
        let highest_temp = open.peek().map(|&(off, _)| off);
        let own = f.slots.binary_search_by_key(&base, |&(off, _)| off).is_ok();
        let clear = [fixed, highest_temp]
            .into_iter()
            .flatten()
            .all(|off| off < base || (off == base && temps.binary_search(&off).is_ok()));
        if own && clear {
            f.code[pc] = Op::CallInPlace { func, base };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn func(code: Vec<Op>, slots: Vec<(u32, u32)>, temps: Vec<(u32, u32, u32)>) -> Function {
        Function {
            name: "t".into(),
            pos: vec![0; code.len()],
            code,
            frame_size: 64,
            params_size: 8,
            results_off: 8,
            results_size: 8,
            slots,
            temp_ranges: temps,
            ..Default::default()
        }
    }

    fn calls(f: &Function) -> Vec<bool> {
        f.code
            .iter()
            .filter_map(|op| match op {
                Op::Call { .. } => Some(false),
                Op::CallInPlace { .. } => Some(true),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn fib_shaped_calls_run_in_place() {
        // n, result, then two argument regions each handed out just before its call.
        let mut f = func(
            vec![
                Op::Call { func: 0, base: 24 },
                Op::Call { func: 0, base: 48 },
                Op::Ret,
            ],
            vec![(0, 8), (8, 8), (24, 16), (48, 16)],
            vec![(24, 0, 3), (48, 1, 3)],
        );
        run(&mut f);
        assert_eq!(calls(&f), vec![true, true]);
    }

    #[test]
    fn a_value_held_above_the_region_keeps_the_call_ordinary() {
        // The temporary at 48 is in use across the call at pc 0 (range 0..3).
        let mut f = func(
            vec![Op::Call { func: 0, base: 24 }, Op::Ret],
            vec![(0, 8), (8, 8), (24, 16), (48, 8)],
            vec![(24, 0, 2), (48, 0, 3)],
        );
        run(&mut f);
        assert_eq!(calls(&f), vec![false]);
        // A variable (a slot that is no temporary) above the region: likewise.
        let mut f = func(
            vec![Op::Call { func: 0, base: 24 }, Op::Ret],
            vec![(0, 8), (8, 8), (24, 16), (48, 8)],
            vec![(24, 0, 2)],
        );
        run(&mut f);
        assert_eq!(calls(&f), vec![false]);
    }

    #[test]
    fn the_closure_context_or_defer_list_above_the_region_keeps_it_ordinary() {
        let code = vec![Op::Call { func: 0, base: 24 }, Op::Ret];
        let slots = vec![(0, 8), (8, 8), (24, 16)];
        let mut f = func(code.clone(), slots.clone(), vec![(24, 0, 2)]);
        f.defer_off = Some(40);
        run(&mut f);
        assert_eq!(calls(&f), vec![false]);
        let mut f = func(code, slots, vec![(24, 0, 2)]);
        f.ctx_off = Some(16);
        run(&mut f);
        assert_eq!(calls(&f), vec![true]);
    }

    #[test]
    fn a_region_that_is_no_slot_keeps_it_ordinary() {
        let mut f = func(
            vec![Op::Call { func: 0, base: 32 }, Op::Ret],
            vec![(0, 8), (8, 8), (24, 16)],
            vec![(24, 0, 2)],
        );
        run(&mut f);
        assert_eq!(calls(&f), vec![false]);
    }
}
