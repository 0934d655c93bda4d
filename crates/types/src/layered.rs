//! Side tables that an eval session's next check shares with the previous one instead of
//! copying them (`Info`'s maps keyed by node id hold an entry for every node of the
//! standard library the session loaded, and each input adds a few).
//!
//! A `Layered` map is a stack of frozen layers (`Arc`ed hash maps, oldest first) under a
//! `top` that takes the inserts. Cloning copies the layers' pointers and the top;
//! `freeze`, at the end of a check, turns the top into a layer, so the program a check
//! returns clones in time proportional to its number of layers. Layers merge as they
//! freeze (a layer at least half the size of the one under it joins it), so there are
//! about log2(entries) of them, and a key inserted in one input is found in a layer of
//! about that input's size.
//!
//! Invariants:
//! - A key's value is the one in the newest place that holds it (top, then the layers
//!   newest first); merging keeps that, the newer layer's entries overriding.
//! - A layer is never changed while it is shared: `remove` of a key in a layer changes the
//!   layer through `Arc::make_mut`, which copies it if another program holds it.

use crate::HashMap;
use std::hash::Hash;
use std::sync::Arc;

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
    pub fn get(&self, k: &K) -> Option<&V> {
        if let Some(v) = self.top.get(k) {
            return Some(v);
        }
        self.layers.iter().rev().find_map(|l| l.get(k))
    }

    pub fn contains_key(&self, k: &K) -> bool {
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

impl<K: Hash + Eq + Clone, V: Clone> std::ops::Index<&K> for Layered<K, V> {
    type Output = V;
    fn index(&self, k: &K) -> &V {
        self.get(k).expect("no entry for key")
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
    pub fn contains(&self, k: &K) -> bool {
        self.0.contains_key(k)
    }
    pub fn insert(&mut self, k: K) {
        self.0.insert(k, ());
    }
    pub fn freeze(&mut self) {
        self.0.freeze()
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
}
