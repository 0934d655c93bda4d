//! Robustness: every program in tests/programs, truncated at many points and with seeded
//! random byte edits, must come back as a compile error or a finished run (within a fuel,
//! stack and heap budget) — never a Rust panic, abort or hang.

use std::path::Path;

mod common;
use common::{go_files, Lcg};

fn opts() -> gosub::Options {
    let mut o = gosub::Options {
        fuel: Some(20_000),
        max_stack: 8 << 20,
        ..Default::default()
    };
    o.heap.heap_limit = Some(64 << 20);
    o.heap.reserve_bytes = 1 << 30;
    o
}

fn run(name: &str, src: &str, codes: &mut [usize; 4]) {
    let out = gosub::run_source(name, src, &opts());
    codes[out.exit_code.clamp(0, 3) as usize] += 1;
    // A compile error, a normal exit, a Go panic/fatal error, os.Exit or an exhausted budget
    // are all fine; only the absence of a Rust panic is asserted (a panic fails the test).
    assert!(out.exit_code >= 0, "{}: negative exit code", name);
}

const EDITS: &[&[u8]] = &[
    b"{", b"}", b"(", b")", b"\"", b"`", b"'", b"\n", b";", b"*", b"&", b"[]", b"...", b"0x",
    b"1e9999", b"nil", b"func", b"go ", b"<-", b"\xff",
];

#[test]
fn truncations_and_random_edits_never_panic() {
    let files = go_files("tests/programs");
    let mut rng = Lcg(0x5eed_cafe);
    let mut variants = 0usize;
    let mut codes = [0usize; 4];
    for f in &files {
        let src = std::fs::read(f).expect("read program");
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("prog.go");
        // Truncations at 8 points.
        for k in 1..=8 {
            let cut = src.len() * k / 9;
            run(name, &String::from_utf8_lossy(&src[..cut]), &mut codes);
            variants += 1;
        }
        // 6 random edits: replace, insert or delete bytes.
        for _ in 0..6 {
            let mut s = src.clone();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(s.len());
                match rng.below(3) {
                    0 => {
                        let e = EDITS[rng.below(EDITS.len())];
                        s.splice(at..at, e.iter().copied());
                    }
                    1 => {
                        let end = (at + 1 + rng.below(8)).min(s.len());
                        s.drain(at..end);
                    }
                    _ => {
                        let i = at.min(s.len().saturating_sub(1));
                        const BYTES: &[u8] = b"{}()[];=+-*/<>!&|^%.,:\"'x0 \n";
                        let c = BYTES[rng.below(BYTES.len())];
                        if let Some(b) = s.get_mut(i) {
                            *b = c;
                        }
                    }
                }
            }
            run(name, &String::from_utf8_lossy(&s), &mut codes);
            variants += 1;
        }
        // 6 edits that mostly keep the program well-formed, so the checker, compiler and VM
        // see it: change a digit, flip an operator, drop a line.
        for _ in 0..6 {
            let text = String::from_utf8_lossy(&src).into_owned();
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            if lines.is_empty() {
                continue;
            }
            let li = rng.below(lines.len());
            match rng.below(3) {
                0 => {
                    let l = &mut lines[li];
                    if let Some(p) = l.find(|c: char| c.is_ascii_digit()) {
                        let d = (b'0' + rng.below(10) as u8) as char;
                        l.replace_range(p..p + 1, &d.to_string());
                    }
                }
                1 => {
                    let l = lines[li]
                        .replace(" + ", " - ")
                        .replace(" < ", " >= ")
                        .replace("++", "--")
                        .replace(" * ", " / ");
                    lines[li] = l;
                }
                _ => {
                    lines.remove(li);
                }
            }
            run(name, &lines.join("\n"), &mut codes);
            variants += 1;
        }
    }
    assert!(variants >= 20 * files.len());
    println!(
        "{} variants: exit 0: {}, 1 (compile error): {}, 2 (panic/fatal): {}, other: {}",
        variants, codes[0], codes[1], codes[2], codes[3]
    );
    // Most variants must be compile errors, but some edits leave runnable programs.
    assert!(codes[1] > variants / 2 && codes[0] + codes[2] > 0);
}

/// Types too large for any address space are compile errors, not arithmetic overflows in
/// the layout code (gc: `type [...] larger than address space`).
#[test]
fn huge_types_are_compile_errors() {
    let cases = [
        "package main\n\ntype Big struct {\n\ta [1 << 62]int64\n\tb int\n}\n\nfunc main() {\n\tp := new(Big)\n\tprintln(p != nil)\n}\n",
        "package main\n\nfunc main() {\n\tvar x [1 << 40]*int\n\tprintln(len(x))\n}\n",
        "package main\n\nfunc f() (a [1 << 61]int64, b [1 << 61]int64) { return }\n\nfunc main() {\n\tf()\n}\n",
    ];
    for src in cases {
        let out = gosub::run_source("big.go", src, &opts());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.exit_code, 1, "{src}\n{stderr}");
        assert!(stderr.contains("is too large"), "{src}\n{stderr}");
    }
}

/// Package-level variables gc's linker refuses (`symbol too large`, over 2e9 bytes) are
/// compile errors at their declarations, so the globals block's `u32` offsets never wrap;
/// globals beyond what the VM reserves for them stop the load with a message that says
/// which limit and what to set.
#[test]
fn huge_globals_are_reported() {
    let src = "package main\n\nvar a, b [(1 << 28) - 1]int64\n\nfunc main() {\n\tprintln(len(a), len(b))\n}\n";
    let out = gosub::run_source("big.go", src, &opts());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.exit_code, 1, "{stderr}");
    assert_eq!(
        stderr.lines().take(2).collect::<Vec<_>>(),
        [
            "big.go:3:5: main.a: symbol too large (2147483640 bytes > 2000000000 bytes)",
            "big.go:3:8: main.b: symbol too large (2147483640 bytes > 2000000000 bytes)",
        ],
        "{stderr}"
    );
    // A global larger than the address space, used by no function (its size once wrapped
    // the block's offsets: an overflow panic in a debug build).
    let src = "package main\n\nvar x int\nvar a [1 << 61]int64\n\nfunc main() {\n\tprintln(x)\n}\n";
    let out = gosub::run_source("big.go", src, &opts());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.exit_code, 1, "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "big.go:4:5: gosub: type [2305843009213693952]int64 is too large (larger than the address space)"
    );
    // 1 GiB reserved: 16 MiB for the globals, which these 32 MiB do not fit.
    let src =
        "package main\n\nvar a [1 << 22]int64\n\nfunc main() {\n\ta[1] = 2\n\tprintln(a[1])\n}\n";
    let out = gosub::run_source("big.go", src, &opts());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.exit_code, 0, "{stderr}");
    assert!(
        stderr.contains("package-level variables take 3355")
            && stderr.contains("bytes, more than the 16777216 bytes")
            && stderr.contains("GOSUBGC=reserve=SIZE"),
        "{stderr}"
    );
}

/// The generic programs that once stopped at "generics are not supported yet" now run as
/// Go 1.26.6 runs them (outputs taken from real Go), and the parser's golden generics file
/// runs to the end.
#[test]
fn generic_programs_run_as_go_does() {
    let cases = [
        (
            "package main\n\nimport \"fmt\"\n\ntype List[T any] struct{ xs []T }\n\nfunc (l *List[T]) Push(v T) { l.xs = append(l.xs, v) }\n\nfunc main() {\n\tvar l List[int]\n\tl.Push(1)\n\tfmt.Println(l)\n}\n",
            (0, "{[1]}\n", ""),
        ),
        (
            "package main\n\nfunc Map[T, U any](xs []T, f func(T) U) []U { return nil }\n\nfunc main() {\n\t_ = Map[int, string]\n}\n",
            (0, "", ""),
        ),
        (
            "package main\n\nfunc main() {\n\tx := F[int, string](1)\n\t_ = x\n}\n",
            (1, "", "prog.go:4:7: undefined: F\n"),
        ),
        (
            "package main\n\ntype Number interface {\n\t~int | ~float64\n}\n\nfunc main() {}\n",
            (0, "", ""),
        ),
        (
            "package main\n\nfunc main() {\n\ttype P[K comparable, V any] struct{ k K; v V }\n\t_ = P[int, int]{}\n}\n",
            (0, "", ""),
        ),
    ];
    for (src, (code, stdout, stderr)) in cases {
        let out = gosub::run_source("prog.go", src, &opts());
        let got_err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.exit_code, code, "{src}\n{got_err}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), stdout, "{src}");
        assert_eq!(got_err, stderr, "{src}");
    }
    // The parser's golden generics file, without the `cmp` import and with a Max whose
    // constraint admits the float64 it is called with.
    let golden = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/syntax/tests/data/generics.go"),
    )
    .unwrap()
    .replace("\t\"cmp\"\n", "")
    .replace("cmp.Ordered", "~int | ~float64 | ~string");
    let out = gosub::run_source("generics.go", &golden, &opts());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.exit_code, 0, "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("[1 2] 2 0x"), "{stdout}");
    assert!(
        stdout.contains(" {a 1} &{b []} 1 {<nil> <nil> 0 [] map[] {<nil> 0} {0 0}} [] 3 0x"),
        "{stdout}"
    );
    assert!(stdout.ends_with(" [x] 1 {<nil> 0}\n"), "{stdout}");
}

/// Deeply nested or huge source that gc compiles (issue 18, points 3 and 4): the `gosub`
/// command runs its front end on a thread with a large stack, so the checker, escape
/// analysis and compiler, which recurse over the tree, finish; the checker prints an
/// expression only for an error, so a long sum is not quadratic.
#[test]
fn deep_programs_compile_as_go_does() {
    let main = |body: &str| format!("package main\n\nfunc main() {{\n\tx := 1\n{body}\n}}\n");
    let sum = vec!["x"; 20_000].join("+");
    let neg = "- ".repeat(10_001);
    let parens = format!("{}x{}", "(".repeat(10_000), ")".repeat(10_000));
    let arms: String = (0..7_000)
        .map(|i| format!(" else if x == {i} {{\n\t\tx = {}\n\t}}", i + 2))
        .collect();
    let cases = [
        (main(&format!("\tprintln({sum})")), "20000\n"),
        (main(&format!("\tprintln({neg}x)")), "-1\n"),
        (main(&format!("\tprintln({parens})")), "1\n"),
        (
            main(&format!(
                "\tif x < 0 {{\n\t\tx = 0\n\t}}{arms}\n\tprintln(x)"
            )),
            "3\n",
        ),
        // A million empty statements (the parser drops them as it goes: no memory).
        (
            main(&format!("{}\n\tprintln(x)", ";".repeat(1_000_000))),
            "1\n",
        ),
    ];
    let dir = std::env::temp_dir().join(format!("gosub-deep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (i, (src, want)) in cases.iter().enumerate() {
        let path = dir.join(format!("deep{i}.go"));
        std::fs::write(&path, src).expect("write program");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gosub"))
            .arg("run")
            .arg(&path)
            .output()
            .expect("run gosub");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            *want,
            "case {i}: exit {:?}",
            out.status
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// C memory used after `C.free`, through a pointer (`Store`) and through a slice over it
/// (`StoreElem`), right after its last use: the interpreter's element-translation cache must
/// not outlive the block (it turned the slice case into a segmentation fault of the
/// process).
#[test]
fn c_memory_after_free_is_a_fatal_error_not_a_crash() {
    let through_pointer = r#"package main

// #include <stdlib.h>
import "C"

import (
	"fmt"
	"unsafe"
)

func main() {
	p := (*int64)(C.malloc(8))
	*p = 1
	C.free(unsafe.Pointer(p))
	*p = 2
	fmt.Println(*p)
}
"#;
    let through_slice = r#"package main

// #include <stdlib.h>
import "C"

import (
	"fmt"
	"unsafe"
)

func main() {
	p := C.malloc(64)
	s := unsafe.Slice((*byte)(p), 64)
	s[3] = 7
	C.free(p)
	s[3] = 9
	fmt.Println(s[3])
}
"#;
    for (name, src, line) in [
        ("pointer.go", through_pointer, "pointer.go:15:5"),
        ("slice.go", through_slice, "slice.go:16:7"),
    ] {
        let out = gosub::run_source(name, src, &gosub::Options::default());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.exit_code, 2, "{name}: {err}");
        assert!(out.stdout.is_empty(), "{name}: printed after the fault");
        assert!(
            err.starts_with("fatal error: unexpected fault address")
                && err.contains(&format!("at {line}: use of C memory after free")),
            "{name}: {err}"
        );
    }
}

/// fmt recurses into nested values on the machine stack; on a thread with Rust's default
/// 2 MiB stack (where a host may run the VM, and where this test runs), a value nested
/// far deeper than any program prints is cut to `...` instead of overflowing the stack.
#[test]
fn printing_a_very_deep_value_does_not_overflow_the_stack() {
    let src = r#"package main

import (
	"fmt"
	"strings"
)

func main() {
	var a any = 1
	for i := 0; i < 20000; i++ {
		a = []any{a}
	}
	s := fmt.Sprint(a)
	fmt.Println(strings.HasPrefix(s, "[[[["), strings.Contains(s, "..."), strings.Contains(s, "1"))
}
"#;
    let out = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || gosub::run_source("deep.go", src, &gosub::Options::default()))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "true true false\n");
    assert_eq!(out.exit_code, 0);
}

/// A host calling the front end from a thread with Rust's default 2 MiB stack is not
/// overflowed by a script's shape (a sum of 20,000 terms, an else-if chain of 5,000 arms):
/// parsing, checking, analysis and compiling run on a stack of their own
/// (src/front_stack.rs), for whole programs and for eval sessions, and so does dropping
/// the session's syntax trees.
#[test]
fn deep_scripts_do_not_overflow_a_small_host_stack() {
    let sum = vec!["x"; 20_000].join("+");
    let arms: String = (0..5_000)
        .map(|i| format!(" else if x == {i} {{ x = {} }}", i + 2))
        .collect();
    let out = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let prog = format!("package main\n\nfunc main() {{\n\tx := 1\n\tprintln({sum})\n}}\n");
            let run = gosub::run_source("deep.go", &prog, &gosub::Options::default());
            let mut vm = gosub::Vm::new();
            vm.eval("x := 1").unwrap();
            let v = vm.eval(&sum).unwrap();
            let parens = format!("{}x{}", "(".repeat(10_000), ")".repeat(10_000));
            assert_eq!(vm.eval(&parens).unwrap(), gosub::Value::Int(1));
            vm.eval(&format!("if x < 0 {{ x = 0 }}{arms}")).unwrap();
            let x = vm.eval("x").unwrap();
            drop(vm);
            (String::from_utf8_lossy(&run.stderr).into_owned(), v, x)
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(out.0, "20000\n");
    assert_eq!(out.1, gosub::Value::Int(20_000));
    assert_eq!(out.2, gosub::Value::Int(3));
}

/// Found by the fuzzer (long mode, seed 3302): `runtime.GC()` in a loop that keeps what it
/// allocates cost one unit of fuel per call while each collection went over the whole,
/// growing heap, so a budget of 2,000,000 units would have taken hours. A collection the
/// program asks for now costs a unit per KiB of heap in use: this run ends with `OutOfFuel`
/// after about 3,000 iterations.
#[test]
fn a_collection_in_a_loop_pays_fuel_for_the_heap_it_goes_over() {
    let keeps = "package main\n\nimport \"runtime\"\n\nfunc main() {\n\tvar keep []*int\n\tfor i := 0; i < 1<<30; i++ {\n\t\tv := i\n\t\tkeep = append(keep, &v)\n\t\truntime.GC()\n\t}\n\tprintln(len(keep))\n}\n";
    let mut vm = gosub::Vm::builder()
        .fuel(200_000)
        .capture_stdout()
        .capture_stderr()
        .build();
    let r = vm.run(keeps);
    assert!(matches!(r, Err(gosub::Error::OutOfFuel)), "{r:?}");
    // A program that collects a small heap a hundred times stays within the budget.
    let small = "package main\n\nimport \"runtime\"\n\nfunc main() {\n\tfor i := 0; i < 100; i++ {\n\t\truntime.GC()\n\t}\n\tprintln(\"done\")\n}\n";
    vm.run(small)
        .expect("100 collections of a small heap fit 200,000 units");
    assert_eq!(vm.take_stderr(), "done\n");
}

/// Found by the long-mode fuzzer (an input that printed `append(t)`, `t` a slice of 2^39
/// empty structs): fmt built the text in host memory, outside the heap and its limit,
/// until the operating system killed the process (24 GB). Printing now stops where the
/// heap could no longer hold the text, ending the run out of memory as Go's fmt does when
/// its buffer cannot grow.
#[test]
fn printing_a_value_longer_than_the_heap_can_hold_runs_out_of_memory() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar z [1 << 40]struct{}\n\tt := z[5 : 1<<39 : 1<<40-1]\n\tfmt.Println(len(t))\n\tfmt.Println(t)\n}\n";
    let mut vm = gosub::Vm::builder()
        .heap_limit(16 << 20)
        .capture_stdout()
        .capture_stderr()
        .build();
    let r = vm.run(src);
    assert!(matches!(r, Err(gosub::Error::HeapLimit)), "{r:?}");
    assert_eq!(vm.take_stdout(), "549755813883\n");
}

/// Found by the long-mode fuzzer (a loop of blocked goroutines counting from the smallest
/// int64): goroutine stacks were not under the heap limit, so with a large reservation a
/// script could take gigabytes of stacks (3.5 GB in 12 s before the stacks region ran out).
/// Under a heap limit goroutine stacks now have that limit too (Go's memory limit counts
/// stacks): the run ends out of memory when the stacks reach it.
#[test]
fn goroutine_stacks_count_against_the_heap_limit() {
    let src = "package main\n\nfunc main() {\n\trelease := make(chan struct{})\n\tfor i := 0; i < 1<<30; i++ {\n\t\tif i%1024 == 0 {\n\t\t\tprintln(i)\n\t\t}\n\t\tgo func() { <-release }()\n\t}\n}\n";
    let mut o = gosub::Options {
        fuel: Some(2_000_000),
        ..Default::default()
    };
    o.heap.heap_limit = Some(16 << 20);
    let out = gosub::run_source("spawn.go", src, &o);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.exit_code, 2, "{stderr}");
    let started: Vec<u64> = stderr.lines().map_while(|l| l.parse().ok()).collect();
    let last = started.last().copied().unwrap_or(0);
    // Each stack is 2 KiB: 16 MiB holds at most 8,192 of them (before, the loop went on
    // until the stacks region ran out, past a million).
    assert!((1024..8192).contains(&last), "{last} goroutines: {stderr}");
    assert!(
        stderr.contains("fatal error: runtime: out of memory\n"),
        "{stderr}"
    );
}

/// Found by the long-mode fuzzer: a composite literal of constants converted to an
/// interface was boxed into static data at compile time whatever its size, so
/// `[0x7fffffff]bool{true}` built 2 GiB in the compiler (4 GB of host memory, 12 s) and
/// failed to load. Values over 1 MiB are no longer boxed statically; this one is a frame
/// too large, a compile error (gc: `symbol too large`).
#[test]
fn a_huge_constant_literal_is_not_built_at_compile_time() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Printf(\"%v\\n\", [0x7fffffff]bool{true})\n}\n";
    let mut o = gosub::Options::default();
    o.heap.heap_limit = Some(64 << 20);
    let out = gosub::run_source("big.go", src, &o);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.exit_code, 1, "{stderr}");
    assert!(
        stderr.contains("the frame of main.main is larger than 256 MiB"),
        "{stderr}"
    );
}

/// Found by the long-mode fuzzer: `runtime.GC` at every level of 400 goroutines' deep
/// recursions ran 40 s under a budget of 2,000,000 units, each collection paying for the
/// small heap but going over every goroutine's deep stack. A collection now also pays a
/// unit per KiB of goroutine stack.
#[test]
fn a_collection_pays_fuel_for_the_stacks_it_goes_over() {
    let src = "package main\n\nimport \"runtime\"\n\nfunc deep(n int, hold chan bool) int {\n\tvar pad [64]int\n\tpad[n%64] = n\n\tif n == 0 {\n\t\t<-hold\n\t\treturn 0\n\t}\n\treturn deep(n-1, hold) + pad[n%64] - n\n}\n\nfunc main() {\n\thold := make(chan bool)\n\tfor i := 0; i < 100; i++ {\n\t\tgo deep(100, hold)\n\t}\n\truntime.Gosched()\n\tfor i := 0; ; i++ {\n\t\tprintln(i)\n\t\truntime.GC()\n\t}\n}\n";
    let mut vm = gosub::Vm::builder()
        .fuel(2_000_000)
        .capture_stdout()
        .capture_stderr()
        .build();
    let r = vm.run(src);
    assert!(matches!(r, Err(gosub::Error::OutOfFuel)), "{r:?}");
    let collections = vm.take_stderr().lines().count();
    // 100 blocked goroutines hold about 100 x 64 KiB of stack: a collection costs over
    // 6,000 units (it cost the heap's few hundred before: over 10,000 collections).
    assert!((1..400).contains(&collections), "{collections} collections");
}
