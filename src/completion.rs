//! What the REPL completes after `p.` and `p.Inner.`: the fields and methods of the
//! session's variables, by selector path, computed from the checked session (no input is
//! compiled for it).
//!
//! Paths go three selectors deep, through fields only (a method's result is not
//! followed), and stop after `MAX_PATHS` paths, so a session with huge nested types costs
//! a bounded amount after each input.

use gosub_types::members::members;
use gosub_types::{ObjKind, Program, Resume};
use std::collections::HashMap;

const MAX_PATHS: usize = 2000;

/// Selector path (`p`, `p.Inner`) → the names after its dot, sorted.
pub(crate) fn member_paths(types: &Program, resume: &Resume) -> HashMap<String, Vec<String>> {
    let main = resume.main();
    let mut out = HashMap::new();
    let mut todo: Vec<(String, gosub_types::TypeId, u32)> = types.packages[main]
        .scope
        .iter()
        .filter(|(n, _)| !n.starts_with("__") && *n != "_")
        .filter(|(_, &o)| matches!(types.obj(o).kind, ObjKind::Var { .. }))
        .map(|(n, &o)| (n.clone(), types.obj(o).ty, 0))
        .collect();
    todo.sort_by(|a, b| a.0.cmp(&b.0));
    while let Some((path, t, depth)) = todo.pop() {
        if out.len() >= MAX_PATHS {
            break;
        }
        let ms = members(types, t, "main");
        if ms.is_empty() {
            continue;
        }
        if depth < 2 {
            for (name, ty) in &ms {
                if let Some(ty) = ty {
                    todo.push((format!("{}.{}", path, name), *ty, depth + 1));
                }
            }
        }
        out.insert(path, ms.into_iter().map(|(n, _)| n).collect());
    }
    out
}
