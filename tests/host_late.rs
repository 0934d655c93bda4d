//! Host functions registered while a session runs are what the next input sees
//! (src/host_versions.rs).

use gosub::{Error, Value, Vm};

#[test]
fn a_function_registered_after_the_import_is_visible_to_the_next_input() {
    let mut vm = Vm::builder().capture_stdout().build();
    vm.register_fn("host", "Add", |a: i64, b: i64| a + b);
    assert_eq!(vm.eval("host.Add(1, 2)").unwrap(), Value::Int(3));
    vm.eval("func Sum3(a, b, c int64) int64 { return host.Add(host.Add(a, b), c) }")
        .unwrap();
    // A new function of the package the session has imported.
    vm.register_fn("host", "Mul", |a: i64, b: i64| a * b);
    assert_eq!(vm.eval("host.Mul(6, 7)").unwrap(), Value::Int(42));
    assert_eq!(vm.eval("host.Add(40, 2)").unwrap(), Value::Int(42));
    assert_eq!(vm.eval("Sum3(1, 2, 3)").unwrap(), Value::Int(6));
    // Registered again with the same signature: every caller, earlier ones too, gets
    // the new closure.
    vm.register_fn("host", "Add", |a: i64, b: i64| a + b + 100);
    assert_eq!(vm.eval("host.Add(1, 2)").unwrap(), Value::Int(103));
    assert_eq!(vm.eval("Sum3(1, 2, 3)").unwrap(), Value::Int(206));
    // Registered again with another signature: later inputs see the new one; code
    // compiled against the old one keeps calling the old closure.
    vm.register_fn("host", "Add", |a: String, b: String| a + &b);
    assert_eq!(
        vm.eval("host.Add(\"go\", \"sub\")").unwrap(),
        Value::String("gosub".into())
    );
    assert_eq!(vm.eval("Sum3(1, 2, 3)").unwrap(), Value::Int(206));
    match vm.eval("host.Add(1, 2)") {
        Err(Error::Compile(d)) => assert!(
            d[0].message
                .contains("cannot use 1 (untyped int constant) as string value"),
            "{:?}",
            d
        ),
        other => panic!("{:?}", other),
    }
    // A prepared call and Vm::call of a session function still work across versions.
    assert_eq!(
        vm.call("Sum3", &[1.into(), 1.into(), 1.into()]).unwrap(),
        Value::Int(203)
    );
}

#[test]
fn a_package_registered_after_the_session_started() {
    let mut vm = Vm::new();
    assert_eq!(vm.eval("1 + 1").unwrap(), Value::Int(2));
    vm.register_fn("later", "Hello", |s: String| format!("hello, {s}"));
    assert_eq!(
        vm.eval("later.Hello(\"you\")").unwrap(),
        Value::String("hello, you".into())
    );
    vm.register_fn("later", "Fail", |n: i64| -> Result<i64, String> {
        if n < 0 {
            Err(format!("{n} is negative"))
        } else {
            Ok(n)
        }
    });
    assert_eq!(
        vm.eval("_, err := later.Fail(-1); err.Error()").unwrap(),
        Value::String("-1 is negative".into())
    );
    assert_eq!(
        vm.eval("later.Hello(\"again\")").unwrap(),
        Value::String("hello, again".into())
    );
}
