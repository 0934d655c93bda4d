use gosub_syntax::ast::*;
use gosub_syntax::walk::{self, Node};

/// Calls `cb` on every expression of a file that the checker gives a type (pre-order): the
/// code, the type expressions of declarations, literals, assertions and type switch cases
/// (but not the expressions inside a type expression, nor parameter and field lists), and
/// not the field names that key struct literal elements.
pub fn walk_file(f: &File, cb: &mut dyn FnMut(&Expr)) {
    walk::inspect_file(f, &mut |n| visit(n, cb));
}

fn visit(n: Node, cb: &mut dyn FnMut(&Expr)) -> bool {
    match n {
        Node::Expr(e) => match &e.kind {
            // A composite literal element `key: value`: struct field keys are not evaluated.
            ExprKind::KeyValue { key, value } => {
                if !matches!(key.kind, ExprKind::Ident(_)) {
                    walk::inspect(Node::Expr(key), &mut |n| visit(n, cb));
                }
                walk::inspect(Node::Expr(value), &mut |n| visit(n, cb));
                false
            }
            ExprKind::ArrayType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::StructType { .. }
            | ExprKind::InterfaceType { .. }
            | ExprKind::Ellipsis(_) => {
                cb(e);
                false
            }
            _ => {
                cb(e);
                true
            }
        },
        Node::Field(_) => false,
        Node::Decl(_) | Node::Stmt(_) | Node::Ident(_) => true,
    }
}
