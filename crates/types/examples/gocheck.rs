//! Development aid: type-checks one Go file and prints gc-style errors.
//! `cargo run -p gosub-types --example gocheck -- file.go`
use gosub_syntax::{ParseMode, SourceMap};
use gosub_types::{check, render_diagnostic, PackageSrc};

fn main() {
    for path in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let name = format!(
            "./{}",
            std::path::Path::new(&path)
                .file_name()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default()
        );
        let mut map = SourceMap::new();
        let idx = map.add(name, src.clone());
        let base = map.files[idx].base;
        match gosub_syntax::parse_file(&src, base, 0, ParseMode::default()) {
            Err(errs) => {
                for d in errs {
                    println!("{}", render_diagnostic(&d, &map));
                }
            }
            Ok(file) => {
                let mut pkgs = Vec::new();
                let mut next = file.next_id;
                for (path, stub) in STUBS {
                    if file.imports.iter().any(|i| i.path == *path) {
                        let i = map.add(format!("{}.go", path), stub.to_string());
                        let b = map.files[i].base;
                        let f = gosub_syntax::parse_file(stub, b, next, ParseMode::default())
                            .expect("stub parses");
                        next = f.next_id;
                        pkgs.push(PackageSrc {
                            path: path.to_string(),
                            files: std::sync::Arc::new(vec![f.into()]),
                        });
                    }
                }
                pkgs.push(PackageSrc {
                    path: "main".into(),
                    files: std::sync::Arc::new(vec![file.into()]),
                });
                match check(pkgs, vec![]) {
                    Ok(_) => println!("OK"),
                    Err(errs) => {
                        for d in errs {
                            println!("{}", render_diagnostic(&d, &map));
                        }
                    }
                }
            }
        }
    }
}

const STUBS: &[(&str, &str)] = &[
    ("errors", "package errors\n\ntype errorString struct{ s string }\n\nfunc (e *errorString) Error() string { return e.s }\n\nfunc New(s string) error { return &errorString{s} }\n"),
    ("fmt", "package fmt\n\ntype Stringer interface{ String() string }\n\nfunc Println(a ...any) (n int, err error)\nfunc Printf(format string, a ...any) (n int, err error)\nfunc Sprintf(format string, a ...any) string\nfunc Sprint(a ...any) string\nfunc Sprintln(a ...any) string\nfunc Print(a ...any) (n int, err error)\nfunc Errorf(format string, a ...any) error\n"),
    ("strings", "package strings\n\ntype Builder struct{ buf []byte }\n\nfunc (b *Builder) WriteString(s string) (int, error)\nfunc (b *Builder) String() string\nfunc Contains(s, substr string) bool\nfunc ToUpper(s string) string\nfunc Split(s, sep string) []string\nfunc Join(elems []string, sep string) string\nfunc Repeat(s string, count int) string\nfunc Fields(s string) []string\nfunc TrimSpace(s string) string\n"),
    ("os", "package os\n\nvar Args []string\n\nfunc Exit(code int)\n"),
    ("sort", "package sort\n\nfunc Ints(x []int)\nfunc Strings(x []string)\nfunc Slice(x any, less func(i, j int) bool)\n"),
    ("strconv", "package strconv\n\nfunc Itoa(i int) string\nfunc Atoi(s string) (int, error)\n"),
    ("sync", "package sync\n\ntype WaitGroup struct{ n int }\n\nfunc (wg *WaitGroup) Add(delta int)\nfunc (wg *WaitGroup) Done()\nfunc (wg *WaitGroup) Wait()\n\ntype Mutex struct{ state int32 }\n\nfunc (m *Mutex) Lock()\nfunc (m *Mutex) Unlock()\n"),
    ("time", "package time\n\ntype Duration int64\n\nconst (\n\tNanosecond Duration = 1\n\tMicrosecond = 1000 * Nanosecond\n\tMillisecond = 1000 * Microsecond\n\tSecond = 1000 * Millisecond\n)\n\nfunc Sleep(d Duration)\n"),
];
