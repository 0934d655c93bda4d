//! The allocation profile: where the program's heap objects were allocated, by call stack,
//! as Go's heap profile records it (`runtime.MemProfileRate`, `runtime/pprof`), and what
//! became of them (the heap's tracked objects, `gosub_heap::tracked`).
//!
//! Invariants:
//! - Off (`Vm::profile` is None) unless the host asked for it (`gosub run --memprofile`, a
//!   program that imports runtime/pprof): `Vm::alloc` then pays one test of `profile`.
//! - A sampled allocation is tracked by the heap under its call stack's tag: `stacks[tag]`
//!   is that stack, (function index, instruction index) innermost first, and
//!   `sampled[tag]` the sampled allocations there (objects and the bytes `TotalAlloc`
//!   counted), unscaled; the heap's `tag_fates()[tag]` says how many died.
//! - `in_frames` counts the allocations escape analysis kept in frames, in a program
//!   compiled to count them (`Op::NoteFrameAlloc`): the memory report's bytes saved.
//! - Sampling follows Go's `mallocgc`: the rate is the program's `runtime.MemProfileRate`
//!   (read at each allocation; 512 KiB when the program has no such variable): 0 samples
//!   nothing, 1 every allocation, R > 1 the allocation that uses up a byte budget drawn
//!   from an exponential distribution of mean R, as Go's `nextSample` draws it. The
//!   generator has a fixed seed, so a run's profile repeats exactly. With `every` (the
//!   memory report), every allocation is recorded whatever the variable says.

use crate::vm::Vm;
use gosub_heap::Addr;
use std::collections::HashMap;

/// Go's default `MemProfileRate`: one sample per 512 KiB allocated, on average.
pub const DEFAULT_RATE: i64 = 512 * 1024;

/// One call stack: (function index, instruction index), innermost first.
pub type Stack = Box<[(u32, u32)]>;

/// Sampled allocations at one stack (unscaled).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sampled {
    pub objects: u64,
    pub bytes: u64,
}

pub struct AllocProfile {
    /// Offset in the globals block of the program's `runtime.MemProfileRate`, if it has
    /// one (the block may move as an eval session grows it).
    rate_var: Option<u64>,
    /// Bytes still to allocate before the next sample (Go's `mcache.nextSample`).
    until_sample: i64,
    rng: u64,
    tag_of: HashMap<Stack, u32>,
    /// Record every allocation whatever the rate (the memory report's exact counts).
    pub every: bool,
    pub stacks: Vec<Stack>,
    pub sampled: Vec<Sampled>,
    /// Allocations kept in frames, counted where the program was compiled to count them
    /// (`Op::NoteFrameAlloc`): by (function, instruction), how many and the bytes they
    /// would have taken on the heap.
    pub in_frames: HashMap<(u32, u32), Sampled>,
}

impl AllocProfile {
    /// A profile for the program `vm` runs.
    pub fn new(vm: &Vm) -> AllocProfile {
        let rate_var = vm
            .prog
            .globals
            .iter()
            .find(|g| g.name == "runtime.MemProfileRate")
            .map(|g| g.offset as u64);
        let mut p = AllocProfile {
            rate_var,
            until_sample: 0,
            rng: 0x9e37_79b9_7f4a_7c15,
            tag_of: HashMap::new(),
            every: false,
            stacks: Vec::new(),
            sampled: Vec::new(),
            in_frames: HashMap::new(),
        };
        p.until_sample = p.next_sample(DEFAULT_RATE);
        p
    }

    /// The sampling rate now: the program's `runtime.MemProfileRate` (1 when `every`).
    pub fn rate(&self, vm: &Vm) -> i64 {
        if self.every {
            return 1;
        }
        match self.rate_var {
            Some(off) => vm
                .heap
                .read_u64(vm.globals + off)
                .map_or(DEFAULT_RATE, |v| v as i64),
            None => DEFAULT_RATE,
        }
    }

    /// Sets the program's `runtime.MemProfileRate` (when it has the variable).
    pub fn set_rate(&self, vm: &mut Vm, rate: i64) {
        if let Some(off) = self.rate_var {
            let _ = vm.heap.write_u64(vm.globals + off, rate as u64);
        }
    }

    /// Go's `nextSample`: bytes to allocate before the next sample.
    fn next_sample(&mut self, rate: i64) -> i64 {
        if rate <= 1 {
            return 0;
        }
        // xorshift64*: a uniform draw in (0, 1], then an exponential one of mean `rate`.
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        let r = self.rng.wrapping_mul(0x2545_f491_4f6c_dd1d);
        let u = ((r >> 11) + 1) as f64 / (1u64 << 53) as f64;
        (-u.ln() * rate as f64).min(i64::MAX as f64) as i64
    }

    /// The tag of `stack`, made on first use.
    fn tag(&mut self, stack: Stack) -> u32 {
        if let Some(&t) = self.tag_of.get(&stack) {
            return t;
        }
        let t = self.stacks.len() as u32;
        self.stacks.push(stack.clone());
        self.sampled.push(Sampled::default());
        self.tag_of.insert(stack, t);
        t
    }
}

/// The most frames a recorded stack keeps, innermost first (Go's default
/// `debug.profstackdepth`): a deep recursion that allocates at every level does not make
/// the profile grow with the square of its depth.
pub const MAX_DEPTH: usize = 128;

/// The running goroutine's call stack where it allocates: the allocating instruction's
/// function (a native's own frame, when a native allocates), then its callers, at most
/// `MAX_DEPTH`; the VM's entry (`runtime.main`) is left out, except where it runs a body
/// inlined into it (a package variable's initializer calling a small function).
pub fn current_stack(vm: &Vm) -> Stack {
    let mut out = Vec::with_capacity((vm.frames.len() + 1).min(MAX_DEPTH + 1));
    out.push((vm.cur_func, vm.cur_pc as u32));
    let callers = crate::frame::caller_pcs(&vm.frames, vm.cur_kind);
    out.extend(callers.take(MAX_DEPTH).map(|(f, pc)| (f, pc as u32)));
    out.retain(|&(f, pc)| {
        vm.prog
            .funcs
            .get(f as usize)
            .is_some_and(|f| f.name != "runtime.main" || f.inlined_at(pc as usize))
    });
    out.truncate(MAX_DEPTH);
    out.into_boxed_slice()
}

/// After `vm.heap` allocated the object at `addr`, `bytes` counted in `TotalAlloc`:
/// samples it as Go's `mallocgc` does (module comment).
pub fn allocated(vm: &mut Vm, addr: Addr, bytes: u64) {
    let Some(mut p) = vm.profile.take() else {
        return;
    };
    let rate = p.rate(vm);
    let sample = match rate {
        r if r <= 0 => false,
        1 => true,
        _ if (bytes as i64) < p.until_sample => {
            p.until_sample -= bytes as i64;
            false
        }
        _ => true,
    };
    if sample {
        p.until_sample = p.next_sample(rate);
        let tag = p.tag(current_stack(vm));
        let s = &mut p.sampled[tag as usize];
        s.objects += 1;
        s.bytes += bytes;
        vm.heap.track(addr, tag, bytes);
    }
    vm.profile = Some(p);
}

/// `Op::NoteFrameAlloc`: an allocation of `bytes` kept in the running frame, counted at the
/// instruction (`Vm::cur_func`/`cur_pc`, synchronized before slow instructions).
pub fn frame_alloc(vm: &mut Vm, bytes: u32) {
    let at = (vm.cur_func, vm.cur_pc as u32);
    if let Some(p) = &mut vm.profile {
        let s = p.in_frames.entry(at).or_default();
        s.objects += 1;
        s.bytes += u64::from(bytes);
    }
}
