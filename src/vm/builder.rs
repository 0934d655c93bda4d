//! `VmBuilder`: how a host configures a `Vm` before it starts (limits, sinks, packages,
//! the address space its heap reserves) and builds it.
//!
//! Invariant: `build` decides the reservation once (`reservation`: what `reserve` says,
//! else a heap limit's or the environment's, else `EMBEDDED_RESERVE`, raised for a deep
//! `max_stack`); nothing after it changes `opts.heap.reserve_bytes`.

use super::{default_packages, Vm};
use crate::driver::{self, Options};
use std::borrow::Cow;
use std::io::Write;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

/// Configures a `Vm`.
pub struct VmBuilder {
    opts: Options,
    allowed: Vec<Cow<'static, str>>,
    stdout: Option<Box<dyn Write + Send>>,
    stderr: Option<Box<dyn Write + Send>>,
    stdin: Option<Box<dyn std::io::Read + Send>>,
    capture_stdout: bool,
    capture_stderr: bool,
    /// Address space asked for with `reserve` (else chosen at `build`).
    reserve: Option<u64>,
}

/// `default_packages()` as a builder keeps them (made once per process: every `Vm::new`
/// starts from it).
static DEFAULT_ALLOWED: std::sync::LazyLock<Vec<Cow<'static, str>>> =
    std::sync::LazyLock::new(|| default_packages().into_iter().map(Cow::Borrowed).collect());

impl Default for VmBuilder {
    fn default() -> Self {
        let opts = Options {
            args: vec!["gosub".into()],
            // Embedders get small stacks by default: 64 MiB.
            max_stack: 64 << 20,
            // and no capability (files, environment, exit) unless they grant it.
            caps: gosub_vm::caps::Capabilities::none(),
            ..Options::default()
        };
        VmBuilder {
            opts,
            allowed: DEFAULT_ALLOWED.clone(),
            stdout: None,
            stderr: None,
            stdin: None,
            capture_stdout: false,
            capture_stderr: false,
            reserve: None,
        }
    }
}

impl VmBuilder {
    /// Keep what a memory report needs while programs run (every allocation with its
    /// site, the collection log, escape analysis's reasons), for `Vm::memory_report`.
    /// Allocation then costs more (each is recorded).
    pub fn keep_memory_report(mut self) -> Self {
        self.opts.memory_report = true;
        self
    }

    /// Upper bound on heap bytes in use; an allocation beyond it (after a collection) ends
    /// the run with `Error::HeapLimit`. The VM then reserves address space in proportion:
    /// four times the limit, at least 256 MiB, at most 64 GiB (unless `reserve` says; the
    /// heap can use about 40% of the reservation, so a limit above about 26 GiB needs
    /// `reserve` too).
    pub fn heap_limit(mut self, bytes: u64) -> Self {
        self.opts.heap.heap_limit = Some(bytes);
        self
    }
    /// Address space (not memory) the VM reserves for its heap and stacks; its heap can
    /// grow to about 40% of it (the old and large regions), past which an allocation ends
    /// the run with `Error::HeapLimit`. Default: 1 GiB (about 400 MiB of heap) without a
    /// heap limit, so that a process holds about 130,000 VMs; `gosub run` reserves
    /// 64 GiB. Rounded down to a multiple of 64 MiB, at least 64 MiB. It overrides what a
    /// heap limit or the environment would reserve; one smaller than four times the heap
    /// limit lowers the heap's bound to about 40% of it. See docs/embedding.md, "How many
    /// VMs fit".
    pub fn reserve(mut self, bytes: u64) -> Self {
        self.reserve = Some(bytes.max(gosub_heap::MIN_RESERVE));
        self
    }
    /// Nursery (young generation) size in bytes.
    pub fn nursery_size(mut self, bytes: u64) -> Self {
        self.opts.heap.nursery_bytes = bytes;
        self
    }
    /// GOGC: a major collection starts when the old generation has grown by this
    /// percentage; negative turns major collections off.
    pub fn gogc(mut self, percent: i64) -> Self {
        self.opts.heap.gogc = percent;
        self
    }
    /// Budget of loop iterations (backward jumps) and calls per run; exhausting it ends the
    /// run with `Error::OutOfFuel`.
    pub fn fuel(mut self, units: u64) -> Self {
        self.opts.fuel = Some(units);
        self
    }
    /// Maximum goroutine stack size in bytes (default 64 MiB); deeper recursion ends the
    /// run with `Error::StackOverflow`.
    pub fn max_stack(mut self, bytes: u64) -> Self {
        self.opts.max_stack = bytes.max(64 << 10);
        self
    }
    /// Where scripts' standard output goes (default: the process's stdout).
    pub fn stdout(mut self, w: impl Write + Send + 'static) -> Self {
        self.stdout = Some(Box::new(w));
        self.capture_stdout = false;
        self
    }
    /// Where scripts' standard error goes (`println`, `print`; default: the process's).
    pub fn stderr(mut self, w: impl Write + Send + 'static) -> Self {
        self.stderr = Some(Box::new(w));
        self.capture_stderr = false;
        self
    }
    /// Keep scripts' stdout in a buffer read with `Vm::take_stdout`.
    pub fn capture_stdout(mut self) -> Self {
        self.capture_stdout = true;
        self
    }
    /// Keep scripts' stderr in a buffer read with `Vm::take_stderr`.
    pub fn capture_stderr(mut self) -> Self {
        self.capture_stderr = true;
        self
    }
    /// Allows scripts to import a standard package (e.g. "os": then `os.Exit(c)` ends the
    /// run with `Error::Exit(c)`, it never exits the host process).
    pub fn allow_package(mut self, path: &str) -> Self {
        if !self.allowed.iter().any(|p| p == path) {
            self.allowed.push(Cow::Owned(path.to_string()));
        }
        self
    }
    /// Allows every standard package, `os` included.
    pub fn allow_all_packages(mut self) -> Self {
        self.allowed = gosub_std::PACKAGES
            .iter()
            .map(|&s| Cow::Borrowed(s))
            .collect();
        self.allowed.push(Cow::Borrowed("sync"));
        self.allowed.push(Cow::Borrowed("unsafe"));
        self
    }
    /// Only these standard packages (host packages are always importable).
    pub fn packages(mut self, paths: &[&str]) -> Self {
        self.allowed = paths.iter().map(|s| Cow::Owned(s.to_string())).collect();
        self
    }
    /// Grants a named capability (`gosub::capabilities::ENV`, `EXIT`, ...) and allows
    /// importing `os`. See docs/embedding.md.
    pub fn allow_capability(mut self, name: &str) -> Self {
        self.opts.caps.grant(name);
        self.allow_package("os")
    }
    /// Scripts see a copy of the host's environment (os.Getenv, LookupEnv, Environ) and may
    /// change that copy (Setenv, Unsetenv, Clearenv); without it the environment is empty
    /// and changing it fails with `operation not permitted`.
    pub fn allow_env(self) -> Self {
        self.allow_capability(gosub_vm::caps::ENV)
    }
    /// `os.Exit(c)` ends the run with `Error::Exit(c)`; without this grant it ends the run
    /// with `Error::Fatal` (the host process never exits either way).
    pub fn allow_exit(self) -> Self {
        self.allow_capability(gosub_vm::caps::EXIT)
    }
    /// Scripts may read files and directories below `dir` (canonicalized now: links and
    /// `..` cannot lead outside it). A directory that cannot be resolved grants nothing.
    /// Allows importing `os` and `path/filepath`.
    pub fn allow_read_dir(self, dir: impl AsRef<std::path::Path>) -> Self {
        self.grant_dir(dir.as_ref(), false)
    }
    /// Scripts may read, create, write, rename and remove files and directories below
    /// `dir` (read-write implies read).
    pub fn allow_write_dir(self, dir: impl AsRef<std::path::Path>) -> Self {
        self.grant_dir(dir.as_ref(), true)
    }
    fn grant_dir(mut self, dir: &std::path::Path, write: bool) -> Self {
        let _ = self.opts.caps.grant_dir(dir, write);
        self.allow_package("os").allow_package("path/filepath")
    }
    /// Every capability and package, as the `gosub` CLI has them.
    pub fn allow_everything(mut self) -> Self {
        self.opts.caps = gosub_vm::caps::Capabilities::all();
        self.allow_all_packages()
    }
    /// The address space the VM reserves: what `reserve` asked for; else in proportion to
    /// a heap limit (the builder's or `GOSUBMEMLIMIT`'s: four times it, 256 MiB to 64 GiB),
    /// or what the environment's `GOSUBGC=reserve=SIZE` says (the smaller of the two when
    /// both say), or `EMBEDDED_RESERVE`; at least enough for the deepest goroutine stack
    /// (`max_stack`) to grow.
    fn reservation(&self) -> u64 {
        use gosub_heap::{HeapConfig, DEFAULT_RESERVE, EMBEDDED_RESERVE};
        if let Some(r) = self.reserve {
            return r;
        }
        let by_limit = (self.opts.heap.heap_limit)
            .map(|l| l.saturating_mul(4).clamp(256 << 20, DEFAULT_RESERVE));
        let base = match (HeapConfig::reserve_from_env(), by_limit) {
            (Some(env), Some(limit)) => env.min(limit),
            (Some(r), None) | (None, Some(r)) => r,
            (None, None) => EMBEDDED_RESERVE,
        };
        base.max(gosub_heap::reserve_for_stack(self.opts.max_stack).min(DEFAULT_RESERVE))
    }
    /// What scripts' os.Stdin reads (default: nothing).
    pub fn stdin(mut self, r: impl std::io::Read + Send + 'static) -> Self {
        self.stdin = Some(Box::new(r));
        self
    }
    /// `os.Args` of scripts.
    pub fn args(mut self, args: &[&str]) -> Self {
        self.opts.args = args.iter().map(|s| s.to_string()).collect();
        self
    }
    /// Builds the VM.
    pub fn build(mut self) -> Vm {
        self.opts.heap.reserve_bytes = self.reservation();
        let shared = |w: Box<dyn Write + Send>| Arc::new(Mutex::new(w));
        let out_buf = driver::SharedBuf::default();
        let err_buf = driver::SharedBuf::default();
        let stdout: Box<dyn Write + Send> = if self.capture_stdout {
            Box::new(out_buf.clone())
        } else {
            self.stdout.unwrap_or_else(|| Box::new(std::io::stdout()))
        };
        let stderr: Box<dyn Write + Send> = if self.capture_stderr {
            Box::new(err_buf.clone())
        } else {
            self.stderr.unwrap_or_else(|| Box::new(std::io::stderr()))
        };
        let mut opts = self.opts;
        opts.allowed_imports = Some(self.allowed);
        Vm {
            opts,
            hosts: Vec::new(),
            stdout: shared(stdout),
            stderr: shared(stderr),
            stdin: Arc::new(Mutex::new(
                self.stdin.unwrap_or_else(|| Box::new(std::io::empty())),
            )),
            out_buf,
            err_buf,
            interrupt: Arc::new(AtomicBool::new(false)),
            live: None,
            named_types: Default::default(),
            direct_calls: Default::default(),
            replaced_seen: 0,
            echo: false,
            last_echo: Vec::new(),
            last_stats: None,
            last_report: None,
            hosts_changed: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::VmBuilder;
    use gosub_heap::{reserve_for_stack, HeapConfig, DEFAULT_RESERVE, EMBEDDED_RESERVE};

    /// What a builder reserves: `reserve` over a heap limit over the default, raised for a
    /// deep stack (docs/embedding.md, "How many VMs fit").
    #[test]
    fn reservations_follow_the_builder_then_the_heap_limit_then_the_default() {
        if HeapConfig::reserve_from_env().is_some() {
            return; // GOSUBGC=reserve=SIZE decides instead (checked by hand, not here).
        }
        let plain = VmBuilder::default();
        if plain.opts.heap.heap_limit.is_none() {
            assert_eq!(plain.reservation(), EMBEDDED_RESERVE);
        }
        let limit = |l: u64| VmBuilder::default().heap_limit(l);
        assert_eq!(limit(64 << 20).reservation(), 256 << 20);
        assert_eq!(limit(1 << 30).reservation(), 4 << 30);
        assert_eq!(limit(1 << 40).reservation(), DEFAULT_RESERVE);
        assert_eq!(limit(64 << 20).reserve(2 << 30).reservation(), 2 << 30);
        assert_eq!(VmBuilder::default().reserve(1).reservation(), 64 << 20);
        // A 1 GiB stack grows by copying into 1.5 GiB of the stacks region's 30/64.
        let deep = limit(64 << 20).max_stack(1 << 30);
        assert_eq!(deep.reservation(), reserve_for_stack(1 << 30));
        assert_eq!(reserve_for_stack(1 << 30), (3u64 << 29) * 64 / 30);
    }
}
