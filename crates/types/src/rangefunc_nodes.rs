//! The nodes the range-over-func lowering (`rangefunc.rs`) writes, and the facts the checker
//! would have recorded for them had they been source: this file is the lowering's only way
//! to make a node, so the lowered program keeps the crate's invariants.
//!
//! Invariants:
//! - Every synthesized `Expr` and `Ident` gets a fresh NodeId counting down from `u32::MAX`
//!   (`RangeFuncInfo::synth_ids` counts them, across an eval session's checks too), so it
//!   never meets a parser's id, which count up from 0.
//! - Every synthesized expression has its final type in `Info::types` (and its mode), every
//!   constant its value in `Info::consts`, every identifier its object in `Info::uses` or
//!   `Info::defs`: as the checker records source.
//! - A synthesized variable is an `Object` like a checked local: its `owner` is the function
//!   (FuncDecl name or FuncLit node, a loop body included) whose code declares it; gc's
//!   position-less variables (`#next`, `#defers`, `#yieldN`, `#tmpState`) have span 0.
//! - After a function is lowered, `fix_owners` gives every variable declared in a loop body
//!   that body as owner, and `body_captures` records each body's captured variables
//!   (`Info::captures`) from the code as written, so closures see exactly what they use.

use crate::*;
use gosub_syntax::ast::{
    AssignOp, BinOp, Block, BranchKind, Decl, Expr, ExprKind, FuncType, GenDecl, Stmt, StmtKind,
    ValueSpec,
};
use gosub_syntax::walk::{self, Node};

/// Makes the lowering's nodes; see the module invariants.
pub(crate) struct Nodes<'p> {
    pub tt: &'p mut TypeTable,
    pub objs: &'p mut Chunked<std::sync::Arc<Object>>,
    pub info: &'p mut Info,
    /// The package whose files are being lowered (of the objects made).
    pub pkg: usize,
    universe_true: Option<ObjId>,
    universe_false: Option<ObjId>,
    builtins: HashMap<&'static str, ObjId>,
}

/// A one-byte span at `pos` (0: no position, gc's `nopos`).
pub(crate) fn at(pos: u32) -> Span {
    Span::new(pos, if pos == 0 { 0 } else { pos + 1 })
}

impl<'p> Nodes<'p> {
    pub fn new(
        tt: &'p mut TypeTable,
        objs: &'p mut Chunked<std::sync::Arc<Object>>,
        info: &'p mut Info,
    ) -> Self {
        let find = |v: bool| {
            objs.iter().position(|o| {
                o.pkg == usize::MAX
                    && matches!(o.kind, ObjKind::Const(ConstValue::Bool(b)) if b == v)
            })
        };
        let (t, f) = (find(true), find(false));
        Nodes {
            tt,
            objs,
            info,
            pkg: 0,
            universe_true: t.map(|i| ObjId(i as u32)),
            universe_false: f.map(|i| ObjId(i as u32)),
            builtins: HashMap::new(),
        }
    }

    pub fn id(&mut self) -> NodeId {
        self.info.rangefunc.synth_ids += 1;
        u32::MAX - (self.info.rangefunc.synth_ids - 1)
    }

    pub fn obj(&self, o: ObjId) -> &Object {
        &self.objs[o.0 as usize]
    }

    pub fn obj_mut(&mut self, o: ObjId) -> &mut Object {
        std::sync::Arc::make_mut(&mut self.objs[o.0 as usize])
    }

    /// A new local variable of function `owner`, declared at `pos` (0: none).
    pub fn var(&mut self, name: &str, ty: TypeId, pos: u32, owner: NodeId) -> ObjId {
        self.new_var(name, ty, pos, owner, false, false)
    }

    /// `var`, or a parameter or result of a loop body when `param`/`result`.
    pub fn new_var(
        &mut self,
        name: &str,
        ty: TypeId,
        pos: u32,
        owner: NodeId,
        param: bool,
        result: bool,
    ) -> ObjId {
        let id = ObjId(self.objs.len() as u32);
        self.objs.push(std::sync::Arc::new(Object {
            name: name.to_string(),
            kind: ObjKind::Var {
                global: false,
                param,
                result,
                field: false,
            },
            ty,
            pkg: self.pkg,
            span: at(pos),
            owner: Some(owner),
        }));
        id
    }

    fn record(&mut self, id: NodeId, mode: Mode, ty: TypeId) {
        self.info.types.insert(id, ty);
        self.info.modes.insert(id, mode);
    }

    fn ident_expr(&mut self, name: &str, pos: u32) -> (Expr, NodeId) {
        let ident_id = self.id();
        let e = Expr {
            id: self.id(),
            span: at(pos),
            kind: ExprKind::Ident(Ident {
                name: name.to_string(),
                span: at(pos),
                id: ident_id,
            }),
        };
        (e, ident_id)
    }

    /// A use of variable `o`.
    pub fn use_var(&mut self, o: ObjId, pos: u32) -> Expr {
        let (name, ty) = (self.obj(o).name.clone(), self.obj(o).ty);
        let (e, iid) = self.ident_expr(&name, pos);
        self.info.uses.insert(iid, o);
        self.record(e.id, Mode::Variable, ty);
        e
    }

    /// The declaring occurrence of variable `o` (the name in `var o = ...`).
    fn def_name(&mut self, o: ObjId, pos: u32) -> Ident {
        let id = self.id();
        self.info.defs.insert(id, o);
        Ident {
            name: self.obj(o).name.clone(),
            span: at(pos),
            id,
        }
    }

    /// An `int` constant.
    pub fn int(&mut self, v: i64, pos: u32) -> Expr {
        let e = Expr {
            id: self.id(),
            span: at(pos),
            kind: ExprKind::IntLit(v.to_string()),
        };
        self.record(e.id, Mode::Const, T_INT);
        self.info.consts.insert(e.id, ConstValue::Int(v as i128));
        e
    }

    /// The predeclared `true` or `false`.
    pub fn bool(&mut self, v: bool, pos: u32) -> Expr {
        let (e, iid) = self.ident_expr(if v { "true" } else { "false" }, pos);
        if let Some(o) = if v {
            self.universe_true
        } else {
            self.universe_false
        } {
            self.info.uses.insert(iid, o);
        }
        self.record(e.id, Mode::Const, T_BOOL);
        self.info.consts.insert(e.id, ConstValue::Bool(v));
        e
    }

    /// `x op y` for a comparison of ints.
    pub fn cmp(&mut self, op: BinOp, x: Expr, y: Expr, pos: u32) -> Expr {
        let e = Expr {
            id: self.id(),
            span: at(pos),
            kind: ExprKind::Binary {
                op,
                x: Box::new(x),
                y: Box::new(y),
            },
        };
        self.record(e.id, Mode::Value, T_BOOL);
        e
    }

    /// `fun(args)`: a call without results (`Mode::NoValue`) or with one of type `ty`.
    pub fn call(&mut self, fun: Expr, args: Vec<Expr>, ty: Option<TypeId>, pos: u32) -> Expr {
        let e = Expr {
            id: self.id(),
            span: at(pos),
            kind: ExprKind::Call {
                fun: Box::new(fun),
                args,
                ellipsis: false,
                lparen: pos,
                rparen: pos,
            },
        };
        match ty {
            Some(t) => self.record(e.id, Mode::Value, t),
            None => self.record(e.id, Mode::NoValue, T_VOID),
        }
        e
    }

    /// A call of one of the lowering's builtins (gc's runtime helpers, which gc prints as
    /// `runtime.NAME`); their objects are in no scope, so no program can name them.
    pub fn builtin_call(&mut self, b: Builtin, args: Vec<Expr>, pos: u32) -> Expr {
        let (name, ty) = match b {
            Builtin::DeferRangeFunc => ("runtime.deferrangefunc", Some(T_UINTPTR)),
            _ => ("runtime.panicrangestate", None),
        };
        let o = match self.builtins.get(name) {
            Some(&o) => o,
            None => {
                let o = ObjId(self.objs.len() as u32);
                self.objs.push(std::sync::Arc::new(Object {
                    name: name.to_string(),
                    kind: ObjKind::Builtin(b),
                    ty: T_INVALID,
                    pkg: usize::MAX,
                    span: Span::default(),
                    owner: None,
                }));
                self.builtins.insert(name, o);
                o
            }
        };
        let (fun, iid) = self.ident_expr(name, pos);
        self.info.uses.insert(iid, o);
        self.info.modes.insert(fun.id, Mode::Builtin);
        self.call(fun, args, ty, pos)
    }

    // ---- statements ----

    pub fn assign(&mut self, lhs: Vec<Expr>, rhs: Vec<Expr>, pos: u32) -> Stmt {
        Stmt {
            span: at(pos),
            kind: StmtKind::Assign {
                lhs,
                op: AssignOp::Assign,
                rhs,
            },
        }
    }

    /// `o = v` for an `int` variable.
    pub fn set_int(&mut self, o: ObjId, v: i64, pos: u32) -> Stmt {
        let l = self.use_var(o, pos);
        let r = self.int(v, pos);
        self.assign(vec![l], vec![r], pos)
    }

    /// `var o [= init]`.
    pub fn var_decl(&mut self, o: ObjId, init: Option<Expr>, pos: u32) -> Stmt {
        let name = self.def_name(o, pos);
        Stmt {
            span: at(pos),
            kind: StmtKind::Decl(Box::new(Decl::Var(GenDecl {
                span: at(pos),
                specs: vec![ValueSpec {
                    names: vec![name],
                    ty: None,
                    values: init.into_iter().collect(),
                    iota: 0,
                    implicit: false,
                    span: at(pos),
                }],
            }))),
        }
    }

    pub fn expr_stmt(&mut self, e: Expr) -> Stmt {
        Stmt {
            span: e.span,
            kind: StmtKind::Expr(e),
        }
    }

    pub fn if_then(&mut self, cond: Expr, then: Vec<Stmt>, pos: u32) -> Stmt {
        Stmt {
            span: at(pos),
            kind: StmtKind::If {
                init: None,
                cond,
                then: Block {
                    stmts: then,
                    span: at(pos),
                },
                els: None,
            },
        }
    }

    /// `if o op c { then }` for an `int` variable `o`.
    pub fn if_var(&mut self, o: ObjId, op: BinOp, c: i64, then: Vec<Stmt>, pos: u32) -> Stmt {
        let x = self.use_var(o, pos);
        let y = self.int(c, pos);
        let cond = self.cmp(op, x, y, pos);
        self.if_then(cond, then, pos)
    }

    pub fn ret(&mut self, results: Vec<Expr>, pos: u32) -> Stmt {
        Stmt {
            span: at(pos),
            kind: StmtKind::Return(results),
        }
    }

    /// `return true` / `return false` from a loop body.
    pub fn ret_bool(&mut self, v: bool, pos: u32) -> Stmt {
        let b = self.bool(v, pos);
        self.ret(vec![b], pos)
    }

    pub fn block(&mut self, stmts: Vec<Stmt>, pos: u32) -> Stmt {
        Stmt {
            span: at(pos),
            kind: StmtKind::Block(Block {
                stmts,
                span: at(pos),
            }),
        }
    }

    /// `break L`, `continue L` or `goto L`.
    pub fn branch(&mut self, kind: BranchKind, label: &str, pos: u32) -> Stmt {
        let id = self.id();
        Stmt {
            span: at(pos),
            kind: StmtKind::Branch {
                kind,
                label: Some(Ident {
                    name: label.to_string(),
                    span: at(pos),
                    id,
                }),
            },
        }
    }

    /// A function literal of (unnamed func) type `ty` with the given body; `end` is the
    /// closing brace. Its parameters and results are `fv`.
    pub fn func_lit(
        &mut self,
        id: NodeId,
        ty: TypeId,
        fv: FuncVars,
        stmts: Vec<Stmt>,
        pos: u32,
        end: u32,
    ) -> Expr {
        let e = Expr {
            id,
            span: at(pos),
            kind: ExprKind::FuncLit {
                sig: Box::new(FuncType {
                    type_params: vec![],
                    params: vec![],
                    results: vec![],
                    variadic: false,
                    span: at(pos),
                    lparen: at(pos).lo,
                }),
                body: Block {
                    stmts,
                    span: Span::new(pos, end + 1),
                },
            },
        };
        self.record(e.id, Mode::Value, ty);
        self.info.func_vars.insert(id, fv);
        e
    }

    /// The unnamed signature `func(params) bool` of a loop body.
    pub fn body_type(&mut self, params: Vec<TypeId>) -> TypeId {
        self.tt.intern(TypeKind::Func(Signature {
            params,
            results: vec![T_BOOL],
            variadic: false,
        }))
    }
}

/// Gives every variable declared in `stmts` (the body of function `key`) its owner: the
/// innermost function literal around its declaration, a loop body included, else `key`.
pub(crate) fn fix_owners(n: &mut Nodes, key: NodeId, stmts: &[Stmt]) {
    let mut owners: Vec<(ObjId, NodeId)> = Vec::new();
    fn walk_owner(info: &Info, s: Node, owner: NodeId, out: &mut Vec<(ObjId, NodeId)>) {
        match s {
            Node::Expr(e) => {
                if let ExprKind::FuncLit { body, .. } = &e.kind {
                    for st in &body.stmts {
                        walk_owner(info, Node::Stmt(st), e.id, out);
                    }
                    return;
                }
            }
            Node::Ident(id) => {
                if let Some(&o) = info.defs.get(&id.id) {
                    out.push((o, owner));
                }
            }
            Node::Stmt(Stmt {
                kind:
                    StmtKind::TypeSwitch {
                        clauses,
                        bind: Some(b),
                        ..
                    },
                ..
            }) => {
                for ci in 0..clauses.len() {
                    if let Some(&o) = info.implicits.get(&(b.id, ci)) {
                        out.push((o, owner));
                    }
                }
            }
            _ => {}
        }
        walk::children(s, &mut |c| walk_owner(info, c, owner, out));
    }
    for s in stmts {
        walk_owner(n.info, Node::Stmt(s), key, &mut owners);
    }
    for (o, owner) in owners {
        let obj = n.obj_mut(o);
        if matches!(obj.kind, ObjKind::Var { global: false, .. }) {
            obj.owner = Some(owner);
        }
    }
}

/// Records the captured variables (`Info::captures`) of the loop body literal `lit`: the
/// local variables its code (nested literals included) uses that no function inside it
/// declares, in order of first use.
pub(crate) fn body_captures(n: &mut Nodes, lit: &Expr) {
    let ExprKind::FuncLit { body, .. } = &lit.kind else {
        return;
    };
    let mut inner: HashSet<NodeId> = HashSet::new();
    inner.insert(lit.id);
    walk::inspect_code_stmts(&body.stmts, &mut |nd| {
        if let Node::Expr(e) = nd {
            if let ExprKind::FuncLit { .. } = e.kind {
                inner.insert(e.id);
            }
        }
        true
    });
    let mut caps: Vec<ObjId> = Vec::new();
    let mut seen: HashSet<ObjId> = HashSet::new();
    walk::inspect_code_stmts(&body.stmts, &mut |nd| {
        let used = match nd {
            Node::Expr(Expr {
                kind: ExprKind::Ident(id),
                ..
            }) => n.info.uses.get(&id.id),
            // A loop body's defer uses the defer-list token (gc's `DeferAt`).
            Node::Stmt(Stmt {
                kind: StmtKind::Defer(e),
                ..
            }) => n.info.rangefunc.defer_at.get(&e.id),
            _ => None,
        };
        if let Some(&o) = used {
            let obj = &n.objs[o.0 as usize];
            let local = matches!(obj.kind, ObjKind::Var { global: false, .. });
            if local && !obj.owner.is_some_and(|f| inner.contains(&f)) && seen.insert(o) {
                caps.push(o);
            }
        }
        true
    });
    n.info.captures.insert(lit.id, caps);
}
