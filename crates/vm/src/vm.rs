//! The VM: the loaded program, its heap, the goroutine's stack and output streams.
//!
//! Invariants: `gctypes[i]` is the heap's id for the program's GC type `i`; `strings[i]` is
//! the static address of string constant `i`; `closures[f]` is the static closure object of
//! function `f` (used for func values of top-level functions); `itabs` starts as the
//! program's itabs and grows when a dynamic conversion needs a new one.

use crate::error::{Trap, VmError};
use crate::frame::CallInfo;
use crate::natives::{Native, NativeRegistry};
use gosub_bytecode::program::{Itab, Program};
use gosub_heap::{Addr, GcTypeId, Heap, HeapConfig, StackRegion};
use gosub_layered::Prefixed;
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

/// Go's default maximum stack size on 64-bit systems, in bytes.
pub const DEFAULT_MAX_STACK: u64 = 1_000_000_000;

/// Settings for one VM.
#[derive(Clone, Debug, PartialEq)]
pub struct VmConfig {
    pub heap: HeapConfig,
    /// The largest stack any goroutine may grow to (stacks start at 2 KiB and double;
    /// Go's own limit, `debug.SetMaxStack`, applies too).
    pub max_stack: u64,
    /// Command-line arguments (os.Args).
    pub args: Vec<String>,
    /// Budget of loop iterations and calls (backward jumps + calls); None = unlimited.
    pub fuel: Option<u64>,
    /// What the program may reach outside the VM (files, environment, exit).
    pub caps: crate::caps::Capabilities,
    /// Run the inner loop (`fast_loop.rs`); off (`GOSUBDEBUG=innerloop=0` in the CLI),
    /// the dispatch loop runs every instruction itself, which must print the same.
    pub inner_loop: bool,
}

impl Default for VmConfig {
    fn default() -> Self {
        VmConfig {
            heap: HeapConfig::default(),
            max_stack: 1 << 30,
            args: vec!["prog".into()],
            fuel: None,
            caps: crate::caps::Capabilities::all(),
            inner_loop: true,
        }
    }
}

/// An entry of the interpreter's cache of validated array ranges (`access::elem_ptr`): two
/// entries, most recently filled first, so a loop that walks two arrays keeps both.
/// Emptied whenever machine pointers into the heap may go stale (`Vm::forget_elem_ptrs`).
#[derive(Clone, Copy)]
pub struct ElemCache {
    /// The range [lo, lo + len) of VM addresses, at machine address `ptr`.
    pub lo: Addr,
    pub len: u64,
    /// `len - 7`, or 0 when `len < 8`: a word at offset `d` fits when `d < len8`, one
    /// compare (`access::cached_elem_ptr`).
    pub len8: u64,
    pub ptr: *mut u8,
}

impl ElemCache {
    /// An entry that holds no address.
    pub const EMPTY: ElemCache = ElemCache {
        lo: 0,
        len: 0,
        len8: 0,
        ptr: std::ptr::null_mut(),
    };
}

// SAFETY: the cached pointer is only dereferenced by the thread running the VM while it
// owns `&mut Vm`; moving the VM to another thread moves the heap mapping with it.
unsafe impl Send for ElemCache {}

/// A fast hasher for the itab cache's (dynamic type, interface type) keys (FxHash's mix;
/// keys are small trusted integers, so no flooding resistance is needed).
#[derive(Default)]
pub struct PairHasher(u64);

impl std::hash::Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.write_u64(v as u64);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// The itab of each (dynamic type, interface) pair made so far, by `Vm::itabs` index.
pub type ItabCache = HashMap<(u32, u32), u32, std::hash::BuildHasherDefault<PairHasher>>;

/// Maps a source offset to (file name, line).
pub type SourcePosFn = Box<dyn Fn(u32) -> (String, u32) + Send>;

pub struct PanicRec {
    /// The panic value: itab word and a handle for the data word.
    pub itab: u64,
    pub data: gosub_heap::HandleId,
    pub recovered: bool,
    /// A runtime error (printed with `runtime error: `; `[recovered]` marks).
    pub runtime_msg: Option<String>,
    /// The value is one of the runtime's fixed errors (a single value in Go, such as
    /// `divideError`): every panic with it has the same value (`panic::die`).
    pub fixed_error: bool,
    /// The depth (`Vm::frames.len()`) of the deferred call this panic runs or ran last;
    /// 0 before its first. An older panic whose deferred call is at or above the depth of
    /// a recovering call was aborted by a newer panic unwinding through that call, and
    /// ends with the recovered one.
    pub defer_depth: usize,
    /// Not a panic: `runtime.Goexit` unwinding the goroutine (never recovered; the
    /// goroutine ends quietly when its last deferred call has run).
    pub goexit: bool,
}

pub struct Vm {
    pub heap: Heap,
    pub prog: Arc<Program>,
    pub gctypes: Prefixed<GcTypeId>,
    pub strings: Prefixed<(Addr, u64)>,
    /// Address of each of the program's static boxes (`Program::static_boxes`).
    pub static_boxes: Prefixed<Addr>,
    pub closures: Prefixed<Addr>,
    pub itabs: Prefixed<Itab>,
    pub itab_cache: ItabCache,
    /// The program's natives, by index (shared with the image a VM was stamped from).
    pub natives: Prefixed<Native>,
    pub globals: Addr,
    /// The running goroutine's stack; a frame ending past `stack_guard` is entered only
    /// after `stack::grow` (crates/vm/src/stack.rs).
    pub stack: StackRegion,
    pub stack_guard: Addr,
    /// Stacks left by moves under gcstress, poisoned and kept out of the pool for a while.
    pub stack_quarantine: std::collections::VecDeque<StackRegion>,
    /// Under gcstress: the last call that found the guard moved the stack (`stack::grow`).
    pub stack_stress_moved: bool,
    /// Go's maximum goroutine stack size (runtime/debug.SetMaxStack; 1,000,000,000 bytes
    /// by default): a goroutine whose frames would pass `stack.base` plus this much, or its
    /// reserved range, dies of stack overflow.
    pub max_stack_bytes: u64,
    pub frames: Vec<CallInfo>,
    pub panics: Vec<PanicRec>,
    pub stdout: Box<dyn Write + Send>,
    pub stderr: Box<dyn Write + Send>,
    /// What os.Stdin reads (default: nothing, EOF at once; the CLI gives the process's).
    pub stdin: Box<dyn std::io::Read + Send>,
    /// State kept by natives for the run, one value per type (e.g. package os's open
    /// files): see `ext_mut`.
    pub ext: Vec<Box<dyn std::any::Any + Send>>,
    pub gc_epoch: u64,
    pub map_gctypes: HashMap<u32, GcTypeId>,
    /// Map types' shapes by rtype index, filled as maps are used (`maps::shape`).
    pub(crate) map_shapes: Vec<Option<crate::maps::Shape>>,
    pub config: VmConfig,
    /// Current frame registers (valid while running).
    pub cur_func: u32,
    pub cur_fp: Addr,
    pub cur_kind: crate::frame::CallKind,
    /// Rtype index of `string` (for boxing runtime error messages), if present.
    pub string_rtype: Option<u32>,
    /// The instruction being executed when the last trap was raised.
    pub cur_pc: usize,
    /// Stack maps per instruction, computed for a function the first time a collection
    /// finds it on a stack (`gc::live_maps`); cleared when the program is replaced.
    pub live_maps: HashMap<u32, Option<Arc<gosub_bytecode::liveness::LiveMaps>>>,
    /// (function, pc) frames captured when the current panic started, innermost first.
    pub traceback: Vec<(u32, usize)>,
    /// Maps a source offset to (file name, line) for tracebacks.
    pub source_pos: Option<SourcePosFn>,
    /// Remaining fuel (u64::MAX when unlimited: it never reaches zero in practice).
    pub fuel: u64,
    /// The scheduler and the goroutines not running now.
    pub sched: crate::sched::Sched,
    /// Wait queues of channels, by channel id.
    pub chans: crate::chan::WaitQueues,
    pub next_chan_id: u64,
    /// The running goroutine's pending select (channels waited on, chosen-index slot).
    pub cur_select: Option<(Vec<u64>, Addr)>,
    /// A panic the running goroutine must raise when it resumes.
    pub cur_pending_panic: Option<String>,
    /// Set by the unwinding of `runtime.Goexit` when it has run the goroutine's last
    /// deferred call: the scheduler then ends the goroutine.
    pub goexit_done: bool,
    /// The main goroutine ended with `runtime.Goexit`: the program goes on until no
    /// goroutine is left, which is then a deadlock (Go's `no goroutines` report).
    pub main_goexited: bool,
    /// Pending timers (time.Sleep, Timer, Ticker, AfterFunc): see `timers.rs`.
    pub timers: crate::timers::Timers,
    /// The origin of the VM's monotonic clock (`nanotime`).
    pub clock_start: std::time::Instant,
    /// Emptied whenever machine pointers into the heap may go stale: `forget_elem_ptrs`.
    pub elem_cache: [ElemCache; 2],
    /// The address of zero-size allocations (Go's `zerobase`): non-nil, never dereferenced.
    pub zerobase: Addr,
    /// The function whose native closure is running (set before a `Native::Closure` is
    /// called): a host function reads its signature's runtime types through it.
    pub native_func: u32,
    /// The running native closure's invocation, numbered across the process
    /// (`next_native_call`): a Go func a host function was passed is callable during that
    /// invocation only, never from another, in this VM or another.
    pub native_calls: u64,
    /// The frame (address, size) of the native `natives::call` runs: `Args::new` reads and
    /// writes a frame it finds here through one machine pointer instead of translating every
    /// word (the frame does not move while its native runs: `stack.rs`).
    pub native_frame: (Addr, u32),
    /// The runtime's `staticuint64s`: 256 words holding 0..255, where small values boxed
    /// into interfaces point (`BoxKind::Small`) instead of allocating, as in Go.
    pub staticuint64s: Addr,
    /// C memory handed out by the cgo emulation (crates/vm/src/cmem.rs).
    pub cmem: crate::cmem::CMem,
    /// Set from any thread to stop the running program with `VmError::Interrupted`; polled
    /// where the scheduler's time slice runs out (every `sched::SLICE` loop iterations or
    /// calls). The VM clears it when it reports the interruption.
    pub interrupt: Arc<std::sync::atomic::AtomicBool>,
    /// Print Go's report of a dying program (`panic: ...` and the traceback, `fatal error:
    /// ...`) on stderr. Embedders turn it off and read the `VmError` instead.
    pub report_fatal: bool,
    /// The allocation profile, when the host asked for one (`alloc_profile.rs`).
    pub profile: Option<Box<crate::alloc_profile::AllocProfile>>,
    /// Native-to-Go calls in progress, nested (`call::call_with`).
    pub callback_depth: u32,
}

impl Vm {
    /// The natives' state of type `T` for this run, created (`Default`) on first use.
    pub fn ext_mut<T: std::any::Any + Send + Default>(&mut self) -> &mut T {
        let i = match self.ext.iter().position(|b| b.is::<T>()) {
            Some(i) => i,
            None => {
                self.ext.push(Box::new(T::default()));
                self.ext.len() - 1
            }
        };
        self.ext[i]
            .downcast_mut::<T>()
            .expect("the type was just checked")
    }

    /// Loads a compiled program: registers GC types, places constants and globals.
    pub fn new(prog: Program, natives: &NativeRegistry, config: VmConfig) -> Result<Vm, VmError> {
        Self::new_after(prog, natives, config, None)
    }

    /// `new` for a program that shares functions with `verified`, a program an earlier VM
    /// loaded (and so verified): only the functions that are not the very same shared
    /// ones are verified again (`verify::verify_grown`). Many VMs of one process start
    /// from the same compiled standard library this way.
    pub fn new_after(
        prog: impl Into<Arc<Program>>,
        natives: &NativeRegistry,
        config: VmConfig,
        verified: Option<&Program>,
    ) -> Result<Vm, VmError> {
        // (Shared: many VMs of a process may hold one compiled program.)
        let prog: Arc<Program> = prog.into();
        let oom = |_| commit_failed();
        let reserve = config.heap.reserve_bytes;
        let mut heap = Heap::new(config.heap.clone()).map_err(|_| reserve_failed(reserve))?;
        let gctypes = prog
            .gctypes
            .iter()
            .map(|g| heap.register_type(g.size, &g.ptr_words))
            .collect();
        let mut strings = Vec::new();
        for s in &prog.strings {
            let a = if s.is_empty() {
                0
            } else {
                heap.alloc_static(s).map_err(oom)?
            };
            strings.push((a, s.len() as u64));
        }
        let mut static_boxes = Vec::new();
        for b in &prog.static_boxes {
            let a = place_static_box(&mut heap, b, |k| strings.get(k).map(|s| s.0));
            static_boxes.push(a.map_err(oom)?);
        }
        let mut closures = Vec::new();
        for i in 0..prog.funcs.len() {
            let a = heap.alloc_static(&(i as u64).to_le_bytes()).map_err(oom)?;
            closures.push(a);
        }
        // 32 zero bytes: the address of zero-size objects and, as the runtime's zeroVal,
        // the box of "" and of nil slices (`BoxKind`), so it must hold a zero slice header.
        let zerobase = heap.alloc_static(&[0u8; 32]).map_err(oom)?;
        let table: Vec<u8> = (0..256u64).flat_map(u64::to_le_bytes).collect();
        let staticuint64s = heap.alloc_static(&table).map_err(oom)?;
        globals_fit(prog.globals_size as u64, heap.layout().globals.size)?;
        let globals = heap
            .globals(prog.globals_size as u64, &prog.globals_ptr_words)
            .map_err(oom)?;
        let nat = resolve_natives(&prog, natives)?;
        match verified {
            Some(old) => crate::verify::verify_grown(&prog, old),
            None => crate::verify::verify(&prog),
        }
        .map_err(VmError::Load)?;
        let string_rtype = prog
            .rtypes
            .iter()
            .position(|r| r.name == "string" && !r.named)
            .map(|i| i as u32);
        let itabs: Vec<_> = prog.itabs.iter().cloned().collect();
        let mut itab_cache = ItabCache::default();
        for (i, it) in itabs.iter().enumerate() {
            itab_cache.insert((it.rtype, it.iface), i as u32);
        }
        let tables = Tables {
            gctypes,
            strings: strings.into_iter().collect(),
            static_boxes: static_boxes.into_iter().collect(),
            closures: closures.into_iter().collect(),
            itabs: itabs.into_iter().collect(),
            itab_cache,
            globals,
            zerobase,
            staticuint64s,
            string_rtype,
        };
        Vm::assemble(heap, prog, tables, nat.into(), config)
    }

    /// A VM of `heap` (whose regions `tables` describes) that has not run yet: the main
    /// goroutine gets a fresh stack.
    pub(crate) fn assemble(
        mut heap: Heap,
        prog: Arc<Program>,
        tables: Tables,
        nat: Prefixed<Native>,
        config: VmConfig,
    ) -> Result<Vm, VmError> {
        let stack = heap
            .alloc_goroutine_stack(gosub_heap::STACK_MIN)
            .map_err(|_| commit_failed())?;
        let fuel = config.fuel.map(|f| f.max(1)).unwrap_or(u64::MAX);
        Ok(Vm {
            heap,
            prog,
            gctypes: tables.gctypes,
            strings: tables.strings,
            static_boxes: tables.static_boxes,
            closures: tables.closures,
            itabs: tables.itabs,
            itab_cache: tables.itab_cache,
            natives: nat,
            globals: tables.globals,
            stack,
            stack_guard: stack.limit,
            stack_quarantine: Default::default(),
            stack_stress_moved: false,
            max_stack_bytes: DEFAULT_MAX_STACK,
            frames: Vec::new(),
            panics: Vec::new(),
            stdout: Box::new(std::io::BufWriter::new(std::io::stdout())),
            stderr: Box::new(std::io::stderr()),
            stdin: Box::new(std::io::empty()),
            ext: Vec::new(),
            gc_epoch: 0,
            map_gctypes: HashMap::new(),
            map_shapes: Vec::new(),
            config,
            cur_func: 0,
            cur_fp: 0,
            cur_kind: crate::frame::CallKind::Normal,
            string_rtype: tables.string_rtype,
            cur_pc: 0,
            live_maps: HashMap::new(),
            traceback: Vec::new(),
            source_pos: None,
            fuel,
            sched: crate::sched::Sched {
                gs: vec![None],
                next_id: 1,
                cur_id: 1,
                tick: crate::sched::SLICE.min(fuel),
                slice_len: crate::sched::SLICE.min(fuel),
                ..Default::default()
            },
            chans: Default::default(),
            next_chan_id: 0,
            cur_select: None,
            cur_pending_panic: None,
            goexit_done: false,
            main_goexited: false,
            timers: Default::default(),
            clock_start: std::time::Instant::now(),
            elem_cache: [ElemCache::EMPTY; 2],
            zerobase: tables.zerobase,
            native_func: 0,
            native_calls: 0,
            native_frame: (0, 0),
            staticuint64s: tables.staticuint64s,
            cmem: Default::default(),
            interrupt: Arc::new(std::sync::atomic::AtomicBool::new(false)),
            report_fatal: true,
            profile: None,
            callback_depth: 0,
        })
    }

    /// Runs the program's entry (globals, init functions, main.main).
    pub fn run_main(&mut self) -> Result<(), VmError> {
        let entry = self.prog.entry;
        let r = crate::sched::run(self, entry);
        let _ = self.stdout.flush();
        r
    }

    /// Runs function `func` as the main goroutine, with `params` as its parameter bytes, and
    /// hands its frame to `read` once it has returned (`sched::run_call`; `gc_off` is the
    /// collector's state to restore once the parameters are in the frame).
    pub fn run_func<R>(
        &mut self,
        func: u32,
        params: &[u8],
        gc_off: bool,
        read: impl FnOnce(&mut Vm, Addr) -> R,
    ) -> Result<R, VmError> {
        if self.prog.funcs.get(func as usize).is_none() {
            self.heap.set_gc_inhibited(gc_off);
            return Err(VmError::Load(format!("no function {func}")));
        }
        let r = crate::sched::run_call(self, func, params, gc_off, read);
        let _ = self.stdout.flush();
        r
    }

    /// Replaces the program by a grown version of it (an eval session's next input):
    /// everything the old program had keeps its index in `prog`, the globals block grows in
    /// place, and new GC types, string constants, functions and natives are registered.
    /// The VM's own itabs must be a prefix of `prog.itabs` (the compiler was seeded with
    /// them). Then `run_main` runs `prog.entry`.
    pub fn load_more(
        &mut self,
        prog: impl Into<Arc<Program>>,
        natives: &NativeRegistry,
    ) -> Result<(), VmError> {
        let prog: Arc<Program> = prog.into();
        let oom = |_| commit_failed();
        crate::verify::verify_grown(&prog, &self.prog).map_err(VmError::Load)?;
        // Map shapes are cached by rtype index, which a compiler's growing program never
        // renumbers; computed again rather than trusted across programs.
        self.map_shapes.clear();
        let mut nat = Vec::new();
        for n in prog.natives.from(self.natives.len()) {
            match natives.get(n) {
                Some(f) => nat.push(f),
                None => {
                    return Err(VmError::Load(format!(
                        "missing native implementation of {}",
                        n
                    )))
                }
            }
        }
        let old_size = self.prog.globals_size as u64;
        let new_size = prog.globals_size as u64;
        globals_fit(new_size, self.heap.layout().globals.size)?;
        if new_size > old_size {
            let first = (old_size / 8) as u32;
            let words: Vec<u32> = prog
                .globals_ptr_words
                .iter()
                .filter(|&&w| w >= first)
                .map(|&w| w - first)
                .collect();
            let a = self
                .heap
                .globals(new_size - old_size, &words)
                .map_err(oom)?;
            if a != self.globals + old_size {
                return Err(VmError::Load(
                    "the globals block cannot grow in place".into(),
                ));
            }
        }
        self.natives.extend(nat);
        grow(&mut self.gctypes, prog.gctypes.len());
        grow(&mut self.strings, prog.strings.len());
        grow(&mut self.static_boxes, prog.static_boxes.len());
        grow(&mut self.closures, prog.funcs.len());
        for g in prog.gctypes.from(self.gctypes.len()) {
            let id = self.heap.register_type(g.size, &g.ptr_words);
            self.gctypes.push(id);
        }
        for s in prog.strings.from(self.strings.len()) {
            let a = if s.is_empty() {
                0
            } else {
                self.heap.alloc_static(s).map_err(oom)?
            };
            self.strings.push((a, s.len() as u64));
        }
        for b in prog.static_boxes.from(self.static_boxes.len()) {
            let a = place_static_box(&mut self.heap, b, |k| self.strings.get(k).map(|s| s.0))
                .map_err(oom)?;
            self.static_boxes.push(a);
        }
        for i in self.closures.len()..prog.funcs.len() {
            let a = self
                .heap
                .alloc_static(&(i as u64).to_le_bytes())
                .map_err(oom)?;
            self.closures.push(a);
        }
        let first = self.itabs.len();
        for (i, it) in prog.itabs.from(first).enumerate() {
            self.itab_cache
                .insert((it.rtype, it.iface), (first + i) as u32);
            self.itabs.push(it.clone());
        }
        if self.string_rtype.is_none() {
            self.string_rtype = prog
                .rtypes
                .iter()
                .position(|r| r.name == "string" && !r.named)
                .map(|i| i as u32);
        }
        self.prog = prog;
        self.live_maps.clear();
        self.forget_elem_ptrs();
        Ok(())
    }

    /// Gives the next run the configured fuel budget afresh (an eval session's inputs each
    /// get the whole budget).
    pub fn refuel(&mut self) {
        let fuel = self.config.fuel.map(|f| f.max(1)).unwrap_or(u64::MAX);
        self.fuel = fuel;
        self.sched.tick = crate::sched::SLICE.min(fuel);
        self.sched.slice_len = crate::sched::SLICE.min(fuel);
    }

    /// After a run: the main goroutine has no frames (collections between runs must not
    /// scan the returned frame's stale slots), and a stack that grew during the run goes
    /// back to its first size (an eval session keeps its VM between inputs).
    pub fn clear_main_frames(&mut self) {
        self.frames.clear();
        self.cur_fp = 0;
        self.cur_func = 0;
        self.forget_elem_ptrs();
        if self.sched.cur == 0 && self.stack.limit - self.stack.base > gosub_heap::STACK_MIN {
            if let Ok(st) = self.heap.alloc_goroutine_stack(gosub_heap::STACK_MIN) {
                let old = std::mem::replace(&mut self.stack, st);
                self.stack_guard = st.limit;
                crate::stack::free_stack(self, old);
            }
        }
    }

    /// Makes the VM ready to run again after a run that ended in an error: the goroutines
    /// other than main are dropped, panics and the main goroutine's frames are forgotten.
    /// The heap and the globals stay as the failed run left them.
    pub fn recover_after_error(&mut self) {
        use crate::sched::Status;
        let cur = self.sched.cur;
        let gs = std::mem::take(&mut self.sched.gs);
        let mut main = if cur == 0 { Some(self.stack) } else { None };
        for (i, g) in gs.into_iter().enumerate() {
            let Some(g) = g else { continue };
            if i == 0 {
                main = main.or(Some(g.stack));
            } else if g.status != Status::Dead || i == cur {
                self.heap.free_goroutine_stack(g.stack);
            }
        }
        if let Some(st) = main {
            self.stack = st;
            self.stack_guard = st.limit;
        }
        self.sched.gs = vec![None];
        self.sched.cur = 0;
        self.sched.cur_id = 1;
        self.sched.runq.clear();
        self.sched.free.clear();
        self.chans.clear();
        self.panics.clear();
        self.frames.clear();
        self.traceback.clear();
        self.cur_select = None;
        self.cur_pending_panic = None;
        crate::timers::clear(self);
        self.cur_kind = crate::frame::CallKind::Normal;
        self.clear_main_frames();
    }

    /// Writes Go's report of a dying program to stderr, unless `report_fatal` is off.
    pub fn write_report(&mut self, s: &str) {
        if self.report_fatal {
            self.write_stderr(s);
        } else {
            let _ = self.stdout.flush();
        }
    }

    /// Writes to stderr after flushing stdout, so the streams interleave as Go's do.
    pub fn write_stderr(&mut self, s: &str) {
        let _ = self.stdout.flush();
        let _ = self.stderr.write_all(s.as_bytes());
        let _ = self.stderr.flush();
    }

    // ----- helpers for natives and the interpreter -----

    /// The VM's monotonic clock: nanoseconds since the VM was made, plus one (so a reading
    /// is never 0, which Go's time package reserves for "no monotonic reading").
    pub fn nanotime(&self) -> i64 {
        (self.clock_start.elapsed().as_nanos() as i64).saturating_add(1)
    }

    /// Empties the element cache (`ElemCache`): called wherever a machine pointer into the
    /// heap may go stale, that is where objects move or VM memory is given back: every
    /// collection (`gc::collect`), the release of a stack or a C block, a new program and
    /// the end of a run. An allocation that does not collect moves and frees nothing.
    pub fn forget_elem_ptrs(&mut self) {
        self.elem_cache = [ElemCache::EMPTY; 2];
    }

    /// `alloc` of one object of gc type index `gcty` when the nursery's bump serves it
    /// (`Heap::alloc_young`) and no allocation profile records it: never a collection, so
    /// the inner loop runs it (`fast_loop.rs`). None otherwise (and nothing done).
    #[inline(always)]
    pub fn alloc_young(&mut self, gcty: u32) -> Option<Addr> {
        if self.profile.is_some() {
            return None;
        }
        self.heap.alloc_young(self.gcty(gcty), 1)
    }

    /// Allocates, collecting first if the heap asks for it. The nursery's bump fast path
    /// (`Heap::alloc`, inline) is inlined into the interpreter's allocation instructions;
    /// collecting and retrying is the cold path.
    #[inline]
    pub fn alloc(&mut self, gcty: GcTypeId, count: usize) -> Result<Addr, Trap> {
        if self.profile.is_some() {
            return self.alloc_profiled(gcty, count);
        }
        match self.heap.alloc(gcty, count) {
            Ok(a) => Ok(a),
            Err(e) => self.alloc_slow(gcty, count, e),
        }
    }

    /// `alloc` with the allocation profile on (`alloc_profile.rs`).
    #[cold]
    #[inline(never)]
    fn alloc_profiled(&mut self, gcty: GcTypeId, count: usize) -> Result<Addr, Trap> {
        let mut before = self.heap.total_alloc();
        let a = match self.heap.alloc(gcty, count) {
            Ok(a) => a,
            Err(e) => {
                // Measured around the retry only: the collection's promotions add to
                // TotalAlloc too (a cell's size-class rounding).
                self.collect_for_alloc(e)?;
                before = self.heap.total_alloc();
                self.heap
                    .alloc(gcty, count)
                    .map_err(|_| Trap::OutOfMemory)?
            }
        };
        let bytes = self.heap.total_alloc() - before;
        crate::alloc_profile::allocated(self, a, bytes);
        self.heap.sample_if_due();
        Ok(a)
    }

    #[cold]
    #[inline(never)]
    fn alloc_slow(
        &mut self,
        gcty: GcTypeId,
        count: usize,
        e: gosub_heap::AllocError,
    ) -> Result<Addr, Trap> {
        self.collect_for_alloc(e)?;
        self.heap.alloc(gcty, count).map_err(|_| Trap::OutOfMemory)
    }

    /// The collection an allocation that failed with `e` asks for (out of memory when it
    /// asked for none).
    fn collect_for_alloc(&mut self, e: gosub_heap::AllocError) -> Result<(), Trap> {
        if e != gosub_heap::AllocError::NeedsCollection {
            return Err(Trap::OutOfMemory);
        }
        crate::gc::collect(self, gosub_heap::GcKind::Minor)
    }

    /// Reads a Go string (ptr, len) stored at `addr`.
    pub fn read_string(&self, addr: Addr) -> Result<Vec<u8>, Trap> {
        Ok(self.string_bytes(addr)?.to_vec())
    }

    /// The bytes of the Go string whose header is at `addr`, in place.
    pub fn string_bytes(&self, addr: Addr) -> Result<&[u8], Trap> {
        let p = self.heap.read_u64(addr)?;
        let n = self.heap.read_u64(addr + 8)?;
        if n == 0 {
            return Ok(&[]);
        }
        Ok(self.heap.bytes(p, n as usize)?)
    }

    /// Allocates a Go string with these bytes and returns (ptr, len).
    pub fn new_string(&mut self, s: &[u8]) -> Result<(Addr, u64), Trap> {
        if s.is_empty() {
            return Ok((0, 0));
        }
        let p = self.alloc(GcTypeId::BYTES, s.len())?;
        self.heap.write_bytes(p, s)?;
        Ok((p, s.len() as u64))
    }

    /// Writes a new Go string into the word pair at `addr`.
    pub fn store_new_string(&mut self, addr: Addr, s: &[u8]) -> Result<(), Trap> {
        let (p, n) = self.new_string(s)?;
        self.heap.write_u64(addr, p)?;
        self.heap.write_u64(addr + 8, n)?;
        Ok(())
    }

    pub fn gcty(&self, i: u32) -> GcTypeId {
        self.gctypes
            .get(i as usize)
            .copied()
            .unwrap_or(GcTypeId::BYTES)
    }
}

/// Makes room in `v` for `len` elements in all (`Prefixed::grow_to`: by an eighth of its
/// own tail; a VM stamped from an image shares the standard library's thousands in the
/// prefix).
fn grow<T: Clone>(v: &mut Prefixed<T>, len: usize) {
    v.grow_to(len);
}

/// The error of a VM whose heap could not reserve its `reserve` bytes of address space.
pub(crate) fn reserve_failed(reserve: u64) -> VmError {
    VmError::Load(format!(
        "cannot reserve the VM's address space: each VM reserves {} MiB of address \
         space (not memory) for its heap and stacks, and the process has no room for \
         another (its 128 TiB hold about 2,000 VMs of 64 GiB, 130,000 of 1 GiB, the \
         default of an embedded VM, 500,000 of 256 MiB); drop VMs that are no longer \
         used, or reserve less for each (VmBuilder::reserve, or VmBuilder::heap_limit: \
         it reserves four times the limit, at least 256 MiB; GOSUBMEMLIMIT for the \
         gosub command)",
        reserve >> 20
    ))
}

/// Where a loaded program's constants, closures and globals are in the heap, and the
/// tables loading built (`Vm::new_after`): what a VM image keeps (`image.rs`).
#[derive(Clone)]
pub(crate) struct Tables {
    pub gctypes: Prefixed<GcTypeId>,
    pub strings: Prefixed<(Addr, u64)>,
    pub static_boxes: Prefixed<Addr>,
    pub closures: Prefixed<Addr>,
    pub itabs: Prefixed<Itab>,
    pub itab_cache: ItabCache,
    pub globals: Addr,
    pub zerobase: Addr,
    pub staticuint64s: Addr,
    pub string_rtype: Option<u32>,
}

/// The error of a program whose native `name` has no implementation.
pub(crate) fn missing_native(name: &str) -> VmError {
    VmError::Load(format!("missing native implementation of {}", name))
}

/// The implementations of the program's natives, in its order.
pub(crate) fn resolve_natives(
    prog: &Program,
    natives: &NativeRegistry,
) -> Result<Vec<Native>, VmError> {
    prog.natives
        .iter()
        .map(|n| natives.get(n).ok_or_else(|| missing_native(n)))
        .collect()
}

/// Copies a constant's static box into static data, with its string data pointers filled
/// in from the placed string constants.
fn place_static_box(
    heap: &mut Heap,
    b: &gosub_bytecode::program::StaticBox,
    string_at: impl Fn(usize) -> Option<Addr>,
) -> Result<Addr, gosub_heap::AllocError> {
    let mut bytes = b.bytes.clone();
    for &(off, k) in &b.strings {
        let p = string_at(k as usize).unwrap_or(0);
        if let Some(d) = bytes.get_mut(off as usize..off as usize + 8) {
            d.copy_from_slice(&p.to_le_bytes());
        }
    }
    if bytes.is_empty() {
        bytes.push(0);
    }
    heap.alloc_static(&bytes)
}

/// The error of a VM whose reserved memory could not be committed (made accessible): on
/// Linux, usually the process's limit of memory mappings (`vm.max_map_count`; each VM maps
/// its regions separately, about 8), which the message says when it is near, with what to
/// do.
pub fn commit_failed() -> VmError {
    let count = |path: &str| -> Option<usize> {
        let s = std::fs::read_to_string(path).ok()?;
        Some(if path.ends_with("maps") {
            s.lines().count()
        } else {
            s.trim().parse().ok()?
        })
    };
    match (
        count("/proc/self/maps"),
        count("/proc/sys/vm/max_map_count"),
    ) {
        (Some(maps), Some(max)) if maps + 64 >= max => VmError::Load(format!(
            "cannot commit the VM's memory: the process has {maps} memory mappings and the \
             system allows {max} (vm.max_map_count); each VM uses about 8. Drop VMs that are \
             no longer used, or raise the limit (sysctl -w vm.max_map_count=N)"
        )),
        _ => VmError::Load(
            "cannot commit the VM's memory (the system refused to make its reserved address \
             space accessible)"
                .into(),
        ),
    }
}

/// Whether package-level variables of `size` bytes fit the globals region of `room` bytes,
/// else the error that says which limit to raise.
fn globals_fit(size: u64, room: u64) -> Result<(), VmError> {
    if size <= room {
        return Ok(());
    }
    Err(VmError::Load(format!(
        "the program's package-level variables take {size} bytes, more than the {room} bytes \
         this VM reserves for them (1/64 of its address-space reservation: 64 GiB for the \
         gosub command, 1 GiB for a VM a host embeds, less under a heap limit): reserve \
         more (GOSUBGC=reserve=SIZE for the gosub command, VmBuilder::reserve for a host), \
         or allocate the data with make or new"
    )))
}

/// A process-wide number for a native closure's invocation (see `Vm::native_calls`).
pub fn next_native_call() -> u64 {
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}
