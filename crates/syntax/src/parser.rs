//! The parser driver: lexes, runs the generated LR(1) parser (`grammar/go.lalrpop`), numbers
//! the nodes, and turns parse failures into gc-worded diagnostics.
//!
//! Invariants:
//! - `parse_file` never panics; on failure it returns the lexical errors that precede the
//!   first syntax error, followed by that syntax error (gc stops caring after it too).
//! - On success every `Expr`/`Ident` has a fresh id in `first_id..next_id` (see `ids.rs`).

use crate::actions::{Ctx, PError, Start};
use crate::ast::{self, NodeId, Span};
use crate::lexer::{self, Spanned, Tok};
use crate::source::Diagnostic;
use crate::{errors, ids, ParseMode};

#[allow(
    clippy::all,
    clippy::pedantic,
    unused,
    unused_parens,
    non_snake_case,
    non_camel_case_types
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/go.rs"));
}

/// Parses one Go source file whose first byte is at global offset `base`.
pub fn parse_file(
    src: &str,
    base: u32,
    first_id: NodeId,
    mode: ParseMode,
) -> Result<ast::File, Vec<Diagnostic>> {
    let ctx = Ctx {
        lenient_imports: mode.lenient_imports,
        ..Ctx::default()
    };
    match run(src, base, None, &ctx)? {
        Start::File(mut f) => {
            f.imports.append(&mut ctx.body_imports.borrow_mut());
            f.misplaced_imports = std::mem::take(&mut ctx.misplaced.borrow_mut());
            ids::assign(&mut f, first_id);
            Ok(f)
        }
        _ => Err(vec![Diagnostic::new(
            Span::new(base, base),
            "syntax error: package statement must be first",
        )]),
    }
}

/// Parses a single expression (for the REPL). Returns the expression and the next free id.
pub fn parse_expr(
    src: &str,
    base: u32,
    first_id: NodeId,
) -> Result<(ast::Expr, NodeId), Vec<Diagnostic>> {
    let ctx = Ctx::default();
    match run(src, base, Some(Tok::StartExpr), &ctx)? {
        Start::Expr(mut e) => {
            let next = ids::assign_expr(&mut e, first_id);
            Ok((e, next))
        }
        _ => Err(vec![Diagnostic::new(
            Span::new(base, base),
            "syntax error: expected expression",
        )]),
    }
}

/// Parses a statement list as found inside a function body (for the REPL). Imports are not
/// accepted. Returns the statements and the next free id.
pub fn parse_stmts(
    src: &str,
    base: u32,
    first_id: NodeId,
) -> Result<(Vec<ast::Stmt>, NodeId), Vec<Diagnostic>> {
    let ctx = Ctx::default();
    match run(src, base, Some(Tok::StartStmts), &ctx)? {
        Start::Stmts(stmts) => {
            // Number through a synthetic block wrapped in a function literal's body.
            let mut body = ast::Expr {
                id: 0,
                span: Span::new(base, base),
                kind: ast::ExprKind::FuncLit {
                    sig: ast::FuncType {
                        params: vec![],
                        results: vec![],
                        variadic: false,
                        span: Span::new(base, base),
                    },
                    body: ast::Block {
                        stmts,
                        span: Span::new(base, base),
                    },
                },
            };
            // The wrapper takes `first_id`; statements are numbered from `first_id + 1`, so
            // renumber with `first_id - 1` when possible to start exactly at `first_id`.
            let start = first_id.wrapping_sub(1);
            let next = ids::assign_expr(&mut body, start);
            match body.kind {
                ast::ExprKind::FuncLit { body, .. } => Ok((body.stmts, next)),
                _ => Ok((Vec::new(), next)),
            }
        }
        _ => Err(vec![Diagnostic::new(
            Span::new(base, base),
            "syntax error: expected statement",
        )]),
    }
}

/// Deepest bracket nesting accepted: the tree walkers (and `Drop`) recurse per level.
const MAX_NESTING: usize = 1000;

fn run<'a>(
    src: &'a str,
    base: u32,
    start: Option<Tok<'a>>,
    ctx: &Ctx,
) -> Result<Start, Vec<Diagnostic>> {
    // Positions are u32 and computed as `token + small constant`: leave headroom.
    if u32::try_from(src.len())
        .ok()
        .and_then(|n| base.checked_add(n))
        .and_then(|e| e.checked_add(64))
        .is_none()
    {
        return Err(vec![Diagnostic::new(
            Span::new(base, base),
            "file too large",
        )]);
    }
    let lexed = lexer::lex(src, base);
    let mut depth = 0usize;
    for &(lo, t, _) in &lexed.tokens {
        match t {
            Tok::LParen | Tok::LBrack | Tok::LBrace => depth += 1,
            Tok::RParen | Tok::RBrack | Tok::RBrace => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_NESTING {
            return Err(vec![Diagnostic::new(
                Span::new(lo, lo + 1),
                "syntax error: nesting too deep",
            )]);
        }
    }
    let mut tokens: Vec<Spanned<'a>> = Vec::with_capacity(lexed.tokens.len() + 1);
    if let Some(t) = start {
        tokens.push((base, t, base));
    }
    tokens.extend(lexed.tokens);
    let eof = base.saturating_add(u32::try_from(src.len()).unwrap_or(u32::MAX));
    let parser = generated::StartParser::new();
    let result = parser.parse(
        ctx,
        tokens.iter().map(|&t| Ok::<Spanned<'a>, Diagnostic>(t)),
    );
    match result {
        Ok(s) if lexed.errors.is_empty() => Ok(s),
        Ok(_) => Err(lexed.errors),
        Err(e) => {
            let d = errors::describe(e, &tokens, eof);
            let mut out: Vec<Diagnostic> = lexed
                .errors
                .into_iter()
                .filter(|l| l.span.lo < d.span.lo)
                .collect();
            out.push(d);
            Err(out)
        }
    }
}

/// Re-exported for the error module.
pub(crate) type ParseErr<'a> = PError<'a>;
