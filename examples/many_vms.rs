//! The cost of many idle VMs in one process (issue 15's benchmark):
//! `cargo run --release --example many_vms [N [HEAP_LIMIT_MIB]]` (default 2000 VMs, no
//! heap limit).
//!
//! Starts N VMs, each with `Vm::new()` and a first `eval("1+1")`, keeps them all alive, and
//! prints the median time to start one, the CPU time (user+sys) per VM, the resident memory
//! per VM, and the process's mappings. It stops at the first VM that cannot start and prints
//! why (the address-space limit: each VM reserves 1 GiB, or 4 × a heap limit with at least
//! 256 MiB, so about 130,000 fit; docs/embedding.md, "How many VMs fit").
//!
//! Every VM but the first has the same first input, which the process compiles once
//! (src/first_inputs.rs); then min(N, 2000) more VMs start with a first input of their
//! own (`eval("i+1")`), which each compiles, and the median of those is printed too.

use std::time::Instant;

fn status(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// The process's CPU time (user+sys) in seconds, from /proc/self/stat (in clock ticks of
/// 1/100 s: over thousands of VMs, fine enough).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command's closing parenthesis; utime and stime are the 14th
            // and 15th of the line, the 12th and 13th after it.
            let rest = &s[s.rfind(')')? + 2..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / 100.0)
        })
        .unwrap_or(0.0)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let limit: Option<u64> = std::env::args().nth(2).and_then(|s| s.parse().ok());
    let new_vm = || match limit {
        Some(mib) => gosub::Vm::builder().heap_limit(mib << 20).build(),
        None => gosub::Vm::new(),
    };
    // The process's first VM builds the shared standard library: not counted.
    let mut vms = vec![new_vm()];
    let _ = vms[0].eval("1+1");
    let rss0 = status("VmRSS:");
    let cpu0 = cpu_seconds();
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        let mut vm = new_vm();
        match vm.eval("1+1") {
            Ok(gosub::Value::Int(2)) => {}
            Ok(v) => {
                println!("VM {}: 1+1 gave {v:?}", i + 1);
                break;
            }
            Err(e) => {
                println!("VM {} did not start: {}", i + 1, e);
                break;
            }
        }
        times.push(t.elapsed().as_secs_f64());
        vms.push(vm);
    }
    let cpu = cpu_seconds() - cpu0;
    times.sort_by(|a, b| a.total_cmp(b));
    let started = times.len();
    let rss = status("VmRSS:");
    let maps = std::fs::read_to_string("/proc/self/maps")
        .map(|s| s.lines().count())
        .unwrap_or(0);
    println!(
        "{} VMs: start median {:.2} ms, CPU {:.2} ms per VM; RSS {} MB in all, {} kB per VM; {} mappings",
        started,
        times.get(started / 2).copied().unwrap_or(0.0) * 1e3,
        cpu * 1e3 / started.max(1) as f64,
        rss / 1024,
        (rss - rss0) / started.max(1) as u64,
        maps
    );
    // A first input of its own: compiled by each VM.
    let mut own = Vec::with_capacity(n);
    let cpu0 = cpu_seconds();
    for i in 0..started.min(2000) {
        let t = Instant::now();
        let mut vm = new_vm();
        let src = format!("{i}+1");
        match vm.eval(&src) {
            Ok(v) if v == gosub::Value::Int(i as i64 + 1) => {}
            other => {
                println!("VM {} of its own: {src} gave {other:?}", i + 1);
                break;
            }
        }
        own.push(t.elapsed().as_secs_f64());
        vms.push(vm);
    }
    let cpu = cpu_seconds() - cpu0;
    own.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{} more VMs, each with a first input of its own: start median {:.2} ms, CPU {:.2} ms per VM",
        own.len(),
        own.get(own.len() / 2).copied().unwrap_or(0.0) * 1e3,
        cpu * 1e3 / own.len().max(1) as f64,
    );
}
