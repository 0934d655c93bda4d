// Host functions: Rust closures called from Go.
//
// `cargo run --example embed_host_functions`

use gosub::{Error, Vm};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

pub fn transcript() -> Result<String, Error> {
    let mut vm = Vm::builder().capture_stdout().build();

    // The Go signature is derived from the closure: func Add(a0 int64, a1 int64) int64.
    vm.register_fn("host", "Add", |a: i64, b: i64| a + b);
    vm.register_fn("host", "Shout", |s: String| s.to_uppercase());
    // Result<T, E> becomes Go's (T, error).
    vm.register_fn("host", "Sqrt", |x: f64| -> Result<f64, String> {
        if x < 0.0 {
            Err(format!("negative input {}", x))
        } else {
            Ok(x.sqrt())
        }
    });
    // Closures may hold host state.
    let hits = Arc::new(AtomicI64::new(0));
    let h = hits.clone();
    vm.register_fn("host", "Hit", move || h.fetch_add(1, Ordering::SeqCst) + 1);

    vm.run(
        r#"package main

import (
	"fmt"
	"host"
)

func main() {
	fmt.Println(host.Add(40, 2))
	fmt.Println(host.Shout("hello from go"))
	if r, err := host.Sqrt(2); err == nil {
		fmt.Printf("%.4f\n", r)
	}
	if _, err := host.Sqrt(-1); err != nil {
		fmt.Println("error:", err)
	}
	for i := 0; i < 3; i++ {
		host.Hit()
	}
}
"#,
    )?;
    let mut out = vm.take_stdout();
    out.push_str(&format!("host saw {} hits\n", hits.load(Ordering::SeqCst)));

    // Calls are type-checked against the derived signature.
    if let Err(Error::Compile(d)) = vm.eval(r#"host.Add("1", 2)"#) {
        out.push_str(&format!("compile error: {}\n", d[0].message));
    }
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
