//! Host functions with composite parameters and results: slices, maps, pointers as
//! `Option`, structs declared with `go_struct!` (src/host_types.rs).

use gosub::{Error, Value, Vm};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
struct Point {
    x: i64,
    y: i64,
}
gosub::go_struct!(Point { x: "X", y: "Y" });

#[derive(Debug, Clone, PartialEq)]
struct Shape {
    name: String,
    points: Vec<Point>,
    tags: HashMap<String, f64>,
    origin: Option<Point>,
}
gosub::go_struct!(Shape {
    name: "Name",
    points: "Points",
    tags: "Tags",
    origin: "Origin"
});

fn vm() -> Vm {
    let mut vm = Vm::builder().capture_stdout().build();
    vm.register_fn("geo", "Sum", |xs: Vec<i64>| xs.iter().sum::<i64>());
    vm.register_fn("geo", "Words", |s: String| -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    });
    vm.register_fn("geo", "Count", |xs: Vec<String>| -> HashMap<String, i64> {
        let mut m = HashMap::new();
        for x in xs {
            *m.entry(x).or_insert(0) += 1;
        }
        m
    });
    vm.register_fn("geo", "Total", |m: HashMap<String, i64>| {
        m.values().sum::<i64>()
    });
    vm.register_fn("geo", "Scale", |p: Point, k: i64| Point {
        x: p.x * k,
        y: p.y * k,
    });
    vm.register_fn("geo", "Norm1", |p: Option<Point>| match p {
        Some(p) => p.x.abs() + p.y.abs(),
        None => -1,
    });
    vm.register_fn("geo", "Find", |xs: Vec<Point>, x: i64| -> Option<Point> {
        xs.into_iter().find(|p| p.x == x)
    });
    vm.register_fn("geo", "Square", |n: i64| Shape {
        name: format!("square{}", n),
        points: vec![
            Point { x: 0, y: 0 },
            Point { x: n, y: 0 },
            Point { x: n, y: n },
            Point { x: 0, y: n },
        ],
        tags: [("side".to_string(), n as f64)].into(),
        origin: Some(Point { x: 0, y: 0 }),
    });
    vm.register_fn("geo", "Describe", |s: Shape| {
        format!(
            "{} {} points, tags {:?}, origin {:?}",
            s.name,
            s.points.len(),
            s.tags,
            s.origin
        )
    });
    vm.register_fn("geo", "Parse", |s: String| -> Result<Vec<i64>, String> {
        s.split(',')
            .map(|x| x.trim().parse::<i64>().map_err(|e| format!("{x:?}: {e}")))
            .collect()
    });
    vm
}

#[test]
fn slices_cross_both_ways() {
    let mut vm = vm();
    assert_eq!(
        vm.eval("geo.Sum([]int64{1, 2, 39})").unwrap(),
        Value::Int(42)
    );
    assert_eq!(vm.eval("geo.Sum(nil)").unwrap(), Value::Int(0));
    vm.eval("ws := geo.Words(\"a bb  ccc\")\nfmt.Println(len(ws), ws, ws[2])")
        .unwrap();
    assert_eq!(vm.take_stdout(), "3 [a bb ccc] ccc\n");
    // An empty result is a nil slice.
    assert_eq!(
        vm.eval("geo.Words(\"\") == nil").unwrap(),
        Value::Bool(true)
    );
    // The result is the script's own: it can append to it and keep it across a GC.
    vm.eval("ws = append(ws, \"d\"); runtime.GC(); fmt.Println(ws)")
        .unwrap();
    assert_eq!(vm.take_stdout(), "[a bb ccc d]\n");
    // A large result (its backing array is a large object, old from the start, holding
    // young strings: the write barrier records them) survives collections.
    vm.eval(
        "big := geo.Words(strings.Repeat(\"word \", 20000))\nfor i := 0; i < 3; i++ { _ = make([]byte, 1<<20); runtime.GC() }\nfmt.Println(len(big), len(strings.Join(big, \"\")), big[19999])",
    )
    .unwrap();
    assert_eq!(vm.take_stdout(), "20000 80000 word\n");
}

#[test]
fn maps_cross_both_ways() {
    let mut vm = vm();
    vm.eval("m := geo.Count(geo.Words(\"x y x z x\"))\nfmt.Println(m, len(m))")
        .unwrap();
    assert_eq!(vm.take_stdout(), "map[x:3 y:1 z:1] 3\n");
    assert_eq!(
        vm.eval("m[\"w\"] = 10; geo.Total(m)").unwrap(),
        Value::Int(15)
    );
}

#[test]
fn structs_and_pointers_cross_as_go_structs() {
    let mut vm = vm();
    vm.eval("p := geo.Scale(geo.Point{X: 2, Y: -3}, 5)\nfmt.Printf(\"%T %+v\\n\", p, p)")
        .unwrap();
    assert_eq!(vm.take_stdout(), "geo.Point {X:10 Y:-15}\n");
    assert_eq!(vm.eval("geo.Norm1(&p)").unwrap(), Value::Int(25));
    assert_eq!(vm.eval("geo.Norm1(nil)").unwrap(), Value::Int(-1));
    vm.eval(
        "pts := []geo.Point{{1, 2}, {3, 4}}\nq := geo.Find(pts, 3)\nfmt.Println(q != nil, *q, geo.Find(pts, 9) == nil)",
    )
    .unwrap();
    assert_eq!(vm.take_stdout(), "true {3 4} true\n");
    // Nested: a struct with a slice of structs, a map and a pointer.
    vm.eval(
        "s := geo.Square(2)\nfmt.Printf(\"%s %v %v %v\\n\", s.Name, s.Points, s.Tags, *s.Origin)",
    )
    .unwrap();
    assert_eq!(
        vm.take_stdout(),
        "square2 [{0 0} {2 0} {2 2} {0 2}] map[side:2] {0 0}\n"
    );
    // A pointer field reaches Rust as what it points to.
    assert_eq!(
        vm.eval("s.Origin.X = 5; geo.Describe(s)").unwrap(),
        Value::String(
            "square2 4 points, tags {\"side\": 2.0}, origin Some(Point { x: 5, y: 0 })".into()
        )
    );
    vm.eval("s.Name = \"sq\"; s.Points = s.Points[:3]; s.Origin = nil")
        .unwrap();
    assert_eq!(
        vm.eval("geo.Describe(s)").unwrap(),
        Value::String("sq 3 points, tags {\"side\": 2.0}, origin None".into())
    );
    // The Go declaration the host package got.
    match vm.eval("geo.Point{Z: 1}") {
        Err(Error::Compile(d)) => assert!(
            d[0].message
                .contains("unknown field Z in struct literal of type geo.Point"),
            "{:?}",
            d
        ),
        other => panic!("{:?}", other),
    }
    assert_eq!(vm.type_of("geo.Square").unwrap(), "func(int64) geo.Shape");
}

#[test]
fn results_with_errors_and_programs() {
    let mut vm = vm();
    vm.eval("xs, err := geo.Parse(\"1, 2,3\")\nfmt.Println(xs, err)")
        .unwrap();
    assert_eq!(vm.take_stdout(), "[1 2 3] <nil>\n");
    vm.eval("xs, err = geo.Parse(\"1,x\")\nfmt.Println(xs == nil, err)")
        .unwrap();
    assert_eq!(
        vm.take_stdout(),
        "true \"x\": invalid digit found in string\n"
    );
    // The same functions in a whole program run with Vm::run.
    vm.run(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"geo\"\n)\n\nfunc main() {\n\tfmt.Println(geo.Sum(geo.Parse2()))\n}\n",
    )
    .expect_err("Parse2 is not registered");
    vm.run("package main\n\nimport (\n\t\"fmt\"\n\t\"geo\"\n)\n\nfunc main() {\n\tfmt.Println(geo.Scale(geo.Point{1, 1}, 7))\n}\n")
        .unwrap();
    assert_eq!(vm.take_stdout(), "{7 7}\n");
}

#[test]
fn go_funcs_are_callable_during_the_call_they_are_passed_to() {
    use gosub::{GoFunc, HostCtx};
    use std::sync::{Arc, Mutex};
    let mut vm = Vm::builder().capture_stdout().build();
    vm.register_fn_ctx(
        "fn",
        "Map",
        |ctx: &mut HostCtx, xs: Vec<i64>, f: GoFunc<(i64,), i64>| -> Vec<i64> {
            xs.into_iter()
                .map(|x| ctx.call_func(&f, (x,)).unwrap_or(-1))
                .collect()
        },
    );
    vm.register_fn_ctx(
        "fn",
        "Each",
        |ctx: &mut HostCtx, words: Vec<String>, f: GoFunc<(String, i64), ()>| {
            for (i, w) in words.into_iter().enumerate() {
                if ctx.call_func(&f, (w, i as i64)).is_err() {
                    return;
                }
            }
        },
    );
    vm.register_fn_ctx(
        "fn",
        "Build",
        |ctx: &mut HostCtx, f: GoFunc<(i64, i64), Point>| -> Result<Point, String> {
            ctx.call_func(&f, (3, 4)).map_err(|e| e.to_string())
        },
    );
    // Narrow integers reach the Go func extended; an empty slice after a full one is
    // empty (the callee's parameter words are written afresh each call).
    vm.register_fn_ctx(
        "fn",
        "Twice",
        |ctx: &mut HostCtx, f: GoFunc<(i32, Vec<i64>, bool), String>| -> String {
            let a = ctx
                .call_func(&f, (-1, vec![1, 2], true))
                .unwrap_or_default();
            let b = ctx.call_func(&f, (7, vec![], false)).unwrap_or_default();
            format!("{a}|{b}")
        },
    );
    // A GoFunc kept past its call is refused, not called.
    let kept: Arc<Mutex<Option<GoFunc<(), ()>>>> = Arc::default();
    let k = kept.clone();
    vm.register_fn_ctx("fn", "Keep", move |_: &mut HostCtx, f: GoFunc<(), ()>| {
        *k.lock().unwrap() = Some(f);
    });
    let k = kept.clone();
    vm.register_fn_ctx("fn", "CallKept", move |ctx: &mut HostCtx| -> String {
        match &*k.lock().unwrap() {
            Some(f) => match ctx.call_func(f, ()) {
                Ok(()) => "called".into(),
                Err(e) => e.to_string(),
            },
            None => "none".into(),
        }
    });
    // A closure with captured state, called back once per element.
    vm.eval("k := int64(10)\nys := fn.Map([]int64{1, 2, 3}, func(x int64) int64 { k++; return x * k })\nfmt.Println(ys, k)")
        .unwrap();
    assert_eq!(vm.take_stdout(), "[11 24 39] 13\n");
    vm.eval("fn.Each([]string{\"a\", \"b\"}, func(w string, i int64) { fmt.Print(i, w, \" \") }); fmt.Println()")
        .unwrap();
    assert_eq!(vm.take_stdout(), "0a 1b \n");
    // (Each host package declares the go_struct! types its functions use.)
    vm.eval("p, err := fn.Build(func(x, y int64) fn.Point { return fn.Point{X: x * y, Y: y} })\nfmt.Printf(\"%T %v %v\\n\", p, p, err)")
        .unwrap();
    assert_eq!(vm.take_stdout(), "fn.Point {12 4} <nil>\n");
    // A panic in the Go func goes on through the host function to the Go caller.
    vm.eval("func safe() (r any) { defer func() { r = recover() }(); fn.Map([]int64{1}, func(int64) int64 { panic(\"inner\") }); return nil }\nfmt.Println(safe())")
        .unwrap();
    assert_eq!(vm.take_stdout(), "inner\n");
    assert_eq!(
        vm.eval("fn.Twice(func(n int32, xs []int64, b bool) string { return fmt.Sprint(n, xs, xs == nil, b, n < 0) })")
            .unwrap(),
        Value::String("-1 [1 2] false true true|7 [] true false false".into())
    );
    vm.eval("fn.Keep(func() { fmt.Println(\"kept\") })")
        .unwrap();
    assert_eq!(
        vm.eval("fn.CallKept()").unwrap(),
        Value::String(
            "a Go func passed to a host function can be called only while that call runs".into()
        )
    );
    assert_eq!(vm.take_stdout(), "");
}

/// A `Value` parameter is Go's `any`, received as an eval result is (a pointer as a
/// `Ref`); a `GoRef` parameter holds the value itself alive, and a `GoRef` result hands it
/// back to Go.
#[test]
fn any_values_and_handles_cross_both_ways() {
    use gosub::GoRef;
    use std::sync::{Arc, Mutex};
    let mut vm = Vm::builder().capture_stdout().build();
    vm.register_fn("host", "Describe", |v: Value| match v {
        Value::Ref(r) => format!("ref {}", r.type_name()),
        v => format!("{v:?}"),
    });
    let kept: Arc<Mutex<Vec<GoRef>>> = Arc::default();
    let k = kept.clone();
    vm.register_fn("host", "Keep", move |r: GoRef| {
        k.lock().unwrap().push(r);
    });
    let k = kept.clone();
    vm.register_fn("host", "Back", move || -> GoRef {
        k.lock().unwrap()[0].clone()
    });
    let describe = |vm: &mut Vm, arg: &str| vm.eval(&format!("host.Describe({arg})")).unwrap();
    assert_eq!(describe(&mut vm, "42"), Value::String("Int(42)".into()));
    assert_eq!(
        describe(&mut vm, "[]string{\"a\"}"),
        Value::String("Slice([String(\"a\")])".into())
    );
    assert_eq!(describe(&mut vm, "nil"), Value::String("Nil".into()));
    vm.eval("type P struct{ X int }").unwrap();
    assert_eq!(
        describe(&mut vm, "&P{X: 1}"),
        Value::String("ref *main.P".into())
    );
    // The handle keeps the object alive and follows it when the collector moves it.
    vm.eval("host.Keep(&P{X: 7})").unwrap();
    vm.eval("for i := 0; i < 1000; i++ { _ = make([]byte, 1000) }\nruntime.GC()")
        .unwrap();
    assert_eq!(kept.lock().unwrap()[0].type_name(), "*main.P");
    assert_eq!(vm.eval("host.Back().(*P).X").unwrap(), Value::Int(7));
    // Any value, not only pointers, is held as itself.
    vm.eval("host.Keep(3.5)").unwrap();
    assert_eq!(kept.lock().unwrap()[1].type_name(), "float64");
    let Err(Error::Panic { value, .. }) = vm.eval("host.Keep(nil)") else {
        panic!("a nil interface became a GoRef");
    };
    assert!(value.contains("a nil interface has no GoRef"), "{value}");
}

#[derive(Debug, Clone, PartialEq)]
struct Tree {
    kids: Vec<Option<Tree>>,
}
gosub::go_struct!(Tree { kids: "Kids" });

/// A parameter's nested pointers are followed; a Go graph that shares or cycles (which a
/// recursive type allows) is copied as a tree until a budget runs out, then refused.
#[test]
fn shared_and_cyclic_pointers_of_a_parameter_are_bounded() {
    fn count(t: &Tree) -> i64 {
        1 + t.kids.iter().flatten().map(count).sum::<i64>()
    }
    let mut vm = Vm::builder().capture_stdout().build();
    vm.register_fn("geo", "Count", |t: Tree| count(&t));
    let shared = "leaf := &geo.Tree{}\ngeo.Count(geo.Tree{Kids: []*geo.Tree{leaf, nil, leaf}})";
    assert_eq!(vm.eval(shared).unwrap(), Value::Int(3));
    let cyclic = "t := &geo.Tree{}\nt.Kids = []*geo.Tree{t, t}\ngeo.Count(*t)";
    let Err(Error::Panic { value, .. }) = vm.eval(cyclic) else {
        panic!("a cyclic argument was copied");
    };
    assert!(value.contains("pointers to follow"), "{value}");
    // The VM is still usable.
    assert_eq!(vm.eval("geo.Count(geo.Tree{})").unwrap(), Value::Int(1));
}

/// Handles made for a host function's arguments and dropped by it are released as the
/// input goes on, not only when it ends: a loop passing fresh objects runs in a small heap.
#[test]
fn handles_of_arguments_do_not_pile_up_within_one_input() {
    let mut vm = Vm::builder().heap_limit(64 << 20).capture_stdout().build();
    vm.register_fn("host", "Size", |v: Value| match v {
        Value::Ref(r) => r.type_name().len() as i64,
        _ => -1,
    });
    let src = "type Buf struct{ b []byte }\nn := int64(0)\nfor i := 0; i < 400; i++ { n += host.Size(&Buf{make([]byte, 1<<20)}) }\nn";
    assert_eq!(
        vm.eval(src).unwrap(),
        Value::Int(400 * "*main.Buf".len() as i64)
    );
}

/// A `Value` result is Go's `any`: each variant the Go type it maps to (an `Int` an `int`,
/// `Bytes` a `[]byte`, a `Ref` the value it holds, `Nil` a nil interface), usable in type
/// switches and assertions; a slice of `Value`s names no Go type and is a Go panic.
#[test]
fn a_value_result_is_go_any() {
    use std::sync::{Arc, Mutex};
    let mut vm = Vm::builder().capture_stdout().build();
    vm.register_fn("host", "Pick", |i: i64| -> Value {
        match i {
            0 => Value::Int(-7),
            1 => Value::Uint(7),
            2 => Value::Float(2.5),
            3 => Value::Bool(true),
            4 => Value::String("hi".into()),
            5 => Value::Bytes(b"ab".to_vec()),
            6 => Value::Nil,
            _ => Value::Slice(vec![Value::Int(1)]),
        }
    });
    let kept: Arc<Mutex<Vec<gosub::GoRef>>> = Arc::default();
    let k = kept.clone();
    vm.register_fn("host", "Keep", move |r: gosub::GoRef| {
        k.lock().unwrap().push(r);
    });
    let k = kept.clone();
    vm.register_fn("host", "Back", move || -> Value {
        Value::Ref(k.lock().unwrap()[0].clone())
    });
    let shown = vm
        .eval(
            "s := \"\"\nfor i := range 7 { v := host.Pick(int64(i)); s += fmt.Sprintf(\"%T=%v \", v, v) }\ns",
        )
        .unwrap();
    assert_eq!(
        shown,
        Value::String(
            "int=-7 uint=7 float64=2.5 bool=true string=hi []uint8=[97 98] <nil>=<nil> ".into()
        )
    );
    assert_eq!(vm.eval("host.Pick(0).(int) + 10").unwrap(), Value::Int(3));
    vm.eval("type P struct{ X int }").unwrap();
    vm.eval("host.Keep(&P{X: 9})").unwrap();
    assert_eq!(vm.eval("host.Back().(*P).X").unwrap(), Value::Int(9));
    let Err(Error::Panic { value, .. }) = vm.eval("host.Pick(7)") else {
        panic!("a slice of Values became an any");
    };
    assert!(value.contains("has no Go type"), "{value}");
}
