//! Type facts the analysis needs: which types hold pointers, which are stored directly in
//! an interface's data word, and sizes (Go's amd64 layout) for gc's stack size limits.

use gosub_types::{BasicKind, TypeId, TypeKind, TypeTable};

/// Explicitly declared variables larger than this live on the heap (gc's MaxStackVarSize).
pub const MAX_STACK_VAR_SIZE: u64 = 10 << 20;
/// Implicit allocations (`new`, `&T{}`, `make`) larger than this too (MaxImplicitStackVarSize).
pub const MAX_IMPLICIT_STACK_VAR_SIZE: u64 = 64 << 10;

pub fn has_pointers(tt: &TypeTable, t: TypeId) -> bool {
    has_ptrs(tt, t, 0)
}

fn has_ptrs(tt: &TypeTable, t: TypeId, depth: u32) -> bool {
    if depth > 64 {
        return true;
    }
    match tt.under(t) {
        TypeKind::Basic(b) => matches!(
            b,
            BasicKind::String
                | BasicKind::UnsafePointer
                | BasicKind::UntypedString
                | BasicKind::UntypedNil
        ),
        TypeKind::Array(e, n) => *n > 0 && has_ptrs(tt, *e, depth + 1),
        TypeKind::Struct(fs) => fs.iter().any(|f| has_ptrs(tt, f.ty, depth + 1)),
        TypeKind::Tuple(ts) => ts.iter().any(|t| has_ptrs(tt, *t, depth + 1)),
        TypeKind::Named(_) => true,
        _ => true,
    }
}

pub fn is_untyped(tt: &TypeTable, t: TypeId) -> bool {
    matches!(tt.kind(t), TypeKind::Basic(b) if b.is_untyped())
}

pub fn is_untyped_nil(tt: &TypeTable, t: TypeId) -> bool {
    matches!(tt.kind(t), TypeKind::Basic(BasicKind::UntypedNil))
}

pub fn is_string(tt: &TypeTable, t: TypeId) -> bool {
    matches!(
        tt.under(t),
        TypeKind::Basic(BasicKind::String | BasicKind::UntypedString)
    )
}

/// Pointer-shaped types are stored directly in an interface (no allocation).
pub fn is_direct_iface(tt: &TypeTable, t: TypeId) -> bool {
    match tt.under(t) {
        TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => true,
        TypeKind::Basic(BasicKind::UnsafePointer) => true,
        TypeKind::Array(e, 1) => is_direct_iface(tt, *e),
        TypeKind::Struct(fs) => fs.len() == 1 && is_direct_iface(tt, fs[0].ty),
        _ => false,
    }
}

pub fn size_of(tt: &TypeTable, t: TypeId) -> u64 {
    size(tt, t, 0)
}

fn size(tt: &TypeTable, t: TypeId, depth: u32) -> u64 {
    if depth > 64 {
        return 8;
    }
    match tt.under(t) {
        TypeKind::Basic(b) => match b {
            BasicKind::Bool | BasicKind::Int8 | BasicKind::Uint8 => 1,
            BasicKind::Int16 | BasicKind::Uint16 => 2,
            BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32 => 4,
            BasicKind::String | BasicKind::Complex128 | BasicKind::UntypedString => 16,
            _ => 8,
        },
        TypeKind::Slice(_) => 24,
        TypeKind::Interface(_) => 16,
        TypeKind::Array(e, n) => size(tt, *e, depth + 1).saturating_mul(*n),
        TypeKind::Struct(fs) => {
            let mut off = 0u64;
            for f in fs {
                let s = size(tt, f.ty, depth + 1);
                let a = s.clamp(1, 8).next_power_of_two().min(8);
                off = off.div_ceil(a) * a + s;
            }
            off.div_ceil(8) * 8
        }
        _ => 8,
    }
}
