//! What every eval session starts from (`Start`): the session's base file, `fmt` and
//! `runtime` parsed, checked, analysed and compiled once per process and shared by every
//! VM (`Live::new` clones it).
//!
//! Invariants: a `Start` is never changed once built; what a session changes it changes in
//! its own clone, and the big tables it shares with the start (functions, runtime types,
//! the checker's objects and side tables) are `Arc`ed or layered, copied on write. Its
//! program was verified by the first VM that loaded it (`loaded`), so later VMs verify only
//! what they do not share with it (`gosub_vm::Vm::new_after`).

use crate::driver::{self, Options};
use crate::error::Error;
use crate::live::{rendered, BASE};
use gosub_compile::{GenState, Increment};
use gosub_syntax::ast::NodeId;
use gosub_syntax::{ParseMode, SourceMap};
use gosub_types::Resume;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

/// What every session starts from: the base file, `fmt` and `runtime` parsed, checked,
/// analysed and compiled. It is built once per process (per set of host packages that
/// replace standard ones, which is usually none) and shared by every VM's session:
/// `Live::new` clones it, and the big tables in it are shared, not copied (`Arc`ed
/// functions, types and objects, layered side tables), so a VM starts without checking or
/// compiling the standard library again.
#[derive(Clone)]
pub(crate) struct Start {
    pub map: SourceMap,
    pub types: gosub_types::Program,
    pub resume: Resume,
    pub escapes: gosub_escape::Escapes,
    pub prog: std::sync::Arc<gosub_bytecode::program::Program>,
    pub gen: GenState,
    pub next_id: NodeId,
    /// A VM loaded `prog`, verifying it (later VMs verify only what they do not share).
    pub loaded: Arc<AtomicBool>,
}

/// The starts built so far, by `Start::key`.
static STARTS: std::sync::OnceLock<Mutex<std::collections::HashMap<String, Arc<Start>>>> =
    std::sync::OnceLock::new();

impl Start {
    /// The start for `opts`, built on first use.
    pub(crate) fn get(opts: &Options) -> Result<Arc<Start>, Error> {
        let key = Self::key(opts);
        let starts = STARTS.get_or_init(Default::default);
        if let Some(s) = starts.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(s);
        }
        let s = Arc::new(Self::build(opts)?);
        if let Ok(mut m) = starts.lock() {
            m.insert(key, s.clone());
        }
        Ok(s)
    }

    /// What of `opts` the start depends on: host packages that take the path of a
    /// standard package (the base imports `fmt` and `runtime`, which import others).
    fn key(opts: &Options) -> String {
        let mut k = String::new();
        for (path, src) in &opts.host_packages {
            if gosub_std::files(path).is_some() {
                k.push_str(path);
                k.push('\0');
                k.push_str(src);
                k.push('\0');
            }
        }
        k
    }

    fn build(opts: &Options) -> Result<Start, Error> {
        let mut map = SourceMap::new();
        let mut next_id: NodeId = 0;
        let fi = map.add("<session>", BASE);
        let base = map.files[fi].base;
        let file = gosub_syntax::parse_file(BASE, base, next_id, ParseMode::default())
            .map_err(|d| Error::Compile(rendered(&d, &map)))?;
        next_id = file.next_id;
        let roots = vec!["fmt".to_string(), "runtime".to_string()];
        let mut packages = driver::resolve_packages(&roots, &[], &mut map, &mut next_id, opts)
            .map_err(|d| Error::Compile(rendered(&d, &map)))?;
        packages.push(gosub_types::PackageSrc {
            path: "main".into(),
            files: vec![Arc::new(file)],
        });
        let (types, resume) =
            gosub_types::check_session(packages).map_err(|d| Error::Compile(rendered(&d, &map)))?;
        let types_next = types.next_node_id();
        let main = resume.main();
        let inc = Increment {
            first_pkg: 0,
            main,
            first_file: 0,
            init0: 0,
            session: true,
        };
        let escapes = driver::escape_analysis(&types, false)
            .map_err(|d| Error::Compile(rendered(&d, &map)))?;
        let (prog, gen) = gosub_compile::compile_increment(&types, &escapes, None, inc, false)
            .map_err(|d| Error::Compile(rendered(&d, &map)))?;
        Ok(Start {
            map,
            types,
            resume,
            escapes,
            prog,
            gen,
            next_id: next_id.max(types_next),
            loaded: Arc::default(),
        })
    }
}
