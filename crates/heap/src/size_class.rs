//! Size classes of the old space (in the spirit of Go's `sizeclasses.go`).
//!
//! A *cell* is one object slot in the old space: the 8-byte header plus the
//! payload footprint. Cells are rounded up to one of `CELL_SIZES` (Go's
//! object size classes from 16 bytes up, plus one class for the largest
//! small cell, 32 KiB + 8: a 32767-byte payload plus its header). A span of
//! class `c` is `npages[c]` consecutive 8 KiB pages carved into equal cells.
//!
//! Invariants:
//! - `CELL_SIZES` is strictly increasing, every entry a multiple of 8, the
//!   first >= 16 (the smallest cell: header + 8-byte minimum footprint), the
//!   last >= `MAX_SMALL_CELL`.
//! - `npages[c]` is the smallest page count (1..=16) whose tail waste is at
//!   most 1/8 of the span, or the least wasteful count if none is; every span
//!   holds at least one cell.
//! - `class_of(cell)` is the smallest class whose size is >= `cell`.

/// Old-space page size (span granule).
pub(crate) const PAGE: u64 = 8 << 10;

/// Largest cell of a small object: header + footprint(32767).
pub(crate) const MAX_SMALL_CELL: u64 = 8 + 32768;

const CELL_SIZES: &[u32] = &[
    16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
    384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
    2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768, 32776,
];

pub(crate) struct SizeClasses {
    pub cell: Vec<u32>,
    pub npages: Vec<u32>,
    /// `lookup[(cell + 7) / 8]` = class index.
    lookup: Vec<u8>,
}

impl SizeClasses {
    pub fn new() -> SizeClasses {
        let cell: Vec<u32> = CELL_SIZES.to_vec();
        let npages = cell
            .iter()
            .map(|&c| {
                let c = c as u64;
                let waste = |n: u64| (n * PAGE) % c;
                (1..=16u64)
                    .filter(|&n| n * PAGE >= c)
                    .find(|&n| waste(n) * 8 <= n * PAGE)
                    .or_else(|| {
                        (1..=16u64)
                            .filter(|&n| n * PAGE >= c)
                            .min_by_key(|&n| waste(n) * 1000 / (n * PAGE))
                    })
                    .unwrap_or(16) as u32
            })
            .collect();
        let max_words = (MAX_SMALL_CELL / 8) as usize;
        let mut lookup = vec![0u8; max_words + 1];
        let mut c = 0usize;
        for (w, slot) in lookup.iter_mut().enumerate() {
            while (cell[c] as usize) < w * 8 {
                c += 1;
            }
            *slot = c as u8;
        }
        SizeClasses {
            cell,
            npages,
            lookup,
        }
    }

    /// Number of classes.
    pub fn len(&self) -> usize {
        self.cell.len()
    }

    /// Class of a cell of `bytes` (header included; <= MAX_SMALL_CELL).
    #[inline]
    pub fn class_of(&self, bytes: u64) -> usize {
        self.lookup[bytes.div_ceil(8) as usize] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_sane() {
        let sc = SizeClasses::new();
        assert!(CELL_SIZES.windows(2).all(|w| w[0] < w[1]));
        assert!(CELL_SIZES.iter().all(|c| c % 8 == 0));
        assert_eq!(*CELL_SIZES.last().unwrap() as u64, MAX_SMALL_CELL);
        for bytes in (16..=MAX_SMALL_CELL).step_by(8) {
            let c = sc.class_of(bytes);
            assert!(sc.cell[c] as u64 >= bytes);
            assert!(c == 0 || (sc.cell[c - 1] as u64) < bytes);
        }
        for (c, &n) in sc.npages.iter().enumerate() {
            let span = n as u64 * PAGE;
            assert!(span >= sc.cell[c] as u64);
            assert!((span % sc.cell[c] as u64) * 8 <= span, "class {c}");
        }
        assert_eq!(sc.class_of(16), 0);
        assert_eq!(sc.class_of(17), 1);
        assert_eq!(sc.cell[sc.class_of(24)], 24);
    }
}
