//! Package bytes's natives, and internal/bytealg's (Go's assembly ones): comparing and
//! searching byte slices in place (the searches are strings.rs's, shared with package
//! strings).
//!
//! Invariant: slices are read, never written or kept; a nil slice is an empty one.

use crate::natives::native;
use crate::strings::{count_of, index_of, last_index_of};
use crate::utf8::rune_count;
use gosub_vm::NativeRegistry;

pub fn register(r: &mut NativeRegistry) {
    // internal/bytealg's byte searches, assembly in Go on amd64.
    native!(r, "internal/bytealg.IndexByte", |a| {
        let s = a.slice_ref()?;
        let c = a.int()? as u8;
        let v = index_of(a.bytes(s)?, &[c]);
        a.ret_int(v)?;
    });
    native!(r, "internal/bytealg.IndexByteString", |a| {
        let s = a.string_ref()?;
        let c = a.int()? as u8;
        let v = index_of(a.bytes(s)?, &[c]);
        a.ret_int(v)?;
    });
    native!(r, "internal/bytealg.Count", |a| {
        let s = a.slice_ref()?;
        let c = a.int()? as u8;
        let v = a.bytes(s)?.iter().filter(|&&x| x == c).count() as i64;
        a.ret_int(v)?;
    });
    native!(r, "internal/bytealg.CountString", |a| {
        let s = a.string_ref()?;
        let c = a.int()? as u8;
        let v = a.bytes(s)?.iter().filter(|&&x| x == c).count() as i64;
        a.ret_int(v)?;
    });
    native!(r, "bytes.Equal", |a| {
        let x = a.slice_ref()?;
        let y = a.slice_ref()?;
        let v = a.bytes(x)? == a.bytes(y)?;
        a.ret_bool(v)?;
    });
    native!(r, "bytes.Compare", |a| {
        let x = a.slice_ref()?;
        let y = a.slice_ref()?;
        let v = a.bytes(x)?.cmp(a.bytes(y)?) as i64;
        a.ret_int(v)?;
    });
    native!(r, "bytes.Index", |a| {
        let s = a.slice_ref()?;
        let sep = a.slice_ref()?;
        let v = index_of(a.bytes(s)?, a.bytes(sep)?);
        a.ret_int(v)?;
    });
    native!(r, "bytes.LastIndex", |a| {
        let s = a.slice_ref()?;
        let sep = a.slice_ref()?;
        let v = last_index_of(a.bytes(s)?, a.bytes(sep)?);
        a.ret_int(v)?;
    });
    native!(r, "bytes.IndexByte", |a| {
        let s = a.slice_ref()?;
        let c = a.int()? as u8;
        let v = index_of(a.bytes(s)?, &[c]);
        a.ret_int(v)?;
    });
    native!(r, "bytes.LastIndexByte", |a| {
        let s = a.slice_ref()?;
        let c = a.int()? as u8;
        let v = last_index_of(a.bytes(s)?, &[c]);
        a.ret_int(v)?;
    });
    native!(r, "bytes.Count", |a| {
        let s = a.slice_ref()?;
        let sep = a.slice_ref()?;
        let (s, sep) = (a.bytes(s)?, a.bytes(sep)?);
        // An empty separator matches before each rune and at the end.
        let v = if sep.is_empty() {
            rune_count(s) as i64 + 1
        } else {
            count_of(s, sep)
        };
        a.ret_int(v)?;
    });
}
