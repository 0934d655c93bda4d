#![allow(dead_code)]
use gosub_syntax::{ParseMode, SourceMap};
use gosub_types::{check, render_diagnostic, PackageSrc, Program};

/// Parses and checks a single-file `main` package; Ok(program) or the rendered errors
/// (`prog.go:L:C: msg`, one per line).
pub fn check_src(src: &str) -> Result<Program, String> {
    let mut map = SourceMap::new();
    let idx = map.add("prog.go", src.to_string());
    let base = map.files[idx].base;
    let file = match gosub_syntax::parse_file(src, base, 0, ParseMode::default()) {
        Ok(f) => f,
        Err(errs) => {
            let v: Vec<String> = errs.iter().map(|d| render_diagnostic(d, &map)).collect();
            return Err(format!("PARSE: {}", v.join("\n")));
        }
    };
    let pkgs = vec![PackageSrc {
        path: "main".into(),
        files: std::sync::Arc::new(vec![file.into()]),
    }];
    match check(pkgs, vec![]) {
        Ok(p) => Ok(p),
        Err(errs) => {
            let v: Vec<String> = errs.iter().map(|d| render_diagnostic(d, &map)).collect();
            Err(v.join("\n"))
        }
    }
}

/// The errors of an invalid program, rendered; panics if it checks.
pub fn errors(src: &str) -> String {
    match check_src(src) {
        Ok(_) => panic!("expected errors, program checked:\n{}", src),
        Err(e) => e,
    }
}

pub fn ok(src: &str) -> Program {
    match check_src(src) {
        Ok(p) => p,
        Err(e) => panic!("unexpected errors:\n{}\n--- in:\n{}", e, src),
    }
}

pub mod walk;

/// Every evaluated expression must have a recorded type; returns descriptions of gaps.
pub fn missing_types(p: &Program) -> Vec<String> {
    let mut out = Vec::new();
    let main = p.packages.last().expect("main");
    for f in main.files.iter() {
        walk::walk_file(f, &mut |e| {
            use gosub_syntax::ast::ExprKind;
            if matches!(e.kind, ExprKind::KeyValue { .. } | ExprKind::Ellipsis(_)) {
                return;
            }
            // `_` on the left of an assignment has no type.
            if let ExprKind::Ident(id) = &e.kind {
                if id.name == "_" {
                    return;
                }
            }
            if let ExprKind::Ident(_) = &e.kind {
                if let Some(o) = p.info.uses.get(&e.id).or(p.info.uses.get(&ident_id(e))) {
                    if matches!(
                        p.obj(*o).kind,
                        gosub_types::ObjKind::PkgName { .. } | gosub_types::ObjKind::Builtin(_)
                    ) {
                        return;
                    }
                }
            }
            match p.info.types.get(&e.id) {
                None => out.push(format!("no type: {:?} at {}", short(e), e.span.lo)),
                Some(&t) if t == gosub_types::T_INVALID => {
                    out.push(format!("invalid type: {:?} at {}", short(e), e.span.lo))
                }
                Some(&t) => {
                    let untyped = matches!(p.types.kind(t), gosub_types::TypeKind::Basic(b) if b.is_untyped());
                    if untyped && !p.info.consts.contains_key(&e.id) {
                        out.push(format!(
                            "untyped non-constant: {:?} at {} ({})",
                            short(e),
                            e.span.lo,
                            p.types.type_string(t, false)
                        ));
                    }
                }
            }
        });
    }
    out
}

fn short(e: &gosub_syntax::ast::Expr) -> String {
    let s = format!("{:?}", e.kind);
    s.chars().take(80).collect()
}

fn ident_id(e: &gosub_syntax::ast::Expr) -> u32 {
    match &e.kind {
        gosub_syntax::ast::ExprKind::Ident(id) => id.id,
        _ => u32::MAX,
    }
}

/// Stub standard-library packages for tests (declarations only).
pub const STUBS: &[(&str, &str)] = &[
    ("errors", "package errors\n\ntype errorString struct{ s string }\n\nfunc (e *errorString) Error() string { return e.s }\n\nfunc New(s string) error { return &errorString{s} }\n"),
    ("fmt", "package fmt\n\nfunc Println(a ...any) (n int, err error)\nfunc Printf(format string, a ...any) (n int, err error)\nfunc Sprintf(format string, a ...any) string\nfunc Errorf(format string, a ...any) error\n"),
    ("strings", "package strings\n\ntype Builder struct{ buf []byte }\n\nfunc (b *Builder) WriteString(s string) (int, error)\nfunc (b *Builder) String() string\nfunc ToUpper(s string) string\n"),
];

pub fn check_with_stubs(name: &str, src: &str) -> Result<gosub_types::Program, String> {
    use gosub_syntax::{ParseMode, SourceMap};
    let mut map = SourceMap::new();
    let mut pkgs = Vec::new();
    let mut next = 0;
    for (path, stub) in STUBS {
        let i = map.add(format!("{}.go", path), stub.to_string());
        let f = gosub_syntax::parse_file(stub, map.files[i].base, next, ParseMode::default())
            .map_err(|e| format!("{:?}", e))?;
        next = f.next_id;
        pkgs.push(gosub_types::PackageSrc {
            path: path.to_string(),
            files: std::sync::Arc::new(vec![f.into()]),
        });
    }
    let i = map.add(name.to_string(), src.to_string());
    let f = gosub_syntax::parse_file(src, map.files[i].base, next, ParseMode::default())
        .map_err(|e| format!("{:?}", e))?;
    pkgs.push(gosub_types::PackageSrc {
        path: "main".into(),
        files: std::sync::Arc::new(vec![f.into()]),
    });
    gosub_types::check(pkgs, vec![]).map_err(|es| {
        es.iter()
            .map(|d| gosub_types::render_diagnostic(d, &map))
            .collect::<Vec<_>>()
            .join("\n")
    })
}
