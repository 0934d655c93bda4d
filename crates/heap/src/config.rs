//! Heap configuration and `GOSUBGC` parsing.
//!
//! Invariants: a `HeapConfig` is plain data; `Heap::new` clamps values that
//! do not fit the reservation (e.g. a nursery larger than a semispace).

use crate::arena::DEFAULT_RESERVE;

/// Default nursery (initial semispace) size: 4 MiB. It matches Go's minimum
/// heap goal (GOGC=100 starts at a 4 MiB target), so small programs collect
/// about as often as under Go, and it fits comfortably in L2/L3-sized caches
/// so bump allocation and Cheney scans stay cache friendly. The space doubles
/// when more than half of it survives a collection.
pub const DEFAULT_NURSERY: u64 = 4 << 20;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeapConfig {
    /// Initial bytes of the allocation space (see [`DEFAULT_NURSERY`]).
    pub nursery_bytes: u64,
    /// Upper bound on heap bytes in use (small-object space used + large
    /// objects' pages); allocation beyond it after a collection fails with
    /// `OutOfMemory`. `None`: only the reservation limits the heap.
    pub heap_limit: Option<u64>,
    /// Ask for a collection at every allocation (each `alloc` not directly
    /// preceded by a collection returns `NeedsCollection`).
    pub gc_stress: bool,
    /// Run the verifier after every collection (panics on a broken heap:
    /// that is an internal invariant violation, never user input).
    pub verify: bool,
    /// Size of the virtual address reservation (default 64 GiB; the heap
    /// halves it on refusal down to 64 MiB).
    pub reserve_bytes: u64,
}

impl Default for HeapConfig {
    fn default() -> Self {
        HeapConfig {
            nursery_bytes: DEFAULT_NURSERY,
            heap_limit: None,
            gc_stress: false,
            verify: false,
            reserve_bytes: DEFAULT_RESERVE,
        }
    }
}

/// Parse `4M`, `512k`, `1G`, `4096`.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (num, mul) = match s.char_indices().last()? {
        (i, 'k' | 'K') => (&s[..i], 1u64 << 10),
        (i, 'm' | 'M') => (&s[..i], 1 << 20),
        (i, 'g' | 'G') => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    num.trim().parse::<u64>().ok()?.checked_mul(mul)
}

impl HeapConfig {
    /// Apply a `GOSUBGC`-style spec: comma separated `key=value` with keys
    /// `nursery`, `limit`, `reserve` (sizes), `stress`, `verify` (0/1; a bare
    /// key means 1). Unknown keys or bad values are returned as an error.
    pub fn apply_spec(&mut self, spec: &str) -> Result<(), String> {
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (k, v) = item.split_once('=').unwrap_or((item, "1"));
            let size = || parse_size(v).ok_or_else(|| format!("GOSUBGC: bad size {v:?}"));
            let flag = || match v {
                "1" | "true" | "on" => Ok(true),
                "0" | "false" | "off" => Ok(false),
                _ => Err(format!("GOSUBGC: bad flag {v:?}")),
            };
            match k {
                "nursery" => self.nursery_bytes = size()?,
                "limit" => self.heap_limit = Some(size()?),
                "reserve" => self.reserve_bytes = size()?,
                "stress" => self.gc_stress = flag()?,
                "verify" => self.verify = flag()?,
                _ => return Err(format!("GOSUBGC: unknown key {k:?}")),
            }
        }
        Ok(())
    }

    /// Default configuration modified by the `GOSUBGC` environment variable
    /// (e.g. `GOSUBGC=nursery=4M,verify=1`).
    pub fn from_env() -> Result<HeapConfig, String> {
        let mut c = HeapConfig::default();
        if let Ok(spec) = std::env::var("GOSUBGC") {
            c.apply_spec(&spec)?;
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_parsing() {
        assert_eq!(parse_size("4M"), Some(4 << 20));
        assert_eq!(parse_size("12k"), Some(12 << 10));
        assert_eq!(parse_size("1G"), Some(1 << 30));
        assert_eq!(parse_size("77"), Some(77));
        assert_eq!(parse_size("x"), None);
        let mut c = HeapConfig::default();
        c.apply_spec("nursery=1M, limit=64M,stress,verify=0")
            .unwrap();
        assert_eq!(c.nursery_bytes, 1 << 20);
        assert_eq!(c.heap_limit, Some(64 << 20));
        assert!(c.gc_stress && !c.verify);
        assert!(c.apply_spec("bogus=1").is_err());
    }
}
