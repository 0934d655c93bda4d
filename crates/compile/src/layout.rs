//! Memory layout of Go values: sizes, alignments, field offsets and pointer maps.
//!
//! Invariants: layouts are Go's on amd64 (`int` 8 bytes, `string` = {ptr, len} 16,
//! slice = {ptr, len, cap} 24, interface = {itab, data} 16, map/chan/func/pointer 8,
//! structs with Go's field alignment and trailing padding). The same layout is used in
//! frames and in heap objects, so a value is copied between them byte for byte. A pointer
//! map lists the 8-byte words of a value that hold VM pointers; an interface's data word is
//! always a pointer (non-pointer-shaped values are boxed), so the collector never needs the
//! dynamic type to scan memory.

use gosub_types::{BasicKind, TypeId, TypeKind, TypeTable};
use std::collections::HashMap;

#[derive(Clone, Debug)]
pub struct Layout {
    pub size: u64,
    pub align: u64,
    /// Word indices (offset / 8) that hold pointers.
    pub ptr_words: Vec<u32>,
}

/// Computes and caches layouts.
#[derive(Clone, Default)]
pub struct Layouts {
    cache: HashMap<TypeId, Layout>,
}

pub fn round_up(n: u64, a: u64) -> u64 {
    if a <= 1 {
        n
    } else {
        n.div_ceil(a) * a
    }
}

impl Layouts {
    pub fn get(&mut self, tt: &TypeTable, t: TypeId) -> Layout {
        if let Some(l) = self.cache.get(&t) {
            return l.clone();
        }
        let l = self.compute(tt, t);
        self.cache.insert(t, l.clone());
        l
    }

    /// The layout if already computed (for read-only callers).
    pub fn peek(&self, _tt: &TypeTable, t: TypeId) -> Option<Layout> {
        self.cache.get(&t).cloned()
    }

    pub fn size(&mut self, tt: &TypeTable, t: TypeId) -> u64 {
        self.get(tt, t).size
    }

    /// Offsets of a struct's fields.
    pub fn field_offsets(&mut self, tt: &TypeTable, t: TypeId) -> Vec<u64> {
        let mut offs = Vec::new();
        if let TypeKind::Struct(fields) = tt.under(t) {
            let fields = fields.clone();
            let mut off = 0;
            for f in &fields {
                let l = self.get(tt, f.ty);
                off = round_up(off, l.align);
                offs.push(off);
                off += l.size;
            }
        }
        offs
    }

    fn compute(&mut self, tt: &TypeTable, t: TypeId) -> Layout {
        let word = |ptr: bool| Layout {
            size: 8,
            align: 8,
            ptr_words: if ptr { vec![0] } else { vec![] },
        };
        match tt.under(t).clone() {
            TypeKind::Basic(b) => {
                let (size, ptrs): (u64, Vec<u32>) = match b {
                    BasicKind::Bool | BasicKind::Int8 | BasicKind::Uint8 => (1, vec![]),
                    BasicKind::Int16 | BasicKind::Uint16 => (2, vec![]),
                    BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32 => (4, vec![]),
                    BasicKind::String | BasicKind::UntypedString => (16, vec![0]),
                    BasicKind::Complex128 => (16, vec![]),
                    BasicKind::UnsafePointer | BasicKind::UntypedNil => (8, vec![0]),
                    _ => (8, vec![]),
                };
                let align = match size {
                    16 => 8,
                    s => s,
                };
                Layout {
                    size,
                    align,
                    ptr_words: ptrs,
                }
            }
            TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => {
                word(true)
            }
            TypeKind::Slice(_) => Layout {
                size: 24,
                align: 8,
                ptr_words: vec![0],
            },
            TypeKind::Interface(_) => Layout {
                size: 16,
                align: 8,
                ptr_words: vec![1],
            },
            TypeKind::Array(e, n) => {
                let el = self.get(tt, e);
                let mut ptr_words = Vec::new();
                if !el.ptr_words.is_empty() {
                    let words_per = el.size / 8;
                    for i in 0..n {
                        for w in &el.ptr_words {
                            ptr_words.push((i * words_per) as u32 + w);
                        }
                    }
                }
                Layout {
                    size: el.size.saturating_mul(n),
                    align: el.align.max(1),
                    ptr_words,
                }
            }
            TypeKind::Struct(fields) => {
                let mut off = 0u64;
                let mut align = 1u64;
                let mut ptr_words = Vec::new();
                for f in &fields {
                    let l = self.get(tt, f.ty);
                    off = round_up(off, l.align);
                    for w in &l.ptr_words {
                        ptr_words.push((off / 8) as u32 + w);
                    }
                    off += l.size;
                    align = align.max(l.align);
                }
                // Go pads a struct ending in a zero-size field so &last doesn't point past it.
                if let Some(last) = fields.last() {
                    if self.get(tt, last.ty).size == 0 && off > 0 {
                        off += 1;
                    }
                }
                Layout {
                    size: round_up(off, align),
                    align,
                    ptr_words,
                }
            }
            TypeKind::Tuple(ts) => {
                let mut off = 0u64;
                let mut ptr_words = Vec::new();
                for t in ts {
                    let l = self.get(tt, t);
                    off = round_up(off, 8);
                    for w in &l.ptr_words {
                        ptr_words.push((off / 8) as u32 + w);
                    }
                    off += l.size;
                }
                Layout {
                    size: round_up(off, 8),
                    align: 8,
                    ptr_words,
                }
            }
            TypeKind::Named(_) => Layout {
                size: 0,
                align: 1,
                ptr_words: vec![],
            },
        }
    }
}
