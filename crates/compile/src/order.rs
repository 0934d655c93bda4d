//! gc's evaluation order within an expression list. The spec fixes only the order of
//! calls, method calls, receives and `&&`/`||` ("lexical left-to-right"); when a variable
//! is read relative to a call is unspecified. gc's order pass (cmd/compile/internal/walk/
//! order.go) evaluates every call of a statement's expressions first, into temporaries,
//! and reads the other operands afterwards: `fmt.Println(x, f())` prints the `x` that `f`
//! left, and `[]int{y, g()}` holds the `y` that `g` set. Programs print what they print
//! under gc only if gosub does the same, so call arguments (`defer`'s and `go`'s too),
//! composite literal elements, `if` and `for` conditions, switch tags and cases, range
//! expressions and a send's operands (a `select` case's too) are compiled through
//! `hoist_calls` (`if s[i] == f()` calls `f` before it indexes `s`), and assignments',
//! returns' and `var` declarations' values through `order_stmt`.
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
//! - A value converted to an interface is copied at its place among the calls when gc's
//!   order copies it (`iface_copy`: `convT`'s operand goes by address, so order.go's
//!   `addrTemp` copies what is not addressable, and a local gc could keep in registers);
//!   otherwise it is read after the calls like any operand: `fmt.Println(st, f())` prints
//!   the small struct `st` as it was before `f`, an `int` or a slice element as `f` left it.

use crate::gen::Gen;
use gosub_syntax::ast::{unparen, BinOp, Expr, ExprKind, NodeId, UnOp};
use gosub_types::{self as types, BasicKind, Builtin, ObjId, ObjKind, Selection, TypeId, TypeKind};

/// The type an operand is converted to where it is used, when that matters to gc's order
/// (an interface type: `iface_copy`).
type Target = Option<TypeId>;

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
    /// `targets`: the type each operand is converted to (a call's arguments to its
    /// parameters' types, a literal's elements to the element type), where known.
    pub(crate) fn hoist_calls(&mut self, es: &[&'a Expr], targets: &[Target]) -> Vec<NodeId> {
        self.hoist(es, targets, false)
    }

    /// The types the arguments `args` of a call to a function of signature `sig` are
    /// converted to (`ellipsis`: `f(xs...)`, the slice passed as it is).
    pub(crate) fn arg_targets(
        &self,
        sig: &types::Signature,
        args: usize,
        ellipsis: bool,
    ) -> Vec<Target> {
        let n = sig.params.len();
        (0..args)
            .map(|i| match sig.params.last() {
                // The `...` parameter's elements.
                Some(&last) if sig.variadic && !ellipsis && i + 1 >= n => self.elem_target(last),
                _ => sig.params.get(i).copied(),
            })
            .collect()
    }

    /// The calls of a statement's expressions (an assignment's right-hand sides, a
    /// `return`'s values, a `var` declaration's values): see `hoist`. `force`: hoist even
    /// if no operand comes before the last call (`x op= f()` reads `x` after `f`).
    /// `targets`: the types the values are assigned to (`hoist_calls`).
    pub(crate) fn order_stmt(
        &mut self,
        es: &'a [Expr],
        targets: &[Target],
        force: bool,
    ) -> Vec<NodeId> {
        let refs: Vec<&'a Expr> = es.iter().collect();
        self.hoist(&refs, targets, force)
    }

    /// Hoists the calls and units of `es` (`Kind`) into temporaries, in lexical order,
    /// when an operand read in place comes before the last call in lexical order (so
    /// that compiling `es` left to right would read it before the call, where gc reads it
    /// after): in `v := s[i] + f()` gc calls `f` before it indexes `s`, while
    /// `fib(n-1) + fib(n-2)` is in gc's order already.
    fn hoist(&mut self, es: &[&'a Expr], targets: &[Target], force: bool) -> Vec<NodeId> {
        let mut calls: Vec<&'a Expr> = Vec::new();
        for (i, e) in es.iter().enumerate() {
            self.collect_calls(e, targets.get(i).copied().flatten(), &mut calls);
        }
        let Some(last) = calls.iter().rev().find(|c| self.effectful(c)).copied() else {
            return Vec::new();
        };
        let mut reached = false;
        let mut before = false;
        for (i, e) in es.iter().enumerate() {
            let to = targets.get(i).copied().flatten();
            before |= self.operand_before(e, to, last.id, &mut reached);
            if reached {
                break;
            }
        }
        if !before && !force {
            return Vec::new();
        }
        let mut done = Vec::with_capacity(calls.len());
        for c in calls {
            let t = self.concrete_type(c.id);
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

    /// `Kind` of `e` converted to `to` where it is used.
    fn kind_to(&mut self, e: &Expr, to: Target) -> Kind {
        let k = self.kind(e);
        match to {
            Some(to) if k == Kind::Plain && self.iface_copy(e, to) => Kind::Unit { descend: true },
            _ => k,
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

    /// The operands of `e` in evaluation order, each with the type it is converted to
    /// where gc's order cares (`Target`).
    fn operands_to<'b>(&self, e: &'b Expr) -> Vec<(&'b Expr, Target)> {
        let types = &self.p.types;
        let mut out: Vec<(&'b Expr, Target)> =
            self.operands(e).into_iter().map(|x| (x, None)).collect();
        match &e.kind {
            ExprKind::Call {
                fun,
                args,
                ellipsis,
                ..
            } => {
                if let Some(&to) = self.p.info.conversions.get(&e.id) {
                    if let Some(o) = out.first_mut() {
                        o.1 = Some(to);
                    }
                } else if let Some(b) = crate::call::builtin_of(self, fun) {
                    if b == Builtin::Append && !ellipsis {
                        let el = self.elem_target(self.type_of(e.id));
                        for o in out.iter_mut().skip(1) {
                            o.1 = el;
                        }
                    }
                } else if let TypeKind::Func(sig) = types.under(self.type_of(fun.id)) {
                    let ts = self.arg_targets(sig, args.len(), *ellipsis);
                    for (o, t) in out.iter_mut().zip(ts) {
                        o.1 = t;
                    }
                }
            }
            ExprKind::CompositeLit { elts, .. } => {
                // Each element's value (a key is a constant or a field name), converted to
                // the element's type.
                let targets = self.elem_targets(e, elts);
                out = (elts.iter().enumerate())
                    .map(|(i, x)| (elem_value(x), targets.get(i).copied().flatten()))
                    .collect();
            }
            _ => {}
        }
        out
    }

    /// What the elements `elts` of the composite literal `e` are converted to: their
    /// fields' or the element type (a map literal is evaluated whole: nothing).
    pub(crate) fn elem_targets(&self, e: &Expr, elts: &[Expr]) -> Vec<Target> {
        let types = &self.p.types;
        let mut t = self.type_of(e.id);
        if let TypeKind::Pointer(inner) = types.under(t) {
            t = *inner;
        }
        match types.under(t) {
            TypeKind::Struct(fields) => types::struct_lit_elems(fields, elts)
                .into_iter()
                .map(|(fi, _)| fi.and_then(|i| fields.get(i)).map(|f| f.ty))
                .collect(),
            TypeKind::Array(et, _) | TypeKind::Slice(et) => vec![Some(*et); elts.len()],
            _ => Vec::new(),
        }
    }

    /// The element type of the slice type `t`, as a `Target`.
    fn elem_target(&self, t: TypeId) -> Target {
        match self.p.types.under(t) {
            TypeKind::Slice(et) => Some(*et),
            _ => None,
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
    fn operand_before(&mut self, e: &Expr, to: Target, last: NodeId, reached: &mut bool) -> bool {
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
        match self.kind_to(e, to) {
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
    fn operands_before(&mut self, e: &Expr, last: NodeId, reached: &mut bool) -> bool {
        let mut found = false;
        for (x, to) in self.operands_to(e) {
            found |= self.operand_before(x, to, last, reached);
            if *reached {
                break;
            }
        }
        found
    }

    /// The calls and units of `e` (`Kind`), in the order gc evaluates them.
    fn collect_calls(&mut self, e: &'a Expr, to: Target, out: &mut Vec<&'a Expr>) {
        if self.p.info.consts.contains_key(&e.id) {
            return;
        }
        match self.kind_to(e, to) {
            Kind::Call | Kind::Unit { descend: false } => out.push(e),
            Kind::Unit { descend: true } => {
                for (x, to) in self.operands_to(e) {
                    self.collect_calls(x, to, out);
                }
                out.push(e);
            }
            Kind::Plain => {
                for (x, to) in self.operands_to(e) {
                    self.collect_calls(x, to, out);
                }
            }
        }
    }

    /// Does gc's order copy `e`, converted to `to`, at its place among the calls? Only a
    /// value converted to an interface whose runtime conversion takes its address
    /// (`iface_by_address`), and then (order.go's `addrTemp`) when it is not addressable
    /// (`m[k]`, `s[i]` of a string, `x == y`, `S{...}`, `T(x)`) or is a part of a local
    /// variable gc would keep in registers: not a parameter or result, not moved to the
    /// heap, its address never taken (`FnState::addr_taken`: by `&`, or by capturing it
    /// in a closure that stays one), and of a type gc's SSA backend takes (`can_ssa`). A
    /// constant or a function literal reads the same either way; a multi-value operand is
    /// spread, not converted.
    fn iface_copy(&mut self, e: &Expr, to: TypeId) -> bool {
        let tt = &self.p.types;
        if !tt.is_interface(to) || self.p.info.consts.contains_key(&e.id) {
            return false;
        }
        let from = self.concrete_type(e.id);
        if !self.single_valued(e)
            || tt.is_interface(from)
            || matches!(tt.under(from), TypeKind::Basic(BasicKind::UntypedNil))
            || matches!(unparen(e).kind, ExprKind::FuncLit { .. })
            || !self.iface_by_address(from)
        {
            return false;
        }
        if !self.addressable(e) {
            return true;
        }
        let Some(o) = self.outer_local(e) else {
            return false;
        };
        // (`captured`: a variable of an enclosing function, which gc reaches through the
        // closure, not a local of this one.)
        let fs = self.fs.as_ref();
        let kept = fs.is_some_and(|f| !f.addr_taken.contains(&o) && !f.captured.contains(&o));
        kept && !self.esc.moved_to_heap.contains(&o) && self.can_ssa(self.p.obj(o).ty, 0)
    }

    /// The type of node `id`, an untyped value's default type (`x == y`'s `bool`).
    fn concrete_type(&self, id: NodeId) -> TypeId {
        let t = self.type_of(id);
        match self.p.types.kind(t) {
            TypeKind::Basic(BasicKind::UntypedBool) => types::T_BOOL,
            TypeKind::Basic(BasicKind::UntypedInt) => types::T_INT,
            TypeKind::Basic(BasicKind::UntypedRune) => types::T_INT32,
            TypeKind::Basic(BasicKind::UntypedFloat) => types::T_FLOAT64,
            TypeKind::Basic(BasicKind::UntypedComplex) => types::T_COMPLEX128,
            TypeKind::Basic(BasicKind::UntypedString) => types::T_STRING,
            _ => t,
        }
    }

    /// Whether converting a `t` to an interface passes the value by address (gc's
    /// `dataWordFuncName` needsaddr: all but `convT16`, `convT32`, `convT64`, `convTstring`
    /// and `convTslice`, whatever the type's shape: a pointer too).
    fn iface_by_address(&mut self, t: TypeId) -> bool {
        let l = self.layout(t);
        let ptrs = !l.ptr_words.is_empty();
        let by_value = (l.size == 2 && l.align == 2)
            || (l.size == 4 && l.align == 4 && !ptrs)
            || (l.size == 8 && l.align == 8 && !ptrs);
        if by_value {
            return false;
        }
        // The sole component: through structs of one field and arrays of one element.
        let tt = &self.p.types;
        let mut c = t;
        for _ in 0..64 {
            c = match tt.under(c) {
                TypeKind::Struct(fs) if fs.len() == 1 => fs[0].ty,
                TypeKind::Array(et, 1) => *et,
                _ => break,
            };
        }
        !matches!(
            tt.under(c),
            TypeKind::Slice(_) | TypeKind::Basic(BasicKind::String)
        )
    }

    /// gc's `ssa.CanSSA`: at most four words, arrays of at most one element, structs of
    /// at most four fields, all of such types.
    fn can_ssa(&mut self, t: TypeId, depth: u32) -> bool {
        if depth > 64 || self.layout(t).size > 32 {
            return false;
        }
        match self.p.types.under(t).clone() {
            TypeKind::Array(et, n) => n <= 1 && self.can_ssa(et, depth + 1),
            TypeKind::Struct(fs) => {
                fs.len() <= 4 && fs.iter().all(|f| self.can_ssa(f.ty, depth + 1))
            }
            _ => true,
        }
    }

    /// gc's `ir.IsAddressable`: a variable, a slice element, a dereference, a field of an
    /// addressable struct or through a pointer, an element of an addressable array.
    fn addressable(&self, e: &Expr) -> bool {
        let tt = &self.p.types;
        match &e.kind {
            ExprKind::Paren(x) => self.addressable(x),
            ExprKind::Ident(id) => self.var_of(id.id).is_some(),
            ExprKind::Star(_) => true,
            ExprKind::Index { x, .. } => match tt.under(self.type_of(x.id)) {
                TypeKind::Array(..) => self.addressable(x),
                TypeKind::Slice(_) | TypeKind::Pointer(_) => true,
                _ => false,
            },
            ExprKind::Selector { x, .. } => match self.p.info.selections.get(&e.id) {
                Some(Selection::Qualified(o)) => matches!(self.p.obj(*o).kind, ObjKind::Var { .. }),
                Some(Selection::Field { path, .. }) => {
                    self.field_through_pointer(x, path) || self.addressable(x)
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// gc's `ir.OuterValue` when it is a local variable (not a parameter or a result): the
    /// variable `e` is a part of, through fields of struct values and array elements.
    fn outer_local(&self, e: &Expr) -> Option<ObjId> {
        match &e.kind {
            ExprKind::Paren(x) => self.outer_local(x),
            ExprKind::Ident(id) => {
                let o = self.var_of(id.id)?;
                let local = matches!(
                    self.p.obj(o).kind,
                    ObjKind::Var {
                        global: false,
                        param: false,
                        result: false,
                        ..
                    }
                );
                local.then_some(o)
            }
            ExprKind::Selector { x, .. } => match self.p.info.selections.get(&e.id) {
                Some(Selection::Field { path, .. }) if !self.field_through_pointer(x, path) => {
                    self.outer_local(x)
                }
                _ => None,
            },
            ExprKind::Index { x, .. } => match self.p.types.under(self.type_of(x.id)) {
                TypeKind::Array(..) => self.outer_local(x),
                _ => None,
            },
            _ => None,
        }
    }

    /// The variable an identifier names, if it names one.
    fn var_of(&self, id: NodeId) -> Option<ObjId> {
        let o = *self.p.info.uses.get(&id).or(self.p.info.defs.get(&id))?;
        matches!(self.p.obj(o).kind, ObjKind::Var { .. }).then_some(o)
    }

    /// Does the field selection `x.f` (embedded-field `path`) go through a pointer?
    fn field_through_pointer(&self, x: &Expr, path: &[usize]) -> bool {
        let tt = &self.p.types;
        let mut t = self.type_of(x.id);
        for (k, &i) in path.iter().enumerate() {
            if matches!(tt.under(t), TypeKind::Pointer(_)) {
                return true;
            }
            if k + 1 == path.len() {
                break;
            }
            t = match tt.under(t) {
                TypeKind::Struct(fs) => match fs.get(i) {
                    Some(f) => f.ty,
                    None => return false,
                },
                _ => return false,
            };
        }
        false
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

/// A composite literal element's value (`v` of `k: v`).
pub(crate) fn elem_value(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::KeyValue { value, .. } => value,
        _ => e,
    }
}
