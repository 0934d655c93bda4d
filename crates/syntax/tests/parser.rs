//! Parser tests: AST shape (golden S-expression dumps of tests/data/*.go), spans, node ids,
//! lenient imports and the expression/statement entry points.

use gosub_syntax::ast::*;
use gosub_syntax::walk::Node;
use gosub_syntax::{dump, parse_expr, parse_file, parse_stmts, ParseMode, SourceMap};

/// A test input from tests/data; the seed article's program is read from the workspace's
/// one copy (tests/seed) rather than kept twice.
fn data(name: &str) -> String {
    let path = match name {
        "seed_escape_defer.go" => format!(
            "{}/../../tests/seed/example1_escape_defer.go",
            env!("CARGO_MANIFEST_DIR")
        ),
        _ => format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR")),
    };
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse(src: &str) -> File {
    match parse_file(src, 1, 0, ParseMode::default()) {
        Ok(f) => f,
        Err(e) => panic!("parse failed: {e:?}"),
    }
}

/// Compares `dump::file` of tests/data/NAME.go with NAME.dump (UPDATE_GOLDEN=1 rewrites it).
fn golden(name: &str, mode: ParseMode) {
    let src = data(&format!("{name}.go"));
    let f = parse_file(&src, 1, 0, mode).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let got = dump::file(&f);
    let path = format!("{}/tests/data/{name}.dump", env!("CARGO_MANIFEST_DIR"));
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "{name}: dump differs from {path} (rerun with UPDATE_GOLDEN=1 and review):\n{got}"
    );
}

#[test]
fn golden_kitchen_sink() {
    golden("kitchen_sink", ParseMode::default());
}

#[test]
fn golden_generics() {
    golden("generics", ParseMode::default());
}

#[test]
fn golden_workers() {
    golden("workers", ParseMode::default());
}

#[test]
fn golden_seed_lenient() {
    golden(
        "seed_escape_defer",
        ParseMode {
            lenient_imports: true,
        },
    );
}

#[test]
fn seed_strict_is_gc_error() {
    let src = data("seed_escape_defer.go");
    let mut map = SourceMap::new();
    let i = map.add("./x.go", src.clone());
    let errs = parse_file(&src, map.files[i].base, 0, ParseMode::default()).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].render(&map),
        "./x.go:14:5: syntax error: unexpected keyword import, expected }"
    );
}

#[test]
fn lenient_imports_are_moved_and_recorded() {
    let src = data("seed_escape_defer.go");
    let mut map = SourceMap::new();
    let i = map.add("x.go", src.clone());
    let f = parse_file(
        &src,
        map.files[i].base,
        0,
        ParseMode {
            lenient_imports: true,
        },
    )
    .unwrap();
    let paths: Vec<&str> = f.imports.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["fmt", "runtime/debug"]);
    assert_eq!(f.misplaced_imports.len(), 1);
    assert_eq!(map.position(f.misplaced_imports[0].lo), "x.go:14:5");
    // The body keeps its other statements only.
    let Decl::Func(fd) = &f.decls[1] else {
        panic!()
    };
    assert_eq!(fd.body.as_ref().unwrap().stmts.len(), 3);
}

/// Collects every NodeId in the file, in the walker's pre-order.
fn all_ids(f: &File) -> Vec<NodeId> {
    let mut v = Vec::new();
    gosub_syntax::walk::inspect_file(f, &mut |n| {
        match n {
            Node::Expr(e) => v.push(e.id),
            Node::Ident(i) => v.push(i.id),
            _ => {}
        }
        true
    });
    v
}

#[test]
fn node_ids_are_fresh_and_in_preorder() {
    for name in ["kitchen_sink.go", "workers.go", "generics.go"] {
        let src = data(name);
        let f = parse_file(&src, 1, 1000, ParseMode::default()).unwrap();
        let ids = all_ids(&f);
        assert_eq!(f.first_id, 1000);
        assert_eq!(ids.len() as u32, f.next_id - f.first_id, "{name}");
        let want: Vec<NodeId> = (f.first_id..f.next_id).collect();
        assert_eq!(ids, want, "{name}: ids must be consecutive in pre-order");
    }
}

fn first_stmt(src: &str) -> Stmt {
    let f = parse(&format!("package p\nfunc f() {{\n{src}\n}}\n"));
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    fd.body.as_ref().unwrap().stmts[0].clone()
}

#[test]
fn spans_follow_gc_positions() {
    // Offsets are global: base 1, so byte i of the source is position i + 1.
    let src = "package p\nfunc f() {\n\tx := a + b.c\n\ty[1] = T{1}\n}\n";
    let f = parse(src);
    let pos = |needle: &str| src.find(needle).unwrap() as u32 + 1;
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    assert_eq!(fd.span.lo, pos("func"));
    let body = fd.body.as_ref().unwrap();
    assert_eq!(body.span.lo, pos("{\n"));
    assert_eq!(body.span.hi - 1, src.rfind("}\n").unwrap() as u32 + 1);
    let s0 = &body.stmts[0];
    assert_eq!(
        s0.span.lo,
        pos(":="),
        "assignment is reported at its operator"
    );
    let StmtKind::Assign { lhs, rhs, .. } = &s0.kind else {
        panic!()
    };
    assert_eq!(lhs[0].span, Span::new(pos("x :="), pos("x :=") + 1));
    assert_eq!(
        rhs[0].span.lo,
        pos("+ b"),
        "binary expression is reported at its operator"
    );
    let ExprKind::Binary { y, .. } = &rhs[0].kind else {
        panic!()
    };
    assert_eq!(
        y.span,
        Span::new(pos("b.c"), pos("b.c") + 3),
        "selector starts at its operand"
    );
    let StmtKind::Assign { lhs, rhs, .. } = &body.stmts[1].kind else {
        panic!()
    };
    assert_eq!(lhs[0].span, Span::new(pos("y[1]"), pos("y[1]") + 4));
    assert_eq!(
        rhs[0].span,
        Span::new(pos("{1}"), pos("{1}") + 3),
        "composite literal is reported at its {{"
    );
    let ExprKind::CompositeLit { rbrace, .. } = &rhs[0].kind else {
        panic!()
    };
    assert_eq!(*rbrace, pos("{1}") + 2);
}

#[test]
fn call_records_parens() {
    let s = first_stmt("f(a, b...)");
    let StmtKind::Expr(e) = &s.kind else { panic!() };
    let ExprKind::Call {
        args,
        ellipsis,
        lparen,
        rparen,
        ..
    } = &e.kind
    else {
        panic!()
    };
    assert_eq!(args.len(), 2);
    assert!(*ellipsis);
    assert_eq!(rparen - lparen, 8);
}

#[test]
fn parameter_grouping() {
    let f = parse("package p\nfunc f(a, b int, c string, d ...float64) (x, y int)\nfunc g(int, []string, p.T)\n");
    let Decl::Func(f0) = &f.decls[0] else {
        panic!()
    };
    let groups: Vec<Vec<&str>> = f0
        .sig
        .params
        .iter()
        .map(|g| g.names.iter().map(|n| n.name.as_str()).collect())
        .collect();
    assert_eq!(groups, vec![vec!["a", "b"], vec!["c"], vec!["d"]]);
    assert!(f0.sig.variadic);
    assert!(matches!(
        f0.sig.params[2].ty.kind,
        ExprKind::Ellipsis(Some(_))
    ));
    assert_eq!(f0.sig.results.len(), 1);
    assert_eq!(f0.sig.results[0].names.len(), 2);
    assert!(f0.body.is_none());
    let Decl::Func(f1) = &f.decls[1] else {
        panic!()
    };
    assert_eq!(f1.sig.params.len(), 3);
    assert!(f1.sig.params.iter().all(|p| p.names.is_empty()));
}

#[test]
fn const_iota_and_implicit_repetition() {
    let f = parse("package p\nconst (\n\tA = iota\n\tB\n\tC, D = 1, 2\n\tE, F\n)\n");
    let Decl::Const(g) = &f.decls[0] else {
        panic!()
    };
    let shape: Vec<(u32, bool, usize)> = g
        .specs
        .iter()
        .map(|s| (s.iota, s.implicit, s.values.len()))
        .collect();
    assert_eq!(
        shape,
        vec![(0, false, 1), (1, true, 0), (2, false, 2), (3, true, 0)]
    );
}

#[test]
fn header_composite_literals() {
    // Valid Go: composite literals of literal types in headers, parenthesized named ones.
    for src in [
        "for _, x := range []int{1, 2} {\n}",
        "if x == (T{}) {\n}",
        "if (T{}) == x {\n}",
        "switch (T{X: 1}) {\n}",
        "for _, p := range []T{{1, 2}} {\n}",
        "if m := map[string]int{\"a\": 1}; len(m) > 0 {\n}",
        "if f := func() bool { return T{} == x }; f() {\n}",
        "for x := range pkg.Ch {\n}",
        "if v, ok := m[T{}]; ok {\n}",
        "switch x := y.(type) {\ncase nil, []int, struct{}:\n}",
    ] {
        first_stmt(src);
    }
    // A bare type name before `{` in a header starts the block.
    let s = first_stmt("if x == T {\n}");
    let StmtKind::If { cond, then, .. } = &s.kind else {
        panic!()
    };
    assert!(matches!(cond.kind, ExprKind::Binary { .. }));
    assert!(then.stmts.is_empty());
}

#[test]
fn statement_forms() {
    let shapes = [
        ("x <- 1", "(send x (int 1))"),
        ("<-ch", "(expr (<- ch))"),
        ("x &^= 3", "(&^= [x] [(int 3)])"),
        ("x <<= 3", "(<<= [x] [(int 3)])"),
        ("a, b = b, a", "(= [a b] [b a])"),
        ("for range ch {\n}", "(range ch\n  (block)\n)"),
        (
            "for i := range 10 {\n}",
            "(range i := (int 10)\n  (block)\n)",
        ),
        ("for k, v = range m {\n}", "(range k v = m\n  (block)\n)"),
        (
            "switch x := f(); x {\n}",
            "(switch init=(:= [x] [(call f)]) x\n)",
        ),
        ("switch x.(type) {\n}", "(typeswitch x\n)"),
        ("goto L", "(goto L)"),
        ("go f(x)", "(go (call f x))"),
        ("return 1, 2", "(return (int 1) (int 2))"),
        (
            "var _ = <-chan int(nil)",
            "(var [_] (<- (call (chan int) nil)))",
        ),
        (
            "_ = x.(interface{ M() })",
            "(= [_] [(assert x (interface [(M (functype [] []))]))])",
        ),
        (
            "_ = s[1:2:3]",
            "(= [_] [(slice3 s (int 1) (int 2) (int 3))])",
        ),
        (
            "_ = f()(1)[2].x",
            "(= [_] [(sel (index (call (call f) (int 1)) (int 2)) x)])",
        ),
        (
            "_ = -x * +y / ^z % !w",
            "(= [_] [(% (/ (* (- x) (+ y)) (^ z)) (! w))])",
        ),
        (
            "_ = a || b && c == d + e * f",
            "(= [_] [(|| a (&& b (== c (+ d (* e f)))))])",
        ),
        ("_ = &T{}", "(= [_] [(& (lit T []))])"),
        ("_ = *p", "(= [_] [(star p)])"),
        (
            "_ = [...]string{2: \"a\"}",
            "(= [_] [(lit (array (...) string) [(kv (int 2) \"a\")])])",
        ),
        (
            "_ = map[string][]int{\"a\": {1}}",
            "(= [_] [(lit (map string (slicetype int)) [(kv \"a\" (lit _ [(int 1)]))])])",
        ),
        (
            "_ = func(...int) {}",
            "(= [_] [(funclit [((... int))]... [] {})])",
        ),
        (
            "_ = make(chan<- chan int)",
            "(= [_] [(call make (chan<- (chan int)))])",
        ),
        ("_ = make(<-chan int)", "(= [_] [(call make (<-chan int))])"),
        (
            "_ = (func())(nil)",
            "(= [_] [(call (paren (functype [] [])) nil)])",
        ),
        (
            "_ = [][]int(nil)",
            "(= [_] [(call (slicetype (slicetype int)) nil)])",
        ),
    ];
    for (src, want) in shapes {
        let mut out = String::new();
        dump::stmt(&mut out, &first_stmt(src), 0);
        assert_eq!(out.trim_end(), want, "{src}");
    }
}

#[test]
fn expression_entry_point() {
    let (e, next) = parse_expr("a + b*c", 10, 5).unwrap();
    assert_eq!(dump::expr(&e), "(+ a (* b c))");
    assert_eq!(e.span.lo, 12);
    assert_eq!(e.id, 5);
    assert_eq!(next, 5 + 8);
    let err = parse_expr("a +", 0, 0).unwrap_err();
    assert_eq!(
        err[0].msg,
        "syntax error: unexpected EOF, expected expression"
    );
}

#[test]
fn statement_entry_point() {
    let (stmts, next) = parse_stmts("x := 1\ny := x + 2\n", 0, 7).unwrap();
    assert_eq!(stmts.len(), 2);
    let StmtKind::Assign { lhs, .. } = &stmts[0].kind else {
        panic!()
    };
    assert_eq!(lhs[0].id, 7);
    assert!(next > 7);
}

/// `type T[...]`: type parameters or an array length, decided as gc's typeDecl decides
/// (checked against gc: `[P *C]` is an array of length `P*C`, `undefined: P`).
#[test]
fn type_decl_brackets_as_gc() {
    let cases = [
        ("type T[P any] int", "(type T tparams=[(P any)] int)"),
        ("type T[N]int", "(type T (array N int))"),
        ("type T [N]int", "(type T (array N int))"),
        ("type T[]int", "(type T (slicetype int))"),
        (
            "type T[P *C] struct{}",
            "(type T (array (* P C) (struct [])))",
        ),
        (
            "type T[P *C,] struct{}",
            "(type T tparams=[(P (star C))] (struct []))",
        ),
        (
            "type T[P *C | ~int] struct{}",
            "(type T tparams=[(P (| (star C) (~ int)))] (struct []))",
        ),
        (
            "type T[P *[]int] int",
            "(type T tparams=[(P (star (slicetype int)))] int)",
        ),
        ("type T[P *C * D] int", "(type T (array (* (* P C) D) int))"),
        ("type T[P | Q] int", "(type T (array (| P Q) int))"),
        ("type T[P (C)] int", "(type T (array (call P C) int))"),
        ("type T[pkg.N] int", "(type T (array (sel pkg N) int))"),
        ("type T[N + 1] int", "(type T (array (+ N (int 1)) int))"),
        ("type T[P, Q any] int", "(type T tparams=[(P Q any)] int)"),
        (
            "type T[P []E, E any] int",
            "(type T tparams=[(P (slicetype E)) (E any)] int)",
        ),
        (
            "type T[P <-chan int] int",
            "(type T tparams=[(P (<-chan int))] int)",
        ),
        (
            "type (\n\tA[P any] int\n\tB [N]int\n)",
            "(type A tparams=[(P any)] int)\n(type B (array N int))",
        ),
        (
            "type T[P any] = []P",
            "(type T tparams=[(P any)] = (slicetype P))",
        ),
    ];
    for (src, want) in cases {
        let full = format!("package p\n{src}\n");
        let f = parse_file(&full, 1, 0, ParseMode::default())
            .unwrap_or_else(|e| panic!("{src}: {e:?}"));
        let got = dump::file(&f);
        let got = got.trim_end().split_once('\n').map(|x| x.1).unwrap_or("");
        assert_eq!(got, want, "{src}");
    }
}

/// After a parameter or field name, `[...]` followed by a type is an array length;
/// otherwise the name and brackets are an instantiated type (gc's arrayOrTArgs).
#[test]
fn param_and_field_brackets() {
    let cases = [
        (
            "func f(a []int, b [N]int, c List[int], d [2]List[int]) {}",
            "(func f [(a (slicetype int)) (b (array N int)) (c (index List int)) (d (array (int 2) (index List int)))] []",
        ),
        (
            "func f(List[int], m.List[int], Map[K, V]) {}",
            "(func f [((index List int)) ((index (sel m List) int)) ((indexlist Map [K V]))] []",
        ),
        (
            "type S struct { a [N]int; List[int]; b, c [2]int; *List[int]; p.L[int] \"t\"; M[int, bool]; d List[int] }",
            "(type S (struct [(a (array N int)) (embed (index List int)) (b c (array (int 2) int)) (embed (star (index List int))) (embed (index (sel p L) int) tag=\"t\") (embed (indexlist M [int bool])) (d (index List int))]))",
        ),
    ];
    for (src, want) in cases {
        let full = format!("package p\n{src}\n");
        let f = parse_file(&full, 1, 0, ParseMode::default())
            .unwrap_or_else(|e| panic!("{src}: {e:?}"));
        let got = dump::file(&f);
        assert!(got.contains(want), "{src}:\n{got}");
    }
}

/// gosrc prints the generic forms as gc's printer does.
#[test]
fn generics_print_as_gc() {
    for src in [
        "F[int, string]",
        "Pair[K, V]{…}",
        "List[int]",
        "m.Map[[]int, *T](x)",
        "f(interface{~int | string; String() string}(x))",
    ] {
        let (e, _) = parse_expr(&src.replace('…', "1"), 1, 0).unwrap();
        assert_eq!(gosub_syntax::gosrc::expr(&e), src);
    }
    let f = parse(
        "package p\nfunc F[K comparable, V ~int | ~string, P *C](m map[K]V) {}\ntype T[S ~[]E, E any] struct{}\n",
    );
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    assert_eq!(
        gosub_syntax::gosrc::type_params(&fd.sig.type_params),
        "[K comparable, V ~int | ~string, P *C]"
    );
    let Decl::Type(g) = &f.decls[1] else { panic!() };
    assert_eq!(
        gosub_syntax::gosrc::type_params(&g.specs[0].type_params),
        "[S ~[]E, E any]"
    );
}

/// `parse_file_lazy_known` with the body places `parse_file_lazy` finds (at base 0) gives
/// the same tree and bodies as `parse_file_lazy`, at any base, without lexing the bodies;
/// places that do not fit the text (shifted, past its end) are ignored, and places out of
/// order are put in order.
#[test]
fn known_bodies_parse_as_lazy_bodies() {
    let src = "package p\n\nimport \"fmt\"\n\nvar f = func() int { return 1 }\n\ntype T struct{ a, b int }\n\nfunc (t *T) Sum(x struct{ y int }) int {\n\tif t.a > 0 { return t.a + x.y } // }\n\treturn t.b\n}\nfunc G[E any](s []E) (n int) { for range s { n++ }; return }\n/* a { comment */ func H() { fmt.Println(\"}\") }\nconst c = 1\n";
    let (_, at0) = gosub_syntax::parse_file_lazy(src, 0, 0).unwrap();
    let known: Vec<(u32, u32)> = at0.iter().map(|b| (b.span.lo, b.span.hi)).collect();
    assert_eq!(known.len(), 3, "Sum, G and H have bodies");
    for &(lo, hi) in &known {
        assert!(src[lo as usize..hi as usize].starts_with('{'));
        assert!(src[lo as usize..hi as usize].ends_with('}'));
    }
    let (want, want_bodies) = gosub_syntax::parse_file_lazy(src, 100, 7).unwrap();
    let stale: Vec<(u32, u32)> = known.iter().map(|&(l, h)| (l + 1, h)).collect();
    let past_the_end = vec![(known[0].0, src.len() as u32 + 10)];
    let backwards: Vec<(u32, u32)> = known.iter().rev().copied().collect();
    for places in [&known, &stale, &past_the_end, &backwards] {
        let (got, got_bodies) =
            gosub_syntax::parse_file_lazy_known(src, 100, 7, places, &[]).unwrap();
        assert_eq!(format!("{got:?}"), format!("{want:?}"));
        assert_eq!(format!("{got_bodies:?}"), format!("{want_bodies:?}"));
    }
}
