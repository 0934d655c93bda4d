//! What tools read from an eval session: the session as a runnable program
//! (`Vm::session_source`, the REPL's `:save`) and the members of its values
//! (`Vm::session_members`, the REPL's completion after `p.`).

use gosub::Vm;

fn session(inputs: &[&str]) -> Vm {
    let mut vm = Vm::builder().capture_stdout().build();
    for i in inputs {
        let _ = vm.eval(i);
    }
    vm
}

#[test]
fn a_saved_session_is_the_program_it_ran() {
    let mut vm = session(&[
        "x := 20",
        "func Add(a, b int) int { return a + b }",
        "x := fmt.Sprint(Add(x, 1)) + \"!\"",
        "x",
        "var (\n\tn int\n\tm = 3\n)",
        "type P struct{ X int }\nfunc (p P) Twice() int { return 2 * p.X }",
        "p := P{m}",
        "fmt.Printf(\"%d\\n\", p.Twice())",
        "xs := []int{1}",
        "xs[5]",
        "strings.ToUpper(\"go\")",
    ]);
    let (src, errs) = vm.session_source();
    assert!(errs.is_empty(), "{:?}\n{}", errs, src);
    assert_eq!(
        src,
        "// A gosub session, saved as a program: declarations in input order, the
// statements of the inputs in main.

package main

import (
\t\"fmt\"
\t\"strings\"
)

var x_1 int
var x string
var p P
var xs []int
var n int
var m int

func Add(a, b int) int { return a + b }

type P struct{ X int }
func (p P) Twice() int { return 2 * p.X }

func main() {
\tx_1 = 20
\tx = fmt.Sprint(Add(x_1, 1)) + \"!\"
\tfmt.Println(x)
\tm = 3
\tp = P{m}
\tfmt.Printf(\"%d\\n\", p.Twice())
\txs = []int{1}
\t// <input 10> did not complete in the session:
\t// fmt.Println(xs[5])
\tfmt.Println(strings.ToUpper(\"go\"))
}
"
    );
    // It runs, and prints what the session printed.
    let printed = vm.take_stdout();
    assert_eq!(printed, "6\n");
    let mut fresh = Vm::builder().capture_stdout().build();
    fresh.run(&src).unwrap();
    assert_eq!(fresh.take_stdout(), "21!\n6\nGO\n");
}

#[test]
fn package_level_variables_are_initialized_where_their_input_ran() {
    let mut vm = session(&[
        "x := 2",
        "var y = x * 10",
        "x = 5",
        "var (\n\tz = x + y\n\tw string\n)\nfunc Get() int { return z }",
        "fmt.Println(x, y, Get(), w == \"\")",
    ]);
    let printed = vm.take_stdout();
    assert_eq!(printed, "5 20 25 true\n");
    let (src, errs) = vm.session_source();
    assert!(errs.is_empty(), "{:?}\n{}", errs, src);
    let main = src.split_once("func main() {\n").unwrap().1;
    assert_eq!(
        main,
        "\tx = 2\n\ty = x * 10\n\tx = 5\n\tz = x + y\n\tfmt.Println(x, y, Get(), w == \"\")\n}\n"
    );
    assert!(
        src.contains("var x int\nvar y int\nvar z int\nvar w string\n"),
        "{}",
        src
    );
    let mut fresh = Vm::builder().capture_stdout().build();
    fresh.run(&src).unwrap();
    assert_eq!(fresh.take_stdout(), printed);
}

#[test]
fn inputs_that_failed_to_compile_leave_no_trace_in_the_saved_program() {
    let mut vm = session(&[
        "func hello() { fmt.Println(\"hi\") }",
        "hello(",
        "hello()",
        "y := nope",
        "y := 2",
    ]);
    let (src, errs) = vm.session_source();
    assert!(errs.is_empty(), "{:?}\n{}", errs, src);
    let main = src.split_once("func main() {\n").unwrap().1;
    assert_eq!(main, "\thello()\n\ty = 2\n}\n");
    assert_eq!(vm.take_stdout(), "hi\n");
}

#[test]
fn a_var_statement_is_saved_as_an_assignment() {
    // (Statements: an input of declarations alone declares package-level variables.)
    let vm = session(&[
        "var a, b int = 1, 2; _ = a",
        "var c string; _ = c",
        "var (\n\td = 4\n\te float64\n)\n_ = d",
        "fmt.Println(a, b, c, d, e)",
    ]);
    let (src, errs) = vm.session_source();
    assert!(errs.is_empty(), "{:?}\n{}", errs, src);
    let main = src.split_once("func main() {\n").unwrap().1;
    assert_eq!(
        main,
        "\ta, b = 1, 2; _ = a\n\t_ = c\n\td = 4\n\t_ = d\n\tfmt.Println(a, b, c, d, e)\n}\n"
    );
    assert!(src.contains("var a int\nvar b int\nvar c string\nvar d int\nvar e float64\n"));
}

#[test]
fn types_a_statement_input_declared_go_to_the_top_level() {
    // `q`'s type was declared inside its input (a statement input): the saved `var q`
    // at package level needs it there too, renamed because a later input declared
    // another `P`; a grouped declaration moves whole.
    let mut vm = session(&[
        "type P struct{ X int }; q := P{2}",
        "q.X",
        "type P struct{ Y string }",
        "w := P{\"y\"}",
        "type (\n\tA int\n\tB []A\n); b := B{1, 2}",
        "fmt.Println(q, w, b)",
    ]);
    let (src, errs) = vm.session_source();
    assert!(errs.is_empty(), "{:?}\n{}", errs, src);
    let (top, main) = src.split_once("func main() {\n").unwrap();
    assert!(
        top.ends_with(
            "var q P_1\nvar w P\nvar b B\n\ntype P_1 struct{ X int }\n\ntype P struct{ Y string }\n\ntype (\n\tA int\n\tB []A\n)\n\n"
        ),
        "{}",
        src
    );
    assert_eq!(
        main,
        "\tq = P_1{2}\n\tfmt.Println(q.X)\n\tw = P{\"y\"}\n\tb = B{1, 2}\n\tfmt.Println(q, w, b)\n}\n"
    );
    let printed = vm.take_stdout();
    let mut fresh = Vm::builder().capture_stdout().build();
    fresh.run(&src).unwrap();
    assert_eq!(fresh.take_stdout(), format!("2\n{}", printed));
}

#[test]
fn a_moved_type_keeps_clear_of_file_and_universe_names() {
    // Names a moved type may not keep: `main`, an import, a predeclared name; a group
    // whose last spec ends in a comment moves whole; a constant the type uses moves too
    // (renamed: a later input declared another `N`).
    let mut vm = session(&[
        "type (\n\tA int // note\n\t/* c */ ); a := A(1)",
        "type main struct{ V int }; mm := main{2}",
        "type error string; e := error(\"x\")",
        "type fmt int; f := fmt(3)",
        "const N = 3; type Grid [N][N]int; g := Grid{}",
        "const N = \"later\"",
        "fmt.Println(a, mm, e, f, g, N)",
    ]);
    let (src, errs) = vm.session_source();
    assert!(errs.is_empty(), "{:?}\n{}", errs, src);
    assert!(
        src.contains("var a A\nvar mm main_1\nvar e error_1\nvar f fmt_1\nvar g Grid\n\ntype (\n\tA int // note\n\t/* c */ )\n\ntype main_1 struct{ V int }\n\ntype error_1 string\n\ntype fmt_1 int\n\nconst N_1 = 3\n\ntype Grid [N_1][N_1]int\n\nconst N = \"later\"\n\nfunc main() {\n\ta = A(1)\n"),
        "{}",
        src
    );
    let printed = vm.take_stdout();
    let mut fresh = Vm::builder().capture_stdout().build();
    fresh.run(&src).unwrap();
    assert_eq!(fresh.take_stdout(), printed);
}

#[test]
fn an_empty_session_saves_an_empty_main() {
    let vm = Vm::new();
    assert_eq!(
        vm.session_source(),
        ("package main\n\nfunc main() {\n}\n".to_string(), vec![])
    );
}

#[test]
fn members_of_session_values_by_selector_path() {
    let vm = session(&[
        "type Inner struct{ Name string; hidden int }",
        "type P struct{ X, Y int; In Inner; *strings.Builder }\nfunc (p *P) Scale(k int) { p.X *= k }",
        "p := &P{}",
        "var sb strings.Builder",
        "n := 3",
    ]);
    let m = vm.session_members();
    let p = &m["p"];
    // Fields, the pointer method, and what the embedded *strings.Builder promotes.
    for want in [
        "X",
        "Y",
        "In",
        "Scale",
        "Builder",
        "WriteString",
        "String",
        "Len",
    ] {
        assert!(p.contains(&want.to_string()), "{} not in {:?}", want, p);
    }
    assert!(p.windows(2).all(|w| w[0] < w[1]), "not sorted: {:?}", p);
    // The session's own unexported field is there; strings.Builder's are not.
    assert_eq!(m["p.In"], vec!["Name".to_string(), "hidden".to_string()]);
    assert!(
        m["sb"].iter().all(|n| n.starts_with(char::is_uppercase)),
        "{:?}",
        m["sb"]
    );
    assert!(m["sb"].contains(&"WriteByte".to_string()));
    // A value without members has no entry.
    assert!(!m.contains_key("n"));
}
