//! gc's evaluation order within an expression list. The spec fixes only the order of
//! calls, method calls, receives and `&&`/`||` ("lexical left-to-right"); when a variable
//! is read relative to a call is unspecified. gc's order pass (cmd/compile/internal/walk/
//! order.go) evaluates every call of a statement's expressions first, into temporaries,
//! and reads the other operands afterwards: `fmt.Println(x, f())` prints the `x` that `f`
//! left, and `[]int{y, g()}` holds the `y` that `g` set. Programs print what they print
//! under gc only if gosub does the same, so call arguments and composite literal elements
//! are compiled through `hoist_calls`.
//!
//! Invariants:
//! - Each hoisted call runs exactly once, in lexical order, before every other operand of
//!   the list; its value waits in a temporary registered in `FnState::arg_regs`, which
//!   `expr`/`expr_to` consult before compiling a node, and is unregistered afterwards.
//! - Only single-valued calls and receives are hoisted (and `len`/`cap`/`min`/`max`,
//!   which gc evaluates in order with the calls: `fmt.Println(len(s), grow())` prints the
//!   old length; the calls in min's and max's operands go first); nothing is hoisted out of a
//!   function literal, nor out of `&&`/`||` (whose right side may not run) or a map literal
//!   (gc assigns its entries one by one): those are hoisted whole, at their place among
//!   the calls.
//! - Hoisting happens only when it can change the result: when an operand that is not
//!   just a call comes before the last call (otherwise lexical order already is gc's).

use crate::gen::Gen;
use gosub_syntax::ast::{BinOp, Expr, ExprKind, NodeId, UnOp};
use gosub_types::{Builtin, TypeKind};

impl<'a> Gen<'a> {
    /// Evaluates the calls in `es` ahead of everything else, as gc orders them; returns
    /// what to pass to `unhoist` once the list is compiled.
    pub(crate) fn hoist_calls(&mut self, es: &[&'a Expr]) -> Vec<NodeId> {
        let mut calls: Vec<(usize, &'a Expr)> = Vec::new();
        for (i, e) in es.iter().enumerate() {
            self.collect_calls(e, i, &mut calls);
        }
        let Some(&(last, _)) = calls.last() else {
            return Vec::new();
        };
        let reorders = es[..=last].iter().any(|e| {
            !self.p.info.consts.contains_key(&e.id)
                && (self.is_unit(e) || !calls.iter().any(|(_, c)| c.id == e.id))
        });
        if !reorders {
            return Vec::new();
        }
        let mut done = Vec::with_capacity(calls.len());
        for (_, c) in calls {
            let t = self.type_of(c.id);
            let r = self.temp(t);
            self.expr_to(c, r);
            self.fs().arg_regs.insert(c.id, r);
            done.push(c.id);
        }
        done
    }

    /// The calls of a statement's expressions (an assignment's right-hand sides, a
    /// `return`'s values), evaluated first when an operand read before the last of them
    /// could tell: in `v := s[i] + f()` gc calls `f` before it indexes `s` (and panics),
    /// while `fib(n-1) + fib(n-2)` is already in gc's order. Returns what to pass to
    /// `unhoist`.
    pub(crate) fn order_stmt(&mut self, es: &'a [Expr]) -> Vec<NodeId> {
        let refs: Vec<&'a Expr> = es.iter().collect();
        let mut calls = Vec::new();
        for (i, e) in refs.iter().enumerate() {
            self.collect_calls(e, i, &mut calls);
        }
        // The last call or map literal (len, cap, min and max are evaluated in order with
        // the calls but only read operands of their own).
        let builtin = |c: &Expr| matches!(c.kind, ExprKind::Call { .. }) && self.is_unit(c);
        let Some(&(_, last)) = calls.iter().rev().find(|(_, c)| !builtin(c)) else {
            return Vec::new();
        };
        let mut reached = false;
        let before = refs
            .iter()
            .any(|e| self.operand_before(e, last.id, &mut reached));
        if before {
            self.hoist_calls(&refs)
        } else {
            Vec::new()
        }
    }

    /// Walks `e` in gc's evaluation order up to the call `last` (`reached` is set there):
    /// is an operand other than a call or a constant (a variable read, an index, a
    /// dereference: something a call could change or that could panic) evaluated first?
    fn operand_before(&self, e: &Expr, last: NodeId, reached: &mut bool) -> bool {
        if *reached {
            return false;
        }
        if e.id == last {
            *reached = true;
            return false;
        }
        if self.p.info.consts.contains_key(&e.id) {
            return false;
        }
        let mut sub = |x: &Expr| self.operand_before(x, last, reached);
        match &e.kind {
            ExprKind::Call { fun, args, .. } => {
                let conversion = self.p.info.conversions.contains_key(&e.id);
                let builtin = crate::call::builtin_of(self, fun);
                if conversion || builtin.is_some() {
                    args.iter().any(sub)
                } else {
                    // An earlier call: its operands are read before `last` either way.
                    false
                }
            }
            ExprKind::Binary {
                op: BinOp::LAnd | BinOp::LOr,
                ..
            } => false,
            ExprKind::Binary { x, y, .. } => sub(x) || sub(y),
            ExprKind::Paren(x) | ExprKind::Unary { x, .. } => sub(x),
            ExprKind::Star(x) | ExprKind::Selector { x, .. } | ExprKind::TypeAssert { x, .. } => {
                sub(x) || !*reached
            }
            ExprKind::Index { x, index } => sub(x) || sub(index) || !*reached,
            ExprKind::SliceExpr { x, lo, hi, max, .. } => {
                sub(x) || [lo, hi, max].into_iter().flatten().any(|b| sub(b)) || !*reached
            }
            ExprKind::CompositeLit { .. } if self.is_map_literal(e) => false,
            ExprKind::CompositeLit { elts, .. } => elts.iter().any(sub),
            ExprKind::KeyValue { value, .. } => sub(value),
            ExprKind::FuncLit { .. }
            | ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::ImagLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StringLit(_) => false,
            _ => true,
        }
    }

    /// Evaluated in order with the calls, but not a call: `len`, `cap`, `min`, `max`, a
    /// map literal, `&&` and `||`.
    fn is_unit(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Call { fun, .. } => matches!(
                crate::call::builtin_of(self, fun),
                Some(Builtin::Len | Builtin::Cap | Builtin::Min | Builtin::Max)
            ),
            ExprKind::CompositeLit { .. } => self.is_map_literal(e),
            ExprKind::Unary { op: UnOp::Addr, x } => {
                matches!(x.kind, ExprKind::CompositeLit { .. }) && self.is_map_literal(x)
            }
            ExprKind::Binary {
                op: BinOp::LAnd | BinOp::LOr,
                ..
            } => true,
            _ => false,
        }
    }

    /// Forgets the values `hoist_calls` registered.
    pub(crate) fn unhoist(&mut self, ids: Vec<NodeId>) {
        for id in ids {
            self.fs().arg_regs.remove(&id);
        }
    }

    /// The calls and receives of `e` that gc evaluates first, outermost, in lexical order.
    fn collect_calls(&self, e: &'a Expr, arg: usize, out: &mut Vec<(usize, &'a Expr)>) {
        if self.p.info.consts.contains_key(&e.id) {
            return;
        }
        let sub = |x: &'a Expr, out: &mut Vec<(usize, &'a Expr)>| self.collect_calls(x, arg, out);
        match &e.kind {
            ExprKind::Call { fun, args, .. } => {
                let conversion = self.p.info.conversions.contains_key(&e.id);
                let builtin = crate::call::builtin_of(self, fun);
                if matches!(builtin, Some(Builtin::Min | Builtin::Max)) {
                    // gc evaluates min's and max's operands in order with the calls, after
                    // the calls among them: `f(s[min(s[0], 1)], g())` panics before g,
                    // `min(s[0], f())` calls f first.
                    for a in args {
                        sub(a, out);
                    }
                    out.push((arg, e));
                } else if matches!(builtin, Some(Builtin::Len | Builtin::Cap)) {
                    out.push((arg, e)); // gc reads len and cap in order with the calls
                } else if conversion || builtin.is_some() {
                    for a in args {
                        sub(a, out);
                    }
                } else if self.single_valued(e) {
                    out.push((arg, e));
                }
            }
            ExprKind::Unary { op: UnOp::Recv, .. } if self.single_valued(e) => out.push((arg, e)),
            ExprKind::Unary { op: UnOp::Recv, .. } => {}
            // `&map[K]V{...}` is built by the `&` (which does not look for a hoisted map):
            // the whole `&` is hoisted, in order, as a map literal is.
            ExprKind::Unary { op: UnOp::Addr, x }
                if matches!(x.kind, ExprKind::CompositeLit { .. }) && self.is_map_literal(x) =>
            {
                out.push((arg, e))
            }
            // gc evaluates `&&` and `||` whole into a temporary at their place among the
            // calls (the right side under a branch): hoisted as a unit.
            ExprKind::Binary {
                op: BinOp::LAnd | BinOp::LOr,
                ..
            } => out.push((arg, e)),
            ExprKind::Binary { x, y, .. } => {
                sub(x, out);
                sub(y, out);
            }
            ExprKind::Paren(x)
            | ExprKind::Unary { x, .. }
            | ExprKind::Star(x)
            | ExprKind::Selector { x, .. }
            | ExprKind::TypeAssert { x, .. } => sub(x, out),
            ExprKind::Index { x, index } => {
                sub(x, out);
                sub(index, out);
            }
            ExprKind::SliceExpr { x, lo, hi, max, .. } => {
                sub(x, out);
                for b in [lo, hi, max].into_iter().flatten() {
                    sub(b, out);
                }
            }
            // gc's order pass makes a map literal a sequence of assignments (each entry in
            // order) at its place among the calls: it is evaluated as one, in order.
            ExprKind::CompositeLit { .. } if self.is_map_literal(e) => {
                // (An elided `&map` element is built in place too: not hoisted.)
                if matches!(
                    self.p
                        .types
                        .kind(self.p.types.underlying(self.type_of(e.id))),
                    TypeKind::Map(..)
                ) {
                    out.push((arg, e));
                }
            }
            ExprKind::CompositeLit { elts, .. } => {
                for el in elts {
                    sub(el, out);
                }
            }
            ExprKind::KeyValue { key, value } => {
                sub(key, out);
                sub(value, out);
            }
            _ => {}
        }
    }

    /// A composite literal of map type (or `&` of one).
    pub(crate) fn is_map_literal(&self, e: &Expr) -> bool {
        let mut t = self.p.types.underlying(self.type_of(e.id));
        if let TypeKind::Pointer(inner) = self.p.types.kind(t) {
            t = self.p.types.underlying(*inner);
        }
        matches!(self.p.types.kind(t), TypeKind::Map(..))
    }

    /// An expression with one value (not a tuple, not a comma-ok form's pair).
    fn single_valued(&self, e: &Expr) -> bool {
        !matches!(self.p.types.kind(self.type_of(e.id)), TypeKind::Tuple(_))
    }
}
