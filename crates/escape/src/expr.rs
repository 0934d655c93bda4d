//! Expressions (gc's expr.go): `expr(k, e)` evaluates `e` into the hole `k`.
//! - a value without pointers, and a constant, flows nowhere (the blank hole);
//! - `x` (a local variable): `k <- x`; globals and functions flow nowhere;
//! - `&x`: `k` takes the address (derefs - 1); `&T{...}`: an allocation site;
//! - `*p`, `p.f` through a pointer, `s[i]` of a slice or string: one more dereference;
//!   `a[i]` of an array, `v.f` of a struct value, `s[lo:hi]`: the same level; slicing an
//!   array takes its address; `m[k]`: nothing flows from the map (what a map holds is
//!   on the heap already);
//! - `x.(T)`: one dereference unless `T` is an interface or pointer-shaped;
//! - string concatenation (`a + b + c`, one node as in gc) and method values (closures
//!   capturing the receiver): allocation sites;
//! - composite literals: struct and array elements flow to `k`; slice literals are
//!   allocation sites their elements flow into; map literals are allocation sites whose keys
//!   and values flow to the heap;
//! - implicit conversion to an interface (`expr_conv`): boxing a value that is not
//!   pointer-shaped is an allocation site (`conv_iface`);
//! - calls: `call.rs`; function literals: `closure.rs`.

use crate::alloc::*;
use crate::build::*;
use crate::call::*;
use crate::graph::*;
use crate::types_util::*;
use gosub_syntax::ast::{unparen, BinOp, Expr, ExprKind, UnOp};
use gosub_types::{Selection, TypeId, TypeKind};

impl<'a, 'c> Builder<'a, 'c> {
    /// Evaluates `e` for a store through it: what it points to is mutated.
    pub(crate) fn mutate(&mut self, e: &'a Expr) {
        let k = self.mutator();
        self.expr(k, e);
    }

    /// Evaluates `e` for its effects only.
    pub(crate) fn discard(&mut self, e: &'a Expr) {
        let k = self.blank();
        self.expr(k, e);
    }

    /// Evaluates `e` into `k`, converting to `dt` first when `dt` is an interface type and
    /// `e` is not (implicit interface boxing).
    pub fn expr_conv(&mut self, k: Hole, e: &'a Expr, dt: Option<TypeId>) {
        let tt = &self.p().types;
        if let (Some(dt), Some(st)) = (dt, self.ty(e)) {
            if tt.is_interface(dt) && !tt.is_interface(st) && !is_untyped_nil(tt, st) {
                self.conv_iface(k, e, TAG_IFACE);
                return;
            }
        }
        self.expr(k, e);
    }

    /// Boxes `x` into an interface: an allocation site (tag `tag`) unless `x` is
    /// pointer-shaped.
    pub(crate) fn conv_iface(&mut self, k: Hole, x: &'a Expr, tag: u64) {
        let tt = &self.p().types;
        let st = self.ty(x).unwrap_or(gosub_types::T_INVALID);
        let mut k = k;
        if !is_direct_iface(tt, st) {
            k = self.spill(k, x, tag, AllocKind::Iface);
            if let Some(c) = self.static_const(x) {
                // gc's rewriteWithLiterals: the message names the constant.
                let text = crate::diag::fmt_expr(self.p(), c);
                if let Some(i) = self.alloc_info.get_mut(&key(x.id, tag)) {
                    i.text = text;
                }
            }
        }
        let k = self.note_e(k, x, "interface-converted");
        self.expr(k, x);
        if let Some(t) = self.devirt_text.get(&unparen(x).id).cloned() {
            if let Some(i) = self.alloc_info.get_mut(&key(x.id, tag)) {
                i.text = t;
            }
        }
    }

    /// Evaluates `e` into `k`, by the rule of its kind (see the module header).
    pub fn expr(&mut self, k: Hole, e: &'a Expr) {
        let tt = &self.p().types;
        let mut k = k;
        if let Some(t) = self.ty(e) {
            if k.derefs >= 0 && !is_untyped(tt, t) && !has_pointers(tt, t) {
                k = self.blank();
            }
        }
        // Constants, and function values of generic instances (`F[int]`: like a function name,
        // nothing flows).
        if self.p().info.consts.contains_key(&e.id) || self.p().instance_of(e).is_some() {
            return;
        }
        match &e.kind {
            ExprKind::Ident(id) => {
                if let Some(&o) = self.p().info.uses.get(&id.id) {
                    if self.is_local(o) {
                        if let Some(lit) = self.static_lits.get(&o) {
                            self.lost_lits.insert(lit.id);
                        }
                        let l = self.var(o);
                        self.g.flow(&k, l);
                    }
                }
            }
            ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::ImagLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StringLit(_) => {}
            ExprKind::Paren(x) => self.expr(k, x),
            ExprKind::Unary { op: UnOp::Addr, x } => {
                let inner = unparen(x);
                if let ExprKind::CompositeLit { .. } = inner.kind {
                    self.ptrlit_inner.insert(e.id, inner.id);
                    let k2 = self.spill(k, e, TAG_PRIMARY, AllocKind::PtrLit);
                    self.composite(k2, inner);
                } else {
                    let k2 = self.note_e(k.shift(-1), e, "address-of");
                    self.expr(k2, x);
                }
            }
            ExprKind::Unary { op: UnOp::Recv, x } => self.discard(x),
            ExprKind::Unary { x, .. } => self.discard(x),
            ExprKind::Star(x) => {
                let k2 = self.note_e(k.shift(1), e, "indirection");
                self.expr(k2, x);
            }
            ExprKind::Binary { op, x, y } => {
                let is_str = self.ty(e).is_some_and(|t| is_string(tt, t));
                if *op == BinOp::Add && is_str {
                    self.spill(k, e, TAG_PRIMARY, AllocKind::Concat);
                    // gc flattens `a + b + c` into one concatenation node.
                    let mut ops = Vec::new();
                    self.concat_operands(e, &mut ops);
                    for o in ops {
                        self.discard(o);
                    }
                } else {
                    self.discard(x);
                    self.discard(y);
                }
            }
            ExprKind::Selector { x, .. } => self.selector(k, e, x),
            ExprKind::Index { x, index } => {
                let xt = self.ty(x).map(|t| tt.under(t).clone());
                match xt {
                    Some(TypeKind::Array(..)) => {
                        let k2 = self.note_e(k, e, "fixed-array-index-of");
                        self.expr(k2, x);
                        self.discard(index);
                    }
                    Some(TypeKind::Map(..)) => {
                        self.discard(x);
                        self.discard(index);
                    }
                    _ => {
                        let k2 = self.note_e(k.shift(1), e, "dot of pointer");
                        self.expr(k2, x);
                        self.discard(index);
                    }
                }
            }
            ExprKind::SliceExpr { x, lo, hi, max, .. } => {
                let xt = self.ty(x).map(|t| tt.under(t).clone());
                let k2 = self.note_e(k, e, "slice");
                if let Some(TypeKind::Array(..)) = xt {
                    // Slicing an array variable takes its address.
                    let k3 = self.note_e(k2.shift(-1), x, "address-of");
                    self.expr(k3, x);
                } else {
                    self.expr(k2, x);
                }
                for p in [lo, hi, max].into_iter().flatten() {
                    self.discard(p);
                }
            }
            ExprKind::TypeAssert { x, .. } => {
                let t = self.ty(e).unwrap_or(gosub_types::T_INVALID);
                let t = match tt.kind(t) {
                    TypeKind::Tuple(ts) => ts.first().copied().unwrap_or(t),
                    _ => t,
                };
                let k2 = if !tt.is_interface(t) && !is_direct_iface(tt, t) {
                    k.shift(1)
                } else {
                    k
                };
                let k2 = self.note_e(k2, e, "dot");
                self.expr(k2, x);
            }
            ExprKind::Call { .. } => {
                // A multi-value call in a one-value place (`fmt.Println(g())`, whose results
                // all go to the `...` slice): every result flows to `k`.
                let n = match self.ty(e).map(|t| tt.kind(t)) {
                    Some(TypeKind::Tuple(ts)) => ts.len().max(1),
                    _ => 1,
                };
                let ks = vec![k; n];
                self.call(Some(ks), e);
            }
            ExprKind::CompositeLit { .. } => {
                let t = self.ty(e).map(|t| tt.under(t).clone());
                match t {
                    Some(TypeKind::Pointer(_)) => {
                        // Elided `&T` in a composite literal element.
                        let k2 = self.spill(k, e, TAG_PRIMARY, AllocKind::PtrLit);
                        self.composite(k2, e);
                    }
                    _ => self.composite(k, e),
                }
            }
            ExprKind::FuncLit { body, .. } => self.func_lit(k, e, body),
            ExprKind::KeyValue { value, .. } => self.expr(k, value),
            _ => {}
        }
    }

    /// The constant an expression statically denotes: itself, or the constant initializer
    /// of a never-reassigned local it names (gc rewrites such operands to literals).
    pub fn static_const(&self, e: &'a Expr) -> Option<&'a Expr> {
        let e = unparen(e);
        if self.p().info.consts.contains_key(&e.id) {
            return Some(e);
        }
        if let ExprKind::Ident(id) = &e.kind {
            let o = self.p().info.uses.get(&id.id)?;
            let init = self.static_inits.get(o)?;
            return self.static_const(init);
        }
        None
    }

    /// The concrete value an interface-typed expression statically holds (devirtualization).
    pub(crate) fn static_concrete(&self, e: &'a Expr) -> Option<TypeId> {
        let e = unparen(e);
        if let ExprKind::Ident(id) = &e.kind {
            let o = self.p().info.uses.get(&id.id)?;
            if !self.is_local(*o) {
                return None;
            }
            let init = self.static_inits.get(o)?;
            let t = self.ty(init)?;
            if self.p().types.is_interface(t) {
                return self.static_concrete(init);
            }
            if is_untyped_nil(&self.p().types, t) {
                return None;
            }
            return Some(t);
        }
        None
    }

    /// The operands of a string concatenation `a + b + c`, flattened as gc does.
    pub(crate) fn concat_operands(&self, e: &'a Expr, out: &mut Vec<&'a Expr>) {
        let e = unparen(e);
        if let ExprKind::Binary {
            op: BinOp::Add,
            x,
            y,
        } = &e.kind
        {
            if !self.p().info.consts.contains_key(&e.id) {
                self.concat_operands(x, out);
                out.push(y);
                return;
            }
        }
        out.push(e);
    }

    /// `x.sel`: a field (through pointers on its path: dereferences), a method value (a
    /// closure capturing the receiver), a qualified identifier (nothing).
    pub(crate) fn selector(&mut self, k: Hole, e: &'a Expr, x: &'a Expr) {
        let sel = self.p().info.selections.get(&e.id).cloned();
        match sel {
            Some(Selection::Field { path, .. }) => {
                let k = self.field_path_hole(k, x, &path, e);
                self.expr(k, x);
            }
            Some(Selection::Qualified(o)) => {
                let _ = o;
            }
            Some(Selection::Method {
                path,
                func,
                ptr_recv,
            }) => {
                // Method value: a closure capturing the receiver.
                let ck = self.spill(k, e, TAG_PRIMARY, AllocKind::MethValue);
                let pk = self.param_hole(&[], Callee::Static(func), 0, true);
                let kk = self.tee(vec![pk, ck]);
                let kk = self.recv_hole(kk, x, &path, ptr_recv);
                self.expr(kk, x);
            }
            Some(Selection::IfaceMethod { path, .. }) => {
                let ck = self.spill(k, e, TAG_PRIMARY, AllocKind::MethValue);
                let h = self.heap();
                let kk = self.tee(vec![h, ck]);
                let kk = self.field_path_hole(kk, x, &path, e);
                self.expr(kk, x);
            }
            Some(Selection::MethodExpr { .. }) | Some(Selection::IfaceMethodExpr { .. }) => {}
            None => self.discard(x),
        }
    }

    /// The hole for `x` given that `x.path` flows to `k` (each pointer along the path is a
    /// dereference).
    pub(crate) fn field_path_hole(&self, k: Hole, x: &Expr, path: &[usize], e: &Expr) -> Hole {
        let tt = &self.p().types;
        let Some(mut t) = self.ty(x) else { return k };
        let mut shifts = 0;
        for &fi in path {
            if let &TypeKind::Pointer(inner) = tt.under(t) {
                shifts += 1;
                t = inner;
            }
            match tt.under(t) {
                TypeKind::Struct(fs) => match fs.get(fi) {
                    Some(f) => t = f.ty,
                    None => break,
                },
                _ => break,
            }
        }
        let why = if shifts > 0 { "dot of pointer" } else { "dot" };
        self.note_e(k.shift(shifts), e, why)
    }

    /// The hole for receiver expression `x` of a method declared at the end of `path`.
    pub(crate) fn recv_hole(&self, k: Hole, x: &Expr, path: &[usize], ptr_recv: bool) -> Hole {
        let tt = &self.p().types;
        let Some(mut t) = self.ty(x) else { return k };
        let mut shifts = 0;
        for &fi in path {
            if let &TypeKind::Pointer(inner) = tt.under(t) {
                shifts += 1;
                t = inner;
            }
            match tt.under(t) {
                TypeKind::Struct(fs) => match fs.get(fi) {
                    Some(f) => t = f.ty,
                    None => break,
                },
                _ => break,
            }
        }
        let is_ptr = matches!(tt.under(t), TypeKind::Pointer(_));
        if ptr_recv && !is_ptr {
            shifts -= 1;
        } else if !ptr_recv && is_ptr {
            shifts += 1;
        }
        // Apply as one shift; -1 marks the address taken.
        let mut k = k;
        if shifts < 0 {
            k = k.shift(-1);
        } else if shifts > 0 {
            k = k.shift(shifts);
        }
        k
    }

    /// A composite literal's elements: into `k` for structs and arrays, into a new
    /// allocation for slices, to the heap for maps.
    pub(crate) fn composite(&mut self, k: Hole, e: &'a Expr) {
        let ExprKind::CompositeLit { elts, .. } = &e.kind else {
            return;
        };
        let tt = &self.p().types;
        let mut t = self.ty(e).unwrap_or(gosub_types::T_INVALID);
        // An elided `&T{...}`: its slice's backing array or its map is a site of its own.
        let mut tag = TAG_PRIMARY;
        if let TypeKind::Pointer(inner) = tt.under(t) {
            t = *inner;
            tag = TAG_ELIDED;
        }
        match tt.under(t).clone() {
            TypeKind::Struct(fields) => {
                for (fi, v) in gosub_types::struct_lit_elems(&fields, elts) {
                    let ft = fi.and_then(|i| fields.get(i)).map(|f| f.ty);
                    let kk = self.note_e(k.clone(), e, "struct literal element");
                    self.expr_conv(kk, v, ft);
                }
            }
            TypeKind::Array(et, _) => {
                for el in elts {
                    let v = match &el.kind {
                        ExprKind::KeyValue { key, value } => {
                            self.discard(key);
                            &**value
                        }
                        _ => el,
                    };
                    let kk = self.note_e(k.clone(), e, "array literal element");
                    self.expr_conv(kk, v, Some(et));
                }
            }
            TypeKind::Slice(et) => {
                let k2 = self.spill(k, e, tag, AllocKind::SliceLit);
                for el in elts {
                    let v = match &el.kind {
                        ExprKind::KeyValue { key, value } => {
                            self.discard(key);
                            &**value
                        }
                        _ => el,
                    };
                    let kk = self.note_e(k2.clone(), e, "slice-literal-element");
                    self.expr_conv(kk, v, Some(et));
                }
            }
            TypeKind::Map(kt, vt) => {
                self.spill(k, e, tag, AllocKind::MapLit);
                for el in elts {
                    if let ExprKind::KeyValue { key, value } = &el.kind {
                        let h = self.note_e(self.heap(), e, "map literal key");
                        self.expr_conv(h, key, Some(kt));
                        let h = self.note_e(self.heap(), e, "map literal value");
                        self.expr_conv(h, value, Some(vt));
                    }
                }
            }
            _ => {
                for el in elts {
                    self.discard(el);
                }
            }
        }
    }
}
