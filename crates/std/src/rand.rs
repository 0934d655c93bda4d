//! Natives of math/rand and math/rand/v2: the random seed of their top-level functions
//! (Go's runtime seeds its generator from the operating system at startup) and math/rand's
//! reading of GODEBUG settings (`randautoseed`, `randseednop`).
//!
//! Invariants: `runtimeSeed` never repeats within a process run (a counter is mixed in) and
//! differs between runs (the standard library's per-process random hash keys, which come
//! from the operating system, and the clock); `godebug` returns the value of the last
//! `name=value` item of $GODEBUG, or "" when there is none, as Go's internal/godebug does;
//! the host's GODEBUG is read only with the `env` capability (else Go's defaults hold).

use crate::natives::native;
use gosub_vm::NativeRegistry;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

pub fn register(r: &mut NativeRegistry) {
    native!(r, "math/rand/v2.runtimeSeed", |a| {
        a.ret_int(random_u64() as i64)?;
    });
    native!(r, "math/rand.runtimeSeed", |a| {
        a.ret_int(random_u64() as i64)?;
    });
    native!(r, "math/rand.godebug", |a| {
        let name = a.string()?;
        // The host's environment only with the env capability (an embedder's VM sees none).
        let env = if a.vm.config.caps.has(gosub_vm::caps::ENV) {
            std::env::var("GODEBUG").unwrap_or_default()
        } else {
            String::new()
        };
        a.ret_string(godebug_value(&env, &String::from_utf8_lossy(&name)).as_bytes())?;
    });
}

/// 64 random bits: a fresh `RandomState` (keyed from the operating system's randomness)
/// hashing the clock and a process-wide counter.
fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    h.write_u64(now);
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.finish()
}

/// The value GODEBUG gives `name` (the last `name=value` item wins; a `#bisect` suffix
/// is dropped), or "".
fn godebug_value(env: &str, name: &str) -> String {
    env.split(',')
        .filter_map(|kv| kv.split_once('='))
        .filter(|(k, _)| *k == name)
        .map(|(_, v)| v.split('#').next().unwrap_or("").to_string())
        .next_back()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn godebug_takes_the_last_setting() {
        assert_eq!(godebug_value("randseednop=0", "randseednop"), "0");
        assert_eq!(
            godebug_value("a=1,randseednop=0,randseednop=1", "randseednop"),
            "1"
        );
        assert_eq!(godebug_value("x=1", "randseednop"), "");
        assert_eq!(godebug_value("", "randseednop"), "");
        assert_eq!(godebug_value("randseednop=0#+1", "randseednop"), "0");
    }

    #[test]
    fn seeds_differ() {
        assert_ne!(random_u64(), random_u64());
    }
}
