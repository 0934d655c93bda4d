//! Robustness: the lexer and parser must return (Ok or Err) on any input, never panic.
//! Feeds every truncation of the sample programs and many random byte edits (seeded LCG).

use gosub_syntax::{lexer, parse_expr, parse_file, parse_stmts, ParseMode};

fn samples() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "go") {
            v.push(std::fs::read_to_string(p).unwrap());
        }
    }
    v.push(
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/syntax_errors.txt"
        ))
        .unwrap(),
    );
    v
}

fn exercise(src: &str) {
    let _ = lexer::lex(src, 1);
    for lenient in [false, true] {
        let _ = parse_file(
            src,
            1,
            0,
            ParseMode {
                lenient_imports: lenient,
            },
        );
    }
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn truncations_never_panic() {
    for s in samples() {
        let b = s.as_bytes();
        for n in 0..=b.len() {
            if let Ok(t) = std::str::from_utf8(&b[..n]) {
                exercise(t);
            }
        }
    }
}

#[test]
fn random_edits_never_panic() {
    const ALPHABET: &[u8] =
        b"(){}[];:,.=+-*/%&|^<>!'\"`\\\n\t 0123456789abcxyz_eEpPiIoObBxX@$#~\x00";
    const WORDS: &[&str] = &[
        "func",
        "package",
        "import",
        "var",
        "const",
        "type",
        "struct",
        "interface",
        "map",
        "chan",
        "go",
        "defer",
        "if",
        "else",
        "for",
        "range",
        "switch",
        "case",
        "default",
        "select",
        "return",
        "break",
        "continue",
        "goto",
        "fallthrough",
        "...",
        "<-",
        ":=",
        "&^=",
        "/*",
        "*/",
        "//",
        "0x",
        "1e",
        "'\\",
        "\"\\",
        "é",
        "€",
        "\r",
    ];
    let mut rng = Lcg(0x5eed);
    for s in samples() {
        for _ in 0..400 {
            let mut b = s.as_bytes().to_vec();
            let edits = 1 + rng.next() % 4;
            for _ in 0..edits {
                if b.is_empty() {
                    break;
                }
                let at = (rng.next() as usize) % b.len();
                match rng.next() % 4 {
                    0 => {
                        b.remove(at);
                    }
                    1 => b.insert(at, ALPHABET[(rng.next() as usize) % ALPHABET.len()]),
                    2 => {
                        let w = WORDS[(rng.next() as usize) % WORDS.len()];
                        for (k, c) in w.bytes().enumerate() {
                            b.insert(at + k, c);
                        }
                    }
                    _ => {
                        let len = ((rng.next() as usize) % 20).min(b.len() - at);
                        b.drain(at..at + len);
                    }
                }
            }
            let t = String::from_utf8_lossy(&b);
            exercise(&t);
        }
    }
}

#[test]
fn odd_inputs_never_panic() {
    let deep = "(".repeat(5000);
    let unary = format!("package p\nvar x = {}1\n", "-".repeat(500));
    let long = format!("package p\nvar x = 1{}\n", "+1".repeat(2000));
    for s in [
        "",
        "\u{feff}",
        "\u{feff}package p",
        "package",
        "package p",
        "package p;",
        "\0",
        "'",
        "\"",
        "`",
        "/*",
        "0x",
        "0b",
        "1e+",
        ".",
        "...",
        "package p\nfunc",
        &deep,
        &unary,
        &long,
        "package p\nvar x = '\\U0011ffff'",
        "package p\nvar s = \"\\uD800\\x\"",
        "package p\nvar s = '\\400'",
        "package p\nvar x = 0x1p",
    ] {
        exercise(s);
        let _ = parse_expr(s, 1, 0);
        let _ = parse_stmts(s, 1, 0);
    }
    let _ = parse_file("package p", u32::MAX - 3, 0, ParseMode::default());
    let _ = parse_file(
        "package p\nvar x = 1",
        u32::MAX - 100,
        u32::MAX - 2,
        ParseMode::default(),
    );
}
