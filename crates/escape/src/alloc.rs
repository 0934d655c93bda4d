//! Allocation sites: every expression that may allocate (`new`, `&T{}`, slice and map
//! literals, `make`, closures, method values, string conversions and concatenation,
//! interface boxing of values that are not pointer-shaped, `append`'s backing store, a
//! variadic call's `...` slice) gets a location of its own (`spill`): the hole receives its
//! address, and what is stored in the allocation flows into its location.
//!
//! A site is keyed by its node and a tag (`AllocKey`), since one node can be a primary
//! allocation, an interface box and a `...` slice at once; it carries the text and the
//! position gc's `-m` uses for it (`gc_pos`, `call_lparen`).

use crate::build::*;
use crate::graph::*;
use gosub_syntax::ast::{Expr, ExprKind, NodeId};

/// Allocation-site key: node id * 4 + tag.
pub type AllocKey = u64;
/// The allocation the node itself makes (`new`, `&T{}`, `make`, a closure, ...).
pub const TAG_PRIMARY: u64 = 0;
/// The interface box of the node's value.
pub const TAG_IFACE: u64 = 1;
/// The `...` slice of a variadic call.
pub const TAG_DDD: u64 = 2;
/// What an elided `&T{...}` (`[]*[]int{{1}}`, `[]*map[K]V{{k: v}}`) allocates besides the
/// `T` it points at: the slice literal's backing array, the map literal's map. gc names it
/// without the `&`; the compiler always puts it on the heap (`literal_of_type`).
pub const TAG_ELIDED: u64 = 3;

/// The key of allocation site `tag` at node `id`.
pub fn key(id: NodeId, tag: u64) -> AllocKey {
    id as u64 * 4 + tag
}

/// What `-m` says about an allocation site, and where.
pub struct AllocInfo {
    pub pos: u32,
    /// How `-m` names the allocation (`append` for appends).
    pub text: String,
    /// How the `-m -m` flows name it (the whole expression, `append(g, 1)`).
    pub flow_text: String,
    pub kind: AllocKind,
}

/// What allocates (the compiler acts on some kinds, `summary.rs` applies gc's size limits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocKind {
    New,
    PtrLit,
    SliceLit,
    MapLit,
    MakeSlice,
    MakeMap,
    Closure,
    MethValue,
    Conv,
    StrBytes,
    Concat,
    Iface,
    Ddd,
    Append,
    Temp,
}

impl<'a, 'c> Builder<'a, 'c> {
    /// The allocation site of location `loc`, if it is one.
    pub fn alloc_of(&self, loc: usize) -> Option<(AllocKey, &AllocInfo)> {
        let k = *self.alloc_by_loc.get(&loc)?;
        Some((k, self.alloc_info.get(&k)?))
    }

    /// The kind of allocation at location `loc`, if it is one.
    pub fn alloc_kind_of(&self, loc: usize) -> Option<AllocKind> {
        self.alloc_of(loc).map(|(_, i)| i.kind)
    }

    /// The location of the primary allocation at node `id`.
    pub fn alloc_loc(&self, id: NodeId) -> Option<usize> {
        let k = key(id, TAG_PRIMARY);
        self.allocs.iter().find(|(kk, _)| *kk == k).map(|(_, l)| *l)
    }

    /// The constant size of a `make([]T, len[, cap])` (cap if present), if constant.
    pub fn make_const_size(&self, call: NodeId) -> Option<i128> {
        if let Some(n) = self.make_consts.get(&call) {
            return Some(*n);
        }
        let e = self.make_calls.get(&call)?;
        let ExprKind::Call { args, .. } = &e.kind else {
            return None;
        };
        let a = args.get(2).or(args.get(1))?;
        match self.cx.p.info.consts.get(&a.id) {
            Some(gosub_types::ConstValue::Int(n)) => Some(*n),
            _ => None,
        }
    }

    /// `spill`: a new allocation location for `e` whose address flows to `k`.
    pub(crate) fn spill(&mut self, k: Hole, e: &Expr, tag: u64, kind: AllocKind) -> Hole {
        let p = self.p();
        let text = match kind {
            AllocKind::Ddd => "... argument".to_string(),
            AllocKind::Closure => "func literal".to_string(),
            AllocKind::Append => "append".to_string(),
            _ => crate::diag::fmt_expr(p, e),
        };
        let text = match (tag, text.strip_prefix('&')) {
            (TAG_ELIDED, Some(t)) => t.to_string(),
            _ => text,
        };
        let pos = match kind {
            AllocKind::Ddd | AllocKind::Append => call_lparen(e),
            AllocKind::PtrLit => e.span.lo,
            _ => gc_pos(e),
        };
        let flow_text = match kind {
            AllocKind::Append => crate::diag::fmt_expr(p, e),
            _ => text.clone(),
        };
        let info = AllocInfo {
            pos,
            text,
            flow_text,
            kind,
        };
        Hole::to(self.alloc_site(k, e.id, tag, info))
    }

    /// Records an allocation site (node `id`, `tag`) as a new location whose address flows
    /// to `k` (dereference -1), with the `-m -m` note "spill"; returns the location.
    fn alloc_site(&mut self, k: Hole, id: NodeId, tag: u64, info: AllocInfo) -> usize {
        let loc = self.new_loc(LocKind::Alloc(id), false);
        let key = key(id, tag);
        self.allocs.push((key, loc));
        self.alloc_by_loc.insert(loc, key);
        let mut kk = k.shift(-1);
        if self.cx.explain {
            kk.notes.push(Note {
                pos: info.pos,
                text: info.flow_text.clone(),
                why: "spill",
            });
        }
        self.alloc_info.insert(key, info);
        self.g.flow(&kk, loc);
        loc
    }

    /// A string conversion's allocation site: reported at its operand (`x`), named by the
    /// whole conversion.
    pub(crate) fn spill_conv(&mut self, k: Hole, call: &'a Expr, x: &'a Expr) {
        let p = self.p();
        let text = crate::diag::fmt_expr(p, call);
        let info = AllocInfo {
            pos: gc_pos(x),
            text: text.clone(),
            flow_text: text,
            kind: AllocKind::StrBytes,
        };
        self.alloc_site(k, call.id, TAG_PRIMARY, info);
    }
}

/// The position gc reports for an expression node.
pub fn gc_pos(e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::Paren(x) => gc_pos(x),
        ExprKind::Selector { sel, .. } => sel.span.lo.saturating_sub(1),
        ExprKind::Index { x, .. } | ExprKind::SliceExpr { x, .. } => x.span.hi,
        ExprKind::TypeAssert { x, .. } => x.span.hi,
        ExprKind::Call { lparen, .. } => *lparen,
        _ => e.span.lo,
    }
}

pub fn call_lparen(e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::Call { lparen, .. } => *lparen,
        _ => gc_pos(e),
    }
}
