//! Redeclaring a name at the top level of an eval session replaces it for later inputs
//! (docs/embedding.md, "Redefinition"); code compiled before keeps what it referred to.

use gosub::{Error, Value, Vm};

fn vm() -> Vm {
    Vm::builder().capture_stdout().build()
}

#[test]
fn variables_are_redeclared_with_any_type() {
    let mut vm = vm();
    vm.eval("x := 1").unwrap();
    // The right-hand side still sees the variable it replaces.
    vm.eval("x := fmt.Sprint(x + 1) + \"!\"").unwrap();
    assert_eq!(vm.eval("x").unwrap(), Value::String("2!".into()));
    vm.eval("var x = 2.5").unwrap();
    assert_eq!(vm.eval("x * 2").unwrap(), Value::Float(5.0));
    // A package-level declaration replaces a session variable, and the other way round.
    vm.eval("var y = 1").unwrap();
    vm.eval("y := \"now a string\"").unwrap();
    assert_eq!(vm.get::<String>("y").unwrap(), "now a string");
    // Within one input, Go's rules stand: `:=` reuses a variable of the same input...
    vm.eval("a, b := 1, 2\na, c := 3, 4\nfmt.Println(a, b, c)")
        .unwrap();
    assert_eq!(vm.take_stdout(), "3 2 4\n");
    // ... and an earlier input's variables are all redeclared.
    vm.eval("a, b := \"p\", \"q\"").unwrap();
    assert_eq!(vm.eval("a + b").unwrap(), Value::String("pq".into()));
}

#[test]
fn functions_are_redeclared_and_earlier_code_keeps_its_callee() {
    let mut vm = vm();
    vm.eval("func F() int { return 1 }\nfunc G() int { return F() * 10 }")
        .unwrap();
    vm.eval("func F() string { return \"two\" }").unwrap();
    assert_eq!(vm.eval("F()").unwrap(), Value::String("two".into()));
    // G was compiled against the F of its time.
    assert_eq!(vm.eval("G()").unwrap(), Value::Int(10));
    // Vm::call and prepared calls find the latest declaration.
    assert_eq!(vm.call("F", &[]).unwrap(), Value::String("two".into()));
    vm.eval("func F() string { return \"three\" }").unwrap();
    assert_eq!(vm.call("F", &[]).unwrap(), Value::String("three".into()));
    let f = vm.func::<(), String>("F").unwrap();
    assert_eq!(f.call(&mut vm, ()).unwrap(), "three");
    // A prepared call stays bound to the declaration it was prepared from.
    vm.eval("func F() string { return \"four\" }").unwrap();
    assert_eq!(f.call(&mut vm, ()).unwrap(), "three");
    assert_eq!(vm.call("F", &[]).unwrap(), Value::String("four".into()));
    // A function may replace a variable; its type changes for call and get.
    vm.eval("n := 5").unwrap();
    vm.eval("func n() int { return 6 }").unwrap();
    assert_eq!(vm.call("n", &[]).unwrap(), Value::Int(6));
    // ... and a variable of func type a function: call uses the variable.
    vm.eval("func D(x int) int { return x }").unwrap();
    assert_eq!(vm.call("D", &[3.into()]).unwrap(), Value::Int(3));
    vm.eval("D := func(x int) int { return 2 * x }").unwrap();
    assert_eq!(vm.call("D", &[3.into()]).unwrap(), Value::Int(6));
    match vm.func::<(i64,), i64>("D") {
        Err(Error::Usage(m)) => assert!(m.contains("variable of func type"), "{}", m),
        Err(e) => panic!("{:?}", e),
        Ok(_) => panic!("a prepared call of a variable"),
    }
}

#[test]
fn types_are_redeclared_and_old_values_keep_their_type() {
    let mut vm = vm();
    vm.eval("type T struct{ A int }\nfunc (t T) Show() string { return fmt.Sprint(\"A=\", t.A) }")
        .unwrap();
    vm.eval("old := T{1}").unwrap();
    vm.eval("type T struct{ B string }").unwrap();
    vm.eval("cur := T{\"b\"}").unwrap();
    vm.eval("fmt.Printf(\"%T %+v %s | %T %+v\\n\", old, old, old.Show(), cur, cur)")
        .unwrap();
    assert_eq!(vm.take_stdout(), "main.T {A:1} A=1 | main.T {B:b}\n");
    // The new T has none of the old one's methods, and the two do not mix.
    match vm.eval("cur.Show()") {
        Err(Error::Compile(d)) => assert!(d[0].message.contains("cur.Show undefined"), "{:?}", d),
        other => panic!("{:?}", other),
    }
    match vm.eval("cur = old") {
        Err(Error::Compile(d)) => assert!(
            d[0].message
                .contains("cannot use old (variable of struct type T"),
            "{:?}",
            d
        ),
        other => panic!("{:?}", other),
    }
    // Constants too.
    vm.eval("const K = 1").unwrap();
    vm.eval("const K = \"k\"").unwrap();
    assert_eq!(vm.eval("K + K").unwrap(), Value::String("kk".into()));
}

#[test]
fn redeclaration_within_one_input_is_still_an_error() {
    let mut vm = vm();
    match vm.eval("func F() {}\nfunc F() {}") {
        Err(Error::Compile(d)) => {
            assert_eq!((d[0].line, d[0].col), (2, 6), "{:?}", d);
            assert!(
                d[0].message.starts_with(
                    "F redeclared in this block\n\t<input>:1:6: other declaration of F"
                ),
                "{:?}",
                d
            );
        }
        other => panic!("{:?}", other),
    }
    // The session's own helpers cannot be replaced.
    assert!(vm.eval("func __gosub_result(vs ...any) {}").is_err());
    assert_eq!(vm.eval("1 + 1").unwrap(), Value::Int(2));
}

#[test]
fn earlier_variables_belong_to_each_input_functions_outer_scope() {
    let mut vm = vm();
    vm.eval("x := 0").unwrap();
    // A constant or type beside statements stays in the input's function, whose outer
    // scope holds the earlier inputs' variables: a clash, as within one Go function.
    let Err(Error::Compile(d)) = vm.eval("const x = 5; println(x)") else {
        panic!("a constant beside statements redeclared an earlier variable");
    };
    assert!(
        d[0].message.starts_with("x redeclared in this block"),
        "{d:?}"
    );
    // In a nested block it shadows; the variable is untouched.
    vm.eval("if true { const x = 7; fmt.Println(x) }").unwrap();
    assert_eq!(vm.take_stdout(), "7\n");
    assert_eq!(vm.eval("x").unwrap(), Value::Int(0));
    // Closures and nested functions see the variable itself.
    vm.eval("inc := func() { x++ }\ninc(); inc()").unwrap();
    assert_eq!(vm.eval("func() int { return x }()").unwrap(), Value::Int(2));
    // A name the session declared hides an import of the same name in later inputs.
    vm.eval("strings := []string{\"a\", \"b\"}").unwrap();
    assert_eq!(vm.eval("len(strings)").unwrap(), Value::Int(2));
    let Err(Error::Compile(d)) = vm.eval("strings.ToUpper(\"a\")") else {
        panic!("the package strings was found before the variable strings");
    };
    assert!(
        d[0].message
            .contains("type []string has no field or method ToUpper"),
        "{d:?}"
    );
}
