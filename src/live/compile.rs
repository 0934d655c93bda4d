//! Compiling one input of the session: its generated file checked against the session
//! (`check_file`), analysed and compiled as an increment of the loaded program, then
//! loaded into the VM and adopted as the session's state (`compile`). A session's first
//! input may come compiled from the image's cache (src/first_inputs.rs).
//!
//! Invariant (the module comment of live.rs): the session's state is replaced only after
//! `load_more` succeeded; a failed compile leaves it as it was, but for the input's file
//! in the source map.

use super::Live;
use crate::driver;
use crate::error::Error;
use crate::first_inputs::{CompiledInput, Entry, FirstInputs, Outcome};
use crate::session::Input;
use gosub_compile::Increment;
use gosub_syntax::ast::NodeId;
use gosub_syntax::{Diagnostic, ParseMode, SourceMap};
use gosub_types::Resume;
use std::sync::Arc;

impl Live {
    /// Checks and compiles one input and loads it into the VM (the saved state is replaced
    /// only when all of that succeeded).
    pub(super) fn compile(
        &mut self,
        inp: &Input,
        imports: &[(Option<String>, String)],
        expr_as_stmt: bool,
    ) -> Result<(), Error> {
        let n = self.inputs + 1;
        let (text, placed) = Self::file_text(n, inp, imports, expr_as_stmt);
        let fname = format!("<input {}>", n);
        let map = self.map.clone();
        let mut map = match map.lock() {
            Ok(m) => m,
            Err(_) => return Err(Error::Usage("the session's source map is poisoned".into())),
        };
        let fail = |d: &[Diagnostic], map: &SourceMap| {
            let mut ds = super::rendered(d, map);
            for x in &mut ds {
                Self::map_diag(x, &fname, &placed, inp.name.as_deref());
            }
            Error::Compile(ds)
        };
        let first_pkg = self.types.packages.len();
        let cache = self.first_inputs_now();
        let allowed = self.opts.allowed_imports.as_deref();
        let key = cache.and_then(|_| FirstInputs::key(map_end(&map), expr_as_stmt, allowed, &text));
        let cached = cache.zip(key.as_deref()).and_then(|(c, k)| c.get(k));
        let outcome: Outcome = match cached {
            Some(entry) => {
                map.files.extend(entry.files.iter().cloned());
                entry.outcome.clone()
            }
            None => {
                let files0 = map.files.len();
                let outcome = self
                    .compile_input(&mut map, &fname, &text)
                    .map(Arc::new)
                    .map_err(Arc::new);
                if let Some((c, k)) = cache.zip(key).filter(|(c, k)| c.admit(k)) {
                    let files = map.files[files0..].to_vec();
                    let outcome = outcome.clone();
                    c.put(k, Arc::new(Entry { files, outcome }));
                }
                outcome
            }
        };
        let c = outcome.map_err(|d| fail(&d, &map))?;
        drop(map);
        // (Shared with the cache's entry: its parts are `Arc`s.)
        let c = Arc::unwrap_or_clone(c);
        let first_slot = self.vm.natives.len();
        self.vm.load_more(c.prog, &self.natives)?;
        if self.vm.profile.is_none() && driver::wants_profile(&self.vm) {
            // The input brought runtime/pprof: the session keeps the allocation profile
            // from now on, at Go's default rate (MemProfileRate was 0 while nothing could
            // read the profile; a program importing the package starts at 512 KiB).
            let p = gosub_vm::alloc_profile::AllocProfile::new(&self.vm);
            if p.rate(&self.vm) == 0 {
                p.set_rate(&mut self.vm, gosub_vm::alloc_profile::DEFAULT_RATE);
            }
            self.vm.profile = Some(Box::new(p));
        }
        let added: Vec<&str> = c.types.packages[first_pkg..]
            .iter()
            .map(|p| p.path.as_str())
            .collect();
        self.host_versions.record(
            added.iter().copied(),
            first_slot,
            &self.vm,
            &self.opts,
            &self.hosts,
        );
        self.stale_hosts.retain(|p| !added.contains(&p.as_str()));
        self.types = c.types;
        self.resume = c.resume;
        self.gen = c.gen;
        self.escapes = c.escapes;
        self.next_id = c.next_id;
        self.inputs = n;
        self.saved.push(crate::save::SavedInput {
            file: fname.clone(),
            failed: false,
        });
        if let (Some(name), Ok(mut names)) = (&inp.name, self.names.lock()) {
            names.insert(fname, name.clone());
        }
        Ok(())
    }

    /// The image's cache of first inputs, if this session may use it now (first_inputs.rs):
    /// nothing compiled yet and no itab made since the image was taken.
    fn first_inputs_now(&self) -> Option<&FirstInputs> {
        let (cache, itabs) = self.first_inputs.as_ref()?;
        (self.inputs == 0 && self.vm.itabs.len() == *itabs).then_some(&**cache)
    }

    /// Checks, analyses and compiles the input file `fname` against the session: the
    /// session's state after it and the increment to load; nothing of the session changes
    /// but `map`, which gets the file (and those of packages it imports first).
    fn compile_input(
        &self,
        map: &mut SourceMap,
        fname: &str,
        text: &str,
    ) -> Result<CompiledInput, Vec<Diagnostic>> {
        let main = self.resume.main();
        let inc = Increment {
            first_pkg: self.types.packages.len(),
            main,
            first_file: self.types.packages[main].files.len(),
            init0: self.types.packages[main].init_order.len(),
            session: true,
        };
        let (types, resume, next_id) = self.check_file_raw(map, fname, text)?;
        let mut st = (*self.gen).clone();
        if st.out.itabs.len() < self.vm.itabs.len() {
            // Itabs the VM made at run time (type assertions, conversions): the program's
            // are a prefix of the VM's.
            let out = Arc::make_mut(&mut st.out);
            let made: Vec<_> = self.vm.itabs.from(out.itabs.len()).cloned().collect();
            out.itabs.extend(made);
        }
        // Only the input's own functions (and instances and packages it brought) are
        // analysed; the session's earlier decisions and summaries stand.
        let escapes = gosub_escape::analyze_more(&types, &self.escapes, false)
            .map_err(|e| vec![e.diagnostic()])?;
        // A session keeping a memory report counts its inputs' allocations kept in frames.
        let count = self.opts.memory_report;
        let (prog, gen) = gosub_compile::compile_increment(&types, &escapes, Some(st), inc, count)?;
        Ok(CompiledInput {
            types: Arc::new(types),
            resume: Arc::new(resume),
            gen: Arc::new(gen),
            escapes: Arc::new(escapes),
            next_id,
            prog,
        })
    }

    /// Parses input file `fname` into `map`, parses the packages it imports for the first
    /// time, and checks it against the session. Returns the grown program, the checker's
    /// state after it and the next free node id; nothing of the session changes.
    pub(super) fn check_file(
        &self,
        map: &mut SourceMap,
        fname: &str,
        text: &str,
        fail: &dyn Fn(&[Diagnostic], &SourceMap) -> Error,
    ) -> Result<(gosub_types::Program, Resume, NodeId), Error> {
        self.check_file_raw(map, fname, text)
            .map_err(|d| fail(&d, map))
    }

    /// `check_file` with the diagnostics as they are.
    fn check_file_raw(
        &self,
        map: &mut SourceMap,
        fname: &str,
        text: &str,
    ) -> Result<(gosub_types::Program, Resume, NodeId), Vec<Diagnostic>> {
        let fi = map.add(fname, text.to_string());
        let base = map.files[fi].base;
        let mode = ParseMode {
            lenient_imports: true,
        };
        let file = gosub_syntax::parse_file(text, base, self.next_id, mode)?;
        let mut next_id = file.next_id;
        let errs = driver::import_errors(&file.imports, &self.opts);
        if !errs.is_empty() {
            return Err(errs);
        }
        let loaded: Vec<&str> = (self.types.packages.iter())
            .map(|p| p.path.as_str())
            .filter(|p| !self.stale_hosts.iter().any(|s| s == p))
            .collect();
        let roots: Vec<String> = file.imports.iter().map(|i| i.path.clone()).collect();
        let more = driver::resolve_packages(&roots, &loaded, map, &mut next_id, &self.opts)?;
        let (types, resume) = gosub_types::check_more(&self.types, &self.resume, more, vec![file])?;
        // The checker's instances of generic code are numbered after every file.
        let next_id = next_id.max(types.next_node_id());
        Ok((types, resume, next_id))
    }
}

/// Where the next file of `map` starts: a cached compile's files are placed after it.
fn map_end(map: &SourceMap) -> usize {
    map.files
        .last()
        .map_or(0, |f| f.base as usize + f.src.len())
}
