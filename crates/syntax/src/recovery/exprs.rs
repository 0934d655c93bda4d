//! gc's expression parsing (`binaryExpr`, `unaryExpr`, `operand`, `pexpr`, composite
//! literals) and the name and list helpers, ported.

use super::nodes::{Dir, NK, X};
use super::tokens::{binary_prec, K};
use super::P;
use crate::lexer::Tok;

impl P<'_, '_> {
    // ---- Expressions.

    pub(super) fn expr(&mut self) -> X {
        self.binary_expr(None, 0)
    }

    pub(super) fn binary_expr(&mut self, x: Option<X>, prec: u8) -> X {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        while let Some(op) = self.tok() {
            let Some(tprec) = binary_prec(op).filter(|&p| p > prec) else {
                break;
            };
            let pos = self.pos();
            self.next();
            let y = self.binary_expr(None, tprec);
            let start = self.nstart(x);
            x = self.node(
                NK::Op {
                    op: op.op_str(),
                    x,
                    y: Some(y),
                },
                pos,
                start,
            );
        }
        x
    }

    pub(super) fn unary_expr(&mut self) -> X {
        self.enter();
        let x = self.unary_expr_inner();
        self.leave();
        x
    }

    pub(super) fn unary_expr_inner(&mut self) -> X {
        let pos = self.pos();
        match self.tok() {
            Some(
                op @ (Tok::Mul | Tok::Add | Tok::Sub | Tok::Not | Tok::Xor | Tok::Tilde | Tok::And),
            ) => {
                self.next();
                let mut x = self.unary_expr();
                if op == Tok::And {
                    x = self.unparen(x);
                }
                self.node(
                    NK::Op {
                        op: op.op_str(),
                        x,
                        y: None,
                    },
                    pos,
                    pos,
                )
            }
            Some(Tok::Arrow) => {
                self.next();
                let x = self.unary_expr();
                if let NK::Chan { .. } = self.kind(x) {
                    // `<-chan T` parsed as `<-(chan T)`: make the outermost channels receive-only.
                    let mut dir = Dir::Send;
                    let mut t = x;
                    while dir == Dir::Send {
                        let NK::Chan { dir: d, elem } = self.kind(t).clone() else {
                            break;
                        };
                        dir = d;
                        if d == Dir::Recv {
                            self.syntax_error("unexpected <-, expected chan");
                        }
                        t = elem;
                    }
                    if dir == Dir::Send {
                        let s = self.text(self.nstart(t), self.prev_end());
                        self.syntax_error(&format!("unexpected {s}, expected chan"));
                    }
                    return x;
                }
                self.node(
                    NK::Op {
                        op: "<-",
                        x,
                        y: None,
                    },
                    pos,
                    pos,
                )
            }
            _ => self.pexpr(None, true),
        }
    }

    pub(super) fn call_stmt(&mut self) {
        let kw = if self.k() == K::Go { "go" } else { "defer" };
        self.next();
        let keep = self.k() == K::Lparen;
        let x = self.pexpr(None, keep);
        if self.unparen(x) != x {
            let at = self.npos(x);
            self.error_at(at, format!("expression in {kw} must not be parenthesized"));
        }
    }

    pub(super) fn operand(&mut self, keep_parens: bool) -> X {
        self.enter();
        let x = self.operand_inner(keep_parens);
        self.leave();
        x
    }

    pub(super) fn operand_inner(&mut self, mut keep_parens: bool) -> X {
        let pos = self.pos();
        match self.k() {
            K::Name => self.name(),
            K::Literal => {
                self.next();
                self.node(NK::Value, pos, pos)
            }
            K::Lparen => {
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(K::Rparen);
                if self.k() == K::Lbrace {
                    keep_parens = true;
                }
                if keep_parens {
                    return self.node(NK::Paren(x), pos, pos);
                }
                x
            }
            K::Func => {
                self.next();
                self.func_type("function type");
                if self.k() == K::Lbrace {
                    self.xnest += 1;
                    self.func_body();
                    self.xnest -= 1;
                    return self.node(NK::Value, pos, pos);
                }
                self.node(NK::TypeLit, pos, pos)
            }
            K::Lbrack | K::Chan | K::Map | K::Struct | K::Interface => self.type_(),
            _ => {
                let x = self.bad();
                self.syntax_error("expected expression");
                self.advance(&[K::Rparen, K::Rbrack, K::Rbrace]);
                x
            }
        }
    }

    pub(super) fn pexpr(&mut self, x: Option<X>, keep_parens: bool) -> X {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(keep_parens),
        };
        loop {
            let pos = self.pos();
            let start = self.nstart(x);
            match self.k() {
                K::Dot => {
                    self.next();
                    match self.k() {
                        K::Name => {
                            self.name();
                            x = self.node(NK::Selector, pos, start);
                        }
                        K::Lparen => {
                            self.next();
                            if self.got(K::Type) {
                                x = self.node(NK::TypeSwitchGuard, pos, start);
                            } else {
                                self.type_();
                                x = self.node(NK::Value, pos, start);
                            }
                            self.want(K::Rparen);
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[K::Semi, K::Rparen]);
                        }
                    }
                }
                K::Lbrack => {
                    self.next();
                    if self.k() != K::Colon {
                        let mut comma = false;
                        let idx = if self.k() == K::Rbrack {
                            self.syntax_error("expected operand");
                            self.bad()
                        } else {
                            let (idx, c) = self.type_list(false);
                            comma = c;
                            idx
                        };
                        if comma || self.k() == K::Rbrack {
                            self.want(K::Rbrack);
                            x = self.node(NK::Index(x, idx), pos, start);
                            continue;
                        }
                    }
                    if !self.got(K::Colon) {
                        self.syntax_error("expected comma, : or ]");
                        self.advance(&[K::Comma, K::Colon, K::Rbrack]);
                    }
                    self.xnest += 1;
                    let mut middle = false;
                    if self.k() != K::Colon && self.k() != K::Rbrack {
                        self.expr();
                        middle = true;
                    }
                    if self.k() == K::Colon {
                        if !middle {
                            self.error("middle index required in 3-index slice");
                        }
                        self.next();
                        if self.k() != K::Rbrack {
                            self.expr();
                        } else {
                            self.error("final index required in 3-index slice");
                        }
                    }
                    self.xnest -= 1;
                    self.want(K::Rbrack);
                    x = self.node(NK::Value, pos, start);
                }
                K::Lparen => {
                    self.next();
                    let (args, dots) = self.arg_list();
                    x = self.node(NK::Call { fun: x, args, dots }, pos, start);
                }
                K::Lbrace => {
                    let t = self.unparen(x);
                    let complit_ok = match self.kind(t) {
                        NK::Name | NK::Selector => self.xnest >= 0,
                        NK::Index(..) => self.xnest >= 0 && !self.is_value(t, 0),
                        NK::TypeLit => self.is_complit_type(t),
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if t != x {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    self.complitexpr();
                    x = self.node(NK::Value, pos, start);
                }
                _ => break,
            }
        }
        x
    }

    /// Array, slice, struct and map type literals may head a composite literal; function and
    /// interface types may not. `TypeLit` nodes remember which by their first token.
    pub(super) fn is_complit_type(&self, t: X) -> bool {
        let at = self.nstart(t);
        let tok = self.toks.iter().find(|s| s.0 == at).map(|s| s.1);
        matches!(
            tok,
            Some(Tok::LBrack | Tok::LBrackTParams | Tok::Struct | Tok::Map)
        )
    }

    pub(super) fn bare_complitexpr(&mut self) {
        if self.k() == K::Lbrace {
            self.complitexpr();
        } else {
            self.expr();
        }
    }

    pub(super) fn complitexpr(&mut self) {
        self.enter();
        self.xnest += 1;
        self.want(K::Lbrace);
        self.list("composite literal", K::Comma, K::Rbrace, &mut |p| {
            p.bare_complitexpr();
            if p.k() == K::Colon {
                p.next();
                p.bare_complitexpr();
            }
            false
        });
        self.xnest -= 1;
        self.leave();
    }

    // ---- Names and lists.

    pub(super) fn name(&mut self) -> X {
        let pos = self.pos();
        if self.k() == K::Name {
            self.next();
            return self.node(NK::Name, pos, pos);
        }
        self.syntax_error("expected name");
        self.advance(&[]);
        self.node(NK::Name, pos, pos)
    }

    /// The `, name` continuations of a name list; returns the list's length.
    pub(super) fn name_list(&mut self) -> usize {
        let mut n = 1;
        while self.got(K::Comma) {
            self.name();
            n += 1;
        }
        n
    }

    pub(super) fn qualified_name(&mut self, name: Option<X>) -> X {
        let mut x = match name {
            Some(n) => n,
            None if self.k() == K::Name => self.name(),
            None => {
                let pos = self.pos();
                let x = self.node(NK::Name, pos, pos);
                self.syntax_error("expected name");
                self.advance(&[K::Dot, K::Semi, K::Rbrace]);
                x
            }
        };
        if self.k() == K::Dot {
            let pos = self.pos();
            let start = self.nstart(x);
            self.next();
            self.name();
            x = self.node(NK::Selector, pos, start);
        }
        if self.k() == K::Lbrack {
            x = self.type_instance(x);
        }
        x
    }

    pub(super) fn expr_list(&mut self) -> X {
        let x = self.expr();
        if self.got(K::Comma) {
            self.expr();
            while self.got(K::Comma) {
                self.expr();
            }
            let (pos, start) = (self.npos(x), self.nstart(x));
            return self.node(NK::List, pos, start);
        }
        x
    }

    pub(super) fn type_list(&mut self, strict: bool) -> (X, bool) {
        self.xnest += 1;
        let mut x = if strict { self.type_() } else { self.expr() };
        let mut comma = false;
        if self.got(K::Comma) {
            comma = true;
            if self.type_or_nil().is_some() {
                while self.got(K::Comma) && self.type_or_nil().is_some() {}
                let (pos, start) = (self.npos(x), self.nstart(x));
                x = self.node(NK::List, pos, start);
            }
        }
        self.xnest -= 1;
        (x, comma)
    }
}
