//! Package unicode's natives: character classes and case mapping of runes, from Go's own
//! tables (`unicode_tables.rs`, generated from Go 1.26.6, Unicode 15.0.0), so that every
//! code point classifies and maps as in Go.
//!
//! Invariant: a value that is not a code point (negative or beyond U+10FFFF) belongs to no
//! class and maps to itself; surrogates belong to no class Go has (the tables say so).
//! `IsPrint` is Go's own table (`gosub_syntax::isprint`, shared with quoting).

use crate::natives::native;
use crate::range_tables::TABLES;
use crate::unicode_tables as t;
use gosub_heap::Addr;
use gosub_vm::{NativeRegistry, Trap, Vm};

const MAX_RUNE: i64 = 0x10FFFF;

/// Go's case indices (unicode.UpperCase, LowerCase, TitleCase).
pub const UPPER: usize = 0;
pub const LOWER: usize = 1;
pub const TITLE: usize = 2;

pub fn register(r: &mut NativeRegistry) {
    macro_rules! class {
        ($($name:literal => $table:expr),+ $(,)?) => {
            $(native!(r, $name, |a| {
                let v = a.int()?;
                a.ret_bool(in_class($table, v))?;
            });)+
        };
    }
    class!(
        "unicode.IsLetter" => t::LETTER,
        "unicode.IsDigit" => t::DIGIT,
        "unicode.IsNumber" => t::NUMBER,
        "unicode.IsSpace" => t::SPACE,
        "unicode.IsUpper" => t::UPPER,
        "unicode.IsLower" => t::LOWER,
        "unicode.IsTitle" => t::TITLE,
        "unicode.IsPunct" => t::PUNCT,
        "unicode.IsControl" => t::CONTROL,
        "unicode.IsMark" => t::MARK,
        "unicode.IsSymbol" => t::SYMBOL,
        "unicode.IsGraphic" => t::GRAPHIC,
    );
    native!(r, "unicode.IsPrint", |a| {
        let c = u32::try_from(a.int()?).ok().and_then(char::from_u32);
        a.ret_bool(c.is_some_and(gosub_syntax::quote::is_print))?;
    });
    native!(r, "unicode.ToUpper", |a| {
        let v = a.int()?;
        a.ret_int(to_case(UPPER, v))?;
    });
    native!(r, "unicode.ToLower", |a| {
        let v = a.int()?;
        a.ret_int(to_case(LOWER, v))?;
    });
    native!(r, "unicode.ToTitle", |a| {
        let v = a.int()?;
        a.ret_int(to_case(TITLE, v))?;
    });
    native!(r, "unicode.SimpleFold", |a| {
        let v = a.int()?;
        a.ret_int(simple_fold(v))?;
    });
    native!(r, "unicode.loadTables", |a| {
        let p = a.int()? as Addr;
        load_tables(a.vm, p)?;
    });
    native!(r, "unicode.loadCaseRanges", |a| {
        let (p, n) = load_case_ranges(a.vm)?;
        let out = a.addr(24);
        a.vm.heap.write_u64(out, p)?;
        a.vm.heap.write_u64(out + 8, n)?;
        a.vm.heap.write_u64(out + 16, n)?;
    });
}

/// Bytes of a unicode.RangeTable (R16 and R32 slice headers, LatinOffset) as on amd64.
const RANGE_TABLE_SIZE: u64 = 56;

/// Copies `bytes` into the VM's static data (outside the collected heap: never moved,
/// freed or scanned); an empty table is a nil slice.
fn static_data(vm: &mut Vm, bytes: &[u8]) -> Result<Addr, Trap> {
    if bytes.is_empty() {
        return Ok(0);
    }
    vm.heap.alloc_static(bytes).map_err(|_| Trap::OutOfMemory)
}

/// Go's predefined RangeTables' entries as static data bytes, encoded once per process:
/// each table's Range16 and Range32 entries (6 and 12 bytes, as on amd64) where
/// `alloc_static` would put them one after another (8-byte aligned), and their offsets in
/// `bytes` (None for an empty list, a nil slice).
struct EncodedTables {
    bytes: Vec<u8>,
    at: Vec<(Option<u64>, Option<u64>)>,
}

fn encoded_tables() -> &'static EncodedTables {
    static ENCODED: std::sync::OnceLock<EncodedTables> = std::sync::OnceLock::new();
    ENCODED.get_or_init(|| {
        let mut bytes = Vec::new();
        let mut place = |entries: Vec<u8>| {
            if entries.is_empty() {
                return None;
            }
            bytes.resize(bytes.len().next_multiple_of(8), 0);
            let at = bytes.len() as u64;
            bytes.extend_from_slice(&entries);
            Some(at)
        };
        let at = TABLES
            .iter()
            .map(|t| {
                let r16 = t.r16.iter().flatten().flat_map(|v| v.to_le_bytes());
                let r32 = t.r32.iter().flatten().flat_map(|v| v.to_le_bytes());
                (place(r16.collect()), place(r32.collect()))
            })
            .collect();
        EncodedTables { bytes, at }
    })
}

/// Fills the array `[N]RangeTable` at `base` (package unicode's `tables`, a global) with
/// Go's predefined RangeTables (`range_tables.rs`): their entries go to static data (one
/// copy of `encoded_tables`), which is never moved or scanned.
fn load_tables(vm: &mut Vm, base: Addr) -> Result<(), Trap> {
    let enc = encoded_tables();
    let data = static_data(vm, &enc.bytes)?;
    let mut out = Vec::with_capacity(TABLES.len() * RANGE_TABLE_SIZE as usize);
    for (t, &(p16, p32)) in TABLES.iter().zip(&enc.at) {
        let ptr = |at: Option<u64>| at.map_or(0, |o| data + o);
        let words = [
            ptr(p16),
            t.r16.len() as u64,
            t.r16.len() as u64,
            ptr(p32),
            t.r32.len() as u64,
            t.r32.len() as u64,
            t.latin_offset as u64,
        ];
        for w in words {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    vm.heap.write_bytes(base, &out)?;
    Ok(())
}

/// Go's CaseRanges as a `[]CaseRange` (20-byte entries: Lo, Hi, Delta [3]rune) in static
/// data; returns (data, length).
fn load_case_ranges(vm: &mut Vm) -> Result<(Addr, u64), Trap> {
    static ENCODED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let bytes = ENCODED.get_or_init(|| {
        t::CASE_RANGES
            .iter()
            .flat_map(|&(lo, hi, d)| {
                [lo.to_le_bytes(), hi.to_le_bytes()]
                    .into_iter()
                    .chain(d.map(i32::to_le_bytes))
                    .flatten()
            })
            .collect()
    });
    Ok((static_data(vm, bytes)?, t::CASE_RANGES.len() as u64))
}

/// Whether `r` lies in one of `table`'s ranges (sorted, disjoint, inclusive).
pub fn in_class(table: &[(u32, u32)], r: i64) -> bool {
    let Ok(r) = u32::try_from(r) else {
        return false;
    };
    let i = table.partition_point(|&(_, hi)| hi < r);
    table.get(i).is_some_and(|&(lo, _)| lo <= r)
}

/// Go's `unicode.To(case, r)`: `r` mapped to upper, lower or title case by Go's
/// CaseRanges; a rune without a mapping (or not a code point) is returned unchanged.
pub fn to_case(case: usize, r: i64) -> i64 {
    if !(0..=MAX_RUNE).contains(&r) {
        return r;
    }
    let ranges = t::CASE_RANGES;
    let i = ranges.partition_point(|&(_, hi, _)| (hi as i64) < r);
    match ranges.get(i) {
        Some(&(lo, _, d)) if lo as i64 <= r => {
            let lo = lo as i64;
            if d[case] == t::UPPER_LOWER {
                // An alternating sequence: even offsets are upper case, odd lower case.
                lo + (((r - lo) & !1) | (case as i64 & 1))
            } else {
                r + d[case] as i64
            }
        }
        _ => r,
    }
}

/// Go's `unicode.SimpleFold`: the next rune after `r` in its case-folding orbit (the
/// smallest one after the largest).
pub fn simple_fold(r: i64) -> i64 {
    if !(0..=MAX_RUNE).contains(&r) {
        return r;
    }
    let orbit = t::CASE_ORBIT;
    if let Ok(i) = orbit.binary_search_by_key(&(r as u32), |&(from, _)| from) {
        return orbit[i].1 as i64;
    }
    let l = to_case(LOWER, r);
    if l != r {
        return l;
    }
    to_case(UPPER, r)
}
