//! Loops: three-clause `for` with Go 1.22's per-iteration loop variables, and `for range`
//! over integers, strings (by rune), slices, arrays and pointers to arrays, maps and
//! channels.
//!
//! Invariants: the ranged-over value is evaluated once, before the first iteration (an
//! array is copied); a counted loop keeps its index and bound in frame slots of its own, so
//! the body cannot disturb them; every range loop ends with `range_tail` (body, continue
//! point, increment, back edge, exit label).
//!
//! Loops are rotated where the test is cheap to repeat: a counted loop, and a three-clause
//! `for` whose condition compares variables, constants and `len`s of variables
//! (`rotatable`), test once before the first iteration and then at the bottom, where the
//! back edge is the test itself (jump to the body while it holds), so an iteration costs
//! one jump instead of a test at the top and a jump back to it. Such a condition is
//! compiled twice, which is sound because it has no effects, cannot panic and holds no
//! function literal.

use crate::bytecode::{CmpOp, IntOp, Op, Reg};
use crate::gen::{Gen, Loc, LoopCtx, NONE};
use crate::layout::{Layout, PtrWords};
use gosub_syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use gosub_syntax::walk::{self, Node};
use gosub_types::{self as types, ObjId, TypeId, TypeKind};

impl<'a> Gen<'a> {
    pub(crate) fn push_loop(
        &mut self,
        label: Option<String>,
        brk: crate::frame::Label,
        cont: Option<crate::frame::Label>,
    ) {
        self.fs().loops.push(LoopCtx { label, brk, cont });
    }

    pub(crate) fn for_loop(
        &mut self,
        init: &'a Option<Box<Stmt>>,
        cond: &'a Option<Expr>,
        post: &'a Option<Box<Stmt>>,
        body: &'a ast::Block,
        label: Option<String>,
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        // Loop variables declared by init that live in heap cells get a fresh cell per
        // iteration (Go 1.22).
        let mut per_iter = Vec::new();
        for id in init.iter().flat_map(|i| i.short_var_idents()) {
            if let Some(o) = self.def_obj(id) {
                if let Some(Loc::Boxed(r)) = self.fs().locals.get(&o).copied() {
                    per_iter.push((r, self.p.obj(o).ty));
                }
            }
        }
        let top = self.f().new_label();
        let cont = self.f().new_label();
        let end = self.f().new_label();
        let body_start = self.f().new_label();
        self.f().bind(top);
        if let Some(c) = cond {
            let mark = self.f().temp_mark();
            // gc's order, as for an `if` (order.rs).
            let hoisted = self.hoist_calls(&[c], &[None]);
            self.cond_jump_false(c, end);
            self.unhoist(hoisted);
            self.f().release_temps(mark);
        }
        self.f().bind(body_start);
        self.push_loop(label, end, Some(cont));
        self.block(&body.stmts);
        self.fs().loops.pop();
        self.f().bind(cont);
        for (cell, t) in per_iter {
            let size = self.size(t);
            let gcty = self.gctype_of(t);
            let v = self.temp(t);
            self.load_mem(v, cell, 0, t);
            self.emit(Op::New {
                dst: cell,
                gcty,
                size: size.max(1),
            });
            self.store_mem(cell, 0, v, t);
        }
        if let Some(p) = post {
            let mark = self.f().temp_mark();
            self.stmt(p);
            self.f().release_temps(mark);
        }
        match cond {
            Some(c) if self.rotatable(c) => {
                let mark = self.f().temp_mark();
                self.cond_jump(c, body_start, true);
                self.f().release_temps(mark);
            }
            _ => {
                self.f().emit_jump(Op::Jmp { target: 0 }, top);
            }
        }
        self.f().bind(end);
    }

    /// Can loop condition `c` be tested at the bottom of the loop as well as at the top
    /// (see the header): a comparison of variables, constants and `len` of variables.
    fn rotatable(&self, c: &Expr) -> bool {
        let operand =
            |e: &Expr| {
                let e = ast::unparen(e);
                if self.p.info.consts.contains_key(&e.id) {
                    return true;
                }
                let var =
                    |e: &Expr| match &e.kind {
                        ExprKind::Ident(id) => self.p.info.uses.get(&id.id).is_some_and(|&o| {
                            matches!(self.p.obj(o).kind, types::ObjKind::Var { .. })
                        }),
                        _ => false,
                    };
                match &e.kind {
                    ExprKind::Call { fun, args, .. } => {
                        matches!(
                            crate::call::builtin_of(self, fun),
                            Some(types::Builtin::Len)
                        ) && args.len() == 1
                            && var(ast::unparen(&args[0]))
                    }
                    _ => var(e),
                }
            };
        match &ast::unparen(c).kind {
            ExprKind::Binary { op, x, y } => {
                use ast::BinOp::*;
                matches!(op, Eq | Ne | Lt | Le | Gt | Ge) && operand(x) && operand(y)
            }
            _ => false,
        }
    }

    /// Assigns or defines a range variable.
    pub(crate) fn range_var(&mut self, e: Option<&'a Expr>, define: bool, v: Reg, t: TypeId) {
        if let Some(x) = e {
            self.assign_received(x, define, v, t);
        }
    }

    /// The shared end of every range loop: the body (as a loop for break/continue), then at
    /// `cont` the counter's increment and test when there is one (index and bound), else
    /// the jump back to `top`, and `end`.
    pub(crate) fn range_tail(
        &mut self,
        body: &'a ast::Block,
        label: Option<String>,
        mark: usize,
        l: RangeLabels,
        counter: Option<(Reg, Reg)>,
    ) {
        self.push_loop(label, l.end, Some(l.cont));
        self.block(&body.stmts);
        self.fs().loops.pop();
        self.f().release_temps(mark);
        self.f().bind(l.cont);
        match counter {
            // Rotated (see the header): back to the body while `i < n`.
            Some((i, n)) => {
                self.emit(Op::IntImm {
                    op: IntOp::Add,
                    dst: i,
                    a: i,
                    imm: 1,
                });
                let back = Op::JmpCmpNot {
                    op: CmpOp::Ge,
                    a: i,
                    b: n,
                    target: 0,
                };
                self.f().emit_jump(back, l.body);
            }
            None => {
                self.f().emit_jump(Op::Jmp { target: 0 }, l.top);
            }
        }
        self.f().bind(l.end);
    }

    pub(crate) fn range_loop(
        &mut self,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        x: &'a Expr,
        body: &'a ast::Block,
        label: Option<String>,
    ) {
        let xt = self.type_of(x.id);
        // gc's order (order.rs): the range expression's calls first. (Their temporaries
        // are read once, before the loop.)
        let hoisted = self.hoist_calls(&[x], &[None]);
        self.range_loop_of(key, value, define, x, xt, body, label);
        self.unhoist(hoisted);
    }

    #[allow(clippy::too_many_arguments)]
    fn range_loop_of(
        &mut self,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        x: &'a Expr,
        xt: TypeId,
        body: &'a ast::Block,
        label: Option<String>,
    ) {
        let l = RangeLabels {
            top: self.f().new_label(),
            cont: self.f().new_label(),
            end: self.f().new_label(),
            body: self.f().new_label(),
        };
        let rv = RangeVars { key, value, define };
        match self.p.types.under(xt).clone() {
            TypeKind::Basic(k) if k.is_integer() => self.range_int(rv, x, xt, body, label, l),
            TypeKind::Basic(_) => self.range_string(rv, x, body, label, l),
            TypeKind::Slice(et) => self.range_indexed(rv, x, xt, et, None, body, label, l),
            TypeKind::Array(et, n) => self.range_indexed(rv, x, xt, et, Some(n), body, label, l),
            TypeKind::Pointer(at) => match self.p.types.under(at).clone() {
                TypeKind::Array(et, n) => {
                    self.range_indexed(rv, x, xt, et, Some(n), body, label, l)
                }
                _ => self.err(x.span, "gosub: range over this type is not supported yet"),
            },
            TypeKind::Map(kt, vt) => self.range_map(rv, x, kt, vt, body, label, l),
            TypeKind::Chan(_, et) => self.range_chan(rv, x, et, body, label, l),
            _ => self.err(x.span, "gosub: range over this type is not supported yet"),
        }
    }

    /// A fresh 8-byte frame slot (not a temporary: it lives for the whole loop).
    fn loop_word(&mut self, ptr: bool) -> Reg {
        self.f().alloc_slot(&Layout::word(ptr))
    }

    /// The head of a counted loop: `i := 0`, then at `top`: `if !(i < n) goto end`, and the
    /// body's label. `range_tail` with `Some((i, n))` supplies the increment and the test
    /// at the bottom.
    fn counted_head(&mut self, n: Reg, l: &RangeLabels) -> Reg {
        let i = self.loop_word(false);
        self.emit(Op::Const { dst: i, val: 0 });
        self.f().bind(l.top);
        self.f().emit_jump(
            Op::JmpCmpNot {
                op: CmpOp::Lt,
                a: i,
                b: n,
                target: 0,
            },
            l.end,
        );
        self.f().bind(l.body);
        i
    }

    /// `for i := range n`: `i` takes `n`'s type (an untyped constant `n` gives `int`).
    fn range_int(
        &mut self,
        rv: RangeVars<'a>,
        x: &'a Expr,
        xt: TypeId,
        body: &'a ast::Block,
        label: Option<String>,
        l: RangeLabels,
    ) {
        let n = self.loop_word(false);
        let nv = self.expr(x);
        self.emit(Op::Move { dst: n, src: nv });
        let i = self.counted_head(n, &l);
        let mark = self.f().temp_mark();
        let kt = match rv.key {
            Some(k) => self.lhs_type(k),
            None => xt,
        };
        let kt = if matches!(self.p.types.basic(kt), Some(b) if b.is_untyped()) {
            types::T_INT
        } else {
            kt
        };
        self.range_var(rv.key, rv.define, i, kt);
        self.range_tail(body, label, mark, l, Some((i, n)));
    }

    /// `for i, r := range s`: byte offsets and runes (`StrRangeNext` decodes one rune and
    /// its width; the offset advances by the width at the head).
    fn range_string(
        &mut self,
        rv: RangeVars<'a>,
        x: &'a Expr,
        body: &'a ast::Block,
        label: Option<String>,
        l: RangeLabels,
    ) {
        let s_l = self.layout(types::T_STRING);
        let s = self.f().alloc_slot(&s_l);
        let sv = self.expr(x);
        self.mov(s, sv, types::T_STRING);
        let i = self.loop_word(false);
        let w = self.loop_word(false);
        let r = self.loop_word(false);
        self.emit(Op::Const { dst: i, val: 0 });
        self.emit(Op::Const { dst: w, val: 0 });
        self.f().bind(l.top);
        self.emit(Op::Int {
            op: IntOp::Add,
            dst: i,
            a: i,
            b: w,
        });
        self.f().emit_jump(
            Op::JmpCmpNot {
                op: CmpOp::Lt,
                a: i,
                b: s + 8,
                target: 0,
            },
            l.end,
        );
        self.emit(Op::StrRangeNext {
            s,
            i,
            rune: r,
            width: w,
        });
        let mark = self.f().temp_mark();
        self.range_var(rv.key, rv.define, i, types::T_INT);
        self.range_var(rv.value, rv.define, r, types::T_INT32);
        self.range_tail(body, label, mark, l, None);
    }

    /// Slices, arrays and pointers to arrays: a counted loop over the elements of type
    /// `et`; `array_len` is None for a slice (its length is read once, before the loop).
    /// The ranged-over value is copied into a slot of its own first (for an array, Go's
    /// copy of the whole array).
    #[allow(clippy::too_many_arguments)]
    fn range_indexed(
        &mut self,
        rv: RangeVars<'a>,
        x: &'a Expr,
        xt: TypeId,
        et: TypeId,
        array_len: Option<u64>,
        body: &'a ast::Block,
        label: Option<String>,
        l: RangeLabels,
    ) {
        let arr_ptr = matches!(self.p.types.under(xt), TypeKind::Pointer(_));
        let sl = self.layout(xt);
        let holder = self.f().alloc_slot(&sl);
        let v = self.expr(x);
        self.mov(holder, v, xt);
        let n = self.loop_word(false);
        match array_len {
            None => self.emit(Op::Move {
                dst: n,
                src: holder + 8,
            }),
            Some(len) => self.emit(Op::Const { dst: n, val: len }),
        };
        let i = self.counted_head(n, &l);
        let mark = self.f().temp_mark();
        match self.read_only_key(&rv, body) {
            // The key is the counter itself: no copy per iteration.
            Some(o) => drop(self.fs().locals.insert(o, Loc::Frame(i))),
            None => self.range_var(rv.key, rv.define, i, types::T_INT),
        }
        if rv
            .value
            .as_ref()
            .is_some_and(|v| !matches!(&v.kind, ExprKind::Ident(id) if id.name == "_"))
        {
            let v = self.temp(et);
            let size = self.size(et);
            match (array_len, crate::place::width_of(&self.p.types, et)) {
                // A slice element of one word or less: the fused load (its bounds check
                // cannot fail, `i < len` of the slice the loop holds).
                (None, Some(w)) => {
                    self.emit(Op::LoadElem {
                        dst: v,
                        s: holder,
                        i,
                        w,
                    });
                }
                (None, None) => {
                    let p = self.temp_word(true);
                    self.emit(Op::SliceElemAddr {
                        dst: p,
                        s: holder,
                        i,
                        size,
                    });
                    self.load_mem(v, p, 0, et);
                }
                (Some(len), _) => {
                    let p = self.temp_word(true);
                    let base = if arr_ptr {
                        holder
                    } else {
                        let a = self.temp_word(true);
                        self.emit(Op::AddrLocal {
                            dst: a,
                            src: holder,
                        });
                        a
                    };
                    self.emit(Op::ArrayElemAddr {
                        dst: p,
                        ptr: base,
                        i,
                        len,
                        size,
                    });
                    self.load_mem(v, p, 0, et);
                }
            }
            self.range_var(rv.value, rv.define, v, et);
        }
        self.range_tail(body, label, mark, l, Some((i, n)));
    }

    /// The variable a `for k, ... := range` over a slice or array declares as its key, when
    /// the body only reads it: then it can be the loop's counter register itself, which
    /// holds the same value for the whole iteration (the increment comes after the body).
    /// Not when the body assigns it or takes its address, nor when it has a function
    /// literal, `go` or `defer` (a closure could keep this iteration's variable past it).
    fn read_only_key(&mut self, rv: &RangeVars<'a>, body: &'a ast::Block) -> Option<ObjId> {
        let ExprKind::Ident(id) = &rv.key?.kind else {
            return None;
        };
        let o = *self.p.info.defs.get(&id.id)?;
        if !rv.define || self.is_boxed(o) || self.p.obj(o).ty != types::T_INT {
            return None;
        }
        let uses = &self.p.info.uses;
        let is_key = |e: &Expr| matches!(&ast::unparen(e).kind, ExprKind::Ident(x) if uses.get(&x.id) == Some(&o));
        let mut ok = true;
        for st in &body.stmts {
            walk::inspect(Node::Stmt(st), &mut |n| {
                ok &= match n {
                    Node::Stmt(s) => match &s.kind {
                        StmtKind::Assign { lhs, .. } => !lhs.iter().any(is_key),
                        StmtKind::IncDec { x, .. } => !is_key(x),
                        StmtKind::Range { key, value, .. } => {
                            !key.iter().chain(value).any(|e| is_key(e))
                        }
                        StmtKind::Go(_) | StmtKind::Defer(_) => false,
                        _ => true,
                    },
                    Node::Expr(e) => match &e.kind {
                        ExprKind::FuncLit { .. } => false,
                        ExprKind::Unary {
                            op: ast::UnOp::Addr,
                            x,
                        } => !is_key(x),
                        _ => true,
                    },
                    _ => true,
                };
                ok
            });
        }
        ok.then_some(o)
    }

    /// Maps: a 3-word iterator (`MapIterInit`/`MapIterNext`, Go's random start order is the
    /// VM's business); the value is fetched only when the loop names it.
    #[allow(clippy::too_many_arguments)]
    fn range_map(
        &mut self,
        rv: RangeVars<'a>,
        x: &'a Expr,
        kt: TypeId,
        vt: TypeId,
        body: &'a ast::Block,
        label: Option<String>,
        l: RangeLabels,
    ) {
        let it_l = Layout {
            size: 24,
            align: 8,
            ptr_words: PtrWords::from_slice(&[0, 1]),
        };
        let it = self.f().alloc_slot(&it_l);
        let m = self.expr(x);
        self.emit(Op::MapIterInit { it, m });
        let kl = self.layout(kt);
        let kr = self.f().alloc_slot(&kl);
        let vl = self.layout(vt);
        let vr = self.f().alloc_slot(&vl);
        self.f().bind(l.top);
        self.f().emit_jump(
            Op::MapIterNext {
                it,
                key: kr,
                val: if rv.value.is_some() { vr } else { NONE },
                done: 0,
            },
            l.end,
        );
        let mark = self.f().temp_mark();
        self.range_var(rv.key, rv.define, kr, kt);
        self.range_var(rv.value, rv.define, vr, vt);
        self.range_tail(body, label, mark, l, None);
    }

    /// Channels: receive until the channel is closed and drained.
    fn range_chan(
        &mut self,
        rv: RangeVars<'a>,
        x: &'a Expr,
        et: TypeId,
        body: &'a ast::Block,
        label: Option<String>,
        l: RangeLabels,
    ) {
        let c = self.loop_word(true);
        let cv = self.expr(x);
        self.emit(Op::Move { dst: c, src: cv });
        let el = self.layout(et);
        let v = self.f().alloc_slot(&el);
        let ok = self.loop_word(false);
        self.f().bind(l.top);
        self.emit(Op::ChanRecv {
            dst: v,
            ch: c,
            ok: Some(ok),
        });
        self.f().emit_jump(
            Op::JmpIfNot {
                cond: ok,
                target: 0,
            },
            l.end,
        );
        let mark = self.f().temp_mark();
        self.range_var(rv.key, rv.define, v, et);
        self.range_tail(body, label, mark, l, None);
    }
}

/// The variables a range loop assigns (`key`, `value`) and whether it declares them (`:=`).
#[derive(Clone, Copy)]
pub(crate) struct RangeVars<'a> {
    key: Option<&'a Expr>,
    value: Option<&'a Expr>,
    define: bool,
}

/// The labels of a range loop: its head, its continue point, its exit, and (counted loops)
/// the start of its body, after the test at the head.
pub(crate) struct RangeLabels {
    top: crate::frame::Label,
    cont: crate::frame::Label,
    end: crate::frame::Label,
    body: crate::frame::Label,
}
