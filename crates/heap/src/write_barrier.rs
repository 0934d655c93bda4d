//! Write barrier: card marking over the old and large-object spaces.
//!
//! Why cards, and why inside the accessors: the VM touches heap memory only
//! through `Heap`'s accessors (`write_u64`/`write_u32`/`write_u16`/`write_u8`
//! and friends, `write_ptr`, `write_bytes`, `copy`, `fill_zero`,
//! `bytes_mut`). Marking the card inside those accessors whenever the
//! destination lies in the old or large-object space makes *every* store
//! path covered — struct fields, slice and array elements, map entries,
//! boxed captured variables, interface payloads, bulk copies by `copy`/
//! `append` — without any change to the VM or the compiler, and without
//! knowing which stored words are pointers. A remembered set of slots would
//! need the VM to tell pointer stores apart; a card table does not, its
//! barrier is one compare plus one byte store, and a bulk copy marks a
//! range of cards at once. Stores into stacks and globals need no barrier:
//! both are scanned as roots at every collection. (Raw pointers obtained from
//! `translate` bypass the barrier; the VM uses them only for stack frames.)
//!
//! Filtering: an 8-byte store marks its card only if the stored value points
//! into the young spaces (one compare), so storing ints or old pointers into
//! old objects costs no card. A store of up to 64 bytes made through
//! `write_bytes` or `copy` marks it only if a word it touched holds a young
//! pointer afterwards (`barrier_after`), and `barrier_range` (after writes through
//! `bytes_mut_unbarriered`) marks only the cards of such words, at any length.
//! Narrow stores (`write_u32`/`u16`/`u8`), larger ones, and bytes handed out by
//! `bytes_mut` (written after the barrier runs) mark unconditionally, unless they go
//! into a large object whose type has no pointer words (`pointer_free_large`).
//!
//! ```text
//!  old space    |<-128 B->|<-128 B->|<-128 B->| ...
//!  cards        [    0    |    1    |    0    | ...]   1 = dirty
//! ```
//!
//! Invariants:
//! - One card byte per `CARD` (128) bytes of a space's committed range;
//!   `cards.len() * CARD >= committed bytes` of that space; `dirty` lists
//!   exactly the indices of the cards that are 1.
//! - Between collections: every pointer word in an old or large object that
//!   holds a young pointer lies in a dirty card (the verifier checks this).
//! - A minor collection uses dirty cards as extra roots: it cleans each dirty
//!   card, forwards the young pointers in the slots starting inside it, and
//!   re-dirties the card if a slot still points to a (survivor) young object.
//!   Objects promoted during a minor collection are scanned completely and
//!   get their cards dirtied the same way.
//! - A major collection empties the young generation, so it clears all cards (a mark
//!   termination, which keeps it, re-dirties them as a minor collection does).
//!
//! While incremental marking runs, a store into a marked object of the old or large
//! space also marks its card in the marker's remark tables, unless every value it stored
//! is known not to point to a white object (`Heap::may_be_white`; `incremental.rs`).

use crate::access::Fault;
use crate::arena::{Addr, ARENA_BASE};
use crate::object;
use crate::Heap;

/// Bytes covered by one card: two cache lines. A minor collection scans every slot of a
/// dirty card, and stores into a big old object (a map's table) dirty cards at random, so
/// its cost is the cards' bytes: at 512 B, a program filling a 48 MB map spent 5-7 ms per
/// minor collection on them (bench/pauses/live_heap.go); at 128 B, 3 ms. The table costs
/// 0.8% of the old generation's committed bytes.
pub(crate) const CARD: u64 = 128;

/// Stores up to this many bytes are filtered word by word (`Heap::barrier_after`); larger
/// ones (bulk copies) mark their cards unconditionally.
const SMALL_STORE: u64 = 64;
const CARD_SHIFT: u32 = 7;

/// Card bytes of one space, indexed by `(off - base) / CARD`, plus the list
/// of dirty card indices (each dirty card listed exactly once), so a minor
/// collection visits only dirty cards instead of scanning the whole table.
pub(crate) struct CardTable {
    pub base: u64,
    pub cards: Vec<u8>,
    dirty: Vec<u32>,
}

impl CardTable {
    pub fn new(base: u64) -> CardTable {
        CardTable {
            base,
            cards: Vec::new(),
            dirty: Vec::new(),
        }
    }

    /// Cover `bytes` bytes from the base.
    #[inline]
    pub fn ensure(&mut self, bytes: u64) {
        let n = bytes.div_ceil(CARD) as usize;
        if self.cards.len() < n {
            self.cards.resize(n, 0);
        }
    }

    /// Mark the cards covering `[off, off+len)` (len >= 1).
    #[inline]
    pub fn mark_range(&mut self, off: u64, len: u64) {
        let first = ((off - self.base) >> CARD_SHIFT) as usize;
        let last = ((off + len - 1 - self.base) >> CARD_SHIFT) as usize;
        let end = (last + 1).min(self.cards.len());
        for i in first..end {
            if self.cards[i] == 0 {
                self.cards[i] = 1;
                self.dirty.push(i as u32);
            }
        }
    }

    #[inline]
    pub fn mark(&mut self, off: u64) {
        let i = ((off - self.base) >> CARD_SHIFT) as usize;
        if let Some(c) = self.cards.get_mut(i) {
            if *c == 0 {
                *c = 1;
                self.dirty.push(i as u32);
            }
        }
    }

    #[inline]
    pub fn is_dirty(&self, off: u64) -> bool {
        self.cards
            .get(((off - self.base) >> CARD_SHIFT) as usize)
            .is_some_and(|&c| c != 0)
    }

    pub fn clear_all(&mut self) {
        for &i in &self.dirty {
            self.cards[i as usize] = 0;
        }
        self.dirty.clear();
    }

    /// Indices of dirty cards (cleared as they are returned), ascending.
    pub fn take_dirty(&mut self) -> Vec<u32> {
        let mut out = std::mem::take(&mut self.dirty);
        for &i in &out {
            self.cards[i as usize] = 0;
        }
        out.sort_unstable();
        out
    }

    /// Up to `max` dirty card indices (cleared as they are returned), in no order.
    pub fn take_some(&mut self, max: usize) -> Vec<u32> {
        let at = self.dirty.len().saturating_sub(max);
        let out = self.dirty.split_off(at);
        for &i in &out {
            self.cards[i as usize] = 0;
        }
        out
    }

    pub fn dirty_count(&self) -> usize {
        self.dirty.len()
    }
}

impl Heap {
    /// Is arena offset `off` in the young generation?
    #[inline(always)]
    pub(crate) fn is_young_off(&self, off: u64) -> bool {
        off < self.layout.young_end()
    }

    /// Is VM value `v` a pointer into the young generation's regions?
    #[inline(always)]
    pub(crate) fn is_young_value(&self, v: Addr) -> bool {
        v.wrapping_sub(ARENA_BASE) < self.layout.young_end()
    }

    /// Barrier for a store of `len` bytes at arena offset `off` (already
    /// bounds checked). `val`: the stored word for an 8-byte store (marks
    /// only if it is young), `None` for other stores (marks, unless the store is into a
    /// large object without pointer words).
    #[inline(always)]
    pub(crate) fn barrier(&mut self, off: u64, len: u64, val: Option<u64>) {
        let rel = off.wrapping_sub(self.layout.old.offset);
        if rel >= self.layout.old.size + self.layout.large.size {
            return;
        }
        if val.is_none() && self.pointer_free_large(off) {
            // (A store of unknown bytes into a large object without pointer words.)
            return;
        }
        if self.inc.active {
            // Incremental marking's barrier: the marker re-scans the card (incremental.rs).
            self.remark(off, len, val);
        }
        if let Some(v) = val {
            if !self.is_young_value(v) {
                return;
            }
        }
        self.barrier_slow(off, len);
    }

    /// Barrier for a store of `len` bytes at arena offset `off` that has been made (its
    /// bytes are in place): a small store marks the card only if one of the words it
    /// touched now holds a young pointer, and the remark card only if one may point to a
    /// white object (`may_be_white`). That is exact whatever the store's alignment
    /// and width: a pointer slot is an aligned word, so a store that made an old slot
    /// point to a young object left a young pointer in a word it touched. (A string or an
    /// interface stored into an old array of them, the common case, is two such words.)
    #[inline]
    pub(crate) fn barrier_after(&mut self, off: u64, len: u64) {
        let rel = off.wrapping_sub(self.layout.old.offset);
        if rel >= self.layout.old.size + self.layout.large.size {
            return;
        }
        if len > SMALL_STORE {
            if self.pointer_free_large(off) {
                return;
            }
            if self.inc.active {
                self.remark(off, len, None);
            }
            self.barrier_slow(off, len);
            return;
        }
        self.barrier_words(off, len);
    }

    /// The barrier of `barrier_after` for `[off, off+len)` in the old or large space, word
    /// by word: the card of each word holding a young pointer, and while marking the
    /// remark card of each word that may point to a white object.
    pub(crate) fn barrier_words(&mut self, off: u64, len: u64) {
        let rel = off.wrapping_sub(self.layout.old.offset);
        if rel >= self.layout.old.size + self.layout.large.size {
            return;
        }
        let (lo, hi) = (off & !7, (off + len).next_multiple_of(8));
        for w in (lo..hi).step_by(8) {
            // SAFETY: the word holds a byte of the range, which the caller translated; in
            // the old or large space that range lies in one live span (whole pages) or
            // one large run (whole granules), so the aligned word around it does too.
            let v = unsafe { self.arena.load(w) };
            if self.inc.active {
                self.remark(w, 8, Some(v));
            }
            if self.is_young_value(v) {
                self.barrier_slow(w, 8);
            }
        }
    }

    /// Is arena offset `off` inside a large object whose type has no pointer words (a
    /// table of a map of integers, a big byte or float array)? Bulk stores into it need
    /// no card: a map's rebuild would otherwise dirty every card of its new table, and
    /// the next collection would scan them all in its pause.
    fn pointer_free_large(&self, off: u64) -> bool {
        if !self.layout.large.contains_off(off) {
            return false;
        }
        let Some(base) = self.large.find_base(&self.arena, off) else {
            return false;
        };
        let ty = object::type_id(self.header_at(base));
        self.types.get(ty).is_some_and(|t| t.ptr_words.is_empty())
    }

    #[inline(never)]
    fn barrier_slow(&mut self, off: u64, len: u64) {
        if self.layout.old.contains_off(off) {
            self.old_cards.mark_range(off, len.max(1));
        } else {
            self.large_cards.mark_range(off, len.max(1));
        }
    }

    /// Record a pointer store of `new_val` into `slot`. The accessors call
    /// this themselves; it is public for hosts that write through raw
    /// pointers obtained from `translate`.
    #[inline]
    pub fn write_barrier(&mut self, slot: Addr, new_val: Addr) {
        let off = slot.wrapping_sub(ARENA_BASE);
        self.barrier(off, 8, Some(new_val));
    }

    /// Store a pointer (the barrier runs inside `write_u64`).
    #[inline]
    pub fn write_ptr(&mut self, slot: Addr, new_val: Addr) -> Result<(), Fault> {
        self.write_u64(slot, new_val)
    }

    /// Number of dirty cards (old + large spaces).
    pub fn dirty_cards(&self) -> usize {
        self.old_cards.dirty_count() + self.large_cards.dirty_count()
    }
}
