//! Builtin function calls (types2's builtins.go): argument counts and types for len, cap,
//! append, copy, delete, make, new, panic, print, println, recover, min, max, clear, close
//! and the unsafe functions; constant results (`len` of an array, `unsafe.Sizeof`) are
//! folded here, with sizes from `layout.rs`. `complex`, `real` and `imag` are in
//! `builtins_complex.rs`.

use crate::check::{Checker, OpMode, Operand};
use crate::constant::{self as cst};
use crate::universe::builtin_name;
use crate::*;
use gosub_syntax::ast::{Expr, ExprKind};
use gosub_syntax::gosrc;

impl<'a> Checker<'a> {
    pub(crate) fn builtin(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        ddd: bool,
    ) -> Operand<'a> {
        let ExprKind::Call { fun, .. } = &e.kind else {
            return Operand::invalid(Some(e));
        };
        let name = builtin_name(b);
        let call_s = gosrc::expr(e);
        if ddd && b != Builtin::Append {
            self.err_at(
                e,
                format!(
                    "invalid operation: invalid use of ... with built-in {}",
                    name
                ),
            );
            for a in args {
                self.raw_expr(a, None);
            }
            return Operand::invalid(Some(e));
        }
        let (min, variadic) = match b {
            Builtin::Append => (1, true),
            Builtin::Cap
            | Builtin::Len
            | Builtin::Clear
            | Builtin::Close
            | Builtin::New
            | Builtin::Panic => (1, false),
            Builtin::Copy | Builtin::Delete | Builtin::Complex => (2, false),
            Builtin::Make => (1, true),
            Builtin::Max | Builtin::Min => (1, true),
            Builtin::Print | Builtin::Println => (0, true),
            Builtin::Recover => (0, false),
            Builtin::Real | Builtin::Imag => (1, false),
            Builtin::Sizeof | Builtin::Alignof | Builtin::Offsetof => (1, false),
            Builtin::Add | Builtin::Slice | Builtin::String => (2, false),
            Builtin::StringData | Builtin::SliceData => (1, false),
            // Not nameable: only the range-over-func lowering writes calls of them.
            Builtin::PanicRangeState => (1, false),
            Builtin::DeferRangeFunc => (0, false),
        };
        // Evaluate arguments (make and new take a type first).
        let mut xs: Vec<Option<Operand<'a>>> = Vec::new();
        let type_first = matches!(b, Builtin::Make | Builtin::New);
        if type_first {
            // handled below
        } else if b == Builtin::Offsetof {
        } else {
            xs = self.call_args(args);
        }
        let nargs = if type_first || b == Builtin::Offsetof {
            args.len()
        } else {
            xs.len()
        };
        let msg = if nargs < min {
            "not enough"
        } else if !variadic && nargs > min {
            "too many"
        } else {
            ""
        };
        if !msg.is_empty() {
            self.err_at(
                e,
                format!(
                    "invalid operation: {} arguments for {} (expected {}, found {})",
                    msg, call_s, min, nargs
                ),
            );
            return Operand::invalid(Some(e));
        }
        if xs.iter().any(|x| x.is_none()) {
            return Operand::invalid(Some(e));
        }
        let mut xs: Vec<Operand<'a>> = xs.into_iter().flatten().collect();
        let value = |ty: TypeId| Operand {
            mode: OpMode::Value,
            ty,
            expr: Some(e),
        };
        let novalue = Operand {
            mode: OpMode::NoValue,
            ty: T_VOID,
            expr: Some(e),
        };
        match b {
            Builtin::Append => {
                let s = xs[0].clone();
                let elem = match self.tt.under(s.ty) {
                    TypeKind::Slice(el) => *el,
                    _ => {
                        let d = if s.is_nil() {
                            "untyped nil".to_string()
                        } else {
                            self.op_string(&s)
                        };
                        self.err_at_op(
                            &s,
                            format!("invalid append: argument must be a slice; have {}", d),
                        );
                        return Operand::invalid(Some(e));
                    }
                };
                if xs.len() == 2 && ddd && elem == T_UINT8 && self.is_string(xs[1].ty) {
                    let mut y = xs[1].clone();
                    if self.is_untyped(y.ty) {
                        self.convert_untyped(&mut y, T_STRING);
                    }
                    return value(s.ty);
                }
                let slice = self.tt.slice(elem);
                let mut sig = Signature {
                    params: vec![s.ty, slice],
                    results: vec![s.ty],
                    variadic: true,
                };
                if s.ty == T_INVALID {
                    sig.params[0] = slice;
                }
                let args_ops: Vec<Option<Operand<'a>>> = xs.into_iter().map(Some).collect();
                self.arguments(e, fun, &sig, args_ops, ddd);
                value(s.ty)
            }
            Builtin::Len | Builtin::Cap => {
                let x = xs[0].clone();
                let mut t = self.tt.underlying(x.ty);
                if let TypeKind::Pointer(p) = self.tt.kind(t) {
                    if let TypeKind::Array(..) = self.tt.under(*p) {
                        t = self.tt.underlying(*p);
                    }
                }
                let mut res: Option<Operand<'a>> = None;
                if b == Builtin::Len && self.tparam_bytestring(x.ty) {
                    res = Some(value(T_INT));
                }
                match self.tt.kind(t).clone() {
                    TypeKind::Basic(bk)
                        if (bk == BasicKind::String || bk == BasicKind::UntypedString)
                            && b == Builtin::Len =>
                    {
                        if let Some(Val::String(s)) = x.val() {
                            res = Some(Operand {
                                mode: OpMode::Const(Val::Int(s.len() as i128)),
                                ty: T_INT,
                                expr: Some(e),
                            });
                        } else {
                            res = Some(value(T_INT));
                        }
                        if self.is_untyped(x.ty) {
                            let mut x2 = x.clone();
                            self.convert_untyped(&mut x2, T_STRING);
                        }
                    }
                    TypeKind::Array(_, n) => {
                        if !contains_call_or_recv(args.first()) {
                            res = Some(Operand {
                                mode: OpMode::Const(Val::Int(n as i128)),
                                ty: T_INT,
                                expr: Some(e),
                            });
                        } else {
                            res = Some(value(T_INT));
                        }
                    }
                    TypeKind::Slice(_) | TypeKind::Chan(..) => res = Some(value(T_INT)),
                    TypeKind::Map(..) if b == Builtin::Len => res = Some(value(T_INT)),
                    _ => {}
                }
                match res {
                    Some(r) => r,
                    None => {
                        let s = self.op_string(&x);
                        self.err_at_op(
                            &x,
                            format!("invalid argument: {} for built-in {}", s, name),
                        );
                        Operand::invalid(Some(e))
                    }
                }
            }
            Builtin::Clear => {
                let x = &xs[0];
                if !matches!(self.tt.under(x.ty), TypeKind::Map(..) | TypeKind::Slice(_)) {
                    let s = self.op_string(x);
                    self.err_at_op(
                        x,
                        format!("invalid argument: cannot clear {}: argument must be (or constrained by) map or slice", s),
                    );
                    return Operand::invalid(Some(e));
                }
                novalue
            }
            Builtin::Close => {
                let x = &xs[0];
                match self.tt.under(x.ty) {
                    TypeKind::Chan(ChanDir::Recv, _) => {
                        let s = self.op_string(x);
                        self.err_at_op(
                            x,
                            format!("invalid operation: cannot close receive-only channel {}", s),
                        );
                        Operand::invalid(Some(e))
                    }
                    TypeKind::Chan(..) => novalue,
                    _ => {
                        let s = self.op_string(x);
                        self.err_at_op(
                            x,
                            format!("invalid operation: cannot close non-channel {}", s),
                        );
                        Operand::invalid(Some(e))
                    }
                }
            }
            Builtin::Copy => {
                let (x, mut y) = (xs[0].clone(), xs[1].clone());
                let de = match self.tt.under(x.ty) {
                    TypeKind::Slice(el) => *el,
                    _ => {
                        let s = self.op_string(&x);
                        self.err_at_op(
                            &x,
                            format!("invalid copy: argument must be a slice; have {}", s),
                        );
                        return Operand::invalid(Some(e));
                    }
                };
                if self.is_untyped(y.ty) {
                    self.convert_untyped(&mut y, T_STRING);
                }
                let se = match self.tt.under(y.ty) {
                    TypeKind::Slice(el) => *el,
                    TypeKind::Basic(BasicKind::String) if de == T_UINT8 => T_UINT8,
                    _ => {
                        let s = self.op_string(&y);
                        self.err_at_op(
                            &y,
                            format!("invalid copy: argument must be a slice; have {}", s),
                        );
                        return Operand::invalid(Some(e));
                    }
                };
                if de != se {
                    let (xs_, ys_) = (self.op_string(&x), self.op_string(&y));
                    let (a, bb) = (self.ts(de), self.ts(se));
                    self.err_at_op(
                        &x,
                        format!("invalid copy: arguments {} and {} have different element types {} and {}", xs_, ys_, a, bb),
                    );
                    return Operand::invalid(Some(e));
                }
                value(T_INT)
            }
            Builtin::Delete => {
                let x = xs[0].clone();
                let k = match self.tt.under(x.ty) {
                    TypeKind::Map(k, _) => *k,
                    _ => {
                        let s = self.op_string(&x);
                        self.err_at_op(&x, format!("invalid argument: {} is not a map", s));
                        return Operand::invalid(Some(e));
                    }
                };
                let mut key = xs[1].clone();
                self.assignment(&mut key, Some(k), "argument to delete");
                if key.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                novalue
            }
            Builtin::Make => {
                let t = self.type_expr(&args[0]);
                if t == T_INVALID {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid(Some(e));
                }
                let min = match self.tt.under(t) {
                    TypeKind::Slice(_) => 2,
                    TypeKind::Map(..) | TypeKind::Chan(..) => 1,
                    _ => {
                        let s = gosrc::expr(&args[0]);
                        let ts = self.ts(t);
                        self.err_at(&args[0], format!("invalid argument: cannot make {}: type must be slice, map, or channel", s));
                        let _ = ts;
                        for a in &args[1..] {
                            self.expr(a);
                        }
                        return Operand::invalid(Some(e));
                    }
                };
                if args.len() < min || args.len() > min + 1 {
                    self.err_at(
                        e,
                        format!(
                            "invalid operation: {} expects {} or {} arguments; found {}",
                            call_s,
                            min,
                            min + 1,
                            args.len()
                        ),
                    );
                    return Operand::invalid(Some(e));
                }
                let mut sizes = Vec::new();
                for a in &args[1..] {
                    let (v, ok) = self.index(a, None, "index");
                    if !ok {
                        return Operand::invalid(Some(e));
                    }
                    sizes.push(v);
                }
                if sizes.len() == 2 {
                    if let (Some(l), Some(c)) = (sizes[0], sizes[1]) {
                        if l > c {
                            self.err_at(&args[1], "invalid argument: length and capacity swapped");
                            return Operand::invalid(Some(e));
                        }
                    }
                }
                value(t)
            }
            Builtin::New => {
                let t = self.type_expr(&args[0]);
                if t == T_INVALID {
                    return Operand::invalid(Some(e));
                }
                let p = self.tt.pointer(t);
                value(p)
            }
            Builtin::Panic => {
                let mut x = xs[0].clone();
                self.assignment(&mut x, Some(T_ANY), "argument to panic");
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                novalue
            }
            Builtin::Print | Builtin::Println => {
                for x in xs.iter_mut() {
                    self.assignment(x, None, &format!("argument to built-in {}", name));
                    if x.is_invalid() {
                        return Operand::invalid(Some(e));
                    }
                }
                novalue
            }
            Builtin::Recover => value(T_ANY),
            Builtin::PanicRangeState => novalue,
            Builtin::DeferRangeFunc => value(T_UINTPTR),
            Builtin::Max | Builtin::Min => {
                let ordered = |c: &Self, t: TypeId| c.is_ordered(t);
                let mut x = xs[0].clone();
                for i in 0..xs.len() {
                    let a = xs[i].clone();
                    if !ordered(self, a.ty) {
                        let s = self.op_string(&a);
                        self.err_at_op(&a, format!("invalid argument: {} cannot be ordered", s));
                        return Operand::invalid(Some(e));
                    }
                    if i == 0 {
                        continue;
                    }
                    let mut a2 = a.clone();
                    // match types
                    if self.is_untyped(x.ty) && !self.is_untyped(a2.ty) {
                        let t = a2.ty;
                        self.convert_untyped(&mut x, t);
                    } else if self.is_untyped(a2.ty) {
                        let t = x.ty;
                        self.convert_untyped(&mut a2, t);
                        // both untyped: the "larger" kind wins (types2's matchTypes)
                        if self.is_untyped(x.ty) && !a2.is_invalid() && a2.ty != x.ty {
                            let t = a2.ty;
                            self.convert_untyped(&mut x, t);
                        }
                    }
                    if x.is_invalid() || a2.is_invalid() {
                        return Operand::invalid(Some(e));
                    }
                    if x.ty != a2.ty {
                        let (p, q) = (self.ts(x.ty), self.ts(a2.ty));
                        let s = a2.expr.map(gosrc::expr).unwrap_or_default();
                        self.err_at_op(
                            &a2,
                            format!("invalid argument: mismatched types {} (previous argument) and {} (type of {})", p, q, s),
                        );
                        return Operand::invalid(Some(e));
                    }
                    match (x.val().cloned(), a2.val().cloned()) {
                        (Some(v1), Some(v2)) => {
                            let less = cst::compare(gosub_syntax::ast::BinOp::Lt, &v2, &v1)
                                .unwrap_or(false);
                            let pick2 = if b == Builtin::Min {
                                less
                            } else {
                                cst::compare(gosub_syntax::ast::BinOp::Gt, &v2, &v1)
                                    .unwrap_or(false)
                            };
                            let nv = if pick2 { v2 } else { v1 };
                            x = Operand {
                                mode: OpMode::Const(nv),
                                ty: x.ty,
                                expr: x.expr,
                            };
                        }
                        _ => {
                            x = Operand {
                                mode: OpMode::Value,
                                ty: x.ty,
                                expr: x.expr,
                            };
                        }
                    }
                }
                // Non-constant: untyped operands take their default types.
                if x.val().is_none() {
                    for a in xs.iter() {
                        if self.is_untyped(a.ty) {
                            let mut a2 = a.clone();
                            let t = if self.is_untyped(x.ty) {
                                self.default_type(x.ty)
                            } else {
                                x.ty
                            };
                            self.convert_untyped(&mut a2, t);
                        }
                    }
                    if self.is_untyped(x.ty) {
                        x.ty = self.default_type(x.ty);
                    }
                }
                Operand {
                    mode: x.mode,
                    ty: x.ty,
                    expr: Some(e),
                }
            }
            Builtin::Complex => self.builtin_complex(e, &call_s, &mut xs),
            Builtin::Real | Builtin::Imag => self.builtin_real_imag(e, b, xs[0].clone()),
            Builtin::Sizeof | Builtin::Alignof => {
                let mut x = xs[0].clone();
                self.assignment(&mut x, None, &format!("argument to unsafe.{}", name));
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                let (size, align) = crate::layout::size_align(&self.tt, x.ty);
                let v = if b == Builtin::Sizeof { size } else { align };
                Operand {
                    mode: OpMode::Const(Val::Int(v as i128)),
                    ty: T_UINTPTR,
                    expr: Some(e),
                }
            }
            Builtin::Offsetof => {
                let a = &args[0];
                let ExprKind::Selector { .. } = gosub_syntax::ast::unparen(a).kind else {
                    let s = gosrc::expr(a);
                    self.err_at(
                        a,
                        format!("invalid argument: {} is not a selector expression", s),
                    );
                    return Operand::invalid(Some(e));
                };
                let x = self.expr(a);
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                let inner = gosub_syntax::ast::unparen(a);
                let off = match (&inner.kind, self.info.selections.get(&inner.id).cloned()) {
                    (ExprKind::Selector { x: base, .. }, Some(Selection::Field { path, .. })) => {
                        let bt = self.info.types.get(&base.id).copied().unwrap_or(T_INVALID);
                        self.field_offset(bt, &path)
                    }
                    _ => {
                        let s = gosrc::expr(a);
                        self.err_at(a, format!("invalid argument: {} is a method value", s));
                        return Operand::invalid(Some(e));
                    }
                };
                Operand {
                    mode: OpMode::Const(Val::Int(off as i128)),
                    ty: T_UINTPTR,
                    expr: Some(e),
                }
            }
            Builtin::Add => {
                let mut x = xs[0].clone();
                self.assignment(&mut x, Some(T_UNSAFE_POINTER), "argument to unsafe.Add");
                let mut y = xs[1].clone();
                if x.is_invalid() || !self.unsafe_len(&mut y, true) {
                    return Operand::invalid(Some(e));
                }
                value(T_UNSAFE_POINTER)
            }
            Builtin::Slice => {
                let x = xs[0].clone();
                let el = match self.tt.under(x.ty) {
                    TypeKind::Pointer(p) => *p,
                    _ => {
                        let s = self.op_string(&x);
                        self.err_at_op(&x, format!("invalid argument: {} is not a pointer", s));
                        return Operand::invalid(Some(e));
                    }
                };
                let mut y = xs[1].clone();
                if !self.unsafe_len(&mut y, false) {
                    return Operand::invalid(Some(e));
                }
                let t = self.tt.slice(el);
                value(t)
            }
            Builtin::String => {
                let mut y = xs[1].clone();
                if !self.unsafe_len(&mut y, false) {
                    return Operand::invalid(Some(e));
                }
                value(T_STRING)
            }
            Builtin::StringData => {
                let p = self.tt.pointer(T_UINT8);
                value(p)
            }
            Builtin::SliceData => {
                let x = xs[0].clone();
                match self.tt.under(x.ty) {
                    TypeKind::Slice(el) => {
                        let el = *el;
                        let p = self.tt.pointer(el);
                        value(p)
                    }
                    _ => {
                        let s = self.op_string(&x);
                        self.err_at_op(&x, format!("invalid argument: {} is not a slice", s));
                        Operand::invalid(Some(e))
                    }
                }
            }
        }
    }

    /// The length argument of unsafe.Add, unsafe.Slice and unsafe.String: any integer type
    /// or an untyped constant (which becomes an int), as types2's `isValidIndex`.
    pub(crate) fn unsafe_len(&mut self, y: &mut Operand<'a>, allow_negative: bool) -> bool {
        if y.is_invalid() {
            return false;
        }
        if self.is_untyped(y.ty) {
            self.convert_untyped(y, T_INT);
            if y.is_invalid() {
                return false;
            }
        }
        if !self.is_integer(y.ty) {
            let s = self.op_string(y);
            self.err_at_op(y, format!("invalid argument: length {} must be integer", s));
            return false;
        }
        if !allow_negative && y.val().and_then(cst::to_int).is_some_and(|v| v < 0) {
            let s = self.op_string(y);
            self.err_at_op(
                y,
                format!("invalid argument: length {} must not be negative", s),
            );
            return false;
        }
        true
    }

    pub(crate) fn field_offset(&self, t: TypeId, path: &[usize]) -> u64 {
        let mut cur = t;
        let mut off = 0u64;
        for (k, &i) in path.iter().enumerate() {
            let base = match self.tt.kind(cur) {
                TypeKind::Pointer(b) if k == 0 => *b,
                _ => cur,
            };
            if let TypeKind::Struct(fs) = self.tt.under(base) {
                if k + 1 == path.len() {
                    off = crate::layout::field_offsets(&self.tt, base)
                        .get(i)
                        .copied()
                        .unwrap_or(0);
                }
                cur = fs.get(i).map(|f| f.ty).unwrap_or(cur);
            }
        }
        off
    }
}

pub(crate) fn contains_call_or_recv(e: Option<&Expr>) -> bool {
    let Some(e) = e else { return false };
    match &e.kind {
        ExprKind::Call { .. } => true,
        ExprKind::Unary {
            op: gosub_syntax::ast::UnOp::Recv,
            ..
        } => true,
        ExprKind::Paren(x) | ExprKind::Star(x) => contains_call_or_recv(Some(x)),
        ExprKind::Unary { x, .. } => contains_call_or_recv(Some(x)),
        ExprKind::Selector { x, .. } => contains_call_or_recv(Some(x)),
        ExprKind::Index { x, index } => {
            contains_call_or_recv(Some(x)) || contains_call_or_recv(Some(index))
        }
        ExprKind::Binary { x, y, .. } => {
            contains_call_or_recv(Some(x)) || contains_call_or_recv(Some(y))
        }
        _ => false,
    }
}
