//! Maps, sets and vectors that an eval session's next program shares with the previous
//! one instead of copying them: the checker's side tables and type table (`Info`'s maps
//! keyed by node id hold an entry for every node of the standard library the session
//! loaded, and each input adds a few), the escape analysis's sets and summaries, the
//! generator's index tables, and the compiled program's constant tables. The sessions a
//! process starts from one compiled standard library share them too.
//!
//! A `Layered` map is a stack of frozen layers (`Arc`ed hash maps, oldest first) under a
//! `top` that takes the inserts. Cloning copies the layers' pointers and the top;
//! `freeze`, at the end of a check, turns the top into a layer, so the program a check
//! returns clones in time proportional to its number of layers. Layers merge as they
//! freeze (a layer at least half the size of the one under it joins it), so there are
//! about log2(entries) of them, and a key inserted in one input is found in a layer of
//! about that input's size. `Chunked` vectors layer the same way; a `Prefixed` vector
//! (prefixed.rs) shares one frozen prefix, for tables the interpreter indexes.
//!
//! The crate also owns the workspace's `HashMap` and `HashSet` (`FixedState`).
//!
//! Invariants:
//! - A key's value is the one in the newest place that holds it (top, then the layers
//!   newest first); merging keeps that, the newer layer's entries overriding.
//! - A layer is never changed while it is shared: `remove` of a key in a layer changes the
//!   layer through `Arc::make_mut`, which copies it if another program holds it.

#![forbid(unsafe_code)]

mod prefixed;
pub use prefixed::Prefixed;

use std::hash::Hash;
use std::sync::Arc;

/// The hasher of the front and middle end's maps and sets (these collections' among
/// them): ahash with the process's fixed keys (drawn at random once per process, so a
/// script cannot aim collisions at them), built per hash rather than per map. A compile
/// makes hundreds of maps, and ahash's per-map `RandomState` cost more than the hashing
/// into them.
pub type FixedState = std::hash::BuildHasherDefault<ahash::AHasher>;
pub type HashMap<K, V> = std::collections::HashMap<K, V, FixedState>;
pub type HashSet<K> = std::collections::HashSet<K, FixedState>;
pub use ahash::{HashMapExt, HashSetExt};

#[derive(Clone, Debug)]
pub struct Layered<K, V> {
    layers: Vec<Arc<HashMap<K, V>>>,
    top: HashMap<K, V>,
}

impl<K, V> Default for Layered<K, V> {
    fn default() -> Self {
        Layered {
            layers: Vec::new(),
            top: HashMap::default(),
        }
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Layered<K, V> {
    pub fn get<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
    {
        if let Some(v) = self.top.get(k) {
            return Some(v);
        }
        self.layers.iter().rev().find_map(|l| l.get(k))
    }

    pub fn contains_key<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
    {
        self.get(k).is_some()
    }

    pub fn insert(&mut self, k: K, v: V) {
        self.top.insert(k, v);
    }

    pub fn remove(&mut self, k: &K) {
        self.top.remove(k);
        for l in &mut self.layers {
            if l.contains_key(k) {
                Arc::make_mut(l).remove(k);
            }
        }
    }

    /// Every entry once (the newest for a key), in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.keys().filter_map(|k| Some((k, self.get(k)?)))
    }

    /// Every key once, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        let newer = |i: usize, k: &K| {
            self.top.contains_key(k) || self.layers[i + 1..].iter().any(|l| l.contains_key(k))
        };
        (0..self.layers.len())
            .flat_map(move |i| self.layers[i].keys().filter(move |k| !newer(i, k)))
            .chain(self.top.keys())
    }

    /// Every value once (the newest for a key), in no particular order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        let newer = |i: usize, k: &K| {
            self.top.contains_key(k) || self.layers[i + 1..].iter().any(|l| l.contains_key(k))
        };
        (0..self.layers.len())
            .flat_map(move |i| {
                self.layers[i]
                    .iter()
                    .filter(move |(k, _)| !newer(i, k))
                    .map(|(_, v)| v)
            })
            .chain(self.top.values())
    }

    /// Whether nothing was inserted since the last freeze.
    pub fn is_frozen(&self) -> bool {
        self.top.is_empty()
    }

    /// Makes what was inserted since the last freeze a layer of its own (see the module
    /// header), merging layers of similar size.
    pub fn freeze(&mut self) {
        if self.top.is_empty() {
            return;
        }
        self.layers.push(Arc::new(std::mem::take(&mut self.top)));
        while let [.., older, newer] = self.layers.as_slice() {
            if newer.len() * 2 < older.len() {
                break;
            }
            let newer = self.layers.pop().unwrap_or_default();
            let older = self.layers.pop().unwrap_or_default();
            let mut merged = Arc::try_unwrap(older).unwrap_or_else(|a| (*a).clone());
            match Arc::try_unwrap(newer) {
                Ok(n) => merged.extend(n),
                Err(n) => merged.extend(n.iter().map(|(k, v)| (k.clone(), v.clone()))),
            }
            self.layers.push(Arc::new(merged));
        }
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Extend<(K, V)> for Layered<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, it: I) {
        self.top.extend(it)
    }
}

impl<K: Hash + Eq + Clone, V: Clone + PartialEq> PartialEq for Layered<K, V> {
    /// The same entries, however they are layered.
    fn eq(&self, other: &Self) -> bool {
        let n = self.keys().count();
        n == other.keys().count() && self.keys().all(|k| self.get(k) == other.get(k))
    }
}

impl<K: Hash + Eq + Clone, V: Clone> std::ops::Index<&K> for Layered<K, V> {
    type Output = V;
    fn index(&self, k: &K) -> &V {
        self.get(k).expect("no entry for key")
    }
}

impl<K: Hash + Eq + Clone, V: Clone + Default> Layered<K, V> {
    /// The value for `k` to change in place (the default inserted first if there is
    /// none): copied into the top if a layer holds it, so shared layers stay unchanged.
    pub fn get_mut_or_default(&mut self, k: K) -> &mut V {
        if !self.top.contains_key(&k) {
            let v = self.get(&k).cloned().unwrap_or_default();
            self.top.insert(k.clone(), v);
        }
        self.top.entry(k).or_default()
    }
}

/// A set shared the same way (`Layered` with no values).
#[derive(Clone, Debug)]
pub struct LayeredSet<K>(Layered<K, ()>);

impl<K> Default for LayeredSet<K> {
    fn default() -> Self {
        LayeredSet(Layered::default())
    }
}

impl<K: Hash + Eq + Clone> LayeredSet<K> {
    /// (A set has no value to override: the oldest layer, the largest, where most keys
    /// are, is probed first.)
    pub fn contains(&self, k: &K) -> bool {
        self.0.layers.iter().any(|l| l.contains_key(k)) || self.0.top.contains_key(k)
    }
    pub fn insert(&mut self, k: K) {
        self.0.insert(k, ());
    }
    pub fn remove(&mut self, k: &K) {
        self.0.remove(k)
    }
    pub fn freeze(&mut self) {
        self.0.freeze()
    }
    pub fn is_empty(&self) -> bool {
        self.0.top.is_empty() && self.0.layers.iter().all(|l| l.is_empty())
    }
    /// Every key once, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &K> {
        self.0.keys()
    }
}

impl<K: Hash + Eq + Clone> Extend<K> for LayeredSet<K> {
    fn extend<I: IntoIterator<Item = K>>(&mut self, it: I) {
        for k in it {
            self.insert(k);
        }
    }
}

impl<K: Hash + Eq + Clone> PartialEq for LayeredSet<K> {
    /// The same keys, however they are layered.
    fn eq(&self, other: &Self) -> bool {
        let n = self.iter().count();
        n == other.iter().count() && self.iter().all(|k| other.contains(k))
    }
}

impl<K: Hash + Eq + Clone> FromIterator<K> for LayeredSet<K> {
    fn from_iter<I: IntoIterator<Item = K>>(it: I) -> Self {
        let mut s = LayeredSet::default();
        for k in it {
            s.insert(k);
        }
        s
    }
}

/// A vector shared the same way: frozen chunks (`Arc`ed, oldest first, each with the
/// index of its first element) and a `top` that takes the pushes. Indexing finds the chunk
/// (about log2(len) of them, the oldest and largest first, where most lookups land);
/// `index_mut` of an element in a shared chunk copies that chunk first.
#[derive(Clone, Debug)]
pub struct Chunked<T> {
    chunks: Vec<(usize, Arc<Vec<T>>)>,
    top: Vec<T>,
    top_start: usize,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            top: Vec::new(),
            top_start: 0,
        }
    }
}

impl<T: Clone> Chunked<T> {
    pub fn len(&self) -> usize {
        self.top_start + self.top.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, v: T) {
        self.top.push(v);
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        if i >= self.top_start {
            return self.top.get(i - self.top_start);
        }
        self.chunks
            .iter()
            .find(|(start, c)| i < start + c.len())
            .map(|(start, c)| &c[i - start])
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks
            .iter()
            .flat_map(|(_, c)| c.iter())
            .chain(self.top.iter())
    }

    /// The elements with indices in `r` (those that exist).
    pub fn range(&self, r: std::ops::Range<usize>) -> impl Iterator<Item = &T> {
        self.from(r.start).take(r.end.saturating_sub(r.start))
    }

    /// The elements from index `i` on.
    pub fn from(&self, i: usize) -> impl Iterator<Item = &T> {
        let chunks = self
            .chunks
            .iter()
            .filter(move |(start, c)| start + c.len() > i);
        chunks
            .flat_map(move |(start, c)| c[i.saturating_sub(*start)..].iter())
            .chain(self.top[i.saturating_sub(self.top_start).min(self.top.len())..].iter())
    }

    /// Whether elements were pushed since the last freeze.
    pub fn has_top(&self) -> bool {
        !self.top.is_empty()
    }

    /// Makes the elements pushed since the last freeze a chunk of its own, merging chunks
    /// of similar size (as `Layered::freeze`).
    pub fn freeze(&mut self) {
        if self.top.is_empty() {
            return;
        }
        let start = self.top_start;
        self.top_start += self.top.len();
        self.chunks
            .push((start, Arc::new(std::mem::take(&mut self.top))));
        while let [.., (_, older), (_, newer)] = self.chunks.as_slice() {
            if newer.len() * 2 < older.len() {
                break;
            }
            let (_, newer) = self.chunks.pop().unwrap_or_default();
            let (start, older) = self.chunks.pop().unwrap_or_default();
            let mut merged = Arc::try_unwrap(older).unwrap_or_else(|a| (*a).clone());
            match Arc::try_unwrap(newer) {
                Ok(n) => merged.extend(n),
                Err(n) => merged.extend(n.iter().cloned()),
            }
            self.chunks.push((start, Arc::new(merged)));
        }
    }
}

impl<'a, T: Clone> IntoIterator for &'a Chunked<T> {
    type Item = &'a T;
    type IntoIter = Box<dyn Iterator<Item = &'a T> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<T: Clone> FromIterator<T> for Chunked<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> Self {
        Chunked {
            chunks: Vec::new(),
            top: it.into_iter().collect(),
            top_start: 0,
        }
    }
}

impl<T: Clone> Extend<T> for Chunked<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, it: I) {
        self.top.extend(it)
    }
}

impl<T: Clone + PartialEq> PartialEq for Chunked<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: Clone> std::ops::Index<usize> for Chunked<T> {
    type Output = T;
    #[inline]
    fn index(&self, i: usize) -> &T {
        match self.get(i) {
            Some(v) => v,
            None => panic!("index {} out of range for {} elements", i, self.len()),
        }
    }
}

impl<T: Clone> std::ops::IndexMut<usize> for Chunked<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        if i >= self.top_start {
            return &mut self.top[i - self.top_start];
        }
        let (start, c) = self
            .chunks
            .iter_mut()
            .find(|(start, c)| i < *start + c.len())
            .unwrap_or_else(|| panic!("index {} out of range", i));
        &mut Arc::make_mut(c)[i - *start]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_value_wins_across_layers_and_merges() {
        let mut m: Layered<u32, &str> = Layered::default();
        for i in 0..100 {
            m.insert(i, "base");
        }
        m.freeze();
        let shared = m.clone();
        m.insert(5, "new");
        m.insert(1000, "added");
        assert_eq!(m.get(&5), Some(&"new"));
        assert_eq!(shared.get(&5), Some(&"base"));
        assert_eq!(shared.get(&1000), None);
        m.freeze();
        assert_eq!(m[&5], "new");
        // Many small freezes merge into few layers and keep the newest values.
        for i in 0..1000 {
            m.insert(2000 + i, "x");
            m.insert(5, "newest");
            m.freeze();
        }
        assert!(m.layers.len() <= 12, "{} layers", m.layers.len());
        assert_eq!(m.get(&5), Some(&"newest"));
        assert_eq!(m.get(&50), Some(&"base"));
        assert_eq!(shared.get(&5), Some(&"base"));
        // values() yields each key's newest value once.
        let n5 = m.values().filter(|v| **v == "newest").count();
        assert_eq!(n5, 1);
        assert_eq!(m.values().count(), 100 + 1 + 1000);
        m.remove(&50);
        assert_eq!(m.get(&50), None);
        assert_eq!(shared.get(&50), Some(&"base"));
    }

    #[test]
    fn chunked_vectors_share_frozen_chunks() {
        let mut v: Chunked<u32> = Chunked::default();
        for i in 0..1000 {
            v.push(i);
        }
        v.freeze();
        let shared = v.clone();
        v.push(1000);
        v[3] = 33;
        assert_eq!((v[3], v[999], v[1000], v.len()), (33, 999, 1000, 1001));
        assert_eq!((shared[3], shared.len()), (3, 1000));
        for i in 1001..3000 {
            v.push(i);
            if i % 7 == 0 {
                v.freeze();
            }
        }
        v.freeze();
        assert!(v.chunks.len() <= 12, "{} chunks", v.chunks.len());
        assert!((0..3000).all(|i| v[i] == if i == 3 { 33 } else { i as u32 }));
        assert_eq!(v.iter().count(), 3000);
        assert_eq!(v.get(3000), None);
        let tail: Vec<u32> = v.from(2990).copied().collect();
        assert_eq!(tail, (2990..3000).collect::<Vec<u32>>());
        assert_eq!(
            v.range(998..1003).copied().collect::<Vec<u32>>(),
            vec![998, 999, 1000, 1001, 1002]
        );
        assert_eq!(v.from(3000).count() + v.from(5000).count(), 0);
    }

    #[test]
    fn get_mut_or_default_copies_from_a_layer() {
        let mut m: Layered<u32, Vec<u32>> = Layered::default();
        m.insert(1, vec![1]);
        m.freeze();
        let shared = m.clone();
        m.get_mut_or_default(1).push(2);
        m.get_mut_or_default(7).push(7);
        assert_eq!((m[&1].clone(), m[&7].clone()), (vec![1, 2], vec![7]));
        assert_eq!((shared[&1].clone(), shared.get(&7)), (vec![1], None));
    }
}
