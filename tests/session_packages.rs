//! A standard package an eval input brings into the session (by naming it, or by an
//! `import` in the same input) is initialized before the input's own declarations and
//! statements run, as Go initializes imported packages before the importer: its
//! package-level variables hold their values from the input that loads it on.

use gosub::{Value, Vm};

fn session() -> Vm {
    Vm::builder().capture_stdout().build()
}

#[test]
fn a_statement_sees_the_variables_of_the_package_it_brings() {
    let mut vm = session();
    // bytes.Fields reads the package's asciiSpace table; ErrTooLarge is errors.New's.
    vm.eval(r#"fmt.Println(bytes.Fields([]byte(" a  b ")), bytes.ErrTooLarge)"#)
        .unwrap();
    assert_eq!(vm.take_stdout(), "[[97] [98]] bytes.Buffer: too large\n");
    // strings and unicode come with the same input: both initialized first.
    vm.eval(r#"fmt.Println(strings.Fields(" x\ty "), len(unicode.Categories), unicode.Lu != nil)"#)
        .unwrap();
    assert_eq!(vm.take_stdout(), "[x y] 38 true\n");
}

#[test]
fn a_declaration_sees_the_variables_of_the_package_it_brings() {
    let mut vm = session();
    vm.eval("var e = bytes.ErrTooLarge").unwrap();
    assert_eq!(
        vm.eval("e.Error()").unwrap(),
        Value::String("bytes.Buffer: too large".into())
    );
    vm.eval("import \"sort\"; var sorted = sort.StringsAreSorted(strings.Fields(\"a b c\"))")
        .unwrap();
    assert_eq!(vm.eval("sorted").unwrap(), Value::Bool(true));
}

#[test]
fn later_vms_of_the_process_see_the_same() {
    // The process's later VMs start from an image of the first one's standard library;
    // the packages their inputs bring are initialized as in the first.
    for _ in 0..3 {
        let mut vm = session();
        assert_eq!(
            vm.eval("len(unicode.Scripts) + len(bytes.Fields([]byte(\" p q \")))")
                .unwrap(),
            Value::Int(165)
        );
    }
}
