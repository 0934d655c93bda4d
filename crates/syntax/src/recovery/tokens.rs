//! gc's token classes and their names in messages, for the recovery parser.

use crate::lexer::Tok;

/// gc's token classes (`syntax/tokens.go`): all binary and unary operators but `*` are one
/// class, `_Operator`; assignment operators and `++`/`--` are classes of their own.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub(super) enum K {
    Eof,
    Name,
    Literal,
    Operator,
    AssignOp,
    IncOp,
    Assign,
    Define,
    Arrow,
    Star,
    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    Semi,
    Colon,
    Dot,
    DotDotDot,
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

pub(super) fn class(t: Tok<'_>) -> K {
    match t {
        Tok::Ident(_) => K::Name,
        Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Rune(_) | Tok::Str(_) => K::Literal,
        Tok::Break => K::Break,
        Tok::Case => K::Case,
        Tok::Chan => K::Chan,
        Tok::Const => K::Const,
        Tok::Continue => K::Continue,
        Tok::Default => K::Default,
        Tok::Defer => K::Defer,
        Tok::Else => K::Else,
        Tok::Fallthrough => K::Fallthrough,
        Tok::For => K::For,
        Tok::Func => K::Func,
        Tok::Go => K::Go,
        Tok::Goto => K::Goto,
        Tok::If => K::If,
        Tok::Import => K::Import,
        Tok::Interface => K::Interface,
        Tok::Map => K::Map,
        Tok::Package => K::Package,
        Tok::Range => K::Range,
        Tok::Return => K::Return,
        Tok::Select => K::Select,
        Tok::Struct => K::Struct,
        Tok::Switch => K::Switch,
        Tok::Type => K::Type,
        Tok::Var => K::Var,
        Tok::Mul => K::Star,
        Tok::AddAssign
        | Tok::SubAssign
        | Tok::MulAssign
        | Tok::QuoAssign
        | Tok::RemAssign
        | Tok::AndAssign
        | Tok::OrAssign
        | Tok::XorAssign
        | Tok::ShlAssign
        | Tok::ShrAssign
        | Tok::AndNotAssign => K::AssignOp,
        Tok::Inc | Tok::Dec => K::IncOp,
        Tok::Assign => K::Assign,
        Tok::Define => K::Define,
        Tok::Arrow => K::Arrow,
        Tok::Ellipsis => K::DotDotDot,
        Tok::LParen => K::Lparen,
        Tok::LBrack | Tok::LBrackTParams => K::Lbrack,
        Tok::LBrace => K::Lbrace,
        Tok::RParen => K::Rparen,
        Tok::RBrack => K::Rbrack,
        Tok::RBrace => K::Rbrace,
        Tok::Comma => K::Comma,
        Tok::Period => K::Dot,
        Tok::Semi(_) => K::Semi,
        Tok::Colon => K::Colon,
        // Never in a file's token stream.
        Tok::StartExpr | Tok::StartStmts | Tok::StartDecl => K::Eof,
        _ => K::Operator,
    }
}

/// Binary operator precedence (gc's `p.prec`); `None` for tokens that are not binary operators.
pub(super) fn binary_prec(t: Tok<'_>) -> Option<u8> {
    t.is_binary_op()
        .then(|| crate::actions::tok_binop(t).precedence())
}

/// gc's `tokstring`: how a wanted token is named in "expected X".
pub(super) fn tokstring(k: K) -> String {
    let s = match k {
        K::Eof => "EOF",
        K::Name => "name",
        K::Literal => "literal",
        K::Operator => "op",
        K::AssignOp => "op=",
        K::IncOp => "opop",
        K::Assign => "=",
        K::Define => ":=",
        K::Arrow => "<-",
        K::Star => "*",
        K::Lparen => "(",
        K::Lbrack => "[",
        K::Lbrace => "{",
        K::Rparen => ")",
        K::Rbrack => "]",
        K::Rbrace => "}",
        K::Comma => return "comma".to_string(),
        K::Semi => return "semicolon or newline".to_string(),
        K::Colon => ":",
        K::Dot => ".",
        K::DotDotDot => "...",
        K::Break => "keyword break",
        K::Case => "keyword case",
        K::Chan => "keyword chan",
        K::Const => "keyword const",
        K::Continue => "keyword continue",
        K::Default => "keyword default",
        K::Defer => "keyword defer",
        K::Else => "keyword else",
        K::Fallthrough => "keyword fallthrough",
        K::For => "keyword for",
        K::Func => "keyword func",
        K::Go => "keyword go",
        K::Goto => "keyword goto",
        K::If => "keyword if",
        K::Import => "keyword import",
        K::Interface => "keyword interface",
        K::Map => "keyword map",
        K::Package => "keyword package",
        K::Range => "keyword range",
        K::Return => "keyword return",
        K::Select => "keyword select",
        K::Struct => "keyword struct",
        K::Switch => "keyword switch",
        K::Type => "keyword type",
        K::Var => "keyword var",
    };
    s.to_string()
}

/// The statement keywords `advance` never skips inside a function body (gc's `stopset`).
pub(super) const STOPSET: &[K] = &[
    K::Break,
    K::Const,
    K::Continue,
    K::Defer,
    K::Fallthrough,
    K::For,
    K::Go,
    K::Goto,
    K::If,
    K::Return,
    K::Select,
    K::Switch,
    K::Type,
    K::Var,
];

pub(super) fn set(ks: &[K]) -> u64 {
    ks.iter().fold(0, |s, &k| s | 1u64 << (k as u8))
}
