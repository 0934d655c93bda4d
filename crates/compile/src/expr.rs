//! Expressions: values into registers (`expr`, `expr_to`), constants, slice expressions,
//! function literals and frame buffers for non-escaping allocations. Places, operators and
//! conversions have files of their own (`place.rs`, `ops.rs`, `convert.rs`).
//!
//! Invariants: `expr(e)` returns a register holding e's value with the type the checker
//! recorded for e (it may be a variable's own slot: callers never write to it);
//! `expr_conv(e, T)` returns the value converted to T (boxing into interfaces where Go
//! converts implicitly).

use crate::bytecode::{Op, Reg};
use crate::gen::{Gen, Loc, NONE};
use crate::layout::{Layout, PtrWords};
use crate::place::width_of;
use gosub_syntax::ast::{Expr, ExprKind};
use gosub_types::{self as types, BasicKind, ConstValue, ObjKind, Selection, TypeId, TypeKind};

impl<'a> Gen<'a> {
    /// Is a value of `t` stored in an interface's data word itself (gc's pointer-shaped
    /// types, `gosub_types::layout::is_direct_iface`) rather than boxed?
    pub fn is_direct_iface(&self, t: TypeId) -> bool {
        types::layout::is_direct_iface(&self.p.types, t)
    }

    /// Is `t` a single pointer word (stored with the write barrier's `StorePtr`)?
    pub fn is_ptr_word(&self, t: TypeId) -> bool {
        matches!(
            self.p.types.under(t),
            TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_)
        ) || self.p.types.basic(t) == Some(BasicKind::UnsafePointer)
    }

    // ---------- constants ----------

    pub fn const_to(&mut self, cv: &ConstValue, t: TypeId, dst: Reg) {
        let b = self.p.types.basic(t);
        match cv {
            ConstValue::Bool(v) => {
                self.emit(Op::Const {
                    dst,
                    val: *v as u64,
                });
            }
            ConstValue::Int(i) => {
                let val = match b {
                    Some(BasicKind::Float64) | Some(BasicKind::UntypedFloat) => {
                        (*i as f64).to_bits()
                    }
                    Some(BasicKind::Float32) => (*i as f32).to_bits() as u64,
                    _ => *i as i64 as u64,
                };
                if self.p.types.is_interface(t) {
                    let tmp = self.temp(types::T_INT);
                    self.emit(Op::Const { dst: tmp, val });
                    self.box_into(dst, tmp, types::T_INT, t);
                    return;
                }
                self.emit(Op::Const { dst, val });
            }
            ConstValue::Float(f) => {
                let val = match b {
                    Some(BasicKind::Float32) => (*f as f32).to_bits() as u64,
                    Some(k) if k.is_integer() => *f as i64 as u64,
                    _ => f.to_bits(),
                };
                if self.p.types.is_interface(t) {
                    let tmp = self.temp(types::T_FLOAT64);
                    self.emit(Op::Const { dst: tmp, val });
                    self.box_into(dst, tmp, types::T_FLOAT64, t);
                    return;
                }
                self.emit(Op::Const { dst, val });
            }
            ConstValue::Complex(re, im) => {
                if self.p.types.is_interface(t) {
                    let tmp = self.temp(types::T_COMPLEX128);
                    self.complex_const(*re, *im, types::T_COMPLEX128, tmp);
                    self.box_into(dst, tmp, types::T_COMPLEX128, t);
                    return;
                }
                self.complex_const(*re, *im, t, dst);
            }
            ConstValue::String(s) => {
                let idx = self.string_const(s);
                if self.p.types.is_interface(t) {
                    let tmp = self.temp(types::T_STRING);
                    self.emit(Op::Str { dst: tmp, idx });
                    self.box_into(dst, tmp, types::T_STRING, t);
                    return;
                }
                self.emit(Op::Str { dst, idx });
            }
        }
    }

    // ---------- values ----------

    pub fn expr(&mut self, e: &'a Expr) -> Reg {
        let t = self.type_of(e.id);
        if let Some(&r) = self.fs.as_ref().and_then(|f| f.arg_regs.get(&e.id)) {
            return r; // an argument evaluated by `defer`/`go` (defer.rs)
        }
        if let Some(cv) = self.p.info.consts.get(&e.id) {
            let cv = cv.clone();
            let dst = self.temp(t);
            self.const_to(&cv, t, dst);
            return dst;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(id) => {
                if id.name == "_" {
                    return self.temp(t);
                }
                let Some(&o) = self.p.info.uses.get(&id.id) else {
                    return self.temp(t);
                };
                match &self.p.obj(o).kind {
                    ObjKind::Nil => {
                        let dst = self.temp(t);
                        let size = self.size(t);
                        self.emit(Op::Zero { dst, size });
                        dst
                    }
                    ObjKind::Func { .. } => {
                        let dst = self.temp(t);
                        let func = self.func_index.get(&o).copied().unwrap_or(0);
                        self.emit(Op::FuncVal { dst, func });
                        dst
                    }
                    _ => {
                        let pl = self.var_place(o);
                        self.load_place(pl, t)
                    }
                }
            }
            _ => {
                let dst = self.temp(t);
                self.expr_to(e, dst);
                dst
            }
        }
    }

    /// Evaluates `e` into `dst`.
    pub fn expr_to(&mut self, e: &'a Expr, dst: Reg) {
        let t = self.type_of(e.id);
        if let Some(&r) = self.fs.as_ref().and_then(|f| f.arg_regs.get(&e.id)) {
            self.mov(dst, r, t);
            return;
        }
        if let Some(cv) = self.p.info.consts.get(&e.id) {
            let cv = cv.clone();
            self.const_to(&cv, t, dst);
            return;
        }
        if let Some(o) = self.p.instance_of(e) {
            // `F[int]`: the function value of a generic function's instance.
            let func = self.func_index.get(&o).copied().unwrap_or(0);
            self.emit(Op::FuncVal { dst, func });
            return;
        }
        let saved = self.fs().f.cur_pos;
        self.fs().f.cur_pos = e.span.lo;
        match &e.kind {
            ExprKind::Paren(x) => self.expr_to(x, dst),
            ExprKind::Ident(_) => {
                let r = self.expr(e);
                self.mov(dst, r, t);
            }
            ExprKind::Binary { op, x, y } => self.binary(*op, x, y, t, dst, e.id),
            ExprKind::Unary { op, x } => self.unary(*op, x, t, dst),
            ExprKind::Star(x) => {
                let p = self.expr(x);
                self.load_mem(dst, p, 0, t);
            }
            ExprKind::Selector { .. } | ExprKind::Index { .. } => {
                if let (ExprKind::Selector { x, .. }, Some(sel)) =
                    (&e.kind, self.p.info.selections.get(&e.id))
                {
                    match sel.clone() {
                        Selection::Method { .. } | Selection::IfaceMethod { .. } => {
                            crate::method_value::method_value(self, e, x, dst);
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        Selection::IfaceMethodExpr { recv, index } => {
                            crate::method_value::iface_method_expr(self, recv, index, dst);
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        Selection::MethodExpr {
                            func,
                            ptr_recv,
                            recv,
                        } => {
                            crate::method_value::method_expr(self, func, ptr_recv, recv, dst);
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        Selection::Qualified(o) => {
                            if let ObjKind::Func { .. } = self.p.obj(o).kind {
                                let func = self.func_index.get(&o).copied().unwrap_or(0);
                                self.emit(Op::FuncVal { dst, func });
                            } else {
                                let pl = self.var_place(o);
                                let r = self.load_place(pl, t);
                                self.mov(dst, r, t);
                            }
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        Selection::Field { .. } => {}
                    }
                }
                if let ExprKind::Index { x, index } = &e.kind {
                    let xt = self.type_of(x.id);
                    match self.p.types.under(xt).clone() {
                        TypeKind::Map(kt, _) => {
                            let m = self.expr(x);
                            let k = self.expr_conv(index, kt);
                            let vsize = self.size(t);
                            self.emit(Op::MapGet {
                                dst,
                                m,
                                key: k,
                                ok: None,
                                vsize,
                            });
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        TypeKind::Basic(_) => {
                            let s = self.expr(x);
                            let i = self.expr_conv(index, types::T_INT);
                            self.emit(Op::StrIndex { dst, s, i });
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        TypeKind::Slice(et) => {
                            if let Some(w) = width_of(&self.p.types, et) {
                                let s = self.expr(x);
                                let i = self.expr_conv(index, types::T_INT);
                                self.emit(Op::LoadElem { dst, s, i, w });
                                self.fs().f.cur_pos = saved;
                                return;
                            }
                        }
                        _ => {}
                    }
                }
                let pl = self.place(e);
                let r = self.load_place(pl, t);
                self.mov(dst, r, t);
            }
            ExprKind::SliceExpr { x, lo, hi, max, .. } => self.slice_expr(x, lo, hi, max, dst),
            ExprKind::Call { .. } => crate::call::call_to(self, e, dst),
            ExprKind::CompositeLit { .. } => crate::composite::composite_to(self, e, dst),
            ExprKind::FuncLit { .. } => self.func_lit(e, dst),
            ExprKind::TypeAssert { x, .. } => self.type_assert(x, t, dst, None),
            _ => {
                let span = e.span;
                self.err(span, "gosub: expression not supported by the compiler yet");
            }
        }
        self.fs().f.cur_pos = saved;
    }

    // ---------- places ----------

    // ---------- operators ----------

    // ---------- slicing ----------

    pub(crate) fn slice_expr(
        &mut self,
        x: &'a Expr,
        lo: &'a Option<Box<Expr>>,
        hi: &'a Option<Box<Expr>>,
        max: &'a Option<Box<Expr>>,
        dst: Reg,
    ) {
        let xt = self.type_of(x.id);
        let idx = |g: &mut Gen<'a>, e: &'a Option<Box<Expr>>| match e {
            Some(e) => g.expr_conv(e, types::T_INT),
            None => NONE,
        };
        match self.p.types.under(xt).clone() {
            TypeKind::Basic(_) => {
                let s = self.expr(x);
                let lo = idx(self, lo);
                let hi = idx(self, hi);
                self.emit(Op::StrSlice { dst, s, lo, hi });
            }
            TypeKind::Slice(et) => {
                let s = self.expr(x);
                let lo = idx(self, lo);
                let hi = idx(self, hi);
                let max = idx(self, max);
                let elem_size = self.size(et);
                self.emit(Op::SliceSlice {
                    dst,
                    s,
                    lo,
                    hi,
                    max,
                    elem_size,
                });
            }
            TypeKind::Array(et, n) => {
                let a = self.addr_of(x);
                let lo = idx(self, lo);
                let hi = idx(self, hi);
                let max = idx(self, max);
                let elem_size = self.size(et);
                let len = self.temp(types::T_INT);
                self.emit(Op::Const { dst: len, val: n });
                self.emit(Op::SliceArray {
                    dst,
                    s: a,
                    lo,
                    hi,
                    max,
                    elem_size,
                    len,
                });
            }
            TypeKind::Pointer(at) => {
                let (et, n) = match self.p.types.under(at) {
                    TypeKind::Array(et, n) => (*et, *n),
                    _ => (types::T_INVALID, 0),
                };
                let a = self.expr(x);
                self.emit(Op::NilCheck { ptr: a });
                let lo = idx(self, lo);
                let hi = idx(self, hi);
                let max = idx(self, max);
                let elem_size = self.size(et);
                let len = self.temp(types::T_INT);
                self.emit(Op::Const { dst: len, val: n });
                self.emit(Op::SliceArray {
                    dst,
                    s: a,
                    lo,
                    hi,
                    max,
                    elem_size,
                    len,
                });
            }
            _ => {}
        }
    }

    // ---------- type assertions ----------

    // ---------- function literals ----------

    pub(crate) fn func_lit(&mut self, e: &'a Expr, dst: Reg) {
        let captures = self.p.info.captures.get(&e.id).cloned().unwrap_or_default();
        let parent = self.fs().name.clone();
        let name = match self.range_body_name(e.id) {
            Some(name) => name,
            None => {
                self.fs().lit_count += 1;
                format!("{}.func{}", parent, self.fs().lit_count)
            }
        };
        let idx = self.new_func(name, e.span.lo);
        self.jobs.push(crate::gen::Job {
            func: idx,
            kind: crate::gen::JobKind::Lit {
                expr: e,
                captures: captures.clone(),
                parent_name: parent,
            },
        });
        if captures.is_empty() {
            self.emit(Op::FuncVal { dst, func: idx });
            return;
        }
        let l = Layout {
            size: 8 * captures.len() as u64,
            align: 8,
            ptr_words: (0..captures.len() as u32).collect(),
        };
        let caps = self.f().temp(&l);
        for (i, &o) in captures.iter().enumerate() {
            let r = caps + 8 * i as u32;
            match self.fs().locals.get(&o).copied() {
                Some(Loc::Boxed(b)) => {
                    self.emit(Op::Move { dst: r, src: b });
                }
                Some(Loc::Frame(slot)) => {
                    // A variable kept in the frame (crates/escape): capture its address.
                    self.emit(Op::AddrLocal { dst: r, src: slot });
                }
                Some(Loc::Captured(ci)) => {
                    self.emit(Op::LoadCapture { dst: r, index: ci });
                }
                _ => {
                    self.emit(Op::Const { dst: r, val: 0 });
                }
            }
        }
        let mut ptrs = vec![];
        for i in 0..captures.len() as u32 {
            ptrs.push(i + 1);
        }
        if self.stack_object(e.id) {
            // The closure does not escape (crates/escape): it lives in the frame.
            self.frame_closure(idx, caps, captures.len() as u32, ptrs, dst);
            return;
        }
        let gcty = self.gctype(8 * (captures.len() as u32 + 1), ptrs);
        self.emit(Op::MakeClosure {
            dst,
            func: idx,
            caps,
            ncap: captures.len() as u32,
            gcty,
        });
    }

    /// A closure of function `func` capturing the `ncap` words at `caps` (`ptrs`: which
    /// words of the object are pointers), built in a frame slot laid out as `MakeClosure`
    /// lays it out on the heap (function index, then the captured words); its address goes
    /// to `dst`. For a closure or method value that does not escape.
    pub(crate) fn frame_closure(
        &mut self,
        func: u32,
        caps: Reg,
        ncap: u32,
        ptrs: Vec<u32>,
        dst: Reg,
    ) {
        let l = Layout {
            size: 8 * (ncap as u64 + 1),
            align: 8,
            ptr_words: ptrs.into(),
        };
        self.note_frame_alloc(l.size);
        let obj = self.f().alloc_slot(&l);
        self.emit(Op::Const {
            dst: obj,
            val: func as u64,
        });
        for i in 0..ncap {
            self.emit(Op::Move {
                dst: obj + 8 + 8 * i,
                src: caps + 8 * i,
            });
        }
        self.emit(Op::AddrLocal { dst, src: obj });
    }

    /// The frame array gc gives a constant's conversion to `[]byte` or `[]rune` that does
    /// not escape: `size` bytes (rounded up to words), none when empty or bigger than gc's
    /// implicit stack variables (64 KiB); u32::MAX when there is none.
    pub fn exact_buf(&mut self, id: gosub_syntax::ast::NodeId, size: u64) -> Reg {
        if size == 0 || size > gosub_escape::types_util::MAX_IMPLICIT_STACK_VAR_SIZE {
            return NONE;
        }
        self.tmp_buf(id, size.div_ceil(8) * 8)
    }

    /// gc's `tmpBuf`: a frame buffer of `size` bytes (no pointers) for the result of a
    /// conversion or concatenation at node `id` that escape analysis keeps on the stack;
    /// u32::MAX otherwise.
    pub fn tmp_buf(&mut self, id: gosub_syntax::ast::NodeId, size: u64) -> Reg {
        if !self.esc.stack_allocs.contains(&id) {
            return NONE;
        }
        self.f().alloc_slot(&Layout {
            size,
            align: 8,
            ptr_words: PtrWords::new(),
        })
    }
}
