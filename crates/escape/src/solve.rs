//! Solving the graph (gc's walkAll/walkOne): from every location taken as a root, a
//! shortest-dereference walk over incoming edges finds every location whose value or
//! address reaches the root. A location whose *address* reaches a root that outlives it
//! escapes (and then becomes a root itself, reaching everything it points to); a parameter
//! reaching a root that outlives the function leaks (to the heap, or to result i).
//!
//! `outlives(root, l)`: the heap and escaping locations outlive everything; a function's
//! results outlive its locals (except for closures called directly by their parent); a
//! location declared at a smaller loop depth in the same function outlives one declared
//! deeper (the loop-depth rule: an allocation made in a loop and kept by a variable from
//! outside it must not be reused per iteration); a variable of an enclosing function
//! outlives the locals of a closure.

use crate::graph::*;
use gosub_layered::{HashMap, HashSet, HashSetExt};
use std::collections::VecDeque;

pub struct Solver<'g> {
    pub g: &'g mut Graph,
    pub parents: &'g HashMap<FnKey, FnKey>,
    pub lost: &'g HashSet<FnKey>,
    /// When set: (location, path of (dst, src, derefs, notes)) for -m -m explanations.
    pub explain: Option<Vec<Explained>>,
}

pub struct Explained {
    pub root: usize,
    pub loc: usize,
    pub derefs: i32,
    pub param_leak: bool,
    pub path: Vec<(usize, usize, i32, Vec<Note>)>,
}

impl Solver<'_> {
    fn contains_closure(&self, f: FnKey, c: FnKey) -> bool {
        if f == c {
            return false;
        }
        let mut x = c;
        while let Some(&p) = self.parents.get(&x) {
            if p == f {
                return true;
            }
            x = p;
        }
        false
    }

    fn outlives(&self, root: usize, other: usize) -> bool {
        let l = &self.g.locs[root];
        let o = &self.g.locs[other];
        if l.has(ATTR_ESCAPES) {
            return true;
        }
        if root == MUTATOR || root == BLANK {
            return false;
        }
        if l.result_index > 0 {
            if self.contains_closure(o.func, l.func) && !self.lost.contains(&l.func) {
                return false;
            }
            return true;
        }
        if l.func == o.func && l.loop_depth < o.loop_depth {
            return true;
        }
        if self.contains_closure(l.func, o.func) {
            return true;
        }
        false
    }

    pub fn walk_all(&mut self) {
        let n = self.g.locs.len();
        let mut todo: VecDeque<usize> = VecDeque::with_capacity(n + 3);
        for i in (3..n).rev() {
            todo.push_front(i);
            self.g.locs[i].queued_all = true;
        }
        // Front order as gc: heap first, then mutator.
        todo.push_front(MUTATOR);
        todo.push_front(HEAP);
        self.g.locs[MUTATOR].queued_all = true;
        self.g.locs[HEAP].queued_all = true;
        let mut walkgen = 0u32;
        while let Some(root) = todo.pop_front() {
            self.g.locs[root].queued_all = false;
            walkgen += 1;
            let mut enq = Vec::new();
            self.walk_one(root, walkgen, &mut enq);
            for l in enq {
                if !self.g.locs[l].queued_all {
                    self.g.locs[l].queued_all = true;
                    if self.g.locs[l].has(ATTR_ESCAPES) {
                        todo.push_front(l);
                    } else {
                        todo.push_back(l);
                    }
                }
            }
        }
    }

    fn walk_one(&mut self, root: usize, walkgen: u32, enq: &mut Vec<usize>) {
        {
            let r = &mut self.g.locs[root];
            r.walkgen = walkgen;
            r.derefs = 0;
            r.dst = None;
        }
        let mut todo: VecDeque<usize> = VecDeque::new();
        todo.push_back(root);
        while let Some(l) = todo.pop_front() {
            self.g.locs[l].queued_one = 0;
            let mut derefs = self.g.locs[l].derefs;
            let mut new_attrs = 0u8;
            let address_of = derefs < 0;
            if address_of {
                derefs = 0;
                if self.outlives(root, l) {
                    if !self.g.locs[l].has(ATTR_ESCAPES) {
                        self.record(root, l, 0, false);
                    }
                    new_attrs |= ATTR_ESCAPES | ATTR_PERSISTS | ATTR_MUTATES;
                } else if self.g.locs[root].has(ATTR_PERSISTS) {
                    new_attrs |= ATTR_PERSISTS;
                }
            }
            if derefs == 0 {
                new_attrs |= self.g.locs[root].attrs & ATTR_MUTATES;
            }
            if self.g.locs[l].param && self.outlives(root, l) {
                if !self.g.locs[l].has(ATTR_ESCAPES) {
                    self.record(root, l, derefs, true);
                }
                let rl = &self.g.locs[root];
                let to_result =
                    !rl.has(ATTR_ESCAPES) && rl.result_index > 0 && rl.func == self.g.locs[l].func;
                let ri = rl.result_index;
                let pe = &mut self.g.locs[l].param_esc;
                // `to_result` implies `ri > 0`.
                if to_result && ri <= 5 {
                    pe.add_result(ri - 1, derefs);
                } else {
                    pe.add_heap(derefs);
                }
            }
            if new_attrs & !self.g.locs[l].attrs != 0 {
                self.g.locs[l].attrs |= new_attrs;
                enq.push(l);
                if self.g.locs[l].has(ATTR_ESCAPES) {
                    continue;
                }
            }
            let ne = self.g.locs[l].edges.len();
            for i in 0..ne {
                let (src, ed) = {
                    let e = &self.g.locs[l].edges[i];
                    (e.src, e.derefs)
                };
                if self.g.locs[src].has(ATTR_ESCAPES) {
                    continue;
                }
                let d = derefs + ed;
                let s = &mut self.g.locs[src];
                if s.walkgen != walkgen || s.derefs > d {
                    s.walkgen = walkgen;
                    s.derefs = d;
                    s.dst = Some((l, i));
                    if s.queued_one != walkgen {
                        s.queued_one = walkgen;
                        todo.push_back(src);
                    }
                }
            }
        }
    }

    fn record(&mut self, root: usize, l: usize, derefs: i32, param_leak: bool) {
        let Some(ex) = &mut self.explain else { return };
        let mut path = Vec::new();
        let mut src = l;
        let mut seen = HashSet::new();
        while let Some((dst, ei)) = self.g.locs[src].dst {
            if !seen.insert(src) {
                break;
            }
            let e = &self.g.locs[dst].edges[ei];
            path.push((dst, src, e.derefs, e.notes.clone()));
            if dst == root {
                break;
            }
            src = dst;
        }
        ex.push(Explained {
            root,
            loc: l,
            derefs,
            param_leak,
            path,
        });
    }
}
