//! Helpers the grammar actions (`grammar/go.lalrpop`) use to build AST nodes.
//!
//! Invariants: nodes are built with `NodeId` 0; `ids::assign` numbers them after parsing, so
//! actions may freely rebuild or discard nodes. Functions returning `Result` produce gc's
//! wording for syntax errors that the grammar accepts but gc rejects; they never panic.

use crate::ast::*;
use crate::lexer::Tok;
use crate::literal;
use crate::source::Diagnostic;
use lalrpop_util::ParseError;
use std::cell::RefCell;

/// A parse error as the generated parser reports it.
pub type PError<'a> = ParseError<u32, Tok<'a>, Diagnostic>;

/// Per-parse state shared with the grammar actions.
#[derive(Default)]
pub struct Ctx {
    pub lenient_imports: bool,
    /// Imports found inside function bodies (lenient mode).
    pub body_imports: RefCell<Vec<ImportSpec>>,
    pub misplaced: RefCell<Vec<Span>>,
    /// Set once a non-import top-level declaration has been parsed.
    pub seen_decl: std::cell::Cell<bool>,
}

pub fn err<'a, T>(lo: u32, msg: impl Into<String>) -> Result<T, PError<'a>> {
    Err(ParseError::User {
        error: Diagnostic::new(Span::new(lo, lo + 1), msg.into()),
    })
}

pub fn sp(lo: u32, hi: u32) -> Span {
    Span::new(lo, hi)
}

pub fn ident(lo: u32, name: &str, hi: u32) -> Ident {
    Ident {
        name: name.to_string(),
        span: sp(lo, hi),
        id: 0,
    }
}

pub fn expr(lo: u32, hi: u32, kind: ExprKind) -> Expr {
    Expr {
        id: 0,
        span: sp(lo, hi),
        kind,
    }
}

pub fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

pub fn stmt(lo: u32, hi: u32, kind: StmtKind) -> Stmt {
    Stmt {
        span: sp(lo, hi),
        kind,
    }
}

pub fn ident_expr(id: Ident) -> Expr {
    Expr {
        id: 0,
        span: id.span,
        kind: ExprKind::Ident(id),
    }
}

pub fn binary(x: Expr, op_lo: u32, op: BinOp, y: Expr) -> Expr {
    let hi = y.span.hi;
    expr(
        op_lo,
        hi,
        ExprKind::Binary {
            op,
            x: bx(x),
            y: bx(y),
        },
    )
}

/// A binary expression read flat (`x op1 y1 op2 y2 ...`, each operator with its position)
/// grouped by precedence, equal operators to the left, as gc's parser groups it. With
/// stacks rather than recursion: a sum of 100,000 terms is one call.
pub fn binary_chain(x: Expr, rest: Vec<(u32, BinOp, Expr)>) -> Expr {
    // Left operands waiting for their right one, each with its operator (whose precedence
    // rises from bottom to top), and the operand read last.
    let mut waiting: Vec<(Expr, u32, BinOp)> = Vec::with_capacity(rest.len());
    let mut cur = x;
    for (lo, op, y) in rest {
        while waiting
            .last()
            .is_some_and(|&(_, _, top)| top.precedence() >= op.precedence())
        {
            if let Some((l, tlo, top)) = waiting.pop() {
                cur = binary(l, tlo, top, cur);
            }
        }
        waiting.push((cur, lo, op));
        cur = y;
    }
    while let Some((l, tlo, top)) = waiting.pop() {
        cur = binary(l, tlo, top, cur);
    }
    cur
}

/// `<-x`: a receive, or a receive-only channel type when `x` is a channel type
/// (gc re-associates `<-chan T` the same way).
pub fn recv<'a>(lo: u32, x: Expr) -> Result<Expr, PError<'a>> {
    let hi = x.span.hi;
    match x.kind {
        ExprKind::ChanType {
            dir: ChanDir::Both,
            elem,
        } => Ok(expr(
            lo,
            hi,
            ExprKind::ChanType {
                dir: ChanDir::Recv,
                elem,
            },
        )),
        ExprKind::ChanType {
            dir: ChanDir::Send, ..
        } => err(x.span.lo, "unexpected <-, expected chan"),
        kind => Ok(expr(
            lo,
            hi,
            ExprKind::Unary {
                op: UnOp::Recv,
                x: bx(Expr { kind, ..x }),
            },
        )),
    }
}

/// Checks that the type of a composite literal `x{...}` is one gc accepts there.
pub fn complit<'a>(
    ty: Expr,
    lbrace: u32,
    elts: Vec<Expr>,
    rbrace: u32,
) -> Result<Expr, PError<'a>> {
    match &unparen(&ty).kind {
        ExprKind::Ident(_)
        | ExprKind::Selector { .. }
        | ExprKind::Index { .. }
        | ExprKind::IndexList { .. }
        | ExprKind::ArrayType { .. }
        | ExprKind::MapType { .. }
        | ExprKind::StructType { .. } => {}
        _ => return err(lbrace, "syntax error: unexpected { at end of statement"),
    }
    if matches!(ty.kind, ExprKind::Paren(_)) {
        return err(
            lbrace,
            "syntax error: cannot parenthesize type in composite literal",
        );
    }
    Ok(expr(
        lbrace,
        rbrace + 1,
        ExprKind::CompositeLit {
            ty: Some(bx(ty)),
            elts,
            rbrace,
        },
    ))
}

pub fn string_lit(raw: &str) -> Vec<u8> {
    literal::decode_string(raw)
}

pub fn rune_lit(raw: &str) -> u32 {
    literal::decode_rune(raw)
}

pub fn import_spec(lo: u32, name: Option<Ident>, path_lo: u32, raw: &str, hi: u32) -> ImportSpec {
    let _ = path_lo;
    let bytes = literal::decode_string(raw);
    ImportSpec {
        name,
        path: String::from_utf8_lossy(&bytes).into_owned(),
        span: sp(lo, hi),
    }
}

/// Sets `iota` and `implicit` on the specs of a `const` group.
pub fn const_specs(mut specs: Vec<ValueSpec>) -> Vec<ValueSpec> {
    for (i, s) in specs.iter_mut().enumerate() {
        s.iota = i as u32;
        s.implicit = s.ty.is_none() && s.values.is_empty();
    }
    specs
}

pub fn value_spec(names: Vec<Ident>, ty: Option<Expr>, values: Vec<Expr>) -> ValueSpec {
    let lo = names.first().map(|n| n.span.lo).unwrap_or(0);
    let hi = values
        .last()
        .map(|v| v.span.hi)
        .or(ty.as_ref().map(|t| t.span.hi))
        .or(names.last().map(|n| n.span.hi))
        .unwrap_or(lo);
    ValueSpec {
        names,
        ty,
        values,
        iota: 0,
        implicit: false,
        span: sp(lo, hi),
    }
}

/// One entry of a parameter list before grouping, as gc's `paramDeclOrNil` returns it: a lone
/// identifier has only a name; `name Type` has both; a type has only a type.
pub struct Param {
    pub name: Option<Ident>,
    pub ty: Option<Expr>,
}

/// Groups a parameter list as gc does: if any entry is `name Type`, every lone identifier is a
/// name that shares the type of the next typed entry; otherwise all entries are types.
/// Returns the fields and whether the last one is variadic.
pub fn params<'a>(list: Vec<Param>, rparen: u32) -> Result<(Vec<Field>, bool), PError<'a>> {
    let variadic = list
        .last()
        .is_some_and(|p| matches!(p.ty.as_ref().map(|t| &t.kind), Some(ExprKind::Ellipsis(_))));
    let named = list
        .iter()
        .filter(|p| p.name.is_some() && p.ty.is_some())
        .count();
    let typed = list.iter().filter(|p| p.ty.is_some()).count();
    if named == 0 {
        let fields = list
            .into_iter()
            .filter_map(|p| p.ty.or(p.name.map(ident_expr)))
            .map(|ty| Field {
                names: vec![],
                span: ty.span,
                ty,
                embedded: false,
                tag: None,
            })
            .collect();
        return Ok((fields, variadic));
    }
    if named != list.len() {
        let mut err_pos = None;
        let mut have_typ = false;
        for p in list.iter().rev() {
            match (&p.name, &p.ty) {
                (_, Some(t)) => {
                    have_typ = true;
                    if p.name.is_none() {
                        err_pos = Some(t.span.lo);
                    }
                }
                (Some(n), None) if !have_typ => err_pos = Some(n.span.lo),
                _ => {}
            }
        }
        if let Some(pos) = err_pos {
            return if named == typed {
                err(rparen, "syntax error: missing parameter type")
            } else {
                err(pos, "syntax error: missing parameter name")
            };
        }
    }
    let mut fields = Vec::new();
    let mut pending: Vec<Ident> = Vec::new();
    for p in list {
        match (p.name, p.ty) {
            (Some(n), None) => pending.push(n),
            (Some(n), Some(ty)) => {
                pending.push(n);
                let lo = pending.first().map(|n| n.span.lo).unwrap_or(ty.span.lo);
                let span = sp(lo, ty.span.hi);
                fields.push(Field {
                    names: std::mem::take(&mut pending),
                    ty,
                    embedded: false,
                    tag: None,
                    span,
                });
            }
            (None, Some(ty)) => fields.push(Field {
                names: vec![],
                span: ty.span,
                ty,
                embedded: false,
                tag: None,
            }),
            (None, None) => {}
        }
    }
    Ok((fields, variadic))
}

/// `func(...) ...` signature; checks the use of `...` as gc's parser does.
pub fn func_type<'a>(
    lo: u32,
    params: (Vec<Field>, bool),
    results: Vec<Field>,
    hi: u32,
) -> Result<FuncType, PError<'a>> {
    let n = params.0.len();
    for (i, f) in params.0.iter().enumerate() {
        if matches!(f.ty.kind, ExprKind::Ellipsis(_)) && (i + 1 < n || f.names.len() > 1) {
            return err(f.ty.span.lo, "can only use ... with final parameter");
        }
    }
    for f in &results {
        if matches!(f.ty.kind, ExprKind::Ellipsis(_)) {
            return err(f.ty.span.lo, "invalid use of ...");
        }
    }
    Ok(FuncType {
        type_params: vec![],
        params: params.0,
        variadic: params.1,
        results,
        span: sp(lo, hi),
        lparen: lo,
    })
}

/// A result that is a single unparenthesized type.
pub fn single_result(ty: Expr) -> Vec<Field> {
    vec![Field {
        names: vec![],
        span: ty.span,
        ty,
        embedded: false,
        tag: None,
    }]
}

/// Checks a method's receiver list (gc reports at the method name, without "syntax error").
pub fn func_decl<'a>(
    lo: u32,
    recv: Option<(Vec<Field>, bool)>,
    name: Ident,
    tparams: Option<(u32, Vec<Field>)>,
    sig: FuncType,
    body: Option<Block>,
) -> Result<FuncDecl, PError<'a>> {
    let mut sig = sig;
    if let Some((lbrack, tp)) = tparams {
        if recv.is_some() {
            return err(lbrack, "syntax error: method must have no type parameters");
        }
        sig.type_params = tp;
    }
    let recv = match recv {
        None => None,
        Some((mut fields, _)) => {
            let n: usize = fields.iter().map(|f| f.names.len().max(1)).sum();
            match n {
                0 => return err(name.span.lo, "method has no receiver"),
                1 => Some(fields.remove(0)),
                _ => return err(name.span.lo, "method has multiple receivers"),
            }
        }
    };
    Ok(FuncDecl {
        recv,
        name,
        sig,
        body,
        span: sp(lo, lo + 4),
    })
}

/// `type name[tparams] = ty` (`alias`) or `type name[tparams] ty`.
pub fn type_spec(name: Ident, type_params: Vec<Field>, alias: bool, ty: Expr) -> TypeSpec {
    let span = name.span.to(ty.span);
    TypeSpec {
        name,
        type_params,
        alias,
        ty,
        span,
    }
}

/// Groups a type parameter list as gc does: every name shares the constraint of the next
/// entry that has one; a list (or tail) without constraint is gc's syntax error at the `]`.
pub fn type_params<'a>(list: Vec<Param>, rbrack: u32) -> Result<Vec<Field>, PError<'a>> {
    let mut fields = Vec::new();
    let mut pending: Vec<Ident> = Vec::new();
    for p in list {
        if let Some(n) = p.name {
            pending.push(n);
        }
        if let Some(ty) = p.ty {
            let lo = pending.first().map(|n| n.span.lo).unwrap_or(ty.span.lo);
            let span = sp(lo, ty.span.hi);
            fields.push(Field {
                names: std::mem::take(&mut pending),
                ty,
                embedded: false,
                tag: None,
                span,
            });
        }
    }
    if !pending.is_empty() {
        return err(rbrack, "syntax error: missing type constraint");
    }
    Ok(fields)
}

/// `x[a]` (an index expression or an instantiation with one type argument) or `x[a, b]`
/// (an instantiation) from `(lbrack, elements, trailing comma, rbrack)`.
pub fn instance(x: Expr, args: (u32, Vec<Expr>, Option<u32>, u32)) -> Expr {
    let (_, mut v, _, rbrack) = args;
    let lo = x.span.lo;
    let kind = if v.len() == 1 {
        ExprKind::Index {
            x: bx(x),
            index: bx(v.remove(0)),
        }
    } else {
        ExprKind::IndexList {
            x: bx(x),
            indices: v,
        }
    };
    expr(lo, rbrack + 1, kind)
}

/// `[n]elem` from a bracketed list after a field or parameter name, which must then hold
/// exactly one length expression.
pub fn array_of<'a>(
    args: (u32, Vec<Expr>, Option<u32>, u32),
    elem: Expr,
) -> Result<Expr, PError<'a>> {
    let (lbrack, mut v, comma, _) = args;
    if v.len() > 1 {
        return err(v[0].span.hi, "syntax error: unexpected comma, expected ]");
    }
    if let Some(c) = comma {
        return err(c, "syntax error: unexpected comma, expected ]");
    }
    let hi = elem.span.hi;
    let len = v.remove(0);
    Ok(expr(
        lbrack,
        hi,
        ExprKind::ArrayType {
            len: Some(bx(len)),
            elem: bx(elem),
        },
    ))
}

/// A struct field group `a, b T "tag"`.
pub fn struct_field(names: Vec<Ident>, ty: Expr, tag: Option<&str>) -> Field {
    let lo = names.first().map(|n| n.span.lo).unwrap_or(ty.span.lo);
    let span = sp(lo, ty.span.hi);
    Field {
        names,
        ty,
        embedded: false,
        tag: tag.map(|t| String::from_utf8_lossy(&literal::decode_string(t)).into_owned()),
        span,
    }
}

pub fn embedded_field(ty: Expr, tag: Option<&str>) -> Field {
    let span = ty.span;
    Field {
        names: vec![],
        ty,
        embedded: true,
        tag: tag.map(|t| String::from_utf8_lossy(&literal::decode_string(t)).into_owned()),
        span,
    }
}

/// Classifies a simple statement used as an `if`/`switch`/`for` condition.
pub fn cond_of<'a>(s: Stmt) -> Result<Expr, PError<'a>> {
    match s.kind {
        StmtKind::Expr(e) => Ok(e),
        StmtKind::Assign { lhs, op, rhs } => {
            let what = match op {
                AssignOp::Assign => format!(
                    "assignment {} = {}",
                    crate::gosrc::emphasize(&lhs),
                    crate::gosrc::emphasize(&rhs)
                ),
                AssignOp::Define => format!(
                    "{} := {}",
                    crate::gosrc::list(&lhs),
                    crate::gosrc::list(&rhs)
                ),
                AssignOp::Op(o) => format!(
                    "{} {}= {}",
                    crate::gosrc::list(&lhs),
                    o.as_str(),
                    crate::gosrc::list(&rhs)
                ),
            };
            err(
                s.span.lo,
                format!("syntax error: cannot use {what} as value"),
            )
        }
        StmtKind::IncDec { x, inc } => err(
            s.span.lo,
            format!(
                "syntax error: cannot use {}{} as value",
                crate::gosrc::expr(&x),
                if inc { "++" } else { "--" }
            ),
        ),
        StmtKind::Send { ch, value } => err(
            s.span.lo,
            format!(
                "syntax error: cannot use {} <- {} as value",
                crate::gosrc::expr(&ch),
                crate::gosrc::expr(&value)
            ),
        ),
        _ => err(s.span.lo, "syntax error: cannot use statement as value"),
    }
}

/// `switch` header: a type switch when the tag is `x.(type)` or `v := x.(type)`.
pub enum SwitchHead {
    Expr(Option<Expr>),
    Type(Option<Ident>, Expr),
}

pub fn switch_head<'a>(s: Option<Stmt>) -> Result<SwitchHead, PError<'a>> {
    let Some(s) = s else {
        return Ok(SwitchHead::Expr(None));
    };
    match s.kind {
        StmtKind::Expr(e) => {
            if let ExprKind::TypeAssert { ty: None, .. } = &e.kind {
                Ok(SwitchHead::Type(None, e))
            } else {
                Ok(SwitchHead::Expr(Some(e)))
            }
        }
        StmtKind::Assign {
            mut lhs,
            op: AssignOp::Define,
            mut rhs,
        } if lhs.len() == 1 && rhs.len() == 1 => {
            let (l, r) = (lhs.remove(0), rhs.remove(0));
            match (l.kind, &r.kind) {
                (ExprKind::Ident(id), ExprKind::TypeAssert { ty: None, .. }) => {
                    Ok(SwitchHead::Type(Some(id), r))
                }
                (lk, _) => cond_of(stmt(
                    s.span.lo,
                    s.span.hi,
                    StmtKind::Assign {
                        lhs: vec![Expr { kind: lk, ..l }],
                        op: AssignOp::Define,
                        rhs: vec![r],
                    },
                ))
                .map(|e| SwitchHead::Expr(Some(e))),
            }
        }
        kind => cond_of(Stmt { kind, ..s }).map(|e| SwitchHead::Expr(Some(e))),
    }
}

pub fn body_import<'a>(
    ctx: &Ctx,
    lo: u32,
    specs: Vec<ImportSpec>,
    in_case: bool,
) -> Result<Option<Stmt>, PError<'a>> {
    if ctx.lenient_imports {
        ctx.body_imports.borrow_mut().extend(specs);
        ctx.misplaced.borrow_mut().push(sp(lo, lo + 6));
        Ok(None)
    } else if in_case {
        err(
            lo,
            "syntax error: unexpected keyword import, expected case or default or }",
        )
    } else {
        err(lo, "syntax error: unexpected keyword import, expected }")
    }
}

pub fn tok_binop(t: Tok) -> BinOp {
    match t {
        Tok::Add | Tok::AddAssign => BinOp::Add,
        Tok::Sub | Tok::SubAssign => BinOp::Sub,
        Tok::Mul | Tok::MulAssign => BinOp::Mul,
        Tok::Quo | Tok::QuoAssign => BinOp::Div,
        Tok::Rem | Tok::RemAssign => BinOp::Rem,
        Tok::And | Tok::AndAssign => BinOp::And,
        Tok::Or | Tok::OrAssign => BinOp::Or,
        Tok::Xor | Tok::XorAssign => BinOp::Xor,
        Tok::Shl | Tok::ShlAssign => BinOp::Shl,
        Tok::Shr | Tok::ShrAssign => BinOp::Shr,
        Tok::AndNot | Tok::AndNotAssign => BinOp::AndNot,
        Tok::LAnd => BinOp::LAnd,
        Tok::LOr => BinOp::LOr,
        Tok::Eql => BinOp::Eq,
        Tok::Neq => BinOp::Ne,
        Tok::Lss => BinOp::Lt,
        Tok::Leq => BinOp::Le,
        Tok::Gtr => BinOp::Gt,
        _ => BinOp::Ge,
    }
}

pub fn slice_expr<'a>(
    x: Expr,
    lo: Option<Expr>,
    hi: Option<Expr>,
    max: Option<Option<Expr>>,
    colon2: u32,
    rbrack: u32,
) -> Result<Expr, PError<'a>> {
    let three = max.is_some();
    if let Some(max) = &max {
        if hi.is_none() {
            return err(colon2, "middle index required in 3-index slice");
        }
        if max.is_none() {
            return err(rbrack, "final index required in 3-index slice");
        }
    }
    let span = sp(x.span.lo, rbrack + 1);
    Ok(Expr {
        id: 0,
        span,
        kind: ExprKind::SliceExpr {
            x: bx(x),
            lo: lo.map(bx),
            hi: hi.map(bx),
            max: max.flatten().map(bx),
            three,
        },
    })
}

/// A top-level item before the file is assembled.
pub enum TopItem {
    Imports(Vec<ImportSpec>),
    Decl(Box<Decl>),
}

pub fn switch_stmt<'a>(
    lo: u32,
    init: Option<Stmt>,
    head: Option<Stmt>,
    body: (Vec<CaseClause>, u32),
) -> Result<Stmt, PError<'a>> {
    let (clauses, rbrace) = body;
    let init = init.map(Box::new);
    let kind = match switch_head(head)? {
        SwitchHead::Expr(tag) => StmtKind::Switch {
            init,
            tag,
            clauses,
            rbrace,
        },
        SwitchHead::Type(bind, x) => {
            let x = match x.kind {
                ExprKind::TypeAssert { x: inner, ty: None } => inner,
                k => Box::new(Expr { kind: k, ..x }),
            };
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                rbrace,
            }
        }
    };
    Ok(stmt(lo, rbrace + 1, kind))
}

pub fn for_stmt<'a>(
    lo: u32,
    init: Option<Stmt>,
    cond: Option<Expr>,
    post: Option<Stmt>,
    body: Block,
) -> Result<Stmt, PError<'a>> {
    if let Some(p) = &post {
        if let StmtKind::Assign {
            op: AssignOp::Define,
            ..
        } = p.kind
        {
            return err(
                p.span.lo,
                "syntax error: cannot declare in post statement of for loop",
            );
        }
    }
    let hi = body.span.hi;
    Ok(stmt(
        lo,
        hi,
        StmtKind::For {
            init: init.map(Box::new),
            cond,
            post: post.map(Box::new),
            body,
        },
    ))
}

pub fn range_stmt<'a>(
    lo: u32,
    lhs: Option<Vec<Expr>>,
    define: bool,
    x: Expr,
    body: Block,
) -> Result<Stmt, PError<'a>> {
    let mut lhs = lhs.unwrap_or_default().into_iter();
    let key = lhs.next();
    let value = lhs.next();
    if let Some(extra) = lhs.next() {
        return err(
            extra.span.lo,
            "range clause permits at most two iteration variables",
        );
    }
    let hi = body.span.hi;
    Ok(stmt(
        lo,
        hi,
        StmtKind::Range {
            key: key.map(Box::new),
            value: value.map(Box::new),
            define,
            x: Box::new(x),
            body,
        },
    ))
}

/// What the grammar's start symbol produced.
pub enum Start {
    File(File),
    Expr(Expr),
    Stmts(Vec<Stmt>),
    Decl(Box<Decl>),
}
