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
use gosub_syntax::ast::{unparen, BinOp, Expr, ExprKind, NodeId, UnOp};
use gosub_types::{Builtin, TypeKind};

/// What gc's order pass does with an expression node.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// A call or a receive: evaluated into a temporary, in lexical order.
    Call,
    /// Evaluated into a temporary at its place among the calls although not a call: `len`,
    /// `cap`, `min`, `max`, `append`, `make`, `new`, `copy`, `complex`, `real`, `imag`, a
    /// slice expression, a type assertion to a type that is not pointer-shaped, a string
    /// converted to bytes or runes (`descend`: the calls among its operands come first);
    /// `&&`, `||`, a map literal or `&` of one (evaluated whole, calls inside included).
    Unit { descend: bool },
    /// Read in place, after the statement's calls.
    Plain,
}

impl<'a> Gen<'a> {
    /// Evaluates the calls in `es` ahead of everything else, as gc orders them; returns
    /// what to pass to `unhoist` once the list is compiled.
    pub(crate) fn hoist_calls(&mut self, es: &[&'a Expr]) -> Vec<NodeId> {
        self.hoist(es, false)
    }

    /// The calls of a statement's expressions (an assignment's right-hand sides, a
    /// `return`'s values, a `var` declaration's values): see `hoist`. `force`: hoist even
    /// if no operand comes before the last call (`x op= f()` reads `x` after `f`).
    pub(crate) fn order_stmt(&mut self, es: &'a [Expr], force: bool) -> Vec<NodeId> {
        let refs: Vec<&'a Expr> = es.iter().collect();
        self.hoist(&refs, force)
    }

    /// Hoists the calls and units of `es` (`Kind`) into temporaries, in lexical order,
    /// when an operand read in place comes before the last call in lexical order (so
    /// that compiling `es` left to right would read it before the call, where gc reads it
    /// after): in `v := s[i] + f()` gc calls `f` before it indexes `s`, while
    /// `fib(n-1) + fib(n-2)` is in gc's order already.
    fn hoist(&mut self, es: &[&'a Expr], force: bool) -> Vec<NodeId> {
        let mut calls: Vec<&'a Expr> = Vec::new();
        for e in es {
            self.collect_calls(e, &mut calls);
        }
        let Some(last) = calls.iter().rev().find(|c| self.effectful(c)) else {
            return Vec::new();
        };
        let mut reached = false;
        let before = es
            .iter()
            .any(|e| self.operand_before(e, last.id, &mut reached));
        if !before && !force {
            return Vec::new();
        }
        let mut done = Vec::with_capacity(calls.len());
        for c in calls {
            let t = self.type_of(c.id);
            let r = self.temp(t);
            self.expr_to(c, r);
            self.fs().arg_regs.insert(c.id, r);
            done.push(c.id);
        }
        done
    }

    /// Forgets the values `hoist_calls` registered.
    pub(crate) fn unhoist(&mut self, ids: Vec<NodeId>) {
        for id in ids {
            self.fs().arg_regs.remove(&id);
        }
    }

    fn kind(&self, e: &Expr) -> Kind {
        let types = &self.p.types;
        match &e.kind {
            ExprKind::Call { fun, .. } => {
                let builtin = crate::call::builtin_of(self, fun);
                if self.p.info.conversions.contains_key(&e.id) {
                    // string -> []byte, []rune (a slice-to-slice conversion stays in place)
                    let from_string = match &e.kind {
                        ExprKind::Call { args, .. } => args.first().is_some_and(|a| {
                            matches!(
                                types.kind(types.underlying(self.type_of(a.id))),
                                TypeKind::Basic(
                                    gosub_types::BasicKind::String
                                        | gosub_types::BasicKind::UntypedString
                                )
                            )
                        }),
                        _ => false,
                    };
                    let to_slice = matches!(
                        types.kind(types.underlying(self.type_of(e.id))),
                        TypeKind::Slice(_)
                    );
                    if from_string && to_slice {
                        Kind::Unit { descend: true }
                    } else {
                        Kind::Plain
                    }
                } else if let Some(b) = builtin {
                    match b {
                        Builtin::Len
                        | Builtin::Cap
                        | Builtin::Min
                        | Builtin::Max
                        | Builtin::Append
                        | Builtin::Make
                        | Builtin::New
                        | Builtin::Copy
                        | Builtin::Complex
                        | Builtin::Real
                        | Builtin::Imag => Kind::Unit { descend: true },
                        _ => Kind::Plain,
                    }
                } else if self.single_valued(e) {
                    Kind::Call
                } else {
                    Kind::Plain
                }
            }
            ExprKind::Unary { op: UnOp::Recv, .. } if self.single_valued(e) => Kind::Call,
            ExprKind::Unary { op: UnOp::Addr, x }
                if matches!(unparen(x).kind, ExprKind::CompositeLit { .. })
                    && self.is_map_literal(unparen(x)) =>
            {
                Kind::Unit { descend: false }
            }
            ExprKind::Binary {
                op: BinOp::LAnd | BinOp::LOr,
                ..
            } => Kind::Unit { descend: false },
            // (An elided `&map` element is built in place: not hoisted.)
            ExprKind::CompositeLit { .. }
                if matches!(
                    types.kind(types.underlying(self.type_of(e.id))),
                    TypeKind::Map(..)
                ) =>
            {
                Kind::Unit { descend: false }
            }
            ExprKind::SliceExpr { .. } => Kind::Unit { descend: true },
            // A comma-ok assertion is two-valued (not hoisted). One to a pointer, map,
            // channel or function type is read in place (as gc leaves it: tested against
            // Go, a struct holding one pointer is hoisted like any other value).
            ExprKind::TypeAssert { .. }
                if self.single_valued(e)
                    && !matches!(
                        types.kind(types.underlying(self.type_of(e.id))),
                        TypeKind::Pointer(_)
                            | TypeKind::Map(..)
                            | TypeKind::Chan(..)
                            | TypeKind::Func(..)
                    ) =>
            {
                Kind::Unit { descend: true }
            }
            _ => Kind::Plain,
        }
    }

    /// A call or receive, or a unit with a call inside (`&&`, a map literal).
    fn effectful(&self, e: &Expr) -> bool {
        match self.kind(e) {
            Kind::Call => true,
            Kind::Unit { descend: false } => crate::assign::has_call(e),
            _ => false,
        }
    }

    /// The operands of `e` in evaluation order (a call's are its own business).
    fn operands<'b>(&self, e: &'b Expr) -> Vec<&'b Expr> {
        match &e.kind {
            ExprKind::Call { args, .. } => args.iter().collect(),
            ExprKind::Binary { x, y, .. } => vec![x, y],
            ExprKind::Paren(x)
            | ExprKind::Unary { x, .. }
            | ExprKind::Star(x)
            | ExprKind::Selector { x, .. }
            | ExprKind::TypeAssert { x, .. } => vec![x],
            ExprKind::Index { x, index } => vec![x, index],
            ExprKind::SliceExpr { x, lo, hi, max, .. } => std::iter::once(&**x)
                .chain([lo, hi, max].into_iter().flatten().map(|b| &**b))
                .collect(),
            ExprKind::CompositeLit { elts, .. } => elts.iter().collect(),
            ExprKind::KeyValue { value, .. } => vec![value],
            _ => Vec::new(),
        }
    }

    /// Walks `e` in lexical order up to the node `last` (`reached` is set there): is an
    /// operand read in place (a variable, an index, a dereference: something a call could
    /// change, or that could panic) evaluated before it? Calls and units before `last` are
    /// hoisted in order anyway; inside a unit that holds `last` (`min(s[0], f())`) its
    /// operands count.
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
        match self.kind(e) {
            Kind::Call | Kind::Unit { descend: false } => false,
            // (Only if `last` is inside: else the unit is evaluated in order, whole.)
            Kind::Unit { descend: true } => self.operands_before(e, last, reached) && *reached,
            Kind::Plain => match &e.kind {
                ExprKind::FuncLit { .. }
                | ExprKind::IntLit(_)
                | ExprKind::FloatLit(_)
                | ExprKind::ImagLit(_)
                | ExprKind::RuneLit(_)
                | ExprKind::StringLit(_) => false,
                ExprKind::Binary { .. }
                | ExprKind::Paren(_)
                | ExprKind::Unary { .. }
                | ExprKind::CompositeLit { .. }
                | ExprKind::KeyValue { .. }
                | ExprKind::Call { .. } => self.operands_before(e, last, reached),
                // A read in place (or a panic) after its operands.
                _ => self.operands_before(e, last, reached) || !*reached,
            },
        }
    }

    /// `operand_before` over the operands of `e`, each walked until `last` is reached
    /// (not stopping at the first operand found: whether `last` lies inside matters).
    fn operands_before(&self, e: &Expr, last: NodeId, reached: &mut bool) -> bool {
        let mut found = false;
        for x in self.operands(e) {
            found |= self.operand_before(x, last, reached);
            if *reached {
                break;
            }
        }
        found
    }

    /// The calls and units of `e` (`Kind`), in the order gc evaluates them.
    fn collect_calls(&self, e: &'a Expr, out: &mut Vec<&'a Expr>) {
        if self.p.info.consts.contains_key(&e.id) {
            return;
        }
        match self.kind(e) {
            Kind::Call | Kind::Unit { descend: false } => out.push(e),
            Kind::Unit { descend: true } => {
                for x in self.operands(e) {
                    self.collect_calls(x, out);
                }
                out.push(e);
            }
            Kind::Plain => {
                for x in self.operands(e) {
                    self.collect_calls(x, out);
                }
            }
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
