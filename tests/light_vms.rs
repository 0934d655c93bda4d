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

fn mappings() -> usize {
    std::fs::read_to_string("/proc/self/maps").map_or(0, |s| s.lines().count())
}

/// 100,000 live heaps with the reservation of an embedded VM (`Vm::new()`: 1 GiB each,
/// 100 TiB in all) fit in one process: they come from the reservation pool's shared
/// mappings (crates/heap/src/reservation_pool.rs), so neither the address space nor the
/// kernel's limit of 65,530 mappings per process stops them. (Full VMs are the same heaps
/// plus about 77 kB of memory each; `examples/many_vms.rs` measures those.)
#[test]
fn a_hundred_thousand_heaps_fit_in_one_process() {
    let before = mappings();
    let config = gosub_heap::HeapConfig {
        reserve_bytes: gosub_heap::EMBEDDED_RESERVE,
        ..Default::default()
    };
    let heaps: Vec<gosub_heap::Heap> = (0..100_000)
        .map(|i| {
            gosub_heap::Heap::new(config.clone())
                .unwrap_or_else(|e| panic!("heap {i} could not reserve: {e:?}"))
        })
        .collect();
    let added = mappings().saturating_sub(before);
    assert!(added < 1_000, "100,000 heaps added {added} mappings");
    drop(heaps);
    // Their slots are reused: another 100,000 map nothing new.
    let again: Vec<gosub_heap::Heap> = (0..100_000)
        .map(|_| gosub_heap::Heap::new(config.clone()).expect("a reused slot"))
        .collect();
    assert!(mappings().saturating_sub(before) < 1_000);
    drop(again);
}

/// An embedded VM reserves 1 GiB unless its builder asks for more: its large-object region
/// (12/64 of the reservation, 192 MiB) cannot hold a 200 MiB slice, which is `HeapLimit`
/// at once (nothing is committed); with 2 GiB reserved (384 MiB for large objects) the same
/// program runs.
#[test]
fn an_embedded_vm_reserves_a_gibibyte_unless_asked() {
    if gosub_heap::HeapConfig::reserve_from_env().is_some()
        || std::env::var_os("GOSUBMEMLIMIT").is_some()
    {
        return; // The environment chooses the reservation instead.
    }
    let src = "package main\n\nfunc main() {\n\tb := make([]byte, 200<<20)\n\tprintln(len(b))\n}\n";
    let mut small = vm();
    assert!(
        matches!(small.run(src), Err(gosub::Error::HeapLimit)),
        "a default VM's heap stops at about 40% of 1 GiB"
    );
    let msg = gosub::Error::HeapLimit.to_string();
    assert!(msg.contains("VmBuilder::reserve"), "{msg}");
    let mut big = Vm::builder()
        .reserve(2 << 30)
        .capture_stdout()
        .capture_stderr()
        .build();
    big.run(src).expect("2 GiB reserved hold a 200 MiB slice");
    assert_eq!(big.take_stderr(), "209715200\n");
}

#[test]
fn a_vm_is_small_to_move() {
    // A host keeps its VMs in vectors and maps and moves them: what a `Vm` holds inline is
    // a few hundred bytes (the session, the last run's statistics and report are boxed;
    // they were 9 KiB inline).
    let size = std::mem::size_of::<Vm>();
    assert!(size <= 1024, "a Vm is {size} bytes");
    let mut vms: Vec<Vm> = (0..3).map(|_| vm()).collect();
    vms.swap(0, 2);
    assert_eq!(vms[0].eval("1+1").unwrap(), gosub::Value::Int(2));
}
