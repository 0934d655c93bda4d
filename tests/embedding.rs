//! The embedding API (src/vm.rs) and the examples/embed_*.rs programs.

use gosub::{Error, Value, Vm};
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
    assert!(matches!(vm.get::<i64>("nope"), Err(Error::Compile(_))));
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
    match vm.eval("panic(\"boom\")") {
        Err(Error::Panic { value, traceback }) => {
            assert_eq!(value, "boom");
            // The input (the first that compiled) ran as a function of its own, named after it.
            assert!(traceback.contains("main.input1()"), "{}", traceback);
            assert!(traceback.contains("<input 1>:1"), "{}", traceback);
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
    // The session is intact.
    assert_eq!(vm.eval("1 + 1").unwrap(), Value::Int(2));
}

#[test]
fn os_exit_is_an_error_not_a_process_exit() {
    let mut vm = Vm::builder().allow_package("os").capture_stdout().build();
    assert_eq!(
        vm.run("package main\nimport \"os\"\nfunc main() { os.Exit(3) }\n"),
        Err(Error::Exit(3))
    );
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
