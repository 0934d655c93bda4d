//! The escape graph: locations (variables, allocation sites, temporaries and the special
//! heap/blank/mutator roots) joined by assignment edges that carry a dereference count.
//!
//! An edge `dst <- src` with `derefs = d` means "the value of `src`, dereferenced `d` times,
//! flows into `dst`"; `d = -1` means the *address* of `src` flows into `dst` (`dst = &src`).
//! This is gc's representation (cmd/compile/internal/escape/graph.go): a hole is the
//! destination side of a flow being built while walking an expression.
//!
//! Invariant: a location index (the roots `HEAP`, `BLANK`, `MUTATOR` and whatever
//! `Graph::add` returned) stays valid for the graph's life, because locations are never
//! removed; every `Hole::dst` and `Edge::src` is such an index, so indexing `locs` with
//! them cannot fail. Edges are never removed either, so the edge index a walk records
//! (`Location::dst`) stays valid.

use gosub_syntax::ast::NodeId;
use gosub_types::ObjId;

/// Identifies a function body: the NodeId of a FuncDecl's name or of a FuncLit.
pub type FnKey = NodeId;

pub const HEAP: usize = 0;
pub const BLANK: usize = 1;
pub const MUTATOR: usize = 2;

pub const ATTR_ESCAPES: u8 = 1;
pub const ATTR_PERSISTS: u8 = 2;
pub const ATTR_MUTATES: u8 = 4;

/// What a location stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocKind {
    Heap,
    Blank,
    Mutator,
    /// A variable (local, parameter or result).
    Var(ObjId),
    /// An allocation site: the expression node and its message text (e.g. `&T{...}`).
    Alloc(NodeId),
    /// A temporary without a source-level name.
    Temp,
}

/// A note explaining one step of a flow, printed by `-m -m`.
#[derive(Clone, Debug)]
pub struct Note {
    pub pos: u32,
    pub text: String,
    pub why: &'static str,
}

#[derive(Clone, Debug)]
pub struct Edge {
    pub src: usize,
    pub derefs: i32,
    pub notes: Vec<Note>,
}

/// Parameter leak summary (gc's `leaks`): for the heap and each result, the minimum number
/// of dereferences of the parameter that reach it, or -1 (encoded as None) when none do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Leaks {
    pub heap: Option<i32>,
    pub results: [Option<i32>; 5],
}

impl Leaks {
    pub fn add_heap(&mut self, d: i32) {
        if self.heap.is_none_or(|o| d < o) {
            self.heap = Some(d);
        }
    }
    pub fn add_result(&mut self, i: usize, d: i32) {
        if i < 5 && self.results[i].is_none_or(|o| d < o) {
            self.results[i] = Some(d);
        }
    }
    /// Drops result leaks subsumed by a heap leak at the same or fewer dereferences.
    pub fn optimize(&mut self) {
        if let Some(h) = self.heap {
            for r in self.results.iter_mut() {
                if r.is_some_and(|x| x >= h) {
                    *r = None;
                }
            }
        }
    }
    pub fn heap_all() -> Leaks {
        Leaks {
            heap: Some(0),
            results: [None; 5],
        }
    }
}

#[derive(Clone, Debug)]
pub struct Location {
    pub kind: LocKind,
    pub func: FnKey,
    pub loop_depth: i32,
    pub edges: Vec<Edge>,
    pub attrs: u8,
    pub param: bool,
    /// 1-based index of the result this location is, 0 otherwise.
    pub result_index: usize,
    pub param_esc: Leaks,
    pub captured: bool,
    pub reassigned: bool,
    pub addrtaken: bool,
    // Walk state.
    pub derefs: i32,
    pub walkgen: u32,
    pub dst: Option<(usize, usize)>,
    pub queued_all: bool,
    pub queued_one: u32,
}

impl Location {
    pub fn new(kind: LocKind, func: FnKey, loop_depth: i32) -> Location {
        Location {
            kind,
            func,
            loop_depth,
            edges: Vec::new(),
            attrs: 0,
            param: false,
            result_index: 0,
            param_esc: Leaks::default(),
            captured: false,
            reassigned: false,
            addrtaken: false,
            derefs: 0,
            walkgen: 0,
            dst: None,
            queued_all: false,
            queued_one: 0,
        }
    }
    pub fn has(&self, a: u8) -> bool {
        self.attrs & a != 0
    }
}

/// The destination of a flow under construction.
#[derive(Clone, Debug)]
pub struct Hole {
    pub dst: usize,
    pub derefs: i32,
    pub notes: Vec<Note>,
    pub addrtaken: bool,
}

impl Hole {
    pub fn to(dst: usize) -> Hole {
        Hole {
            dst,
            derefs: 0,
            notes: Vec::new(),
            addrtaken: false,
        }
    }
    pub fn shift(mut self, delta: i32) -> Hole {
        self.derefs += delta;
        if self.derefs < -1 {
            self.derefs = -1;
        }
        self.addrtaken = delta < 0;
        self
    }
}

/// (src, escaping dst, derefs, notes): an address stored straight into an escaping location.
pub type DirectEscape = (usize, usize, i32, Vec<Note>);

/// All locations of one analysis batch plus the fixed roots.
pub struct Graph {
    pub locs: Vec<Location>,
    /// Explanation lines for `-m -m` produced while flowing (address of something that
    /// already escapes), keyed by position.
    pub explain: Option<Vec<DirectEscape>>,
}

impl Graph {
    pub fn new(explain: bool) -> Graph {
        let mut heap = Location::new(LocKind::Heap, 0, 0);
        heap.attrs = ATTR_ESCAPES | ATTR_PERSISTS | ATTR_MUTATES;
        let blank = Location::new(LocKind::Blank, 0, 0);
        let mut mutator = Location::new(LocKind::Mutator, 0, 0);
        mutator.attrs = ATTR_MUTATES;
        Graph {
            locs: vec![heap, blank, mutator],
            explain: if explain { Some(Vec::new()) } else { None },
        }
    }

    pub fn add(&mut self, l: Location) -> usize {
        self.locs.push(l);
        self.locs.len() - 1
    }

    /// Records the flow `k <- src`.
    pub fn flow(&mut self, k: &Hole, src: usize) {
        if k.addrtaken {
            self.locs[src].addrtaken = true;
        }
        let dst = k.dst;
        if dst == BLANK {
            return;
        }
        if dst == src && k.derefs >= 0 {
            return;
        }
        if self.locs[dst].has(ATTR_ESCAPES) && k.derefs < 0 {
            self.locs[src].attrs |= ATTR_ESCAPES | ATTR_PERSISTS | ATTR_MUTATES;
            if let Some(ex) = &mut self.explain {
                ex.push((src, dst, k.derefs, k.notes.clone()));
            }
            return;
        }
        self.locs[dst].edges.push(Edge {
            src,
            derefs: k.derefs,
            notes: k.notes.clone(),
        });
    }
}
