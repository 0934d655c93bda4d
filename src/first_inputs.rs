//! First inputs compiled once per process (`FirstInputs`): what checking, analysing and
//! compiling an input produced in a session that had compiled nothing yet, kept with the
//! start's image (src/start.rs) for the next session that starts from the same image and
//! whose first input has the same text. That session then only loads and runs the
//! compiled input, as wasmtime instantiates a module compiled once: a host that starts
//! many VMs with the same script compiles it once (the cost of a VM's start,
//! docs/embedding.md).
//!
//! Invariants:
//! - An entry is used only by a session in the state the entry was made in: started from
//!   the image the cache belongs to (so the same checker, analysis and generator state,
//!   cloned from the start, and the same VM tables), with no host function or host package
//!   (which the check reads), before its first input compiled, with no itab made at run
//!   time since the image was taken (the generator reads the VM's itabs), allowing the
//!   same packages (the check rejects imports of others) and with its source map ending
//!   where the entry's session's did (a failed attempt adds its file): `key` holds the
//!   last two.
//!   Compiling is deterministic, so that session's own compile would produce the same.
//! - An entry holds the result, success or failure, and the source files the compile
//!   added (the input's and those of packages it imported first), which a session using
//!   the entry adds to its own map at the same positions.
//! - The cache holds at most `MAX_ENTRIES` entries of inputs of at most `MAX_TEXT` bytes;
//!   the oldest goes first. A compile is kept only the second time its key is compiled
//!   (`admit`: the first time, only a hash of the key is kept, among the last `MAX_SEEN`),
//!   so a host whose every VM starts with an input of its own pays no copy of the result
//!   and no eviction.

use gosub_syntax::source::SourceFile;
use gosub_syntax::Diagnostic;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// The most entries one image's cache keeps.
const MAX_ENTRIES: usize = 32;

/// How many keys compiled once `admit` remembers (as hashes).
const MAX_SEEN: usize = 256;

/// The longest input text cached (a host's scripts are short; a long one costs more to
/// compile than to look up anyway, and is kept out of memory).
const MAX_TEXT: usize = 16 << 10;

/// What one successful compile of an input produced: the session's state after it and
/// the program increment to load.
#[derive(Clone)]
pub(crate) struct CompiledInput {
    pub types: Arc<gosub_types::Program>,
    pub resume: Arc<gosub_types::Resume>,
    pub gen: Arc<gosub_compile::GenState>,
    pub escapes: Arc<gosub_escape::Escapes>,
    pub next_id: gosub_syntax::ast::NodeId,
    pub prog: Arc<gosub_bytecode::program::Program>,
}

/// A compile's result, as the session adopts it or reports it.
pub(crate) type Outcome = Result<Arc<CompiledInput>, Arc<Vec<Diagnostic>>>;

/// One cached compile.
pub(crate) struct Entry {
    /// The source files the compile added to the session's map.
    pub files: Vec<Arc<SourceFile>>,
    pub outcome: Outcome,
}

/// One image's cache of compiled first inputs (module comment).
#[derive(Default)]
pub(crate) struct FirstInputs {
    entries: Mutex<VecDeque<(String, Arc<Entry>)>>,
    /// Hashes of keys compiled once and not cached (`admit`).
    seen: Mutex<VecDeque<u64>>,
    /// How many sessions took an entry (what a test asks).
    #[cfg(test)]
    hits: std::sync::atomic::AtomicUsize,
}

impl FirstInputs {
    /// The cache key of a compile of `text` (the input's whole generated file) in a
    /// session whose source map ends at `end` and that may import the packages `allowed`
    /// (the check rejects the others: VMs of one configuration may allow different
    /// packages), or `None` when such a text is not cached.
    pub(crate) fn key(
        end: usize,
        expr_as_stmt: bool,
        allowed: Option<&[std::borrow::Cow<'static, str>]>,
        text: &str,
    ) -> Option<String> {
        let allowed = allowed.map_or("all".to_string(), |a| format!("only {}", a.join(",")));
        (text.len() <= MAX_TEXT).then(|| format!("{end}:{}:{allowed}\0{text}", expr_as_stmt as u8))
    }

    pub(crate) fn get(&self, key: &str) -> Option<Arc<Entry>> {
        let entries = self.entries.lock().ok()?;
        let e = entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, e)| e.clone());
        #[cfg(test)]
        if e.is_some() {
            self.hits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        e
    }

    #[cfg(test)]
    pub(crate) fn hits(&self) -> usize {
        self.hits.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether a compile of `key` just made is worth keeping: true the second time a key
    /// is compiled (module comment).
    pub(crate) fn admit(&self, key: &str) -> bool {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let h = BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
            .hash_one(key);
        let Ok(mut seen) = self.seen.lock() else {
            return false;
        };
        if let Some(i) = seen.iter().position(|&s| s == h) {
            seen.remove(i);
            return true;
        }
        if seen.len() >= MAX_SEEN {
            seen.pop_front();
        }
        seen.push_back(h);
        false
    }

    pub(crate) fn put(&self, key: String, entry: Arc<Entry>) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.iter().any(|(k, _)| *k == key) {
            return;
        }
        if entries.len() >= MAX_ENTRIES {
            entries.pop_front();
        }
        entries.push_back((key, entry));
    }
}

#[cfg(test)]
mod tests {
    use crate::{Error, Value, Vm};

    /// A VM of this test's own configuration (its `os.Args`), so that its image and cache
    /// are this test's.
    fn vm(test: &str) -> Vm {
        Vm::builder().args(&[test]).capture_stdout().build()
    }

    fn hits(vm: &Vm) -> usize {
        let live = vm.live_session().expect("a session");
        live.first_inputs.as_ref().map_or(0, |(c, _)| c.hits())
    }

    /// A session whose first input came from the cache goes on exactly as the session
    /// that compiled it: the same output, values, later inputs, calls, panics with the
    /// input's own positions, and compile errors.
    #[test]
    fn a_cached_first_input_runs_as_the_compiled_one() {
        let first = "type P struct{ X, Y int }\nvar ps = []P{{1, 2}, {3, 4}}\nfunc Sum() int { s := 0; for _, p := range ps { s += p.X * p.Y }; return s }";
        let run = || {
            let mut vm = vm("first-inputs-1");
            let mut out = Vec::new();
            vm.eval(first).unwrap();
            let from_cache = hits(&vm);
            out.push(format!("{:?}", vm.eval("Sum()").unwrap()));
            vm.eval("fmt.Println(strings.ToUpper(\"hi\"), len(ps))")
                .unwrap();
            out.push(vm.take_stdout());
            out.push(format!("{:?}", vm.call("Sum", &[]).unwrap()));
            out.push(format!("{:?}", vm.eval("var q *P\n_ = q.X").unwrap_err()));
            out.push(format!("{:?}", vm.eval("y := Sum() + \"s\"").unwrap_err()));
            (from_cache, out)
        };
        // The first VM of the configuration initialises and keeps the image; the next
        // ones start from it, the second of them compiling `first` into the cache.
        let (_, a) = run();
        let (_, b) = run();
        let (stored, c0) = run();
        let (hit, c) = run();
        assert_eq!(a, b);
        assert_eq!(b, c0);
        assert_eq!(b, c);
        assert_eq!(
            (stored, hit),
            (0, 1),
            "the fourth session took the third's compile"
        );
        assert_eq!(c[0], "Int(14)");
        assert_eq!(c[1], "HI 2\n");
        assert!(c[3].contains("nil pointer dereference"), "{}", c[3]);
        assert!(c[3].contains("<input 4>:2"), "{}", c[3]);
        assert!(
            c[4].contains("mismatched types int and untyped string"),
            "{}",
            c[4]
        );
    }

    /// Failures are cached with their diagnostics, and an expression with no value (tried
    /// as a value first, then as a statement) takes the cache at both tries.
    #[test]
    fn cached_failures_and_retries_say_what_the_compile_said() {
        // The result, the output, and how many times the input came from the cache.
        let go = |src: &str| {
            let mut vm = vm("first-inputs-2");
            vm.type_of("1").unwrap();
            let h0 = hits(&vm);
            let r = vm.eval(src);
            let out = vm.take_stdout();
            (r, out, hits(&vm) - h0)
        };
        let mut taken = Vec::new();
        for _ in 0..4 {
            let (r, _, hits) = go("undefinedName + 1");
            taken.push(hits);
            match r {
                Err(Error::Compile(d)) => {
                    assert_eq!(d[0].message, "undefined: undefinedName");
                    assert_eq!((d[0].line, d[0].col), (1, 1));
                }
                other => panic!("{other:?}"),
            }
        }
        for _ in 0..4 {
            let (r, out, hits) = go("print(\"no value\"); runtime.GC()");
            assert_eq!(r.unwrap(), Value::Nil);
            assert_eq!(out, "");
            taken.push(hits);
        }
        // The configuration's first VM initialises (no image yet), the second compiles,
        // the third compiles again and keeps it, the fourth takes the failure from the
        // cache; then the no-value expression: compiled by two, taken at both tries by
        // the next two.
        assert_eq!(taken, [0, 0, 0, 1, 0, 0, 2, 2]);
    }

    /// VMs of one configuration that allow different packages do not share a compile:
    /// an input importing `os` fails where `os` is not allowed and runs where it is.
    #[test]
    fn the_allowed_packages_are_part_of_the_key() {
        let src = "import \"os\"\nlen(os.Args)";
        let go = |allow: bool| {
            let mut b = Vm::builder().args(&["first-inputs-3"]);
            if allow {
                b = b.allow_package("os");
            }
            b.build().eval(src)
        };
        for _ in 0..4 {
            let denied = go(false);
            assert!(
                matches!(&denied, Err(Error::Compile(d)) if d[0].message.contains("not allowed")),
                "{denied:?}"
            );
            assert_eq!(go(true).unwrap(), Value::Int(1));
        }
    }
}
