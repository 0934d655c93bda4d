//! The REPL driven through a pipe (stdin not a terminal: no prompts, no colours), with
//! transcripts of whole sessions. The terminal itself (line editing, Ctrl-C, Ctrl-D, Tab) is
//! tested in pty.rs.

use std::io::Write;
use std::process::{Command, Stdio};

fn session(input: &str) -> (String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gosub"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("HOME", std::env::temp_dir())
        .spawn()
        .expect("start gosub");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn issue_example() {
    let (out, err) = session("x := 21\nx * 2\n");
    assert_eq!(out, "42 (int)\n");
    assert_eq!(err, "");
}

#[test]
fn values_types_declarations_and_imports() {
    let (out, err) = session(
        r#"type Point struct { X, Y int }
p := Point{1, 2}
p
3.5
strings.ToUpper("go")
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}
fib(20)
m := map[string]int{"a": 1}
m
[]string{"x", "y"}
fmt.Println("printed once")
strconv.Atoi("12")
:type p.X * 2
:type fib
"#,
    );
    assert_eq!(
        out,
        "{X:1 Y:2} (main.Point)\n3.5 (float64)\nGO (string)\n6765 (int)\nmap[a:1] (map[string]int)\n\
         [x y] ([]string)\nprinted once\n12 (int)\n<nil> (<nil>)\nint\nfunc(int) int\n"
    );
    assert_eq!(err, "");
}

#[test]
fn errors_keep_the_session() {
    let (out, err) = session("x := 1\ny := x + nope\nx + 1\npanic(\"boom\")\nx + 2\n:bogus\n");
    assert_eq!(out, "2 (int)\n3 (int)\n");
    assert_eq!(
        err,
        "<input>:1:10: undefined: nope\n    y := x + nope\n             ^\npanic: boom\n\
         main.input3()\n\t<input 3>:1\nunknown command :bogus (:help lists them)\n"
    );
}

#[test]
fn multi_line_input_and_commands() {
    let (out, _) = session(
        "s := `raw\nstring`\nlen(s)\nfor i := 0; i < 2; i++ {\n\tfmt.Println(i)\n}\n:reset\nx := 5\nx\n:quit\nx\n",
    );
    assert_eq!(out, "10 (int)\n0\n1\nsession reset\n5 (int)\n");
}

/// A whole session on the live VM, as a reviewed snapshot: functions see and change
/// session variables, a goroutine started by one input runs while a later one waits,
/// methods and interfaces declared over several inputs, `:escape` for the last input,
/// a runtime panic that leaves the session intact, and the `:disasm` of a function whose
/// session variable lives in the globals block.
#[test]
fn live_session_transcript() {
    let (out, err) = session(
        r#"counter := 0
func next() int { counter++; return counter }
next()
next()
counter
done := make(chan bool)
go func() { counter += 100; done <- true }()
<-done
counter
type Shape interface { Area() float64 }
type Sq struct{ S float64 }
func (s Sq) Area() float64 { return s.S * s.S }
var sh Shape = Sq{3}
sh.Area()
p := &Sq{2}
:escape
func mk() *Sq { s := Sq{1}; return &s }
:escape
p.S = 5
*p
x := []int{1, 2, 3}
x[5]
x
:type sh
:disasm main.next
"#,
    );
    insta::assert_snapshot!(format!("--- stdout\n{}--- stderr\n{}", out, err));
}

/// `:gc` collects the session's heap and `:mem` reports its spaces.
#[test]
fn gc_and_mem_report_the_live_heap() {
    let (out, err) = session(
        "keep := make([]*int, 0)\nfor i := range 50000 { v := i; if i%1000 == 0 { keep = append(keep, &v) } else { _ = &v } }\n:gc\n:mem\nlen(keep)\n",
    );
    assert_eq!(err, "");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("collected: heap in use "), "{}", out);
    assert!(lines[1].starts_with("heap in use "), "{}", out);
    assert!(lines[1].contains("old space"), "{}", out);
    assert!(lines[1].contains("1 major"), "{}", out);
    assert_eq!(lines[2], "50 (int)");
}

/// `:memreport FILE` writes the session's memory report: the input line that allocated,
/// with escape analysis's reason, and the collection `:gc` ran.
#[test]
fn memreport_writes_the_sessions_report() {
    let path =
        std::env::temp_dir().join(format!("gosub-repl-memreport-{}.html", std::process::id()));
    let (out, err) = session(&format!(
        "type T struct{{ a, b int }}\nvar keep []*T\nfor i := range 1000 {{ keep = append(keep, &T{{i, i}}) }}\n:gc\n:memreport {}\n",
        path.display()
    ));
    assert_eq!(err, "");
    assert!(
        out.ends_with(&format!("wrote the memory report to {}\n", path.display())),
        "{}",
        out
    );
    let page = std::fs::read_to_string(&path).expect("the report");
    let _ = std::fs::remove_file(&path);
    // 1,000 objects of 16 bytes (+8 of header) at the third input's line.
    assert!(page.contains("<td class=\"l\">&lt;input 3&gt;:1</td><td class=\"l\">main.input3</td><td class=\"l\">new object</td><td>24000</td><td>1000</td>"), "{}", page);
    assert!(page.contains("&amp;T{...} escapes to heap"));
    assert!(page.contains("(runtime.GC): pause"));
}

/// A function declared without a body in an input is gc's compile error, not a failure to
/// load the missing native; the session goes on.
#[test]
fn a_function_without_a_body_is_a_compile_error() {
    let (out, err) = session("func f() int\n1+1\n");
    assert_eq!(out, "2 (int)\n");
    assert_eq!(
        err,
        "<input>:1:6: missing function body\n    func f() int\n         ^\n"
    );
}
