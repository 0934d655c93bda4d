// Sandboxing hostile scripts: fuel, heap limit, stack limit, interrupts, no `os`.
//
// `cargo run --example embed_sandbox`

use gosub::{Error, Vm};
use std::time::Duration;

fn sandbox() -> Vm {
    Vm::builder()
        .fuel(5_000_000)
        .heap_limit(32 << 20)
        .max_stack(1 << 20)
        .capture_stdout()
        .capture_stderr()
        .build()
}

fn outcome(r: Result<(), Error>) -> String {
    match r {
        Ok(()) => "finished".into(),
        Err(e @ Error::Panic { .. }) => format!("{:?}", e)
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(90)
            .collect(),
        Err(e) => format!("{:?}", e),
    }
}

pub fn transcript() -> Result<String, Error> {
    let mut out = String::new();
    let cases = [
        ("infinite loop", "package main\nfunc main() { for {} }\n"),
        (
            "allocation bomb",
            "package main\nvar keep [][]byte\nfunc main() { for { keep = append(keep, make([]byte, 1<<20)) } }\n",
        ),
        (
            "deep recursion",
            "package main\nfunc f(n int) int { return f(n+1) + 1 }\nfunc main() { f(0) }\n",
        ),
        (
            "huge make",
            "package main\nfunc main() { n := 1 << 40; b := make([]byte, n); b[0] = 1 }\n",
        ),
        (
            "import os",
            "package main\nimport \"os\"\nfunc main() { os.Exit(1) }\n",
        ),
    ];
    for (name, src) in cases {
        let mut vm = sandbox();
        out.push_str(&format!("{}: {}\n", name, outcome(vm.run(src))));
    }

    // An interrupt from another thread stops a script that has no fuel limit.
    let mut vm = Vm::builder().capture_stdout().build();
    let handle = vm.interrupt_handle();
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        handle.interrupt();
    });
    let r = vm.run("package main\nfunc main() { x := 0; for { x++ } }\n");
    let _ = t.join();
    out.push_str(&format!("interrupted loop: {}\n", outcome(r)));

    // The VM is still usable afterwards.
    out.push_str(&format!("after: {:?}\n", vm.eval("1 + 2")?));
    Ok(out)
}

#[allow(dead_code)]
fn main() {
    match transcript() {
        Ok(t) => print!("{}", t),
        Err(e) => {
            eprintln!("error: {}", e);
            std::process::exit(1);
        }
    }
}
