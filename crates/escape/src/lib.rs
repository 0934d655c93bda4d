//! gosub-escape: escape analysis with gc's `-m` diagnostics.
//!
//! Decides, for every local variable and every allocation site of the program, whether it
//! may live in its function's frame or must be on the GC heap, for the same reasons as gc's
//! cmd/compile/internal/escape (see docs/escape.md):
//! - `graph.rs`: locations and dereference-counted assignment edges;
//! - the AST → graph rules, one per node kind, split by concept as gc's escape package:
//!   `build.rs` (the builder context and per-function driver), `stmt.rs`, `assign.rs`,
//!   `expr.rs`, `call.rs`, `builtin.rs`, `alloc.rs` (allocation sites), `closure.rs`;
//! - `prescan.rs`: per-function facts used by the rules (address taken, reassigned, ...);
//! - `solve.rs`: the fixed-point walk (escapes, parameter leaks, the loop-depth rule);
//! - `summary.rs`: call-graph SCCs analysed bottom-up and per-parameter summaries;
//! - `diag.rs`: the `-m` / `-m -m` messages in gc's words.
//!
//! Soundness contract for the compiler: a variable not in `boxed` never has its address
//! outlive its frame, and an allocation in `stack_allocs` never has its address outlive the
//! frame of the function that contains it (nor the loop iteration that made it, when a
//! variable declared outside the loop keeps it).
//!
//! The analysis is a stage of the driver (parse → check → escape → compile): `analyze` runs
//! once per compilation and its result is both what the compiler acts on and what `-m`
//! prints. It never panics; an inconsistency it cannot analyse past is an `InternalError`,
//! which the driver reports as a compile error (`internal compiler error: ...`).
//!
//! Architecture Invariant: depends only on gosub-syntax and gosub-types (checked by
//! `tests/architecture.rs`); no `unsafe` code (`forbid` below).

#![forbid(unsafe_code)]

pub mod alloc;
pub mod assign;
pub mod build;
pub mod builtin;
pub mod call;
pub mod closure;
pub mod diag;
pub mod expr;
pub mod graph;
pub mod move2heap;
pub mod prescan;
pub mod solve;
pub mod stmt;
pub mod summary;
pub mod types_util;

use gosub_syntax::ast::{NodeId, Span};
use gosub_syntax::{Diagnostic, SourceMap};
use gosub_types::{Chunked, Layered, LayeredSet, ObjId, Program};

pub use alloc::AllocKind;
pub use prescan::{addr_facts, addr_taken, addr_taken_or_captured, written};

/// The analysis result.
#[derive(Clone, Debug, Default)]
/// Its sets, summaries and lines are shared between an eval session's successive
/// analyses (layered, `gosub_layered`): `analyze_more` adds to a copy that shares
/// what the previous analysis found, and freezes what it added.
pub struct Escapes {
    /// Spans of the generic declarations whose instances were analysed (for `-m`).
    pub generic_spans: Vec<gosub_syntax::ast::Span>,
    /// For each of `lines`: the GC shapes of the instances of generic code in its batch.
    pub line_shapes: Chunked<String>,
    /// Local variables (and parameters) whose address outlives their frame (gc's
    /// "moved to heap").
    pub moved_to_heap: LayeredSet<ObjId>,
    /// Variables gosub must give a heap cell: `moved_to_heap` plus variables captured by a
    /// closure that escapes or is run by `defer`/`go` (gosub captures by reference).
    pub boxed: LayeredSet<ObjId>,
    /// Allocation sites (expression NodeIds: `new(T)` and `make` calls, `&T{}`, composite
    /// literals, function literals, conversions, concatenations) that escape.
    pub heap_allocs: LayeredSet<NodeId>,
    /// Allocation sites that do not escape.
    pub stack_allocs: LayeredSet<NodeId>,
    /// Function literals used by `defer`/`go` statements.
    pub deferred_lits: LayeredSet<NodeId>,
    /// Objects the compiler may place in the frame: non-escaping `new(T)` calls, `&T{...}`
    /// literals (keyed by the composite literal's node) and closures (not run by defer/go).
    pub stack_objects: LayeredSet<NodeId>,
    /// Values boxed into an interface whose box does not escape (by the boxed expression).
    pub stack_boxes: LayeredSet<NodeId>,
    /// Calls whose `...` argument slice does not escape (by the call's node).
    pub stack_ddd: LayeredSet<NodeId>,
    /// `[]byte(s)` conversions (call nodes) that may share the string's bytes.
    pub zero_copy: LayeredSet<NodeId>,
    /// gc's slice pass: appends that may grow in a frame buffer, and the moves of their
    /// slices to the heap before they stop being exclusive (`move2heap.rs`).
    pub move2heap: move2heap::Move2Heap,
    /// Functions (FuncDecl name nodes and FuncLit nodes) the analysis covered; variables of
    /// other functions (e.g. literals in package-level initialisers) get no decision.
    pub analyzed: LayeredSet<NodeId>,
    /// (position, message, in the user's package), in gc's order.
    lines: Chunked<(u32, String, bool)>,
    explain: Chunked<(u32, String, bool)>,
    /// End indices into (`explain`, `lines`) after each analysed batch (a function or a
    /// group of mutually recursive ones): gc prints each batch's flows, then its lines.
    batch_ends: Chunked<(usize, usize)>,
    /// Each analysed or native function's summary (what its parameters leak to), for the
    /// analysis of code added later (`analyze_more`).
    tags: Layered<graph::FnKey, Vec<graph::Leaks>>,
    /// Where the analysed program's functions are declared.
    decl_index: summary::DeclIndex,
}

/// An inconsistency in the checked program that the analysis cannot go past (gc's
/// `base.Fatalf`): a bug in gosub, never a property of the user's program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InternalError {
    /// Where the analysis was (the function being analysed).
    pub pos: u32,
    pub msg: String,
}

impl InternalError {
    /// The compile error the driver reports: `FILE:L:C: internal compiler error: ...`.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic::new(
            Span::new(self.pos, self.pos),
            format!("internal compiler error: escape analysis: {}", self.msg),
        )
    }
}

impl std::fmt::Display for InternalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "internal compiler error: escape analysis: {}", self.msg)
    }
}

/// Analyses the whole program; with `explain`, also records the `-m -m` flow explanations
/// (they never change a decision).
pub fn analyze(p: &Program, explain: bool) -> Result<Escapes, InternalError> {
    analyze_from(p, explain, Escapes::default(), &LayeredSet::default())
}

/// `analyze` of a program that grew from the one `prev` was computed for (an eval
/// session's next input): only the functions `prev` did not cover are analysed, with the
/// summaries `prev` has of the functions they call, and `prev`'s decisions stay. Sound
/// because code analysed before cannot call code added later: a session only appends
/// declarations, so no earlier summary depends on a new function. An input then costs
/// what its own code costs, not what the session has grown to.
pub fn analyze_more(p: &Program, prev: &Escapes, explain: bool) -> Result<Escapes, InternalError> {
    analyze_from(p, explain, prev.clone(), &prev.analyzed)
}

/// Extends `out` with the analysis of the functions not in `done` (those `out` covers).
fn analyze_from(
    p: &Program,
    explain: bool,
    mut out: Escapes,
    done: &LayeredSet<NodeId>,
) -> Result<Escapes, InternalError> {
    // Only the files added since the last analysis are scanned (a session only appends
    // files and packages); what earlier files declare is in the index already.
    let files = out.decl_index.new_files(p);
    let mut index = std::mem::take(&mut out.decl_index);
    index.add_files(p, &files);
    index.freeze();
    let decls = summary::Decls { p, index: &index };
    let is_old = |fd: &gosub_syntax::ast::FuncDecl| done.contains(&fd.name.id);
    let mut cx = build::Ctx {
        p,
        decls,
        tags: std::mem::take(&mut out.tags),
        explain,
    };
    // Natives first.
    for (pkg, fd) in summary::funcs_of(p, &files) {
        if fd.body.is_none() && !p.is_generic(fd) && !cx.tags.contains_key(&fd.name.id) {
            cx.tags
                .insert(fd.name.id, summary::native_tags(p, fd, &pkg.path));
        }
    }
    let main_pkg = p.packages.len().saturating_sub(1);
    for batch in summary::batches(p, &decls, &files, &is_old)? {
        let mut bo = summary::BatchOut::default();
        let tags = summary::run_batch(&cx, &batch, main_pkg, &mut bo);
        for (k, t) in tags {
            cx.tags.insert(k, t);
        }
        out.moved_to_heap.extend(bo.moved.iter().copied());
        out.boxed.extend(bo.moved.iter().copied());
        out.boxed.extend(bo.boxed.iter().copied());
        for (id, tag, _) in &bo.heap_allocs {
            if *tag == alloc::TAG_PRIMARY {
                out.heap_allocs.insert(*id);
            }
        }
        for (id, tag, _) in &bo.stack_allocs {
            if *tag == alloc::TAG_PRIMARY {
                out.stack_allocs.insert(*id);
            } else if *tag == alloc::TAG_IFACE {
                out.stack_boxes.insert(*id);
            } else if *tag == alloc::TAG_DDD {
                out.stack_ddd.insert(*id);
            }
        }
        out.zero_copy.extend(bo.zero_copy.iter().copied());
        // The GC shapes of the instances in this batch: gc analyses one shaped instance per
        // shape, so identical lines from instances of one shape are printed once.
        let shape_key: Vec<String> = (batch.iter())
            .filter_map(|fd| p.info.defs.get(&fd.name.id))
            .filter_map(|o| p.info.instance_targs.get(o))
            .map(|ts| {
                let v: Vec<String> = ts.iter().map(|&t| p.types.shape_string(t)).collect();
                v.join(",")
            })
            .collect();
        let shape_key = shape_key.join(";");
        out.line_shapes
            .extend(std::iter::repeat_n(shape_key, bo.lines.len()));
        out.lines.extend(bo.lines);
        out.explain.extend(bo.explain);
        out.batch_ends.push((out.explain.len(), out.lines.len()));
        out.deferred_lits.extend(bo.deferred.iter().copied());
        out.stack_objects.extend(bo.stack_objects.iter().copied());
        out.analyzed.extend(bo.analyzed.iter().copied());
    }
    // Package-level initialisers run in no frame: their allocations are heap allocations
    // (never in `stack_allocs`).
    // (Generic declarations of the new files: a session only appends.)
    for (_, fd) in summary::funcs_of(p, &files) {
        if p.is_generic(fd) {
            let hi = fd.body.as_ref().map_or(fd.span.hi, |b| b.span.hi);
            out.generic_spans
                .push(gosub_syntax::ast::Span::new(fd.span.lo, hi));
        }
    }
    let more = move2heap::analyze(p, &files, &out.boxed, &is_old);
    let (appends, moves) = (more.appends, more.moves);
    (out.move2heap.appends).extend(appends.iter().map(|(k, v)| (*k, *v)));
    (out.move2heap.moves).extend(moves.iter().map(|(k, v)| (*k, v.clone())));
    out.tags = cx.tags;
    out.decl_index = index;
    out.freeze();
    Ok(out)
}

impl Escapes {
    /// Makes what the last analysis added shared with the copies made from now on.
    fn freeze(&mut self) {
        for set in [&mut self.moved_to_heap, &mut self.boxed] {
            set.freeze();
        }
        for set in [
            &mut self.heap_allocs,
            &mut self.stack_allocs,
            &mut self.deferred_lits,
            &mut self.stack_objects,
            &mut self.stack_boxes,
            &mut self.stack_ddd,
            &mut self.zero_copy,
            &mut self.analyzed,
        ] {
            set.freeze();
        }
        self.line_shapes.freeze();
        self.lines.freeze();
        self.explain.freeze();
        self.batch_ends.freeze();
        self.tags.freeze();
        self.move2heap.appends.freeze();
        self.move2heap.moves.freeze();
    }

    /// gc's `-m` lines (`FILE:L:C: message`); level 2 adds the flow explanations.
    pub fn diagnostics(&self, map: &SourceMap, level: u8, only_main: bool) -> Vec<String> {
        let mut v = Vec::new();
        // gc prints a node without a position (the range-over-func lowering's `#next`) as
        // `<unknown line number>` in flows, and its warnings without a position prefix.
        let at = |pos: u32| match pos {
            0 => "<unknown line number>".to_string(),
            p => map.position(p),
        };
        let explain_line = |pos: u32, msg: &str| {
            let mut s = String::new();
            let mut parts = msg.split(diag::POS_MARK);
            if let Some(first) = parts.next() {
                s.push_str(first);
            }
            let mut is_pos = true;
            for part in parts {
                if is_pos {
                    s.push_str(&at(part.parse().unwrap_or(0)));
                } else {
                    s.push_str(part);
                }
                is_pos = !is_pos;
            }
            match pos {
                diag::NO_POS => s,
                _ => format!("{}: {}", at(pos), s),
            }
        };
        let line = |pos: u32, msg: &str| match pos {
            0 => msg.to_string(),
            _ => format!("{}: {}", map.position(pos), msg),
        };
        // Batch by batch, as gc prints: the flows explaining a batch's decisions (-m -m),
        // then the batch's decisions.
        let mut ends: Vec<(usize, usize)> = self.batch_ends.iter().copied().collect();
        if ends.last() != Some(&(self.explain.len(), self.lines.len())) {
            ends.push((self.explain.len(), self.lines.len()));
        }
        let (mut e0, mut l0) = (0, 0);
        let mut seen: std::collections::HashSet<(u32, &str, &str)> =
            std::collections::HashSet::new();
        for (e1, l1) in ends {
            if level >= 2 {
                for (pos, msg, m) in self.explain.range(e0..e1) {
                    if !only_main || *m {
                        v.push(explain_line(*pos, msg));
                    }
                }
            }
            for (i, (pos, msg, m)) in self.lines.range(l0..l1).enumerate() {
                if !only_main || *m {
                    // Instances of generic code with the same shape print one line, as
                    // gc's one shaped instance does.
                    let generic = self
                        .generic_spans
                        .iter()
                        .any(|s| s.lo <= *pos && *pos < s.hi);
                    let shapes = self.line_shapes.get(l0 + i).map_or("", |s| s.as_str());
                    if generic && !seen.insert((*pos, msg.as_str(), shapes)) {
                        continue;
                    }
                    v.push(line(*pos, msg));
                }
            }
            e0 = e1;
            l0 = l1;
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_error_is_a_compile_error_at_its_position() {
        let e = InternalError {
            pos: 7,
            msg: "no declaration with a body for function f".into(),
        };
        let d = e.diagnostic();
        assert_eq!(d.span.lo, 7);
        assert_eq!(
            d.msg,
            "internal compiler error: escape analysis: no declaration with a body for function f"
        );
        assert_eq!(e.to_string(), d.msg);
    }
}
