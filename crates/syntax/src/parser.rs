//! The parser driver: lexes, runs the generated LR(1) parser (`grammar/go.lalrpop`), numbers
//! the nodes, and turns parse failures into gc-worded diagnostics.
//!
//! Invariants:
//! - `parse_file` never panics; on failure it returns every error of the file as gc reports
//!   them: the LR parser finds the first syntax error, `recovery.rs` (gc's own recovery,
//!   ported) the ones that follow it.
//! - On success every `Expr`/`Ident` has a fresh id in `first_id..next_id` (see `ids.rs`).

use crate::actions::{Ctx, PError, Start};
use crate::ast::{self, NodeId, Span};
use crate::lexer::{self, Spanned, Tok};
use crate::source::Diagnostic;
use crate::{errors, ids, recovery, ParseMode};

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
    file(src, base, first_id, mode, None)
}

/// How a file's function bodies are left out: their spans are collected in `bodies`;
/// `known`, when not empty, says where they are (byte offsets in the file, as
/// `gosub_std::file_facts` records them), so their text is not even lexed; so are the
/// declarations at `decls`, each left as an empty `const ()`.
struct Lazy<'b> {
    bodies: &'b mut Vec<Span>,
    known: &'b [(u32, u32)],
    decls: &'b [(u32, u32)],
}

/// `parse_file`, leaving the function bodies out when `lazy` says so.
fn file(
    src: &str,
    base: u32,
    first_id: NodeId,
    mode: ParseMode,
    lazy: Option<Lazy<'_>>,
) -> Result<ast::File, Vec<Diagnostic>> {
    let ctx = Ctx {
        lenient_imports: mode.lenient_imports,
        ..Ctx::default()
    };
    match run(src, base, None, &ctx, lazy)? {
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
    match run(src, base, Some(Tok::StartExpr), &ctx, None)? {
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

/// Parses one top-level declaration, `src` being its text (whose first byte is at `base`),
/// numbering its nodes from `first_id`: a declaration `parse_file_lazy_known` left out.
/// A function's body at `body` (byte offsets in `src`, `{` to `}` inclusive) is left out
/// as `parse_file_lazy` leaves bodies out, for `parse_body`. Returns the declaration and
/// the next free id.
pub fn parse_decl(
    src: &str,
    base: u32,
    first_id: NodeId,
    body: Option<(u32, u32)>,
) -> Result<(ast::Decl, NodeId), Vec<Diagnostic>> {
    let ctx = Ctx::default();
    let mut spans = Vec::new();
    let known: Vec<(u32, u32)> = body.into_iter().collect();
    let lazy = body.map(|_| Lazy {
        bodies: &mut spans,
        known: &known,
        decls: &[],
    });
    match run(src, base, Some(Tok::StartDecl), &ctx, lazy)? {
        Start::Decl(mut d) => {
            let next = ids::assign_decl(&mut d, first_id);
            Ok((*d, next))
        }
        _ => Err(vec![Diagnostic::new(
            Span::new(base, base),
            "syntax error: expected declaration",
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
    match run(src, base, Some(Tok::StartStmts), &ctx, None)? {
        Start::Stmts(stmts) => {
            // Number through a synthetic block wrapped in a function literal's body.
            let mut body = ast::Expr {
                id: 0,
                span: Span::new(base, base),
                kind: ast::ExprKind::FuncLit {
                    sig: Box::new(ast::FuncType {
                        type_params: vec![],
                        params: vec![],
                        results: vec![],
                        variadic: false,
                        span: Span::new(base, base),
                        lparen: base,
                    }),
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

/// A function body `parse_file_lazy` left out: the declaration's index in `File::decls`,
/// and the body's span (`{` to `}` inclusive, as `Block::span`).
#[derive(Clone, Copy, Debug)]
pub struct LazyBody {
    pub decl: usize,
    pub span: Span,
}

/// `parse_file`, except that each top-level function body is left out: the declaration
/// gets an empty `Block` with the body's span, and the returned `LazyBody`s say where the
/// bodies are, for `parse_body` to parse the ones a program can reach. Parsing only the
/// declarations of the standard library is most of what importing it costs otherwise.
pub fn parse_file_lazy(
    src: &str,
    base: u32,
    first_id: NodeId,
) -> Result<(ast::File, Vec<LazyBody>), Vec<Diagnostic>> {
    parse_file_lazy_known(src, base, first_id, &[], &[])
}

/// `parse_file_lazy` of a file whose bodies are known to lie at `known` (byte offsets
/// `lo..hi` from `{` to `}` inclusive, as `parse_file_lazy` finds them at base
/// 0): their text is not lexed. Nor is that of the top-level declarations at `decls`
/// (keyword to end, in order): each is an empty `const ()` in the file, for `parse_decl`
/// to parse when it is wanted. Where the places do not fit the
/// text, it is as `parse_file_lazy`.
pub fn parse_file_lazy_known(
    src: &str,
    base: u32,
    first_id: NodeId,
    known: &[(u32, u32)],
    decls: &[(u32, u32)],
) -> Result<(ast::File, Vec<LazyBody>), Vec<Diagnostic>> {
    let mut spans = Vec::new();
    let lazy = Lazy {
        bodies: &mut spans,
        known,
        decls,
    };
    let f = file(src, base, first_id, ParseMode::default(), Some(lazy))?;
    // (In the caller's order when they came from `known`.)
    spans.sort_unstable_by_key(|sp| sp.lo);
    let mut bodies = Vec::with_capacity(spans.len());
    for (i, d) in f.decls.iter().enumerate() {
        if let ast::Decl::Func(ast::FuncDecl { body: Some(b), .. }) = d {
            if let Ok(k) = spans.binary_search_by_key(&b.span.lo, |sp| sp.lo) {
                bodies.push(LazyBody {
                    decl: i,
                    span: spans[k],
                });
            }
        }
    }
    Ok((f, bodies))
}

/// Parses a body `parse_file_lazy` left out of the file `src` (whose first byte is at
/// `base`), numbering its nodes from `first_id`. Returns the block and the next free id.
pub fn parse_body(
    src: &str,
    base: u32,
    body: &LazyBody,
    first_id: NodeId,
) -> Result<(ast::Block, NodeId), Vec<Diagnostic>> {
    let lo = body.span.lo.saturating_sub(base) as usize + 1;
    let hi = (body.span.hi.saturating_sub(base) as usize).saturating_sub(1);
    let text = src.get(lo..hi.max(lo)).unwrap_or("");
    let (stmts, next) = parse_stmts(text, body.span.lo + 1, first_id)?;
    Ok((
        ast::Block {
            stmts,
            span: body.span,
        },
        next,
    ))
}

/// Drops the tokens inside each top-level function body, keeping its braces (so the parser
/// sees `func f() {}`), and records each body's span in `bodies`, in source order. A body is
/// the first `{` after a declaration's `func` at bracket depth 0 that does not open a
/// `struct` or `interface` type literal of the signature.
fn leave_out_bodies(tokens: &mut Vec<Spanned<'_>>, bodies: &mut Vec<Span>) {
    // Compacts in place: `w` (tokens kept) never passes `i` (tokens read).
    let mut w = 0;
    let mut depth = 0i32;
    let mut i = 0;
    while let Some(&t) = tokens.get(i) {
        tokens[w] = t;
        w += 1;
        i += 1;
        match t.1 {
            Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => depth += 1,
            Tok::RParen | Tok::RBrack | Tok::RBrace => depth -= 1,
            // A declaration's `func` follows a semicolon (`var f = func() {...}` is not one).
            Tok::Func
                if depth == 0
                    && matches!(w.checked_sub(2).map(|k| tokens[k].1), Some(Tok::Semi(_))) =>
            {
                // The signature, up to the body's `{` or the declaration's end.
                let mut d = 0i32;
                while let Some(&s) = tokens.get(i) {
                    let prev = tokens[w - 1].1;
                    match s.1 {
                        Tok::LBrace if d == 0 && !matches!(prev, Tok::Struct | Tok::Interface) => {
                            break
                        }
                        Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => d += 1,
                        Tok::RParen | Tok::RBrack | Tok::RBrace => d -= 1,
                        Tok::Semi(_) if d <= 0 => break,
                        _ => {}
                    }
                    tokens[w] = s;
                    w += 1;
                    i += 1;
                }
                if !matches!(tokens.get(i), Some((_, Tok::LBrace, _))) {
                    continue;
                }
                // The body: keep `{` and its matching `}`.
                let open = tokens[i];
                let mut d = 0i32;
                let mut j = i;
                while let Some(&s) = tokens.get(j) {
                    match s.1 {
                        Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => d += 1,
                        Tok::RParen | Tok::RBrack | Tok::RBrace => d -= 1,
                        _ => {}
                    }
                    if d == 0 {
                        break;
                    }
                    j += 1;
                }
                let Some(&close) = tokens.get(j).filter(|c| c.1 == Tok::RBrace) else {
                    // Unbalanced: leave the rest for the parser to report.
                    continue;
                };
                tokens[w] = open;
                tokens[w + 1] = close;
                w += 2;
                bodies.push(Span::new(open.0, close.2));
                i = j + 1;
            }
            _ => {}
        }
    }
    tokens.truncate(w);
}

/// Deepest bracket nesting accepted (gc compiles at least 50,000 parentheses). The tree
/// walkers (and `Drop`) recurse per level, on the front end's own stack (1 GiB for
/// embedders, `src/front_stack.rs`; 4 GiB in the CLI): 99,000 levels take 0.2 s and about
/// 150 MB, and also check in a debug build on the 1 GiB stack.
const MAX_NESTING: usize = 100_000;

fn run<'a>(
    src: &'a str,
    base: u32,
    start: Option<Tok<'a>>,
    ctx: &Ctx,
    lazy: Option<Lazy<'_>>,
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
    let around = match &lazy {
        Some(l) if !l.known.is_empty() || !l.decls.is_empty() => {
            // (A body inside a declaration left out goes with it.)
            let inside = |lo: u32| l.decls.iter().any(|&(dlo, dhi)| dlo <= lo && lo < dhi);
            let bodies = (l.known.iter())
                .filter(|&&(lo, _)| !inside(lo))
                .map(|&(lo, hi)| (lo, hi, lexer::Skipped::Body));
            let decls = l
                .decls
                .iter()
                .map(|&(lo, hi)| (lo, hi, lexer::Skipped::Decl));
            let mut skip: Vec<(u32, u32, lexer::Skipped)> = bodies.chain(decls).collect();
            skip.sort_unstable_by_key(|s| s.0);
            lexer::lex_around(src, base, &skip)
        }
        _ => None,
    };
    let cut = around.is_some();
    let lexed = around.unwrap_or_else(|| lexer::lex(src, base));
    let mut depth = 0usize;
    for &(lo, t, _) in &lexed.tokens {
        match t {
            Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => depth += 1,
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
    // (The lexer leaves room for the start token: no copy.)
    let mut tokens: Vec<Spanned<'a>> = lexed.tokens;
    if let Some(t) = start {
        tokens.insert(0, (base, t, base));
    }
    mark_type_params(&mut tokens);
    match lazy {
        Some(l) if cut => l.bodies.extend(
            l.known
                .iter()
                .map(|&(lo, hi)| Span::new(base + lo, base + hi)),
        ),
        Some(l) => leave_out_bodies(&mut tokens, l.bodies),
        None => {}
    }
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
            if start.is_none() {
                let lenient = ctx.lenient_imports;
                return Err(recovery::report(
                    src,
                    base,
                    &tokens,
                    lexed.errors,
                    d,
                    lenient,
                ));
            }
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

/// Turns the `[` after the name of each type declaration into `Tok::LBrackTParams` when it
/// opens a type parameter list, deciding as gc's `typeDecl` does (an LR(1) grammar cannot:
/// `type T[P any] ...` and `type T [N]int` agree until after `P`/`N`). gc parses the bracket's
/// start as an expression and splits it into a parameter name and a constraint:
/// - `[]`, `[...`, a non-name, or a single name followed by `]` (`[N]`): an array length;
/// - a name followed by a token that cannot continue an expression (`[P any`, `[P ~int`,
///   `[P interface{`, `[P []E`, `[P, Q any`): a type parameter list;
/// - a name followed by an expression (`[N + 1]`, `[pkg.N]`, `[P | Q]`): an array length,
///   except `[P *C ...` and `[P (C) ...` (the spec's ambiguity): type parameters when the
///   rest contains a type literal or `~` (`[P *[]int]`, `[P *C | ~int]`) or is followed by a
///   comma (`[P *C,]`), otherwise an array (`[P *C]` is `[P*C]`, as gc decides).
pub(crate) fn mark_type_params(toks: &mut [Spanned<'_>]) {
    let mut depth = 0i32;
    // Bracket depths just inside the `(` of open `type ( ... )` groups.
    let mut groups: Vec<i32> = Vec::new();
    for i in 0..toks.len() {
        let prev = i.checked_sub(1).map(|j| toks[j].1);
        match toks[i].1 {
            Tok::Ident(_) => {
                let spec_start = match prev {
                    Some(Tok::Type) => true,
                    Some(Tok::LParen | Tok::Semi(_)) => groups.last() == Some(&depth),
                    _ => false,
                };
                if spec_start
                    && matches!(toks.get(i + 1), Some((_, Tok::LBrack, _)))
                    && is_type_param_list(toks, i + 1)
                {
                    toks[i + 1].1 = Tok::LBrackTParams;
                }
            }
            Tok::LParen => {
                depth += 1;
                if prev == Some(Tok::Type) {
                    groups.push(depth);
                }
            }
            Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => depth += 1,
            Tok::RParen => {
                if groups.last() == Some(&depth) {
                    groups.pop();
                }
                depth -= 1;
            }
            Tok::RBrack | Tok::RBrace => depth -= 1,
            _ => {}
        }
    }
}

/// gc's decision for the `[` at `lb` after a type declaration's name; see `mark_type_params`.
fn is_type_param_list(toks: &[Spanned<'_>], lb: usize) -> bool {
    let tok = |j: usize| toks.get(j).map(|t| t.1);
    if !matches!(tok(lb + 1), Some(Tok::Ident(_))) {
        return false;
    }
    // The first entry: up to the first comma at this level, or the closing `]`.
    let mut d = 0i32;
    let mut end = None;
    for (j, t) in toks.iter().enumerate().skip(lb + 1) {
        match t.1 {
            Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => d += 1,
            Tok::RParen | Tok::RBrace => d -= 1,
            Tok::RBrack if d == 0 => {
                end = Some((j, false));
                break;
            }
            Tok::RBrack => d -= 1,
            Tok::Comma if d == 0 => {
                end = Some((j, true));
                break;
            }
            Tok::Semi(_) if d == 0 => break,
            _ => {}
        }
        if d < 0 {
            break;
        }
    }
    let Some((end, force)) = end else {
        // Unbalanced: whichever reading, the grammar reports the error.
        return false;
    };
    match tok(lb + 2) {
        Some(Tok::RBrack) => false,
        Some(Tok::Mul) => {
            let rest = &toks[lb + 3..end];
            !has_binary_op_but_or(rest) && (force || has_type_elem(rest))
        }
        Some(Tok::LParen) => {
            // `P(arg)`: the whole entry must be that one call.
            let args = &toks[lb + 3..end.saturating_sub(1)];
            matches!(tok(end.saturating_sub(1)), Some(Tok::RParen))
                && end > lb + 3
                && balanced_single(args)
                && (force || has_type_elem(args))
        }
        Some(t) => !continues_expr(t),
        None => false,
    }
}

/// Tokens that continue an expression after an operand (gc's pexpr/binaryExpr loop).
fn continues_expr(t: Tok<'_>) -> bool {
    t.is_binary_op() || matches!(t, Tok::Period | Tok::LParen | Tok::LBrace)
}

/// True if a token ends an operand, so that an operator after it is binary.
fn ends_operand(t: Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Ident(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Rune(_)
            | Tok::Str(_)
            | Tok::RParen
            | Tok::RBrack
            | Tok::RBrace
    )
}

/// The top-level tokens of `toks` (outside nested brackets) with their predecessors.
fn top_level<'a>(toks: &[Spanned<'a>]) -> Vec<(Option<Tok<'a>>, Tok<'a>)> {
    let mut out = Vec::new();
    let mut d = 0i32;
    let mut prev = None;
    for t in toks {
        if d == 0 {
            out.push((prev, t.1));
        }
        match t.1 {
            Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => d += 1,
            Tok::RParen | Tok::RBrack | Tok::RBrace => d -= 1,
            _ => {}
        }
        prev = Some(t.1);
    }
    out
}

/// `P *C * D` is `(P*C)*D`, no longer a name times a type: a binary operator other than `|`
/// at the top level makes the entry an expression.
fn has_binary_op_but_or(toks: &[Spanned<'_>]) -> bool {
    top_level(toks)
        .into_iter()
        .any(|(p, t)| t.is_binary_op() && t != Tok::Or && p.is_some_and(ends_operand))
}

/// gc's `isTypeElem`, on tokens: a type literal or `~` among the top-level operands.
fn has_type_elem(toks: &[Spanned<'_>]) -> bool {
    top_level(toks).into_iter().any(|(p, t)| match t {
        Tok::Tilde | Tok::Struct | Tok::Func | Tok::Interface | Tok::Map | Tok::Chan => true,
        Tok::LBrack => !p.is_some_and(ends_operand),
        _ => false,
    })
}

/// True if `toks` is one argument: no top-level comma and no `...`.
fn balanced_single(toks: &[Spanned<'_>]) -> bool {
    let mut d = 0i32;
    for t in toks {
        match t.1 {
            Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => d += 1,
            Tok::RParen | Tok::RBrack | Tok::RBrace => d -= 1,
            _ => {}
        }
        if d < 0 {
            return false;
        }
    }
    !toks.is_empty()
        && !top_level(toks)
            .into_iter()
            .any(|(_, t)| matches!(t, Tok::Comma | Tok::Ellipsis))
}

/// Re-exported for the error module.
pub(crate) type ParseErr<'a> = PError<'a>;
