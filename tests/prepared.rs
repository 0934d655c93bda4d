//! Prepared calls (`Vm::func`, src/func.rs): a session's Go function resolved once and
//! called from Rust with nothing compiled.

use gosub::{Error, Value, Vm};

fn vm() -> Vm {
    Vm::builder().capture_stdout().capture_stderr().build()
}

#[test]
fn a_prepared_function_is_called_with_converted_arguments_and_results() {
    let mut vm = vm();
    vm.eval(
        r#"
func Add(a int, b int) int { return a + b }
func Greet(name string, n int8) string { return fmt.Sprint("hi ", name, " ", n) }
func Split(x float64) (int, float64) { return int(x), x - float64(int(x)) }
var calls int
func Count() { calls++ }
func Mix(a int8, b uint16, ok bool, f float32) (float64, int8, bool) {
	if !ok {
		return 0, -a, ok
	}
	return float64(a) + float64(b) + float64(f), -a, ok
}
"#,
    )
    .unwrap();
    let add = vm.func::<(i64, i64), i64>("Add").unwrap();
    assert_eq!(add.name(), "main.Add");
    let mut sum = 0;
    for i in 0..1000 {
        sum += add.call(&mut vm, (i, 1)).unwrap();
    }
    assert_eq!(sum, 500_500);
    let greet = vm.func::<(String, i64), String>("Greet").unwrap();
    assert_eq!(
        greet.call(&mut vm, ("gopher".into(), -3)).unwrap(),
        "hi gopher -3"
    );
    let split = vm.func::<(f64,), Value>("Split").unwrap();
    assert_eq!(
        split.call(&mut vm, (2.5,)).unwrap(),
        Value::Tuple(vec![Value::Int(2), Value::Float(0.5)])
    );
    // Narrow integers, bools and float32s each fill a frame word, in and out.
    let mix = vm.func::<(i64, u64, bool, f64), Value>("Mix").unwrap();
    assert_eq!(
        mix.call(&mut vm, (-5, 65535, true, 0.5)).unwrap(),
        Value::Tuple(vec![
            Value::Float(65530.5),
            Value::Int(5),
            Value::Bool(true)
        ])
    );
    assert_eq!(
        mix.call(&mut vm, (7, 1, false, 0.0)).unwrap(),
        Value::Tuple(vec![Value::Float(0.0), Value::Int(-7), Value::Bool(false)])
    );
    let count = vm.func::<(), ()>("Count").unwrap();
    for _ in 0..3 {
        count.call(&mut vm, ()).unwrap();
    }
    // The session sees what the calls did, and inputs still run between calls.
    assert_eq!(vm.get::<i64>("calls").unwrap(), 3);
    vm.eval("calls += 10").unwrap();
    count.call(&mut vm, ()).unwrap();
    assert_eq!(vm.get::<i64>("calls").unwrap(), 14);
}

#[test]
fn a_panic_is_an_error_and_the_vm_goes_on() {
    let mut vm = vm();
    vm.eval("func Div(a, b int) int { return a / b }").unwrap();
    let div = vm.func::<(i64, i64), i64>("Div").unwrap();
    match div.call(&mut vm, (1, 0)) {
        Err(Error::Panic { value, traceback }) => {
            assert_eq!(value, "runtime error: integer divide by zero");
            assert!(traceback.contains("main.Div("), "{traceback}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(div.call(&mut vm, (7, 2)).unwrap(), 3);
    assert_eq!(vm.eval("Div(9, 3)").unwrap(), Value::Int(3));
}

#[test]
fn goroutines_started_by_a_call_run_and_output_is_written() {
    let mut vm = vm();
    vm.eval(
        r#"
func Sum(n int) int {
	ch := make(chan int)
	for i := 1; i <= n; i++ {
		go func() { ch <- i }()
	}
	s := 0
	for range n {
		s += <-ch
	}
	fmt.Println("summed", n)
	return s
}
"#,
    )
    .unwrap();
    let sum = vm.func::<(i64,), i64>("Sum").unwrap();
    assert_eq!(sum.call(&mut vm, (100,)).unwrap(), 5050);
    assert_eq!(vm.take_stdout(), "summed 100\n");
}

#[test]
fn strings_survive_collections_between_and_during_calls() {
    let mut vm = vm();
    vm.eval(
        r#"
var kept []string
func Keep(s string, n int) int {
	junk := make([][]byte, 0)
	for i := 0; i < n; i++ {
		junk = append(junk, make([]byte, 1024))
	}
	kept = append(kept, s)
	return len(kept) + len(junk) - n
}
func Joined() string { return strings.Join(kept, ",") }
"#,
    )
    .unwrap();
    let keep = vm.func::<(String, i64), i64>("Keep").unwrap();
    let mut want = Vec::new();
    for i in 0..200 {
        let s = format!("s{i}");
        assert_eq!(keep.call(&mut vm, (s.clone(), 64)).unwrap(), i + 1);
        want.push(s);
    }
    let joined = vm.func::<(), String>("Joined").unwrap();
    assert_eq!(joined.call(&mut vm, ()).unwrap(), want.join(","));
}

#[test]
fn preparing_checks_the_name_and_the_arity() {
    let mut vm = vm();
    vm.eval("func One(a int) int { return a }\nvar x = 3")
        .unwrap();
    for (name, want) in [
        ("Nope", "Nope is not defined in the session"),
        ("x", "x is not a function"),
        ("One", "One takes 1 argument (func(int) int), not 2"),
        ("a b", "not a function name"),
    ] {
        match vm.func::<(i64, i64), i64>(name) {
            Err(Error::Usage(m)) => assert!(m.contains(want), "{name}: {m}"),
            Err(e) => panic!("{name}: {e:?}"),
            Ok(_) => panic!("{name}: prepared"),
        }
    }
    // An argument Go cannot take is a conversion error naming it.
    let one = vm.func::<(String,), i64>("One").unwrap();
    match one.call(&mut vm, ("no".into(),)) {
        Err(Error::Conversion(m)) => {
            assert!(m.contains("argument 1 of main.One"), "{m}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_function_prepared_before_a_reset_is_not_called() {
    let mut vm = vm();
    vm.eval("func F() int { return 1 }").unwrap();
    let f = vm.func::<(), i64>("F").unwrap();
    vm.reset();
    vm.eval("func G() int { return 2 }\nfunc F() int { return 3 }")
        .unwrap();
    match f.call(&mut vm, ()) {
        Err(Error::Usage(m)) => assert!(m.contains("prepare it again"), "{m}"),
        other => panic!("{other:?}"),
    }
    let f = vm.func::<(), i64>("F").unwrap();
    assert_eq!(f.call(&mut vm, ()).unwrap(), 3);
}

#[test]
fn vm_call_runs_plain_functions_directly_and_compiles_the_rest() {
    let mut vm = vm();
    vm.eval(
        r#"
func Narrow(b int8) int { return int(b) * 2 }
func Half(x float64) float64 { return x / 2 }
func Check(n int) (int, error) {
	if n < 0 {
		return 0, fmt.Errorf("negative: %d", n)
	}
	return n, nil
}
"#,
    )
    .unwrap();
    // Run directly: the same answers as the compiled call expression.
    assert_eq!(
        vm.call("Narrow", &[Value::Int(-5)]).unwrap(),
        Value::Int(-10)
    );
    // An integer the parameter cannot hold is refused, as Go refuses the constant.
    match vm.call("Narrow", &[Value::Int(300)]) {
        Err(Error::Conversion(m)) => assert!(m.contains("300 overflows int8"), "{m}"),
        other => panic!("{other:?}"),
    }
    // Compiled as before: an integer for a float parameter, an error result.
    assert_eq!(
        vm.call("Half", &[Value::Int(3)]).unwrap(),
        Value::Float(1.5)
    );
    let r: Result<i64, gosub::GoError> =
        gosub::FromValue::from_value(vm.call("Check", &[Value::Int(-2)]).unwrap()).unwrap();
    assert_eq!(r.unwrap_err().to_string(), "negative: -2");
    // Direct calls add nothing to the session: a thousand of them leave the same names.
    let names = vm.session_names();
    for i in 0..1000 {
        assert_eq!(
            vm.call("Narrow", &[Value::Int(i % 100)]).unwrap(),
            Value::Int(2 * (i % 100))
        );
    }
    assert_eq!(vm.session_names(), names);
}
