//! The compiler's decision of which local variables get a heap cell, given the escape
//! analysis: a candidate (a variable whose address is taken or that a function literal
//! captures: `gosub_escape::addr_taken_or_captured`, the analysis's own walk) keeps its frame
//! slot unless the analysis says its address may outlive the frame (`Escapes::boxed`: gc's
//! "moved to heap" plus the variables captured by closures that escape or that defer/go
//! run, since gosub captures by reference). Narrow scalars (bool, 8/16/32-bit numbers,
//! complex) are boxed when their address is taken regardless, because their register form
//! (a canonical 64-bit word) differs from their memory form.
//!
//! A function the analysis did not cover (`Escapes::analyzed`: function literals in
//! package-level initialisers, which run in no frame the analysis models) boxes every
//! candidate, which is always sound.
//!
//! Also here: `gosub disasm`'s report of these decisions (`frame_report`).

use gosub_escape::{addr_taken_or_captured, Escapes};
use gosub_layered::HashSet;
use gosub_syntax::ast::{self, Expr, ExprKind, NodeId, Stmt};
use gosub_syntax::walk::{self, Node};
use gosub_types::{BasicKind, ObjId, Program, TypeKind};

/// The variables of the function `key` (FuncDecl name or FuncLit node) that need a heap cell.
pub fn boxed_vars_for(
    p: &Program,
    body: &ast::Block,
    key: NodeId,
    esc: &Escapes,
) -> HashSet<ObjId> {
    let cands = addr_taken_or_captured(p, body);
    if !esc.analyzed.contains(&key) {
        return cands;
    }
    cands
        .into_iter()
        .filter(|o| esc.boxed.contains(o) || is_narrow(p, *o))
        .collect()
}

fn is_narrow(p: &Program, o: ObjId) -> bool {
    use BasicKind::*;
    matches!(
        p.types.under(p.obj(o).ty),
        TypeKind::Basic(
            Bool | Int8
                | Int16
                | Int32
                | Uint8
                | Uint16
                | Uint32
                | Float32
                | Complex64
                | Complex128
                | UntypedBool
                | UntypedRune
        )
    )
}

/// For `gosub disasm`: one line per function of the user's package that has address-taken or
/// captured locals, telling which live in the frame and which are boxed on the heap.
pub fn frame_report(p: &Program, esc: &Escapes) -> Vec<String> {
    let mut out = Vec::new();
    let Some(pkg) = p.packages.last() else {
        return out;
    };
    for f in pkg.files.iter() {
        for d in &f.decls {
            let ast::Decl::Func(fd) = d else { continue };
            let Some(body) = fd.body.as_ref().filter(|_| !p.is_generic(fd)) else {
                continue;
            };
            let mut lits = Vec::new();
            collect_lits(&body.stmts, &mut lits);
            let mut report = |name: String, key: NodeId, b: &ast::Block, params: Vec<ObjId>| {
                let mut cands: Vec<ObjId> = addr_taken_or_captured(p, b)
                    .into_iter()
                    .filter(|o| p.obj(*o).owner == Some(key) || params.contains(o))
                    .collect();
                if cands.is_empty() {
                    return;
                }
                cands.sort();
                let boxed = boxed_vars_for(p, b, key, esc);
                let names = |v: Vec<&ObjId>| {
                    v.iter()
                        .map(|o| p.obj(**o).name.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let (h, fr): (Vec<&ObjId>, Vec<&ObjId>) =
                    cands.iter().partition(|o| boxed.contains(o));
                out.push(format!(
                    "locals of {}: boxed on the heap: [{}]; in the frame: [{}]",
                    name,
                    names(h),
                    names(fr)
                ));
            };
            let fv = p.func_vars(fd.name.id).clone();
            let params: Vec<ObjId> = fv
                .recv
                .iter()
                .chain(fv.params.iter())
                .chain(fv.results.iter())
                .copied()
                .collect();
            report(format!("main.{}", fd.name.name), fd.name.id, body, params);
            let mut n = 0;
            for lit in &lits {
                if let ExprKind::FuncLit { body, .. } = &lit.kind {
                    let fv = p.func_vars(lit.id).clone();
                    let params: Vec<ObjId> =
                        fv.params.iter().chain(fv.results.iter()).copied().collect();
                    // A range-over-func loop body is gc's `F-rangeN`.
                    let name = match p.info.rangefunc.bodies.get(&lit.id) {
                        Some(b) if b.parent == fd.name.id => {
                            format!("main.{}-range{}", fd.name.name, b.index)
                        }
                        _ => {
                            n += 1;
                            format!("main.{}.func{}", fd.name.name, n)
                        }
                    };
                    report(name, lit.id, body, params);
                }
            }
        }
    }
    out
}

/// The function literals in `ss`, in source order (pre-order: an enclosing literal before
/// those inside it).
fn collect_lits<'a>(ss: &'a [Stmt], out: &mut Vec<&'a Expr>) {
    walk::inspect_code_stmts(ss, &mut |n| {
        if let Node::Expr(
            e @ Expr {
                kind: ExprKind::FuncLit { .. },
                ..
            },
        ) = n
        {
            out.push(e);
        }
        true
    });
}
