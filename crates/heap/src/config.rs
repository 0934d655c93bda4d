//! Heap configuration, `GOSUBGC`, `GOSUBDEBUG`, `GOGC` and `GOSUBMEMLIMIT`
//! parsing.
//!
//! Invariants: a `HeapConfig` is plain data; `Heap::new` clamps values that
//! do not fit the reservation (e.g. a nursery larger than its region) and
//! rounds the nursery to 64 KiB (minimum 64 KiB, so every small object fits
//! an empty nursery).

use crate::arena::DEFAULT_RESERVE;

/// Default nursery size: 256 KiB. Reasons (measurements in docs/memory.md):
/// - a minor pause is proportional to what survives, and what survives is
///   bounded by the nursery size: on ../shared/bench/binarytrees.go (a tree
///   under construction keeps much of the nursery live) the longest minor
///   pause is 0.65 ms at 256 KiB, 1.3 ms at 512 KiB and 2.7 ms at 1 MiB, so
///   256 KiB is the largest power of two that keeps minors under 1 ms;
/// - total GC time stays under 30% of run time there (26%; 17% at 1 MiB) and
///   on closures.go the difference is nil (0.4% either way);
/// - it fits every L2 cache, so freshly allocated (hot) objects stay cached,
///   and the three young spaces cost 768 KiB of resident memory.
pub const DEFAULT_NURSERY: u64 = 256 << 10;

/// Default promotion age: an object is promoted into the old space when it
/// survives its second minor collection. Age 1 (promote at the first
/// survival) promotes every object that merely happened to be live at the
/// moment the nursery filled up — typically the half-built structures of
/// the current loop iteration — and old-space garbage costs a major
/// collection to reclaim. Age 2 gives them one more nursery period to die,
/// for the price of copying true survivors twice; larger ages rarely help
/// (objects that survive two collections tend to live long). It is the most a
/// survivor waits: after a mostly live nursery the next minor collection promotes
/// at the first survival (`pacing.rs`, "Tenuring").
pub const DEFAULT_PROMOTE_AGE: u8 = 2;

/// Default `GOGC`.
pub const DEFAULT_GOGC: i64 = 100;

/// Under `gcstress`, a major collection replaces every N-th minor one.
pub const DEFAULT_STRESS_MAJOR_EVERY: u32 = 100;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeapConfig {
    /// Nursery bytes (see [`DEFAULT_NURSERY`]).
    pub nursery_bytes: u64,
    /// Minor collections an object survives before promotion, 1..=15 (see
    /// [`DEFAULT_PROMOTE_AGE`]).
    pub promote_age: u8,
    /// `GOGC`: a major collection starts when the old generation grows to
    /// `(1 + gogc/100) x` its size after the last major one. Negative: off.
    pub gogc: i64,
    /// Go's soft memory limit (`GOMEMLIMIT`, `debug.SetMemoryLimit`): the
    /// collector paces itself to keep the heap under it (`pacing.rs`); `None`:
    /// no limit (Go's `math.MaxInt64`).
    pub soft_limit: Option<u64>,
    /// Upper bound on heap bytes in use (young + old + large objects);
    /// allocation beyond it after a collection fails with `OutOfMemory`.
    /// `None`: only the reservation limits the heap.
    pub heap_limit: Option<u64>,
    /// Ask for a collection at every allocation (each `alloc` not directly
    /// preceded by a collection returns `NeedsCollection`); every
    /// `stress_major_every`-th of them is a major collection.
    pub gc_stress: bool,
    pub stress_major_every: u32,
    /// Run the verifier after every collection; a failure is recorded (see
    /// `Heap::take_verify_error`), the VM reports it as a fatal error.
    pub verify: bool,
    /// Record one trace line per collection (`Heap::take_trace_lines`).
    pub gctrace: bool,
    /// Size of the virtual address reservation (default 64 GiB; the heap
    /// halves it on refusal down to 64 MiB).
    pub reserve_bytes: u64,
    /// Mark the old generation incrementally (`incremental.rs`); off: every major
    /// collection marks and sweeps in one stop-the-world pause.
    pub incremental: bool,
    /// `GOSUBGC=incremental=eager`: a cycle starts at every minor collection that finds
    /// none running, and a tiny step runs at every allocation (a test mode, to run
    /// programs with marking always under way; `gcstress` implies it).
    pub mark_eager: bool,
}

impl Default for HeapConfig {
    fn default() -> Self {
        HeapConfig {
            nursery_bytes: DEFAULT_NURSERY,
            promote_age: DEFAULT_PROMOTE_AGE,
            gogc: DEFAULT_GOGC,
            soft_limit: None,
            heap_limit: None,
            gc_stress: false,
            stress_major_every: DEFAULT_STRESS_MAJOR_EVERY,
            verify: false,
            gctrace: false,
            reserve_bytes: DEFAULT_RESERVE,
            incremental: true,
            mark_eager: false,
        }
    }
}

/// Parse `4M`, `512k`, `1G`, `4096` (also `4MiB`, `4MB`).
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let s = s
        .strip_suffix("iB")
        .or_else(|| s.strip_suffix("B"))
        .unwrap_or(s);
    let (num, mul) = match s.char_indices().last()? {
        (i, 'k' | 'K') => (&s[..i], 1u64 << 10),
        (i, 'm' | 'M') => (&s[..i], 1 << 20),
        (i, 'g' | 'G') => (&s[..i], 1 << 30),
        (i, 't' | 'T') => (&s[..i], 1 << 40),
        _ => (s, 1),
    };
    num.trim().parse::<u64>().ok()?.checked_mul(mul)
}

fn flag(what: &str, v: &str) -> Result<bool, String> {
    match v {
        "1" | "true" | "on" => Ok(true),
        "0" | "false" | "off" => Ok(false),
        _ => Err(format!("{what}: bad flag {v:?}")),
    }
}

/// Parse a `GOMEMLIMIT` value as Go's runtime does: `off`, or a byte count with an
/// optional unit `B`, `KiB`, `MiB`, `GiB` or `TiB` (None: no limit).
pub fn parse_gomemlimit(v: &str) -> Result<Option<u64>, String> {
    let bad = || {
        format!("GOMEMLIMIT={v}: malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`")
    };
    if v == "off" {
        return Ok(None);
    }
    let digits = v.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let shift = match &v[digits.len()..] {
        "" | "B" => 0,
        "KiB" => 10,
        "MiB" => 20,
        "GiB" => 30,
        "TiB" => 40,
        _ => return Err(bad()),
    };
    let n: u64 = digits.parse().map_err(|_| bad())?;
    let bytes = n.checked_mul(1 << shift).ok_or_else(bad)?;
    Ok((bytes < i64::MAX as u64).then_some(bytes))
}

/// Parse a `GOGC` value: a percentage or `off` (returned as -1).
pub fn parse_gogc(v: &str) -> Result<i64, String> {
    let v = v.trim();
    if v.eq_ignore_ascii_case("off") {
        return Ok(-1);
    }
    v.parse::<i64>()
        .map(|n| if n < 0 { -1 } else { n })
        .map_err(|_| format!("GOGC: bad value {v:?}"))
}

impl HeapConfig {
    /// Apply a `GOSUBGC`-style spec: comma separated `key=value` with keys
    /// `nursery`, `limit`, `reserve` (sizes), `promote` (age), `gogc`,
    /// `stress`, `verify`, `trace`, `incremental` (0/1, on/off; a bare key means 1;
    /// `incremental=eager` also sets `mark_eager`). Unknown keys or
    /// bad values are returned as an error.
    pub fn apply_spec(&mut self, spec: &str) -> Result<(), String> {
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (k, v) = item.split_once('=').unwrap_or((item, "1"));
            let size = || parse_size(v).ok_or_else(|| format!("GOSUBGC: bad size {v:?}"));
            match k {
                "nursery" => self.nursery_bytes = size()?,
                "limit" => self.heap_limit = Some(size()?),
                "reserve" => self.reserve_bytes = size()?,
                "promote" => {
                    self.promote_age = v
                        .parse::<u8>()
                        .ok()
                        .filter(|a| (1..=15).contains(a))
                        .ok_or_else(|| format!("GOSUBGC: bad promotion age {v:?} (1..15)"))?
                }
                "gogc" => self.gogc = parse_gogc(v)?,
                "stress" => self.gc_stress = flag("GOSUBGC", v)?,
                "verify" => self.verify = flag("GOSUBGC", v)?,
                "trace" => self.gctrace = flag("GOSUBGC", v)?,
                "incremental" if v == "eager" => {
                    self.incremental = true;
                    self.mark_eager = true;
                }
                "incremental" => self.incremental = flag("GOSUBGC", v)?,
                _ => return Err(format!("GOSUBGC: unknown key {k:?}")),
            }
        }
        Ok(())
    }

    /// Apply a `GOSUBDEBUG` spec: `gctrace=1`, `gcstress=1` (or `gcstress=N`:
    /// a major collection every N-th stress collection; the VM also moves
    /// goroutine stacks at every other call under it, crates/vm/src/stack.rs),
    /// `gcverify=1`.
    /// Unknown keys are ignored (like Go's GODEBUG).
    pub fn apply_debug(&mut self, spec: &str) -> Result<(), String> {
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (k, v) = item.split_once('=').unwrap_or((item, "1"));
            let num = || {
                v.parse::<u32>()
                    .map_err(|_| format!("GOSUBDEBUG: bad value {v:?} for {k}"))
            };
            match k {
                "gctrace" => self.gctrace = num()? != 0,
                "gcverify" => self.verify = num()? != 0,
                "gcstress" => {
                    let n = num()?;
                    self.gc_stress = n != 0;
                    if n > 1 {
                        self.stress_major_every = n;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The reservation the environment asks for (`GOSUBGC=reserve=SIZE`), if it does: a
    /// host's VMs have a default of their own and keep it otherwise.
    pub fn reserve_from_env() -> Option<u64> {
        let spec = std::env::var("GOSUBGC").ok()?;
        let mut c = HeapConfig {
            reserve_bytes: 0,
            ..HeapConfig::default()
        };
        c.apply_spec(&spec).ok()?;
        (c.reserve_bytes != 0).then_some(c.reserve_bytes)
    }

    /// Default configuration modified by the environment: `GOGC`, `GOMEMLIMIT`,
    /// `GOSUBMEMLIMIT` (a size, or `off`), `GOSUBGC` (e.g.
    /// `GOSUBGC=nursery=4M,verify=1`) and `GOSUBDEBUG` (e.g.
    /// `GOSUBDEBUG=gctrace=1,gcverify=1`).
    pub fn from_env() -> Result<HeapConfig, String> {
        let mut c = HeapConfig::default();
        if let Ok(v) = std::env::var("GOGC") {
            if !v.is_empty() {
                c.gogc = parse_gogc(&v)?;
            }
        }
        if let Ok(v) = std::env::var("GOMEMLIMIT") {
            if !v.is_empty() {
                c.soft_limit = parse_gomemlimit(&v)?;
            }
        }
        if let Ok(v) = std::env::var("GOSUBMEMLIMIT") {
            let v = v.trim();
            if !v.is_empty() && !v.eq_ignore_ascii_case("off") {
                c.heap_limit =
                    Some(parse_size(v).ok_or_else(|| format!("GOSUBMEMLIMIT: bad size {v:?}"))?);
            }
        }
        if let Ok(spec) = std::env::var("GOSUBGC") {
            c.apply_spec(&spec)?;
        }
        if let Ok(spec) = std::env::var("GOSUBDEBUG") {
            c.apply_debug(&spec)?;
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gomemlimit_as_go_parses_it() {
        assert_eq!(parse_gomemlimit("off"), Ok(None));
        assert_eq!(parse_gomemlimit("1048576"), Ok(Some(1 << 20)));
        assert_eq!(parse_gomemlimit("512B"), Ok(Some(512)));
        assert_eq!(parse_gomemlimit("64MiB"), Ok(Some(64 << 20)));
        assert_eq!(parse_gomemlimit("2GiB"), Ok(Some(2 << 30)));
        assert_eq!(parse_gomemlimit("9223372036854775807"), Ok(None));
        for bad in ["64M", "64mib", "", "-1", "1.5GiB", "MiB", "99999999TiB"] {
            assert!(parse_gomemlimit(bad).is_err(), "{bad:?} must be rejected");
        }
    }

    #[test]
    fn spec_parsing() {
        assert_eq!(parse_size("4M"), Some(4 << 20));
        assert_eq!(parse_size("4MiB"), Some(4 << 20));
        assert_eq!(parse_size("12k"), Some(12 << 10));
        assert_eq!(parse_size("1G"), Some(1 << 30));
        assert_eq!(parse_size("77"), Some(77));
        assert_eq!(parse_size("x"), None);
        let mut c = HeapConfig::default();
        c.apply_spec("nursery=1M, limit=64M,stress,verify=0,promote=3,gogc=off")
            .unwrap();
        assert_eq!(c.nursery_bytes, 1 << 20);
        assert_eq!(c.heap_limit, Some(64 << 20));
        assert_eq!(c.promote_age, 3);
        assert_eq!(c.gogc, -1);
        assert!(c.gc_stress && !c.verify);
        assert!(c.apply_spec("bogus=1").is_err());
        assert!(c.apply_spec("promote=0").is_err());
        let mut d = HeapConfig::default();
        d.apply_debug("gctrace=1,gcstress=8,gcverify=1,other=3")
            .unwrap();
        assert!(d.gctrace && d.gc_stress && d.verify);
        assert_eq!(d.stress_major_every, 8);
        assert_eq!(parse_gogc("50"), Ok(50));
        assert_eq!(parse_gogc("OFF"), Ok(-1));
        assert!(parse_gogc("x").is_err());
    }
}
