//! How names resolve for reachability (`crate::reachable`): a file's `Scope` turns a
//! subtree into `Mentions`: package-level names as keys (`key(path, name)`: an identifier
//! is a name of the file's own package and of its dot-imports; `p.Name` with `p` an import
//! is `Name` of that package), member names (the `Name` of any selector `x.Name`), and the
//! method names of interface types.
//!
//! Invariant: declared names (a field's, a parameter's, an interface method's, a type's own
//! name) are not mentions; only references are, so over-approximation stays small.

use gosub_layered::HashMap;
use gosub_syntax::ast::{self, File};
use gosub_syntax::walk::{self, Node};

/// How a file's names resolve: its package, and its imports by the name they bind.
#[derive(Clone, Debug, Default)]
pub(super) struct Scope {
    pkg: String,
    imports: HashMap<String, String>,
    dots: Vec<String>,
}

/// The key of package-level name `name` of package `path`.
pub(super) fn key(path: &str, name: &str) -> String {
    // (Not `format!`: a program's load builds a few thousand keys.)
    let mut k = String::with_capacity(path.len() + 1 + name.len());
    k.push_str(path);
    k.push(' ');
    k.push_str(name);
    k
}

/// Names a subtree mentions: package-level names as keys, member names.
#[derive(Debug, Default)]
pub(super) struct Mentions {
    pub keys: Vec<String>,
    pub members: Vec<String>,
    /// The method names of interface types.
    pub iface: Vec<String>,
}

impl Mentions {
    pub fn append(&mut self, mut other: Mentions) {
        self.keys.append(&mut other.keys);
        self.members.append(&mut other.members);
        self.iface.append(&mut other.iface);
    }
}

impl Scope {
    /// The keys an identifier `name` in this file stands for (its own package's name, and
    /// each dot-import's).
    pub fn keys_of(&self, name: &str) -> Vec<String> {
        let dots = self.dots.iter().map(|d| key(d, name));
        std::iter::once(key(&self.pkg, name)).chain(dots).collect()
    }

    pub fn of(pkg: &str, file: &File) -> Scope {
        let mut s = Scope {
            pkg: pkg.to_string(),
            ..Scope::default()
        };
        for imp in &file.imports {
            match imp.name.as_ref().map(|n| n.name.as_str()) {
                Some("_") => {}
                Some(".") => s.dots.push(imp.path.clone()),
                Some(n) => drop(s.imports.insert(n.to_string(), imp.path.clone())),
                None => {
                    let n = gosub_syntax::import_name(&imp.path).to_string();
                    s.imports.insert(n, imp.path.clone());
                }
            }
        }
        s
    }

    /// Every name the subtree `n` mentions, into `out`.
    pub fn collect(&self, n: Node<'_>, out: &mut Mentions) {
        walk::inspect(n, &mut |c| match c {
            Node::Expr(ast::Expr {
                kind: ast::ExprKind::Selector { x, sel },
                ..
            }) => {
                out.members.push(sel.name.clone());
                match &x.kind {
                    ast::ExprKind::Ident(p) if self.imports.contains_key(&p.name) => {
                        out.keys.push(key(&self.imports[&p.name], &sel.name));
                    }
                    _ => self.collect(Node::Expr(x), out),
                }
                false
            }
            Node::Expr(ast::Expr {
                kind: ast::ExprKind::InterfaceType { methods },
                ..
            }) => {
                let names = methods.iter().flat_map(|m| &m.names);
                out.iface.extend(names.map(|n| n.name.clone()));
                true
            }
            // A field's, parameter's or method's name is declared, not mentioned.
            Node::Field(fl) => {
                self.collect(Node::Expr(&fl.ty), out);
                false
            }
            Node::Ident(id) => {
                out.keys.extend(self.keys_of(&id.name));
                true
            }
            _ => true,
        });
    }

    /// The names in the subtree's array lengths (constants a type needs), into `out`.
    pub fn collect_array_lengths(&self, n: Node<'_>, out: &mut Mentions) {
        walk::inspect(n, &mut |c| {
            if let Node::Expr(ast::Expr {
                kind: ast::ExprKind::ArrayType { len: Some(len), .. },
                ..
            }) = c
            {
                self.collect(Node::Expr(len), out);
            }
            true
        });
    }

    /// What a type declaration mentions: its type parameters' constraints and its type.
    pub fn collect_type_spec(&self, s: &ast::TypeSpec, out: &mut Mentions) {
        for tp in &s.type_params {
            self.collect(Node::Field(tp), out);
        }
        self.collect(Node::Expr(&s.ty), out);
    }
}
