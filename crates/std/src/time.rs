//! Package time's natives: the wall clock, sleeping (a scheduler park) and Go's printing of
//! durations and instants.

use crate::natives::native;
use gosub_vm::{NativeRegistry, Trap};

pub fn register(r: &mut NativeRegistry) {
    native!(r, "time.nowNano", |a| {
        let ns = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(0);
        a.ret_int(ns)?;
    });
    native!(r, "time.sleep", |a| {
        let ns = a.int()?;
        return Err(Trap::Sleep(ns.max(0) as u64));
    });
    native!(r, "time.formatDuration", |a| {
        let d = a.int()?;
        a.ret_string(format_duration(d).as_bytes())?;
    });
    native!(r, "time.formatUnix", |a| {
        let ns = a.int()?;
        a.ret_string(
            format!(
                "{}.{:09} +0000 UTC",
                ns.div_euclid(1_000_000_000),
                ns.rem_euclid(1_000_000_000)
            )
            .as_bytes(),
        )?;
    });
}

/// Go's `time.Duration.String`: "1h2m3.5s", "1.5s", "100ms", "1µs", "0s".
pub fn format_duration(d: i64) -> String {
    if d == 0 {
        return "0s".into();
    }
    let u = d.unsigned_abs();
    // v / div with the fractional digits of div, trailing zeros trimmed.
    let frac = |v: u64, div: u64| -> String {
        let mut s = (v / div).to_string();
        let digits = div.ilog10() as usize;
        if digits > 0 {
            let f = format!("{:0width$}", v % div, width = digits);
            let f = f.trim_end_matches('0');
            if !f.is_empty() {
                s.push('.');
                s.push_str(f);
            }
        }
        s
    };
    let body = if u < 1_000 {
        format!("{}ns", u)
    } else if u < 1_000_000 {
        format!("{}µs", frac(u, 1_000))
    } else if u < 1_000_000_000 {
        format!("{}ms", frac(u, 1_000_000))
    } else {
        let h = u / 3_600_000_000_000;
        let m = (u / 60_000_000_000) % 60;
        let s = frac(u % 60_000_000_000, 1_000_000_000);
        if h > 0 {
            format!("{}h{}m{}s", h, m, s)
        } else if m > 0 {
            format!("{}m{}s", m, s)
        } else {
            format!("{}s", s)
        }
    };
    if d < 0 {
        format!("-{}", body)
    } else {
        body
    }
}
