//! Assignments: Go's two-phase order (index and pointer operands of every left-hand side,
//! then every right-hand side, then the stores left to right), op-assignments, the fast
//! paths for `s[i] = v` and `x op= y`, tuple assignments that need no temporaries
//! (`assign_in_sequence`), swaps of slice elements as two loads and two stores
//! (`assign_swap`), and the variables a range loop or a select case receives into.
//!
//! Invariant: a right-hand side that may call a function (`has_call`) is evaluated into a
//! temporary before any store, so the call cannot observe a half-done assignment.

use crate::bytecode::{Op, Reg};
use crate::gen::{Gen, NONE};
use crate::place::Place;
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::{self, AssignOp, BinOp, Expr, ExprKind};
use gosub_syntax::walk::{self, Node};
use gosub_types::{self as types, BasicKind, ObjId, TypeId, TypeKind};

impl<'a> Gen<'a> {
    pub(crate) fn assign(&mut self, lhs: &'a [Expr], op: AssignOp, rhs: &'a [Expr]) {
        match op {
            AssignOp::Op(bop) => {
                let Some(x) = lhs.first() else { return };
                let Some(y) = rhs.first() else { return };
                let t = self.type_of(x.id);
                let pl = self.place_stable(x);
                if let Place::Frame { reg, packed: false } = pl {
                    if !has_call(y) && self.p.types.basic(t).is_some() {
                        // x op= y on a register: one instruction.
                        self.binop_regs(bop, reg, y, t, reg);
                        return;
                    }
                }
                let cur = self.load_place(pl, t);
                let a = self.temp(t);
                self.mov(a, cur, t);
                let r = self.temp(t);
                self.binop_regs(bop, a, y, t, r);
                self.store_place(pl, r, t);
            }
            AssignOp::Define | AssignOp::Assign => {
                // Single-valued right side(s).
                if lhs.len() == rhs.len() {
                    if lhs.len() == 1 {
                        let x = &lhs[0];
                        if let Some(o) = self.new_var(x, op) {
                            // Evaluate straight into the new variable's slot.
                            let t = self.p.obj(o).ty;
                            let slot = self.declare_local(o);
                            self.expr_conv_to(&rhs[0], t, slot);
                            self.bind_var(o, slot, t, true);
                            return;
                        }
                        if self.store_elem_fast(x, &rhs[0]) {
                            return;
                        }
                        let t = self.lhs_type(x);
                        let pl = self.lhs_place(x);
                        if let Place::Frame { reg, packed: false } = pl {
                            if writes_dst_last(&rhs[0]) && self.type_of(rhs[0].id) == t {
                                // Arithmetic reads all operands before writing its result.
                                self.expr_to(&rhs[0], reg);
                                return;
                            }
                        }
                        let r = self.expr_conv(&rhs[0], t);
                        self.store_lhs(pl, r, t);
                        return;
                    }
                    if op == AssignOp::Assign
                        && (self.assign_in_sequence(lhs, rhs) || self.assign_swap(lhs, rhs))
                    {
                        return;
                    }
                    // Phase 1: places and values; phase 2: stores.
                    let places = self.multi_places(lhs, op);
                    let mut vals = Vec::new();
                    for (i, v) in rhs.iter().enumerate() {
                        let t = self.lhs_type(&lhs[i]);
                        let r = self.expr_conv(v, t);
                        let keep = self.temp(t);
                        self.mov(keep, r, t);
                        vals.push((keep, t));
                    }
                    for (i, x) in lhs.iter().enumerate() {
                        let (r, t) = vals[i];
                        match places[i] {
                            Some(pl) => self.store_lhs(pl, r, t),
                            None => {
                                if let Some(o) = self.new_var(x, op) {
                                    self.define_local(o, Some((r, t)));
                                }
                            }
                        }
                    }
                    return;
                }
                // v1, v2 := f() / m[k] / x.(T). gc's order evaluates the left side's calls
                // first, then the right side, and reads the left side's other operands
                // (`a[i]`'s `a` and `i`) after it.
                let Some(v0) = rhs.first() else { return };
                let lhs_calls = lhs.iter().any(crate::assign::has_call);
                let early = lhs_calls.then(|| self.multi_places(lhs, op));
                let vals = self.multi_value(v0, lhs.len());
                let places = match early {
                    Some(pl) => pl,
                    None => self.multi_places(lhs, op),
                };
                for (i, x) in lhs.iter().enumerate() {
                    let Some(&(r, rt)) = vals.get(i) else {
                        continue;
                    };
                    match places[i] {
                        Some(pl) => {
                            let t = self.lhs_type(x);
                            let v = self.convert(r, rt, t);
                            self.store_lhs(pl, v, t);
                        }
                        None => {
                            if let Some(o) = self.new_var(x, op) {
                                self.define_local(o, Some((r, rt)));
                            }
                        }
                    }
                }
            }
        }
    }

    /// `a, b = x, y` over frame variables, assigned one after the other when that means
    /// the same as Go's two phases: no right side reads a variable assigned before it, or
    /// anything else that could (only variables, constants and arithmetic), and each is
    /// computed straight into its variable (`lo, hi = lo+1, hi-1`: two instructions).
    /// False (nothing emitted) otherwise.
    fn assign_in_sequence(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) -> bool {
        let uses = &self.p.info.uses;
        let var = |e: &Expr| match &ast::unparen(e).kind {
            ExprKind::Ident(id) => uses.get(&id.id).copied(),
            _ => None,
        };
        let mut targets = Vec::with_capacity(lhs.len());
        for (x, v) in lhs.iter().zip(rhs) {
            let Some(o) = var(x) else { return false };
            let leaf = matches!(
                ast::unparen(v).kind,
                ExprKind::Ident(_) | ExprKind::IntLit(_)
            );
            if !(simple(v) && (leaf || writes_dst_last(v)))
                || self.type_of(v.id) != self.lhs_type(x)
                || self.globals.contains_key(&o)
                || self.is_boxed(o)
                || targets.contains(&o)
            {
                return false;
            }
            // A right side that reads an earlier left side's variable needs the phases.
            let mut reads_earlier = false;
            walk::inspect(Node::Expr(v), &mut |n| {
                if let Node::Expr(e) = n {
                    reads_earlier |= var(e).is_some_and(|r| targets.contains(&r));
                }
                true
            });
            if reads_earlier {
                return false;
            }
            targets.push(o);
        }
        let mut regs = Vec::with_capacity(lhs.len());
        for x in lhs {
            match self.lhs_place(x) {
                Place::Frame { reg, packed: false } => regs.push(reg),
                _ => return false,
            }
        }
        for (v, reg) in rhs.iter().zip(regs) {
            self.expr_to(v, reg);
        }
        true
    }

    /// `a[i], b[j] = b[j], a[i]` over slices of narrow non-pointer elements, indexed by
    /// variables or constants: both elements loaded (checking `i`, then `j`: the order
    /// gc checks the left sides in, and the right sides can fail no other way), then both
    /// stored, four instructions where the phases take six. Nothing between the loads and
    /// the stores can change `a`, `b`, `i` or `j`. False (nothing emitted) otherwise.
    fn assign_swap(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) -> bool {
        let [x0, x1] = lhs else { return false };
        let [v0, v1] = rhs else { return false };
        let uses = &self.p.info.uses;
        let same = |p: &Expr, q: &Expr| match (&unparen(p).kind, &unparen(q).kind) {
            (ExprKind::Ident(a), ExprKind::Ident(b)) => {
                uses.get(&a.id).is_some_and(|o| uses.get(&b.id) == Some(o))
            }
            (ExprKind::IntLit(a), ExprKind::IntLit(b)) => a == b,
            _ => false,
        };
        let parts = |e: &'a Expr| match &unparen(e).kind {
            ExprKind::Index { x, index } => Some((&**x, &**index)),
            _ => None,
        };
        let (Some((a, i)), Some((b, j))) = (parts(x0), parts(x1)) else {
            return false;
        };
        let (Some((b2, j2)), Some((a2, i2))) = (parts(v0), parts(v1)) else {
            return false;
        };
        let leaf = |e: &Expr| matches!(unparen(e).kind, ExprKind::Ident(_));
        if !(leaf(a) && leaf(b) && same(a, a2) && same(b, b2) && same(i, i2) && same(j, j2))
            || !(leaf(i) || matches!(unparen(i).kind, ExprKind::IntLit(_)))
            || !(leaf(j) || matches!(unparen(j).kind, ExprKind::IntLit(_)))
        {
            return false;
        }
        let mut elems = Vec::with_capacity(2);
        for (s, k) in [(a, i), (b, j)] {
            let TypeKind::Slice(et) = self.p.types.under(self.type_of(s.id)).clone() else {
                return false;
            };
            match crate::place::width_of(&self.p.types, et) {
                Some(w) if !self.is_ptr_word(et) => elems.push((s, k, et, w)),
                _ => return false,
            }
        }
        let mut loaded = Vec::with_capacity(2);
        for &(s, k, et, w) in &elems {
            let sr = self.expr(s);
            let ir = self.expr_conv(k, types::T_INT);
            let dst = self.temp(et);
            self.emit(Op::LoadElem {
                dst,
                s: sr,
                i: ir,
                w,
            });
            loaded.push((sr, ir, dst, w));
        }
        let [(sa, ia, va, wa), (sb, ib, vb, wb)] = loaded[..] else {
            return false;
        };
        self.emit(Op::StoreElem {
            s: sa,
            i: ia,
            src: vb,
            w: wa,
        });
        self.emit(Op::StoreElem {
            s: sb,
            i: ib,
            src: va,
            w: wb,
        });
        true
    }

    /// A place whose operands are evaluated once (for `op=` and `++`).
    pub(crate) fn place_stable(&mut self, e: &'a Expr) -> Place {
        self.place(e)
    }

    /// `s[i] = v` for a slice of narrow non-pointer elements: one fused, bounds-checked
    /// store after the right side is evaluated (Go checks the index at assignment time).
    pub(crate) fn store_elem_fast(&mut self, x: &'a Expr, v: &'a Expr) -> bool {
        let ExprKind::Index { x: sx, index } = &unparen(x).kind else {
            return false;
        };
        let st = self.type_of(sx.id);
        let TypeKind::Slice(et) = self.p.types.under(st).clone() else {
            return false;
        };
        let Some(w) = crate::place::width_of(&self.p.types, et) else {
            return false;
        };
        if self.is_ptr_word(et) {
            return false;
        }
        let sr = self.expr(sx);
        let s = if has_call(v) || has_call(index) {
            let keep = self.temp(st);
            self.mov(keep, sr, st);
            keep
        } else {
            sr
        };
        let ir = self.expr_conv(index, types::T_INT);
        let i = if has_call(v) {
            let keep = self.temp(types::T_INT);
            self.mov(keep, ir, types::T_INT);
            keep
        } else {
            ir
        };
        let val = self.expr_conv(v, et);
        self.emit(Op::StoreElem { s, i, src: val, w });
        true
    }

    pub(crate) fn lhs_type(&self, x: &Expr) -> TypeId {
        if let ExprKind::Ident(id) = &x.kind {
            if let Some(&o) = self.p.info.defs.get(&id.id) {
                return self.p.obj(o).ty;
            }
        }
        self.type_of(x.id)
    }

    /// For `:=`: the new variable an identifier on the left declares, if any.
    pub(crate) fn new_var(&self, x: &Expr, op: AssignOp) -> Option<ObjId> {
        if op != AssignOp::Define {
            return None;
        }
        match &x.kind {
            ExprKind::Ident(id) if id.name != "_" => {
                let o = self.p.info.defs.get(&id.id).copied()?;
                if self
                    .fs
                    .as_ref()
                    .is_some_and(|fs| fs.locals.contains_key(&o))
                {
                    None
                } else {
                    Some(o)
                }
            }
            _ => None,
        }
    }

    /// The places the left sides `lhs` are stored to (None: a variable `op` declares).
    fn multi_places(&mut self, lhs: &'a [Expr], op: AssignOp) -> Vec<Option<Place>> {
        let mut places = Vec::new();
        for x in lhs {
            if self.new_var(x, op).is_some() {
                places.push(None);
            } else {
                places.push(Some(self.lhs_place(x)));
            }
        }
        places
    }

    pub(crate) fn lhs_place(&mut self, x: &'a Expr) -> Place {
        if let ExprKind::Ident(id) = &x.kind {
            if id.name == "_" {
                return Place::Blank;
            }
        }
        self.place(x)
    }

    pub(crate) fn store_lhs(&mut self, pl: Place, r: Reg, t: TypeId) {
        self.store_place(pl, r, t);
    }

    /// `a op y` where `a` is a register already holding the left operand.
    pub(crate) fn binop_regs(&mut self, op: BinOp, a: Reg, y: &'a Expr, t: TypeId, dst: Reg) {
        use crate::bytecode::IntOp;
        let yt = self.type_of(y.id);
        let b = self.expr(y);
        let k = self.p.types.basic(t).unwrap_or(BasicKind::Invalid);
        match op {
            BinOp::Shl | BinOp::Shr => {
                if self.p.types.basic(yt).is_some_and(|k| !k.is_unsigned())
                    && !self.p.info.consts.contains_key(&y.id)
                {
                    self.emit(Op::CheckShift { a: b });
                }
                let iop = match (op, k.is_unsigned()) {
                    (BinOp::Shl, _) => IntOp::Shl,
                    (_, true) => IntOp::ShrU,
                    _ => IntOp::Shr,
                };
                self.emit(Op::Int { op: iop, dst, a, b });
                self.wrap(dst, t);
                return;
            }
            _ => {}
        }
        match k {
            BasicKind::String => {
                self.emit(Op::Concat {
                    dst,
                    a,
                    b,
                    buf: NONE,
                });
            }
            BasicKind::Complex64 | BasicKind::Complex128 => {
                self.complex_binary(crate::ops::float_op(op), t, a, b, dst);
            }
            BasicKind::Float64 | BasicKind::Float32 => {
                let fop = crate::ops::float_op(op);
                if k == BasicKind::Float64 {
                    self.emit(Op::F64 { op: fop, dst, a, b });
                } else {
                    self.emit(Op::F32 { op: fop, dst, a, b });
                }
            }
            _ => {
                let iop = crate::ops::int_op(op, k.is_unsigned());
                self.emit(Op::Int { op: iop, dst, a, b });
                self.wrap(dst, t);
            }
        }
    }

    /// Assigns the value at `v` (of type `t`) to `x`, or defines `x` with it (`:=`): the
    /// variables of `for range` and of `select` receive cases.
    pub(crate) fn assign_received(&mut self, x: &'a Expr, define: bool, v: Reg, t: TypeId) {
        if let ExprKind::Ident(id) = &x.kind {
            if id.name == "_" {
                return;
            }
            if define {
                if let Some(o) = self.def_obj(id) {
                    self.define_local(o, Some((v, t)));
                }
                return;
            }
        }
        let lt = self.type_of(x.id);
        let pl = self.place(x);
        let v = self.convert(v, t, lt);
        self.store_place(pl, v, lt);
    }
}

/// Whether evaluating `e` may call a function (which could change variables it reads).
pub(crate) fn has_call(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Unary {
            op: ast::UnOp::Recv,
            ..
        } => true,
        ExprKind::Paren(x) | ExprKind::Unary { x, .. } | ExprKind::Star(x) => has_call(x),
        ExprKind::Binary { x, y, .. } => has_call(x) || has_call(y),
        ExprKind::Selector { x, .. } => has_call(x),
        ExprKind::Index { x, index } => has_call(x) || has_call(index),
        ExprKind::Ident(_)
        | ExprKind::IntLit(_)
        | ExprKind::FloatLit(_)
        | ExprKind::RuneLit(_)
        | ExprKind::StringLit(_) => false,
        _ => true,
    }
}

/// Expressions whose code reads every operand before writing the destination register:
/// arithmetic and comparisons (not `&&`/`||`, which write the destination early).
pub(crate) fn writes_dst_last(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary { op, .. } => !matches!(op, BinOp::LAnd | BinOp::LOr),
        ExprKind::Unary { op, .. } => {
            matches!(op, ast::UnOp::Neg | ast::UnOp::Xor | ast::UnOp::Not)
        }
        ExprKind::Paren(x) => writes_dst_last(x),
        _ => false,
    }
}

/// Only variables, constants, arithmetic that cannot panic and comparisons: nothing that
/// reads memory (so nothing that could see a variable through a pointer), calls, or panics
/// (a panic after the first assignment would leave it done where Go's phases would not).
fn simple(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::IntLit(_) | ExprKind::FloatLit(_) | ExprKind::RuneLit(_) => {
            true
        }
        ExprKind::Paren(x) => simple(x),
        ExprKind::Unary { op, x } => {
            matches!(op, ast::UnOp::Neg | ast::UnOp::Xor | ast::UnOp::Not) && simple(x)
        }
        // (`==` panics on interfaces holding uncomparable values.)
        ExprKind::Binary { op, x, y } => {
            let panics = matches!(
                op,
                BinOp::Div | BinOp::Rem | BinOp::Shl | BinOp::Shr | BinOp::Eq | BinOp::Ne
            );
            !panics && !matches!(op, BinOp::LAnd | BinOp::LOr) && simple(x) && simple(y)
        }
        _ => false,
    }
}
