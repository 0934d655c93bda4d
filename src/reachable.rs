//! Which standard-library files, declarations and function bodies a program can reach, and
//! loading only those.
//!
//! Importing `fmt` reaches some 22,000 lines of the standard library's Go, most of it code
//! the program never runs. `gosub run` reads a standard file only when the program can
//! reach something it declares, and parses of it only the declarations the program can
//! reach and the bodies it can run: `gosub_std::file_facts` says what each file declares
//! and where each declaration and body is, so the rest is not even lexed (each declaration
//! left out stands as an empty `const ()` until it is wanted:
//! `gosub_syntax::parse_file_lazy_known`, `parse_decl`, `parse_body`). The checker,
//! escape analysis and compiler never see the rest. (A Go linker drops unreachable code
//! too; gc's reachability runs after compiling, but the effect on what a program can
//! observe is the same: none.)
//!
//! Reachability is by name (`scope.rs` says how names resolve), so it can only
//! over-approximate. Every package-level declaration of a standard file is an item loaded
//! when something mentions it:
//! - *code* mentions (what the user's file, a loaded body, a loaded constant group or
//!   variable spec and any array length mention) load a package-level name's files, its
//!   function, type, constant group or variable spec; a member name loads the bodies of the
//!   methods of that name whose type is loaded, in every package (a call through an
//!   interface, a method value, a promoted method: each names the method it reaches).
//! - *type* mentions (what a loaded type declaration and a loaded function's or a kept
//!   method's signature mention) load only files and types.
//! - A loaded type's methods are kept: with their bodies when reached, else as stubs when
//!   some interface type has their name (method sets, and so interface satisfaction, depend
//!   on them), else not at all.
//! - Types whose values may exist (*valued*: a code mention, a loaded function's parameters
//!   and results, a component of a valued type) get the methods natives call on any value
//!   (`gosub_std::METHODS_CALLED_BY_NATIVES`: fmt's `String`, `Error`, ...).
//!
//! Roots: the user's file; the standard files whose facts say `root` and in them the
//! `init` bodies and the variables whose initializers must run (`file_facts::root_var`);
//! all of package `runtime` (the compiler calls into it); the functions natives call
//! (`GO_FUNCS_CALLED_BY_NATIVES`); and for each package the user's file imports, its first
//! file (so that an unused import is still `imported and not used`).
//!
//! Invariants (`finish.rs` keeps them):
//! - What was not loaded is dropped: nothing loaded mentions it, so nothing can refer to
//!   it. A method stub's body is `panic("...")`, so a method the analysis wrongly thought
//!   unreachable fails loudly rather than returning zeros.
//! - A loaded file is marked `pruned`: an import only dropped code used is not an error
//!   (the checker skips such files' unused imports; the import still orders package
//!   initialization). An import of a package none of whose files is loaded goes (that
//!   package has nothing to initialize).
//! - Packages come out in dependency order (each after those its loaded files import).
//! - Only one-shot compilations use this; an eval session loads everything, because its
//!   later inputs may call anything.

mod finish;
mod scope;

use gosub_layered::{HashMap, HashMapExt, HashSet, HashSetExt};
use gosub_std::file_facts::{self, DeclKind, FileFacts, LazyDecl};
use gosub_syntax::ast::{self, Decl, File, NodeId};
use gosub_syntax::walk::Node;
use gosub_syntax::{Diagnostic, LazyBody, SourceMap};
use gosub_types::PackageSrc;
use scope::{key, Mentions, Scope};
use std::borrow::Cow;

/// What an unloaded method body does if it runs after all.
const STUB: &str = "panic(\"gosub: internal error: standard library function body not loaded\")";

/// The source files of an import path's package as (file name, text) pairs, or None.
pub type Sources<'a> = &'a dyn Fn(&str) -> Option<Vec<(String, Cow<'static, str>)>>;

/// A package some loaded file imports: its sources, their facts (None: a host package's
/// file, loaded whole), the files parsed so far and how their names resolve.
struct Pkg {
    path: String,
    texts: Vec<(String, Cow<'static, str>)>,
    facts: Vec<Option<&'static FileFacts>>,
    files: Vec<Option<File>>,
    scopes: Vec<Scope>,
}

/// What the fixed point loads.
#[derive(Clone, Copy, Debug)]
enum Item {
    File(usize, usize),
    Body(usize),
    Value(usize),
    Type(usize),
    Native(usize),
}

/// Where a declaration is: `pkgs[pkg].files[file].decls[decl]`, and a spec of it.
#[derive(Clone, Copy, Debug)]
struct At {
    pkg: usize,
    file: usize,
    decl: usize,
}

/// A body `parse_file_lazy` left out, of a function or (`method`) a method.
struct Pending {
    at: At,
    body: LazyBody,
    method: Option<usize>,
    loaded: Option<ast::Block>,
}

/// A `const (...)` group (`spec` None) or a `var` spec; a `type` spec (in `types`); a
/// function without body (a native, in `natives`).
struct Spec {
    at: At,
    spec: Option<usize>,
    loaded: bool,
}

/// A method, with or without body; `enabled` once its receiver's type is loaded.
struct Method {
    at: At,
    name: String,
    receiver: String,
    body: Option<usize>,
    enabled: bool,
}

/// The fixed point's state.
struct Loader<'a> {
    sources: Sources<'a>,
    map: &'a mut SourceMap,
    next_id: &'a mut NodeId,
    pkgs: Vec<Pkg>,
    pkg_index: HashMap<String, usize>,
    pending: Vec<Pending>,
    values: Vec<Spec>,
    types: Vec<Spec>,
    natives: Vec<Spec>,
    methods: Vec<Method>,
    /// Functions, values and types by the key of their name; files by the keys of the
    /// names they declare; types alone (what type mentions load).
    by_key: HashMap<String, Vec<Item>>,
    files_by_key: HashMap<String, Vec<(usize, usize)>>,
    types_by_key: HashMap<String, usize>,
    /// Enabled methods' bodies by name; natives-called methods by their receiver's key;
    /// methods waiting for their receiver's type; enabled methods by name, for interfaces.
    by_member: HashMap<String, Vec<Item>>,
    by_receiver: HashMap<String, Vec<Item>>,
    methods_of: HashMap<String, Vec<usize>>,
    by_iface: HashMap<String, Vec<usize>>,
    /// Files with methods of loaded types, by the method name that loads them.
    method_files: HashMap<String, Vec<(usize, usize)>>,
    /// What has been mentioned and loaded.
    mentioned: HashSet<String>,
    members: HashSet<String>,
    type_mentioned: HashSet<String>,
    iface_names: HashSet<String>,
    valued: HashSet<String>,
    type_loaded: HashSet<String>,
    /// Mentions not yet acted on: in code, in types, of valued types.
    code: Mentions,
    in_types: Mentions,
    of_values: Mentions,
    queue: Vec<Item>,
    /// The declarations left out of loaded files (each an empty `const ()` in its place
    /// until it is wanted).
    unparsed: HashMap<(usize, usize, usize), Unparsed>,
    /// Every error parsing a left-out declaration (once each), also where none could be
    /// returned (a signature or a type's values wanted while acting on mentions, a stub):
    /// the load fails with them at its end (`finish`).
    parse_errors: Vec<Diagnostic>,
}

/// A declaration its file left out: the source map file it is in, its byte offsets there,
/// and where its body is (a function's), to be left out in turn.
#[derive(Clone, Copy)]
struct Unparsed {
    idx: usize,
    span: (u32, u32),
    body: Option<(u32, u32)>,
}

/// The declaration at `at`, once its file is loaded.
fn decl_at(pkgs: &[Pkg], at: At) -> Option<&Decl> {
    pkgs[at.pkg].files[at.file].as_ref()?.decls.get(at.decl)
}

/// The type parameters, receiver, parameters and results of a function declaration.
fn signature(fd: &ast::FuncDecl) -> impl Iterator<Item = &ast::Field> {
    (fd.sig.type_params.iter())
        .chain(&fd.recv)
        .chain(&fd.sig.params)
        .chain(&fd.sig.results)
}

/// Loads what the program `main` (whose imports plus `runtime` are `roots`) can reach of
/// the packages `sources` gives; returns them in dependency order, `main` not included.
/// Every parsed file goes into `map`; node ids continue from `next_id`.
pub fn load(
    roots: &[String],
    main: &File,
    sources: Sources<'_>,
    map: &mut SourceMap,
    next_id: &mut NodeId,
) -> Result<Vec<PackageSrc>, Vec<Diagnostic>> {
    let mut l = Loader {
        sources,
        map,
        next_id,
        pkgs: Vec::new(),
        pkg_index: HashMap::new(),
        pending: Vec::new(),
        values: Vec::new(),
        types: Vec::new(),
        natives: Vec::new(),
        methods: Vec::new(),
        by_key: HashMap::new(),
        files_by_key: HashMap::new(),
        types_by_key: HashMap::new(),
        by_member: HashMap::new(),
        by_receiver: HashMap::new(),
        methods_of: HashMap::new(),
        by_iface: HashMap::new(),
        method_files: HashMap::new(),
        mentioned: HashSet::new(),
        members: HashSet::new(),
        type_mentioned: HashSet::new(),
        iface_names: HashSet::new(),
        valued: HashSet::new(),
        type_loaded: HashSet::new(),
        code: Mentions::default(),
        in_types: Mentions::default(),
        of_values: Mentions::default(),
        queue: Vec::new(),
        unparsed: HashMap::new(),
        parse_errors: Vec::new(),
    };
    let scope = Scope::of("main", main);
    for d in &main.decls {
        scope.collect(Node::Decl(d), &mut l.code);
    }
    for path in roots {
        if let Some(p) = l.package(path) {
            if !l.pkgs[p].texts.is_empty() {
                l.queue.push(Item::File(p, 0));
            }
        }
    }
    l.run()?;
    l.finish()
}

impl Loader<'_> {
    /// The index of package `path`, registering it (and queueing its root files) when it
    /// is first imported. None for a path with no sources (`unsafe`).
    fn package(&mut self, path: &str) -> Option<usize> {
        if let Some(&p) = self.pkg_index.get(path) {
            return Some(p);
        }
        let texts = (self.sources)(path)?;
        let p = self.pkgs.len();
        let mut facts = Vec::with_capacity(texts.len());
        let std_files = gosub_std::files(path).unwrap_or(&[]);
        for (f, (name, text)) in texts.iter().enumerate() {
            // Facts describe the standard library's own text (a host package may take a
            // standard path with a text of its own: loaded whole).
            let std_text = std_files
                .iter()
                .any(|(n, t)| n == name && t.as_ptr() == text.as_ptr() && t.len() == text.len());
            let ff = file_facts::file_facts(path, name).filter(|_| std_text);
            match ff {
                Some(ff) if !ff.root && path != "runtime" => {
                    for &n in ff.declares {
                        let k = key(path, n);
                        if self.mentioned.contains(&k) || self.type_mentioned.contains(&k) {
                            self.queue.push(Item::File(p, f));
                        }
                        self.files_by_key.entry(k).or_default().push((p, f));
                    }
                }
                _ => self.queue.push(Item::File(p, f)),
            }
            facts.push(ff);
        }
        self.pkgs.push(Pkg {
            path: path.to_string(),
            files: texts.iter().map(|_| None).collect(),
            scopes: texts.iter().map(|_| Scope::default()).collect(),
            texts,
            facts,
        });
        self.pkg_index.insert(path.to_string(), p);
        Some(p)
    }

    /// `item` is loaded by code mentions of `k`: queued now if already mentioned.
    fn by_key(&mut self, k: String, item: Item) {
        if self.mentioned.contains(&k) {
            self.queue.push(item);
        }
        self.by_key.entry(k).or_default().push(item);
    }

    /// `item` is loaded by the member name `m`: queued now if already mentioned.
    fn by_member(&mut self, m: &str, item: Item) {
        if self.members.contains(m) {
            self.queue.push(item);
        }
        self.by_member.entry(m.to_string()).or_default().push(item);
    }

    /// Mentions not yet acted on?
    fn mentions_left(&self) -> bool {
        let m = [&self.code, &self.in_types, &self.of_values];
        m.iter().any(|m| !m.keys.is_empty() || !m.iface.is_empty()) || !self.code.members.is_empty()
    }

    /// The fixed point: mentions queue items, items mention names; done when neither the
    /// queue nor the mentions hold anything (acting on mentions can mention more).
    fn run(&mut self) -> Result<(), Vec<Diagnostic>> {
        loop {
            while self.mentions_left() {
                self.act_on_mentions();
            }
            let Some(item) = self.queue.pop() else {
                return Ok(());
            };
            match item {
                Item::File(p, f) => self.load_file(p, f)?,
                Item::Body(k) => self.load_body(k)?,
                Item::Value(v) => self.load_value(v)?,
                Item::Type(t) => self.load_type(t)?,
                Item::Native(n) => self.load_native(n),
            }
        }
    }

    /// Queues what the mentions made since the last call load.
    fn act_on_mentions(&mut self) {
        for k in std::mem::take(&mut self.code.keys) {
            if self.mentioned.contains(&k) {
                continue;
            }
            self.of_values.keys.push(k.clone());
            let items = self.by_key.get(&k).into_iter().flatten().copied();
            let files = self.files_by_key.get(&k).into_iter().flatten();
            self.queue
                .extend(items.chain(files.map(|&(p, f)| Item::File(p, f))));
            self.mentioned.insert(k);
        }
        for m in std::mem::take(&mut self.code.members) {
            if !self.members.contains(&m) {
                self.queue
                    .extend(self.by_member.get(&m).into_iter().flatten());
                let files = self.method_files.remove(&m).unwrap_or_default();
                self.queue
                    .extend(files.into_iter().map(|(p, f)| Item::File(p, f)));
                self.members.insert(m);
            }
        }
        for k in std::mem::take(&mut self.in_types.keys) {
            if self.type_mentioned.contains(&k) || self.mentioned.contains(&k) {
                continue;
            }
            let files = self.files_by_key.get(&k).into_iter().flatten();
            self.queue.extend(files.map(|&(p, f)| Item::File(p, f)));
            self.queue
                .extend(self.types_by_key.get(&k).map(|&t| Item::Type(t)));
            self.type_mentioned.insert(k);
        }
        let all = [&mut self.code, &mut self.in_types, &mut self.of_values];
        let names: Vec<String> = all.into_iter().flat_map(|m| m.iface.drain(..)).collect();
        for name in names {
            if self.iface_names.insert(name.clone()) {
                let files = self.method_files.remove(&name).unwrap_or_default();
                self.queue
                    .extend(files.into_iter().map(|(p, f)| Item::File(p, f)));
                for m in self.by_iface.get(&name).cloned().unwrap_or_default() {
                    self.mention_signature(m);
                }
            }
        }
        self.in_types.members.clear();
        self.of_values.members.clear();
        for k in std::mem::take(&mut self.of_values.keys) {
            if self.valued.insert(k.clone()) {
                self.queue
                    .extend(self.by_receiver.get(&k).into_iter().flatten());
                if let Some(&t) = self.types_by_key.get(&k) {
                    self.value_type(t);
                }
            }
        }
    }

    /// Parses file `f` of package `p` (bodies left out) and registers its declarations.
    fn load_file(&mut self, p: usize, f: usize) -> Result<(), Vec<Diagnostic>> {
        if self.pkgs[p].files[f].is_some() {
            return Ok(());
        }
        let path = self.pkgs[p].path.clone();
        let (name, text) = self.pkgs[p].texts[f].clone();
        let idx = self.map.add(format!("$GOROOT/src/{}/{}", path, name), text);
        let (base, text) = (self.map.files[idx].base, &*self.map.files[idx].src);
        // A standard file's facts say where its declarations and bodies are: they are not
        // even lexed until a program reaches them.
        let facts = self.pkgs[p].facts[f];
        let known = facts.map_or(&[][..], |ff| ff.bodies);
        let left_out: &[LazyDecl] = facts.map_or(&[], |ff| ff.decls);
        let spans: Vec<(u32, u32)> = left_out.iter().map(|d| d.span).collect();
        let (file, bodies) =
            gosub_syntax::parse_file_lazy_known(text, base, *self.next_id, known, &spans)?;
        *self.next_id = file.next_id;
        self.pkgs[p].scopes[f] = Scope::of(&path, &file);
        let mut lazy = bodies.into_iter().peekable();
        let mut left_out_at = left_out.iter().peekable();
        let mut enable = Vec::new();
        for (decl, d) in file.decls.iter().enumerate() {
            let at = At {
                pkg: p,
                file: f,
                decl,
            };
            // (Where the facts did not fit the text, the declaration was parsed after all.)
            let placeholder = matches!(d, Decl::Const(g) if g.specs.is_empty());
            let unparsed = left_out_at.next_if(|l| l.index as usize == decl);
            let unparsed = unparsed.filter(|_| placeholder);
            if let (Some(ld), Some(ff)) = (unparsed, facts) {
                let u = Unparsed {
                    idx,
                    span: ld.span,
                    body: ld.body,
                };
                self.unparsed.insert((p, f, decl), u);
                let sf = self.map.files[idx].clone();
                self.register_unparsed(at, &path, (base, &sf.src), ld, ff, &mut enable);
                continue;
            }
            match d {
                Decl::Type(g) => {
                    for (i, s) in g.specs.iter().enumerate() {
                        self.register_type(at, &path, i, &s.name.name);
                    }
                }
                Decl::Func(fd) => {
                    let body = lazy.next_if(|b| b.decl == decl);
                    let recv = (fd.recv.as_ref())
                        .map(|r| ast::recv_base(&r.ty).map_or("", |(b, _)| b.name.as_str()));
                    let name = fd.name.name.as_str();
                    self.register_func(at, &path, name, recv, body, &mut enable);
                }
                Decl::Const(g) | Decl::Var(g) => {
                    let is_var = matches!(d, Decl::Var(_));
                    let specs: Vec<Option<usize>> = match is_var {
                        true => (0..g.specs.len()).map(Some).collect(),
                        false => vec![None],
                    };
                    for spec in specs {
                        let of_item: Vec<&ast::ValueSpec> = (g.specs.iter().enumerate())
                            .filter(|(i, _)| spec.is_none_or(|s| s == *i))
                            .map(|(_, vs)| vs)
                            .collect();
                        let root = is_var && of_item.iter().any(|vs| file_facts::root_var(vs));
                        let names = of_item.iter().flat_map(|vs| &vs.names);
                        self.register_value(at, &path, spec, names.map(|n| n.name.as_str()), root);
                    }
                }
            }
        }
        for imp in &file.imports {
            self.package(&imp.path);
        }
        self.pkgs[p].files[f] = Some(file);
        for m in enable {
            match self.type_loaded.contains(&self.methods[m].receiver) {
                true => self.enable(m),
                false => {
                    let r = self.methods[m].receiver.clone();
                    self.methods_of.entry(r).or_default().push(m);
                }
            }
        }
        Ok(())
    }

    /// Registers a function (`recv` None) or a method with the receiver base type `recv`;
    /// its body (None: a native) is loaded when reached. Methods go into `enable`, for the
    /// file's loader to enable once their type is loaded.
    fn register_func(
        &mut self,
        at: At,
        path: &str,
        name: &str,
        recv: Option<&str>,
        body: Option<LazyBody>,
        enable: &mut Vec<usize>,
    ) {
        let body = body.map(|body| {
            self.pending.push(Pending {
                at,
                body,
                method: None,
                loaded: None,
            });
            self.pending.len() - 1
        });
        if let Some(base) = recv {
            let m = self.methods.len();
            self.methods.push(Method {
                at,
                name: name.to_string(),
                receiver: key(path, base),
                body,
                enabled: false,
            });
            if let Some(k) = body {
                self.pending[k].method = Some(m);
            }
            enable.push(m);
            return;
        }
        let natives_call = gosub_std::called_by_natives(path, name);
        let item = match body {
            Some(k) => Item::Body(k),
            None => {
                self.natives.push(Spec {
                    at,
                    spec: None,
                    loaded: false,
                });
                Item::Native(self.natives.len() - 1)
            }
        };
        if path == "runtime" || name == "init" || natives_call {
            self.queue.push(item);
        } else {
            self.by_key(key(path, name), item);
        }
    }

    /// Registers the specs of a declaration left out of its file (`base`: where the file's
    /// first byte is; `text`: the file), as `load_file` registers those it parsed, by the
    /// names its facts `ff` give.
    fn register_unparsed(
        &mut self,
        at: At,
        path: &str,
        (base, text): (u32, &str),
        ld: &LazyDecl,
        ff: &FileFacts,
        enable: &mut Vec<usize>,
    ) {
        let names = ld.names(ff, text);
        match ld.kind {
            DeclKind::Func => {
                let Some((_, name, _)) = ld.names(ff, text).next() else {
                    return;
                };
                let body = ld.body.map(|(lo, hi)| LazyBody {
                    decl: at.decl,
                    span: ast::Span::new(base + lo, base + hi),
                });
                self.register_func(at, path, name, ld.recv(text), body, enable);
            }
            DeclKind::Type => {
                for (i, name, _) in names {
                    self.register_type(at, path, i, name);
                }
            }
            DeclKind::Var => {
                // One item per spec: its names lead to it.
                let names: Vec<(usize, &str, bool)> = names.collect();
                for group in names.chunk_by(|a, b| a.0 == b.0) {
                    let root = group.iter().any(|n| n.2);
                    let spec_names = group.iter().map(|n| n.1);
                    self.register_value(at, path, Some(group[0].0), spec_names, root);
                }
            }
            DeclKind::Const => {
                self.register_value(at, path, None, names.map(|n| n.1), false);
            }
        }
    }

    /// Registers type spec `spec` of the declaration at `at`, named `name`: loaded when a
    /// type mention names it (at once in package runtime, which is loaded whole).
    fn register_type(&mut self, at: At, path: &str, spec: usize, name: &str) {
        let t = self.types.len();
        self.types.push(Spec {
            at,
            spec: Some(spec),
            loaded: false,
        });
        let k = key(path, name);
        if path == "runtime" || self.type_mentioned.contains(&k) {
            self.queue.push(Item::Type(t));
        }
        self.types_by_key.insert(k.clone(), t);
        self.by_key(k, Item::Type(t));
    }

    /// Registers a variable spec (`spec`) or a constant group (None) of the declaration at
    /// `at`, loaded when code mentions one of its `names`, or at once when it is a `root`
    /// (or of package runtime).
    fn register_value<'n>(
        &mut self,
        at: At,
        path: &str,
        spec: Option<usize>,
        names: impl Iterator<Item = &'n str>,
        root: bool,
    ) {
        let v = self.values.len();
        self.values.push(Spec {
            at,
            spec,
            loaded: false,
        });
        for n in names {
            self.by_key(key(path, n), Item::Value(v));
        }
        if root || path == "runtime" {
            self.queue.push(Item::Value(v));
        }
    }

    /// Parses the declaration at `at` if its file left it out (`register_unparsed`).
    fn parse_unparsed(&mut self, at: At) -> Result<(), Vec<Diagnostic>> {
        let k = (at.pkg, at.file, at.decl);
        let Some(&Unparsed {
            idx,
            span: (lo, hi),
            body,
        }) = self.unparsed.get(&k)
        else {
            return Ok(());
        };
        let sf = self.map.files[idx].clone();
        let text = sf.src.get(lo as usize..hi as usize).unwrap_or("");
        let body = body.map(|(b, e)| (b.saturating_sub(lo), e.saturating_sub(lo)));
        let parsed = gosub_syntax::parse_decl(text, sf.base + lo, *self.next_id, body);
        let (decl, next) = parsed.inspect_err(|d| {
            // Reported once: the load fails with it (`finish`), the placeholder stays.
            self.parse_errors.extend(d.iter().cloned());
            self.unparsed.remove(&k);
        })?;
        *self.next_id = next;
        let Some(file) = self.pkgs[at.pkg].files[at.file].as_mut() else {
            return Ok(());
        };
        file.next_id = file.next_id.max(next);
        if let Some(d) = file.decls.get_mut(at.decl) {
            *d = decl;
            self.unparsed.remove(&k);
        }
        Ok(())
    }

    /// Method `m`'s receiver type is loaded: its body can be reached by its name (and, for
    /// the methods natives call, by a value of its type), and its signature matters once
    /// an interface has its name. A method without body (a native) is kept whole.
    fn enable(&mut self, m: usize) {
        let method = &mut self.methods[m];
        if std::mem::replace(&mut method.enabled, true) {
            return;
        }
        let (name, receiver, body) = (method.name.clone(), method.receiver.clone(), method.body);
        let runtime = self.pkgs[method.at.pkg].path == "runtime";
        match body {
            Some(k) if runtime => self.queue.push(Item::Body(k)),
            Some(k) => {
                if gosub_std::METHODS_CALLED_BY_NATIVES.contains(&name.as_str()) {
                    if self.valued.contains(&receiver) {
                        self.queue.push(Item::Body(k));
                    }
                    self.by_receiver
                        .entry(receiver)
                        .or_default()
                        .push(Item::Body(k));
                }
                self.by_member(&name, Item::Body(k));
            }
            None => {
                self.mention_signature(m);
                self.value_signature(self.methods[m].at);
            }
        }
        if self.iface_names.contains(&name) && body.is_some() {
            self.mention_signature(m);
        }
        self.by_iface.entry(name).or_default().push(m);
    }

    /// Method `m`'s signature, as type mentions (and array lengths, as code mentions).
    fn mention_signature(&mut self, m: usize) {
        let at = self.methods[m].at;
        self.mention_signature_at(at);
    }

    fn mention_signature_at(&mut self, at: At) {
        // (An error is kept in `parse_errors`: the load fails with it.)
        let _ = self.parse_unparsed(at);
        let Some(Decl::Func(fd)) = decl_at(&self.pkgs, at) else {
            return;
        };
        let scope = &self.pkgs[at.pkg].scopes[at.file];
        for fl in signature(fd) {
            scope.collect(Node::Field(fl), &mut self.in_types);
            scope.collect_array_lengths(Node::Field(fl), &mut self.code);
        }
    }

    /// A loaded function's parameters and results may hold values of their types.
    fn value_signature(&mut self, at: At) {
        let _ = self.parse_unparsed(at);
        let Some(Decl::Func(fd)) = decl_at(&self.pkgs, at) else {
            return;
        };
        let scope = &self.pkgs[at.pkg].scopes[at.file];
        for fl in fd.sig.params.iter().chain(&fd.sig.results) {
            scope.collect(Node::Field(fl), &mut self.of_values);
        }
    }

    /// Parses body `k` and mentions what it mentions, and its signature.
    fn load_body(&mut self, k: usize) -> Result<(), Vec<Diagnostic>> {
        let pd = &self.pending[k];
        if pd.loaded.is_some() {
            return Ok(());
        }
        let (body, at) = (pd.body, pd.at);
        let Some(file) = self.map.file_of(body.span.lo) else {
            return Ok(());
        };
        let (block, next) = gosub_syntax::parse_body(&file.src, file.base, &body, *self.next_id)?;
        *self.next_id = next;
        self.parse_unparsed(at)?;
        let scope = &self.pkgs[at.pkg].scopes[at.file];
        // In the body, a parameter's (or result's, or the receiver's) name never means a
        // package-level name: the parameter shadows it throughout.
        let mut mentions = Mentions::default();
        for s in &block.stmts {
            scope.collect(Node::Stmt(s), &mut mentions);
        }
        if let Some(Decl::Func(fd)) = decl_at(&self.pkgs, at) {
            let shadowed: HashSet<String> = (signature(fd).flat_map(|fl| &fl.names))
                .flat_map(|n| scope.keys_of(&n.name))
                .collect();
            mentions.keys.retain(|k| !shadowed.contains(k));
        }
        self.code.append(mentions);
        self.pending[k].loaded = Some(block);
        self.mention_signature_at(at);
        self.value_signature(at);
        Ok(())
    }

    /// A native function is mentioned: it is kept, and what it returns may exist.
    fn load_native(&mut self, n: usize) {
        if std::mem::replace(&mut self.natives[n].loaded, true) {
            return;
        }
        let at = self.natives[n].at;
        self.mention_signature_at(at);
        self.value_signature(at);
    }

    /// Mentions what a constant group or variable spec refers to (code mentions).
    fn load_value(&mut self, v: usize) -> Result<(), Vec<Diagnostic>> {
        let val = &mut self.values[v];
        if std::mem::replace(&mut val.loaded, true) {
            return Ok(());
        }
        let (at, spec) = (val.at, val.spec);
        self.parse_unparsed(at)?;
        let scope = &self.pkgs[at.pkg].scopes[at.file];
        let Some(d) = decl_at(&self.pkgs, at) else {
            return Ok(());
        };
        match (d, spec) {
            (Decl::Var(g), Some(spec)) => {
                if let Some(vs) = g.specs.get(spec) {
                    for e in vs.ty.iter().chain(&vs.values) {
                        scope.collect(Node::Expr(e), &mut self.code);
                    }
                }
            }
            _ => scope.collect(Node::Decl(d), &mut self.code),
        }
        Ok(())
    }

    /// A type is mentioned: it is kept, with what it mentions, and its methods' files and
    /// methods come into play.
    fn load_type(&mut self, t: usize) -> Result<(), Vec<Diagnostic>> {
        if std::mem::replace(&mut self.types[t].loaded, true) {
            return Ok(());
        }
        let (at, i) = (self.types[t].at, self.types[t].spec.unwrap_or(0));
        self.parse_unparsed(at)?;
        let Some(Decl::Type(g)) = decl_at(&self.pkgs, at) else {
            return Ok(());
        };
        let Some(s) = g.specs.get(i) else {
            return Ok(());
        };
        let scope = &self.pkgs[at.pkg].scopes[at.file];
        scope.collect_type_spec(s, &mut self.in_types);
        scope.collect_array_lengths(Node::Expr(&s.ty), &mut self.code);
        for tp in &s.type_params {
            scope.collect_array_lengths(Node::Field(tp), &mut self.code);
        }
        let name = s.name.name.clone();
        let k = key(&self.pkgs[at.pkg].path, &name);
        // The files with methods of this type the program may call (or that an interface
        // may need), now or once their names are mentioned; the methods already registered.
        for (g, facts) in self.pkgs[at.pkg].facts.iter().enumerate() {
            let Some(ff) = facts else { continue };
            for &(_, m) in ff.methods.iter().filter(|(t, _)| *t == name) {
                let wanted = self.members.contains(m)
                    || self.iface_names.contains(m)
                    || gosub_std::METHODS_CALLED_BY_NATIVES.contains(&m);
                match wanted {
                    true => self.queue.push(Item::File(at.pkg, g)),
                    false => self
                        .method_files
                        .entry(m.to_string())
                        .or_default()
                        .push((at.pkg, g)),
                }
            }
        }
        self.type_loaded.insert(k.clone());
        for m in self.methods_of.remove(&k).unwrap_or_default() {
            self.enable(m);
        }
        if self.valued.contains(&k) {
            self.value_type(t);
        }
        Ok(())
    }

    /// A type whose values may exist: so may values of the types it is made of (fields,
    /// elements, an interface's method results).
    fn value_type(&mut self, t: usize) {
        let (at, i) = (self.types[t].at, self.types[t].spec.unwrap_or(0));
        // (An error is kept in `parse_errors`: the load fails with it.)
        let _ = self.parse_unparsed(at);
        if let Some(Decl::Type(g)) = decl_at(&self.pkgs, at) {
            if let Some(s) = g.specs.get(i) {
                self.pkgs[at.pkg].scopes[at.file].collect(Node::Expr(&s.ty), &mut self.of_values);
            }
        }
    }
}
