//! gc's `fileOrNil`, `list`, `appendGroup` and the declarations, ported.

use super::tokens::{tokstring, K};
use super::P;
use crate::lexer::Tok;

impl P<'_, '_> {
    // ---- Declarations.

    pub(super) fn file(&mut self) {
        if !self.got(K::Package) {
            self.syntax_error("package statement must be first");
            return;
        }
        self.name();
        self.want(K::Semi);
        if self.first() {
            return;
        }
        let mut prev = K::Import;
        let mut last_bodyless_func = false;
        while self.k() != K::Eof {
            let k = self.k();
            if k == K::Import && prev != K::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = k;
            match k {
                K::Import | K::Const | K::Type | K::Var => {
                    self.next();
                    if self.append_group(k) > 0 {
                        last_bodyless_func = false;
                    }
                }
                K::Func => {
                    self.next();
                    last_bodyless_func = !self.func_decl();
                }
                _ => {
                    if k == K::Lbrace && last_bodyless_func {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&[K::Import, K::Const, K::Type, K::Var, K::Func]);
                    continue;
                }
            }
            if self.k() != K::Eof && !self.got(K::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&[K::Import, K::Const, K::Type, K::Var, K::Func]);
            }
        }
    }

    /// gc's `list`: `f` parses one element and says whether the list is done.
    pub(super) fn list(
        &mut self,
        context: &str,
        sep: K,
        close: K,
        f: &mut dyn FnMut(&mut Self) -> bool,
    ) -> u32 {
        let mut done = false;
        while self.k() != K::Eof && self.k() != close && !done {
            done = f(self);
            if !self.got(sep) && self.k() != close {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    tokstring(sep),
                    tokstring(close)
                ));
                self.advance(&[K::Rparen, K::Rbrack, K::Rbrace]);
                if self.k() != close {
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    /// A declaration or a parenthesized group of them; returns how many were declared.
    pub(super) fn append_group(&mut self, kw: K) -> usize {
        let mut n = 0;
        if self.k() == K::Lparen {
            self.next();
            self.list("grouped declaration", K::Semi, K::Rparen, &mut |p| {
                p.decl(kw);
                n += 1;
                false
            });
        } else {
            self.decl(kw);
            n += 1;
        }
        n
    }

    pub(super) fn decl(&mut self, kw: K) {
        match kw {
            K::Import => self.import_decl(),
            K::Const => self.const_decl(),
            K::Type => self.type_decl(),
            _ => self.var_decl(),
        }
    }

    pub(super) fn import_decl(&mut self) {
        match self.k() {
            K::Name | K::Dot => self.next(),
            _ => {}
        }
        if self.k() != K::Literal {
            self.syntax_error("missing import path");
            self.advance(&[K::Semi, K::Rparen]);
            return;
        }
        let pos = self.pos();
        let is_string = matches!(self.tok(), Some(Tok::Str(_)));
        self.next();
        if !is_string {
            self.syntax_error_at(pos, "import path must be a string");
        }
    }

    pub(super) fn const_decl(&mut self) {
        self.name();
        self.name_list();
        if !matches!(self.k(), K::Eof | K::Semi | K::Rparen) {
            self.type_or_nil();
            if self.got_assign() {
                self.expr_list();
            }
        }
    }

    pub(super) fn type_decl(&mut self) {
        self.name();
        let ty = if self.k() == K::Lbrack {
            let pos = self.pos();
            self.next();
            match self.k() {
                K::Name => {
                    let mut x = self.name();
                    if self.k() != K::Lbrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x), false);
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let force = self.k() == K::Comma;
                    match self.extract_name(x, force, 0) {
                        (Some(pname), ptype) if ptype.is_some() || self.k() != K::Rbrack => {
                            self.param_list(Some(pname), ptype, K::Rbrack, true, false);
                            self.got_assign();
                            self.type_or_nil()
                        }
                        _ => Some(self.array_type(pos, Some(x))),
                    }
                }
                K::Rbrack => {
                    self.next();
                    Some(self.slice_type(pos))
                }
                _ => Some(self.array_type(pos, None)),
            }
        } else {
            self.got_assign();
            self.type_or_nil()
        };
        if ty.is_none() {
            self.syntax_error("in type declaration");
            self.advance(&[K::Semi, K::Rparen]);
        }
    }

    pub(super) fn var_decl(&mut self) {
        self.name();
        self.name_list();
        if self.got_assign() {
            self.expr_list();
        } else {
            self.type_();
            if self.got_assign() {
                self.expr_list();
            }
        }
    }

    /// A function declaration after `func`; returns whether it has a body.
    pub(super) fn func_decl(&mut self) -> bool {
        let mut context = "";
        if self.got(K::Lparen) {
            context = "method";
            let rcvr = self.param_list(None, None, K::Rparen, false, false);
            match rcvr.len() {
                0 => self.error("method has no receiver"),
                1 => {}
                _ => self.error("method has multiple receivers"),
            }
        }
        if self.k() == K::Name {
            self.name();
            self.func_type(context);
        } else {
            let msg = if context.is_empty() {
                "expected name or ("
            } else {
                "expected name"
            };
            self.syntax_error(msg);
            self.advance(&[K::Lbrace, K::Semi]);
        }
        if self.k() == K::Lbrace {
            self.func_body();
            return true;
        }
        false
    }

    pub(super) fn func_body(&mut self) {
        self.fnest += 1;
        self.block_stmt("");
        self.fnest -= 1;
    }
}
