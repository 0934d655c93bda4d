//! Runtime type descriptors (`RType`) for every type of the program, and method sets.
//!
//! Invariants: `Program::rtypes[t.0]` describes `TypeId t`; a descriptor's `methods` is
//! filled (with interface-call wrappers) the first time a value of that type is converted to
//! an interface, which is the only way a type becomes an interface's dynamic type, so every
//! dynamic type seen at run time has its complete method set.

use crate::gen::Gen;
use crate::program::{RField, RKind, RType};
use gosub_layered::{HashSet, HashSetExt};
use gosub_types::{self as types, BasicKind, ObjId, ObjKind, TypeId, TypeKind};

pub fn build_all(g: &mut Gen) {
    let n = g.p.types.kinds.len();
    for i in g.out.rtypes.len()..n {
        let t = TypeId(i as u32);
        let rt = describe(g, t);
        g.out.rtypes.push(std::sync::Arc::new(rt));
    }
}

fn describe(g: &mut Gen, t: TypeId) -> RType {
    let tt = &g.p.types;
    let named = tt.named_of(t).is_some();
    let name = tt.type_string(t, true);
    let under = tt.underlying(t);
    let kind = match tt.under(t) {
        TypeKind::Basic(b) => match b {
            BasicKind::Bool | BasicKind::UntypedBool => RKind::Bool,
            BasicKind::Int | BasicKind::UntypedInt => RKind::Int,
            BasicKind::Int8 => RKind::Int8,
            BasicKind::Int16 => RKind::Int16,
            BasicKind::Int32 | BasicKind::UntypedRune => RKind::Int32,
            BasicKind::Int64 => RKind::Int64,
            BasicKind::Uint => RKind::Uint,
            BasicKind::Uint8 => RKind::Uint8,
            BasicKind::Uint16 => RKind::Uint16,
            BasicKind::Uint32 => RKind::Uint32,
            BasicKind::Uint64 => RKind::Uint64,
            BasicKind::Uintptr => RKind::Uintptr,
            BasicKind::Float32 => RKind::Float32,
            BasicKind::Float64 | BasicKind::UntypedFloat => RKind::Float64,
            BasicKind::Complex64 => RKind::Complex64,
            BasicKind::Complex128 | BasicKind::UntypedComplex => RKind::Complex128,
            BasicKind::String | BasicKind::UntypedString => RKind::String,
            BasicKind::UnsafePointer => RKind::UnsafePointer,
            _ => RKind::Invalid,
        },
        TypeKind::Pointer(_) => RKind::Pointer,
        TypeKind::Slice(_) => RKind::Slice,
        TypeKind::Array(..) => RKind::Array,
        TypeKind::Map(..) => RKind::Map,
        TypeKind::Chan(..) => RKind::Chan,
        TypeKind::Func(_) => RKind::Func,
        TypeKind::Struct(_) => RKind::Struct,
        TypeKind::Interface(_) => RKind::Interface,
        TypeKind::Tuple(_) => RKind::Tuple,
        // Types of generic code only (never a value's type at run time).
        TypeKind::Named(_) | TypeKind::TypeParam(_) | TypeKind::Constraint(_) => RKind::Invalid,
    };
    let (elem, key, len) = match tt.under(t) {
        TypeKind::Pointer(e) | TypeKind::Slice(e) | TypeKind::Chan(_, e) => (e.0, 0, 0),
        TypeKind::Array(e, n) => (e.0, 0, *n),
        TypeKind::Map(k, v) => (v.0, k.0, 0),
        _ => (0, 0, 0),
    };
    let iface_methods = match tt.under(t) {
        TypeKind::Interface(ms) => ms.iter().map(|m| m.name.clone()).collect(),
        _ => vec![],
    };
    let iface_sigs = match tt.under(t) {
        TypeKind::Interface(ms) => ms.iter().map(|m| m.sig.0).collect(),
        _ => vec![],
    };
    let (params, results) = match tt.under(t) {
        TypeKind::Func(sig) => (
            sig.params.iter().map(|p| p.0).collect(),
            sig.results.iter().map(|p| p.0).collect(),
        ),
        _ => (vec![], vec![]),
    };
    let struct_fields = match tt.under(t) {
        TypeKind::Struct(fs) => fs.clone(),
        _ => vec![],
    };
    let comparable = is_comparable(tt, t, &mut HashSet::new());
    let layout = if kind == RKind::Invalid || kind == RKind::Tuple {
        None
    } else {
        Some(g.layout(t))
    };
    let size = layout.as_ref().map(|l| l.size).unwrap_or(0);
    let gcty = match &layout {
        Some(l) => g.gctype(l.size.max(1) as u32, l.ptr_words.to_vec()),
        None => 0,
    };
    let offs = g.layouts.field_offsets(&g.p.types, t);
    let fields = struct_fields
        .iter()
        .enumerate()
        .map(|(i, f)| RField {
            name: f.name.clone(),
            typ: f.ty.0,
            offset: offs.get(i).copied().unwrap_or(0),
            embedded: f.embedded,
            exported: f.name.chars().next().is_some_and(|c| c.is_uppercase()),
        })
        .collect();
    let direct =
        kind != RKind::Invalid && kind != RKind::Tuple && types::layout::is_direct_iface(tt, t);
    RType {
        kind,
        name,
        named,
        size,
        gcty,
        elem,
        key,
        len,
        fields,
        direct,
        comparable,
        methods: Vec::new(),
        method_sigs: Vec::new(),
        underlying: under.0,
        iface_methods,
        iface_sigs,
        params,
        results,
    }
}

fn is_comparable(tt: &types::TypeTable, t: TypeId, seen: &mut HashSet<TypeId>) -> bool {
    if !seen.insert(t) {
        return true;
    }
    match tt.under(t) {
        TypeKind::Slice(_) | TypeKind::Map(..) | TypeKind::Func(_) => false,
        TypeKind::Array(e, _) => is_comparable(tt, *e, seen),
        TypeKind::Struct(fs) => fs.iter().all(|f| is_comparable(tt, f.ty, seen)),
        _ => true,
    }
}

/// A method in a method set: declared with `func`, or promoted from an embedded interface.
#[derive(Clone, Debug)]
pub enum MethodRef {
    Func(ObjId),
    /// Method `index` of the interface-typed embedded field reached by `path`.
    Iface {
        path: Vec<usize>,
        index: usize,
        sig: TypeId,
    },
}

/// All methods in the method set of `t` (for interface dispatch), sorted by name.
pub fn method_set(g: &Gen, t: TypeId) -> Vec<(String, MethodRef)> {
    let tt = &g.p.types;
    let (base, is_ptr) = match tt.kind(t) {
        TypeKind::Pointer(e) => (*e, true),
        _ => (t, false),
    };
    let mut out: Vec<(String, MethodRef)> = Vec::new();
    let mut seen = HashSet::new();
    // Breadth-first over embedding depth: (type, reached through a pointer, field path).
    let mut level: Vec<(TypeId, bool, Vec<usize>)> = vec![(base, is_ptr, vec![])];
    let mut visited = HashSet::new();
    while !level.is_empty() {
        let mut next = Vec::new();
        let mut found_here: Vec<(String, MethodRef)> = Vec::new();
        for (ty, via_ptr, path) in level {
            if !visited.insert(ty) {
                continue;
            }
            if let Some(n) = tt.named_of(ty) {
                for &m in &n.methods {
                    let o = g.p.obj(m);
                    let ptr_recv = matches!(o.kind, ObjKind::Func { ptr_recv: true, .. });
                    if ptr_recv && !via_ptr {
                        continue;
                    }
                    if !seen.contains(&o.name) {
                        found_here.push((o.name.clone(), MethodRef::Func(m)));
                    }
                }
            }
            if !path.is_empty() {
                if let TypeKind::Interface(ms) = tt.under(ty) {
                    for (i, m) in ms.iter().enumerate() {
                        if !seen.contains(&m.name) {
                            found_here.push((
                                m.name.clone(),
                                MethodRef::Iface {
                                    path: path.clone(),
                                    index: i,
                                    sig: m.sig,
                                },
                            ));
                        }
                    }
                }
            }
            if let TypeKind::Struct(fs) = tt.under(ty) {
                for (i, f) in fs.iter().enumerate() {
                    if !f.embedded {
                        continue;
                    }
                    let mut p = path.clone();
                    p.push(i);
                    match tt.kind(f.ty) {
                        TypeKind::Pointer(e) => next.push((*e, true, p)),
                        _ => next.push((f.ty, via_ptr, p)),
                    }
                }
            }
        }
        for (n, m) in found_here {
            if seen.insert(n.clone()) {
                out.push((n, m));
            }
        }
        level = next;
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Field path from `t` (or `*t`) to the embedded field whose type declares `method`.
pub fn promoted_path(g: &Gen, t: TypeId, method: ObjId) -> (Vec<usize>, TypeId) {
    let recv = match &g.p.obj(method).kind {
        ObjKind::Func { recv: Some(r), .. } => *r,
        _ => return (vec![], t),
    };
    let tt = &g.p.types;
    let start = match tt.kind(t) {
        TypeKind::Pointer(e) => *e,
        _ => t,
    };
    // BFS
    let mut queue: Vec<(TypeId, Vec<usize>)> = vec![(start, vec![])];
    let mut visited = HashSet::new();
    while !queue.is_empty() {
        let mut next = Vec::new();
        for (ty, path) in queue {
            if ty == recv {
                return (path, ty);
            }
            if !visited.insert(ty) {
                continue;
            }
            if let TypeKind::Struct(fs) = tt.under(ty) {
                for (i, f) in fs.iter().enumerate() {
                    if f.embedded {
                        let ft = match tt.kind(f.ty) {
                            TypeKind::Pointer(e) => *e,
                            _ => f.ty,
                        };
                        let mut p = path.clone();
                        p.push(i);
                        next.push((ft, p));
                    }
                }
            }
        }
        queue = next;
    }
    (vec![], t)
}

impl Gen<'_> {
    /// Fills the method table of `t`'s descriptor (with interface-call wrappers).
    pub fn ensure_methods(&mut self, t: TypeId) {
        let idx = t.0 as usize;
        if idx >= self.out.rtypes.len() || !self.methods_done.insert(t) {
            return;
        }
        // fmt calls String/Error on the values it reaches inside this one (struct fields,
        // elements, map keys and values, pointees), as Go's does: their types need their
        // method tables too.
        let parts: Vec<TypeId> = match self.p.types.under(t) {
            TypeKind::Struct(fs) => fs.iter().map(|f| f.ty).collect(),
            TypeKind::Array(e, _) | TypeKind::Slice(e) | TypeKind::Pointer(e) => vec![*e],
            TypeKind::Map(k, v) => vec![*k, *v],
            _ => Vec::new(),
        };
        for p in parts {
            if !self.p.types.is_interface(p) {
                self.ensure_methods(p);
            }
        }
        if !self.out.rtypes[idx].methods.is_empty() {
            return;
        }
        let ms = method_set(self, t);
        let direct = self.is_direct_iface(t);
        let mut table = Vec::new();
        let mut sigs = Vec::new();
        for (name, m) in ms {
            match m {
                MethodRef::Func(m) => {
                    let f = crate::call::wrapper_for(self, t, m, direct);
                    table.push((name, f));
                    sigs.push(self.p.obj(m).ty.0);
                }
                MethodRef::Iface { path, index, sig } => {
                    let f =
                        crate::call::iface_wrapper_for(self, t, &name, path, index, sig, direct);
                    table.push((name, f));
                    sigs.push(sig.0);
                }
            }
        }
        if table.is_empty() {
            // (Nothing to write: a type without methods stays shared, not copied.)
            return;
        }
        let rt = self.out.rtypes.make_mut(idx);
        rt.methods = table;
        rt.method_sigs = sigs;
    }
}
