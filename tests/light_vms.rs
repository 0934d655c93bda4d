//! Many VMs in one process: each session starts from the process's shared compiled
//! standard library (src/live.rs, `Start`), and what one VM does stays in it.

use gosub::{Value, Vm};

fn vm() -> Vm {
    Vm::builder().capture_stdout().capture_stderr().build()
}

#[test]
fn sessions_started_from_the_shared_library_are_independent() {
    let mut vms: Vec<Vm> = (0..20).map(|_| vm()).collect();
    for (i, vm) in vms.iter_mut().enumerate() {
        vm.eval(&format!("var x = {i}\nfunc Get() int {{ return x * 10 }}"))
            .unwrap();
        vm.eval(r#"fmt.Println("hello from", x)"#).unwrap();
    }
    for (i, vm) in vms.iter_mut().enumerate() {
        assert_eq!(vm.call("Get", &[]).unwrap(), Value::Int(10 * i as i64));
        assert_eq!(vm.take_stdout(), format!("hello from {i}\n"));
    }
    // A reset session starts from the same library again, with nothing of the old one.
    vms[3].reset();
    assert!(vms[3].eval("x").is_err());
    assert_eq!(
        vms[3].eval("len(fmt.Sprint(12345))").unwrap(),
        Value::Int(5)
    );
    assert_eq!(vms[4].eval("x").unwrap(), Value::Int(4));
}

#[test]
fn vms_on_several_threads_share_the_library() {
    let handles: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                let mut vm = vm();
                vm.eval(&format!("n := {t}")).unwrap();
                vm.eval("strings.Repeat(\"ab\", n)").unwrap()
            })
        })
        .collect();
    for (t, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join().unwrap(), Value::String("ab".repeat(t)));
    }
}
