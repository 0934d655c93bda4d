//! Calls: static functions, methods, interface methods, closures, builtins, conversions,
//! multi-value results and the wrappers that adapt methods to interfaces (method values:
//! `method_value.rs`).
//!
//! Calling convention: the caller evaluates arguments into an argument region in its own
//! frame laid out as the callee's `[receiver][params][results]` (each 8-byte aligned); the VM
//! copies the parameters to the new frame (which starts at the end of the caller's frame)
//! and copies the results back into the region on return.

use crate::bytecode::{Op, Reg};
use crate::gen::{Gen, NONE};
use crate::layout::{round_up, Layout};
use crate::place::Place;
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::{Expr, ExprKind, NodeId};
use gosub_types::{self as types, Builtin, ObjId, ObjKind, Selection, TypeId, TypeKind};

pub struct Region {
    pub base: Reg,
    pub param_offs: Vec<u32>,
    pub result_offs: Vec<u32>,
    /// Bytes of the region (one frame slot).
    pub size: u32,
}

impl Region {
    /// Bytes of parameters at the start of the region; the results fill the rest of its
    /// slot (`Op::CallClosure::args_size`).
    pub fn args_size(&self) -> u32 {
        self.result_offs
            .first()
            .map_or(self.size, |&o| o - self.base)
    }
}

impl<'a> Gen<'a> {
    /// Allocates an argument region for the given parameter and result types.
    pub fn region(&mut self, params: &[TypeId], results: &[TypeId]) -> Region {
        let mut off = 0u64;
        let mut ptrs = Vec::new();
        let mut param_offs = Vec::new();
        let mut result_offs = Vec::new();
        for (i, &t) in params.iter().chain(results.iter()).enumerate() {
            let l = self.layout(t);
            off = round_up(off, 8);
            for w in &l.ptr_words {
                ptrs.push((off / 8) as u32 + w);
            }
            if i < params.len() {
                param_offs.push(off as u32);
            } else {
                result_offs.push(off as u32);
            }
            // Same rule as FrameBuilder::alloc_slot: every slot is at least one word.
            off += round_up(l.size.max(1), 8);
        }
        let l = Layout {
            size: off.max(8),
            align: 8,
            ptr_words: ptrs.into(),
        };
        let base = self.f().temp(&l);
        Region {
            size: l.size as u32,
            base,
            param_offs: param_offs.iter().map(|o| o + base).collect(),
            result_offs: result_offs.iter().map(|o| o + base).collect(),
        }
    }

    pub fn sig_of(&self, t: TypeId) -> types::Signature {
        match self.p.types.under(t) {
            TypeKind::Func(s) => s.clone(),
            _ => types::Signature {
                params: vec![],
                results: vec![],
                variadic: false,
            },
        }
    }

    /// Evaluates the arguments of call `call` into the region's parameter slots (after
    /// `skip` receiver slots).
    pub(crate) fn args_into(
        &mut self,
        call: NodeId,
        sig: &types::Signature,
        args: &'a [Expr],
        ellipsis: bool,
        reg: &Region,
        skip: usize,
    ) {
        // f(g()) with g returning several values.
        if args.len() == 1 {
            if let TypeKind::Tuple(ts) = self.p.types.kind(self.type_of(args[0].id)).clone() {
                if ts.len() > 1 {
                    let vals = self.multi_value(&args[0], ts.len());
                    self.spread_values(Some(call), sig, vals, reg, skip);
                    return;
                }
            }
        }
        let nfixed = if sig.variadic {
            sig.params.len() - 1
        } else {
            sig.params.len()
        };
        let all: Vec<&'a Expr> = args.iter().collect();
        let targets = self.arg_targets(sig, args.len(), ellipsis);
        let hoisted = self.hoist_calls(&all, &targets);
        for (i, a) in args.iter().enumerate().take(nfixed) {
            let pt = sig.params[i];
            self.expr_conv_to(a, pt, reg.param_offs[skip + i]);
        }
        if sig.variadic {
            let st = sig.params[nfixed];
            let dst = reg.param_offs[skip + nfixed];
            if ellipsis {
                if let Some(a) = args.get(nfixed) {
                    self.expr_to(a, dst);
                }
            } else {
                let rest = args.get(nfixed..).unwrap_or(&[]);
                self.make_slice_of(Some(call), st, rest, dst);
            }
        }
        self.unhoist(hoisted);
    }

    /// Passes already evaluated values as the arguments of call `call` (packing the
    /// variadic tail).
    pub fn spread_values(
        &mut self,
        call: Option<NodeId>,
        sig: &types::Signature,
        vals: Vec<(Reg, TypeId)>,
        reg: &Region,
        skip: usize,
    ) {
        let nfixed = if sig.variadic {
            sig.params.len() - 1
        } else {
            sig.params.len()
        };
        for (i, &(r, rt)) in vals.iter().enumerate().take(nfixed) {
            let pt = sig.params[i];
            let v = self.convert(r, rt, pt);
            self.mov(reg.param_offs[skip + i], v, pt);
        }
        if sig.variadic {
            let st = sig.params[nfixed];
            let dst = reg.param_offs[skip + nfixed];
            let rest = &vals[nfixed.min(vals.len())..];
            self.pack_slice(call, st, rest.len(), dst, |g, i, et| {
                g.convert(rest[i].0, rest[i].1, et)
            });
        }
    }

    /// Builds the `...` slice of type `st` of call `call` from element expressions (`call`
    /// is None for a `defer`/`go` call, whose slice outlives the statement: gc builds it
    /// when the call runs, gosub at the statement, so it is a heap object).
    pub fn make_slice_of(&mut self, call: Option<NodeId>, st: TypeId, elems: &'a [Expr], dst: Reg) {
        self.pack_slice(call, st, elems.len(), dst, |g, i, et| {
            g.expr_conv(&elems[i], et)
        });
    }

    /// Allocates the `...` slice of type `st` of call `call` with `n` elements (nil when `n`
    /// is 0) into `dst` (in the frame when it does not escape, as gc places it) and stores
    /// `elem(i)`, the value of element i converted to the element type, into each.
    fn pack_slice(
        &mut self,
        call: Option<NodeId>,
        st: TypeId,
        n: usize,
        dst: Reg,
        mut elem: impl FnMut(&mut Self, usize, TypeId) -> Reg,
    ) {
        let et = match self.p.types.under(st) {
            TypeKind::Slice(e) => *e,
            _ => types::T_INVALID,
        };
        if n == 0 {
            self.emit(Op::Zero { dst, size: 24 });
            return;
        }
        let idx = self.temp(types::T_INT);
        let elem_size = self.size(et);
        let in_frame = call.is_some_and(|c| self.esc.stack_ddd.contains(&c));
        if !(in_frame && self.frame_slice(et, n as u64, dst)) {
            self.emit(Op::Const {
                dst: idx,
                val: n as u64,
            });
            let gcty = self.gctype_of(et);
            self.emit(Op::MakeSlice {
                dst,
                gcty,
                elem_size,
                len: idx,
                cap: NONE,
            });
        }
        for i in 0..n {
            let v = elem(self, i, et);
            self.emit(Op::Const {
                dst: idx,
                val: i as u64,
            });
            let p = self.temp_word(true);
            self.emit(Op::SliceElemAddr {
                dst: p,
                s: dst,
                i: idx,
                size: elem_size,
            });
            self.store_mem(p, 0, v, et);
        }
    }

    /// Evaluates an expression producing several values (a multi-result call or a comma-ok
    /// form) and returns the registers and types of the values.
    pub fn multi_value(&mut self, e: &'a Expr, n: usize) -> Vec<(Reg, TypeId)> {
        let e = unparen(e);
        let t = self.type_of(e.id);
        let mode = self.p.info.modes.get(&e.id).copied();
        if mode == Some(types::Mode::CommaOk)
            || !matches!(self.p.types.kind(t), TypeKind::Tuple(_))
            || n == 2 && !matches!(e.kind, ExprKind::Call { .. })
        {
            // comma-ok forms
            let vt = match self.p.types.kind(t) {
                TypeKind::Tuple(ts) if !ts.is_empty() => ts[0],
                _ => t,
            };
            let ok = self.temp(types::T_BOOL);
            let dst = self.temp(vt);
            match &e.kind {
                ExprKind::Index { x, index } => {
                    let m = self.expr(x);
                    let kt = match self.p.types.under(self.type_of(x.id)) {
                        TypeKind::Map(k, _) => *k,
                        _ => types::T_INVALID,
                    };
                    let k = self.expr_conv(index, kt);
                    let vsize = self.size(vt);
                    self.emit(Op::MapGet {
                        dst,
                        m,
                        key: k,
                        ok: Some(ok),
                        vsize,
                    });
                }
                ExprKind::TypeAssert { x, .. } => self.type_assert(x, vt, dst, Some(ok)),
                ExprKind::Unary {
                    op: gosub_syntax::ast::UnOp::Recv,
                    x,
                } => {
                    let ch = self.expr(x);
                    self.emit(Op::ChanRecv {
                        dst,
                        ch,
                        ok: Some(ok),
                    });
                }
                _ => {
                    let span = e.span;
                    self.err(span, "gosub: comma-ok form not supported yet");
                }
            }
            return vec![(dst, vt), (ok, types::T_BOOL)];
        }
        let results = match self.p.types.kind(t) {
            TypeKind::Tuple(ts) => ts.clone(),
            _ => vec![t],
        };
        let regs = call_region(self, e);
        regs.into_iter().zip(results).collect()
    }
}

/// Compiles a call expression whose (single) result goes to `dst`.
pub fn call_to<'a>(g: &mut Gen<'a>, e: &'a Expr, dst: Reg) {
    let ExprKind::Call { fun, args, .. } = &e.kind else {
        return;
    };
    if let Some(&to) = g.p.info.conversions.get(&e.id) {
        if let Some(a) = args.first() {
            g.conversion(to, a, dst, e.id);
        }
        return;
    }
    if let Some(b) = builtin_of(g, fun) {
        crate::builtins::builtin(g, b, e, args, dst);
        return;
    }
    let t = g.type_of(e.id);
    let regs = call_region(g, e);
    if let Some(&r) = regs.first() {
        if !matches!(g.p.types.kind(t), TypeKind::Tuple(_)) {
            g.mov(dst, r, t);
        }
    }
}

pub fn builtin_of(g: &Gen, fun: &Expr) -> Option<Builtin> {
    match &unparen(fun).kind {
        ExprKind::Ident(id) => match g.p.info.uses.get(&id.id).map(|o| &g.p.obj(*o).kind) {
            Some(ObjKind::Builtin(b)) => Some(*b),
            _ => None,
        },
        ExprKind::Selector { .. } => match g.p.info.selections.get(&unparen(fun).id) {
            Some(Selection::Qualified(o)) => match &g.p.obj(*o).kind {
                ObjKind::Builtin(b) => Some(*b),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Emits a call and returns the registers of its results.
pub fn call_region<'a>(g: &mut Gen<'a>, e: &'a Expr) -> Vec<Reg> {
    let Some((fun, args, ellipsis)) = e.as_call() else {
        return vec![];
    };
    let fun = unparen(fun);
    let ft = g.type_of(fun.id);
    let sig = g.sig_of(ft);
    g.fs().f.cur_pos = e.span.lo;
    let static_func = g.static_callee(fun);
    if let Some(o) = static_func {
        if g.is_keep_alive(o) && args.len() == 1 {
            // gc's intrinsic: the argument's value is read here (so liveness keeps it
            // until this point) and nothing is converted, boxed or called.
            let t = g.type_of(args[0].id);
            let r = g.expr(&args[0]);
            let size = g.size(t);
            g.emit(Op::KeepAlive { src: r, size });
            return vec![];
        }
        if let Some(r) = g.try_inline(o, args, ellipsis) {
            return vec![r];
        }
        if let Some(rs) = g.inline_body_call(o, e, None) {
            return rs;
        }
        let reg = g.region(&sig.params, &sig.results);
        g.args_into(e.id, &sig, args, ellipsis, &reg, 0);
        let func = g.func_index.get(&o).copied().unwrap_or(0);
        g.fs().f.cur_pos = e.span.lo;
        g.emit(Op::Call {
            func,
            base: reg.base,
        });
        return reg.result_offs;
    }
    if let ExprKind::Selector { x, .. } = &fun.kind {
        match g.p.info.selections.get(&fun.id).cloned() {
            Some(Selection::Method {
                path,
                func,
                ptr_recv,
            }) => {
                if !ptr_recv {
                    let inlined =
                        g.try_inline_method(func, args, ellipsis, |g| receiver(g, x, &path, false));
                    if let Some(r) = inlined {
                        return vec![r];
                    }
                }
                if let Some(rs) = g.inline_body_call(func, e, Some((x, &path, ptr_recv))) {
                    return rs;
                }
                let recv_t = recv_type(g, func);
                let mut params = vec![recv_t];
                params.extend(sig.params.iter().copied());
                let reg = g.region(&params, &sig.results);
                // The receiver is an operand like the arguments: gc reads it after their
                // calls (order.rs), so `c.Plus(bump(&c))` sees what bump did.
                let hoisted = g.hoist_calls(
                    &receiver_and(x, args),
                    &receiver_targets(g, &sig, args, ellipsis),
                );
                let rv = receiver(g, x, &path, ptr_recv);
                g.mov(reg.param_offs[0], rv, recv_t);
                g.args_into(e.id, &sig, args, ellipsis, &reg, 1);
                g.unhoist(hoisted);
                let f = g.func_index.get(&func).copied().unwrap_or(0);
                g.fs().f.cur_pos = e.span.lo;
                g.emit(Op::Call {
                    func: f,
                    base: reg.base,
                });
                return reg.result_offs;
            }
            Some(Selection::IfaceMethod { path, index }) => {
                let mut params = vec![types::T_UNSAFE_POINTER];
                params.extend(sig.params.iter().copied());
                let reg = g.region(&params, &sig.results);
                let hoisted = g.hoist_calls(
                    &receiver_and(x, args),
                    &receiver_targets(g, &sig, args, ellipsis),
                );
                let iv = if path.is_empty() {
                    g.expr(x)
                } else {
                    let pl = g.field_place(x, &path);
                    let it = field_type_at(g, g.type_of(x.id), &path);
                    g.load_place(pl, it)
                };
                let keep = g.temp(types::T_ANY);
                g.mov(keep, iv, types::T_ANY);
                g.args_into(e.id, &sig, args, ellipsis, &reg, 1);
                g.unhoist(hoisted);
                g.fs().f.cur_pos = e.span.lo;
                g.emit(Op::CallIface {
                    iface: keep,
                    index: index as u32,
                    base: reg.base,
                    args_size: reg.args_size(),
                });
                return reg.result_offs;
            }
            _ => {}
        }
    }
    // A func value.
    let fv = g.expr(fun);
    let keep = g.temp_word(true);
    g.emit(Op::Move { dst: keep, src: fv });
    let reg = g.region(&sig.params, &sig.results);
    g.args_into(e.id, &sig, args, ellipsis, &reg, 0);
    g.fs().f.cur_pos = e.span.lo;
    g.emit(Op::CallClosure {
        fv: keep,
        base: reg.base,
        args_size: reg.args_size(),
    });
    reg.result_offs
}

/// A method call's operands in gc's order: the receiver expression, then the arguments.
fn receiver_and<'a>(x: &'a Expr, args: &'a [Expr]) -> Vec<&'a Expr> {
    std::iter::once(x).chain(args).collect()
}

/// What `receiver_and`'s operands are converted to: nothing, then the parameters' types.
fn receiver_targets(
    g: &Gen,
    sig: &types::Signature,
    args: &[Expr],
    ellipsis: bool,
) -> Vec<Option<types::TypeId>> {
    std::iter::once(None)
        .chain(g.arg_targets(sig, args.len(), ellipsis))
        .collect()
}

fn field_type_at(g: &Gen, mut t: TypeId, path: &[usize]) -> TypeId {
    for &i in path {
        if let TypeKind::Pointer(e) = g.p.types.under(t) {
            t = *e;
        }
        t = match g.p.types.under(t) {
            TypeKind::Struct(fs) => fs.get(i).map(|f| f.ty).unwrap_or(types::T_INVALID),
            _ => types::T_INVALID,
        };
    }
    t
}

/// The declared receiver type of a method (`T` or `*T`).
pub fn recv_type(g: &Gen, func: ObjId) -> TypeId {
    match &g.p.obj(func).kind {
        ObjKind::Func {
            recv: Some(r),
            ptr_recv,
            ..
        } => {
            if *ptr_recv {
                // find the pointer type in the table
                find_pointer(g, *r)
            } else {
                *r
            }
        }
        _ => types::T_INVALID,
    }
}

pub fn find_pointer(g: &Gen, elem: TypeId) -> TypeId {
    for (i, k) in g.p.types.kinds.iter().enumerate() {
        if *k == TypeKind::Pointer(elem) {
            return TypeId(i as u32);
        }
    }
    types::T_UNSAFE_POINTER
}

/// Computes the receiver argument for a method reached from `x` through `path`.
pub(crate) fn receiver<'a>(g: &mut Gen<'a>, x: &'a Expr, path: &[usize], ptr_recv: bool) -> Reg {
    let xt = g.type_of(x.id);
    let (pl, t) = if path.is_empty() {
        if matches!(g.p.types.under(xt), TypeKind::Pointer(_)) {
            let v = g.expr(x);
            if ptr_recv {
                return v;
            }
            let inner = match g.p.types.under(xt) {
                TypeKind::Pointer(e) => *e,
                _ => xt,
            };
            g.emit(Op::NilCheck { ptr: v });
            return g.load_place(Place::Mem { ptr: v, off: 0 }, inner);
        }
        if !ptr_recv {
            return g.expr(x);
        }
        (g.place(x), xt)
    } else {
        let ft = field_type_at(g, xt, path);
        (g.field_place(x, path), ft)
    };
    if let TypeKind::Pointer(inner) = g.p.types.under(t).clone() {
        let v = g.load_place(pl, t);
        if ptr_recv {
            return v;
        }
        g.emit(Op::NilCheck { ptr: v });
        return g.load_place(Place::Mem { ptr: v, off: 0 }, inner);
    }
    if ptr_recv {
        g.addr_of_place(pl)
    } else {
        g.load_place(pl, t)
    }
}

/// The function an itab uses for method `func` of dynamic type `t` (receiver = data word).
pub fn wrapper_for(g: &mut Gen, t: TypeId, func: ObjId, direct: bool) -> u32 {
    let f = g.func_index.get(&func).copied().unwrap_or(0);
    let ptr_recv = matches!(g.p.obj(func).kind, ObjKind::Func { ptr_recv: true, .. });
    if direct && (ptr_recv || g.is_direct_iface(t)) && recv_type(g, func) == t {
        return f;
    }
    let key = (t, g.p.obj(func).name.clone());
    if let Some(&w) = g.wrappers.get(&key) {
        return w;
    }
    let name = g.out.funcs[f as usize].name.clone();
    let idx = g.new_func(name, g.out.funcs[f as usize].decl_pos);
    g.wrappers.insert(key, idx);
    g.jobs.push(crate::gen::Job {
        func: idx,
        kind: crate::gen::JobKind::Wrapper {
            recv: t,
            method: func,
            path: vec![],
            direct,
        },
    });
    idx
}

/// The itab function for a method promoted from an embedded interface field.
pub fn iface_wrapper_for(
    g: &mut Gen,
    t: TypeId,
    name: &str,
    path: Vec<usize>,
    index: usize,
    sig: TypeId,
    direct: bool,
) -> u32 {
    let key = (t, name.to_string());
    if let Some(&w) = g.wrappers.get(&key) {
        return w;
    }
    let tname = g.p.types.type_string(t, true);
    let idx = g.new_func(format!("{}.{}", tname, name), 0);
    g.wrappers.insert(key, idx);
    g.jobs.push(crate::gen::Job {
        func: idx,
        kind: crate::gen::JobKind::IfaceWrapper {
            recv: t,
            path,
            index,
            sig,
            direct,
        },
    });
    idx
}

/// Compiles a wrapper that forwards to method `index` of an embedded interface field.
pub fn compile_iface_wrapper(
    g: &mut Gen,
    idx: u32,
    recv: TypeId,
    path: &[usize],
    index: usize,
    sig_t: TypeId,
    direct: bool,
) {
    let name = g.out.funcs[idx as usize].name.clone();
    g.begin_fn(name);
    let sig = g.sig_of(sig_t);
    let mut my_params = vec![types::T_UNSAFE_POINTER];
    my_params.extend(sig.params.iter().copied());
    let (regs, rregs) = wrapper_frame(g, idx, &my_params, &sig.results);
    // Walk to the interface field.
    let mut ptr = regs[0];
    let mut cur_t = recv;
    if let TypeKind::Pointer(e) = g.p.types.under(cur_t) {
        cur_t = *e;
    }
    let _ = direct;
    let mut off = 0u32;
    for (k, &fi) in path.iter().enumerate() {
        let offs = g.layouts.field_offsets(&g.p.types, cur_t);
        off += offs.get(fi).copied().unwrap_or(0) as u32;
        let ft = match g.p.types.under(cur_t) {
            TypeKind::Struct(fs) => fs.get(fi).map(|f| f.ty).unwrap_or(types::T_INVALID),
            _ => types::T_INVALID,
        };
        if k + 1 < path.len() {
            if let TypeKind::Pointer(inner) = g.p.types.under(ft).clone() {
                let np = g.temp_word(true);
                g.emit(Op::Load {
                    dst: np,
                    ptr,
                    off,
                    w: crate::bytecode::Width::W64,
                });
                ptr = np;
                off = 0;
                cur_t = inner;
                continue;
            }
        }
        cur_t = ft;
    }
    let iv = g.temp(types::T_ANY);
    g.emit(Op::NilCheck { ptr });
    g.emit(Op::LoadN {
        dst: iv,
        ptr,
        off,
        size: 16,
    });
    let mut cparams = vec![types::T_UNSAFE_POINTER];
    cparams.extend(sig.params.iter().copied());
    let reg = g.region(&cparams, &sig.results);
    for (i, &t) in sig.params.iter().enumerate() {
        g.mov(reg.param_offs[i + 1], regs[i + 1], t);
    }
    g.emit(Op::CallIface {
        iface: iv,
        index: index as u32,
        base: reg.base,
        args_size: reg.args_size(),
    });
    for (i, &t) in sig.results.iter().enumerate() {
        g.mov(rregs[i], reg.result_offs[i], t);
    }
    g.emit(Op::Ret);
    g.end_fn(idx);
    g.out.func_mut(idx).wrapper = true;
}

/// Compiles the function of an interface method value (`bound`: the interface is the
/// closure's two captured words) or of a method expression on an interface type (the
/// interface is the first parameter): it calls method `index` of that interface.
pub fn compile_iface_thunk(g: &mut Gen, idx: u32, index: usize, sig_t: TypeId, bound: bool) {
    let name = g.out.funcs[idx as usize].name.clone();
    g.begin_fn(name);
    let sig = g.sig_of(sig_t);
    let mut my_params = Vec::new();
    if !bound {
        my_params.push(types::T_ANY);
    }
    my_params.extend(sig.params.iter().copied());
    let (regs, rregs) = wrapper_frame(g, idx, &my_params, &sig.results);
    let iv = if bound {
        let ctx = g.temp_word(true);
        g.fs().ctx_off = Some(ctx);
        let iv = g.temp(types::T_ANY);
        g.emit(Op::LoadCapture { dst: iv, index: 0 });
        g.emit(Op::LoadCapture {
            dst: iv + 8,
            index: 1,
        });
        iv
    } else {
        g.emit(Op::NilCheck { ptr: regs[0] });
        regs[0]
    };
    let first = usize::from(!bound);
    let mut cparams = vec![types::T_UNSAFE_POINTER];
    cparams.extend(sig.params.iter().copied());
    let reg = g.region(&cparams, &sig.results);
    for (i, &t) in sig.params.iter().enumerate() {
        g.mov(reg.param_offs[i + 1], regs[i + first], t);
    }
    g.emit(Op::CallIface {
        iface: iv,
        index: index as u32,
        base: reg.base,
        args_size: reg.args_size(),
    });
    for (i, &t) in sig.results.iter().enumerate() {
        g.mov(rregs[i], reg.result_offs[i], t);
    }
    g.emit(Op::Ret);
    g.end_fn(idx);
    g.out.func_mut(idx).wrapper = true;
}

/// Compiles an interface-call wrapper: its first parameter is an interface data word.
pub fn compile_wrapper(
    g: &mut Gen,
    idx: u32,
    recv: TypeId,
    method: ObjId,
    path: &[usize],
    direct: bool,
) {
    let name = g.out.funcs[idx as usize].name.clone();
    g.begin_fn(name);
    let f = g.func_index.get(&method).copied().unwrap_or(0);
    let mt = g.p.obj(method).ty;
    let sig = g.sig_of(mt);
    let recv_t = recv_type(g, method);
    let ptr_recv = matches!(g.p.obj(method).kind, ObjKind::Func { ptr_recv: true, .. });
    let _ = path;
    // Our frame: [data word][params][results]
    let mut my_params = vec![types::T_UNSAFE_POINTER];
    my_params.extend(sig.params.iter().copied());
    let (regs, rregs) = wrapper_frame(g, idx, &my_params, &sig.results);
    let mut cparams = vec![recv_t];
    cparams.extend(sig.params.iter().copied());
    let reg = g.region(&cparams, &sig.results);
    // Receiver: the data word is either the value itself (direct) or a pointer to it.
    let data = regs[0];
    // Find the receiver through embedded fields of `recv` if the method is promoted.
    let (emb_path, _) = crate::rtypes::promoted_path(g, recv, method);
    let mut cur_t = recv;
    let mut ptr = data;
    let mut is_ptr = !direct || matches!(g.p.types.under(recv), TypeKind::Pointer(_));
    // The data word of an interface holding a value (not a pointer) of an indirect type
    // points to the interface's own copy of it, never nil: reading the receiver through
    // it needs no nil check (a pointer reached through an embedded field still does).
    let own_copy = !direct && !matches!(g.p.types.under(recv), TypeKind::Pointer(_));
    if let TypeKind::Pointer(e) = g.p.types.under(cur_t) {
        cur_t = *e;
    }
    let mut off = 0u32;
    for &fi in &emb_path {
        let offs = g.layouts.field_offsets(&g.p.types, cur_t);
        off += offs.get(fi).copied().unwrap_or(0) as u32;
        let ft = match g.p.types.under(cur_t) {
            TypeKind::Struct(fs) => fs.get(fi).map(|f| f.ty).unwrap_or(types::T_INVALID),
            _ => types::T_INVALID,
        };
        if let TypeKind::Pointer(inner) = g.p.types.under(ft).clone() {
            // Without `is_ptr` the data word is a direct value (a struct or array of one
            // pointer-shaped element), so it already is this field.
            if is_ptr {
                let np = g.temp_word(true);
                g.emit(Op::Load {
                    dst: np,
                    ptr,
                    off,
                    w: crate::bytecode::Width::W64,
                });
                ptr = np;
            }
            off = 0;
            cur_t = inner;
            is_ptr = true;
        } else {
            cur_t = ft;
        }
    }
    if ptr_recv {
        if off == 0 {
            g.emit(Op::Move {
                dst: reg.param_offs[0],
                src: ptr,
            });
        } else {
            g.emit(Op::FieldAddr {
                dst: reg.param_offs[0],
                ptr,
                off,
            });
        }
    } else if is_ptr {
        if !(own_copy && ptr == data) {
            g.emit(Op::NilCheck { ptr });
        }
        let rt = recv_t;
        g.load_mem(reg.param_offs[0], ptr, off, rt);
    } else {
        g.emit(Op::Move {
            dst: reg.param_offs[0],
            src: ptr,
        });
    }
    for (i, &t) in sig.params.iter().enumerate() {
        g.mov(reg.param_offs[i + 1], regs[i + 1], t);
    }
    // A small method with a value receiver runs in the wrapper itself (inline.rs), so an
    // interface call of it is one call, not two.
    let inlined = (!ptr_recv)
        .then(|| g.inline_method_into(method, &reg.param_offs))
        .flatten();
    if let (Some(r), [rr], [t]) = (inlined, rregs.as_slice(), sig.results.as_slice()) {
        g.mov(*rr, r, *t);
    } else {
        g.emit(Op::Call {
            func: f,
            base: reg.base,
        });
        for (i, &t) in sig.results.iter().enumerate() {
            g.mov(rregs[i], reg.result_offs[i], t);
        }
    }
    g.emit(Op::Ret);
    g.end_fn(idx);
    g.out.func_mut(idx).wrapper = true;
}

/// Lays out a generated function's parameters and results as slots (in order) and records
/// the sizes on function `idx`; returns the parameter and result registers.
pub(crate) fn wrapper_frame(
    g: &mut Gen,
    idx: u32,
    params: &[TypeId],
    results: &[TypeId],
) -> (Vec<Reg>, Vec<Reg>) {
    let regs: Vec<Reg> = params.iter().map(|&t| g.slot(t)).collect();
    let params_size = g.fs().f.size;
    let rregs: Vec<Reg> = results.iter().map(|&t| g.slot(t)).collect();
    let func = g.out.func_mut(idx);
    // A wrapper writes every result before its one `Ret` and keeps no defer list (nothing
    // can resume it after a recovered panic), so a call need not zero them first.
    func.results_written = true;
    func.params_size = params_size;
    func.results_off = params_size;
    func.results_size = g.fs.as_ref().map(|f| f.f.size).unwrap_or(params_size) - params_size;
    (regs, rregs)
}

/// Compiles a bound-method thunk: its closure's captured word is the receiver data word,
/// passed to `target` (a function taking the data word as receiver).
pub fn compile_thunk(g: &mut Gen, idx: u32, target: u32, method: ObjId) {
    let name = g.out.funcs[idx as usize].name.clone();
    g.begin_fn(name);
    let sig = g.sig_of(g.p.obj(method).ty);
    let (regs, rregs) = wrapper_frame(g, idx, &sig.params, &sig.results);
    let ctx = g.temp_word(true);
    g.fs().ctx_off = Some(ctx);
    let mut cparams = vec![types::T_UNSAFE_POINTER];
    cparams.extend(sig.params.iter().copied());
    let reg = g.region(&cparams, &sig.results);
    g.emit(Op::LoadCapture {
        dst: reg.param_offs[0],
        index: 0,
    });
    for (i, &t) in sig.params.iter().enumerate() {
        g.mov(reg.param_offs[i + 1], regs[i], t);
    }
    g.emit(Op::Call {
        func: target,
        base: reg.base,
    });
    for (i, &t) in sig.results.iter().enumerate() {
        g.mov(rregs[i], reg.result_offs[i], t);
    }
    g.emit(Op::Ret);
    g.end_fn(idx);
    g.out.func_mut(idx).wrapper = true;
}
