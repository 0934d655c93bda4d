//! The maps' fast paths (`maps.rs` owns the layout and the general paths): `v, ok := m[k]`,
//! the slot of `m[k] = v` and `delete(m, k)` for keys compared by their bytes (integers,
//! booleans, pointers, channels) of at most a word, and for strings, through machine
//! pointers to the header, the table and the key instead of a checked heap access per word.
//! The dispatch loop (`interp.rs`) tries them before the general path (`slow_op.rs`, then
//! `maps::exec`).
//!
//! Invariants:
//! - Each path either does its whole operation or declines (`exec` returns false) having
//!   changed nothing, and the general path then runs: a nil map, a map type whose shape
//!   `maps::shape` has not cached yet, another kind of key, address hashes made stale by a moving collection, an
//!   insert that needs the table rebuilt, memory outside the young and old spaces, the
//!   large objects, the statics and the globals (a string whose bytes are on a stack, say).
//! - The same probe order, hashes and key equality as `maps::find` and `maps::key_hash`
//!   (whose `mix` and `hash_bytes` it calls), and the same stores as `maps::slot` and
//!   `maps::delete`, so a table is the same whichever path built it.
//! - Nothing here allocates or collects, so a machine pointer stays valid while it is used.
//!   Stores of non-pointer words and zeroes need no write barrier; a key with pointer words
//!   is barriered after it is stored (`Heap::barrier_range`), before anything can collect.

use crate::arith::extend;
use crate::frame::Frame;
use crate::maps::{hash_bytes, mix, KeyEq, FULL};
use crate::vm::Vm;
use gosub_bytecode::bytecode::{Op, Width};
use gosub_heap::Addr;

/// A machine pointer for `n` bytes at `a` in the used nursery or survivor space, a live
/// old-space span, a large object, the statics or the globals; None elsewhere (and for
/// `n == 0`). Stores through it are of non-pointer data, or barriered after (module
/// comment).
fn heap_ptr(vm: &Vm, a: Addr, n: u64) -> Option<*mut u8> {
    if n == 0 {
        return None;
    }
    let h = &vm.heap;
    h.nursery_ptr(a, n)
        .or_else(|| h.old_ptr(a, n))
        .or_else(|| h.far_ptr(a, n))
        .or_else(|| h.survivor_ptr(a, n))
}

/// Word `i` at `p`.
///
/// # Safety
/// `p` is valid for reading `8 * (i + 1)` bytes.
unsafe fn word(p: *const u8, i: usize) -> u64 {
    // SAFETY: guaranteed by the caller.
    unsafe { (p.add(8 * i) as *const u64).read_unaligned() }
}

/// The bytes `n` at `p` (a string's), or empty for `n == 0`; None outside `heap_ptr`'s memory.
fn string_at(vm: &Vm, p: Addr, n: u64) -> Option<&[u8]> {
    if n == 0 {
        return Some(&[]);
    }
    let q = heap_ptr(vm, p, n)?;
    // SAFETY: `heap_ptr` returned a pointer valid for `n` bytes, which nothing writes while
    // the VM is borrowed.
    Some(unsafe { std::slice::from_raw_parts(q, n as usize) })
}

/// A key as the table's keys are compared to it.
enum Want<'a> {
    /// A key compared by its bytes, zero-extended to a word (as a slot holds it: its
    /// padding is never written).
    Word(u64),
    /// A string's bytes.
    Str(&'a [u8]),
}

/// A probe of map `m`'s table for the key at `key` (a frame register).
struct Probe {
    /// The shape's slot layout and what an insert must know (`maps::Shape`).
    slot_bytes: usize,
    vstride: usize,
    ksize: usize,
    kstride: usize,
    key_update: bool,
    key_ptrs: bool,
    vsigned: Option<Width>,
    /// The header's six words (`maps.rs` layout).
    hdr: *mut u8,
    entries: Addr,
    tab: *mut u8,
    h: u64,
    /// The byte offset of the slot holding the key, if it is there.
    found: Option<usize>,
    /// The first tombstone on the way, else the empty slot that ended the probe.
    free: Option<usize>,
}

/// Probes map `m` (not nil) for the key in register `key` of frame `fr` as `maps::find`
/// does, or declines (module comment).
fn probe(vm: &Vm, fr: &Frame, m: Addr, key: u32) -> Option<Probe> {
    let hdr = heap_ptr(vm, m, 48)?;
    // SAFETY: `hdr` is valid for the header's 48 bytes.
    let (entries, cap, rtype, epoch) = unsafe {
        (
            word(hdr, 1),
            word(hdr, 2),
            word(hdr, 4) as u32,
            word(hdr, 5),
        )
    };
    let sh = (*vm.map_shapes.get(rtype as usize)?)?;
    if (sh.addr_hash && epoch != vm.gc_epoch) || !in_frame(fr, key, sh.kstride) {
        return None;
    }
    // SAFETY: the key's register lies in the frame (checked above).
    let key = unsafe { fr.ptr.add(key as usize) };
    // The key as `maps::key_hash` hashes it, and as the table's keys are compared to it
    // (another kind of key declines here, before the table is translated).
    let (h, want) = match sh.key_eq {
        KeyEq::Bytes if sh.ksize <= 8 => {
            // SAFETY: the register holds `ksize` bytes, in a word of the frame (checked).
            let w = match sh.ksize {
                8 => unsafe { word(key, 0) },
                n => {
                    let mut w = [0u8; 8];
                    // SAFETY: as above.
                    unsafe { std::ptr::copy_nonoverlapping(key, w.as_mut_ptr(), n as usize) };
                    u64::from_le_bytes(w)
                }
            };
            (mix(w), Want::Word(w))
        }
        KeyEq::Str => {
            // SAFETY: a string register is two words (`kstride`, in the frame).
            let s = string_at(vm, unsafe { word(key, 0) }, unsafe { word(key, 1) })?;
            (hash_bytes(s), Want::Str(s))
        }
        _ => return None,
    };
    let slot = sh.slot as usize;
    let tab = heap_ptr(vm, entries, cap.checked_mul(sh.slot)?)?;
    let h = h | FULL;
    let mask = cap as usize - 1;
    let mut j = h as usize & mask;
    let (mut found, mut free) = (None, None);
    for _ in 0..cap {
        let off = j * slot;
        // SAFETY: slot `j < cap` lies in the table, and its key follows its state word.
        let (st, k) = unsafe { (word(tab.add(off), 0), tab.add(off + 8)) };
        match st {
            0 => {
                free = free.or(Some(off));
                break;
            }
            1 => free = free.or(Some(off)),
            st if st == h => {
                let equal = match want {
                    // SAFETY: a word key's slot is a word.
                    Want::Word(w) => unsafe { word(k, 0) == w },
                    Want::Str(s) => {
                        // SAFETY: a string key is two words.
                        let (p, n) = unsafe { (word(k, 0), word(k, 1)) };
                        n == s.len() as u64 && string_at(vm, p, n)? == s
                    }
                };
                if equal {
                    found = Some(off);
                    break;
                }
            }
            _ => {}
        }
        j = (j + 1) & mask;
    }
    Some(Probe {
        slot_bytes: slot,
        vstride: slot - 8 - sh.kstride as usize,
        ksize: sh.ksize as usize,
        kstride: sh.kstride as usize,
        key_update: sh.key_update,
        key_ptrs: sh.key_ptrs,
        vsigned: sh.vsigned,
        hdr,
        entries,
        tab,
        h,
        found,
        free,
    })
}

/// Is `[off, off + n)` inside frame `fr`?
fn in_frame(fr: &Frame, off: u32, n: u64) -> bool {
    off as u64 + n <= fr.size as u64
}

/// Register `r` of frame `fr`, if it lies in the frame.
fn reg(fr: &Frame, r: u32) -> Option<u64> {
    // SAFETY: the word lies in the frame (checked).
    in_frame(fr, r, 8).then(|| unsafe { word(fr.ptr.add(r as usize), 0) })
}

/// Sets register `r` of frame `fr` (which the caller checked lies in it).
///
/// # Safety
/// `in_frame(fr, r, 8)`.
unsafe fn set(fr: &Frame, r: u32, v: u64) {
    // SAFETY: guaranteed by the caller; a frame is stack memory (no write barrier).
    unsafe { (fr.ptr.add(r as usize) as *mut u64).write_unaligned(v) }
}

/// Runs map instruction `op` (`MapGet`, `MapSlot`, `MapDelete`) in frame `fr` by its fast
/// path: true when done, false when declined, having changed nothing (module comment).
pub(crate) fn exec(vm: &mut Vm, fr: &Frame, op: &Op) -> bool {
    match *op {
        Op::MapGet {
            dst,
            m,
            key,
            ok,
            vsize,
        } => {
            let n = (vsize as u64).next_multiple_of(8);
            let Some(m) = reg(fr, m).filter(|&m| m != 0) else {
                return false;
            };
            if !in_frame(fr, dst, n) || ok.is_some_and(|ok| !in_frame(fr, ok, 8)) {
                return false;
            }
            // (A value wider than the slot's would be a compiler's error: the general
            // path reports the fault.)
            let Some(p) = probe(vm, fr, m, key).filter(|p| vsize as usize <= p.vstride) else {
                return false;
            };
            // SAFETY: `dst` and `ok` lie in the frame (checked above), the value in the
            // table's slot; the value is written over `dst`'s words zeroed, in its register
            // form (`frame::load_reg`).
            unsafe {
                let d = fr.ptr.add(dst as usize);
                match (p.found, vsize) {
                    (Some(off), 8) => set(fr, dst, word(p.tab.add(off + 8 + p.kstride), 0)),
                    (Some(off), _) => {
                        std::ptr::write_bytes(d, 0, n as usize);
                        let v = p.tab.add(off + 8 + p.kstride);
                        std::ptr::copy_nonoverlapping(v, d, vsize as usize);
                        if let Some(w) = p.vsigned {
                            set(fr, dst, extend(word(d, 0), w));
                        }
                    }
                    (None, _) => std::ptr::write_bytes(d, 0, n as usize),
                }
                if let Some(ok) = ok {
                    set(fr, ok, p.found.is_some() as u64);
                }
            }
            true
        }
        Op::MapSlot { dst, m, key } => {
            // (An owed collection runs first, in the general path: `maps::exec`.)
            let Some(m) = reg(fr, m).filter(|&m| m != 0) else {
                return false;
            };
            if vm.heap.collection_owed() || !in_frame(fr, dst, 8) {
                return false;
            }
            match slot_addr(vm, fr, m, key) {
                // SAFETY: `dst` lies in the frame (checked above).
                Some(a) => unsafe { set(fr, dst, a) },
                None => return false,
            }
            true
        }
        Op::MapDelete { m, key } => {
            let Some(m) = reg(fr, m).filter(|&m| m != 0) else {
                return false;
            };
            let Some(p) = probe(vm, fr, m, key) else {
                return false;
            };
            if let Some(off) = p.found {
                // SAFETY: the slot lies in the table; its state and the header's count are
                // not pointers, and a zeroed slot needs no barrier (`maps::delete`).
                unsafe {
                    let s = p.tab.add(off);
                    std::ptr::write_bytes(s, 0, p.slot_bytes);
                    (s as *mut u64).write_unaligned(1);
                    let count = word(p.hdr, 0);
                    (p.hdr as *mut u64).write_unaligned(count.saturating_sub(1));
                }
            }
            true
        }
        _ => false,
    }
}

/// The address of `m[k]`'s value slot for `m[k] = v`, inserting the key with a zero value
/// when it is absent and the table has room; None: declined.
fn slot_addr(vm: &mut Vm, fr: &Frame, m: Addr, key: u32) -> Option<Addr> {
    let p = probe(vm, fr, m, key)?;
    let value_at = |off: usize| p.entries + (off + 8 + p.kstride) as u64;
    if let Some(off) = p.found {
        // (`maps::slot` stores the new key over the old when equal keys can differ: never
        // for the keys `probe` takes, whose equal keys have equal bytes.)
        return (!p.key_update).then(|| value_at(off));
    }
    let off = p.free?;
    // SAFETY: the header's words; the free slot lies in the table.
    let (count, cap, used, was_tomb) = unsafe {
        (
            word(p.hdr, 0),
            word(p.hdr, 2),
            word(p.hdr, 3),
            word(p.tab.add(off), 0) == 1,
        )
    };
    if (used + 1) * 4 > cap * 3 {
        return None;
    }
    // SAFETY: the slot lies in the table and the key's register in the frame (`probe`
    // checked both); the header's count and used words are not pointers, and a key's
    // pointer words are barriered below, as `Heap::bytes_mut_unbarriered` requires.
    unsafe {
        let s = p.tab.add(off);
        std::ptr::write_bytes(s, 0, p.slot_bytes);
        (s as *mut u64).write_unaligned(p.h);
        std::ptr::copy_nonoverlapping(fr.ptr.add(key as usize), s.add(8), p.ksize);
        (p.hdr as *mut u64).write_unaligned(count + 1);
        if !was_tomb {
            (p.hdr.add(24) as *mut u64).write_unaligned(used + 1);
        }
    }
    if p.key_ptrs {
        // The range was translated by `probe`, so this cannot fail.
        let _ = vm.heap.barrier_range(p.entries + off as u64 + 8, p.ksize);
    }
    Some(value_at(off))
}
