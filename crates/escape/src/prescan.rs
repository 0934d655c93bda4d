//! Facts collected before building the graph of one function (and its literals):
//! variables whose address is taken or that a closure captures (Go 1.22 per-iteration loop
//! variables live in the loop body when they are), variables reassigned after their
//! definition, and locals bound once to a function literal (calls through them are static,
//! as with gc's `ir.StaticValue`).
//!
//! This is gosub's one analysis of "address taken": the compiler asks it too
//! (`addr_taken_or_captured`), for the candidates it may have to box; `addr_facts` gives
//! it that and `addr_taken` from one walk (`FnState::addr_taken` and `shared`), and
//! `written` says which parameters of an inlined body may be the caller's variables.

use gosub_layered::{HashMap, HashSet};
use gosub_syntax::ast::{
    unparen, AssignOp, Block, Decl, Expr, ExprKind, NodeId, Stmt, StmtKind, UnOp,
};
use gosub_syntax::walk::{self, Node};
use gosub_types::{Builtin, ObjId, ObjKind, Program, Selection, TypeKind};

/// The local variables of `body` and of the function literals in it whose address is taken
/// (`&x`, `&x.f` of a struct value, `&a[i]` of an array, `x.M()` with a pointer receiver on
/// an addressable `x`, slicing an array variable) or that a function literal captures.
pub fn addr_taken_or_captured(p: &Program, body: &Block) -> HashSet<ObjId> {
    let mut f = Facts::default();
    Scan { p, f: &mut f }.stmts(&body.stmts);
    f.addr_or_captured
}

/// The locals of `body` gc marks `Addrtaken` (the compiler's evaluation order depends on
/// it: order.rs): those whose address it takes (`&x`, `&x.f`, `&a[i]` of an array, a
/// pointer-method call on `x`, `a[:]` of an array), and those a function literal captures
/// by reference, unless gc inlines every call of that literal (`Inlined`), after which the
/// literal is dead and nothing captures them.
pub fn addr_taken(p: &Program, body: &Block) -> HashSet<ObjId> {
    addr_facts(p, body).0
}

/// `addr_taken` and `addr_taken_or_captured` of `body`, from one walk.
pub fn addr_facts(p: &Program, body: &Block) -> (HashSet<ObjId>, HashSet<ObjId>) {
    let mut f = Facts::default();
    Scan { p, f: &mut f }.stmts(&body.stmts);
    let mut inl = Inlined::new(p, &f);
    let mut out = f.addr_taken.clone();
    for lit in &f.lits {
        if !inl.lit(lit) {
            if let Some(caps) = p.info.captures.get(&lit.id) {
                // Captured by reference only when written in the literal or after it
                // (tested against Go 1.26: a literal that runs after the last write reads
                // a copy; one deferred before a write, or that writes, shares the variable).
                let written_after = |o: &ObjId| {
                    (f.writes.get(o)).is_some_and(|ws| ws.iter().any(|&w| w > lit.span.lo))
                };
                out.extend(caps.iter().filter(|o| written_after(o)).copied());
            }
        }
    }
    drop(inl);
    (out, std::mem::take(&mut f.addr_or_captured))
}

/// The locals of `body` it may change after their definition: assigned whole or in part
/// (`x = v`, `x.f++` of a struct value, `a[i] = v` of an array, a range loop's `=`), or
/// whose address it takes.
pub fn written(p: &Program, body: &Block) -> HashSet<ObjId> {
    let mut f = Facts::default();
    Scan { p, f: &mut f }.stmts(&body.stmts);
    let mut out = f.reassigned;
    out.extend(f.writes.into_keys());
    out
}

/// Which function literals gc inlines away, approximately: those called where they stand
/// (`func() {...}()`) or bound once to a variable used only to call them (through chains
/// `h := g`, gc's `StaticValue`; a call inside another literal counts, that literal being
/// inlined in turn), never by `defer` or `go`; small (`INLINE_BUDGET` syntax nodes: gc
/// also inlines the small functions such a literal calls, and tested against Go 1.26, a
/// literal making two `fmt.Sprint` calls is inlined); with no `defer`, `go`, `select` or
/// `recover`.
struct Inlined<'f, 'a> {
    p: &'f Program,
    f: &'f Facts<'a>,
    /// The once-bound variable of each literal and of each initializer, by node.
    var_of_lit: HashMap<NodeId, ObjId>,
    var_of_init: HashMap<NodeId, ObjId>,
    only_called: HashMap<ObjId, bool>,
}

impl<'f, 'a> Inlined<'f, 'a> {
    fn new(p: &'f Program, f: &'f Facts<'a>) -> Self {
        Inlined {
            p,
            f,
            var_of_lit: f
                .static_lits()
                .into_iter()
                .map(|(o, l)| (l.id, o))
                .collect(),
            var_of_init: f
                .static_inits()
                .into_iter()
                .map(|(o, e)| (e.id, o))
                .collect(),
            only_called: HashMap::default(),
        }
    }

    /// Is node `id` the function of a call that gc may inline (not under defer or go)?
    fn called(&self, id: NodeId) -> bool {
        self.f.called.contains(&id) && !self.f.deferred.contains(&id)
    }

    /// Is the once-bound variable `o` only ever called (directly or through chains)?
    fn only_called(&mut self, o: ObjId, depth: u32) -> bool {
        if let Some(&b) = self.only_called.get(&o) {
            return b;
        }
        let uses = self.f.uses.get(&o).cloned().unwrap_or_default();
        let b = uses.iter().all(|u| {
            self.called(*u)
                || (depth < 4
                    && self
                        .var_of_init
                        .get(u)
                        .copied()
                        .is_some_and(|o2| self.only_called(o2, depth + 1)))
        });
        self.only_called.insert(o, b);
        b
    }

    fn lit(&mut self, lit: &Expr) -> bool {
        let direct = self.called(lit.id)
            || (self.var_of_lit.get(&lit.id).copied()).is_some_and(|o| self.only_called(o, 0));
        if !direct {
            return false;
        }
        let (mut cost, mut blocked) = (0usize, false);
        walk::inspect_code(Node::Expr(lit), &mut |n| {
            cost += 1;
            match n {
                Node::Stmt(s) => {
                    blocked |= matches!(
                        s.kind,
                        StmtKind::Defer(_) | StmtKind::Go(_) | StmtKind::Select { .. }
                    )
                }
                Node::Expr(e) => {
                    if let ExprKind::Call { fun, .. } = &e.kind {
                        if let ExprKind::Ident(id) = &unparen(fun).kind {
                            let o = self.p.info.uses.get(&id.id).map(|o| &self.p.obj(*o).kind);
                            blocked |= matches!(o, Some(ObjKind::Builtin(Builtin::Recover)));
                        }
                    }
                }
                _ => {}
            }
            !blocked && cost <= INLINE_BUDGET
        });
        !blocked && cost <= INLINE_BUDGET
    }
}

/// gc's inlining budget (`inlineMaxBudget`), counted here in syntax nodes.
const INLINE_BUDGET: usize = 80;

/// The facts of one batch's bodies.
#[derive(Default)]
pub struct Facts<'a> {
    /// Locals whose address is taken or that a function literal captures.
    pub addr_or_captured: HashSet<ObjId>,
    /// Locals whose address is taken.
    pub addr_taken: HashSet<ObjId>,
    /// The function literals, and the nodes called (a call's function, parentheses off).
    pub lits: Vec<&'a Expr>,
    pub called: HashSet<NodeId>,
    /// The functions called by `defer` and `go` statements (gc never inlines those calls).
    pub deferred: HashSet<NodeId>,
    /// The identifiers naming each variable (its uses).
    pub uses: HashMap<ObjId, Vec<NodeId>>,
    /// Where each variable, or a part of it, is assigned (source positions).
    pub writes: HashMap<ObjId, Vec<u32>>,
    /// Variables assigned after their definition, or whose address is taken.
    pub reassigned: HashSet<ObjId>,
    /// Locals defined as `f := func...` or `var f = func...`, and that literal.
    pub lit_bind: HashMap<ObjId, &'a Expr>,
    /// The initializer of each local defined as `x := e` or `var x = e` (one value each).
    pub init: HashMap<ObjId, &'a Expr>,
}

impl<'a> Facts<'a> {
    /// Locals bound once to a function literal and never reassigned (taking a variable's
    /// address counts as reassigning it): calls through them are static.
    pub fn static_lits(&self) -> HashMap<ObjId, &'a Expr> {
        self.lit_bind
            .iter()
            .filter(|(o, _)| !self.reassigned.contains(o))
            .map(|(o, e)| (*o, *e))
            .collect()
    }

    /// gc's `ir.StaticValue` for a local: its initializer when it is never reassigned and
    /// its address is never taken.
    pub fn static_inits(&self) -> HashMap<ObjId, &'a Expr> {
        self.init
            .iter()
            .filter(|(o, _)| !self.reassigned.contains(o))
            .map(|(o, e)| (*o, *e))
            .collect()
    }
}

/// Collects `Facts` over the code of function bodies (`gosub_syntax::walk`, scope Code).
pub struct Scan<'a, 'f> {
    pub p: &'a Program,
    pub f: &'f mut Facts<'a>,
}

impl<'a> Scan<'a, '_> {
    /// The local variable at the root of an addressable operand (through fields of struct
    /// values and elements of arrays).
    fn root_var(&self, e: &Expr) -> Option<ObjId> {
        match &e.kind {
            ExprKind::Ident(id) => {
                let o = self.p.info.uses.get(&id.id).copied()?;
                matches!(self.p.obj(o).kind, ObjKind::Var { global: false, .. }).then_some(o)
            }
            ExprKind::Paren(x) => self.root_var(x),
            ExprKind::Selector { x, .. } => match self.p.info.selections.get(&e.id) {
                Some(Selection::Field { .. }) => {
                    let xt = self.p.info.types.get(&x.id).copied()?;
                    if matches!(self.p.types.under(xt), TypeKind::Pointer(_)) {
                        None
                    } else {
                        self.root_var(x)
                    }
                }
                _ => None,
            },
            ExprKind::Index { x, .. } => {
                let xt = self.p.info.types.get(&x.id).copied()?;
                if matches!(self.p.types.under(xt), TypeKind::Array(..)) {
                    self.root_var(x)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The address of `e`'s root variable is taken.
    fn mark_addr(&mut self, e: &Expr) {
        if let Some(o) = self.root_var(e) {
            self.f.addr_or_captured.insert(o);
            self.f.addr_taken.insert(o);
            self.f.reassigned.insert(o);
        }
    }

    /// The variable `e` names is assigned.
    fn mark_assigned(&mut self, e: &Expr) {
        if let ExprKind::Ident(id) = &unparen(e).kind {
            if let Some(&o) = self.p.info.uses.get(&id.id) {
                self.f.reassigned.insert(o);
            }
        }
        // Where a part of a variable is written (`x = v`, `x.f += v`, `a[i]++`).
        if let Some(o) = self.root_var(unparen(e)) {
            self.f.writes.entry(o).or_default().push(e.span.lo);
        }
    }

    /// Collects the facts of `ss` and of the function literals in them.
    pub fn stmts(&mut self, ss: &'a [Stmt]) {
        walk::inspect_code_stmts(ss, &mut |n| {
            match n {
                Node::Stmt(s) => self.stmt(s),
                Node::Expr(e) => self.expr(e),
                _ => {}
            }
            true
        });
    }

    /// The facts one statement states (its parts are visited by the walk).
    fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Decl(d) if let Decl::Var(gd) = &**d => {
                for sp in &gd.specs {
                    if sp.names.len() == sp.values.len() {
                        for (n, v) in sp.names.iter().zip(sp.values.iter()) {
                            if let Some(&o) = self.p.info.defs.get(&n.id) {
                                self.f.init.insert(o, unparen(v));
                            }
                        }
                    }
                    if let ([n], [v]) = (sp.names.as_slice(), sp.values.as_slice()) {
                        if let ExprKind::FuncLit { .. } = unparen(v).kind {
                            if let Some(&o) = self.p.info.defs.get(&n.id) {
                                self.f.lit_bind.insert(o, unparen(v));
                            }
                        }
                    }
                }
            }
            StmtKind::Defer(c) | StmtKind::Go(c) => {
                if let ExprKind::Call { fun, .. } = &unparen(c).kind {
                    self.f.deferred.insert(unparen(fun).id);
                }
            }
            StmtKind::IncDec { x, .. } => self.mark_assigned(x),
            StmtKind::Assign { lhs, op, rhs } => {
                if *op == AssignOp::Define {
                    if lhs.len() == rhs.len() {
                        for (x, v) in lhs.iter().zip(rhs.iter()) {
                            if let ExprKind::Ident(id) = &x.kind {
                                if let Some(&o) = self.p.info.defs.get(&id.id) {
                                    self.f.init.insert(o, unparen(v));
                                }
                            }
                        }
                    }
                    if let ([x], [v]) = (lhs.as_slice(), rhs.as_slice()) {
                        if let (ExprKind::Ident(id), ExprKind::FuncLit { .. }) =
                            (&x.kind, &unparen(v).kind)
                        {
                            if let Some(&o) = self.p.info.defs.get(&id.id) {
                                self.f.lit_bind.insert(o, unparen(v));
                            }
                        }
                    }
                }
                for x in lhs {
                    self.mark_assigned(x);
                }
            }
            StmtKind::Range {
                key,
                value,
                define: false,
                ..
            } => {
                for v in [key, value].into_iter().flatten() {
                    self.mark_assigned(v);
                }
            }
            _ => {}
        }
    }

    /// The facts one expression states: `&x`, a pointer-method call or a slice of an array
    /// variable takes its address; a function literal captures variables.
    fn expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::Unary { op: UnOp::Addr, x } => self.mark_addr(x),
            ExprKind::FuncLit { .. } => {
                if let Some(caps) = self.p.info.captures.get(&e.id) {
                    self.f.addr_or_captured.extend(caps.iter().copied());
                }
                self.f.lits.push(e);
            }
            ExprKind::Call { fun, .. } => {
                self.f.called.insert(unparen(fun).id);
            }
            ExprKind::Ident(id) => {
                if let Some(&o) = self.p.info.uses.get(&id.id) {
                    self.f.uses.entry(o).or_default().push(e.id);
                }
            }
            ExprKind::Selector { x, .. } => {
                if let Some(Selection::Method { ptr_recv: true, .. }) =
                    self.p.info.selections.get(&e.id)
                {
                    if let Some(xt) = self.p.info.types.get(&x.id) {
                        if !matches!(self.p.types.under(*xt), TypeKind::Pointer(_)) {
                            self.mark_addr(x);
                        }
                    }
                }
            }
            ExprKind::SliceExpr { x, .. } => {
                if let Some(xt) = self.p.info.types.get(&x.id) {
                    if matches!(self.p.types.under(*xt), TypeKind::Array(..)) {
                        self.mark_addr(x);
                    }
                }
            }
            _ => {}
        }
    }
}
