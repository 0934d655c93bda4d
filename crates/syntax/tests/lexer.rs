//! Lexer tests: every literal form, decoding of escapes, and semicolon insertion.

use gosub_syntax::lexer::{lex, Semi, Tok};
use gosub_syntax::literal::{decode_rune, decode_string};

fn toks(src: &str) -> Vec<Tok<'_>> {
    let l = lex(src, 0);
    assert!(
        l.errors.is_empty(),
        "unexpected lex errors for {src:?}: {:?}",
        l.errors
    );
    l.tokens.into_iter().map(|t| t.1).collect()
}

fn one(src: &str) -> Tok<'_> {
    let t = toks(src);
    assert_eq!(t.len(), 2, "{src:?} gave {t:?}");
    assert_eq!(t[1], Tok::Semi(Semi::Eof));
    t[0]
}

#[test]
fn int_literals() {
    for s in [
        "0",
        "123",
        "0x1F",
        "0X1f",
        "0o17",
        "0O17",
        "017",
        "0b101",
        "0B1",
        "1_000_000",
        "0x_1F",
        "0b_1",
        "00",
    ] {
        assert_eq!(one(s), Tok::Int(s), "{s}");
    }
}

#[test]
fn float_literals() {
    for s in [
        "1.5", ".5", "1.", "1e10", "1E-3", "1e+3", "0x1p-2", "0x1.8p3", "0X.8P0", "1_0.5", "0.",
        "072.5", "09.5", "1_5e1_0",
    ] {
        assert_eq!(one(s), Tok::Float(s), "{s}");
    }
}

#[test]
fn imaginary_literals() {
    for s in [
        "2i", "1.5i", "0x1p2i", ".5i", "01i", "09i", "1e3i", "0b1i", "0o7i", "0x1i",
    ] {
        assert_eq!(one(s), Tok::Imag(s), "{s}");
    }
}

#[test]
fn rune_literals() {
    let cases: &[(&str, u32)] = &[
        ("'a'", 97),
        ("'é'", 0xe9),
        ("'\\a'", 7),
        ("'\\b'", 8),
        ("'\\f'", 12),
        ("'\\n'", 10),
        ("'\\r'", 13),
        ("'\\t'", 9),
        ("'\\v'", 11),
        ("'\\\\'", 92),
        ("'\\''", 39),
        ("'\\x41'", 0x41),
        ("'\\xff'", 0xff),
        ("'\\101'", 65),
        ("'\\377'", 255),
        ("'\\u00e9'", 0xe9),
        ("'\\U0001F600'", 0x1F600),
        ("'😀'", 0x1F600),
    ];
    for &(s, v) in cases {
        assert_eq!(one(s), Tok::Rune(s), "{s}");
        assert_eq!(decode_rune(s), v, "{s}");
    }
}

#[test]
fn string_literals() {
    let cases: &[(&str, &[u8])] = &[
        ("\"\"", b""),
        ("\"abc\"", b"abc"),
        (
            "\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"",
            b"\x07\x08\x0c\n\r\t\x0b\\\"",
        ),
        ("\"\\x41\\xff\"", b"A\xff"),
        ("\"\\101\\0001\"", b"A\x001"),
        ("\"\\u00e9\"", "é".as_bytes()),
        ("\"\\U0001F600\"", "😀".as_bytes()),
        ("\"日本\"", "日本".as_bytes()),
        ("`raw \\n`", b"raw \\n"),
        ("`a\r\nb`", b"a\nb"),
        ("`multi\nline`", b"multi\nline"),
    ];
    for &(s, v) in cases {
        assert_eq!(one(s), Tok::Str(s), "{s}");
        assert_eq!(decode_string(s), v, "{s}");
    }
}

#[test]
fn identifiers_and_keywords() {
    assert_eq!(one("x"), Tok::Ident("x"));
    assert_eq!(one("_x9"), Tok::Ident("_x9"));
    assert_eq!(one("日本語"), Tok::Ident("日本語"));
    assert_eq!(one("aé"), Tok::Ident("aé"));
    assert_eq!(one("funcé"), Tok::Ident("funcé"));
    assert_eq!(one("funcs"), Tok::Ident("funcs"));
    assert_eq!(toks("func")[0], Tok::Func);
    assert_eq!(toks("return"), vec![Tok::Return, Tok::Semi(Semi::Eof)]);
}

#[test]
fn operators() {
    let src = "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! != <= >= := ... ( [ { , . ) ] } ; : ~";
    let t = toks(src);
    let ops: Vec<&str> = t.iter().map(|t| t.op_str()).collect();
    let want: Vec<&str> = src.split(' ').collect();
    assert_eq!(&ops[..want.len()], &want[..]);
}

#[test]
fn semicolon_insertion() {
    use Tok::*;
    let nl = Semi(gosub_syntax::lexer::Semi::Newline);
    let eof = Semi(gosub_syntax::lexer::Semi::Eof);
    let ex = Semi(gosub_syntax::lexer::Semi::Explicit);
    assert_eq!(toks("x\ny"), vec![Ident("x"), nl, Ident("y"), eof]);
    assert_eq!(toks("x +\ny"), vec![Ident("x"), Add, Ident("y"), eof]);
    for (src, t) in [
        ("1\n", Int("1")),
        ("1.5\n", Float("1.5")),
        ("2i\n", Imag("2i")),
        ("'a'\n", Rune("'a'")),
        ("\"s\"\n", Str("\"s\"")),
    ] {
        assert_eq!(toks(src), vec![t, nl], "{src:?}");
    }
    for (src, t) in [
        ("break\n", Break),
        ("continue\n", Continue),
        ("fallthrough\n", Fallthrough),
        ("return\n", Return),
        ("x++\n", Inc),
        ("x--\n", Dec),
        ("f()\n", RParen),
        ("a[1]\n", RBrack),
        ("{}\n", RBrace),
    ] {
        let v = toks(src);
        assert_eq!(v[v.len() - 2], t, "{src:?}");
        assert_eq!(v[v.len() - 1], nl, "{src:?}");
    }
    // No semicolon after other tokens.
    for src in [
        "if\n", "(\n", "{\n", ",\n", "=\n", "func\n", "chan\n", "x.\n",
    ] {
        assert!(!toks(src).iter().any(|t| matches!(t, Semi(_))), "{src:?}");
    }
    // Comments.
    assert_eq!(toks("x // c\ny"), vec![Ident("x"), nl, Ident("y"), eof]);
    assert_eq!(toks("x /* c */ y"), vec![Ident("x"), Ident("y"), eof]);
    assert_eq!(
        toks("x /* a\nb */ y"),
        vec![Ident("x"), nl, Ident("y"), eof]
    );
    assert_eq!(toks("x; y"), vec![Ident("x"), ex, Ident("y"), eof]);
    assert_eq!(toks("x;\ny"), vec![Ident("x"), ex, Ident("y"), eof]);
    assert_eq!(toks("x\n\n\ny\n"), vec![Ident("x"), nl, Ident("y"), nl]);
    assert_eq!(toks("x // trailing"), vec![Ident("x"), eof]);
}

#[test]
fn positions_are_global_and_newline_semis_sit_on_the_newline() {
    let l = lex("ab\n  c", 100);
    assert_eq!(l.tokens[0], (100, Tok::Ident("ab"), 102));
    assert_eq!(l.tokens[1], (102, Tok::Semi(Semi::Newline), 103));
    assert_eq!(l.tokens[2], (105, Tok::Ident("c"), 106));
    assert_eq!(l.tokens[3], (106, Tok::Semi(Semi::Eof), 106));
    // A multi-line comment's semicolon sits at the comment.
    let l = lex("a /*\n*/ b", 0);
    assert_eq!(l.tokens[1], (2, Tok::Semi(Semi::Newline), 2));
}

#[test]
fn bom_only_at_start() {
    assert_eq!(
        toks("\u{feff}x"),
        vec![Tok::Ident("x"), Tok::Semi(Semi::Eof)]
    );
}

#[test]
fn lex_errors_keep_going() {
    let l = lex("a @ b 08 'xy'", 0);
    let msgs: Vec<(u32, &str)> = l
        .errors
        .iter()
        .map(|d| (d.span.lo, d.msg.as_str()))
        .collect();
    assert_eq!(
        msgs,
        vec![
            (2, "invalid character U+0040 '@'"),
            (7, "invalid digit '8' in octal literal"),
            (9, "more than one character in rune literal")
        ]
    );
    let t: Vec<Tok> = l.tokens.iter().map(|t| t.1).collect();
    assert_eq!(
        t,
        vec![
            Tok::Ident("a"),
            Tok::Ident("b"),
            Tok::Int("08"),
            Tok::Rune("'xy'"),
            Tok::Semi(Semi::Eof)
        ]
    );
}
