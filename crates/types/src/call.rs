//! Calls: function calls, conversions, builtins, variadics, multi-value forwarding.

use crate::check::{Checker, OpMode, Operand};
use crate::constant::{self as cst};
use crate::errors::start_pos;
use crate::exprstring::expr_string;
use crate::universe::builtin_name;
use crate::*;
use gosub_syntax::ast::{Expr, ExprKind};

impl<'a> Checker<'a> {
    pub(crate) fn call_expr(&mut self, e: &'a Expr) -> Operand<'a> {
        let ExprKind::Call {
            fun,
            args,
            ellipsis,
            ..
        } = &e.kind
        else {
            return Operand::invalid(Some(e));
        };
        let x = self.expr_or_type(fun);
        match x.mode.clone() {
            OpMode::Invalid => {
                for a in args {
                    self.raw_expr(a, None);
                }
                Operand::invalid(Some(e))
            }
            OpMode::Type => self.conversion_call(e, x.ty, args, *ellipsis),
            OpMode::Builtin(b) => self.builtin(e, b, args, *ellipsis),
            _ => {
                let x = self.single_value(x);
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                let Some(sig) = self.func_sig(x.ty) else {
                    let s = self.op_string(&x);
                    let t = self.ts(x.ty);
                    self.err_at_op(
                        &x,
                        format!(
                            "invalid operation: cannot call {}: {} is not a function",
                            s, t
                        ),
                    );
                    for a in args {
                        self.raw_expr(a, None);
                    }
                    return Operand::invalid(Some(e));
                };
                let xs = self.call_args(args);
                self.arguments(e, fun, &sig, xs, *ellipsis);
                match sig.results.len() {
                    0 => Operand {
                        mode: OpMode::NoValue,
                        ty: T_VOID,
                        expr: Some(e),
                    },
                    1 => Operand {
                        mode: OpMode::Value,
                        ty: sig.results[0],
                        expr: Some(e),
                    },
                    _ => {
                        let t = self.tt.tuple(sig.results.clone());
                        Operand {
                            mode: OpMode::Value,
                            ty: t,
                            expr: Some(e),
                        }
                    }
                }
            }
        }
    }

    /// Evaluates call arguments; a single multi-value call is expanded (`f(g())`).
    /// None marks an invalid argument.
    pub(crate) fn call_args(&mut self, args: &'a [Expr]) -> Vec<Option<Operand<'a>>> {
        if args.len() == 1 {
            let x = self.raw_expr(&args[0], None);
            if let TypeKind::Tuple(ts) = self.tt.kind(x.ty).clone() {
                if !x.is_invalid() && x.mode == OpMode::Value {
                    return ts
                        .iter()
                        .map(|&t| {
                            Some(Operand {
                                mode: OpMode::Value,
                                ty: t,
                                expr: Some(&args[0]),
                            })
                        })
                        .collect();
                }
            }
            let x = self.single_value(x);
            return vec![if x.is_invalid() { None } else { Some(x) }];
        }
        args.iter()
            .map(|a| {
                let x = self.expr(a);
                if x.is_invalid() {
                    None
                } else {
                    Some(x)
                }
            })
            .collect()
    }

    /// Checks arguments against a signature.
    pub(crate) fn arguments(
        &mut self,
        call: &'a Expr,
        fun: &'a Expr,
        sig: &Signature,
        args: Vec<Option<Operand<'a>>>,
        ddd: bool,
    ) {
        let nargs = args.len();
        let npars = sig.params.len();
        let fname = expr_string(fun);
        if args.iter().any(|a| a.is_none()) {
            // Still check what we can.
            if nargs != npars && !sig.variadic {
                return;
            }
        }
        let mut params = sig.params.clone();
        if ddd {
            if !sig.variadic {
                self.err_at(
                    call,
                    format!("cannot use ... in call to non-variadic {}", fname),
                );
                return;
            }
            if let ExprKind::Call { args: a, .. } = &call.kind {
                if a.len() == 1 && nargs > 1 {
                    self.err_at(
                        call,
                        format!(
                            "cannot use ... with {}-valued {}",
                            nargs,
                            expr_string(&a[0])
                        ),
                    );
                    return;
                }
            }
        } else if sig.variadic && nargs >= npars.saturating_sub(1) {
            // Expand the variadic parameter to match the arguments.
            if let Some(&last) = params.last() {
                let elem = match self.tt.kind(last) {
                    TypeKind::Slice(e) => *e,
                    _ => last,
                };
                params.pop();
                while params.len() < nargs {
                    params.push(elem);
                }
            }
        }
        if nargs != params.len() {
            let ops: Vec<TypeId> = args
                .iter()
                .map(|a| a.as_ref().map(|x| x.ty).unwrap_or(T_INVALID))
                .collect();
            let (at, q) = if nargs > params.len() {
                (
                    args[params.len()]
                        .as_ref()
                        .and_then(|x| x.expr)
                        .map(start_pos),
                    "too many",
                )
            } else if nargs > 0 {
                (
                    args[nargs - 1].as_ref().and_then(|x| x.expr).map(start_pos),
                    "not enough",
                )
            } else {
                (None, "not enough")
            };
            let pos = match at {
                Some(p) => p,
                None => start_pos(call),
            };
            let have = self.types_summary(&ops, false, ddd);
            let want = self.types_summary(&sig.params, sig.variadic, false);
            self.error(
                pos,
                format!(
                    "{} arguments in call to {}\n\thave {}\n\twant {}",
                    q, fname, have, want
                ),
            );
            return;
        }
        let context = format!("argument to {}", fname);
        for (i, a) in args.into_iter().enumerate() {
            if let Some(mut x) = a {
                self.assignment(&mut x, Some(params[i]), &context);
            }
        }
    }

    // ---- conversions ----

    fn conversion_call(
        &mut self,
        e: &'a Expr,
        t: TypeId,
        args: &'a [Expr],
        ddd: bool,
    ) -> Operand<'a> {
        let ts = self.ts(t);
        if args.is_empty() {
            self.err_at(e, format!("missing argument in conversion to {}", ts));
            return Operand::invalid(Some(e));
        }
        if args.len() > 1 {
            for a in args {
                self.expr(a);
            }
            self.err_at(
                &args[args.len() - 1],
                format!("too many arguments in conversion to {}", ts),
            );
            return Operand::invalid(Some(e));
        }
        if ddd {
            self.err_at(
                &args[0],
                format!("invalid use of ... in conversion to {}", ts),
            );
            return Operand::invalid(Some(e));
        }
        let mut x = self.expr(&args[0]);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        self.conversion(&mut x, t);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        self.info.conversions.insert(e.id, t);
        x.expr = Some(e);
        x
    }

    fn is_const_type(&self, t: TypeId) -> bool {
        matches!(self.tt.under(t), TypeKind::Basic(b) if *b != BasicKind::UnsafePointer && *b != BasicKind::UntypedNil && *b != BasicKind::Invalid)
    }

    /// `T(x)`; x becomes the result (type T).
    pub(crate) fn conversion(&mut self, x: &mut Operand<'a>, t: TypeId) {
        let const_arg = x.val().is_some();
        let mut ok = false;
        let mut new_val: Option<Val> = None;
        if const_arg && self.is_const_type(t) {
            let v = x.val().cloned().unwrap_or(Val::Int(0));
            let from = self.bkind(x.ty).unwrap_or(BasicKind::Invalid);
            let to = self.bkind(t).unwrap_or(BasicKind::Invalid);
            match cst::represent(&v, from, to) {
                Ok(r) => {
                    ok = true;
                    new_val = Some(r);
                }
                Err(_) => {
                    // types2's constConvertibleTo stores ToInt(x) before the range check.
                    if self.is_integer(t) && !self.is_integer(x.ty) {
                        if let Val::Float(r) = &v {
                            if let Some(i) = r.to_i128() {
                                x.mode = OpMode::Const(Val::Int(i));
                            }
                        }
                    }
                    if self.is_integer(x.ty) && self.is_string(t) {
                        let cp = cst::to_int(&v)
                            .and_then(|i| u32::try_from(i).ok())
                            .and_then(char::from_u32)
                            .unwrap_or('\u{FFFD}');
                        new_val = Some(Val::String(cp.to_string().into_bytes()));
                        ok = true;
                    } else if self.is_integer(x.ty) && self.is_integer(t) {
                        let ts = self.ts(t);
                        self.err_at_op(
                            x,
                            format!("constant {} overflows {}", cst::const_string(&v), ts),
                        );
                        x.mode = OpMode::Invalid;
                        return;
                    }
                }
            }
        } else if self.convertible_to(x, t) {
            ok = true;
        }
        if !ok {
            let s = self.op_string(x);
            let ts = self.ts(t);
            self.err_at_op(x, format!("cannot convert {} to type {}", s, ts));
            x.mode = OpMode::Invalid;
            return;
        }
        if self.is_untyped(x.ty) {
            let final_ = if x.is_nil() {
                t
            } else if self.is_interface(t) || (const_arg && !self.is_const_type(t)) {
                self.default_type(x.ty)
            } else if const_arg && self.is_integer(x.ty) && self.is_string(t) {
                x.ty
            } else {
                t
            };
            if let Some(e) = x.expr {
                self.update_expr_type(e, final_, true);
            }
        }
        match new_val {
            Some(v) => x.mode = OpMode::Const(v),
            None => x.mode = OpMode::Value,
        }
        x.ty = t;
    }

    fn convertible_to(&mut self, x: &Operand<'a>, t: TypeId) -> bool {
        if self.assignable_to(x, t).0 {
            return true;
        }
        let v = x.ty;
        let (vu, tu) = (self.tt.underlying(v), self.tt.underlying(t));
        if self.identical_ignore_tags(vu, tu) {
            return true;
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) =
            (self.tt.kind(v).clone(), self.tt.kind(t).clone())
        {
            if self.identical_ignore_tags(self.tt.underlying(a), self.tt.underlying(b)) {
                return true;
            }
        }
        let num = |c: &Self, t: TypeId| c.is_integer(t) || c.is_float(t);
        if num(self, v) && num(self, t) {
            return true;
        }
        let bytes_or_runes = |c: &Self, t: TypeId| matches!(c.tt.under(t), TypeKind::Slice(e) if matches!(c.tt.underlying(*e), T_UINT8 | T_INT32));
        if self.is_string(t) && (self.is_integer(v) || bytes_or_runes(self, v)) {
            return true;
        }
        if self.is_string(v) && bytes_or_runes(self, t) {
            return true;
        }
        let is_uptr = |c: &Self, t: TypeId| c.tt.underlying(t) == T_UNSAFE_POINTER;
        let is_ptr = |c: &Self, t: TypeId| matches!(c.tt.under(t), TypeKind::Pointer(_));
        if (is_uptr(self, v) && (is_ptr(self, t) || self.tt.underlying(t) == T_UINTPTR))
            || (is_uptr(self, t) && (is_ptr(self, v) || self.tt.underlying(v) == T_UINTPTR))
        {
            return true;
        }
        if let TypeKind::Slice(se) = self.tt.kind(vu).clone() {
            match self.tt.kind(tu).clone() {
                TypeKind::Array(ae, _) if ae == se => return true,
                TypeKind::Pointer(p) => {
                    if let TypeKind::Array(ae, _) = self.tt.under(p) {
                        if *ae == se {
                            return true;
                        }
                    }
                }
                _ => {}
            }
        }
        false
    }

    fn identical_ignore_tags(&self, a: TypeId, b: TypeId) -> bool {
        if a == b {
            return true;
        }
        match (self.tt.kind(a), self.tt.kind(b)) {
            (TypeKind::Struct(fa), TypeKind::Struct(fb)) => {
                fa.len() == fb.len()
                    && fa.iter().zip(fb).all(|(x, y)| {
                        x.name == y.name
                            && x.embedded == y.embedded
                            && x.pkg == y.pkg
                            && self.identical_ignore_tags(x.ty, y.ty)
                    })
            }
            _ => false,
        }
    }

    // ---- builtins ----

    fn builtin(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr], ddd: bool) -> Operand<'a> {
        let ExprKind::Call { fun, .. } = &e.kind else {
            return Operand::invalid(Some(e));
        };
        let name = builtin_name(b);
        let call_s = expr_string(e);
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
                        let s = expr_string(&args[0]);
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
            Builtin::Max | Builtin::Min => {
                let ordered = |c: &Self, t: TypeId| c.is_numeric(t) || c.is_string(t);
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
                        let s = a2.expr.map(expr_string).unwrap_or_default();
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
            Builtin::Complex | Builtin::Real | Builtin::Imag => {
                self.err_at(e, "complex numbers are not supported by gosub");
                Operand::invalid(Some(e))
            }
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
                    let s = expr_string(a);
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
                        let s = expr_string(a);
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
    fn unsafe_len(&mut self, y: &mut Operand<'a>, allow_negative: bool) -> bool {
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

    fn field_offset(&self, t: TypeId, path: &[usize]) -> u64 {
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

fn contains_call_or_recv(e: Option<&Expr>) -> bool {
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
