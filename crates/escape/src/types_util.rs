//! Type facts the analysis needs beyond what `gosub_types::layout` owns (sizes, pointer
//! words, interface shape, re-exported here): gc's stack size limits and untyped-ness.

pub use gosub_types::layout::{has_pointers, is_direct_iface};
use gosub_types::{BasicKind, TypeId, TypeKind, TypeTable};

/// Size in bytes of a value of type `t` (Go's amd64 layout).
pub fn size_of(tt: &TypeTable, t: TypeId) -> u64 {
    gosub_types::layout::size_align(tt, t).0
}

/// Explicitly declared variables larger than this live on the heap (gc's MaxStackVarSize,
/// 128 KiB in Go 1.26: `var a [1<<14 + 1]int64` is moved to the heap).
pub const MAX_STACK_VAR_SIZE: u64 = 128 << 10;
/// Implicit allocations (`new`, `&T{}`, `make`) larger than this too (MaxImplicitStackVarSize).
pub const MAX_IMPLICIT_STACK_VAR_SIZE: u64 = 64 << 10;

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
