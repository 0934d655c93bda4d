//! Go's size classes (`runtime/sizeclasses.go`) and the old space's cell
//! classes built on them.
//!
//! `GO_SIZE_CLASSES` is Go's object size table and `roundupsize` Go's rounding
//! of an allocation to it (what slice growth and `[]byte(s)` capacities
//! follow); this is the one copy of that table.
//!
//! A *cell* is one object slot in the old space: the 8-byte header plus the
//! payload footprint. Cells are rounded up to one of the cell sizes: Go's
//! object size classes from 16 bytes up (the smallest cell: header + 8-byte
//! minimum footprint), plus one class for the largest small cell, 32 KiB + 8
//! (a 32767-byte payload plus its header). A span of class `c` is `npages[c]`
//! consecutive 8 KiB pages carved into equal cells.
//!
//! Invariants:
//! - `GO_SIZE_CLASSES` is strictly increasing, every entry a multiple of 8,
//!   from 8 to 32768 (Go's `_MaxSmallSize`).
//! - The cell sizes are strictly increasing, every entry a multiple of 8, the
//!   first >= 16, the last == `MAX_SMALL_CELL`.
//! - `npages[c]` is the smallest page count (1..=16) whose tail waste is at
//!   most 1/8 of the span, or the least wasteful count if none is; every span
//!   holds at least one cell.
//! - `class_of(cell)` is the smallest class whose size is >= `cell`.

/// Old-space page size (span granule).
pub(crate) const PAGE: u64 = 8 << 10;

/// Largest cell of a small object: header + footprint(32767).
pub(crate) const MAX_SMALL_CELL: u64 = 8 + 32768;

/// Go's object size classes in bytes (class 1 up; Go's class 0 means "large").
pub const GO_SIZE_CLASSES: &[u32] = &[
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
    384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
    2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// Largest object Go's allocator serves from a size class (`_MaxSmallSize`).
const MAX_SMALL_SIZE: u64 = 32768;

/// Go's `roundupsize`: the bytes Go's allocator reserves for a `size`-byte
/// object, i.e. the smallest size class holding it, or whole 8 KiB pages
/// beyond the largest class. (`roundupsize(0)` is 8, the smallest class.)
pub fn roundupsize(size: u64) -> u64 {
    if size <= MAX_SMALL_SIZE {
        for &c in GO_SIZE_CLASSES {
            if c as u64 >= size {
                return c as u64;
            }
        }
    }
    size.div_ceil(PAGE) * PAGE
}

/// The old space's cell sizes: Go's classes that can hold a header and an
/// 8-byte footprint, then `MAX_SMALL_CELL`.
fn cell_sizes() -> Vec<u32> {
    GO_SIZE_CLASSES
        .iter()
        .copied()
        .filter(|&c| c >= 16)
        .chain([MAX_SMALL_CELL as u32])
        .collect()
}

pub(crate) struct SizeClasses {
    pub cell: Vec<u32>,
    pub npages: Vec<u32>,
    /// `lookup[(cell + 7) / 8]` = class index.
    lookup: Vec<u8>,
}

impl SizeClasses {
    /// The process's table, built on first use.
    pub fn shared() -> &'static SizeClasses {
        static SHARED: std::sync::OnceLock<SizeClasses> = std::sync::OnceLock::new();
        SHARED.get_or_init(SizeClasses::new)
    }

    pub fn new() -> SizeClasses {
        let cell = cell_sizes();
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
        assert!(GO_SIZE_CLASSES.windows(2).all(|w| w[0] < w[1]));
        assert!(GO_SIZE_CLASSES.iter().all(|c| c % 8 == 0));
        assert_eq!(GO_SIZE_CLASSES[0], 8);
        assert_eq!(*GO_SIZE_CLASSES.last().unwrap() as u64, MAX_SMALL_SIZE);
        assert!(sc.cell.windows(2).all(|w| w[0] < w[1]));
        assert!(sc.cell.iter().all(|c| c % 8 == 0));
        assert_eq!(sc.cell[0], 16);
        assert_eq!(*sc.cell.last().unwrap() as u64, MAX_SMALL_CELL);
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

    #[test]
    fn roundupsize_follows_go() {
        assert_eq!(roundupsize(1), 8);
        assert_eq!(roundupsize(8), 8);
        assert_eq!(roundupsize(9), 16);
        assert_eq!(roundupsize(1025), 1152);
        assert_eq!(roundupsize(32768), 32768);
        assert_eq!(roundupsize(32769), 40960);
    }
}
