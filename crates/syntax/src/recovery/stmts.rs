//! gc's statement parsing (`simpleStmt`, `header`, `stmtOrNil`, `stmtList`...), ported.

use super::nodes::{Simple, NK, X};
use super::tokens::K;
use super::P;
use crate::lexer::{Semi, Tok};

impl P<'_, '_> {
    // ---- Statements.

    pub(super) fn simple_stmt(&mut self, lhs: Option<X>, keyword: K) -> Simple {
        if keyword == K::For && self.k() == K::Range {
            return self.range_clause();
        }
        let lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        let start = self.nstart(lhs);
        let is_list = matches!(self.kind(lhs), NK::List);
        if !is_list && self.k() != K::Assign && self.k() != K::Define {
            let pos = self.pos();
            match self.k() {
                K::AssignOp | K::Arrow => {
                    self.next();
                    self.expr();
                }
                K::IncOp => self.next(),
                _ => return Simple::Expr,
            }
            let text = self.text(start, self.prev_end());
            return Simple::Other {
                pos,
                span: (start, self.prev_end()),
                text,
                define: false,
            };
        }
        match self.k() {
            K::Assign | K::Define => {
                let pos = self.pos();
                let define = self.k() == K::Define;
                self.next();
                if keyword == K::For && self.k() == K::Range {
                    return self.range_clause();
                }
                let rhs = self.expr_list();
                if matches!(self.kind(rhs), NK::TypeSwitchGuard)
                    && keyword == K::Switch
                    && define
                    && self.is_name(lhs)
                {
                    return Simple::Expr;
                }
                let text = if define {
                    self.text(start, self.prev_end())
                } else {
                    let l = self.emphasize(lhs, start, pos);
                    let r = self.emphasize(rhs, self.nstart(rhs), self.prev_end());
                    format!("assignment {l} = {r}")
                };
                Simple::Other {
                    pos,
                    span: (start, self.prev_end()),
                    text,
                    define,
                }
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[K::Semi, K::Rbrace]);
                Simple::Expr
            }
        }
    }

    /// gc's `emphasize`: a binary operation printed in parentheses.
    pub(super) fn emphasize(&self, x: X, lo: u32, hi: u32) -> String {
        let s = self.text(lo, hi);
        match self.kind(x) {
            NK::Op { y: Some(_), .. } => format!("({s})"),
            _ => s,
        }
    }

    pub(super) fn range_clause(&mut self) -> Simple {
        self.next(); // range
        self.expr();
        Simple::Range
    }

    pub(super) fn labeled_stmt(&mut self) -> bool {
        let pos = self.pos();
        self.want(K::Colon);
        if self.k() == K::Rbrace {
            return true;
        }
        if self.stmt_or_nil() {
            return true;
        }
        self.syntax_error_at(pos, "missing statement after label");
        false
    }

    pub(super) fn block_stmt(&mut self, context: &str) {
        self.enter();
        if !self.got(K::Lbrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[K::Name, K::Rbrace]);
            if self.got(K::Rbrace) {
                self.leave();
                return;
            }
        }
        self.stmt_list();
        self.want(K::Rbrace);
        self.leave();
    }

    pub(super) fn header(&mut self, keyword: K) {
        self.want(keyword);
        if self.k() == K::Lbrace {
            if keyword == K::If {
                self.syntax_error("missing condition in if statement");
            }
            return;
        }
        let outer = self.xnest;
        self.xnest = -1;
        let kw = match keyword {
            K::For => "for",
            K::Switch => "switch",
            _ => "if",
        };
        let mut init = None;
        if self.k() != K::Semi {
            if self.got(K::Var) {
                self.syntax_error(&format!("var declaration not allowed in {kw} initializer"));
            }
            let s = self.simple_stmt(None, keyword);
            if matches!(s, Simple::Range) {
                self.xnest = outer;
                return;
            }
            init = Some(s);
        }
        let mut cond: Option<Simple> = None;
        let mut semi: Option<(u32, bool, String)> = None;
        if self.k() != K::Lbrace {
            if self.k() == K::Semi {
                let explicit = self.is(Tok::Semi(Semi::Explicit));
                let what = self.tok().map_or_else(String::new, |t| t.describe());
                semi = Some((self.pos(), explicit, what));
                self.next();
            } else {
                self.want(K::Lbrace);
                if self.k() != K::Lbrace {
                    self.advance(&[K::Lbrace, K::Rbrace]);
                }
            }
            if keyword == K::For {
                let mut done = false;
                if self.k() != K::Semi {
                    if self.k() == K::Lbrace {
                        self.syntax_error("expected for loop condition");
                        done = true;
                    } else {
                        cond = Some(self.simple_stmt(None, K::Eof));
                    }
                }
                if !done {
                    self.want(K::Semi);
                    if self.k() != K::Lbrace {
                        if let Simple::Other {
                            pos, define: true, ..
                        } = self.simple_stmt(None, K::Eof)
                        {
                            self.syntax_error_at(
                                pos,
                                "cannot declare in post statement of for loop",
                            );
                        }
                    }
                }
            } else if self.k() != K::Lbrace {
                cond = Some(self.simple_stmt(None, keyword));
            }
        } else {
            cond = init.take();
        }
        match cond {
            None => {
                if let (K::If, Some((pos, explicit, what))) = (keyword, semi) {
                    if explicit {
                        self.syntax_error_at(pos, "missing condition in if statement");
                    } else {
                        self.syntax_error_at(
                            pos,
                            &format!("unexpected {what}, expected {{ after if clause"),
                        );
                    }
                }
            }
            Some(Simple::Expr) => {}
            Some(Simple::Other {
                pos, span, text, ..
            }) => {
                let msg = self
                    .printed_as_value(span)
                    .unwrap_or_else(|| format!("cannot use {text} as value"));
                self.syntax_error_at(pos, &msg);
            }
            Some(Simple::Range) => {}
        }
        self.xnest = outer;
    }

    pub(super) fn if_stmt(&mut self) {
        self.enter();
        self.header(K::If);
        self.block_stmt("if clause");
        if self.got(K::Else) {
            match self.k() {
                K::If => self.if_stmt(),
                K::Lbrace => self.block_stmt(""),
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[K::Name, K::Rbrace]);
                }
            }
        }
        self.leave();
    }

    pub(super) fn switch_or_select(&mut self, keyword: K) {
        if keyword == K::Switch {
            self.header(K::Switch);
        } else {
            self.want(K::Select);
        }
        if !self.got(K::Lbrace) {
            let what = if keyword == K::Switch {
                "switch"
            } else {
                "select"
            };
            self.syntax_error(&format!("missing {{ after {what} clause"));
            self.advance(&[K::Case, K::Default, K::Rbrace]);
        }
        while self.k() != K::Eof && self.k() != K::Rbrace {
            match self.k() {
                K::Case => {
                    self.next();
                    if keyword == K::Switch {
                        self.expr_list();
                    } else {
                        self.simple_stmt(None, K::Eof);
                    }
                }
                K::Default => self.next(),
                _ => {
                    self.syntax_error("expected case or default or }");
                    self.advance(&[K::Colon, K::Case, K::Default, K::Rbrace]);
                }
            }
            self.want(K::Colon);
            self.stmt_list();
        }
        self.want(K::Rbrace);
    }

    /// gc's `stmtOrNil`: false where gc returns nil (no statement starts here).
    pub(super) fn stmt_or_nil(&mut self) -> bool {
        self.enter();
        let s = self.stmt_or_nil_inner();
        self.leave();
        s
    }

    pub(super) fn stmt_or_nil_inner(&mut self) -> bool {
        if self.k() == K::Name {
            let lhs = self.expr_list();
            if self.is_name(lhs) && self.k() == K::Colon {
                return self.labeled_stmt();
            }
            self.simple_stmt(Some(lhs), K::Eof);
            return true;
        }
        match self.k() {
            K::Var | K::Const | K::Type => {
                let kw = self.k();
                self.next();
                self.append_group(kw);
            }
            K::Lbrace => self.block_stmt(""),
            K::Import if self.lenient_imports => {
                self.next();
                self.append_group(K::Import);
            }
            K::Operator | K::Star => {
                if !matches!(
                    self.tok(),
                    Some(Tok::Add | Tok::Sub | Tok::Mul | Tok::And | Tok::Xor | Tok::Not)
                ) {
                    return false;
                }
                self.simple_stmt(None, K::Eof);
            }
            K::Literal
            | K::Func
            | K::Lparen
            | K::Lbrack
            | K::Struct
            | K::Map
            | K::Chan
            | K::Interface
            | K::Arrow => {
                self.simple_stmt(None, K::Eof);
            }
            K::For => {
                self.header(K::For);
                self.block_stmt("for clause");
            }
            K::Switch => self.switch_or_select(K::Switch),
            K::Select => self.switch_or_select(K::Select),
            K::If => self.if_stmt(),
            K::Fallthrough => self.next(),
            K::Break | K::Continue => {
                self.next();
                if self.k() == K::Name {
                    self.name();
                }
            }
            K::Go | K::Defer => self.call_stmt(),
            K::Goto => {
                self.next();
                self.name();
            }
            K::Return => {
                self.next();
                if self.k() != K::Semi && self.k() != K::Rbrace {
                    self.expr_list();
                }
            }
            K::Semi => {}
            _ => return false,
        }
        true
    }

    pub(super) fn stmt_list(&mut self) {
        while !matches!(self.k(), K::Eof | K::Rbrace | K::Case | K::Default) {
            if !self.stmt_or_nil() {
                break;
            }
            if !self.got(K::Semi) && self.k() != K::Rbrace {
                self.syntax_error("at end of statement");
                self.advance(&[K::Semi, K::Rbrace, K::Case, K::Default]);
                self.got(K::Semi);
            }
        }
    }

    pub(super) fn arg_list(&mut self) -> (Vec<X>, bool) {
        let mut list = Vec::new();
        let mut dots = false;
        self.xnest += 1;
        self.list("argument list", K::Comma, K::Rparen, &mut |p| {
            list.push(p.expr());
            dots = p.got(K::DotDotDot);
            dots
        });
        self.xnest -= 1;
        (list, dots)
    }

    /// gc's `cannot use ... as value` for the statement at `span`, printed from its syntax
    /// tree as the LR parser prints it for a first error (`actions::cond_of`, `gosrc`).
    fn printed_as_value(&self, (lo, hi): (u32, u32)) -> Option<String> {
        let a = lo.checked_sub(self.base)? as usize;
        let b = hi.checked_sub(self.base)? as usize;
        let (stmts, _) = crate::parser::parse_stmts(self.src.get(a..b)?, lo, 0).ok()?;
        let [s]: [crate::ast::Stmt; 1] = stmts.try_into().ok()?;
        match crate::actions::cond_of(s) {
            Err(lalrpop_util::ParseError::User { error }) => {
                error.msg.strip_prefix("syntax error: ").map(str::to_string)
            }
            _ => None,
        }
    }
}
