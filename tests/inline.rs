//! The compiler's middle end: it inlines calls of leaf functions (crates/compile/src/inline.rs),
//! coalesces moves (coalesce.rs), hoists loop constants (hoist.rs), propagates copies
//! (copyprop.rs) and rotates loops (loops.rs): checked on the bytecode `gosub disasm` prints,
//! which is deterministic. What the optimised code computes is checked by the snapshot
//! programs (inline_leaf_calls.go, inline_locals_and_division.go and all the others).

use std::process::Command;

/// The static calls in a disassembly (ordinary or in place, gosub_bytecode::in_place).
fn static_calls(d: &str) -> usize {
    d.matches("Call {").count() + d.matches("CallInPlace {").count()
}

/// The whole disassembly of program `src`.
fn disasm_all(name: &str, src: &str) -> String {
    let dir = std::env::temp_dir().join(format!("gosub-inline-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.go"));
    std::fs::write(&file, src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gosub"))
        .arg("disasm")
        .arg(&file)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The disassembly of function `func` of program `src`: its lines up to the next function.
fn disasm(name: &str, src: &str, func: &str) -> String {
    let text = disasm_all(name, src);
    let start = text
        .find(&format!(" {func} (frame"))
        .unwrap_or_else(|| panic!("no function {func} in:\n{text}"));
    let body = &text[start..];
    body[..body.find("\nfunc #").unwrap_or(body.len())].to_string()
}

/// A program sorting a slice of `elem`.
fn sort_of(elem: &str) -> String {
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"slices\"\n)\n\nfunc main() {{\n\txs := []{elem}{{3, 1, 2}}\n\tslices.Sort(xs)\n\tfmt.Println(xs)\n}}\n"
    )
}

#[test]
fn cmp_less_is_inlined_and_folded_for_ints() {
    let d = disasm(
        "sort_int",
        &sort_of("int"),
        "slices.insertionSortOrdered[...]",
    );
    assert_eq!(static_calls(&d), 0, "cmp.Less was not inlined:\n{d}");
    // isNaN(x) is x != x, known false for an int: only the x < y test is left.
    // The fused compare-and-branch, in its specialised form (jump if x >= y).
    assert!(d.contains("JmpGe {"), "no fused compare:\n{d}");
    assert!(!d.contains("Cmp { op: Ne"), "x != x was not folded:\n{d}");
}

#[test]
fn cmp_less_keeps_the_nan_tests_for_floats() {
    let d = disasm(
        "sort_float",
        &sort_of("float64"),
        "slices.insertionSortOrdered[...]",
    );
    assert_eq!(static_calls(&d), 0, "cmp.Less was not inlined:\n{d}");
    // Each a fused float compare-and-branch (cond.rs), as is x < y.
    assert_eq!(
        d.matches("JmpCmpF64Not { op: Ne").count(),
        2,
        "isNaN(x), isNaN(y):\n{d}"
    );
    // (x < y in its specialised form, specialized.rs.)
    assert_eq!(d.matches("JmpNotLtF64 {").count(), 1, "{d}");
    assert!(!d.contains("CmpF64 {"), "{d}");
}

#[test]
fn only_recursive_and_over_budget_functions_stay_calls() {
    let src = r#"package main

import "fmt"

func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func divv(a, b int) int { return a / b }

func shiftv(a, n int) int { return a << n }

func bumps(a int) int {
	b := a
	b++
	return b
}

func two(a int) int {
	b := a + 1
	return b * 2
}

func half(a int) int { return a / 2 }

func twice(a int) int { return a + a }

func main() {
	fmt.Println(fact(5), divv(7, 2), shiftv(1, 3), bumps(1), two(1), half(9), twice(4))
}
"#;
    let d = disasm("calls", src, "main.main");
    // Only fact (recursive) and, in fmt.Println's inlined body, fmt.Sprintln (over the
    // budget) are called. two (a local bound before the return), half (a division by a
    // constant) and twice are inlined as expressions (inline.rs); divv (a division by a
    // variable can panic), shiftv (a signed shift count can panic), bumps (assigns its
    // local) and fmt.Println are inlined whole (inline_body.rs).
    assert_eq!(static_calls(&d), 2, "{d}");
    let all = disasm_all("calls", src);
    let fact = all
        .lines()
        .find_map(|l| l.strip_prefix("func #")?.split_once(" main.fact "))
        .map(|(n, _)| n.to_string())
        .expect("main.fact is compiled");
    assert!(d.contains(&format!("Call {{ func: {fact}, ")), "{d}");
    assert!(d.contains("IntImm { op: DivPow2, "), "{d}");
}

#[test]
fn spectralnorm_inner_loop_is_inlined_and_coalesced() {
    let src = r#"package main

import "fmt"

func entry(i, j int) float64 {
	s := i + j
	return 1.0 / float64(s*(s+1)/2+i+1)
}

func mulA(out, in []float64) {
	for i := range out {
		acc := 0.0
		for j, v := range in {
			acc += entry(i, j) * v
		}
		out[i] = acc
	}
}

func main() {
	out := make([]float64, 3)
	mulA(out, []float64{1, 2, 3})
	fmt.Println(out)
}
"#;
    let d = disasm("spectral", src, "main.mulA");
    // entry is inlined (its division by 2 a biased shift), and no value computed into a
    // temporary is moved into `acc` or `v` afterwards: 29 instructions (35 without
    // coalescing and loop rotation).
    assert_eq!(static_calls(&d), 0, "{d}");
    assert!(d.contains("IntImm { op: DivPow2, "), "{d}");
    let n = d.lines().filter(|l| l.starts_with("    ")).count();
    assert!(n <= 29, "{n} instructions:\n{d}");
    // Both loops are rotated (loops.rs): each back edge is the loop's test, `j < len(in)`
    // and `i < len(out)`, fused with the increment before it (fused.rs, the jump itself
    // kept after it), and no unconditional jump is left. The inner one also loads `v`,
    // the element at its target (`IncLoadJmpLt`).
    assert_eq!(d.matches("IncJmpLt {").count(), 1, "{d}");
    assert_eq!(d.matches("IncLoadJmpLt(").count(), 1, "{d}");
    assert_eq!(d.matches(" JmpLt {").count(), 2, "{d}");
    assert!(!d.contains("Jmp {"), "{d}");
    // The read of `acc` into a temporary for `acc += ...` is propagated (copyprop.rs).
    // `acc += ... * v` is one fused dispatch (fused.rs), its AddF64 kept after it.
    assert_eq!(d.matches("MulAddF64 {").count(), 1, "{d}");
    let add = d.lines().find(|l| l.contains("  AddF64 {")).expect(&d);
    let acc = add
        .split("dst: ")
        .nth(1)
        .and_then(|x| x.split(',').next())
        .unwrap();
    assert!(add.contains(&format!("a: {acc},")), "{d}");
    // `j` is the inner loop's counter itself (loops.rs, `read_only_key`): 12 instructions
    // per iteration, from the element's load to the back edge.
    let code: Vec<&str> = d.lines().filter(|l| l.starts_with("    ")).collect();
    let load = code
        .iter()
        .position(|l| l.contains("LoadElem {"))
        .expect(&d);
    let back = code
        .iter()
        .position(|l| l.contains("IncLoadJmpLt("))
        .expect(&d);
    assert_eq!(back + 1 - load, 12, "{d}");
    // Fused pairs (fused.rs) make those 12 instructions 7 dispatches: a pair's second
    // instruction, the line after one marked "then the next", is not dispatched alone.
    // (The back edge taken runs the element's load too: 6 dispatches per iteration.)
    let tails = code[load..back]
        .iter()
        .filter(|l| l.contains("then the next"))
        .count();
    assert_eq!(back + 1 - load - tails, 7, "{d}");
    assert_eq!(d.matches("MulIntImm(").count(), 1, "{d}");
    assert_eq!(d.matches("ConvDivF64(").count(), 1, "{d}");
    // A Move right after an F64 op that produced its source is what coalescing removes.
    let lines: Vec<&str> = d.lines().collect();
    for w in lines.windows(2) {
        if w[0].contains("F64 {") && w[1].contains("Move {") {
            let dst = w[0].split("dst: ").nth(1).and_then(|x| x.split(',').next());
            let src = w[1].split("src: ").nth(1).and_then(|x| x.split(' ').next());
            assert_ne!(dst, src, "a Move left after its producer:\n{d}");
        }
    }
}

#[test]
fn call_results_are_read_where_the_calls_left_them() {
    let src = r#"package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println(fib(10))
}
"#;
    let d = disasm("fib", src, "main.fib");
    // No Move copies a call's result out of the callee's argument region: the addition
    // reads both result words in place (copyprop.rs); 9 instructions, not 11.
    let moves = d.lines().filter(|l| l.contains("Move {")).count();
    assert_eq!(moves, 1, "only `return n` moves:\n{d}");
    assert!(d.contains("AddInt { dst: 8, a: 32, b: 56 }"), "{d}");
}

#[test]
fn pointer_reads_through_a_variable_need_no_copy() {
    let src = r#"package main

import "fmt"

type body struct{ x, y, vx float64 }

func step(a, b *body) {
	dx := a.x - b.x
	a.vx -= dx * b.y
}

func main() {
	a, b := &body{1, 2, 3}, &body{4, 5, 6}
	step(a, b)
	fmt.Println(a.vx)
}
"#;
    let d = disasm("ptrs", src, "main.step");
    // Each field access loads through the parameter itself, not through a copy of it in a
    // temporary (copyprop.rs: a pointer temporary may be replaced by a pointer word).
    assert!(!d.contains("Move {"), "{d}");
    assert!(
        d.contains("Load { dst: ") && d.contains("ptr: 0, off: 0"),
        "{d}"
    );
}

#[test]
fn loop_constants_are_loaded_once_at_entry() {
    let src = r#"package main

import "fmt"

func sieve(limit int) int {
	composite := make([]bool, limit+1)
	count := 0
	for i := 2; i <= limit; i++ {
		if composite[i] {
			continue
		}
		count++
		for j := i * i; j <= limit; j += i {
			composite[j] = true
		}
	}
	return count
}

func main() {
	fmt.Println(sieve(100))
}
"#;
    let d = disasm("sieve", src, "main.sieve");
    // `true` is loaded into a word of its own before the code (hoist.rs), and the inner
    // loop stores from that word: store, step, test-and-branch (loops.rs, copyprop.rs).
    let lines: Vec<&str> = d.lines().filter(|l| l.starts_with("    ")).collect();
    assert!(
        lines[0].contains("Const {") && lines[0].contains("val: 1 }"),
        "{d}"
    );
    let k = lines[0]
        .split("dst: ")
        .nth(1)
        .and_then(|x| x.split(',').next());
    // The store, the step and the test are one fused instruction (fused.rs
    // `StoreAddJmpLe(s, i, src, w, j, step, n, target)`), with the two others kept after it.
    let store = lines
        .iter()
        .position(|l| l.contains("StoreAddJmpLe("))
        .expect(&d);
    let args: Vec<&str> = lines[store]
        .split(['(', ')'])
        .nth(1)
        .expect(&d)
        .split(", ")
        .collect();
    assert_eq!(args[2], k.unwrap(), "{d}");
    assert_eq!(args[3], "U8", "{d}");
    assert!(lines[store + 1].contains("AddInt {"), "{d}");
    assert!(lines[store + 2].contains("JmpLe {"), "{d}");
    // `true`, then `count := 0` and `i := 2`, which are not in a loop.
    assert_eq!(d.matches("Const {").count(), 3, "{d}");
}

#[test]
fn small_methods_with_value_receivers_are_inlined_into_calls_and_interface_wrappers() {
    let src = r#"package main

import "fmt"

type Rect struct{ W, H int }

func (r Rect) Area() int          { return r.W * r.H }
func (r Rect) Scaled(k int) int   { return r.W * k }
func (r *Rect) Grow()             { r.W++ }
func (r *Rect) Perimeter() int    { return 2 * (r.W + r.H) }

type Shape interface{ Area() int }

func main() {
	r := Rect{2, 3}
	p := &r
	p.Grow()
	var s Shape = r
	fmt.Println(r.Area(), p.Area(), r.Scaled(4), p.Perimeter(), s.Area())
}
"#;
    let d = disasm("methods", src, "main.main");
    // r.Area(), p.Area() (the receiver loaded through p, nil-checked in main as before)
    // and r.Scaled(4) are inlined as expressions; p.Grow() and p.Perimeter() (pointer
    // receivers: their bodies read through the pointer) and fmt.Println are inlined whole
    // (inline_body.rs). Only fmt.Sprintln, in Println's body, is called.
    assert_eq!(static_calls(&d), 1, "{d}");
    assert!(d.contains("NilCheck {"), "{d}");
    // The itab's wrapper for Rect.Area (its receiver is the interface's data word) runs
    // the body itself instead of calling Rect.Area.
    let text = disasm_all("wrap", src);
    let wrapper = text
        .split("\nfunc #")
        .find(|f| f.contains(" main.Rect.Area (") && f.contains("params 0..8,"))
        .unwrap_or_else(|| panic!("no wrapper of Rect.Area in:\n{text}"));
    assert_eq!(static_calls(wrapper), 0, "{wrapper}");
    assert!(wrapper.contains("MulInt {"), "{wrapper}");
}

/// Copies into temporaries do not survive calls through interfaces and closures: the
/// interface value a range loop loads is called from where it was loaded (both its words
/// moved whole, `copyprop.rs` and `coalesce.rs` on two-word values), and a closure is
/// called from its parameter register with `s += f(x)` adding into `s` directly.
#[test]
fn interface_and_closure_calls_read_their_operands_in_place() {
    let src = r#"package main

import "fmt"

type Shape interface{ Area() int; Perimeter() int }

type Sq struct{ S int }

func (s *Sq) Area() int      { return s.S * s.S }
func (s *Sq) Perimeter() int { return 4 * s.S }

func total(shapes []Shape) int {
	t := 0
	for _, s := range shapes {
		t += s.Area() - s.Perimeter()
	}
	return t
}

func apply(f func(int) int, xs []int) int {
	s := 0
	for _, x := range xs {
		s += f(x)
	}
	return s
}

func main() {
	fmt.Println(total([]Shape{&Sq{3}, &Sq{4}}), apply(func(x int) int { return x * 2 }, []int{1, 2, 3}))
}
"#;
    let d = disasm("ifaces", src, "main.total");
    // The loop: element address, the two-word load into `s`, two calls reading `s`, the
    // arithmetic and the loop test; no two-word MoveN.
    assert!(
        !d.lines()
            .any(|l| l.contains("MoveN") && l.contains("size: 16")),
        "{d}"
    );
    let load = d.lines().find(|l| l.contains("LoadN {")).expect("a LoadN");
    let s = load
        .split("dst: ")
        .nth(1)
        .and_then(|x| x.split(',').next())
        .unwrap();
    assert_eq!(
        d.matches(&format!("CallIface {{ iface: {s},")).count(),
        2,
        "{d}"
    );
    let d = disasm("ifaces", src, "main.apply");
    assert!(d.contains("CallClosure { fv: 0,"), "{d}");
    let body = d.lines().filter(|l| l.starts_with("    ")).count();
    assert!(body <= 15, "{body} instructions (17 before):\n{d}");
    assert!(
        d.contains("AddInt { dst: 40, a: 40, "),
        "s += f(x) adds into s: {d}"
    );
    let out = gosub::driver::run_source("ifaces.go", src, &gosub::driver::Options::default());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "-3 12\n");
}

/// A range key the body only reads is the loop's counter itself (no copy per iteration);
/// one the body assigns, takes the address of or captures keeps a variable of its own per
/// iteration, as Go 1.22's loop semantics require.
#[test]
fn a_read_only_range_key_is_the_counter() {
    let src = r#"package main

import "fmt"

func sum(xs []int) int {
	t := 0
	for i, x := range xs {
		t += i * x
	}
	return t
}

func tricky(xs []int) {
	var fs []func() int
	var ps []*int
	for i := range xs {
		fs = append(fs, func() int { return i })
	}
	for i := range xs {
		ps = append(ps, &i)
	}
	for i, x := range xs {
		if x == 2 {
			i += 10
		}
		fmt.Print(i, " ")
	}
	fmt.Println(fs[0](), fs[2](), *ps[0], *ps[2])
}

func main() {
	fmt.Println(sum([]int{1, 2, 3}))
	tricky([]int{1, 2, 3})
}
"#;
    let d = disasm("keys", src, "main.sum");
    let counter = d
        .lines()
        .find_map(|l| l.split("LoadElem {").nth(1))
        .and_then(|l| l.split("i: ").nth(1))
        .and_then(|l| l.split(',').next())
        .expect("the element load names the counter");
    assert!(
        !d.contains(&format!("src: {counter} }}")),
        "no copy of the counter:\n{d}"
    );
    assert!(d.contains("MulInt { dst: "), "{d}");
    let out = gosub::driver::run_source("keys.go", src, &gosub::driver::Options::default());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "8\n0 11 2 0 2 0 2\n");
}

/// A comma-ok assertion or map lookup writes its value and flag straight into the
/// variables (`coalesce.rs` `comma_ok`), without the two moves from temporaries, and one
/// without the flag its value (`value_to`); a narrow asserted value keeps its moves.
#[test]
fn comma_ok_forms_write_their_variables() {
    let src = r#"package main

import "fmt"

type Named interface{ Name() string }

type cat struct{ lives int }

func (c cat) Name() string { return "cat" }

func probe(v any, m map[string]int) int {
	n, ok := v.(Named)
	c, cok := v.(cat)
	b, bok := v.(int8)
	x, xok := m["k"]
	if ok && cok && !bok && xok {
		return len(n.Name()) + c.lives + x + int(b)
	}
	return -1
}

func plain(v any, m map[string]string) string {
	s := v.(string)
	t := m["k"]
	return s + t
}

func main() {
	fmt.Println(probe(cat{4}, map[string]int{"k": 5}), probe(3, nil), plain("a", map[string]string{"k": "b"}))
}
"#;
    // Each form is followed by no move of what it wrote, save a narrow asserted value.
    let unmoved = |func: &str, forms: &[&str]| {
        let d = disasm("commaok", src, func);
        let lines: Vec<&str> = d.lines().filter(|l| l.starts_with("    ")).collect();
        for form in forms {
            let at: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].contains(form) && !lines[i].contains("size: 1,"))
                .collect();
            assert!(!at.is_empty(), "no {form} in:\n{d}");
            for i in at {
                let next = lines.get(i + 1).copied().unwrap_or("");
                assert!(
                    !next.contains("Move {")
                        && !next.contains("MoveN {")
                        && !next.contains("Move2("),
                    "{form} followed by a move:\n{d}"
                );
            }
        }
        d
    };
    let d = unmoved(
        "main.probe",
        &["IfaceToIface {", "AssertType {", "MapGet {"],
    );
    let lines: Vec<&str> = d.lines().filter(|l| l.starts_with("    ")).collect();
    let narrow = lines
        .iter()
        .position(|l| l.contains("AssertType {") && l.contains("size: 1,"))
        .expect(&d);
    assert!(lines[narrow + 1].contains("Move"), "{d}");
    // Without the flag (`value_to` alone).
    unmoved("main.plain", &["AssertType {", "MapGet {"]);
    let out = gosub::driver::run_source("commaok.go", src, &gosub::driver::Options::default());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "12 -1 ab\n");
}
