//! Stack maps per instruction: which pointer words of a frame hold values the function may
//! still read, as gc's liveness analysis (`cmd/compile/internal/liveness`) computes them
//! at every safepoint. The collector scans only those words and clears the others, so an
//! object that only a dead variable or a spent temporary points to is freed as in Go.
//!
//! The analysis is the textbook backward data-flow over the bytecode, built on the
//! instruction table of `effects.rs` and nothing else:
//!   live_in(pc) = uses(pc) ∪ (live_out(pc) \ defs(pc)) ∪ always ∪ recover(pc)
//!   live_out(pc) = ∪ live_in(s) for each successor s
//! where `always` holds the closure-context and defer-list words and every slot whose
//! address is taken (it can be read through a pointer anywhere; an address-taken
//! temporary only inside the pcs it was handed out for, `Function::temp_ranges`, as gc
//! ends an autotmp's life with its statement), and `recover(pc)` is
//! live_in(epilogue) in a function with a defer list: a recovered panic resumes there from
//! any instruction, before that instruction's definitions happen.
//!
//! A caller suspended in a call is scanned by a third set, `during(pc)` = (live_out(pc) \
//! defs(pc)) ∪ always ∪ recover(pc) ∪ its address-taken temporaries: the arguments were
//! copied into the callee's frame, and the result words hold the previous call's results
//! until the return overwrites them, so neither keeps anything alive (a loop's
//! `f().Method()` would otherwise hold the last iteration's result through the whole next
//! call, as gc does not).
//!
//! Invariants:
//! - Sound: a word outside live_in(pc) is not read on any path from pc before it is
//!   written, so clearing it cannot change what the program does (checked under gcstress,
//!   which overwrites dead words with a poison value, `gosub_vm::gc`).
//! - A function too large for the bit matrix (`MAX_BITS`) gets no maps; its frame is then
//!   scanned whole, as the per-function stack map of earlier gosub did (documented in
//!   docs/memory.md).

use crate::bytecode::{Function, Op};
use crate::effects::{effects, successors, Extent, Operand};
use crate::program::Program;
use std::collections::HashMap;

/// The largest (instructions + 1) × pointer words matrix analysed (8 MiB of bits).
pub const MAX_BITS: usize = 1 << 26;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveMaps {
    /// The distinct live sets: frame word numbers (offset / 8), ascending.
    pub sets: Vec<Vec<u32>>,
    /// For each pc in `0..=code.len()`, the index in `sets` of the words live on entry to
    /// the instruction (the last entry, past the end, is the empty set).
    pub live_in: Vec<u32>,
    /// For each pc, the index in `sets` of the words live while the instruction runs a
    /// callee: live_out minus what the instruction defines (the results the return copies
    /// back), without the operands it has already read (the arguments, copied into the
    /// callee's frame). Equal to `live_in` for an instruction that calls nothing.
    pub during: Vec<u32>,
}

impl LiveMaps {
    /// The pointer words live on entry to `pc` (empty past the end).
    pub fn at(&self, pc: usize) -> &[u32] {
        match self.live_in.get(pc) {
            Some(&i) => &self.sets[i as usize],
            None => &[],
        }
    }

    /// The pointer words live while the call at `pc` runs (`during`): the stack map of a
    /// caller suspended there.
    pub fn during_call(&self, pc: usize) -> &[u32] {
        match self.during.get(pc) {
            Some(&i) => &self.sets[i as usize],
            None => &[],
        }
    }
}

/// A set of pointer-word indices (into `Function::ptr_words`).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set_range(&mut self, lo: usize, hi: usize) {
        for i in lo..hi {
            self.0[i / 64] |= 1 << (i % 64);
        }
    }
    fn clear_range(&mut self, lo: usize, hi: usize) {
        for i in lo..hi {
            self.0[i / 64] &= !(1 << (i % 64));
        }
    }
    fn union(&mut self, o: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= b;
        }
    }
    fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &w)| {
            (0..64)
                .filter(move |b| w & (1u64 << b) != 0)
                .map(move |b| i * 64 + b)
        })
    }
}

/// Maps frame byte ranges to ranges of pointer-word indices.
struct Frame<'a> {
    f: &'a Function,
}

impl Frame<'_> {
    /// Index of the first pointer word at or after frame word `w`.
    fn index(&self, w: u64) -> usize {
        self.f.ptr_words.partition_point(|&x| (x as u64) < w)
    }

    /// The recorded slot containing byte `reg`: (start, end).
    fn slot(&self, reg: u32) -> Option<(u64, u64)> {
        let s = &self.f.slots;
        let i = s.partition_point(|&(off, _)| off <= reg);
        match i.checked_sub(1).map(|i| s[i]) {
            Some((off, size)) if (reg as u64) < off as u64 + size as u64 => {
                Some((off as u64, off as u64 + size as u64))
            }
            _ => None,
        }
    }

    /// The slot containing byte `reg` for a read: without a recorded one, everything from
    /// `reg` to the end of the frame.
    fn slot_of(&self, reg: u32) -> (u64, u64) {
        self.slot(reg)
            .unwrap_or((reg as u64, (self.f.frame_size as u64).max(reg as u64 + 8)))
    }

    /// Pointer words a read of `o` may touch: every word overlapping it.
    fn read(&self, o: &Operand) -> (usize, usize) {
        let lo = o.reg as u64;
        let hi = match o.extent {
            Extent::Bytes(n) => lo + n as u64,
            Extent::ToSlotEnd | Extent::SlotTailFrom(_) => self.slot_of(o.reg).1,
        };
        (self.index(lo / 8), self.index(hi.div_ceil(8)))
    }

    /// Pointer words a write of `o` replaces whole.
    fn write(&self, o: &Operand) -> (usize, usize) {
        let (lo, hi) = match o.extent {
            Extent::Bytes(n) => (o.reg as u64, o.reg as u64 + n as u64),
            // Only inside a slot the compiler recorded: an unknown extent defines nothing.
            Extent::ToSlotEnd | Extent::SlotTailFrom(_) => {
                let from = match o.extent {
                    Extent::SlotTailFrom(n) => o.reg as u64 + n as u64,
                    _ => o.reg as u64,
                };
                match self.slot(o.reg) {
                    Some((_, end)) if from < end => (from, end),
                    _ => (0, 0),
                }
            }
        };
        let (a, b) = (lo.div_ceil(8), hi / 8);
        if a >= b {
            return (0, 0);
        }
        (self.index(a), self.index(b))
    }
}

/// An instruction that runs a Go callee in a frame of its own, suspending this one: the
/// arguments are copied there first and the results copied back on return.
fn is_call(op: &Op) -> bool {
    matches!(
        op,
        Op::Call { .. } | Op::CallInPlace { .. } | Op::CallClosure { .. } | Op::CallIface { .. }
    )
}

/// Whether `analyze` gives `f` stack maps: false only when its instructions times its
/// pointer words exceed `MAX_BITS`.
pub fn has_maps(f: &Function) -> bool {
    let nw = f.ptr_words.len();
    nw == 0 || (f.code.len() + 1).saturating_mul(nw) <= MAX_BITS
}

/// The live pointer words at every instruction of `f`, or None when the function is too
/// large to analyse (`has_maps`) or has no body.
pub fn analyze(p: &Program, f: &Function) -> Option<LiveMaps> {
    let n = f.code.len();
    let nw = f.ptr_words.len();
    if nw == 0 {
        return Some(LiveMaps {
            sets: vec![vec![]],
            live_in: vec![0; n + 1],
            during: vec![0; n + 1],
        });
    }
    if !has_maps(f) {
        return None;
    }
    let fr = Frame { f };
    // Per-instruction uses and definitions as ranges of pointer-word indices.
    let mut gen: Vec<Vec<(usize, usize)>> = Vec::with_capacity(n);
    let mut kill: Vec<Vec<(usize, usize)>> = Vec::with_capacity(n);
    let mut always = Bits::new(nw);
    for w in [f.ctx_off, f.defer_off].into_iter().flatten() {
        let i = fr.index(w as u64 / 8);
        always.set_range(i, fr.index(w as u64 / 8 + 1));
    }
    // Address-taken slots: live wherever the address may be used. For a temporary that is
    // the range of pcs it was handed out for; for any other slot, the whole function.
    let mut addr_ranges: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (pc, op) in f.code.iter().enumerate() {
        for r in effects(p, f, op).addr_taken {
            let (lo, hi) = fr.slot_of(r);
            let bits = (fr.index(lo / 8), fr.index(hi.div_ceil(8)));
            if bits.0 == bits.1 {
                continue;
            }
            let pc = pc as u32;
            match f
                .temp_ranges
                .iter()
                .find(|&&(off, a, b)| off as u64 == lo && a <= pc && pc < b)
            {
                Some(&(_, a, b)) => addr_ranges.push((bits.0, bits.1, a as usize, b as usize)),
                None => always.set_range(bits.0, bits.1),
            }
        }
    }
    addr_ranges.sort_unstable();
    addr_ranges.dedup();
    for op in &f.code {
        let e = effects(p, f, op);
        let mut g: Vec<(usize, usize)> = e.uses.iter().map(|o| fr.read(o)).collect();
        if e.uses_all {
            g.push((0, nw));
        }
        g.retain(|&(a, b)| a < b);
        let mut k: Vec<(usize, usize)> = e.defs.iter().map(|o| fr.write(o)).collect();
        k.retain(|&(a, b)| a < b);
        gen.push(g);
        kill.push(k);
    }
    // The address-taken temporaries live at each pc (read through their pointer, also by a
    // callee running at that pc).
    let mut addr_gen: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for &(lo, hi, a, b) in &addr_ranges {
        for (g, ag) in gen
            .iter_mut()
            .zip(addr_gen.iter_mut())
            .take(b.min(n))
            .skip(a)
        {
            g.push((lo, hi));
            ag.push((lo, hi));
        }
    }
    let succ: Vec<Vec<usize>> = (0..n).map(|pc| successors(&f.code, pc).collect()).collect();
    let epilogue = f.defer_off.map(|_| f.epilogue as usize).filter(|&e| e < n);

    // The equation of the module header at one instruction: live_out(pc) \ defs(pc), plus
    // `keep` (what the instruction itself keeps live), `always` and recover(pc).
    let transfer = |live: &[Bits], pc: usize, keep: &[(usize, usize)]| {
        let mut b = Bits::new(nw);
        for &s in &succ[pc] {
            b.union(&live[s]);
        }
        for &(lo, hi) in &kill[pc] {
            b.clear_range(lo, hi);
        }
        for &(lo, hi) in keep {
            b.set_range(lo, hi);
        }
        b.union(&always);
        if let Some(e) = epilogue {
            b.union(&live[e]);
        }
        b
    };

    let mut live: Vec<Bits> = vec![Bits::new(nw); n + 1];
    let mut changed = true;
    while changed {
        changed = false;
        for pc in (0..n).rev() {
            // live_in: the instruction keeps what it uses live.
            let b = transfer(&live, pc, &gen[pc]);
            if b != live[pc] {
                live[pc] = b;
                changed = true;
            }
        }
    }

    // While a call runs, only its address-taken temporaries stay live besides what is live
    // after it: the arguments are in the callee's frame by then.
    let during_sets: Vec<Option<Bits>> = (0..n)
        .map(|pc| is_call(&f.code[pc]).then(|| transfer(&live, pc, &addr_gen[pc])))
        .collect();

    let mut index: HashMap<Bits, u32> = HashMap::new();
    let mut sets = Vec::new();
    let mut intern = |b: &Bits| -> u32 {
        let next = sets.len() as u32;
        *index.entry(b.clone()).or_insert_with(|| {
            sets.push(b.ones().map(|i| f.ptr_words[i]).collect());
            next
        })
    };
    let live_in: Vec<u32> = live.iter().map(&mut intern).collect();
    let during: Vec<u32> = (0..=n)
        .map(|pc| match during_sets.get(pc) {
            Some(Some(b)) => intern(b),
            _ => live_in[pc],
        })
        .collect();
    Some(LiveMaps {
        sets,
        live_in,
        during,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{Op, Width};

    fn func(code: Vec<Op>, slots: Vec<(u32, u32)>, ptr_words: Vec<u32>) -> Function {
        let frame_size = slots.iter().map(|&(o, s)| o + s).max().unwrap_or(0);
        Function {
            code,
            slots,
            ptr_words,
            frame_size,
            ..Default::default()
        }
    }

    #[test]
    fn a_word_dies_after_its_last_read() {
        // p (word 0) is read at pc 1, then only an int is used.
        let f = func(
            vec![
                Op::New {
                    dst: 0,
                    gcty: 0,
                    size: 8,
                },
                Op::Load {
                    dst: 8,
                    ptr: 0,
                    off: 0,
                    w: Width::W64,
                },
                Op::Print {
                    src: 8,
                    rtype: u32::MAX,
                    flags: 0,
                },
                Op::Ret,
            ],
            vec![(0, 8), (8, 8)],
            vec![0],
        );
        let m = analyze(&Program::default(), &f).expect("maps");
        assert_eq!(m.at(0), &[] as &[u32], "defined by New, not live before it");
        assert_eq!(m.at(1), &[0]);
        assert_eq!(m.at(2), &[] as &[u32], "dead after the load");
    }

    /// A closure call with its argument region at [8, 16 + ..), 8 bytes of parameters,
    /// then a read of the pointer word at offset 16 (word 2), in a frame of `slots`.
    fn closure_call_then_read(slots: Vec<(u32, u32)>) -> LiveMaps {
        let code = vec![
            Op::CallClosure {
                fv: 0,
                base: 8,
                args_size: 8,
            },
            Op::NilCheck { ptr: 16 },
            Op::Ret,
        ];
        analyze(&Program::default(), &func(code, slots, vec![0, 2])).expect("maps")
    }

    #[test]
    fn a_closure_call_without_results_defines_nothing_past_its_region() {
        // The region is slot [8, 16), all parameters: word 2 is another slot's, read after
        // the call, so it stays live across it.
        let m = closure_call_then_read(vec![(0, 8), (8, 8), (16, 8)]);
        assert_eq!(m.at(0), &[0, 2]);
    }

    #[test]
    fn a_closure_call_defines_its_results() {
        // The region is [8, 24): word 2 is its pointer result, not live before the call.
        let m = closure_call_then_read(vec![(0, 8), (8, 16)]);
        assert_eq!(m.at(0), &[0]);
        assert_eq!(m.at(1), &[2]);
    }

    #[test]
    fn a_suspended_caller_keeps_neither_arguments_nor_results() {
        // The closure (word 0) is read by the call; the region [8, 24) holds its result (word
        // 2), read after the return. While the callee runs, word 2 still holds the previous
        // call's result: it is live where the caller resumes, not during the call.
        let m = closure_call_then_read(vec![(0, 8), (8, 16)]);
        assert_eq!(m.at(1), &[2], "read after the return");
        assert_eq!(
            m.during_call(0),
            &[] as &[u32],
            "neither fv nor the stale result"
        );
        assert_eq!(m.during_call(1), m.at(1), "not a call: its live-in set");
    }

    #[test]
    fn an_address_taken_slot_is_live_everywhere() {
        let f = func(
            vec![
                Op::AddrLocal { dst: 0, src: 8 },
                Op::Const { dst: 0, val: 0 },
                Op::Ret,
            ],
            vec![(0, 8), (8, 8)],
            vec![0, 1],
        );
        let m = analyze(&Program::default(), &f).expect("maps");
        for pc in 0..3 {
            assert!(m.at(pc).contains(&1), "pc {pc}");
        }
    }
}
