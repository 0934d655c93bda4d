//! Page-run allocator over one region: hands out runs of fixed-size granules
//! (first fit, coalescing frees) and answers "which run owns granule g" in
//! O(1) through a page table. Used by the large-object space and the stacks.
//!
//! Invariants:
//! - `top` is the high-water mark in granules; granules `>= top` were never
//!   handed out (they are still uncommitted in the arena unless the user of
//!   this allocator committed them).
//! - Every granule below `top` is either in exactly one live run or in exactly
//!   one free run of `free`; free runs never touch each other (coalesced), and
//!   no free run ends at `top` (it is folded back into the top instead).
//! - `owner[g] == s + 1` for every granule `g` of the live run starting at
//!   `s`; `owner[g] == 0` for free granules. `owner.len() >= top`.

use std::collections::BTreeMap;

pub(crate) struct PageRuns {
    /// Granules in the region.
    pub capacity: u32,
    pub top: u32,
    /// start -> length of free runs below `top`.
    pub free: BTreeMap<u32, u32>,
    owner: Vec<u32>,
}

impl PageRuns {
    pub fn new(capacity: u32) -> PageRuns {
        PageRuns {
            capacity,
            top: 0,
            free: BTreeMap::new(),
            owner: Vec::new(),
        }
    }

    /// Allocate `n >= 1` granules. Returns `(start, fresh)` where `fresh`
    /// means the run came from above the old high-water mark (never used).
    pub fn alloc(&mut self, n: u32) -> Option<(u32, bool)> {
        if n == 0 {
            return None;
        }
        let found = self
            .free
            .iter()
            .find(|(_, &len)| len >= n)
            .map(|(&s, &len)| (s, len));
        let (start, fresh) = if let Some((s, len)) = found {
            self.free.remove(&s);
            if len > n {
                self.free.insert(s + n, len - n);
            }
            (s, false)
        } else {
            if self.capacity - self.top < n {
                return None;
            }
            let s = self.top;
            self.top += n;
            if self.owner.len() < self.top as usize {
                self.owner.resize(self.top as usize, 0);
            }
            (s, true)
        };
        for g in start..start + n {
            self.owner[g as usize] = start + 1;
        }
        Some((start, fresh))
    }

    /// Free the run `[start, start+n)`.
    pub fn free(&mut self, start: u32, n: u32) {
        for g in start..start + n {
            if let Some(o) = self.owner.get_mut(g as usize) {
                *o = 0;
            }
        }
        let mut s = start;
        let mut len = n;
        if let Some((&ps, &pl)) = self.free.range(..start).next_back() {
            if ps + pl == start {
                self.free.remove(&ps);
                s = ps;
                len += pl;
            }
        }
        if let Some(&nl) = self.free.get(&(start + n)) {
            self.free.remove(&(start + n));
            len += nl;
        }
        if s + len == self.top {
            self.top = s;
        } else {
            self.free.insert(s, len);
        }
    }

    /// Start granule of the live run owning granule `g`.
    #[inline]
    pub fn owner(&self, g: u64) -> Option<u32> {
        match self.owner.get(g as usize) {
            Some(&o) if o != 0 => Some(o - 1),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alloc_free_coalesce() {
        let mut p = PageRuns::new(100);
        let (a, fa) = p.alloc(10).unwrap();
        let (b, _) = p.alloc(5).unwrap();
        let (c, _) = p.alloc(5).unwrap();
        assert!(fa);
        assert_eq!((a, b, c), (0, 10, 15));
        assert_eq!(p.owner(12), Some(10));
        p.free(a, 10);
        p.free(b, 5);
        assert_eq!(p.free.len(), 1);
        assert_eq!(p.owner(12), None);
        let (d, fd) = p.alloc(12).unwrap();
        assert_eq!((d, fd), (0, false));
        p.free(c, 5);
        // c coalesces with the free tail 12..15 and folds into the top.
        assert_eq!(p.top, 12);
        assert!(p.free.is_empty());
        assert!(p.alloc(89).is_none());
        assert!(p.alloc(88).is_some());
    }
}
