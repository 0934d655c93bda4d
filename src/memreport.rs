//! The memory report's data (`gosub run --memreport`): the heap over the run (the
//! collection log, `gosub_heap::gc_log`), every line that allocated on the heap with what
//! became of its objects (the allocation profile at rate 1, `gosub_vm::alloc_profile`, and
//! the heap's tracked objects) and why escape analysis put them there (gc's `-m -m` text),
//! and the `MemStats` at exit. `memreport_html.rs` draws it; `site_table` prints it.
//!
//! Invariants:
//! - A site is the innermost frame of an allocation's stack: a Go function and line (a
//!   standard-library line too, with the program's line that called into it), and what
//!   allocated there (the instruction's kind).
//! - `sites` are sorted by bytes allocated, largest first, then by position; counts are
//!   exact (every allocation is recorded for a report), so a run's report repeats.
//! - Fates are as of the last collection: an object allocated after it has not yet had
//!   the chance to survive, be promoted or die.

use gosub_heap::gc_log::{GcRecord, Spaces};
use gosub_heap::MemStats;
use gosub_vm::Vm;
use std::collections::BTreeMap;

/// Everything the report shows.
#[derive(Clone, Debug)]
pub struct MemoryReport {
    /// The program's file name.
    pub program: String,
    pub sites: Vec<AllocSite>,
    /// Lines with allocations escape analysis kept in frames, most bytes saved first.
    pub kept_in_frames: Vec<FrameSite>,
    pub collections: Vec<GcRecord>,
    /// When recording started (nanoseconds since the heap was made) and the spaces then.
    pub start_ns: u64,
    pub start_spaces: Spaces,
    /// The spaces sampled as allocation went on between collections (time, spaces).
    pub samples: Vec<(u64, Spaces)>,
    /// When the report was taken (nanoseconds since the heap was made), and the spaces then.
    pub end_ns: u64,
    pub end_spaces: Spaces,
    pub mem_stats: MemStats,
}

/// One line that allocated on the heap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AllocSite {
    /// `file:line`.
    pub position: String,
    pub function: String,
    /// For a standard-library line: the program's innermost line on the stack.
    pub called_from: Option<String>,
    /// What allocated: the instruction's kind (`new`, `make([]T)`, `defer record`, ...).
    pub what: String,
    pub objects: u64,
    pub bytes: u64,
    pub survived_objects: u64,
    pub promoted_objects: u64,
    pub promoted_bytes: u64,
    pub freed_objects: u64,
    /// Escape analysis's `-m -m` lines at this line (without the position).
    pub reason: Vec<String>,
}

/// A line whose allocations escape analysis kept in frames: its `-m` lines (`&T{} does
/// not escape`) and, in a program compiled to count them, how many ran and the bytes the
/// heap would have taken for them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrameSite {
    /// `file:line`.
    pub position: String,
    pub notes: Vec<String>,
    pub count: u64,
    pub bytes_saved: u64,
}

/// A diagnostic `FILE:LINE:COL: text` split into (`FILE:LINE`, text): the position ends
/// at the first `:LINE:COL:` (a file name may hold colons; the text does after it).
fn split_position(note: &str) -> Option<(&str, &str)> {
    let b = note.as_bytes();
    let digits = |mut i: usize| {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i > start && i < b.len() && b[i] == b':').then_some(i)
    };
    for (i, _) in note.match_indices(':') {
        let Some(line_end) = digits(i + 1) else {
            continue;
        };
        let Some(col_end) = digits(line_end + 1) else {
            continue;
        };
        let text = &note[col_end + 1..];
        return Some((&note[..line_end], text.strip_prefix(' ').unwrap_or(text)));
    }
    None
}

/// gc's `-m -m` lines grouped by `file:line`, the position taken off each.
pub fn escape_notes_by_line(notes: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut by: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for n in notes {
        if let Some((at, text)) = split_position(n) {
            by.entry(at.to_string()).or_default().push(text.to_string());
        }
    }
    by
}

/// What the instruction at `pc` of `f` allocates, in words (the VM's instruction
/// names, `gosub_bytecode::bytecode::Op`, for the kinds that have no Go spelling).
fn what_allocates(f: Option<&gosub_bytecode::bytecode::Function>, pc: u32) -> String {
    let Some(op) = f.and_then(|f| f.code.get(pc as usize)) else {
        return "?".into();
    };
    let dbg = format!("{op:?}");
    let name = dbg.split([' ', '(', '{']).next().unwrap_or("?");
    match name {
        "New" => "new object".into(),
        "MakeSlice" => "make([]T)".into(),
        "MakeMap" => "make(map)".into(),
        "MakeChan" => "make(chan)".into(),
        "Append" | "AppendStr" => "append".into(),
        "Concat" => "string concatenation".into(),
        "MakeIface" => "value boxed in an interface".into(),
        "FuncVal" | "Closure" => "closure".into(),
        // Go keeps defer records in the frame (open-coded defers); gosub's are objects.
        "Defer" => "defer record".into(),
        "Go" => "goroutine start".into(),
        "CallNative" | "Call" => "in a native function".into(),
        other => other.to_string(),
    }
}

/// Does a `-m` text say an allocation stayed in its frame?
fn kept_in_frame(text: &str) -> bool {
    text.ends_with("does not escape")
        && [
            "&",
            "new(",
            "make(",
            "func literal",
            "[]",
            "map[",
            "string(",
            "(",
            "... argument",
        ]
        .iter()
        .any(|p| text.starts_with(p))
}

impl MemoryReport {
    /// The report of `vm`'s run so far; `program` names its file, `notes` are the escape
    /// analysis's `-m -m` lines for it.
    pub fn of(vm: &Vm, program: &str, notes: &[String]) -> MemoryReport {
        let by_line = escape_notes_by_line(notes);
        let pos = |func: u32, pc: u32| -> (String, String) {
            let f = vm.prog.funcs.get(func as usize);
            // Inside an inlined body, the innermost inlined function (gosub_bytecode::inline_pos).
            let inlined = f.and_then(|f| f.logical_frames(pc as usize).first()?.inlined);
            let name = match inlined.and_then(|g| vm.prog.funcs.get(g as usize)) {
                Some(g) => g.name.clone(),
                None => f.map_or_else(|| "?".to_string(), |f| f.name.clone()),
            };
            let p = f
                .filter(|f| (pc as usize) < f.pos.len())
                .map(|f| f.source_pos(pc as usize))
                .or(f.map(|f| f.decl_pos));
            let at = match (&vm.source_pos, p) {
                (Some(sp), Some(p)) => {
                    let (file, line) = sp(p);
                    format!("{file}:{line}")
                }
                _ => "?".to_string(),
            };
            (name, at)
        };
        let mut sites: BTreeMap<String, AllocSite> = BTreeMap::new();
        if let Some(p) = &vm.profile {
            let fates = vm.heap.tag_fates();
            for (tag, stack) in p.stacks.iter().enumerate() {
                let Some(&(func, pc)) = stack.first() else {
                    continue;
                };
                let (function, position) = pos(func, pc);
                let called_from = if function.starts_with("main.") {
                    None
                } else {
                    stack
                        .iter()
                        .map(|&(f, pc)| pos(f, pc))
                        .find(|(name, _)| name.starts_with("main."))
                        .map(|(_, at)| at)
                };
                let key = format!("{position}\0{}", called_from.as_deref().unwrap_or(""));
                let what = what_allocates(vm.prog.funcs.get(func as usize).map(|f| &**f), pc);
                let key = format!("{key}\0{what}");
                let s = sites.entry(key).or_insert_with(|| AllocSite {
                    what,
                    reason: by_line.get(&position).cloned().unwrap_or_default(),
                    position,
                    function,
                    called_from,
                    ..AllocSite::default()
                });
                let sampled = p.sampled[tag];
                let f = fates.get(tag).copied().unwrap_or_default();
                s.objects += sampled.objects;
                s.bytes += sampled.bytes;
                s.survived_objects += f.survived_objects;
                s.promoted_objects += f.promoted_objects;
                s.promoted_bytes += f.promoted_bytes;
                s.freed_objects += f.freed_objects;
            }
        }
        let mut sites: Vec<AllocSite> = sites.into_values().collect();
        sites.sort_by_key(|s| std::cmp::Reverse(s.bytes));
        let mut frames: BTreeMap<String, FrameSite> = BTreeMap::new();
        for (at, lines) in &by_line {
            for l in lines.iter().filter(|l| kept_in_frame(l)) {
                let f = frames.entry(at.clone()).or_default();
                f.position = at.clone();
                f.notes.push(l.clone());
            }
        }
        if let Some(p) = &vm.profile {
            for (&(func, pc), n) in &p.in_frames {
                if let Some(f) = frames.get_mut(&pos(func, pc).1) {
                    f.count += n.objects;
                    f.bytes_saved += n.bytes;
                }
            }
        }
        let mut kept_in_frames: Vec<FrameSite> = frames.into_values().collect();
        kept_in_frames.sort_by_key(|f| std::cmp::Reverse(f.bytes_saved));
        MemoryReport {
            program: program.to_string(),
            sites,
            kept_in_frames,
            collections: vm.heap.gc_log().map(<[_]>::to_vec).unwrap_or_default(),
            start_ns: vm.heap.gc_log_start().0,
            start_spaces: vm.heap.gc_log_start().1,
            samples: vm.heap.gc_log_samples().to_vec(),
            end_ns: vm.heap.clock_ns(),
            end_spaces: vm.heap.spaces(),
            mem_stats: vm.heap.mem_stats(),
        }
    }

    /// The report as one self-contained HTML page (`memreport_html.rs`).
    pub fn html(&self) -> String {
        crate::memreport_html::page(self)
    }

    /// Writes `html()` to `path`.
    pub fn write_html(&self, path: impl AsRef<std::path::Path>) -> std::io::Result<()> {
        std::fs::write(path, self.html())
    }

    /// The allocation-site table as text: a line per site (largest first), its escape
    /// analysis reason indented under it, then the allocations kept in frames.
    pub fn site_table(&self) -> String {
        let mut s = String::from(
            "heap allocations by line: bytes, objects, survived a collection, promoted, freed\n",
        );
        for site in &self.sites {
            let from = site
                .called_from
                .as_ref()
                .map_or(String::new(), |c| format!(" (from {c})"));
            s.push_str(&format!(
                "{} {}{}, {}: {} B, {} objects, {} survived, {} promoted, {} freed\n",
                site.position,
                site.function,
                from,
                site.what,
                site.bytes,
                site.objects,
                site.survived_objects,
                site.promoted_objects,
                site.freed_objects
            ));
            for r in &site.reason {
                s.push_str(&format!("    {r}\n"));
            }
        }
        s.push_str("kept in frames (no heap allocation): times run, bytes kept off the heap\n");
        for k in &self.kept_in_frames {
            s.push_str(&format!(
                "{}: {} times, {} B\n",
                k.position, k.count, k.bytes_saved
            ));
            for n in &k.notes {
                s.push_str(&format!("    {n}\n"));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::split_position;

    #[test]
    fn positions_end_at_the_first_line_and_column() {
        assert_eq!(
            split_position("p.go:12:7: &T{...} escapes to heap:"),
            Some(("p.go:12", "&T{...} escapes to heap:"))
        );
        assert_eq!(
            split_position("a:b.go:3:1:   flow: x ← y:"),
            Some(("a:b.go:3", "  flow: x ← y:"))
        );
        assert_eq!(
            split_position("<input 2>:1:9: moved to heap: x"),
            Some(("<input 2>:1", "moved to heap: x"))
        );
        assert_eq!(split_position("no position here"), None);
    }
}
