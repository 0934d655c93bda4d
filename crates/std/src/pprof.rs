//! Package runtime/pprof's heap profile: the VM's allocation profile
//! (`gosub_vm::alloc_profile`) written in pprof's format, a gzipped `profile.proto`
//! message, as Go's `runtime/pprof.WriteHeapProfile` writes it, so that `go tool pprof`
//! reads it. Also what `gosub run --memprofile` writes at exit.
//!
//! Invariants:
//! - Four sample values per stack, Go's: `alloc_objects`/count, `alloc_space`/bytes,
//!   `inuse_objects`/count, `inuse_space`/bytes; period `space`/bytes = the
//!   `MemProfileRate` in force when the profile is written. Counts are scaled up from the
//!   samples as Go's `scaleHeapSample` does (unscaled at rate 1).
//! - In use = sampled minus what collections found freed (`gosub_heap::tracked`): an
//!   object allocated since the last collection counts as allocated and in use (Go leaves
//!   such allocations out of both until a collection publishes them; after `runtime.GC()`
//!   the two agree, as tests/pprof.sh checks).
//! - A location's address is the PC `runtime.Callers` gives for that instruction
//!   (`callers.rs`); the one mapping says functions, files and lines are filled in, so
//!   pprof asks for no symbols.

use gosub_vm::alloc_profile::Sampled;
use gosub_vm::Vm;
use std::collections::HashMap;
use std::io::Write;

/// A protobuf message being written (the wire format: varints and length-delimited
/// fields; only what profile.proto needs).
#[derive(Default)]
struct Pb(Vec<u8>);

impl Pb {
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    /// An integer field (omitted when 0, as proto3 does).
    fn int(&mut self, field: u32, v: i64) {
        if v != 0 {
            self.varint(u64::from(field) << 3);
            self.varint(v as u64);
        }
    }
    fn bytes(&mut self, field: u32, b: &[u8]) {
        self.varint(u64::from(field) << 3 | 2);
        self.varint(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn msg(&mut self, field: u32, f: impl FnOnce(&mut Pb)) {
        let mut m = Pb::default();
        f(&mut m);
        self.bytes(field, &m.0);
    }
    /// A packed repeated integer field.
    fn packed(&mut self, field: u32, vals: impl IntoIterator<Item = i64>) {
        let mut m = Pb::default();
        for v in vals {
            m.varint(v as u64);
        }
        if !m.0.is_empty() {
            self.bytes(field, &m.0);
        }
    }
}

/// The string table: index 0 is "", as profile.proto requires.
struct Strings {
    index: HashMap<String, i64>,
    list: Vec<String>,
}

impl Strings {
    fn new() -> Strings {
        Strings {
            index: HashMap::from([(String::new(), 0)]),
            list: vec![String::new()],
        }
    }
    fn id(&mut self, s: &str) -> i64 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as i64;
        self.list.push(s.to_string());
        self.index.insert(s.to_string(), i);
        i
    }
}

/// Go's `scaleHeapSample`: an estimate of all allocations from the sampled ones.
fn scale(objects: u64, bytes: u64, rate: i64) -> (i64, i64) {
    if objects == 0 || bytes == 0 {
        return (0, 0);
    }
    if rate <= 1 {
        return (objects as i64, bytes as i64);
    }
    let avg = bytes as f64 / objects as f64;
    let s = 1.0 / (1.0 - (-avg / rate as f64).exp());
    ((objects as f64 * s) as i64, (bytes as f64 * s) as i64)
}

/// One stack's four values: allocated and in use, objects and bytes, scaled.
pub fn stack_values(s: Sampled, freed_objects: u64, freed_bytes: u64, rate: i64) -> [i64; 4] {
    let (ao, ab) = scale(s.objects, s.bytes, rate);
    let (io, ib) = scale(
        s.objects.saturating_sub(freed_objects),
        s.bytes.saturating_sub(freed_bytes),
        rate,
    );
    [ao, ab, io, ib]
}

/// The heap profile of `vm` (empty of samples when no profile was kept), gzipped;
/// `alloc_default`: pprof shows `alloc_space` by default (Go's "allocs" profile) rather
/// than `inuse_space` (the "heap" profile).
pub fn heap_profile(vm: &Vm, alloc_default: bool) -> Vec<u8> {
    let mut st = Strings::new();
    let mut p = Pb::default();
    for (ty, unit) in [
        ("alloc_objects", "count"),
        ("alloc_space", "bytes"),
        ("inuse_objects", "count"),
        ("inuse_space", "bytes"),
    ] {
        let (t, u) = (st.id(ty), st.id(unit));
        p.msg(1, |m| {
            m.int(1, t);
            m.int(2, u);
        });
    }
    let mut locations: HashMap<(u32, u32), u64> = HashMap::new();
    let mut functions: HashMap<u32, u64> = HashMap::new();
    let mut loc_msgs = Pb::default();
    let mut fn_msgs = Pb::default();
    let rate = vm.profile.as_ref().map_or(0, |pr| pr.rate(vm));
    if let Some(pr) = &vm.profile {
        let fates = vm.heap.tag_fates();
        for (tag, stack) in pr.stacks.iter().enumerate() {
            let f = fates.get(tag).copied().unwrap_or_default();
            let vals = stack_values(pr.sampled[tag], f.freed_objects, f.freed_bytes, rate);
            let mut ids = Vec::with_capacity(stack.len());
            for &(func, pc) in stack.iter() {
                let next = locations.len() as u64 + 1;
                let id = *locations.entry((func, pc)).or_insert_with(|| {
                    // One Line per function inlined at the instruction, innermost first,
                    // the compiled function last (pprof's representation of inlining).
                    let lines: Vec<(u64, i64)> = (0..crate::callers::depth_of(vm, func, pc))
                        .map(|d| {
                            let at = Some(pc as usize);
                            let g = crate::callers::logical_func(vm, func, at, d);
                            let fid = function_id(vm, g, &mut functions, &mut fn_msgs, &mut st);
                            (fid, crate::callers::position(vm, func, at, d).1)
                        })
                        .collect();
                    loc_msgs.msg(4, |m| {
                        m.int(1, next as i64);
                        m.int(2, 1);
                        m.int(3, crate::callers::encode((func, pc as usize, 0)) as i64);
                        for (fid, line) in lines {
                            m.msg(4, |l| {
                                l.int(1, fid as i64);
                                l.int(2, line);
                            });
                        }
                    });
                    next
                });
                ids.push(id as i64);
            }
            p.msg(2, |m| {
                m.packed(1, ids);
                m.packed(2, vals);
            });
        }
    }
    let exe = st.id("gosub");
    p.msg(3, |m| {
        m.int(1, 1);
        m.int(3, i64::MAX);
        m.int(5, exe);
        for field in 7..=9 {
            m.int(field, 1); // has_functions, has_filenames, has_line_numbers
        }
    });
    p.0.extend_from_slice(&loc_msgs.0);
    p.0.extend_from_slice(&fn_msgs.0);
    let (space, bytes) = (st.id("space"), st.id("bytes"));
    let default = st.id(if alloc_default {
        "alloc_space"
    } else {
        "inuse_space"
    });
    for s in &st.list {
        p.bytes(6, s.as_bytes());
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i64);
    p.int(9, now);
    p.msg(11, |m| {
        m.int(1, space);
        m.int(2, bytes);
    });
    p.int(12, rate);
    p.int(14, default);
    gzip(&p.0)
}

/// The id of `func`'s Function message, written on first use.
fn function_id(
    vm: &Vm,
    func: u32,
    ids: &mut HashMap<u32, u64>,
    out: &mut Pb,
    st: &mut Strings,
) -> u64 {
    if let Some(&id) = ids.get(&func) {
        return id;
    }
    let id = ids.len() as u64 + 1;
    let name = vm
        .prog
        .funcs
        .get(func as usize)
        .map_or("?", |f| f.name.as_str());
    let (file, line) = crate::callers::position(vm, func, None, 0);
    let (n, f) = (st.id(name), st.id(&file));
    out.msg(5, |m| {
        m.int(1, id as i64);
        m.int(2, n);
        m.int(3, n);
        m.int(4, f);
        m.int(5, line);
    });
    ids.insert(func, id);
    id
}

fn gzip(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing into a Vec cannot fail.
    let _ = e.write_all(b);
    e.finish().unwrap_or_default()
}

pub fn register(r: &mut gosub_vm::NativeRegistry) {
    crate::natives::native!(r, "runtime/pprof.heapProfile", |a| {
        let allocs = a.int()? != 0;
        let b = heap_profile(a.vm, allocs);
        a.ret_bytes(&b)?;
    });
}
