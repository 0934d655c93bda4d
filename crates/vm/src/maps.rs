//! Go maps, stored in the GC heap: an open-addressing hash table with linear probing.
//!
//! Layout: the map value is a pointer to a header object
//! `{count, entries*, cap, used, rtype, epoch}` (word 1 is the only pointer); `entries` is an
//! array of `cap` slots `{state, key (8-aligned), value (8-aligned)}` where state 0 is empty,
//! 1 a tombstone, and a full slot holds its hash with bit 63 set.
//!
//! Invariants:
//! - `cap` is a power of two and `used` (full + tombstones) stays below 3/4 of it.
//! - Keys whose hash depends on addresses (pointers, channels, interfaces, and structs or
//!   arrays of them) are rehashed when the collector has moved objects since the table was
//!   built (`epoch` differs from `Vm::gc_epoch`), so a moved pointer key is still found.
//! - Assigning to an existing key stores the new key's bytes when equal keys can differ
//!   (floats, complex numbers, interfaces), as Go's mapassign does.
//! - Internal allocations run with the collector inhibited, so addresses held here stay valid.
//! - An iterator remembers the entries array it started on; if the map was rebuilt since, it
//!   keeps walking the old array and looks each key up in the current table, so every entry
//!   is produced at most once.

use crate::error::Trap;
use crate::frame::{opt, rd, wr, Frame};
use crate::vm::Vm;
use gosub_bytecode::bytecode::{Op, Width};
use gosub_bytecode::program::{Program, RKind};
use gosub_heap::{Addr, GcTypeId};
use std::sync::Arc;

pub(crate) const FULL: u64 = 1 << 63;

/// How a map type's slots are laid out and its keys hashed and compared: computed once per
/// map type and kept in `Vm::map_shapes`.
#[derive(Clone, Copy)]
pub(crate) struct Shape {
    pub ksize: u64,
    pub vsize: u64,
    pub kstride: u64,
    pub slot: u64,
    pub key: u32,
    pub addr_hash: bool,
    /// A slot holds pointer words (the key's or the value's): only then do bulk writes
    /// of a table need the write barrier.
    pub ptrs: bool,
    /// The key has pointer words.
    pub key_ptrs: bool,
    /// Equal keys may differ in their bytes (floats, complex numbers, interfaces).
    pub key_update: bool,
    /// `RKind::narrow_signed` of the key and value types (a register form to restore).
    pub ksigned: Option<Width>,
    pub vsigned: Option<Width>,
    pub key_eq: KeyEq,
}

/// How two keys of a map's key type compare: the fast forms need no walk of the type.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum KeyEq {
    /// Equal exactly when their `ksize` bytes are (integers, booleans, pointers, channels).
    Bytes,
    /// Strings: equal lengths and equal bytes.
    Str,
    /// Anything else: `iface::values_eq`, in Go's order.
    Deep,
}

/// The shape of map type `rtype`, from the VM's cache (rtype indices only ever grow: a
/// session's later inputs add types, never renumber them).
fn shape(vm: &mut Vm, prog: &Program, rtype: u32) -> Shape {
    if let Some(&Some(sh)) = vm.map_shapes.get(rtype as usize) {
        return sh;
    }
    let sh = compute_shape(prog, rtype);
    let i = rtype as usize;
    if vm.map_shapes.len() <= i {
        vm.map_shapes.resize(i + 1, None);
    }
    vm.map_shapes[i] = Some(sh);
    sh
}

fn compute_shape(prog: &Program, rtype: u32) -> Shape {
    let rt = &prog.rtypes[rtype as usize];
    let key = rt.key;
    let ksize = prog.rtypes[key as usize].size;
    let vsize = prog.rtypes[rt.elem as usize].size;
    let kstride = ksize.div_ceil(8) * 8;
    let vstride = vsize.div_ceil(8) * 8;
    let has_ptrs = |t: u32| {
        let g = prog.rtypes[t as usize].gcty;
        prog.gctypes
            .get(g as usize)
            .is_none_or(|g| !g.ptr_words.is_empty())
    };
    Shape {
        ksize,
        vsize,
        kstride,
        slot: 8 + kstride + vstride,
        key,
        addr_hash: addr_hashed(prog, key, 0),
        ptrs: has_ptrs(key) || has_ptrs(rt.elem),
        key_ptrs: has_ptrs(key),
        ksigned: prog.rtypes[key as usize].kind.narrow_signed(),
        vsigned: prog.rtypes[rt.elem as usize].kind.narrow_signed(),
        key_update: needs_key_update(prog, key, 0),
        key_eq: match prog.rtypes[key as usize].kind {
            RKind::String => KeyEq::Str,
            k if k.is_integer()
                || matches!(
                    k,
                    RKind::Bool | RKind::Pointer | RKind::Chan | RKind::UnsafePointer
                ) =>
            {
                KeyEq::Bytes
            }
            _ => KeyEq::Deep,
        },
    }
}

fn needs_key_update(prog: &Program, t: u32, depth: u32) -> bool {
    let rt = &prog.rtypes[t as usize];
    match rt.kind {
        RKind::Float32
        | RKind::Float64
        | RKind::Complex64
        | RKind::Complex128
        | RKind::Interface => true,
        _ if depth > 16 => true,
        RKind::Array => needs_key_update(prog, rt.elem, depth + 1),
        RKind::Struct => rt
            .fields
            .iter()
            .any(|f| needs_key_update(prog, f.typ, depth + 1)),
        _ => false,
    }
}

fn addr_hashed(prog: &Program, t: u32, depth: u32) -> bool {
    let rt = &prog.rtypes[t as usize];
    if depth > 16 {
        return true;
    }
    match rt.kind {
        RKind::Pointer | RKind::Chan | RKind::UnsafePointer | RKind::Interface => true,
        RKind::Array => addr_hashed(prog, rt.elem, depth + 1),
        RKind::Struct => rt
            .fields
            .iter()
            .any(|f| addr_hashed(prog, f.typ, depth + 1)),
        _ => false,
    }
}

fn header_type(vm: &mut Vm) -> GcTypeId {
    vm.heap.register_type(48, &[1])
}

fn entries_type(vm: &mut Vm, prog: &Program, rtype: u32) -> GcTypeId {
    if let Some(&g) = vm.map_gctypes.get(&rtype) {
        return g;
    }
    let sh = shape(vm, prog, rtype);
    let rt = &prog.rtypes[rtype as usize];
    let kg = &prog.gctypes[prog.rtypes[rt.key as usize].gcty as usize];
    let vg = &prog.gctypes[prog.rtypes[rt.elem as usize].gcty as usize];
    let mut ptrs = Vec::new();
    for w in &kg.ptr_words {
        ptrs.push(1 + w);
    }
    for w in &vg.ptr_words {
        ptrs.push(1 + (sh.kstride / 8) as u32 + w);
    }
    let g = vm.heap.register_type(sh.slot as u32, &ptrs);
    vm.map_gctypes.insert(rtype, g);
    g
}

fn with_inhibit<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> Result<T, Trap>) -> Result<T, Trap> {
    let was = vm.heap.gc_inhibited();
    vm.heap.set_gc_inhibited(true);
    let r = f(vm);
    vm.heap.set_gc_inhibited(was);
    r
}

/// The largest allocation Go's runtime attempts (`maxAlloc` on 64-bit platforms): a size
/// hint needing more is ignored rather than failing.
const MAX_ALLOC: u64 = 1 << 48;

pub fn make_map(vm: &mut Vm, prog: &Arc<Program>, rtype: u32, hint: u64) -> Result<Addr, Trap> {
    // As Go's makemap: a hint whose entries could never be allocated makes an empty map
    // (`make(map[int]int, 1<<62)` is a map of length 0, not an out-of-memory crash).
    let slot = shape(vm, prog, rtype).slot;
    let hint = match hint.checked_mul(slot) {
        Some(bytes) if bytes <= MAX_ALLOC => hint,
        _ => 0,
    };
    let mut cap = 8u64;
    while cap * 3 / 4 < hint.min(1 << 30) {
        cap *= 2;
    }
    with_inhibit(vm, |vm| {
        let ht = header_type(vm);
        let h = vm.alloc(ht, 1)?;
        let et = entries_type(vm, prog, rtype);
        let e = vm.alloc(et, cap as usize)?;
        vm.heap.write_u64(h + 8, e)?;
        vm.heap.write_u64(h + 16, cap)?;
        vm.heap.write_u64(h + 32, rtype as u64)?;
        vm.heap.write_u64(h + 40, vm.gc_epoch)?;
        Ok(h)
    })
}

pub(crate) fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ceb9fe1a85ec53);
    h ^ (h >> 33)
}

pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    mix(h)
}

/// Hash of a float key: +0 and -0 hash alike (they are equal).
fn hash_f64(f: f64) -> u64 {
    let f = if f == 0.0 { 0.0 } else { f };
    mix(f.to_bits())
}

/// Hash of the value of rtype `t` at `addr`.
pub fn hash_value(vm: &Vm, prog: &Program, t: u32, addr: Addr) -> Result<u64, Trap> {
    // The value's parts, hashed and folded in with an explicit stack rather than Rust
    // recursion (keys nest as deep as a program builds them: `a = [1]any{a}` in a loop).
    enum Fold {
        /// An interface's data hashed: mix in its dynamic type.
        Iface(u64),
        /// The parts of a struct or array: rtype, address, next part, hash so far.
        Parts(u32, Addr, u64, u64),
    }
    let part = |t: u32, addr: Addr, i: u64| -> (u32, Addr) {
        let rt = &prog.rtypes[t as usize];
        if rt.kind == RKind::Struct {
            let f = &rt.fields[i as usize];
            (f.typ, addr + f.offset)
        } else {
            (rt.elem, addr + i * prog.rtypes[rt.elem as usize].size)
        }
    };
    let parts = |t: u32| -> u64 {
        let rt = &prog.rtypes[t as usize];
        if rt.kind == RKind::Struct {
            rt.fields.len() as u64
        } else {
            rt.len
        }
    };
    let mut stack: Vec<Fold> = Vec::new();
    let mut next = Some((t, addr));
    loop {
        let mut h = match next.take() {
            None => 0, // unreachable: a result is always produced below
            Some((t, addr)) => {
                let rt = &prog.rtypes[t as usize];
                match rt.kind {
                    RKind::String => hash_bytes(vm.string_bytes(addr)?),
                    RKind::Float64 => hash_f64(vm.heap.read_f64(addr)?),
                    RKind::Float32 => hash_f64(f32::from_bits(vm.heap.read_u32(addr)?) as f64),
                    // The parts as floats (a NaN part never compares equal, whatever its hash).
                    RKind::Complex128 => mix(hash_f64(vm.heap.read_f64(addr)?)
                        ^ hash_f64(vm.heap.read_f64(addr + 8)?).rotate_left(17)),
                    RKind::Complex64 => {
                        let re = f32::from_bits(vm.heap.read_u32(addr)?) as f64;
                        let im = f32::from_bits(vm.heap.read_u32(addr + 4)?) as f64;
                        mix(hash_f64(re) ^ hash_f64(im).rotate_left(17))
                    }
                    RKind::Interface => {
                        let it = vm.heap.read_u64(addr)?;
                        if it == 0 {
                            0
                        } else {
                            let dt = crate::iface::dyn_rtype(vm, it).unwrap_or(0);
                            let drt = &prog.rtypes[dt as usize];
                            if !drt.comparable {
                                return Err(Trap::Runtime(format!(
                                    "hash of unhashable type {}",
                                    drt.name
                                )));
                            }
                            let data = vm.heap.read_u64(addr + 8)?;
                            let tag = (dt as u64).wrapping_mul(0x9e3779b97f4a7c15);
                            if drt.direct {
                                mix(mix(data) ^ tag)
                            } else {
                                stack.push(Fold::Iface(tag));
                                next = Some((dt, data));
                                continue;
                            }
                        }
                    }
                    RKind::Struct | RKind::Array => {
                        let seed = if rt.kind == RKind::Struct {
                            0x12345u64
                        } else {
                            0x6789u64
                        };
                        if parts(t) == 0 {
                            seed
                        } else {
                            stack.push(Fold::Parts(t, addr, 0, seed));
                            next = Some(part(t, addr, 0));
                            continue;
                        }
                    }
                    _ => {
                        let b = vm.heap.bytes(addr, rt.size as usize)?;
                        let mut w = [0u8; 8];
                        let n = b.len().min(8);
                        w[..n].copy_from_slice(&b[..n]);
                        mix(u64::from_le_bytes(w))
                    }
                }
            }
        };
        // Fold the finished hash into the pending parts.
        loop {
            match stack.last_mut() {
                None => return Ok(h),
                Some(Fold::Iface(tag)) => {
                    h = mix(h ^ *tag);
                    stack.pop();
                }
                Some(Fold::Parts(t, addr, i, acc)) => {
                    *acc = mix(*acc ^ h);
                    *i += 1;
                    if *i < parts(*t) {
                        next = Some(part(*t, *addr, *i));
                        break;
                    }
                    h = *acc;
                    stack.pop();
                }
            }
        }
    }
}

struct Table {
    entries: Addr,
    cap: u64,
}

/// The header object's six words (module comment), read with one translation.
struct Header {
    count: u64,
    table: Table,
    used: u64,
    rtype: u32,
    epoch: u64,
}

fn header(vm: &Vm, m: Addr) -> Result<Header, Trap> {
    let b = vm.heap.bytes(m, 48)?;
    Ok(Header {
        count: word(b, 0),
        table: Table {
            entries: word(b, 8),
            cap: word(b, 16),
        },
        used: word(b, 24),
        rtype: word(b, 32) as u32,
        epoch: word(b, 40),
    })
}

/// Word `i` of a table's bytes (a slot's state, a string key's pointer or length).
fn word(tab: &[u8], off: usize) -> u64 {
    let mut w = [0u8; 8];
    if let Some(b) = tab.get(off..off + 8) {
        w.copy_from_slice(b);
    }
    u64::from_le_bytes(w)
}

/// Rebuilds the table with capacity `cap` (also used to refresh address hashes). A full
/// slot's state is its key's hash, reused unless the hash depends on addresses. The old
/// table is read a chunk at a time (`REBUILD_CHUNK` bytes or a sixteenth of it), so a
/// rebuild holds no second whole copy of it outside the heap.
fn rebuild(vm: &mut Vm, prog: &Arc<Program>, m: Addr, cap: u64) -> Result<(), Trap> {
    let Header {
        rtype, table: old, ..
    } = header(vm, m)?;
    let sh = shape(vm, prog, rtype);
    let slot = sh.slot as usize;
    with_inhibit(vm, |vm| {
        let et = entries_type(vm, prog, rtype);
        let ne = vm.alloc(et, cap as usize)?;
        let mask = cap as usize - 1;
        // A chunk is a sixteenth of the old table at least, so a rebuild borrows the new
        // table at most 16 times, whatever the map's size.
        let per_chunk = (REBUILD_CHUNK.max(old.cap as usize * slot / 16) / slot).max(1);
        let (mut chunk, mut full) = (Vec::new(), Vec::new());
        let mut count = 0u64;
        let mut first = 0;
        // The chunks write the new table unbarriered; it is barriered once, word by word,
        // after the last one, or after the one that failed (a table left with young
        // pointers behind clean cards would fail the verifier, even unreachable); a table
        // without pointer words needs no barrier.
        let mut copy = |vm: &mut Vm| -> Result<(), Trap> {
            while first < old.cap as usize {
                let n = per_chunk.min(old.cap as usize - first);
                let at = old.entries + (first * slot) as u64;
                chunk.clear();
                chunk.extend_from_slice(vm.heap.bytes(at, n * slot)?);
                full.clear();
                for k in 0..n {
                    let st = word(&chunk, k * slot);
                    if st & FULL == 0 {
                        continue;
                    }
                    let h = if sh.addr_hash {
                        hash_value(vm, prog, sh.key, at + (k * slot) as u64 + 8)? | FULL
                    } else {
                        st
                    };
                    full.push((k * slot, h));
                }
                let nt = vm.heap.bytes_mut_unbarriered(ne, cap as usize * slot)?;
                for &(from, h) in &full {
                    let mut j = h as usize & mask;
                    while word(nt, j * slot) != 0 {
                        j = (j + 1) & mask;
                    }
                    let to = j * slot;
                    nt[to..to + slot].copy_from_slice(&chunk[from..from + slot]);
                    nt[to..to + 8].copy_from_slice(&h.to_le_bytes());
                }
                count += full.len() as u64;
                first += n;
            }
            Ok(())
        };
        let copied = copy(vm);
        if sh.ptrs {
            vm.heap.barrier_range(ne, cap as usize * slot)?;
        }
        copied?;
        vm.heap.write_u64(m, count)?;
        vm.heap.write_u64(m + 8, ne)?;
        vm.heap.write_u64(m + 16, cap)?;
        vm.heap.write_u64(m + 24, count)?;
        vm.heap.write_u64(m + 40, vm.gc_epoch)?;
        Ok(())
    })
}

/// How much of the old table `rebuild` copies out at a time, at least.
const REBUILD_CHUNK: usize = 64 << 10;

/// The map's header and its key shape, its table first rebuilt when its address hashes
/// are stale (the collector moved objects since it was built).
fn open(vm: &mut Vm, prog: &Arc<Program>, m: Addr) -> Result<(Header, Shape), Trap> {
    let hd = header(vm, m)?;
    let sh = shape(vm, prog, hd.rtype);
    if sh.addr_hash && hd.epoch != vm.gc_epoch {
        rebuild(vm, prog, m, hd.table.cap)?;
        return Ok((header(vm, m)?, sh));
    }
    Ok((hd, sh))
}

/// The hash of the key at `key` as a full slot's state records it.
fn key_hash(vm: &Vm, prog: &Program, sh: &Shape, key: Addr) -> Result<u64, Trap> {
    // The common keys hashed as `hash_value` hashes them, without its walk of the type:
    // a word of bytes (integers, booleans, pointers, channels) and a string.
    let h = match sh.key_eq {
        KeyEq::Bytes if sh.ksize <= 8 => {
            let b = vm.heap.bytes(key, sh.ksize as usize)?;
            let mut w = [0u8; 8];
            w[..b.len()].copy_from_slice(b);
            mix(u64::from_le_bytes(w))
        }
        KeyEq::Str => hash_bytes(vm.string_bytes(key)?),
        _ => hash_value(vm, prog, sh.key, key)?,
    };
    Ok(h | FULL)
}

/// Finds the slot holding `key`, whose `key_hash` is `h`; returns (slot address, first
/// tombstone on the way) or (None, first free slot).
fn find(
    vm: &Vm,
    prog: &Program,
    t: &Table,
    sh: &Shape,
    key: Addr,
    h: u64,
) -> Result<(Option<Addr>, Option<Addr>), Trap> {
    let slot = sh.slot as usize;
    let tab = vm.heap.bytes(t.entries, t.cap as usize * slot)?;
    let want = match sh.key_eq {
        KeyEq::Bytes => vm.heap.bytes(key, sh.ksize as usize)?,
        KeyEq::Str => vm.string_bytes(key)?,
        KeyEq::Deep => &[],
    };
    let mask = t.cap as usize - 1;
    let mut j = h as usize & mask;
    let mut free = None;
    for _ in 0..t.cap {
        let off = j * slot;
        let s = t.entries + off as u64;
        match word(tab, off) {
            0 => return Ok((None, free.or(Some(s)))),
            1 => {
                free = free.or(Some(s));
            }
            st if st == h => {
                let equal = match sh.key_eq {
                    KeyEq::Bytes => tab.get(off + 8..off + 8 + want.len()) == Some(want),
                    KeyEq::Str => {
                        let n = word(tab, off + 16) as usize;
                        n == want.len() && (n == 0 || vm.heap.bytes(word(tab, off + 8), n)? == want)
                    }
                    KeyEq::Deep => crate::iface::values_eq(vm, prog, sh.key, s + 8, key)?,
                };
                if equal {
                    return Ok((Some(s), free));
                }
            }
            _ => {}
        }
        j = (j + 1) & mask;
    }
    Ok((None, free))
}

/// Address of the value for `key`, and the value type's `RKind::narrow_signed`; or None.
pub fn get(
    vm: &mut Vm,
    prog: &Arc<Program>,
    m: Addr,
    key: Addr,
) -> Result<Option<(Addr, Option<Width>)>, Trap> {
    if m == 0 {
        return Ok(None);
    }
    let (hd, sh) = open(vm, prog, m)?;
    let h = key_hash(vm, prog, &sh, key)?;
    let (found, _) = find(vm, prog, &hd.table, &sh, key, h)?;
    Ok(found.map(|s| (s + 8 + sh.kstride, sh.vsigned)))
}

/// Address of the value slot for `key`, inserting a zero value if absent.
pub fn slot(vm: &mut Vm, prog: &Arc<Program>, mreg: Addr, key: Addr) -> Result<Addr, Trap> {
    let m = vm.heap.read_u64(mreg)?;
    if m == 0 {
        return Err(Trap::PlainError("assignment to entry in nil map".into()));
    }
    let (hd, sh) = open(vm, prog, m)?;
    let h = key_hash(vm, prog, &sh, key)?;
    let (found, free) = find(vm, prog, &hd.table, &sh, key, h)?;
    if let Some(s) = found {
        // Go's mapassign stores the new key over an equal old one when equal keys can
        // differ (+0 and -0, interfaces): `m[-0.0] = v` after `m[0.0]` prints `-0`.
        if sh.key_update {
            vm.heap.copy(s + 8, key, sh.ksize as usize)?;
        }
        return Ok(s + 8 + sh.kstride);
    }
    let (mut count, mut used, cap) = (hd.count, hd.used, hd.table.cap);
    let free = if (used + 1) * 4 > cap * 3 {
        let ncap = if (count + 1) * 2 > cap { cap * 2 } else { cap };
        rebuild(vm, prog, m, ncap)?;
        let hd = header(vm, m)?;
        (count, used) = (hd.count, hd.used);
        find(vm, prog, &hd.table, &sh, key, h)?.1
    } else {
        free
    };
    let Some(s) = free else {
        return Err(Trap::Fatal("map table full".into()));
    };
    let was_tomb = vm.heap.read_u64(s)? == 1;
    vm.heap.write_u64(s, h)?;
    vm.heap.copy(s + 8, key, sh.ksize as usize)?;
    vm.heap
        .fill_zero(s + 8 + sh.kstride, sh.vsize.div_ceil(8) as usize * 8)?;
    vm.heap.write_u64(m, count + 1)?;
    if !was_tomb {
        vm.heap.write_u64(m + 24, used + 1)?;
    }
    Ok(s + 8 + sh.kstride)
}

pub fn delete(vm: &mut Vm, prog: &Arc<Program>, m: Addr, key: Addr) -> Result<(), Trap> {
    if m == 0 {
        return Ok(());
    }
    let (hd, sh) = open(vm, prog, m)?;
    let h = key_hash(vm, prog, &sh, key)?;
    if let (Some(s), _) = find(vm, prog, &hd.table, &sh, key, h)? {
        vm.heap.fill_zero(s, sh.slot as usize)?;
        vm.heap.write_u64(s, 1)?;
        vm.heap.write_u64(m, hd.count.saturating_sub(1))?;
    }
    Ok(())
}

pub fn clear(vm: &mut Vm, m: Addr) -> Result<(), Trap> {
    if m == 0 {
        return Ok(());
    }
    let Header {
        rtype, table: t, ..
    } = header(vm, m)?;
    let prog = vm.prog.clone();
    let sh = shape(vm, &prog, rtype);
    vm.heap.fill_zero(t.entries, (t.cap * sh.slot) as usize)?;
    vm.heap.write_u64(m, 0)?;
    vm.heap.write_u64(m + 24, 0)?;
    Ok(())
}

/// Advances the iterator at `it` ({map, entries, index}); copies key/value into the frame
/// registers `key`/`val` (u32::MAX = not wanted). Returns false at the end.
pub fn iter_next(
    vm: &mut Vm,
    prog: &Arc<Program>,
    it: Addr,
    fp: Addr,
    key: u32,
    val: u32,
) -> Result<bool, Trap> {
    let m = vm.heap.read_u64(it)?;
    if m == 0 {
        return Ok(false);
    }
    let rtype = vm.heap.read_u64(m + 32)? as u32;
    let sh = shape(vm, prog, rtype);
    let entries = vm.heap.read_u64(it + 8)?;
    let cap = match vm
        .heap
        .object_base(entries)
        .and_then(|b| vm.heap.object_info(b))
    {
        Some((size, _)) => size / sh.slot,
        None => 0,
    };
    let mut idx = vm.heap.read_u64(it + 16)?;
    while idx < cap {
        let s = entries + idx * sh.slot;
        idx += 1;
        if vm.heap.read_u64(s)? & FULL == 0 {
            continue;
        }
        let cur_entries = vm.heap.read_u64(m + 8)?;
        let vslot = if cur_entries == entries {
            Some(s + 8 + sh.kstride)
        } else {
            // The map was rebuilt: is the key still there?
            let key_copy = s + 8;
            let h = key_hash(vm, prog, &sh, key_copy)?;
            match find(vm, prog, &header(vm, m)?.table, &sh, key_copy, h)? {
                (Some(ns), _) => Some(ns + 8 + sh.kstride),
                _ => None,
            }
        };
        let Some(vs) = vslot else { continue };
        vm.heap.write_u64(it + 16, idx)?;
        if key != u32::MAX && sh.ksize > 0 {
            crate::frame::load_reg(vm, fp + key as u64, s + 8, sh.ksize, sh.ksigned)?;
        }
        if val != u32::MAX && sh.vsize > 0 {
            crate::frame::load_reg(vm, fp + val as u64, vs, sh.vsize, sh.vsigned)?;
        }
        return Ok(true);
    }
    vm.heap.write_u64(it + 16, idx)?;
    Ok(false)
}

/// Executes a map instruction; returns the jump target when an iteration is done.
#[inline]
pub fn exec(vm: &mut Vm, prog: &Arc<Program>, op: &Op, fr: &Frame) -> Result<Option<u32>, Trap> {
    let fp = fr.fp;
    if matches!(op, Op::MakeMap { .. } | Op::MapSlot { .. }) {
        // A map growing inside a native or an earlier insert may owe a collection.
        crate::gc::collect_owed(vm)?;
    }
    match *op {
        Op::MakeMap { dst, rtype, hint } => {
            let h = opt(vm, fr, hint)?.unwrap_or(0);
            let m = make_map(vm, prog, rtype, h)?;
            wr(vm, fr, dst, m)?;
        }
        Op::MapGet {
            dst,
            m,
            key,
            ok,
            vsize,
        } => {
            let mp = rd(vm, fr, m)?;
            let found = get(vm, prog, mp, fp + key as u64)?;
            match found {
                Some((slot, signed)) => {
                    if vsize > 0 {
                        crate::frame::load_reg(vm, fp + dst as u64, slot, vsize as u64, signed)?;
                    }
                }
                None => {
                    if vsize > 0 {
                        let n = (vsize as u64).next_multiple_of(8) as usize;
                        vm.heap.fill_zero(fp + dst as u64, n)?;
                    }
                }
            }
            if let Some(ok) = ok {
                wr(vm, fr, ok, found.is_some() as u64)?;
            }
        }
        Op::MapSlot { dst, m, key } => {
            let slot = slot(vm, prog, fp + m as u64, fp + key as u64)?;
            wr(vm, fr, dst, slot)?;
        }
        Op::MapDelete { m, key } => {
            let mp = rd(vm, fr, m)?;
            delete(vm, prog, mp, fp + key as u64)?;
        }
        Op::MapLen { dst, m } => {
            let mp = rd(vm, fr, m)?;
            let n = if mp == 0 { 0 } else { vm.heap.read_u64(mp)? };
            wr(vm, fr, dst, n)?;
        }
        Op::MapClear { m } => {
            let mp = rd(vm, fr, m)?;
            clear(vm, mp)?;
        }
        Op::MapIterInit { it, m } => {
            let mp = rd(vm, fr, m)?;
            let entries = if mp == 0 {
                0
            } else {
                vm.heap.read_u64(mp + 8)?
            };
            wr(vm, fr, it, mp)?;
            wr(vm, fr, it + 8, entries)?;
            wr(vm, fr, it + 16, 0)?;
        }
        Op::MapIterNext { it, key, val, done } => {
            if !iter_next(vm, prog, fp + it as u64, fp, key, val)? {
                return Ok(Some(done));
            }
        }
        _ => return Err(Trap::Fatal(format!("not a map instruction: {:?}", op))),
    }
    Ok(None)
}
