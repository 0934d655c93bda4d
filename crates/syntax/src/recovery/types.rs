//! gc's type parsing, function signatures and parameter lists, ported.

use super::nodes::{Dir, Field, NK, X};
use super::tokens::{tokstring, K};
use super::P;
use crate::lexer::Tok;

impl P<'_, '_> {
    // ---- Types.

    pub(super) fn type_(&mut self) -> X {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad();
                self.syntax_error("expected type");
                self.advance(&[K::Comma, K::Colon, K::Semi, K::Rparen, K::Rbrack, K::Rbrace]);
                t
            }
        }
    }

    pub(super) fn type_or_nil(&mut self) -> Option<X> {
        self.enter();
        let t = self.type_or_nil_inner();
        self.leave();
        t
    }

    pub(super) fn type_or_nil_inner(&mut self) -> Option<X> {
        let pos = self.pos();
        Some(match self.k() {
            K::Star => {
                self.next();
                let t = self.type_();
                self.node(
                    NK::Op {
                        op: "*",
                        x: t,
                        y: None,
                    },
                    pos,
                    pos,
                )
            }
            K::Arrow => {
                self.next();
                self.want(K::Chan);
                let elem = self.chan_elem();
                self.node(
                    NK::Chan {
                        dir: Dir::Recv,
                        elem,
                    },
                    pos,
                    pos,
                )
            }
            K::Func => {
                self.next();
                self.func_type("function type");
                self.node(NK::TypeLit, pos, pos)
            }
            K::Lbrack => {
                self.next();
                if self.got(K::Rbrack) {
                    return Some(self.slice_type(pos));
                }
                self.array_type(pos, None)
            }
            K::Chan => {
                self.next();
                let dir = if self.got(K::Arrow) {
                    Dir::Send
                } else {
                    Dir::Both
                };
                let elem = self.chan_elem();
                self.node(NK::Chan { dir, elem }, pos, pos)
            }
            K::Map => {
                self.next();
                self.want(K::Lbrack);
                self.type_();
                self.want(K::Rbrack);
                self.type_();
                self.node(NK::TypeLit, pos, pos)
            }
            K::Struct => self.struct_type(),
            K::Interface => self.interface_type(),
            K::Name => self.qualified_name(None),
            K::Lparen => {
                self.next();
                let t = self.type_();
                self.want(K::Rparen);
                t
            }
            _ => return None,
        })
    }

    pub(super) fn type_instance(&mut self, typ: X) -> X {
        let pos = self.pos();
        let start = self.nstart(typ);
        self.want(K::Lbrack);
        let idx = if self.k() == K::Rbrack {
            self.syntax_error("expected type argument list");
            self.bad()
        } else {
            self.type_list(true).0
        };
        self.want(K::Rbrack);
        self.node(NK::Index(typ, idx), pos, start)
    }

    pub(super) fn func_type(&mut self, context: &str) {
        let pos = self.pos();
        if self.got(K::Lbrack) {
            if !context.is_empty() {
                self.syntax_error_at(pos, &format!("{context} must have no type parameters"));
            }
            if self.k() == K::Rbrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                self.param_list(None, None, K::Rbrack, true, false);
            }
        }
        self.want(K::Lparen);
        self.param_list(None, None, K::Rparen, false, true);
        self.func_result();
    }

    pub(super) fn array_type(&mut self, pos: u32, len: Option<X>) -> X {
        if len.is_none() && !self.got(K::DotDotDot) {
            self.xnest += 1;
            self.expr();
            self.xnest -= 1;
        }
        if self.k() == K::Comma {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(K::Rbrack);
        self.type_();
        self.node(NK::TypeLit, pos, pos)
    }

    pub(super) fn slice_type(&mut self, pos: u32) -> X {
        self.type_();
        self.node(NK::TypeLit, pos, pos)
    }

    pub(super) fn chan_elem(&mut self) -> X {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad();
                self.syntax_error("missing channel element type");
                t
            }
        }
    }

    pub(super) fn struct_type(&mut self) -> X {
        let pos = self.pos();
        self.want(K::Struct);
        self.want(K::Lbrace);
        self.list("struct type", K::Semi, K::Rbrace, &mut |p| {
            p.field_decl();
            false
        });
        self.node(NK::TypeLit, pos, pos)
    }

    pub(super) fn interface_type(&mut self) -> X {
        let pos = self.pos();
        self.want(K::Interface);
        self.want(K::Lbrace);
        self.list("interface type", K::Semi, K::Rbrace, &mut |p| {
            let mut f = None;
            if p.k() == K::Name {
                f = Some(p.method_decl());
            }
            if f.is_none_or(|f| f.name.is_none()) {
                p.embedded_elem(f);
            }
            false
        });
        self.node(NK::TypeLit, pos, pos)
    }

    pub(super) fn func_result(&mut self) {
        if self.got(K::Lparen) {
            self.param_list(None, None, K::Rparen, false, false);
            return;
        }
        self.type_or_nil();
    }

    pub(super) fn field_decl(&mut self) {
        match self.k() {
            K::Name => {
                let name = self.name();
                if matches!(self.k(), K::Dot | K::Literal | K::Semi | K::Rbrace) {
                    self.qualified_name(Some(name));
                    self.oliteral();
                    return;
                }
                let n = self.name_list();
                if n == 1 && self.k() == K::Lbrack {
                    self.array_or_targs();
                } else {
                    self.type_();
                }
                self.oliteral();
            }
            K::Star => {
                self.next();
                if self.k() == K::Lparen {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    self.qualified_name(None);
                    self.got(K::Rparen);
                } else {
                    self.qualified_name(None);
                }
                self.oliteral();
            }
            K::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                if self.k() == K::Star {
                    self.next();
                }
                self.qualified_name(None);
                self.got(K::Rparen);
                self.oliteral();
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[K::Semi, K::Rbrace]);
            }
        }
    }

    /// `[]E`, `[N]E` or type arguments `[A, B]`; the last is an `Index` node with a bad base.
    pub(super) fn array_or_targs(&mut self) -> X {
        let pos = self.pos();
        self.want(K::Lbrack);
        if self.got(K::Rbrack) {
            return self.slice_type(pos);
        }
        let (n, comma) = self.type_list(false);
        self.want(K::Rbrack);
        if !comma && self.type_or_nil().is_some() {
            return self.node(NK::TypeLit, pos, pos);
        }
        let base = self.node(NK::Bad, pos, pos);
        self.node(NK::Index(base, n), pos, pos)
    }

    pub(super) fn oliteral(&mut self) {
        if self.k() == K::Literal {
            self.next();
        }
    }

    pub(super) fn method_decl(&mut self) -> Field {
        const CONTEXT: &str = "interface method";
        let name = self.name();
        let mut f = Field {
            name: None,
            ty: None,
        };
        match self.k() {
            K::Lparen => {
                f.name = Some(name);
                self.func_type(CONTEXT);
            }
            K::Lbrack => {
                let pos = self.pos();
                self.next();
                if self.k() == K::Rbrack {
                    let pos = self.pos();
                    self.next();
                    if self.k() == K::Lparen {
                        self.error_at(pos, "empty type parameter list".to_string());
                        f.name = Some(name);
                        self.func_type(CONTEXT);
                    } else {
                        self.error_at(pos, "empty type argument list".to_string());
                        f.ty = Some(name);
                    }
                    return f;
                }
                let list = self.param_list(None, None, K::Rbrack, false, false);
                if list.is_empty() {
                    if self.k() == K::Lparen {
                        f.name = Some(name);
                        self.func_type(CONTEXT);
                    } else {
                        f.ty = Some(name);
                    }
                    return f;
                }
                if list[0].name.is_some() {
                    f.name = Some(name);
                    self.func_type(CONTEXT);
                    self.error_at(
                        pos,
                        "interface method must have no type parameters".to_string(),
                    );
                    return f;
                }
                let start = self.nstart(name);
                let idx = self.bad();
                f.ty = Some(self.node(NK::Index(name, idx), pos, start));
            }
            _ => f.ty = Some(self.qualified_name(Some(name))),
        }
        f
    }

    pub(super) fn embedded_elem(&mut self, f: Option<Field>) -> Field {
        let mut f = match f {
            Some(f) => f,
            None => Field {
                name: None,
                ty: Some(self.embedded_term()),
            },
        };
        while self.is(Tok::Or) {
            let pos = self.pos();
            self.next();
            let y = self.embedded_term();
            let x = f.ty.unwrap_or(y);
            let start = self.nstart(x);
            f.ty = Some(self.node(
                NK::Op {
                    op: "|",
                    x,
                    y: Some(y),
                },
                pos,
                start,
            ));
        }
        f
    }

    pub(super) fn embedded_term(&mut self) -> X {
        if self.is(Tok::Tilde) {
            let pos = self.pos();
            self.next();
            let t = self.type_();
            return self.node(
                NK::Op {
                    op: "~",
                    x: t,
                    y: None,
                },
                pos,
                pos,
            );
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad();
                self.syntax_error("expected ~ term or type");
                self.advance(&[K::Operator, K::Semi, K::Rparen, K::Rbrack, K::Rbrace]);
                t
            }
        }
    }

    pub(super) fn param_decl_or_nil(&mut self, name: Option<X>, follow: K) -> Option<Field> {
        let type_sets_ok = follow == K::Rbrack;
        if name.is_none() && type_sets_ok && self.is(Tok::Tilde) {
            return Some(self.embedded_elem(None));
        }
        let mut f = Field {
            name: None,
            ty: None,
        };
        if self.k() == K::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.k() == K::Lbrack {
                let t = self.array_or_targs();
                if let NK::Index(_, idx) = self.kind(t).clone() {
                    let start = self.nstart(name);
                    if let Some(n) = self.nodes.get_mut(t) {
                        n.kind = NK::Index(name, idx);
                        n.start = start;
                    }
                } else {
                    f.name = Some(name);
                }
                f.ty = Some(t);
                if type_sets_ok && self.is(Tok::Or) {
                    f = self.embedded_elem(Some(f));
                }
                return Some(f);
            }
            if self.k() == K::Dot {
                f.ty = Some(self.qualified_name(Some(name)));
                if type_sets_ok && self.is(Tok::Or) {
                    f = self.embedded_elem(Some(f));
                }
                return Some(f);
            }
            if type_sets_ok && self.is(Tok::Or) {
                f.ty = Some(name);
                return Some(self.embedded_elem(Some(f)));
            }
            f.name = Some(name);
        }
        if self.k() == K::DotDotDot {
            let pos = self.pos();
            self.next();
            match self.type_or_nil() {
                Some(elem) => f.ty = Some(self.node(NK::Dots(elem), pos, pos)),
                None => {
                    f.ty = Some(self.bad());
                    self.syntax_error("... is missing type");
                }
            }
            return Some(f);
        }
        if type_sets_ok && self.is(Tok::Tilde) {
            f.ty = self.embedded_elem(None).ty;
            return Some(f);
        }
        f.ty = self.type_or_nil();
        if type_sets_ok && self.is(Tok::Or) && f.ty.is_some() {
            f = self.embedded_elem(Some(f));
        }
        if f.name.is_some() || f.ty.is_some() {
            return Some(f);
        }
        self.syntax_error(&format!("expected {}", tokstring(follow)));
        self.advance(&[K::Comma, follow]);
        None
    }

    pub(super) fn param_list(
        &mut self,
        mut name: Option<X>,
        mut typ: Option<X>,
        close: K,
        require_names: bool,
        dddok: bool,
    ) -> Vec<Field> {
        if name.is_some() && typ.is_some() && self.k() == close {
            self.next();
            return vec![Field { name, ty: typ }];
        }
        let mut named = 0usize;
        let mut typed = 0usize;
        let mut list: Vec<Field> = Vec::new();
        let end = self.list("parameter list", K::Comma, close, &mut |p| {
            let par = if typ.is_some() {
                Some(Field { name, ty: typ })
            } else {
                p.param_decl_or_nil(name, close)
            };
            name = None;
            typ = None;
            if let Some(par) = par {
                if par.name.is_some() && par.ty.is_some() {
                    named += 1;
                }
                if par.ty.is_some() {
                    typed += 1;
                }
                list.push(par);
            }
            false
        });
        if list.is_empty() {
            return list;
        }
        if named == 0 && !require_names {
            for par in &mut list {
                if par.name.is_some() {
                    par.ty = par.name.take();
                }
            }
        } else if named != list.len() {
            let mut err_pos: Option<u32> = None;
            let mut typ: Option<X> = None;
            for i in (0..list.len()).rev() {
                let par = list[i];
                if let Some(t) = par.ty {
                    typ = Some(t);
                    if par.name.is_none() {
                        let at = self.nstart(t);
                        err_pos = Some(at);
                        list[i].name = Some(self.node(NK::Name, at, at));
                    }
                } else if typ.is_some() {
                    list[i].ty = typ;
                } else {
                    let at = par.name.map_or(self.base, |n| self.npos(n));
                    err_pos = Some(at);
                    list[i].ty = Some(self.node(NK::Bad, at, at));
                }
            }
            if let Some(mut at) = err_pos {
                let msg = if named == typed {
                    at = end;
                    if require_names {
                        "missing type constraint"
                    } else {
                        "missing parameter type"
                    }
                } else if require_names {
                    if list.len() == 1 {
                        "missing type parameter name or invalid array length"
                    } else {
                        "missing type parameter name"
                    }
                } else {
                    "missing parameter name"
                };
                self.syntax_error_at(at, msg);
            }
        }
        let n = list.len();
        let mut first = true;
        for (i, f) in list.iter_mut().enumerate() {
            let Some(t) = f.ty else { continue };
            if let NK::Dots(elem) = self.kind(t).clone() {
                if !dddok || i + 1 < n {
                    if first {
                        first = false;
                        let at = self.npos(t);
                        let msg = if dddok {
                            "can only use ... with final parameter"
                        } else {
                            "invalid use of ..."
                        };
                        self.error_at(at, msg.to_string());
                    }
                    f.ty = Some(elem);
                }
            }
        }
        list
    }
}
