//! The node shapes gc's parser decisions look at (`isValue`, `isTypeElem`,
//! `extractName`, `Unparen`), kept in an arena so no tree is ever dropped recursively.

use super::{MAX_DEPTH, P};

/// An index into `P::nodes`.
pub(super) type X = usize;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    Both,
    Send,
    Recv,
}

/// The node shapes gc's parser decisions look at; everything else is `Other`.
#[derive(Clone)]
pub(super) enum NK {
    Bad,
    Name,
    Value,
    Paren(X),
    Selector,
    Index(X, X),
    TypeSwitchGuard,
    Call {
        fun: X,
        args: Vec<X>,
        dots: bool,
    },
    Op {
        op: &'static str,
        x: X,
        y: Option<X>,
    },
    List,
    TypeLit,
    Chan {
        dir: Dir,
        elem: X,
    },
    Dots(X),
}

#[derive(Clone)]
pub(super) struct Node {
    pub(super) kind: NK,
    /// gc's `Pos()` of the node (an operator's, a call's `(`...).
    pub(super) pos: u32,
    /// gc's `StartPos`: where the node's text begins.
    pub(super) start: u32,
}

/// A parameter or field: gc's `*Field`, name and type both optional.
#[derive(Clone, Copy)]
pub(super) struct Field {
    pub(super) name: Option<X>,
    pub(super) ty: Option<X>,
}

/// A simple statement as `header` and `simpleStmt` callers look at it.
pub(super) enum Simple {
    Expr,
    Range,
    /// Any other simple statement: where gc reports it, its source span (`lo..hi`), how
    /// it prints when it does not parse alone, whether it is `:=`.
    Other {
        pos: u32,
        span: (u32, u32),
        text: String,
        define: bool,
    },
}

impl P<'_, '_> {
    // ---- Nodes.

    pub(super) fn node(&mut self, kind: NK, pos: u32, start: u32) -> X {
        self.nodes.push(Node { kind, pos, start });
        self.nodes.len() - 1
    }

    pub(super) fn kind(&self, x: X) -> &NK {
        self.nodes.get(x).map_or(&NK::Bad, |n| &n.kind)
    }

    pub(super) fn npos(&self, x: X) -> u32 {
        self.nodes.get(x).map_or(self.base, |n| n.pos)
    }

    pub(super) fn nstart(&self, x: X) -> u32 {
        self.nodes.get(x).map_or(self.base, |n| n.start)
    }

    pub(super) fn bad(&mut self) -> X {
        let p = self.pos();
        self.node(NK::Bad, p, p)
    }

    pub(super) fn unparen(&self, mut x: X) -> X {
        while let NK::Paren(inner) = self.kind(x) {
            x = *inner;
        }
        x
    }

    pub(super) fn is_name(&self, x: X) -> bool {
        matches!(self.kind(x), NK::Name)
    }

    /// gc's `isValue`: x is certainly an expression, not a type.
    pub(super) fn is_value(&self, x: X, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match self.kind(x) {
            NK::Value | NK::TypeSwitchGuard | NK::Call { .. } => true,
            NK::Op { op, y, .. } => *op != "*" || y.is_some(),
            NK::Paren(e) => self.is_value(*e, depth + 1),
            NK::Index(a, b) => self.is_value(*a, depth + 1) || self.is_value(*b, depth + 1),
            _ => false,
        }
    }

    /// gc's `isTypeElem`: x contains a type literal or `~`.
    pub(super) fn is_type_elem(&self, x: X, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match self.kind(x) {
            NK::TypeLit | NK::Chan { .. } => true,
            NK::Op { op, x, y } => {
                self.is_type_elem(*x, depth + 1)
                    || y.is_some_and(|y| self.is_type_elem(y, depth + 1))
                    || *op == "~"
            }
            NK::Paren(e) => self.is_type_elem(*e, depth + 1),
            _ => false,
        }
    }

    /// gc's `extractName`: splits `P C` parsed as an expression into a type parameter name
    /// and its constraint.
    pub(super) fn extract_name(&mut self, x: X, force: bool, depth: u32) -> (Option<X>, Option<X>) {
        if depth > MAX_DEPTH {
            return (None, Some(x));
        }
        let pos = self.npos(x);
        match self.kind(x).clone() {
            NK::Name => return (Some(x), None),
            NK::Op {
                op: "*",
                x: a,
                y: Some(b),
            } if self.is_name(a) && (force || self.is_type_elem(b, 0)) => {
                let t = self.node(
                    NK::Op {
                        op: "*",
                        x: b,
                        y: None,
                    },
                    pos,
                    pos,
                );
                return (Some(a), Some(t));
            }
            NK::Op {
                op: "|",
                x: a,
                y: Some(b),
            } => {
                let f = force || self.is_type_elem(b, 0);
                if let (Some(name), Some(lhs)) = self.extract_name(a, f, depth + 1) {
                    let start = self.nstart(lhs);
                    let t = self.node(
                        NK::Op {
                            op: "|",
                            x: lhs,
                            y: Some(b),
                        },
                        pos,
                        start,
                    );
                    return (Some(name), Some(t));
                }
            }
            NK::Call { fun, args, dots }
                if self.is_name(fun)
                    && args.len() == 1
                    && !dots
                    && (force || self.is_type_elem(args[0], 0)) =>
            {
                return (Some(fun), Some(self.unparen(args[0])));
            }
            _ => {}
        }
        (None, Some(x))
    }

    /// Source text of `lo..hi`, with runs of white space as one space.
    pub(super) fn text(&self, lo: u32, hi: u32) -> String {
        let a = lo.saturating_sub(self.base) as usize;
        let b = hi.saturating_sub(self.base) as usize;
        let s = self.src.get(a..b).unwrap_or("");
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}
