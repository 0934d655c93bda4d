//! A vector whose frozen prefix is shared (`Prefixed`): the compiled program's functions
//! and runtime types (`Arc`ed), and a VM's tables of where its constants and closures
//! are. The standard library's entries are the prefix every VM of a process shares with
//! the start (or image) it was made from; a session's own inputs add to the tail. Cloning
//! copies one pointer for the prefix and the tail's elements, so an eval session's next
//! program, and every new VM, neither copies the library's thousands of entries nor
//! touches (counts a reference to) each of its functions and types, which are scattered
//! over the host's memory; indexing is one compare more than a plain vector's.
//!
//! Invariants:
//! - Element `i` is `prefix[i]` when `i < prefix.len()`, else `tail[i - prefix.len()]`.
//! - The prefix is never changed while it is shared: `make_mut` of an index in it copies
//!   the prefix first when another table holds it (rare: a pass changing a library
//!   function or type after the start was frozen).

use std::sync::Arc;

#[derive(Debug)]
pub struct Prefixed<T> {
    prefix: Arc<[T]>,
    tail: Vec<T>,
}

impl<T: Clone> Clone for Prefixed<T> {
    fn clone(&self) -> Self {
        Prefixed {
            prefix: self.prefix.clone(),
            tail: self.tail.clone(),
        }
    }
}

impl<T> Default for Prefixed<T> {
    fn default() -> Self {
        Prefixed {
            prefix: Arc::from(Vec::new()),
            tail: Vec::new(),
        }
    }
}

impl<T: Clone> Prefixed<T> {
    #[inline]
    pub fn len(&self) -> usize {
        self.prefix.len() + self.tail.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<&T> {
        match self.prefix.get(i) {
            Some(v) => Some(v),
            None => self.tail.get(i.wrapping_sub(self.prefix.len())),
        }
    }

    /// How many leading elements `self` and `other` share by construction (the same
    /// prefix): elements there are the same, unchanged, with no need to compare them.
    pub fn shared_with(&self, other: &Self) -> usize {
        if Arc::ptr_eq(&self.prefix, &other.prefix) {
            self.prefix.len()
        } else {
            0
        }
    }

    /// The prefix and the tail, for a loop that indexes the table often (the
    /// interpreter's calls), holding both slices in registers.
    #[inline]
    pub fn parts(&self) -> (&[T], &[T]) {
        (&self.prefix, &self.tail)
    }

    pub fn push(&mut self, v: T) {
        self.tail.push(v);
    }

    /// Room for `n` more elements in the tail, exactly.
    pub fn reserve_exact(&mut self, n: usize) {
        self.tail.reserve_exact(n);
    }

    /// Room for `len` elements in all, growing the tail by at least an eighth of itself
    /// rather than doubling it (a session's inputs each add a few entries, and each VM
    /// of a process keeps its own tail).
    pub fn grow_to(&mut self, len: usize) {
        let more = len.saturating_sub(self.len());
        if self.tail.len() + more > self.tail.capacity() {
            self.tail.reserve_exact(more.max(self.tail.len() / 8));
        }
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + '_ {
        self.prefix.iter().chain(self.tail.iter())
    }

    /// The elements from index `i` on.
    pub fn from(&self, i: usize) -> impl Iterator<Item = &T> + '_ {
        let n = self.prefix.len();
        let tail_from = i.saturating_sub(n).min(self.tail.len());
        self.prefix[i.min(n)..]
            .iter()
            .chain(self.tail[tail_from..].iter())
    }

    /// A copy whose tail has room for `extra` more elements (one allocation, not a clone
    /// then a grow).
    pub fn clone_with_room(&self, extra: usize) -> Self {
        let mut tail = Vec::with_capacity(self.tail.len() + extra);
        tail.extend_from_slice(&self.tail);
        Prefixed {
            prefix: self.prefix.clone(),
            tail,
        }
    }

    /// Whether the tail is worth making part of the prefix (`freeze`): always for a table
    /// with no prefix (a program compiled from nothing), else once the tail has grown to a
    /// quarter of the prefix (and at least 64). Each clone copies the tail, and a freeze
    /// copies the whole table once, so a session that keeps adding pays a bounded copy
    /// per addition.
    pub fn tail_outgrew_prefix(&self) -> bool {
        self.prefix.is_empty() || self.tail.len() >= (self.prefix.len() / 4).max(64)
    }

    /// Makes every element part of the shared prefix (a start, built once, before the
    /// sessions made from it clone it).
    pub fn freeze(&mut self) {
        if self.tail.is_empty() {
            return;
        }
        self.prefix = self.iter().cloned().collect();
        self.tail = Vec::new();
    }

    /// The slot of element `i`, for replacing it (the prefix is copied first if it is
    /// shared). Panics when `i` is out of range, as a vector's index does.
    pub fn slot_mut(&mut self, i: usize) -> &mut T {
        let n = self.prefix.len();
        if i >= n {
            return &mut self.tail[i - n];
        }
        if Arc::get_mut(&mut self.prefix).is_none() {
            self.prefix = Arc::from(self.prefix.to_vec());
        }
        match Arc::get_mut(&mut self.prefix) {
            Some(p) => &mut p[i],
            None => unreachable!("a prefix just copied is not shared"),
        }
    }
}

impl<T: Clone> Prefixed<Arc<T>> {
    /// Element `i` for changing it, copied first if another table shares it.
    pub fn make_mut(&mut self, i: usize) -> &mut T {
        Arc::make_mut(self.slot_mut(i))
    }
}

impl<T: Clone> std::ops::Index<usize> for Prefixed<T> {
    type Output = T;
    #[inline]
    fn index(&self, i: usize) -> &T {
        match self.get(i) {
            Some(v) => v,
            None => panic!("index {} out of range for {} elements", i, self.len()),
        }
    }
}

impl<T: Clone> std::ops::IndexMut<usize> for Prefixed<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        self.slot_mut(i)
    }
}

impl<T> FromIterator<T> for Prefixed<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> Self {
        Prefixed {
            prefix: Arc::from(Vec::new()),
            tail: it.into_iter().collect(),
        }
    }
}

impl<T> From<Vec<T>> for Prefixed<T> {
    fn from(tail: Vec<T>) -> Self {
        Prefixed {
            prefix: Arc::from(Vec::new()),
            tail,
        }
    }
}

impl<T> Extend<T> for Prefixed<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, it: I) {
        self.tail.extend(it)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_the_frozen_prefix_and_copy_on_change() {
        let mut a: Prefixed<Arc<u32>> = (0..5).map(Arc::new).collect();
        a.freeze();
        a.push(Arc::new(5));
        let mut b = a.clone();
        b.push(Arc::new(6));
        assert_eq!(a.len(), 6);
        assert_eq!(b.len(), 7);
        assert_eq!(b.shared_with(&a), 5);
        assert_eq!(*b[6], 6);
        assert_eq!(a.get(6), None);
        assert_eq!(a.get(usize::MAX), None);
        // Changing a prefix element copies the prefix, not the other table's view.
        *b.make_mut(2) = 20;
        assert_eq!(*a[2], 2);
        assert_eq!(*b[2], 20);
        assert_eq!(b.shared_with(&a), 0);
        b[5] = Arc::new(50);
        assert_eq!(*a[5], 5);
        let all: Vec<u32> = b.iter().map(|v| **v).collect();
        assert_eq!(all, vec![0, 1, 20, 3, 4, 50, 6]);
        let from: Vec<u32> = b.from(4).map(|v| **v).collect();
        assert_eq!(from, vec![4, 50, 6]);
        assert_eq!(b.from(6).count(), 1);
        assert_eq!(b.from(9).count(), 0);
    }

    #[test]
    fn a_tail_is_frozen_once_it_outgrows_a_quarter_of_the_prefix() {
        let mut t: Prefixed<u32> = Prefixed::default();
        t.push(1);
        assert!(t.tail_outgrew_prefix(), "no prefix yet");
        t.extend(0..999);
        t.freeze();
        assert_eq!(t.parts().0.len(), 1000);
        t.extend(0..249);
        assert!(!t.tail_outgrew_prefix());
        t.push(0);
        assert!(t.tail_outgrew_prefix());
        t.freeze();
        assert_eq!((t.parts().0.len(), t.parts().1.len()), (1250, 0));
    }
}
