//! Statements: declarations, assignments (with Go's two-phase evaluation order), control
//! flow, loops with Go 1.22 per-iteration variables, switches, defer and return.
//!
//! Invariants: temporaries are released after every statement; a `return` stores its values
//! into the result variables and jumps to the epilogue, which the VM re-enters after each
//! deferred call, so deferred functions see and may change named results.

use crate::bytecode::{Op, Reg};
use crate::expr::{cmp_op, Place};
use crate::gen::{Gen, Loc, LoopCtx, NONE};
use crate::layout::Layout;
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::{self, AssignOp, BinOp, BranchKind, Expr, ExprKind, Stmt, StmtKind};
use gosub_types::{self as types, BasicKind, ConstValue, ObjId, TypeId, TypeKind};

impl<'a> Gen<'a> {
    pub fn block(&mut self, stmts: &'a [Stmt]) {
        for s in stmts {
            let mark = self.f().temp_mark();
            self.stmt(s);
            self.f().release_temps(mark);
        }
    }

    fn def_obj(&self, id: &ast::Ident) -> Option<ObjId> {
        self.p.info.defs.get(&id.id).copied()
    }

    /// Declares local `o` initialized from register `v` (or zero when `v` is None).
    pub fn define_local(&mut self, o: ObjId, v: Option<(Reg, TypeId)>) {
        let t = self.p.obj(o).ty;
        let slot = self.declare_local(o);
        match v {
            Some((r, rt)) => {
                let r = self.convert(r, rt, t);
                self.mov(slot, r, t);
            }
            None => {
                let size = self.size(t);
                self.emit(Op::Zero { dst: slot, size });
            }
        }
        self.bind_var(o, slot, t, true);
    }

    fn stmt(&mut self, s: &'a Stmt) {
        self.fs().f.cur_pos = s.span.lo;
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Labeled { label, stmt } => {
                let l = self.label_for(&label.name);
                self.f().bind(l);
                match &stmt.kind {
                    StmtKind::For { .. }
                    | StmtKind::Range { .. }
                    | StmtKind::Switch { .. }
                    | StmtKind::TypeSwitch { .. }
                    | StmtKind::Select { .. } => self.stmt_labeled(stmt, Some(label.name.clone())),
                    _ => self.stmt(stmt),
                }
            }
            StmtKind::Expr(e) => {
                let t = self.type_of(e.id);
                if let ExprKind::Call { fun, args, .. } = &unparen(e).kind {
                    if let Some(b) = crate::call::builtin_of(self, fun) {
                        let dst = if t == types::T_VOID
                            || matches!(self.p.types.kind(t), TypeKind::Tuple(_))
                        {
                            NONE
                        } else {
                            self.temp(t)
                        };
                        crate::builtins::builtin(self, b, unparen(e), args, dst);
                        return;
                    }
                    if self.p.info.conversions.contains_key(&unparen(e).id) {
                        self.expr(e);
                        return;
                    }
                    crate::call::call_region(self, unparen(e));
                    return;
                }
                self.expr(e);
            }
            StmtKind::IncDec { x, inc } => {
                let t = self.type_of(x.id);
                let pl = self.place_stable(x);
                if let (Place::Frame { reg, packed: false }, Some(k)) = (pl, self.p.types.basic(t))
                {
                    if k.is_integer() {
                        let op = if *inc {
                            crate::bytecode::IntOp::Add
                        } else {
                            crate::bytecode::IntOp::Sub
                        };
                        self.emit(Op::IntImm {
                            op,
                            dst: reg,
                            a: reg,
                            imm: 1,
                        });
                        self.wrap(reg, t);
                        return;
                    }
                }
                let v = self.load_place(pl, t);
                let r = self.temp(t);
                match self.p.types.basic(t) {
                    Some(BasicKind::Float64) => {
                        let one = self.temp(t);
                        self.emit(Op::Const {
                            dst: one,
                            val: 1f64.to_bits(),
                        });
                        let op = if *inc {
                            crate::bytecode::FloatOp::Add
                        } else {
                            crate::bytecode::FloatOp::Sub
                        };
                        self.emit(Op::F64 {
                            op,
                            dst: r,
                            a: v,
                            b: one,
                        });
                    }
                    Some(BasicKind::Float32) => {
                        let one = self.temp(t);
                        self.emit(Op::Const {
                            dst: one,
                            val: 1f32.to_bits() as u64,
                        });
                        let op = if *inc {
                            crate::bytecode::FloatOp::Add
                        } else {
                            crate::bytecode::FloatOp::Sub
                        };
                        self.emit(Op::F32 {
                            op,
                            dst: r,
                            a: v,
                            b: one,
                        });
                    }
                    _ => {
                        let op = if *inc {
                            crate::bytecode::IntOp::Add
                        } else {
                            crate::bytecode::IntOp::Sub
                        };
                        self.emit(Op::IntImm {
                            op,
                            dst: r,
                            a: v,
                            imm: 1,
                        });
                        self.wrap(r, t);
                    }
                }
                self.store_place(pl, r, t);
            }
            StmtKind::Assign { lhs, op, rhs } => self.assign(lhs, *op, rhs),
            StmtKind::Return(es) => self.ret(es, s.span),
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                let else_l = self.f().new_label();
                let end = self.f().new_label();
                self.cond_jump_false(cond, else_l);
                self.block(&then.stmts);
                if els.is_some() {
                    self.f().emit_jump(Op::Jmp { target: 0 }, end);
                }
                self.f().bind(else_l);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.f().bind(end);
            }
            StmtKind::For { .. }
            | StmtKind::Range { .. }
            | StmtKind::Switch { .. }
            | StmtKind::TypeSwitch { .. }
            | StmtKind::Select { .. } => self.stmt_labeled(s, None),
            StmtKind::Branch { kind, label } => self.branch(*kind, label.as_ref()),
            StmtKind::Defer(e) => self.defer(e),
            StmtKind::Go(e) => self.go_stmt(e),
            StmtKind::Send { ch, value } => {
                let et = match self.p.types.under(self.type_of(ch.id)) {
                    TypeKind::Chan(_, e) => *e,
                    _ => types::T_INVALID,
                };
                let c = self.expr(ch);
                let keep = self.temp_word(true);
                self.emit(Op::Move { dst: keep, src: c });
                let v = self.expr_conv(value, et);
                self.fs().f.cur_pos = s.span.lo;
                self.emit(Op::ChanSend { ch: keep, src: v });
            }
        }
    }

    fn label_for(&mut self, name: &str) -> crate::frame::Label {
        if let Some(&l) = self.fs().labels.get(name) {
            return l;
        }
        let l = self.f().new_label();
        self.fs().labels.insert(name.to_string(), l);
        l
    }

    fn stmt_labeled(&mut self, s: &'a Stmt, label: Option<String>) {
        match &s.kind {
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(init, cond, post, body, label),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_loop(key, value, *define, x, body, label),
            StmtKind::Switch {
                init, tag, clauses, ..
            } => self.switch(init, tag, clauses, label),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                ..
            } => self.type_switch(init, bind, x, clauses, label),
            StmtKind::Select { clauses } => self.select(clauses, label),
            _ => self.stmt(s),
        }
    }

    fn local_decl(&mut self, d: &'a ast::Decl) {
        let ast::Decl::Var(gd) = d else { return };
        for spec in &gd.specs {
            let objs: Vec<Option<ObjId>> = spec.names.iter().map(|n| self.def_obj(n)).collect();
            if spec.values.is_empty() {
                for o in objs.into_iter().flatten() {
                    self.define_local(o, None);
                }
            } else if spec.values.len() == objs.len() {
                let mut vals = Vec::new();
                for (i, v) in spec.values.iter().enumerate() {
                    let t = objs[i]
                        .map(|o| self.p.obj(o).ty)
                        .unwrap_or(self.type_of(v.id));
                    let r = self.expr_conv(v, t);
                    let keep = self.temp(t);
                    self.mov(keep, r, t);
                    vals.push((keep, t));
                }
                for (o, v) in objs.into_iter().zip(vals) {
                    if let Some(o) = o {
                        self.define_local(o, Some(v));
                    }
                }
            } else if let Some(v0) = spec.values.first() {
                let vals = self.multi_value(v0, objs.len());
                for (o, v) in objs.into_iter().zip(vals) {
                    if let Some(o) = o {
                        self.define_local(o, Some(v));
                    }
                }
            }
        }
    }

    /// A place whose operands are evaluated once (for `op=` and `++`).
    fn place_stable(&mut self, e: &'a Expr) -> Place {
        self.place(e)
    }

    fn assign(&mut self, lhs: &'a [Expr], op: AssignOp, rhs: &'a [Expr]) {
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
                    // Phase 1: places and values; phase 2: stores.
                    let mut places = Vec::new();
                    for x in lhs {
                        if self.new_var(x, op).is_some() {
                            places.push(None);
                        } else {
                            places.push(Some(self.lhs_place(x)));
                        }
                    }
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
                // v1, v2 := f() / m[k] / x.(T)
                let Some(v0) = rhs.first() else { return };
                let mut places = Vec::new();
                for x in lhs {
                    if self.new_var(x, op).is_some() {
                        places.push(None);
                    } else {
                        places.push(Some(self.lhs_place(x)));
                    }
                }
                let vals = self.multi_value(v0, lhs.len());
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

    /// `s[i] = v` for a slice of narrow non-pointer elements: one fused, bounds-checked
    /// store after the right side is evaluated (Go checks the index at assignment time).
    fn store_elem_fast(&mut self, x: &'a Expr, v: &'a Expr) -> bool {
        let ExprKind::Index { x: sx, index } = &unparen(x).kind else {
            return false;
        };
        let st = self.type_of(sx.id);
        let TypeKind::Slice(et) = self.p.types.under(st).clone() else {
            return false;
        };
        let Some(w) = crate::expr::width_of(&self.p.types, et) else {
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

    fn lhs_type(&self, x: &Expr) -> TypeId {
        if let ExprKind::Ident(id) = &x.kind {
            if let Some(&o) = self.p.info.defs.get(&id.id) {
                return self.p.obj(o).ty;
            }
        }
        self.type_of(x.id)
    }

    /// For `:=`: the new variable an identifier on the left declares, if any.
    fn new_var(&self, x: &Expr, op: AssignOp) -> Option<ObjId> {
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

    fn lhs_place(&mut self, x: &'a Expr) -> Place {
        if let ExprKind::Ident(id) = &x.kind {
            if id.name == "_" {
                return Place::Blank;
            }
        }
        self.place(x)
    }

    fn store_lhs(&mut self, pl: Place, r: Reg, t: TypeId) {
        self.store_place(pl, r, t);
    }

    /// `a op y` where `a` is a register already holding the left operand.
    fn binop_regs(&mut self, op: BinOp, a: Reg, y: &'a Expr, t: TypeId, dst: Reg) {
        use crate::bytecode::{FloatOp, IntOp};
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
            BasicKind::Float64 | BasicKind::Float32 => {
                let fop = match op {
                    BinOp::Sub => FloatOp::Sub,
                    BinOp::Mul => FloatOp::Mul,
                    BinOp::Div => FloatOp::Div,
                    _ => FloatOp::Add,
                };
                if k == BasicKind::Float64 {
                    self.emit(Op::F64 { op: fop, dst, a, b });
                } else {
                    self.emit(Op::F32 { op: fop, dst, a, b });
                }
            }
            _ => {
                let u = k.is_unsigned();
                let iop = match op {
                    BinOp::Add => IntOp::Add,
                    BinOp::Sub => IntOp::Sub,
                    BinOp::Mul => IntOp::Mul,
                    BinOp::Div => {
                        if u {
                            IntOp::DivU
                        } else {
                            IntOp::Div
                        }
                    }
                    BinOp::Rem => {
                        if u {
                            IntOp::RemU
                        } else {
                            IntOp::Rem
                        }
                    }
                    BinOp::And => IntOp::And,
                    BinOp::Or => IntOp::Or,
                    BinOp::Xor => IntOp::Xor,
                    _ => IntOp::AndNot,
                };
                self.emit(Op::Int { op: iop, dst, a, b });
                self.wrap(dst, t);
            }
        }
    }

    fn ret(&mut self, es: &'a [Expr], span: ast::Span) {
        let _ = span;
        let results = self.fs().results.clone();
        if !es.is_empty() {
            let mut vals = Vec::new();
            if es.len() == 1
                && results.len() == 1
                && writes_dst_last(&es[0])
                && self.type_of(es[0].id) == results[0].2
            {
                if let Some(Loc::Frame(slot)) = self.fs().locals.get(&results[0].0).copied() {
                    self.expr_to(&es[0], slot);
                    return self.ret(&[], span);
                }
            }
            if es.len() == results.len() {
                for (i, e) in es.iter().enumerate() {
                    let t = results[i].2;
                    let r = self.expr_conv(e, t);
                    if results.len() > 1 {
                        let keep = self.temp(t);
                        self.mov(keep, r, t);
                        vals.push((keep, t));
                    } else {
                        vals.push((r, t));
                    }
                }
            } else if let Some(e0) = es.first() {
                let mv = self.multi_value(e0, results.len());
                for (i, (r, rt)) in mv.into_iter().enumerate() {
                    if let Some(&(_, _, t)) = results.get(i) {
                        let v = self.convert(r, rt, t);
                        vals.push((v, t));
                    }
                }
            }
            for (i, (r, t)) in vals.into_iter().enumerate() {
                let (o, slot, _) = results[i];
                match self.fs().locals.get(&o).copied() {
                    Some(Loc::Boxed(b)) => self.store_mem(b, 0, r, t),
                    _ => self.mov(slot, r, t),
                }
            }
        }
        // The epilogue only copies boxed named results back; without any, return at once.
        let boxed_results = results
            .iter()
            .any(|(o, _, _)| matches!(self.fs().locals.get(o), Some(Loc::Boxed(_))));
        if !boxed_results && self.fs().defer_off.is_none() {
            self.emit(Op::Ret);
            return;
        }
        let rl = self.fs().ret_label;
        self.f().emit_jump(Op::Jmp { target: 0 }, rl);
    }

    /// Jumps to `l` when `cond` is false (fused compare-and-branch where possible).
    pub fn cond_jump_false(&mut self, cond: &'a Expr, l: crate::frame::Label) {
        let c = unparen(cond);
        if let ExprKind::Binary { op, x, y } = &c.kind {
            match op {
                BinOp::LAnd => {
                    self.cond_jump_false(x, l);
                    self.cond_jump_false(y, l);
                    return;
                }
                BinOp::LOr => {
                    let t = self.f().new_label();
                    let skip = self.f().new_label();
                    self.cond_jump_false(x, t);
                    self.f().emit_jump(Op::Jmp { target: 0 }, skip);
                    self.f().bind(t);
                    self.cond_jump_false(y, l);
                    self.f().bind(skip);
                    return;
                }
                BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                    let xt = self.type_of(x.id);
                    if let Some(k) = self.p.types.basic(xt) {
                        if k.is_integer() && !self.p.types.is_interface(self.type_of(y.id)) {
                            let cop = cmp_op(*op, k.is_unsigned());
                            let a = self.expr(x);
                            if let Some(ConstValue::Int(v)) = self.p.info.consts.get(&y.id) {
                                if let Ok(imm) = i64::try_from(*v) {
                                    self.f().emit_jump(
                                        Op::JmpCmpImmNot {
                                            op: cop,
                                            a,
                                            imm,
                                            target: 0,
                                        },
                                        l,
                                    );
                                    return;
                                }
                            }
                            let b = self.expr(y);
                            self.f().emit_jump(
                                Op::JmpCmpNot {
                                    op: cop,
                                    a,
                                    b,
                                    target: 0,
                                },
                                l,
                            );
                            return;
                        }
                    }
                }
                _ => {}
            }
        }
        if let ExprKind::Unary {
            op: ast::UnOp::Not,
            x,
        } = &c.kind
        {
            let r = self.expr(x);
            self.f().emit_jump(Op::JmpIf { cond: r, target: 0 }, l);
            return;
        }
        let r = self.expr(cond);
        self.f().emit_jump(Op::JmpIfNot { cond: r, target: 0 }, l);
    }

    fn push_loop(
        &mut self,
        label: Option<String>,
        brk: crate::frame::Label,
        cont: Option<crate::frame::Label>,
    ) {
        self.fs().loops.push(LoopCtx { label, brk, cont });
    }

    fn for_loop(
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
        if let Some(i) = init {
            if let StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                ..
            } = &i.kind
            {
                for x in lhs {
                    if let ExprKind::Ident(id) = &x.kind {
                        if let Some(o) = self.def_obj(id) {
                            if let Some(Loc::Boxed(r)) = self.fs().locals.get(&o).copied() {
                                per_iter.push((r, self.p.obj(o).ty));
                            }
                        }
                    }
                }
            }
        }
        let top = self.f().new_label();
        let cont = self.f().new_label();
        let end = self.f().new_label();
        self.f().bind(top);
        if let Some(c) = cond {
            let mark = self.f().temp_mark();
            self.cond_jump_false(c, end);
            self.f().release_temps(mark);
        }
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
        self.f().emit_jump(Op::Jmp { target: 0 }, top);
        self.f().bind(end);
    }

    /// Assigns or defines a range variable.
    fn range_var(&mut self, e: &'a Option<Expr>, define: bool, v: Reg, t: TypeId) {
        if let Some(x) = e {
            self.assign_received(x, define, v, t);
        }
    }

    /// Assigns the value at `v` (of type `t`) to `x`, or defines `x` with it (`:=`): the
    /// variables of `for range` and of `select` receive cases.
    fn assign_received(&mut self, x: &'a Expr, define: bool, v: Reg, t: TypeId) {
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

    /// The shared end of every range loop: the body (as a loop for break/continue), then at
    /// `cont` the counter's increment when there is one, the jump back to `top`, and `end`.
    fn range_tail(
        &mut self,
        body: &'a ast::Block,
        label: Option<String>,
        mark: usize,
        l: RangeLabels,
        counter: Option<Reg>,
    ) {
        self.push_loop(label, l.end, Some(l.cont));
        self.block(&body.stmts);
        self.fs().loops.pop();
        self.f().release_temps(mark);
        self.f().bind(l.cont);
        if let Some(i) = counter {
            self.emit(Op::IntImm {
                op: crate::bytecode::IntOp::Add,
                dst: i,
                a: i,
                imm: 1,
            });
        }
        self.f().emit_jump(Op::Jmp { target: 0 }, l.top);
        self.f().bind(l.end);
    }

    fn range_loop(
        &mut self,
        key: &'a Option<Expr>,
        value: &'a Option<Expr>,
        define: bool,
        x: &'a Expr,
        body: &'a ast::Block,
        label: Option<String>,
    ) {
        let xt = self.type_of(x.id);
        let top = self.f().new_label();
        let cont = self.f().new_label();
        let end = self.f().new_label();
        let int_l = Layout {
            size: 8,
            align: 8,
            ptr_words: vec![],
        };
        match self.p.types.under(xt).clone() {
            TypeKind::Basic(k) if k.is_integer() => {
                let n = self.f().alloc_slot(&int_l);
                let nv = self.expr(x);
                self.emit(Op::Move { dst: n, src: nv });
                let i = self.f().alloc_slot(&int_l);
                self.emit(Op::Const { dst: i, val: 0 });
                self.f().bind(top);
                self.f().emit_jump(
                    Op::JmpCmpNot {
                        op: crate::bytecode::CmpOp::Lt,
                        a: i,
                        b: n,
                        target: 0,
                    },
                    end,
                );
                let mark = self.f().temp_mark();
                let kt = if let Some(k) = key {
                    self.lhs_type(k)
                } else {
                    xt
                };
                let kt = if matches!(self.p.types.basic(kt), Some(b) if b.is_untyped()) {
                    types::T_INT
                } else {
                    kt
                };
                self.range_var(key, define, i, kt);
                self.range_tail(body, label, mark, RangeLabels { top, cont, end }, Some(i));
            }
            TypeKind::Basic(_) => {
                // string: runes
                let s_l = self.layout(types::T_STRING);
                let s = self.f().alloc_slot(&s_l);
                let sv = self.expr(x);
                self.mov(s, sv, types::T_STRING);
                let i = self.f().alloc_slot(&int_l);
                let w = self.f().alloc_slot(&int_l);
                let r = self.f().alloc_slot(&int_l);
                self.emit(Op::Const { dst: i, val: 0 });
                self.emit(Op::Const { dst: w, val: 0 });
                self.f().bind(top);
                self.emit(Op::Int {
                    op: crate::bytecode::IntOp::Add,
                    dst: i,
                    a: i,
                    b: w,
                });
                self.f().emit_jump(
                    Op::JmpCmpNot {
                        op: crate::bytecode::CmpOp::Lt,
                        a: i,
                        b: s + 8,
                        target: 0,
                    },
                    end,
                );
                self.emit(Op::StrRangeNext {
                    s,
                    i,
                    rune: r,
                    width: w,
                });
                let mark = self.f().temp_mark();
                self.range_var(key, define, i, types::T_INT);
                self.range_var(value, define, r, types::T_INT32);
                self.range_tail(body, label, mark, RangeLabels { top, cont, end }, None);
            }
            TypeKind::Slice(et) | TypeKind::Array(et, _) | TypeKind::Pointer(et) => {
                // Normalize to (base pointer, len) over elements of type `et`.
                let (et, arr_ptr) = match self.p.types.under(xt).clone() {
                    TypeKind::Pointer(at) => match self.p.types.under(at).clone() {
                        TypeKind::Array(e, _) => (e, true),
                        _ => (et, true),
                    },
                    TypeKind::Array(..) => (et, false),
                    _ => (et, false),
                };
                let is_slice = matches!(self.p.types.under(xt), TypeKind::Slice(_));
                let sl = self.layout(xt);
                let holder = if is_slice || arr_ptr {
                    let h = self.f().alloc_slot(&sl);
                    let v = self.expr(x);
                    self.mov(h, v, xt);
                    h
                } else {
                    // Go evaluates (copies) the array once.
                    let h = self.f().alloc_slot(&sl);
                    let v = self.expr(x);
                    self.mov(h, v, xt);
                    h
                };
                let n = self.f().alloc_slot(&int_l);
                match self.p.types.under(xt).clone() {
                    TypeKind::Slice(_) => {
                        self.emit(Op::Move {
                            dst: n,
                            src: holder + 8,
                        });
                    }
                    TypeKind::Array(_, len) => {
                        self.emit(Op::Const { dst: n, val: len });
                    }
                    TypeKind::Pointer(at) => {
                        let len = match self.p.types.under(at) {
                            TypeKind::Array(_, len) => *len,
                            _ => 0,
                        };
                        self.emit(Op::Const { dst: n, val: len });
                    }
                    _ => {}
                }
                let i = self.f().alloc_slot(&int_l);
                self.emit(Op::Const { dst: i, val: 0 });
                self.f().bind(top);
                self.f().emit_jump(
                    Op::JmpCmpNot {
                        op: crate::bytecode::CmpOp::Lt,
                        a: i,
                        b: n,
                        target: 0,
                    },
                    end,
                );
                let mark = self.f().temp_mark();
                self.range_var(key, define, i, types::T_INT);
                if value
                    .as_ref()
                    .is_some_and(|v| !matches!(&v.kind, ExprKind::Ident(id) if id.name == "_"))
                {
                    let v = self.temp(et);
                    let esize = self.size(et);
                    if is_slice {
                        let p = self.temp_word(true);
                        self.emit(Op::SliceElemAddr {
                            dst: p,
                            s: holder,
                            i,
                            size: esize,
                        });
                        self.load_mem(v, p, 0, et);
                    } else {
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
                        let len = match self.p.types.under(xt).clone() {
                            TypeKind::Array(_, l) => l,
                            TypeKind::Pointer(at) => match self.p.types.under(at) {
                                TypeKind::Array(_, l) => *l,
                                _ => 0,
                            },
                            _ => 0,
                        };
                        let p = self.temp_word(true);
                        self.emit(Op::ArrayElemAddr {
                            dst: p,
                            ptr: base,
                            i,
                            len,
                            size: esize,
                        });
                        self.load_mem(v, p, 0, et);
                    }
                    self.range_var(value, define, v, et);
                }
                self.range_tail(body, label, mark, RangeLabels { top, cont, end }, Some(i));
            }
            TypeKind::Map(kt, vt) => {
                let it_l = Layout {
                    size: 24,
                    align: 8,
                    ptr_words: vec![0, 1],
                };
                let it = self.f().alloc_slot(&it_l);
                let m = self.expr(x);
                self.emit(Op::MapIterInit { it, m });
                let kl = self.layout(kt);
                let kr = self.f().alloc_slot(&kl);
                let vl = self.layout(vt);
                let vr = self.f().alloc_slot(&vl);
                self.f().bind(top);
                let want_v = value.is_some();
                self.f().emit_jump(
                    Op::MapIterNext {
                        it,
                        key: kr,
                        val: if want_v { vr } else { NONE },
                        done: 0,
                    },
                    end,
                );
                let mark = self.f().temp_mark();
                self.range_var(key, define, kr, kt);
                self.range_var(value, define, vr, vt);
                self.range_tail(body, label, mark, RangeLabels { top, cont, end }, None);
            }
            TypeKind::Chan(_, et) => {
                let c = self.f().alloc_slot(&Layout {
                    size: 8,
                    align: 8,
                    ptr_words: vec![0],
                });
                let cv = self.expr(x);
                self.emit(Op::Move { dst: c, src: cv });
                let el = self.layout(et);
                let v = self.f().alloc_slot(&el);
                let ok = self.f().alloc_slot(&int_l);
                self.f().bind(top);
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
                    end,
                );
                let mark = self.f().temp_mark();
                self.range_var(key, define, v, et);
                self.range_tail(body, label, mark, RangeLabels { top, cont, end }, None);
            }
            _ => self.err(x.span, "gosub: range over this type is not supported yet"),
        }
    }

    fn switch(
        &mut self,
        init: &'a Option<Box<Stmt>>,
        tag: &'a Option<Expr>,
        clauses: &'a [ast::CaseClause],
        label: Option<String>,
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        let end = self.f().new_label();
        let tag_reg = tag.as_ref().map(|t| {
            let tt = self.default_type(self.type_of(t.id));
            let r = self.expr(t);
            let l = self.layout(tt);
            let keep = self.f().alloc_slot(&l);
            self.mov(keep, r, tt);
            (keep, tt)
        });
        let bodies: Vec<_> = clauses.iter().map(|_| self.f().new_label()).collect();
        let mut default = None;
        for (ci, c) in clauses.iter().enumerate() {
            let Some(es) = &c.exprs else {
                default = Some(ci);
                continue;
            };
            for e in es {
                let mark = self.f().temp_mark();
                self.fs().f.cur_pos = e.span.lo;
                match tag_reg {
                    Some((tr, tt)) => {
                        let et = self.type_of(e.id);
                        let c = self.eq_values(tr, tt, e, et);
                        self.f()
                            .emit_jump(Op::JmpIf { cond: c, target: 0 }, bodies[ci]);
                    }
                    None => {
                        let r = self.expr(e);
                        self.f()
                            .emit_jump(Op::JmpIf { cond: r, target: 0 }, bodies[ci]);
                    }
                }
                self.f().release_temps(mark);
            }
        }
        match default {
            Some(d) => self.f().emit_jump(Op::Jmp { target: 0 }, bodies[d]),
            None => self.f().emit_jump(Op::Jmp { target: 0 }, end),
        };
        self.push_loop(label, end, None);
        for (ci, c) in clauses.iter().enumerate() {
            self.f().bind(bodies[ci]);
            let next = bodies.get(ci + 1).copied();
            self.fs().fallthrough = next;
            self.block(&c.body);
            self.f().emit_jump(Op::Jmp { target: 0 }, end);
        }
        self.fs().loops.pop();
        self.f().bind(end);
    }

    /// `tag == e` for a switch case.
    fn eq_values(&mut self, tr: Reg, tt: TypeId, e: &'a Expr, et: TypeId) -> Reg {
        let dst = self.temp(types::T_BOOL);
        let ti = self.p.types.is_interface(tt);
        let ei = self.p.types.is_interface(et);
        if ti || ei {
            let it = if ti { tt } else { et };
            let a = self.convert(tr, tt, it);
            let b = self.expr_conv(e, it);
            self.emit(Op::IfaceEq {
                dst,
                a,
                b,
                ne: false,
            });
            return dst;
        }
        let b = self.expr(e);
        match self.p.types.under(tt).clone() {
            TypeKind::Basic(k) => {
                if matches!(k, BasicKind::String) {
                    self.emit(Op::CmpStr {
                        op: crate::bytecode::CmpOp::Eq,
                        dst,
                        a: tr,
                        b,
                    });
                } else if k == BasicKind::Float64 {
                    self.emit(Op::CmpF64 {
                        op: crate::bytecode::CmpOp::Eq,
                        dst,
                        a: tr,
                        b,
                    });
                } else if k == BasicKind::Float32 {
                    self.emit(Op::CmpF32 {
                        op: crate::bytecode::CmpOp::Eq,
                        dst,
                        a: tr,
                        b,
                    });
                } else {
                    self.emit(Op::Cmp {
                        op: crate::bytecode::CmpOp::Eq,
                        dst,
                        a: tr,
                        b,
                    });
                }
            }
            TypeKind::Struct(_) | TypeKind::Array(..) => {
                self.emit(Op::MemEq {
                    dst,
                    a: tr,
                    b,
                    rtype: tt.0,
                    ne: false,
                });
            }
            _ => {
                self.emit(Op::Cmp {
                    op: crate::bytecode::CmpOp::Eq,
                    dst,
                    a: tr,
                    b,
                });
            }
        }
        dst
    }

    fn type_switch(
        &mut self,
        init: &'a Option<Box<Stmt>>,
        bind: &'a Option<ast::Ident>,
        x: &'a Expr,
        clauses: &'a [ast::CaseClause],
        label: Option<String>,
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        let end = self.f().new_label();
        let xt = self.type_of(x.id);
        let xl = self.layout(xt);
        let xv = self.f().alloc_slot(&xl);
        let r = self.expr(x);
        self.mov(xv, r, xt);
        let dyn_t = self.f().alloc_slot(&Layout {
            size: 8,
            align: 8,
            ptr_words: vec![],
        });
        self.emit(Op::IfaceType {
            dst: dyn_t,
            src: xv,
        });
        let bodies: Vec<_> = clauses.iter().map(|_| self.f().new_label()).collect();
        let mut default = None;
        for (ci, c) in clauses.iter().enumerate() {
            let Some(es) = &c.exprs else {
                default = Some(ci);
                continue;
            };
            for e in es {
                let mark = self.f().temp_mark();
                let is_nil = matches!(&unparen(e).kind, ExprKind::Ident(id)
                    if matches!(self.p.info.uses.get(&id.id).map(|o| &self.p.obj(*o).kind), Some(gosub_types::ObjKind::Nil)));
                let ct = self.type_of(e.id);
                if is_nil {
                    self.f().emit_jump(
                        Op::JmpCmpImmNot {
                            op: crate::bytecode::CmpOp::Ne,
                            a: dyn_t,
                            imm: 0,
                            target: 0,
                        },
                        bodies[ci],
                    );
                } else if self.p.types.is_interface(ct) {
                    let ok = self.temp(types::T_BOOL);
                    let tmp = self.temp(ct);
                    self.emit(Op::IfaceToIface {
                        dst: tmp,
                        src: xv,
                        iface_ty: ct.0,
                        commaok: Some(ok),
                        assert: true,
                    });
                    self.f().emit_jump(
                        Op::JmpIf {
                            cond: ok,
                            target: 0,
                        },
                        bodies[ci],
                    );
                } else {
                    self.f().emit_jump(
                        Op::JmpCmpImmNot {
                            op: crate::bytecode::CmpOp::Ne,
                            a: dyn_t,
                            imm: ct.0 as i64 + 1,
                            target: 0,
                        },
                        bodies[ci],
                    );
                }
                self.f().release_temps(mark);
            }
        }
        match default {
            Some(d) => self.f().emit_jump(Op::Jmp { target: 0 }, bodies[d]),
            None => self.f().emit_jump(Op::Jmp { target: 0 }, end),
        };
        self.push_loop(label, end, None);
        for (ci, c) in clauses.iter().enumerate() {
            self.f().bind(bodies[ci]);
            if bind.is_some() {
                if let Some(&o) = self.p.info.implicits.get(&c.span.lo) {
                    let vt = self.p.obj(o).ty;
                    if vt == xt {
                        self.define_local(o, Some((xv, xt)));
                    } else if self.p.types.is_interface(vt) {
                        let tmp = self.temp(vt);
                        let ok = self.temp(types::T_BOOL);
                        self.emit(Op::IfaceToIface {
                            dst: tmp,
                            src: xv,
                            iface_ty: vt.0,
                            commaok: Some(ok),
                            assert: true,
                        });
                        self.define_local(o, Some((tmp, vt)));
                    } else {
                        let tmp = self.temp(vt);
                        let ok = self.temp(types::T_BOOL);
                        let size = self.size(vt);
                        let direct = self.is_direct_iface(vt);
                        self.emit(Op::AssertType {
                            dst: tmp,
                            src: xv,
                            rtype: vt.0,
                            size,
                            direct,
                            commaok: Some(ok),
                            iface_ty: xt.0,
                        });
                        self.define_local(o, Some((tmp, vt)));
                    }
                }
            }
            self.block(&c.body);
            self.f().emit_jump(Op::Jmp { target: 0 }, end);
        }
        self.fs().loops.pop();
        self.f().bind(end);
    }

    fn branch(&mut self, kind: BranchKind, label: Option<&ast::Ident>) {
        match kind {
            BranchKind::Goto => {
                if let Some(l) = label {
                    let lb = self.label_for(&l.name);
                    self.f().emit_jump(Op::Jmp { target: 0 }, lb);
                }
            }
            BranchKind::Fallthrough => {
                if let Some(l) = self.fs().fallthrough {
                    self.f().emit_jump(Op::Jmp { target: 0 }, l);
                }
            }
            BranchKind::Break | BranchKind::Continue => {
                let target = {
                    let loops = &self.fs.as_ref().expect("fn").loops;
                    let found = loops.iter().rev().find(|lc| match label {
                        Some(l) => lc.label.as_deref() == Some(l.name.as_str()),
                        None => kind == BranchKind::Break || lc.cont.is_some(),
                    });
                    found.and_then(|lc| {
                        if kind == BranchKind::Break {
                            Some(lc.brk)
                        } else {
                            lc.cont
                        }
                    })
                };
                if let Some(t) = target {
                    self.f().emit_jump(Op::Jmp { target: 0 }, t);
                }
            }
        }
    }

    fn defer(&mut self, e: &'a Expr) {
        let call = unparen(e);
        let ExprKind::Call {
            fun,
            args,
            ellipsis,
            ..
        } = &call.kind
        else {
            return;
        };
        if crate::call::builtin_of(self, fun).is_some() {
            self.err(e.span, "gosub: defer of a builtin is not supported yet");
            return;
        }
        let ft = self.type_of(fun.id);
        let sig = self.sig_of(ft);
        // The function value (a method call becomes a bound method value).
        let fv = self.temp_word(true);
        self.expr_to(fun, fv);
        let reg = self.region(&sig.params, &sig.results);
        let _ = ellipsis;
        self.defer_args(&sig, args, *ellipsis, &reg);
        let args_size = {
            let mut tys = sig.params.clone();
            tys.extend(sig.results.iter().copied());
            let mut off = 0u64;
            for t in tys {
                off = crate::layout::round_up(off, 8)
                    + crate::layout::round_up((self.size(t) as u64).max(1), 8);
            }
            off as u32
        };
        let region_ptrs: Vec<u32> = {
            let mut ptrs = vec![0, 1];
            let mut off = 0u64;
            for &t in sig.params.iter().chain(sig.results.iter()) {
                let l = self.layout(t);
                for w in &l.ptr_words {
                    ptrs.push(2 + (off / 8) as u32 + w);
                }
                off += crate::layout::round_up(l.size.max(1), 8);
            }
            ptrs
        };
        let gcty = self.gctype(16 + args_size.max(8), region_ptrs);
        self.fs().f.cur_pos = e.span.lo;
        self.emit(Op::Defer {
            fv,
            args: reg.base,
            args_size,
            gcty,
        });
    }

    /// `go f(args)`: the function value and arguments are evaluated now, in this goroutine.
    fn go_stmt(&mut self, e: &'a Expr) {
        let call = unparen(e);
        let ExprKind::Call {
            fun,
            args,
            ellipsis,
            ..
        } = &call.kind
        else {
            return;
        };
        if crate::call::builtin_of(self, fun).is_some() {
            self.err(
                e.span,
                "gosub: go with a builtin function is not supported yet",
            );
            return;
        }
        let ft = self.type_of(fun.id);
        let sig = self.sig_of(ft);
        let fv = self.temp_word(true);
        self.expr_to(fun, fv);
        let reg = self.region(&sig.params, &sig.results);
        self.defer_args(&sig, args, *ellipsis, &reg);
        let mut off = 0u64;
        for &t in sig.params.iter().chain(sig.results.iter()) {
            off = crate::layout::round_up(off, 8)
                + crate::layout::round_up((self.size(t) as u64).max(1), 8);
        }
        self.fs().f.cur_pos = e.span.lo;
        self.emit(Op::Go {
            fv,
            args: reg.base,
            args_size: off as u32,
        });
    }

    /// `select`: one Select instruction chooses a case; a jump table runs its body.
    fn select(&mut self, clauses: &'a [ast::CommClause], label: Option<String>) {
        use crate::bytecode::SelectCase;
        let end = self.f().new_label();
        let chosen = self.f().alloc_slot(&Layout {
            size: 8,
            align: 8,
            ptr_words: vec![],
        });
        let mut cases = Vec::new();
        let mut has_default = false;
        // Per clause: the case index and, for receives, where the value and ok landed.
        let mut recv_info: Vec<Option<SelectSlot>> = Vec::new();
        for c in clauses {
            let Some(comm) = &c.comm else {
                has_default = true;
                recv_info.push(None);
                continue;
            };
            match &comm.kind {
                StmtKind::Send { ch, value } => {
                    let et = match self.p.types.under(self.type_of(ch.id)) {
                        TypeKind::Chan(_, e) => *e,
                        _ => types::T_INVALID,
                    };
                    let cr = self.expr(ch);
                    let ck = self.f().alloc_slot(&Layout {
                        size: 8,
                        align: 8,
                        ptr_words: vec![0],
                    });
                    self.emit(Op::Move { dst: ck, src: cr });
                    let v = self.expr_conv(value, et);
                    let el = self.layout(et);
                    let vk = self.f().alloc_slot(&el);
                    self.mov(vk, v, et);
                    recv_info.push(Some((cases.len(), NONE, None, et)));
                    cases.push(SelectCase {
                        send: true,
                        ch: ck,
                        val: vk,
                        ok: None,
                    });
                }
                _ => {
                    // A receive: `<-ch`, `v := <-ch`, `v, ok = <-ch`.
                    let (rx, want_ok) = match &comm.kind {
                        StmtKind::Expr(x) => (x, false),
                        StmtKind::Assign { lhs, rhs, .. } => match rhs.first() {
                            Some(r) => (r, lhs.len() > 1),
                            None => {
                                recv_info.push(None);
                                continue;
                            }
                        },
                        _ => {
                            recv_info.push(None);
                            continue;
                        }
                    };
                    let ExprKind::Unary {
                        op: ast::UnOp::Recv,
                        x: chx,
                    } = &unparen(rx).kind
                    else {
                        recv_info.push(None);
                        continue;
                    };
                    let et = match self.p.types.under(self.type_of(chx.id)) {
                        TypeKind::Chan(_, e) => *e,
                        _ => types::T_INVALID,
                    };
                    let cr = self.expr(chx);
                    let ck = self.f().alloc_slot(&Layout {
                        size: 8,
                        align: 8,
                        ptr_words: vec![0],
                    });
                    self.emit(Op::Move { dst: ck, src: cr });
                    let el = self.layout(et);
                    let vk = self.f().alloc_slot(&el);
                    let okr = if want_ok {
                        Some(self.f().alloc_slot(&Layout {
                            size: 8,
                            align: 8,
                            ptr_words: vec![],
                        }))
                    } else {
                        None
                    };
                    recv_info.push(Some((cases.len(), vk, okr, et)));
                    cases.push(SelectCase {
                        send: false,
                        ch: ck,
                        val: vk,
                        ok: okr,
                    });
                }
            }
        }
        self.emit(Op::Select {
            chosen,
            cases,
            has_default,
        });
        let bodies: Vec<_> = clauses.iter().map(|_| self.f().new_label()).collect();
        for (ci, c) in clauses.iter().enumerate() {
            let idx = match (&c.comm, &recv_info[ci]) {
                (None, _) => -1,
                (Some(_), Some((i, ..))) => *i as i64,
                (Some(_), None) => continue,
            };
            self.f().emit_jump(
                Op::JmpCmpImmNot {
                    op: crate::bytecode::CmpOp::Ne,
                    a: chosen,
                    imm: idx,
                    target: 0,
                },
                bodies[ci],
            );
        }
        self.f().emit_jump(Op::Jmp { target: 0 }, end);
        self.push_loop(label, end, None);
        for (ci, c) in clauses.iter().enumerate() {
            self.f().bind(bodies[ci]);
            let mark = self.f().temp_mark();
            if let (Some(comm), Some((_, vk, okr, et))) = (&c.comm, &recv_info[ci]) {
                if let StmtKind::Assign { lhs, op, .. } = &comm.kind {
                    let define = *op == AssignOp::Define;
                    if let Some(x) = lhs.first() {
                        self.assign_received(x, define, *vk, *et);
                    }
                    if let (Some(x), Some(o)) = (lhs.get(1), okr) {
                        self.assign_received(x, define, *o, types::T_BOOL);
                    }
                }
            }
            self.block(&c.body);
            self.f().release_temps(mark);
            self.f().emit_jump(Op::Jmp { target: 0 }, end);
        }
        self.fs().loops.pop();
        self.f().bind(end);
    }

    fn defer_args(
        &mut self,
        sig: &types::Signature,
        args: &'a [Expr],
        ellipsis: bool,
        reg: &crate::call::Region,
    ) {
        let nfixed = if sig.variadic {
            sig.params.len() - 1
        } else {
            sig.params.len()
        };
        if args.len() == 1 {
            if let TypeKind::Tuple(ts) = self.p.types.kind(self.type_of(args[0].id)).clone() {
                if ts.len() > 1 {
                    let vals = self.multi_value(&args[0], ts.len());
                    self.spread_values(sig, vals, reg, 0);
                    return;
                }
            }
        }
        for (i, a) in args.iter().enumerate().take(nfixed) {
            self.expr_conv_to(a, sig.params[i], reg.param_offs[i]);
        }
        if sig.variadic {
            let st = sig.params[nfixed];
            let dst = reg.param_offs[nfixed];
            if ellipsis {
                if let Some(a) = args.get(nfixed) {
                    self.expr_to(a, dst);
                }
            } else {
                self.make_slice_of(st, args.get(nfixed..).unwrap_or(&[]), dst);
            }
        }
    }
}

/// The labels of a range loop: its head, its continue point and its exit.
struct RangeLabels {
    top: crate::frame::Label,
    cont: crate::frame::Label,
    end: crate::frame::Label,
}

/// Per select clause: the case index and where a received value and ok flag land.
type SelectSlot = (usize, Reg, Option<Reg>, TypeId);

/// Whether evaluating `e` may call a function (which could change variables it reads).
fn has_call(e: &Expr) -> bool {
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
fn writes_dst_last(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary { op, .. } => !matches!(op, BinOp::LAnd | BinOp::LOr),
        ExprKind::Unary { op, .. } => {
            matches!(op, ast::UnOp::Neg | ast::UnOp::Xor | ast::UnOp::Not)
        }
        ExprKind::Paren(x) => writes_dst_last(x),
        _ => false,
    }
}
