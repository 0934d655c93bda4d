//! Composite literals.

use crate::check::{Checker, OpMode, Operand};
use crate::constant::const_string;
use crate::*;
use gosub_syntax::ast::{Expr, ExprKind};

impl<'a> Checker<'a> {
    pub(crate) fn composite_lit(
        &mut self,
        e: &'a Expr,
        ty: Option<&'a Expr>,
        elts: &'a [Expr],
        rbrace: u32,
        hint: Option<TypeId>,
    ) -> Operand<'a> {
        let (typ, base) = match ty {
            Some(te) => {
                // [...]T{...}
                if let ExprKind::ArrayType { len: Some(l), elem } = &te.kind {
                    if let ExprKind::Ellipsis(None) = l.kind {
                        let et = self.type_expr(elem);
                        if et == T_INVALID {
                            self.use_exprs(elts);
                            return Operand::invalid(Some(e));
                        }
                        let n = self.indexed_elts(elts, et, None);
                        let t = self.tt.intern(TypeKind::Array(et, n));
                        self.info.types.insert(te.id, t);
                        self.info.modes.insert(te.id, Mode::Type);
                        return Operand {
                            mode: OpMode::Value,
                            ty: t,
                            expr: Some(e),
                        };
                    }
                }
                let t = self.type_expr(te);
                (t, t)
            }
            None => match hint {
                Some(h) => {
                    let base = match self.tt.under(h) {
                        TypeKind::Pointer(b) => *b,
                        _ => h,
                    };
                    (h, base)
                }
                None => {
                    self.error(e.span.lo, "invalid composite literal type: missing type");
                    self.use_exprs(elts);
                    return Operand::invalid(Some(e));
                }
            },
        };
        if typ == T_INVALID {
            self.use_exprs(elts);
            return Operand::invalid(Some(e));
        }
        match self.tt.under(base).clone() {
            TypeKind::Struct(fields) => {
                if elts.is_empty() {
                } else if matches!(elts[0].kind, ExprKind::KeyValue { .. }) {
                    let mut seen = vec![false; fields.len()];
                    for el in elts {
                        let ExprKind::KeyValue { key, value } = &el.kind else {
                            self.error(
                                crate::errors::start_pos(el),
                                "mixture of field:value and value elements in struct literal",
                            );
                            self.expr(el);
                            continue;
                        };
                        let ExprKind::Ident(kid) = &key.kind else {
                            self.expr(value);
                            let s = gosub_syntax::gosrc::expr(key);
                            self.err_at(el, format!("invalid field name {} in struct literal", s));
                            continue;
                        };
                        let idx = fields.iter().position(|f| {
                            f.name == kid.name && (f.pkg.is_empty() || f.pkg == self.pkg_path())
                        });
                        let Some(i) = idx else {
                            self.expr(value);
                            let bs = self.ts(base);
                            let alt = fields
                                .iter()
                                .find(|f| f.name.eq_ignore_ascii_case(&kid.name))
                                .map(|f| f.name.clone());
                            let msg = match alt {
                                Some(a) => format!("unknown field {} in struct literal of type {}, but does have {}", kid.name, bs, a),
                                None => format!("unknown field {} in struct literal of type {}", kid.name, bs),
                            };
                            self.error(kid.span.lo, msg);
                            continue;
                        };
                        let ft = fields[i].ty;
                        let mut x = self.expr_hint(value, Some(ft));
                        if seen[i] {
                            self.err_at(
                                el,
                                format!("duplicate field name {} in struct literal", kid.name),
                            );
                            continue;
                        }
                        seen[i] = true;
                        self.assignment(&mut x, Some(ft), "struct literal");
                    }
                } else {
                    for (i, el) in elts.iter().enumerate() {
                        if let ExprKind::KeyValue { value, .. } = &el.kind {
                            self.error(
                                crate::errors::start_pos(el),
                                "mixture of field:value and value elements in struct literal",
                            );
                            self.expr(value);
                            continue;
                        }
                        let ft = fields.get(i).map(|f| f.ty);
                        let mut x = self.expr_hint(el, ft);
                        let Some(ft) = ft else {
                            let bs = self.ts(base);
                            self.err_at_op(
                                &x,
                                format!("too many values in struct literal of type {}", bs),
                            );
                            break;
                        };
                        let f = &fields[i];
                        if !f.pkg.is_empty() && f.pkg != self.pkg_path() {
                            let bs = self.ts(base);
                            self.err_at_op(&x, format!("implicit assignment to unexported field {} in struct literal of type {}", f.name, bs));
                            continue;
                        }
                        self.assignment(&mut x, Some(ft), "struct literal");
                    }
                    if elts.len() < fields.len() {
                        let bs = self.ts(base);
                        self.error(
                            rbrace,
                            format!("too few values in struct literal of type {}", bs),
                        );
                    }
                }
            }
            TypeKind::Array(et, n) => {
                self.indexed_elts(elts, et, Some(n));
            }
            TypeKind::Slice(et) => {
                self.indexed_elts(elts, et, None);
            }
            TypeKind::Map(kt, vt) => {
                let mut seen: Vec<Val> = Vec::new();
                for el in elts {
                    let ExprKind::KeyValue { key, value } = &el.kind else {
                        self.err_at(el, "missing key in map literal");
                        self.expr(el);
                        continue;
                    };
                    let mut k = self.expr_hint(key, Some(kt));
                    self.assignment(&mut k, Some(kt), "map literal");
                    if let Some(v) = k.val().cloned() {
                        if self.is_untyped(kt) || !self.is_interface(kt) {
                            if seen.contains(&v) {
                                self.err_at_op(
                                    &k,
                                    format!("duplicate key {} in map literal", const_string(&v)),
                                );
                            } else {
                                seen.push(v);
                            }
                        }
                    }
                    let mut x = self.expr_hint(value, Some(vt));
                    self.assignment(&mut x, Some(vt), "map literal");
                }
            }
            _ => {
                let ts = self.ts(typ);
                self.use_exprs(elts);
                self.error(e.span.lo, format!("invalid composite literal type {}", ts));
                return Operand::invalid(Some(e));
            }
        }
        Operand {
            mode: OpMode::Value,
            ty: typ,
            expr: Some(e),
        }
    }

    /// Array/slice literal elements; returns the literal's length.
    fn indexed_elts(&mut self, elts: &'a [Expr], et: TypeId, len: Option<u64>) -> u64 {
        let mut index: u64 = 0;
        let mut max: u64 = 0;
        let mut seen: HashSet<u64> = HashSet::new();
        for el in elts {
            let v = if let ExprKind::KeyValue { key, value } = &el.kind {
                let mut k = self.expr(key);
                if !k.is_invalid() {
                    match k.val().and_then(crate::constant::to_int) {
                        Some(i) if i >= 0 && (self.is_integer(k.ty) || self.is_untyped(k.ty)) => {
                            if self.is_untyped(k.ty) {
                                self.convert_untyped(&mut k, T_INT);
                            }
                            index = i as u64;
                        }
                        _ => {
                            let s = gosub_syntax::gosrc::expr(key);
                            self.err_at(el, format!("index {} must be integer constant", s));
                        }
                    }
                }
                value
            } else {
                el
            };
            if let Some(n) = len {
                if index >= n {
                    self.err_at(v, format!("index {} is out of bounds (>= {})", index, n));
                }
            }
            if !seen.insert(index) {
                self.err_at(
                    el,
                    format!("duplicate index {} in array or slice literal", index),
                );
            }
            let mut x = self.expr_hint(v, Some(et));
            self.assignment(&mut x, Some(et), "array or slice literal");
            index += 1;
            max = max.max(index);
        }
        max
    }

    pub(crate) fn use_exprs(&mut self, es: &'a [Expr]) {
        for e in es {
            match &e.kind {
                ExprKind::KeyValue { value, .. } => {
                    self.raw_expr(value, None);
                }
                _ => {
                    self.raw_expr(e, None);
                }
            }
        }
    }
}
