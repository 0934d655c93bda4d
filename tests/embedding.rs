//! The embedding API (src/vm.rs) and the examples/embed_*.rs programs.

use gosub::{Error, GoRef, Value, Vm};
use std::collections::HashMap;

fn vm() -> Vm {
    Vm::builder().capture_stdout().capture_stderr().build()
}

#[test]
fn eval_persists_statements_and_declarations() {
    let mut vm = vm();
    assert_eq!(vm.eval("x := 21").unwrap(), Value::Nil);
    assert_eq!(vm.eval("x * 2").unwrap(), Value::Int(42));
    vm.eval("func double(n int) int { return n * 2 }").unwrap();
    assert_eq!(vm.eval_as::<i64>("double(x) + 1").unwrap(), 43);
    vm.eval("type Point struct { X, Y int }").unwrap();
    let p = vm.eval("Point{1, 2}").unwrap();
    assert_eq!(
        p,
        Value::Struct {
            type_name: "main.Point".into(),
            fields: vec![("X".into(), Value::Int(1)), ("Y".into(), Value::Int(2))],
        }
    );
    assert_eq!(vm.eval("3.5").unwrap(), Value::Float(3.5));
    assert_eq!(
        vm.eval_as::<String>("strings.ToUpper(\"go\")").unwrap(),
        "GO"
    );
}

#[test]
fn output_of_replayed_statements_is_not_repeated() {
    let mut vm = vm();
    vm.eval("fmt.Println(\"one\")").unwrap();
    vm.eval("fmt.Println(\"two\")").unwrap();
    assert_eq!(vm.take_stdout(), "one\ntwo\n");
}

#[test]
fn conversions() {
    let mut vm = vm();
    let v: Vec<i64> = vm.eval_as("[]int{1, 2, 3}").unwrap();
    assert_eq!(v, vec![1, 2, 3]);
    let m: HashMap<String, i64> = vm.eval_as("map[string]int{\"a\": 1, \"b\": 2}").unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(m["b"], 2);
    let o: Option<i64> = vm.eval_as("any(nil)").unwrap();
    assert_eq!(o, None);
    let e = vm.eval_as::<i64>("\"abc\"").unwrap_err();
    assert!(
        e.to_string().contains("string") && e.to_string().contains("i64"),
        "{}",
        e
    );
    let t = vm.eval("strconv.Atoi(\"12\")").unwrap();
    assert_eq!(t, Value::Tuple(vec![Value::Int(12), Value::Nil]));
}

/// Generic declarations made in one input are used, and instantiated anew, in later ones.
#[test]
fn eval_accepts_generic_declarations_across_inputs() {
    let mut vm = vm();
    vm.eval("func Map[T, U any](xs []T, f func(T) U) []U { var r []U; for _, x := range xs { r = append(r, f(x)) }; return r }")
        .unwrap();
    vm.eval("type Stack[T any] struct{ items []T }\nfunc (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }\nfunc (s *Stack[T]) Len() int { return len(s.items) }")
        .unwrap();
    assert_eq!(
        vm.eval_as::<String>(
            "fmt.Sprint(Map([]int{1, 2}, func(i int) string { return strconv.Itoa(i * 10) }))"
        )
        .unwrap(),
        "[10 20]"
    );
    vm.eval("var s Stack[string]").unwrap();
    vm.eval("s.Push(\"a\"); s.Push(\"b\")").unwrap();
    assert_eq!(vm.eval_as::<i64>("s.Len()").unwrap(), 2);
    // A new instantiation of both in a later input, and the earlier ones again.
    vm.eval("var f Stack[float64]\nf.Push(1.5)").unwrap();
    assert_eq!(
        vm.eval_as::<String>(
            "fmt.Sprint(Map(f.items, func(x float64) int { return int(x * 2) }), s.items, f.Len())"
        )
        .unwrap(),
        "[3] [a b] 1"
    );
    match vm.eval("Map(1, 2)") {
        Err(Error::Compile(d)) => assert!(
            d[0].message == "in call to Map, cannot infer T (declared at <input 1>:1:10)",
            "{d:?}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn call_get_set() {
    let mut vm = vm();
    vm.eval("var total int\nfunc Add(a, b int) int { total += a + b; return a + b }")
        .unwrap();
    assert_eq!(
        vm.call("Add", &[Value::Int(2), Value::Int(3)]).unwrap(),
        Value::Int(5)
    );
    assert_eq!(vm.get::<i64>("total").unwrap(), 5);
    vm.set("total", 100i64).unwrap();
    assert_eq!(vm.get::<i64>("total").unwrap(), 100);
    vm.eval("func Sum(xs []int) int { s := 0; for _, x := range xs { s += x }; return s }")
        .unwrap();
    let xs: Value = vec![1i64, 2, 3].into();
    assert_eq!(vm.call("Sum", &[xs]).unwrap(), Value::Int(6));
    // A name the session does not define is the host's usage error, not Go's compile error.
    let usage = |r: Result<(), Error>| match r {
        Err(Error::Usage(m)) => m,
        other => panic!("{:?}", other),
    };
    assert_eq!(
        usage(vm.get::<i64>("nope").map(|_| ())),
        "nope is not defined in the session (undefined: nope)"
    );
    assert_eq!(
        usage(vm.set("nope", 1i64)),
        "nope is not defined in the session (undefined: nope)"
    );
    assert_eq!(
        usage(vm.call("Nope", &[]).map(|_| ())),
        "Nope is not defined in the session (undefined: Nope)"
    );
}

#[test]
fn errors() {
    let mut vm = vm();
    match vm.eval("y := undefinedThing + 1") {
        Err(Error::Compile(d)) => {
            assert_eq!(d[0].file, "<input>");
            assert_eq!((d[0].line, d[0].col), (1, 6), "{:?}", d);
            assert!(d[0].message.contains("undefined: undefinedThing"));
        }
        other => panic!("{:?}", other),
    }
    // Positions are the input's own, on any line of it; related positions too.
    match vm.eval("a := 1\nb := a + zzz") {
        Err(Error::Compile(d)) => assert_eq!((d[0].line, d[0].col), (2, 10), "{:?}", d),
        other => panic!("{:?}", other),
    }
    vm.eval("k := 1").unwrap();
    match vm.eval("\nvar k = 2\nvar k = 3") {
        Err(Error::Compile(d)) => {
            assert_eq!((d[0].line, d[0].col), (3, 5), "{:?}", d);
            assert!(
                d[0].message
                    .contains("\t<input>:2:5: other declaration of k"),
                "{:?}",
                d
            );
        }
        other => panic!("{:?}", other),
    }
    match vm.eval("panic(\"boom\")") {
        Err(Error::Panic { value, traceback }) => {
            assert_eq!(value, "boom");
            // The input (the first that compiled) ran as a function of its own, named after it.
            assert!(traceback.contains("main.input2()"), "{}", traceback);
            assert!(traceback.contains("<input 2>:1"), "{}", traceback);
        }
        other => panic!("{:?}", other),
    }
    match vm.eval("import \"os\"") {
        Err(Error::Compile(d)) => {
            assert!(
                d[0].message
                    .contains("package os is not allowed in this VM"),
                "{:?}",
                d
            )
        }
        other => panic!("{:?}", other),
    }
    // Naming a package the VM does not allow says so, not just `undefined`.
    match vm.eval("os.Getenv(\"HOME\")") {
        Err(Error::Compile(d)) => assert_eq!(
            d[0].message,
            "undefined: os (package os is not allowed in this VM; the host allows it with \
             VmBuilder::allow_package(\"os\"))"
        ),
        other => panic!("{:?}", other),
    }
    // The session is intact.
    assert_eq!(vm.eval("1 + 1").unwrap(), Value::Int(2));
}

#[test]
fn os_exit_is_an_error_not_a_process_exit() {
    let exit3 = "package main\nimport \"os\"\nfunc main() { os.Exit(3) }\n";
    let mut vm = Vm::builder().allow_exit().capture_stdout().build();
    assert_eq!(vm.run(exit3), Err(Error::Exit(3)));
    // Without the exit capability the run ends too, as a fatal error the host can tell
    // from a deliberate exit.
    let mut vm = Vm::builder().allow_package("os").capture_stdout().build();
    match vm.run(exit3) {
        Err(Error::Fatal(m)) => assert!(m.contains("exit capability"), "{m}"),
        other => panic!("{:?}", other),
    }
}

/// A script that reads `path` and prints the contents or the error, and whether the error
/// is os.ErrPermission.
fn read_script(path: &str) -> String {
    format!(
        "package main\nimport (\"errors\"; \"fmt\"; \"os\")\nfunc main() {{\n\
         b, err := os.ReadFile({path:?})\n\
         fmt.Println(string(b), err, errors.Is(err, os.ErrPermission))\n}}\n"
    )
}

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("gosub-caps-{}-{}", tag, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("inner")).unwrap();
    std::fs::write(d.join("inner/data.txt"), "inside").unwrap();
    std::fs::write(d.join("outside.txt"), "outside").unwrap();
    d
}

#[test]
fn files_without_a_grant_are_permission_errors() {
    let mut vm = Vm::builder().allow_package("os").capture_stdout().build();
    vm.run(&read_script("/etc/passwd")).unwrap();
    assert_eq!(
        vm.take_stdout(),
        " open /etc/passwd: permission denied true\n"
    );
}

#[test]
fn read_grants_cover_one_directory() {
    let d = temp_dir("read");
    let inner = d.join("inner");
    let mut vm = Vm::builder()
        .allow_read_dir(&inner)
        .capture_stdout()
        .build();
    let p = |s: &str| inner.join(s).display().to_string();
    vm.run(&read_script(&p("data.txt"))).unwrap();
    assert_eq!(vm.take_stdout(), "inside <nil> false\n");
    // Outside the grant, also through `..`.
    let escape = format!("{}/../outside.txt", inner.display());
    vm.run(&read_script(&escape)).unwrap();
    assert_eq!(
        vm.take_stdout(),
        format!(" open {escape}: permission denied true\n")
    );
    // A read grant does not allow writing.
    let w = format!(
        "package main\nimport (\"fmt\"; \"os\")\nfunc main() {{\n\
         fmt.Println(os.WriteFile({:?}, []byte(\"x\"), 0644))\n\
         fmt.Println(os.Remove({:?}))\n}}\n",
        p("new.txt"),
        p("data.txt")
    );
    vm.run(&w).unwrap();
    assert_eq!(
        vm.take_stdout(),
        format!(
            "open {}: permission denied\nremove {}: permission denied\n",
            p("new.txt"),
            p("data.txt")
        )
    );
    assert!(inner.join("data.txt").exists());
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn filepath_needs_a_directory_grant_and_sees_only_what_it_covers() {
    // Off by default, as os is: Walk, Glob, Abs and EvalSymlinks reach files.
    let mut vm = Vm::builder().capture_stdout().build();
    match vm
        .run("package main\nimport \"path/filepath\"\nfunc main() { _ = filepath.Base(\"x\") }\n")
    {
        Err(Error::Compile(d)) => assert!(
            d[0].message
                .contains("package path/filepath is not allowed in this VM"),
            "{:?}",
            d
        ),
        other => panic!("{:?}", other),
    }
    // A read grant allows it; its file system access goes through os's checks.
    let d = temp_dir("filepath");
    let inner = d.join("inner");
    let mut vm = Vm::builder()
        .allow_read_dir(&inner)
        .capture_stdout()
        .build();
    let src = format!(
        "package main\nimport (\"errors\"; \"fmt\"; \"io/fs\"; \"path/filepath\")\n\
         func main() {{\n\
         root := {:?}\n\
         filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {{\n\
         r, _ := filepath.Rel(root, p)\n\
         fmt.Println(r, err)\n\
         return nil\n\
         }})\n\
         m, err := filepath.Glob(root + \"/*.txt\")\n\
         fmt.Println(len(m), err)\n\
         m, err = filepath.Glob(root + \"/../*.txt\")\n\
         fmt.Println(len(m), err)\n\
         err = filepath.Walk(root+\"/..\", func(p string, _ fs.FileInfo, err error) error {{ return err }})\n\
         fmt.Println(errors.Is(err, fs.ErrPermission))\n\
         _, err = filepath.EvalSymlinks(root + \"/../outside.txt\")\n\
         fmt.Println(errors.Is(err, fs.ErrPermission))\n}}\n",
        inner.display().to_string()
    );
    vm.run(&src).unwrap();
    assert_eq!(
        vm.take_stdout(),
        ". <nil>\ndata.txt <nil>\n1 <nil>\n0 <nil>\ntrue\ntrue\n"
    );
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn internal_packages_are_the_standard_librarys_own() {
    // As gc: os, io/fs and path/filepath import them, a program may not.
    let mut vm = Vm::builder().allow_everything().capture_stdout().build();
    for pkg in [
        "internal/bytealg",
        "internal/filepathlite",
        "internal/oserror",
    ] {
        let src = format!("package main\nimport _ {pkg:?}\nfunc main() {{}}\n");
        match vm.run(&src) {
            Err(Error::Compile(d)) => assert_eq!(
                d[0].message,
                format!("use of internal package {pkg} not allowed")
            ),
            other => panic!("{:?}", other),
        }
    }
    vm.run("package main\nimport (\"fmt\"; \"path/filepath\")\nfunc main() { fmt.Println(filepath.Clean(\"a//b\")) }\n")
        .unwrap();
    assert_eq!(vm.take_stdout(), "a/b\n");
}

#[test]
fn write_grants_allow_changes_below_them() {
    let d = temp_dir("write");
    let inner = d.join("inner");
    let mut vm = Vm::builder()
        .allow_write_dir(&inner)
        .capture_stdout()
        .build();
    let src = format!(
        "package main\nimport (\"fmt\"; \"os\")\nfunc main() {{\n\
         dir := {:?}\n\
         fmt.Println(os.MkdirAll(dir+\"/a/b\", 0755))\n\
         fmt.Println(os.WriteFile(dir+\"/a/b/f.txt\", []byte(\"new\"), 0644))\n\
         b, err := os.ReadFile(dir + \"/a/b/f.txt\")\n\
         fmt.Println(string(b), err)\n\
         fmt.Println(os.Rename(dir+\"/a/b/f.txt\", dir+\"/g.txt\"))\n\
         fmt.Println(os.Rename(dir+\"/g.txt\", dir+\"/../g.txt\") != nil)\n\
         fmt.Println(os.RemoveAll(dir + \"/a\"))\n\
         fmt.Println(os.Remove(dir+\"/../outside.txt\") != nil)\n}}\n",
        inner.display().to_string()
    );
    vm.run(&src).unwrap();
    assert_eq!(
        vm.take_stdout(),
        "<nil>\n<nil>\nnew <nil>\n<nil>\ntrue\n<nil>\ntrue\n"
    );
    assert_eq!(std::fs::read_to_string(inner.join("g.txt")).unwrap(), "new");
    assert!(d.join("outside.txt").exists());
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn environment_needs_its_grant() {
    let src = "package main\nimport (\"fmt\"; \"os\")\nfunc main() {\n\
               _, ok := os.LookupEnv(\"PATH\")\n\
               fmt.Println(os.Getenv(\"PATH\") != \"\", ok, len(os.Environ()) > 0)\n\
               fmt.Println(os.Setenv(\"GOSUB_X\", \"1\"), os.Getenv(\"GOSUB_X\"))\n}\n";
    let mut vm = Vm::builder().allow_package("os").capture_stdout().build();
    vm.run(src).unwrap();
    assert_eq!(
        vm.take_stdout(),
        "false false false\nsetenv: operation not permitted \n"
    );
    let mut vm = Vm::builder().allow_env().capture_stdout().build();
    vm.run(src).unwrap();
    assert_eq!(vm.take_stdout(), "true true true\n<nil> 1\n");
    // The script changed its own copy, never the host's environment.
    assert!(std::env::var("GOSUB_X").is_err());
}

#[test]
fn stdin_is_what_the_host_gives() {
    let src = "package main\nimport (\"bufio\"; \"fmt\"; \"os\")\nfunc main() {\n\
               s := bufio.NewScanner(os.Stdin)\n\
               for s.Scan() { fmt.Printf(\"[%s]\", s.Text()) }\n}\n";
    let mut vm = Vm::builder()
        .allow_package("os")
        .stdin(std::io::Cursor::new(b"one\ntwo\n".to_vec()))
        .capture_stdout()
        .build();
    vm.run(src).unwrap();
    assert_eq!(vm.take_stdout(), "[one][two]");
    // Without one, stdin is empty.
    let mut vm = Vm::builder().allow_package("os").capture_stdout().build();
    vm.run(src).unwrap();
    assert_eq!(vm.take_stdout(), "");
}

#[test]
fn host_functions() {
    let mut vm = vm();
    vm.register_fn("host", "Add", |a: i64, b: i64| a + b);
    vm.register_fn("host", "Greet", |s: String| format!("hello, {}", s));
    vm.register_fn("host", "Div", |a: f64, b: f64| -> Result<f64, String> {
        if b == 0.0 {
            Err("division by zero".into())
        } else {
            Ok(a / b)
        }
    });
    assert_eq!(vm.eval("host.Add(40, 2)").unwrap(), Value::Int(42));
    assert_eq!(
        vm.eval_as::<String>("host.Greet(\"go\")").unwrap(),
        "hello, go"
    );
    vm.eval("_, err := host.Div(1, 0)").unwrap();
    assert_eq!(
        vm.eval_as::<String>("err.Error()").unwrap(),
        "division by zero"
    );
    match vm.eval("host.Add(\"x\", 1)") {
        Err(Error::Compile(d)) => assert!(d[0].message.contains("cannot use"), "{:?}", d),
        other => panic!("{:?}", other),
    }
}

#[test]
fn host_functions_of_every_width_and_arity() {
    let mut vm = Vm::builder().capture_stdout().build();
    vm.register_fn(
        "host",
        "Mix",
        |a: i8, b: u8, c: i16, d: u16, e: i32, f: u32, g: u64| {
            a as i64 + b as i64 + c as i64 + d as i64 + e as i64 + f as i64 + g as i64
        },
    );
    vm.register_fn(
        "host",
        "Eight",
        |a: isize, b: usize, c: f32, d: f64, e: bool, f: String, g: Vec<u8>, h: i64| {
            format!("{a} {b} {c} {d} {e} {f} {g:?} {h}")
        },
    );
    vm.register_fn("host", "Rev", |b: Vec<u8>| -> Vec<u8> {
        b.into_iter().rev().collect()
    });
    vm.register_fn("host", "Half", |x: f32| x / 2.0);
    vm.register_fn("host", "Wrap", |x: i32| x.wrapping_add(1));
    vm.register_fn("host", "Big", |x: u64| -> Result<u64, String> {
        x.checked_mul(2).ok_or("overflow".into())
    });
    // Go's types: `int` takes an isize, `uint8` a u8; untyped constants convert as usual.
    vm.eval(
        r#"n := 5
fmt.Println(host.Mix(-1, 255, -300, 60000, -70000, 4000000000, 1<<40))
fmt.Println(host.Eight(n, 7, 1.5, 2.25, true, "s", []byte("ab"), -9))
fmt.Printf("%q %v\n", host.Rev([]byte("abc")), host.Rev(nil) == nil)
fmt.Println(host.Half(3), host.Wrap(2147483647))
_, err := host.Big(1 << 63)
v, _ := host.Big(21)
fmt.Println(v, err)"#,
    )
    .unwrap();
    assert_eq!(
        vm.take_stdout(),
        "1103511617730\n5 7 1.5 2.25 true s [97, 98] -9\n\"cba\" true\n1.5 -2147483648\n42 overflow\n"
    );
    // The Go signatures are what the closures' types say.
    assert_eq!(
        vm.type_of("host.Mix").unwrap(),
        "func(int8, uint8, int16, uint16, int32, uint32, uint64) int64"
    );
    vm.eval("var _ func([]byte) []byte = host.Rev").unwrap();
}

#[test]
fn go_errors_come_back_as_rust_errors() {
    use gosub::GoError;
    let mut vm = vm();
    vm.eval(
        r#"type Bad struct{ Code int }
func (b *Bad) Error() string { return fmt.Sprintf("bad %d", b.Code) }
func Parse(s string) (int, error) { return strconv.Atoi(s) }
func Check(n int) error {
	if n < 0 {
		return &Bad{n}
	}
	return nil
}"#,
    )
    .unwrap();
    let ok: Result<i64, GoError> =
        gosub::FromValue::from_value(vm.call("Parse", &["12".into()]).unwrap()).unwrap();
    assert_eq!(ok, Ok(12));
    let bad: Result<i64, GoError> =
        gosub::FromValue::from_value(vm.call("Parse", &["x".into()]).unwrap()).unwrap();
    let e = bad.unwrap_err();
    assert_eq!(e.to_string(), "strconv.Atoi: parsing \"x\": invalid syntax");
    // The Go value is kept: a *strconv.NumError here, which the host may pass back or read.
    match &*e.value {
        Value::Ref(r) => assert_eq!(r.type_name(), "*strconv.NumError"),
        other => panic!("{:?}", other),
    }
    let fields = vm
        .deref(match &*e.value {
            Value::Ref(r) => r,
            _ => unreachable!(),
        })
        .unwrap();
    assert!(fields.to_string().contains("Atoi"), "{}", fields);
    // A lone error: nil is Ok(()), a custom error type is Err with its own Error() text.
    let none: Result<(), GoError> =
        gosub::FromValue::from_value(vm.call("Check", &[1.into()]).unwrap()).unwrap();
    assert_eq!(none, Ok(()));
    let some: Result<(), GoError> =
        gosub::FromValue::from_value(vm.call("Check", &[(-3).into()]).unwrap()).unwrap();
    assert_eq!(some.unwrap_err().message, "bad -3");
    // An error value passed back into Go is the same value.
    let err = vm.call("Check", &[(-4).into()]).unwrap();
    assert!(matches!(err, Value::Error(_)));
    vm.eval("func Code(e error) int { return e.(*Bad).Code }")
        .unwrap();
    assert_eq!(vm.call("Code", &[err]).unwrap(), Value::Int(-4));
}

#[test]
fn named_inputs_name_their_errors_and_tracebacks() {
    let mut vm = vm();
    vm.eval_named(
        "rules.go",
        "func Pick(xs []int, i int) int {\n\treturn xs[i]\n}",
    )
    .unwrap();
    match vm.eval_named("config.go", "a := 1\nb := a + missing") {
        Err(Error::Compile(d)) => {
            assert_eq!(
                (d[0].file.as_str(), d[0].line, d[0].col),
                ("config.go", 2, 10)
            );
        }
        other => panic!("{:?}", other),
    }
    match vm.eval_named("main.go", "xs := []int{1}\n_ = Pick(xs, 3)") {
        Err(Error::Panic { value, traceback }) => {
            assert_eq!(value, "runtime error: index out of range [3] with length 1");
            assert_eq!(
                traceback,
                "main.Pick(...)\n\trules.go:2\nmain.input2()\n\tmain.go:2\n"
            );
        }
        other => panic!("{:?}", other),
    }
    // Unnamed inputs keep `<input>` and `<input N>`.
    match vm.eval("_ = Pick(nil, 0)") {
        Err(Error::Panic { traceback, .. }) => {
            assert!(traceback.contains("\t<input 3>:1"), "{traceback}")
        }
        other => panic!("{:?}", other),
    }
}

#[test]
fn one_input_may_mix_functions_and_statements() {
    let mut vm = vm();
    // A method, its type and statements using both, in one input.
    let v = vm.eval(
        "n := 2\nfunc (p P) Twice() int { return 2 * p.N }\ntype P struct{ N int }\nP{n}.Twice()",
    );
    assert_eq!(v.unwrap(), Value::Int(4));
    // The declarations stay for later inputs, as if declared alone.
    assert_eq!(vm.eval("P{5}.Twice()").unwrap(), Value::Int(10));
    // Errors keep the input's own lines and columns, in either part.
    for (src, at) in [
        ("x := 1\nfunc h() int {\n\treturn nope\n}\nh()", (3, 9)),
        ("func k() int { return 1 }\ny := k() + zzz", (2, 12)),
    ] {
        match vm.eval(src) {
            Err(Error::Compile(d)) => assert_eq!((d[0].line, d[0].col), at, "{src}: {d:?}"),
            other => panic!("{src}: {other:?}"),
        }
    }
}

#[test]
fn a_panicking_host_function_panics_in_go_not_in_the_host() {
    let mut vm = vm();
    vm.register_fn("host", "Boom", |n: i64| -> i64 {
        if n > 2 {
            panic!("n is {n}");
        }
        n
    });
    // Recovered by the Go caller, as a Go panic with a string value.
    vm.eval(
        r#"func try(n int64) (r any) {
	defer func() {
		if p := recover(); p != nil {
			r = p
		}
	}()
	return host.Boom(n)
}"#,
    )
    .unwrap();
    assert_eq!(vm.eval("try(1)").unwrap(), Value::Int(1));
    assert_eq!(
        vm.eval_as::<String>("try(3).(string)").unwrap(),
        "host function host.Boom panicked: n is 3"
    );
    // Not recovered: the eval fails with the panic; the VM stays usable.
    match vm.eval("host.Boom(7)") {
        Err(Error::Panic { value, .. }) => {
            assert_eq!(value, "host function host.Boom panicked: n is 7")
        }
        other => panic!("{:?}", other),
    }
    assert_eq!(vm.eval("host.Boom(2) + 1").unwrap(), Value::Int(3));
}

#[test]
fn limits() {
    let mut vm = Vm::builder().fuel(100_000).capture_stdout().build();
    assert_eq!(vm.eval("for {}"), Err(Error::OutOfFuel));
    let mut vm = Vm::builder().heap_limit(16 << 20).capture_stdout().build();
    let r = vm.eval("var keep [][]byte\nfor { keep = append(keep, make([]byte, 1<<20)) }");
    assert_eq!(r, Err(Error::HeapLimit));
    let mut vm = Vm::builder().max_stack(1 << 20).capture_stdout().build();
    vm.eval("func f(n int) int { return f(n+1) + 1 }").unwrap();
    assert_eq!(vm.eval("f(0)"), Err(Error::StackOverflow));
}

#[allow(dead_code)]
mod basic {
    include!("../examples/embed_basic.rs");
}
#[allow(dead_code)]
mod host_fns {
    include!("../examples/embed_host_functions.rs");
}
#[allow(dead_code)]
mod sandbox {
    include!("../examples/embed_sandbox.rs");
}

#[test]
fn example_embed_basic() {
    let t = basic::transcript().unwrap();
    assert_eq!(
        t,
        "x * 2 = Int(42)\norigin.Norm1() = 7\nstdout: gogogo\nBump -> Int(15)\ncounter = 100\n\
         words = [\"a\", \"b\", \"c\"]\ncompile error: <input>:1:1: undefined: undefinedName\n\
         panic: runtime error: index out of range [3] with length 0\nx is still 21\n"
    );
}

#[test]
fn example_embed_host_functions() {
    let t = host_fns::transcript().unwrap();
    assert_eq!(
        t,
        "42\nHELLO FROM GO\n1.4142\nerror: negative input -1\nhost saw 3 hits\n\
         compile error: cannot use \"1\" (untyped string constant) as int64 value in argument to host.Add\n"
    );
}

#[test]
fn example_embed_sandbox() {
    let t = sandbox::transcript().unwrap();
    assert_eq!(
        t,
        "infinite loop: OutOfFuel\nallocation bomb: HeapLimit\ndeep recursion: StackOverflow\n\
         huge make: HeapLimit\nimport os: Compile([Diagnostic { file: \"main.go\", line: 2, col: 8, \
         message: \"package os is not allowed in this VM\" }])\ninterrupted loop: Interrupted\nafter: Int(3)\n"
    );
}

#[test]
fn vm_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<Vm>();
}

/// Statements run once: a later eval does not run earlier inputs again.
#[test]
fn eval_runs_each_input_once() {
    let mut vm = Vm::builder().capture_stdout().build();
    vm.eval("calls := 0").unwrap();
    vm.eval("func tick() int { calls++; return calls }")
        .unwrap();
    vm.eval("first := tick()\nfmt.Println(\"ticked\", first)")
        .unwrap();
    vm.eval("second := tick()").unwrap();
    assert_eq!(vm.eval_as::<i64>("calls").unwrap(), 2);
    assert_eq!(vm.eval_as::<i64>("first*10 + second").unwrap(), 12);
    assert_eq!(vm.take_stdout(), "ticked 1\n");
    // A goroutine started by one input is still there for the next.
    vm.eval("ch := make(chan int)\ngo func() { for v := range ch { calls += v } }()")
        .unwrap();
    vm.eval("ch <- 40\nch <- 0").unwrap();
    assert_eq!(vm.eval_as::<i64>("calls").unwrap(), 42);
    // A panic ends that input only; what it declared before panicking stays.
    assert!(matches!(
        vm.eval("half := calls / 2\npanic(\"stop\")"),
        Err(Error::Panic { .. })
    ));
    assert_eq!(vm.eval_as::<i64>("half").unwrap(), 21);
}

/// Values of pointer type come back as rooted handles: valid after collections that move
/// what they refer to, usable as arguments, released when dropped. CI runs this file again
/// under GOSUBDEBUG=gcstress=1 (a collection at every allocation that may collect).
#[test]
fn handles_survive_collections() {
    let mut vm = Vm::builder().capture_stdout().build();
    vm.eval("type Node struct { V int; Next *Node }").unwrap();
    vm.eval(
        "func build(n int) *Node { var h *Node; for i := 0; i < n; i++ { h = &Node{i, h} }; return h }",
    )
    .unwrap();
    vm.eval("func sum(n *Node) int { s := 0; for ; n != nil; n = n.Next { s += n.V }; return s }")
        .unwrap();
    let list: GoRef = match vm.eval("build(1000)").unwrap() {
        Value::Ref(r) => r,
        other => panic!("{:?}", other),
    };
    assert_eq!(list.type_name(), "*main.Node");
    let before = vm.mem_stats().unwrap();
    // Enough garbage for minor collections (moving the list out of the nursery), then a
    // major one.
    vm.eval("var sink []*Node\nfor i := 0; i < 300; i++ { sink = append(sink, build(100)) }\nsink = nil\nruntime.GC()")
        .unwrap();
    let after = vm.mem_stats().unwrap();
    assert!(
        after.num_minor > before.num_minor,
        "no minor collection ran"
    );
    assert!(
        after.num_major > before.num_major,
        "no major collection ran"
    );
    match vm.deref(&list).unwrap() {
        Value::Struct { type_name, fields } => {
            assert_eq!(type_name, "main.Node");
            assert_eq!(fields[0], ("V".to_string(), Value::Int(999)));
        }
        other => panic!("{:?}", other),
    }
    assert_eq!(
        vm.call("sum", &[Value::Ref(list.clone())]).unwrap(),
        Value::Int(999 * 1000 / 2)
    );
    // Go changes what the handle points to; the host sees the change.
    vm.eval("var head *Node").unwrap();
    vm.set("head", Value::Ref(list.clone())).unwrap();
    vm.eval("head.V = -1").unwrap();
    match vm.deref(&list).unwrap() {
        Value::Struct { fields, .. } => assert_eq!(fields[0].1, Value::Int(-1)),
        other => panic!("{:?}", other),
    }
    // Any value can be held by reference.
    let words = vm.eval_ref("[]string{\"a\", \"b\"}").unwrap();
    assert_eq!(words.type_name(), "[]string");
    vm.eval("runtime.GC()").unwrap();
    assert_eq!(
        vm.deref(&words).unwrap(),
        Value::Slice(vec![Value::String("a".into()), Value::String("b".into())])
    );
    // Dropping the last handles (and the Go variable) lets the list be collected.
    vm.eval("head = nil\nruntime.GC()").unwrap();
    let held = vm.mem_stats().unwrap().heap_objects;
    drop(list);
    vm.eval("runtime.GC()").unwrap();
    let freed = vm.mem_stats().unwrap().heap_objects;
    assert!(
        held >= freed + 1000,
        "held {} objects, then {}",
        held,
        freed
    );
    // A handle of a reset session is refused.
    vm.reset();
    assert!(matches!(vm.deref(&words), Err(Error::Usage(_))));
}

/// A host function may call back into the Go program that called it.
#[test]
fn host_functions_call_back_into_go() {
    use gosub::HostCtx;
    let mut vm = Vm::builder().capture_stdout().build();
    vm.register_fn_ctx("host", "Twice", |ctx: &mut HostCtx, n: i64| {
        let once = ctx
            .call("Double", &[Value::Int(n)])
            .map_err(|e| e.to_string())?;
        let Value::Int(once) = once else {
            return Err(format!("Double returned {:?}", once));
        };
        match ctx.call("Double", &[Value::Int(once)]) {
            Ok(Value::Int(v)) => Ok(v),
            other => Err(format!("{:?}", other)),
        }
    });
    vm.register_fn_ctx("host", "Greet", |ctx: &mut HostCtx, who: String| {
        ctx.call("Shout", &[Value::String(who)]).is_ok()
    });
    // Register before the first input that imports the package (see docs/embedding.md).
    vm.register_fn_ctx("host", "Bad", |ctx: &mut HostCtx, n: i64| {
        ctx.call("Double2", &[Value::Int(n)]).is_ok()
    });
    vm.eval("func Double(n int) int { return n * 2 }").unwrap();
    vm.eval("func Shout(s string) { fmt.Println(strings.ToUpper(s) + \"!\") }")
        .unwrap();
    assert_eq!(
        vm.eval("host.Twice(5)").unwrap(),
        Value::Tuple(vec![Value::Int(20), Value::Nil])
    );
    assert!(vm.eval_as::<bool>("host.Greet(\"hi\")").unwrap());
    assert_eq!(vm.take_stdout(), "HI!\n");
    // An unknown callback or wrong arguments are errors the Go caller sees.
    let e = vm.eval("_, err := host.Twice(1)\nerr").unwrap();
    assert_eq!(e, Value::Nil);
    // A panic in the callback goes on through the host function to the Go caller.
    vm.eval("func Double2(n int) int { panic(\"no doubling\") }")
        .unwrap();
    match vm.eval("host.Bad(1)") {
        Err(Error::Panic { value, .. }) => assert_eq!(value, "no doubling"),
        other => panic!("{:?}", other),
    }
}

#[derive(Debug, PartialEq)]
struct Item {
    name: String,
    qty: i64,
    tags: Vec<String>,
}
gosub::go_struct!(Item {
    name: "Name",
    qty: "Qty",
    tags: "Tags"
});

/// Rust structs cross as Go structs through `go_struct!`.
#[test]
fn rust_structs_convert_through_go_struct() {
    let mut vm = vm();
    vm.eval("type Item struct { Name string; Qty int; Tags []string }")
        .unwrap();
    vm.eval("func Restock(it Item, n int) Item { it.Qty += n; it.Tags = append(it.Tags, \"restocked\"); return it }")
        .unwrap();
    let it = Item {
        name: "bolt".into(),
        qty: 2,
        tags: vec!["metal".into()],
    };
    let back: Item =
        gosub::FromValue::from_value(vm.call("Restock", &[it.into(), Value::Int(5)]).unwrap())
            .unwrap();
    assert_eq!(
        back,
        Item {
            name: "bolt".into(),
            qty: 7,
            tags: vec!["metal".into(), "restocked".into()],
        }
    );
    vm.eval("var stock = []Item{{Name: \"nut\", Qty: 1}}")
        .unwrap();
    let all: Vec<Item> = vm.get("stock").unwrap();
    assert_eq!(all[0].name, "nut");
    // Errors say which Go field met which Rust type.
    vm.eval("type Bad struct { Name string; Qty string }")
        .unwrap();
    match vm.eval_as::<Item>("Bad{Name: \"x\", Qty: \"many\"}") {
        Err(Error::Conversion(m)) => {
            assert!(m.contains("field Qty of main.Bad"), "{}", m);
            assert!(m.contains("Rust i64"), "{}", m);
        }
        other => panic!("{:?}", other),
    }
}

/// Package time reads the host's time zone data (the TZ variable, zoneinfo files) only when
/// the embedder grants a read of the zoneinfo directory: with "time" alone, Local is UTC
/// and LoadLocation knows no zone files, whatever the host has.
#[test]
fn time_zone_files_need_a_read_grant() {
    let src = r#"package main
import ("fmt"; "time")
func main() {
	_, err := time.LoadLocation("America/New_York")
	fmt.Println(err)
	_, err = time.LoadLocation("UTC")
	fmt.Println(err, time.Local, time.Date(2024, 7, 1, 0, 0, 0, 0, time.Local).Format("MST"))
}
"#;
    let mut sandboxed = Vm::builder().allow_package("time").capture_stdout().build();
    sandboxed.run(src).unwrap();
    assert_eq!(
        sandboxed.take_stdout(),
        "unknown time zone America/New_York\n<nil> UTC UTC\n"
    );
    // Without "time" itself, the package cannot be imported at all.
    let mut none = vm();
    assert!(none.run(src).is_err());
    // With os allowed but no grant, still nothing is read.
    let mut os_only = Vm::builder()
        .allow_package("time")
        .allow_package("os")
        .capture_stdout()
        .build();
    os_only.run(src).unwrap();
    assert!(os_only
        .take_stdout()
        .starts_with("unknown time zone America/New_York\n"));
    // With a read grant on the zoneinfo directory, the host's files are read (where the
    // host has them).
    if std::path::Path::new("/usr/share/zoneinfo/America/New_York").exists() {
        let mut granted = Vm::builder()
            .allow_package("time")
            .allow_read_dir("/usr/share/zoneinfo")
            .capture_stdout()
            .build();
        granted.run(src).unwrap();
        assert!(granted.take_stdout().starts_with("<nil>\n"));
    }
}

/// A script sleeping (only timers pending) still sees the host's interrupt.
#[test]
fn interrupt_stops_a_sleeping_script() {
    let mut vm = Vm::builder().allow_package("time").capture_stdout().build();
    let handle = vm.interrupt_handle();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop = done.clone();
    // A request made before the run starts is dropped, so ask until the run has ended.
    let t = std::thread::spawn(move || {
        while !stop.load(std::sync::atomic::Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_millis(20));
            handle.interrupt();
        }
    });
    let start = std::time::Instant::now();
    let r = vm.run("package main\nimport \"time\"\nfunc main() { time.Sleep(time.Hour) }\n");
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    t.join().unwrap();
    assert_eq!(r, Err(Error::Interrupted));
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
}

/// A goroutine stack grows by copying and a session's main stack goes back to its first
/// size after each input, so one deep recursion does not keep its megabytes for the rest of
/// the session (StackSys falls back once a collection has released the idle spans).
#[test]
fn a_deep_recursion_gives_its_stack_back_after_the_input() {
    let mut vm = Vm::builder().capture_stdout().build();
    vm.eval(
        "func deep(n int) int { var pad [64]int; pad[n%64] = n; if n == 0 { return 0 }; return deep(n-1) + pad[n%64] - n + 1 }",
    )
    .unwrap();
    let before = vm.mem_stats().unwrap().stack_sys;
    assert_eq!(vm.eval_as::<i64>("deep(20000)").unwrap(), 20000);
    // The 16 MiB stack is gone at once; the small stacks it grew through are in spans the
    // next collection gives back.
    vm.eval("runtime.GC()").unwrap();
    let after = vm.mem_stats().unwrap().stack_sys;
    assert!(
        after <= before + (64 << 10),
        "StackSys {} before the input, {} after",
        before,
        after
    );
    // The same recursion runs again on a stack that grows again.
    assert_eq!(vm.eval_as::<i64>("deep(30000)").unwrap(), 30000);
}
