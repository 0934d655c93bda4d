//! Invalid programs: the checker's errors must be exactly gc's (Go 1.26) output, which is
//! stored next to each program (`progs/errors/NAME.out`, produced by `go build`).
mod util;

fn golden(name: &str) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/progs/errors/");
    let src = std::fs::read_to_string(format!("{}{}.go", dir, name)).expect("program");
    let want = std::fs::read_to_string(format!("{}{}.out", dir, name)).expect("golden output");
    let got = match util::check_with_stubs(&format!("./{}.go", name), &src) {
        Ok(_) => "OK".to_string(),
        Err(e) => e,
    };
    assert_eq!(
        got.trim_end(),
        want.trim_end(),
        "errors of {}.go differ from gc's",
        name
    );
}

#[test]
fn e1_assign_mismatch_ptr_receiver_not_defined() {
    golden("e1");
}
#[test]
fn e2_returns_assign_index_divzero_assert_labels() {
    golden("e2");
}
#[test]
fn e3_recursive_types_compare_overflow_dupcase_branches() {
    golden("e3");
}
#[test]
fn e4_call_args_ops_builtins_send() {
    golden("e4");
}
#[test]
fn e5_method_sets_nil_literals_redeclare() {
    golden("e5");
}
#[test]
fn e6_missing_return_unused_strings_shift() {
    golden("e6");
}
#[test]
fn e7_arity_extra_missing_init_call_non_function() {
    golden("e7");
}
#[test]
fn e8_byte_rune_any_interface_spellings() {
    golden("e8");
}
#[test]
fn e9_exact_float_constants_truncated_overflows() {
    golden("e9");
}
#[test]
fn e10_expressions_quoted_as_gc_prints_them() {
    golden("e10");
}
#[test]
fn e11_types_chan_of_recv_chan_struct_tags() {
    golden("e11");
}
#[test]
fn e12_tilde_outside_constraint() {
    golden("e12");
}
#[test]
fn x_too_many_errors() {
    golden("x");
}
#[test]
fn y_redeclared_label_undefined() {
    golden("y");
}

#[test]
fn no_panic_on_garbage_programs() {
    // Programs with many kinds of errors must produce diagnostics, never panic.
    let srcs = [
        "package main\nfunc main() { var x [1<<70]int; _ = x }\n",
        "package main\ntype A B\ntype B A\nfunc main() {}\n",
        "package main\nvar a = b\nvar b = a\nfunc main() {}\n",
        "package main\nfunc main() { x := 1 << 200; _ = x }\n",
        "package main\nfunc main() { _ = 1 / 0.0; _ = \"a\"[5] }\n",
        "package main\nfunc main() { var f func(...int); f(1, []int{}...) }\n",
        "package main\ntype I interface { I }\nfunc main() {}\n",
    ];
    for s in srcs {
        let _ = util::check_src(s);
    }
}
