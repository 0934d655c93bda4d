//! The range-over-func lowering (`rangefunc.rs`): a checked program holds no range over a
//! function, the code written for it is recorded as the checker records source, and the
//! variables of loop bodies belong to the body closures.

mod util;

use gosub_syntax::ast::{ExprKind, Stmt, StmtKind};
use gosub_syntax::walk::{self, Node};

const SRC: &str = r#"package main

type Seq func(yield func(int) bool)

func count(n int) Seq {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs(yield func(string, int) bool) { yield("a", 1) }

func f() (int, string) {
	var k string
	var v int
Outer:
	for x := range count(3) {
		y := x * 2
		for k, v = range pairs {
			defer func() { _ = y }()
			if v == 5 {
				continue Outer
			}
			if y == 4 {
				return x, k
			}
			goto End
		}
	}
End:
	return v, k
}

var g = func() int {
	for x := range count(2) {
		return x
	}
	return 0
}()

func main() { f() }
"#;

#[test]
fn no_range_over_func_remains_and_every_expression_is_typed() {
    let p = util::ok(SRC);
    let gaps = util::missing_types(&p);
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
    let main = p.packages.last().expect("main");
    let mut ranges = 0;
    let mut lits = Vec::new();
    for d in &main.files[0].decls {
        walk::inspect(Node::Decl(d), &mut |n| {
            match n {
                Node::Stmt(Stmt {
                    kind: StmtKind::Range { x, .. },
                    ..
                }) => {
                    let t = p.info.types[&x.id];
                    if matches!(p.types.under(t), gosub_types::TypeKind::Func(_)) {
                        ranges += 1;
                    }
                }
                Node::Expr(e) if matches!(e.kind, ExprKind::FuncLit { .. }) => lits.push(e.id),
                _ => {}
            }
            true
        });
    }
    assert_eq!(ranges, 0, "range-over-func loops left");
    let bodies: Vec<_> = lits
        .iter()
        .filter(|l| p.info.rangefunc.bodies.contains_key(l))
        .collect();
    assert_eq!(bodies.len(), 3, "one body closure per loop");
    for b in bodies {
        assert!(p.info.captures.contains_key(b), "captures of a body");
        assert_eq!(p.func_vars(*b).results.len(), 1, "bodies return bool");
    }
    assert_eq!(p.info.rangefunc.defer_at.len(), 1, "the body's defer");
}

#[test]
fn body_variables_belong_to_the_body_and_results_get_gc_names() {
    let p = util::ok(SRC);
    let by_name = |n: &str| {
        (p.objects.iter())
            .filter(|o| o.name == n)
            .collect::<Vec<_>>()
    };
    let y = by_name("y");
    assert_eq!(y.len(), 1);
    let owner = y[0].owner.expect("owner");
    assert!(
        p.info.rangefunc.bodies.contains_key(&owner),
        "y is the body's"
    );
    let x = &by_name("x")[0];
    assert!(matches!(
        x.kind,
        gosub_types::ObjKind::Var { param: true, .. }
    ));
    // The state variable of the inner loop is declared in the outer body.
    let s2 = &by_name("#state2")[0];
    assert!(p
        .info
        .rangefunc
        .bodies
        .contains_key(&s2.owner.expect("owner")));

    assert_eq!(
        by_name("#next").len(),
        2,
        "f and g's literal each have a #next"
    );
}

#[test]
fn range_over_func_errors_are_types2s() {
    let e = util::errors(
        "package main\n\nfunc main() {\n\tvar f func(func(int) int)\n\tfor x := range f {\n\t\t_ = x\n\t}\n}\n",
    );
    assert_eq!(
        e,
        "prog.go:5:17: cannot range over f (variable of type func(func(int) int)): func must be func(yield func(...) bool): yield func does not return bool"
    );
    let e = util::errors(
        "package main\n\nfunc main() {\n\tvar f func(func() bool)\n\tfor x := range f {\n\t\t_ = x\n\t}\n}\n",
    );
    assert_eq!(
        e,
        "prog.go:5:6: range over f (variable of type func(func() bool)) permits no iteration variables"
    );
}
