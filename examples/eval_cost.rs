//! The cost of an eval session's inputs as the session grows (issue 15's benchmark):
//! `cargo run --release --example eval_cost [INPUTS]` (default 1500).
//!
//! Alternates a declaration (`vN := N`, so the session grows by one variable per pair)
//! with `1+1`, then calls a small Go function with `Vm::call` (run directly, as a prepared
//! call, since its arguments and result allow it), and prints the median wall
//! time of the inputs in a few windows and the resident memory per call; then the same
//! for prepared calls (`Vm::func`) of an empty function and of `Add`.

use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1500);
    let mut vm = gosub::Vm::new();
    let mut ms = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        let r = if i % 2 == 0 {
            vm.eval(&format!("v{i} := {i}"))
        } else {
            vm.eval("1+1")
        };
        r.expect("eval");
        ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let windows = [(0, 100), (250, 500), (1000, 1500)];
    for (a, b) in windows.iter().filter(|&&(_, b)| b <= n) {
        println!(
            "eval inputs {a}-{b}: median {:.3} ms",
            median(ms[*a..*b].to_vec())
        );
    }
    vm.eval("func Add(a, b int) int { return a + b }")
        .expect("declare");
    let calls = 1000;
    let rss0 = rss_kb();
    let mut cs = Vec::with_capacity(calls);
    for i in 0..calls {
        let t = Instant::now();
        vm.call("Add", &[(i as i64).into(), 1.into()])
            .expect("call");
        cs.push(t.elapsed().as_secs_f64() * 1e6);
    }
    println!(
        "call: first 100 median {:.1} us, last 100 median {:.1} us, RSS {:+.1} kB per call",
        median(cs[..100].to_vec()),
        median(cs[calls - 100..].to_vec()),
        (rss_kb() as f64 - rss0 as f64) / calls as f64
    );
    // Prepared calls (Vm::func): resolved once, nothing compiled per call. Timed in
    // batches of 1000 calls (a single call is below the clock's useful resolution).
    vm.eval("func Nop() {}").expect("declare");
    let nop = vm.func::<(), ()>("Nop").expect("prepare");
    let add = vm.func::<(i64, i64), i64>("Add").expect("prepare");
    let rss0 = rss_kb();
    let (mut nops, mut adds) = (Vec::new(), Vec::new());
    for _ in 0..100 {
        let t = Instant::now();
        for _ in 0..1000 {
            nop.call(&mut vm, ()).expect("call");
        }
        nops.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        for i in 0..1000 {
            add.call(&mut vm, (i, 1)).expect("call");
        }
        adds.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "prepared call: Nop() median {:.2} us, Add(i, 1) median {:.2} us, RSS {:+.3} kB per call",
        median(nops),
        median(adds),
        (rss_kb() as f64 - rss0 as f64) / 200_000.0
    );
}
