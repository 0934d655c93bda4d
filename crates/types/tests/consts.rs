//! Untyped floating-point constants are exact (as in Go); typed ones are rounded to their
//! type after every operation, and the compiler sees correctly rounded float64 values.
mod util;

use gosub_types::{ConstValue, ObjKind, Program};

fn const_of(p: &Program, name: &str) -> ConstValue {
    for o in p.objects.iter() {
        if o.name == name {
            if let ObjKind::Const(v) = &o.kind {
                return v.clone();
            }
        }
    }
    panic!("no constant {}", name)
}

#[test]
fn untyped_float_constants_are_exact() {
    let p = util::ok(
        "package main

const (
	a = 0.1 + 0.2
	b = a == 0.3
	third = 1.0 / 3.0
	one = third * 3
	big = 1e100
	huge = 1e300 * 1e300 / 1e300
	ratio = 1e5000 / 1e4999
	quarter = 0x1p-2
	hx = 0x1.8p1
	pi = 3.14159265358979323846264338327950288419716939937510582097494459
	twopi = pi * 2
	deg = pi / 180
	i = int(one)
	sh = 1 << 62
	maxu = 1<<64 - 1
	f32 float32 = 0.1
	f32b = f32 * 3
	tie = 9007199254740993.0
	tiny = 5e-324
	sub = 1e-320
	ten = 1e5000 / 1e4999 * 1
	exact = (0.1 + 0.2) * 10
)

func main() {
	var n int = exact
	println(n, i, b)
}
",
    );
    assert_eq!(const_of(&p, "a"), ConstValue::Float(0.3));
    assert_eq!(const_of(&p, "b"), ConstValue::Bool(true));
    assert_eq!(const_of(&p, "third"), ConstValue::Float(1.0 / 3.0));
    assert_eq!(const_of(&p, "one"), ConstValue::Float(1.0));
    assert_eq!(const_of(&p, "big"), ConstValue::Float(1e100));
    assert_eq!(const_of(&p, "huge"), ConstValue::Float(1e300));
    assert_eq!(const_of(&p, "ratio"), ConstValue::Float(10.0));
    assert_eq!(const_of(&p, "quarter"), ConstValue::Float(0.25));
    assert_eq!(const_of(&p, "hx"), ConstValue::Float(3.0));
    assert_eq!(const_of(&p, "pi"), ConstValue::Float(std::f64::consts::PI));
    assert_eq!(
        const_of(&p, "twopi"),
        ConstValue::Float(std::f64::consts::TAU)
    );
    assert_eq!(const_of(&p, "deg"), ConstValue::Float(0.017453292519943295));
    assert_eq!(const_of(&p, "i"), ConstValue::Int(1));
    assert_eq!(const_of(&p, "sh"), ConstValue::Int(1 << 62));
    assert_eq!(const_of(&p, "maxu"), ConstValue::Int(u64::MAX as i128));
    assert_eq!(const_of(&p, "f32"), ConstValue::Float(0.1f32 as f64));
    assert_eq!(
        const_of(&p, "f32b"),
        ConstValue::Float((0.1f32 * 3.0) as f64)
    );
    assert_eq!(const_of(&p, "tie"), ConstValue::Float(9007199254740992.0));
    assert_eq!(const_of(&p, "tiny"), ConstValue::Float(5e-324));
    assert_eq!(const_of(&p, "sub"), ConstValue::Float(1e-320));
    assert_eq!(const_of(&p, "exact"), ConstValue::Float(3.0));
}

#[test]
fn float_to_integer_only_when_exact() {
    let e = util::errors(
        "package main

const h = 0.1 + 0.2

func main() {
	var a int = h * 10
	var b int = h * 3
	var c int64 = 1e19
	var d = int(1.5)
	println(a, b, c, d)
}
",
    );
    assert_eq!(
        e,
        "prog.go:7:14: cannot use h * 3 (untyped float constant 0.9) as int value in variable declaration (truncated)
prog.go:8:16: cannot use 1e19 (untyped float constant 1e+19) as int64 value in variable declaration (truncated)
prog.go:9:14: cannot convert 1.5 (untyped float constant) to type int"
    );
}
