//! What every eval session starts from (`Start`): the session's base file, `fmt` and
//! `runtime` parsed, checked, analysed and compiled once per process and shared by every
//! VM (`Live::new` clones it).
//!
//! A start also keeps images of a session's VM taken right after the standard library's
//! initialisers ran (`gosub_vm::image`), one per VM configuration: later VMs of that
//! configuration are stamped from the image instead of loading the program and running
//! the initialisers again (`Start::new_vm`, `Start::keep_image_of`).
//!
//! Invariants: a `Start` is never changed once built, but for the images it gathers; what a session changes it changes in
//! its own clone, and the big tables it shares with the start (functions, runtime types,
//! the checker's objects and side tables) are `Arc`ed or layered, copied on write. Its
//! program was verified by the first VM that loaded it (`loaded`), so later VMs verify only
//! what they do not share with it (`gosub_vm::Vm::new_after`).

use crate::driver::{self, Options};
use crate::error::Error;
use crate::first_inputs::FirstInputs;
use crate::live::{rendered, BASE};
use gosub_compile::{GenState, Increment};
use gosub_syntax::ast::NodeId;
use gosub_syntax::{ParseMode, SourceMap};
use gosub_types::Resume;
use gosub_vm::image::VmImage;
use gosub_vm::{NativeRegistry, Vm as RawVm, VmConfig};
use std::sync::atomic::{AtomicBool, Ordering};
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
    pub types: Arc<gosub_types::Program>,
    pub resume: Arc<Resume>,
    pub escapes: Arc<gosub_escape::Escapes>,
    pub prog: std::sync::Arc<gosub_bytecode::program::Program>,
    pub gen: Arc<GenState>,
    pub next_id: NodeId,
    /// A VM loaded `prog`, verifying it (later VMs verify only what they do not share).
    pub loaded: Arc<AtomicBool>,
    /// Images of a session's VM after the initialisers ran, by configuration (at most
    /// `MAX_IMAGES`, found by comparing); empty when images may not be used
    /// (`Start::imageable`).
    images: Arc<Mutex<Images>>,
    imageable: bool,
}

/// A start's images, each with the configuration it was taken with and the first inputs
/// compiled in sessions started from it (src/first_inputs.rs).
type Images = Vec<(VmConfig, Arc<VmImage>, Arc<FirstInputs>)>;

/// The most images one start keeps (a host starting VMs of many configurations, say each
/// with its own `os.Args`, gets images for the first few and loads the rest).
const MAX_IMAGES: usize = 8;

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
        let mut s = Self::build(opts)?;
        // A host package that replaces a standard one may run host code in its
        // initialisers, which an image would skip.
        s.imageable = key.is_empty();
        let s = Arc::new(s);
        // Two threads may have built it at once: the first one kept is everyone's (its
        // images with it).
        match starts.lock() {
            Ok(mut m) => Ok(m.entry(key).or_insert(s).clone()),
            Err(_) => Ok(s),
        }
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
            files: Arc::new(vec![Arc::new(file)]),
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
        // (Its functions and runtime types, compiled from nothing, are the prefix every
        // VM's program shares: gosub_bytecode::Program::freeze.)
        let (prog, gen) = gosub_compile::compile_increment(&types, &escapes, None, inc, false)
            .map_err(|d| Error::Compile(rendered(&d, &map)))?;
        Ok(Start {
            map,
            types: Arc::new(types),
            resume: Arc::new(resume),
            escapes: Arc::new(escapes),
            prog,
            gen: Arc::new(gen),
            next_id: next_id.max(types_next),
            loaded: Arc::default(),
            images: Arc::default(),
            imageable: false,
        })
    }

    /// May a VM of `opts` start from an image? Not when an allocation profile records the
    /// initialisers' allocations. (Which image: the one taken with the same whole
    /// configuration, heap sizes, `os.Args`, capabilities, fuel..., that its initialised
    /// state depends on besides the start.)
    pub(crate) fn uses_images(&self, opts: &Options) -> bool {
        self.imageable && !opts.memory_report
    }

    /// The VM of a new session of `opts`, and, if it was stamped from this start's image
    /// for its configuration (its initialisers ran in the VM the image was taken of), the
    /// image's cache of first inputs; `None` if it was loaded (the caller then runs the
    /// program, which initialises it). A VM the
    /// image does not fit, or whose heap cannot be set up, is loaded the ordinary way,
    /// which says why if it fails too.
    pub(crate) fn new_vm(
        &self,
        opts: &Options,
        natives: &NativeRegistry,
    ) -> Result<(RawVm, Option<Arc<FirstInputs>>), Error> {
        let config = opts.vm_config();
        let image = self.uses_images(opts).then(|| {
            let images = self.images.lock().ok()?;
            let found = images.iter().find(|(c, _, _)| *c == config);
            found.map(|(_, i, f)| (i.clone(), f.clone()))
        });
        if let Some((image, first)) = image.flatten() {
            if let Ok(vm) = RawVm::from_image(&image, natives, config.clone()) {
                return Ok((vm, Some(first)));
            }
        }
        // The start's program was verified by the first VM that loaded it.
        let verified = self.loaded.load(Ordering::Acquire).then_some(&*self.prog);
        let vm =
            RawVm::new_after(self.prog.clone(), natives, config, verified).map_err(Error::from)?;
        self.loaded.store(true, Ordering::Release);
        Ok((vm, None))
    }

    /// Keeps the image of `vm`, a session's VM of `opts` that `new_vm` loaded and that has
    /// just run its initialisers, for the VMs of its configuration (the first one kept
    /// stays). The image holds what the initialisers left and nothing of the session's
    /// own: its natives' state must be only the session's handles, which `Live::new`
    /// pushes first.
    pub(crate) fn keep_image_of(&self, opts: &Options, vm: &mut RawVm) {
        if !self.uses_images(opts) {
            return;
        }
        let config = opts.vm_config();
        let Ok(mut m) = self.images.lock() else {
            return;
        };
        if vm.ext.len() != 1 || m.len() >= MAX_IMAGES || m.iter().any(|(c, _, _)| *c == config) {
            return;
        }
        if let Some(image) = vm.image() {
            m.push((config, Arc::new(image), Arc::default()));
        }
    }
}

#[cfg(test)]
mod tests {
    /// A VM stamped from the start's image (gosub_vm::image) behaves exactly as the VM
    /// whose initialisers ran: the same allocation counters, addresses, map iteration
    /// orders, goroutine ids and collections.
    #[test]
    fn a_vm_from_the_image_behaves_as_the_vm_that_ran_the_initialisers() {
        // A configuration of its own (its os.Args), so that in this test process the
        // first VM runs the initialisers and keeps the image and the second starts from it.
        let inputs = [
            "var m runtime.MemStats; runtime.ReadMemStats(&m); fmt.Println(m.Mallocs, m.TotalAlloc, m.HeapAlloc, m.HeapObjects, m.NumGC, m.StackSys, m.Sys)",
            "fmt.Println(os.Args, len(unicode.Categories), strings.ToUpper(\"héllo\"), unicode.IsUpper('Ä'))",
            "fmt.Printf(\"%p %p %p\\n\", unicode.Categories, &os.Args, unicode.Greek)",
            "ks := []string{}; for k := range unicode.Categories { ks = append(ks, k) }; fmt.Println(ks[:6])",
            "ch := make(chan string); go func() { ch <- fmt.Sprint(new(int) != nil) }(); fmt.Println(<-ch)",
            "a, b := make(chan int, 9), make(chan int, 9); for i := range 9 { a <- i; b <- i }; s := \"\"; for range 9 { select { case <-a: s += \"a\"; case <-b: s += \"b\" } }; fmt.Println(s)",
            "keep := make([][]byte, 0); for i := range 2000 { keep = append(keep, make([]byte, i%300)) }; fmt.Println(len(keep))",
            "runtime.GC(); runtime.ReadMemStats(&m); fmt.Println(m.Mallocs, m.TotalAlloc, m.HeapObjects, m.NumGC, len(keep))",
        ];
        let session = || {
            let mut vm = crate::Vm::builder()
                .args(&["image-test"])
                .allow_package("os")
                .capture_stdout()
                .build();
            for input in inputs {
                vm.eval(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            }
            let from_image = vm.live_session().expect("a session").from_image;
            (from_image, vm.take_stdout())
        };
        let (first_from_image, first) = session();
        let (second_from_image, second) = session();
        assert!(
            !first_from_image,
            "the first VM of its configuration initialises"
        );
        assert!(
            second_from_image,
            "the second starts from the first's image"
        );
        // What each VM copies: the start's static data, globals and young objects, which
        // fmt, runtime and their imports keep small (not strings' and unicode's tables).
        let images: Vec<usize> = (super::STARTS.get().unwrap().lock().unwrap())
            .values()
            .flat_map(|s| {
                let m = s.images.lock().unwrap();
                m.iter().map(|(_, i, _)| i.heap_bytes()).collect::<Vec<_>>()
            })
            .collect();
        assert!(!images.is_empty());
        assert!(
            images.iter().all(|&b| b < 64 << 10),
            "image heap bytes {images:?}"
        );
        assert_eq!(first, second);
        let lines: Vec<&str> = first.lines().collect();
        assert_eq!(lines.len(), 8, "{first}");
        assert_eq!(lines[1], "[image-test] 38 HÉLLO true");
        assert_eq!(lines[4], "true");
        assert_eq!(lines[5].len(), 9, "{first}");
        assert_eq!(lines[6], "2000");
        // Collections ran (runtime.GC's at least) and found the 2,000 slices live.
        let gc: Vec<u64> = lines[7].split(' ').map(|w| w.parse().unwrap()).collect();
        assert!(gc[3] >= 1, "{first}");
        assert!(gc[2] >= 2000, "{first}");
    }
}
