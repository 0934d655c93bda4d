//! Go's amd64 memory layout of types: size, alignment, field offsets, pointer words, and
//! whether a type is stored directly in an interface's data word. This module is the one
//! owner of these facts; the checker (`unsafe.Sizeof`/`Alignof`/`Offsetof`), escape analysis
//! (gc's stack size limits, interface boxing) and the compiler (frames, heap objects, GC
//! type descriptions) all read them from here.
//!
//! Invariants:
//! - Sizes and alignments are gc's on amd64: `int`, `uint`, `uintptr`, pointers, maps,
//!   channels, funcs and `unsafe.Pointer` are 8 bytes aligned 8; `string` = {ptr, len} 16;
//!   slice = {ptr, len, cap} 24; interface = {itab, data} 16; `complex64` is 8 bytes aligned
//!   4, `complex128` 16 aligned 8; an array has its element's alignment; a struct has its
//!   fields at Go's aligned offsets, the largest field alignment, and trailing padding, plus
//!   one byte when it ends in a zero-size field (so `&last` does not point past the struct).
//! - A tuple (multiple results) is laid out word by word: each element at an 8-aligned
//!   offset, the whole rounded to 8.
//! - A layout's `ptr_words` lists, in increasing order, the 8-byte words that hold a
//!   pointer the collector must follow; an interface's data word is always one.
//! - Never panics, even on types still being checked: recursion is depth-limited and an
//!   unresolved named type is zero-sized.

use crate::ty::{BasicKind, TypeId, TypeKind, TypeTable};
use smallvec::smallvec;

/// How deep `layout` follows nested types before giving up (only reachable with invalid,
/// infinitely nested types, which the checker reports).
const MAX_DEPTH: u32 = 64;

/// The largest value whose pointer map `Layouts` builds (4 GiB): word indices are `u32`, and
/// the compiler rejects any type larger than this before allocating it.
pub const MAX_MAPPED_SIZE: u64 = u32::MAX as u64;

/// A pointer map: inline up to four words, so that copying the layout of most types
/// allocates nothing.
pub type PtrWords = smallvec::SmallVec<[u32; 4]>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub size: u64,
    pub align: u64,
    /// Word indices (offset / 8) that hold pointers.
    pub ptr_words: PtrWords,
}

impl Layout {
    /// The layout of `[n]E` for an element of layout `el`: elements back to back (an
    /// element with pointers is a whole number of words, its alignment being 8).
    pub fn array(el: &Layout, n: u64) -> Layout {
        let size = el.size.saturating_mul(n);
        let mut ptr_words = PtrWords::new();
        // A value larger than MAX_MAPPED_SIZE can never be allocated (the compiler rejects
        // its type), so its pointer map is not built.
        if !el.ptr_words.is_empty() && size <= MAX_MAPPED_SIZE {
            let words_per = el.size / 8;
            for i in 0..n {
                for w in &el.ptr_words {
                    ptr_words.push((i * words_per) as u32 + w);
                }
            }
        }
        Layout {
            size,
            align: el.align.max(1),
            ptr_words,
        }
    }

    /// One 8-byte word, a pointer or not.
    pub fn word(ptr: bool) -> Layout {
        Layout {
            size: 8,
            align: 8,
            ptr_words: if ptr { smallvec![0] } else { PtrWords::new() },
        }
    }
}

/// `n` rounded up to a multiple of `a` (`a` <= 1 leaves it unchanged).
pub fn round_up(n: u64, a: u64) -> u64 {
    if a <= 1 {
        n
    } else {
        n.div_ceil(a).saturating_mul(a)
    }
}

/// Size, alignment and whether it holds a pointer, for a basic type.
fn basic(b: BasicKind) -> (u64, u64, bool) {
    match b {
        BasicKind::Bool | BasicKind::Int8 | BasicKind::Uint8 => (1, 1, false),
        BasicKind::Int16 | BasicKind::Uint16 => (2, 2, false),
        BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32 => (4, 4, false),
        BasicKind::Complex64 => (8, 4, false),
        BasicKind::Complex128 => (16, 8, false),
        BasicKind::String | BasicKind::UntypedString => (16, 8, true),
        BasicKind::UnsafePointer | BasicKind::UntypedNil => (8, 8, true),
        _ => (8, 8, false),
    }
}

/// Size and alignment of `t`, without building its pointer map (cheap for huge arrays).
pub fn size_align(tt: &TypeTable, t: TypeId) -> (u64, u64) {
    size_align_d(tt, t, 0)
}

fn size_align_d(tt: &TypeTable, t: TypeId, d: u32) -> (u64, u64) {
    if d > MAX_DEPTH {
        return (8, 8);
    }
    match tt.under(t) {
        TypeKind::Basic(b) => {
            let (s, a, _) = basic(*b);
            (s, a)
        }
        TypeKind::Slice(_) => (24, 8),
        TypeKind::Interface(_) => (16, 8),
        TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => (8, 8),
        TypeKind::Array(e, n) => {
            let (s, a) = size_align_d(tt, *e, d + 1);
            (s.saturating_mul(*n), a.max(1))
        }
        TypeKind::Struct(fs) => {
            let fields: Vec<(u64, u64)> =
                fs.iter().map(|f| size_align_d(tt, f.ty, d + 1)).collect();
            let (_, size, align) = struct_offsets(&fields);
            (size, align)
        }
        TypeKind::Tuple(ts) => {
            let size = ts.iter().fold(0u64, |off, t| {
                round_up(off, 8).saturating_add(size_align_d(tt, *t, d + 1).0)
            });
            (round_up(size, 8), 8)
        }
        // Generic code is never laid out (only its instances are).
        TypeKind::Named(_) | TypeKind::TypeParam(_) | TypeKind::Constraint(_) => (0, 1),
    }
}

/// Go's struct layout from its fields' (size, align): each field's offset, the struct's
/// size (with trailing padding, and the extra byte after a final zero-size field) and its
/// alignment.
fn struct_offsets(fields: &[(u64, u64)]) -> (Vec<u64>, u64, u64) {
    let mut offs = Vec::with_capacity(fields.len());
    let mut off = 0u64;
    let mut align = 1u64;
    for &(s, a) in fields {
        off = round_up(off, a);
        offs.push(off);
        off = off.saturating_add(s);
        align = align.max(a);
    }
    if fields.last().is_some_and(|&(s, _)| s == 0) && off > 0 {
        off = off.saturating_add(1);
    }
    (offs, round_up(off, align), align)
}

/// Offsets of a struct type's fields (empty for any other type).
pub fn field_offsets(tt: &TypeTable, t: TypeId) -> Vec<u64> {
    match tt.under(t) {
        TypeKind::Struct(fs) => {
            let fields: Vec<(u64, u64)> = fs.iter().map(|f| size_align(tt, f.ty)).collect();
            struct_offsets(&fields).0
        }
        _ => Vec::new(),
    }
}

/// Does a value of type `t` hold any pointer the collector must follow?
pub fn has_pointers(tt: &TypeTable, t: TypeId) -> bool {
    has_pointers_d(tt, t, 0)
}

fn has_pointers_d(tt: &TypeTable, t: TypeId, d: u32) -> bool {
    if d > MAX_DEPTH {
        return true;
    }
    match tt.under(t) {
        TypeKind::Basic(b) => basic(*b).2,
        TypeKind::Array(e, n) => *n > 0 && has_pointers_d(tt, *e, d + 1),
        TypeKind::Struct(fs) => fs.iter().any(|f| has_pointers_d(tt, f.ty, d + 1)),
        TypeKind::Tuple(ts) => ts.iter().any(|t| has_pointers_d(tt, *t, d + 1)),
        _ => true,
    }
}

/// Is `t` pointer-shaped in gc's sense (`types.IsDirectIface`): a value of it is stored in
/// an interface's data word itself, so converting it to an interface allocates nothing?
pub fn is_direct_iface(tt: &TypeTable, t: TypeId) -> bool {
    match tt.under(t) {
        TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => true,
        TypeKind::Basic(BasicKind::UnsafePointer) => true,
        TypeKind::Array(e, 1) => is_direct_iface(tt, *e),
        TypeKind::Struct(fs) => fs.len() == 1 && is_direct_iface(tt, fs[0].ty),
        _ => false,
    }
}

/// Full layouts (with pointer maps), memoized per type: what the compiler asks for every
/// frame slot, heap object and GC type description.
#[derive(Clone, Default)]
pub struct Layouts {
    cache: crate::Layered<TypeId, Layout>,
}

impl Layouts {
    /// Shares the layouts computed so far with the copies made from now on.
    pub fn freeze(&mut self) {
        self.cache.freeze();
    }

    pub fn get(&mut self, tt: &TypeTable, t: TypeId) -> Layout {
        self.get_d(tt, t, 0)
    }

    pub fn size(&mut self, tt: &TypeTable, t: TypeId) -> u64 {
        self.get(tt, t).size
    }

    /// Offsets of a struct's fields.
    pub fn field_offsets(&mut self, tt: &TypeTable, t: TypeId) -> Vec<u64> {
        match tt.under(t) {
            TypeKind::Struct(fs) => {
                let tys: Vec<TypeId> = fs.iter().map(|f| f.ty).collect();
                let fields: Vec<(u64, u64)> = tys
                    .into_iter()
                    .map(|ft| {
                        let l = self.get(tt, ft);
                        (l.size, l.align)
                    })
                    .collect();
                struct_offsets(&fields).0
            }
            _ => Vec::new(),
        }
    }

    fn get_d(&mut self, tt: &TypeTable, t: TypeId, d: u32) -> Layout {
        if let Some(l) = self.cache.get(&t) {
            return l.clone();
        }
        let l = self.compute(tt, t, d);
        self.cache.insert(t, l.clone());
        l
    }

    fn compute(&mut self, tt: &TypeTable, t: TypeId, d: u32) -> Layout {
        if d > MAX_DEPTH {
            return Layout::word(false);
        }
        match tt.under(t).clone() {
            TypeKind::Basic(b) => {
                let (size, align, ptr) = basic(b);
                Layout {
                    size,
                    align,
                    ptr_words: if ptr { smallvec![0] } else { PtrWords::new() },
                }
            }
            TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => {
                Layout::word(true)
            }
            TypeKind::Slice(_) => Layout {
                size: 24,
                align: 8,
                ptr_words: smallvec![0],
            },
            TypeKind::Interface(_) => Layout {
                size: 16,
                align: 8,
                ptr_words: smallvec![1],
            },
            TypeKind::Array(e, n) => Layout::array(&self.get_d(tt, e, d + 1), n),
            TypeKind::Struct(fields) => {
                let ls: Vec<Layout> = fields.iter().map(|f| self.get_d(tt, f.ty, d + 1)).collect();
                let sa: Vec<(u64, u64)> = ls.iter().map(|l| (l.size, l.align)).collect();
                let (offs, size, align) = struct_offsets(&sa);
                let ptr_words = ls
                    .iter()
                    .zip(&offs)
                    .flat_map(|(l, off)| l.ptr_words.iter().map(move |w| (off / 8) as u32 + w))
                    .collect();
                Layout {
                    size,
                    align,
                    ptr_words,
                }
            }
            TypeKind::Tuple(ts) => {
                let mut off = 0u64;
                let mut ptr_words = PtrWords::new();
                for t in ts {
                    let l = self.get_d(tt, t, d + 1);
                    off = round_up(off, 8);
                    for w in &l.ptr_words {
                        ptr_words.push((off / 8) as u32 + w);
                    }
                    off = off.saturating_add(l.size);
                }
                Layout {
                    size: round_up(off, 8),
                    align: 8,
                    ptr_words,
                }
            }
            TypeKind::Named(_) | TypeKind::TypeParam(_) | TypeKind::Constraint(_) => Layout {
                size: 0,
                align: 1,
                ptr_words: PtrWords::new(),
            },
        }
    }
}
