//! Object-start bitmap of a bump space: one bit per 8-byte word.
//!
//! Invariants:
//! - Bit `i` is set iff an object's *base* (first payload byte, not its
//!   header) is at word `i` of the space. Bits are set at allocation/copy and
//!   cleared wholesale when the space is emptied.
//! - The bitmap always covers every word of the space's committed part
//!   (`ensure` is called whenever the space commits more memory).
//! - Finding an object from an interior pointer = the highest set bit at or
//!   below the pointer's word (see `object.rs` for why that is unambiguous).

#[derive(Clone)]
pub(crate) struct StartBitmap {
    bits: Vec<u64>,
}

impl StartBitmap {
    pub fn new() -> StartBitmap {
        StartBitmap { bits: Vec::new() }
    }

    /// Make sure words `0..words` are covered.
    pub fn ensure(&mut self, words: u64) {
        let need = words.div_ceil(64) as usize + 1;
        if self.bits.len() < need {
            self.bits.resize(need, 0);
        }
    }

    #[inline]
    pub fn set(&mut self, word: u64) {
        let i = (word / 64) as usize;
        if let Some(b) = self.bits.get_mut(i) {
            *b |= 1 << (word % 64);
        }
    }

    #[inline]
    pub fn get(&self, word: u64) -> bool {
        self.bits
            .get((word / 64) as usize)
            .is_some_and(|b| b & (1 << (word % 64)) != 0)
    }

    /// Clear words `0..words`.
    pub fn clear(&mut self, words: u64) {
        let n = (words.div_ceil(64) as usize).min(self.bits.len());
        self.bits[..n].fill(0);
    }

    /// Highest set bit `<= word`.
    pub fn find_prev(&self, word: u64) -> Option<u64> {
        let mut i = (word / 64) as usize;
        if i >= self.bits.len() {
            return None;
        }
        let bit = word % 64;
        let mask = if bit == 63 {
            !0u64
        } else {
            (1u64 << (bit + 1)) - 1
        };
        let mut w = self.bits[i] & mask;
        loop {
            if w != 0 {
                return Some(i as u64 * 64 + 63 - w.leading_zeros() as u64);
            }
            if i == 0 {
                return None;
            }
            i -= 1;
            w = self.bits[i];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_prev_works() {
        let mut b = StartBitmap::new();
        b.ensure(1000);
        assert_eq!(b.find_prev(500), None);
        b.set(1);
        b.set(63);
        b.set(64);
        b.set(700);
        assert_eq!(b.find_prev(0), None);
        assert_eq!(b.find_prev(1), Some(1));
        assert_eq!(b.find_prev(62), Some(1));
        assert_eq!(b.find_prev(63), Some(63));
        assert_eq!(b.find_prev(64), Some(64));
        assert_eq!(b.find_prev(699), Some(64));
        assert_eq!(b.find_prev(999), Some(700));
        assert!(b.get(700) && !b.get(701));
        b.clear(1000);
        assert_eq!(b.find_prev(999), None);
    }
}
