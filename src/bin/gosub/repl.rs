//! `gosub` / `gosub repl`: the interactive read-eval-print loop over `gosub::Vm::eval`.
//!
//! On a terminal: rustyline line editing, history in `$XDG_DATA_HOME/gosub/history` (or
//! `~/.local/share/gosub/history`), Ctrl-C cancels the current input (or interrupts a
//! running script), Ctrl-D quits. When stdin is not a terminal, lines are read with no
//! prompts or colours, so scripts can drive it (`printf 'x := 21\nx * 2\n' | gosub`
//! prints `42 (int)`). Input continues while it is incomplete (open brackets, an open raw
//! string) with a continuation prompt. Tab completes session names, package names and
//! package members (see `complete`).

use crate::complete::ReplHelper;
use gosub::{Error, Vm};
use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

const HELP: &str = "Enter Go statements, declarations or expressions; an expression prints its
value and type. Imports of standard packages are added when you use them.
Commands:
  :help            this help
  :quit            leave (also Ctrl-D)
  :type EXPR       the type of an expression (nothing runs)
  :doc PKG.Name    signature and doc line of a standard package's declaration
                   (also PKG, PKG.Type.Method, or a Name declared in the session)
  :reset           forget everything declared so far
  :time            toggle printing each input's wall and CPU time
  :load FILE.go    add a file's declarations (its main is renamed __main and not run)
  :save FILE.go    write the session as a program that gosub run and go run accept
  :mem             heap statistics of the session (in use, by space, collections)
  :gc              collect the session's garbage now and show what is left
  :memreport FILE  write an HTML report of the session's heap: its timeline, each
                   line that allocated and why escape analysis put it on the heap
  :disasm NAME     bytecode of a session function
  :escape          escape-analysis decisions (gosub build -m) for the session
";

static INTERRUPT: OnceLock<gosub::InterruptHandle> = OnceLock::new();

extern "C" fn on_sigint(_: libc::c_int) {
    if let Some(h) = INTERRUPT.get() {
        h.interrupt();
    }
}

/// Is the input incomplete: an open bracket or raw string (outside strings and comments)?
pub fn incomplete(src: &str) -> bool {
    let b = src.as_bytes();
    let mut depth: i64 = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                if i + 1 >= b.len() {
                    return true;
                }
                i += 1;
            }
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < b.len() && b[i] != q && b[i] != b'\n' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'`' => {
                i += 1;
                while i < b.len() && b[i] != b'`' {
                    i += 1;
                }
                if i >= b.len() {
                    return true;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    depth > 0
}

fn history_path() -> Option<std::path::PathBuf> {
    let dir = match std::env::var_os("XDG_DATA_HOME") {
        Some(d) if !d.is_empty() => std::path::PathBuf::from(d),
        _ => std::path::PathBuf::from(std::env::var_os("HOME")?).join(".local/share"),
    };
    Some(dir.join("gosub").join("history"))
}

struct Repl {
    /// Shared with the line editor's completer (`ReplHelper`), which type-checks the
    /// expression before a `.` while the loop waits in `readline`.
    vm: Rc<RefCell<Vm>>,
    tty: bool,
    /// `:time`: print each input's wall and CPU time after it.
    timing: bool,
    /// Did the program's output so far end a line (`Stdout`)?
    at_line_start: Arc<AtomicBool>,
}

/// The programs' standard output: the process's, remembering whether the last byte written
/// ended a line, so that output without a final newline (`fmt.Print("abc")`) gets one
/// before the REPL prints anything else; on a terminal the next prompt would otherwise
/// overwrite it.
struct Stdout(Arc<AtomicBool>);

impl Write for Stdout {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        let n = std::io::stdout().write(b)?;
        if n > 0 {
            self.0.store(b[n - 1] == b'\n', Ordering::Relaxed);
        }
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stdout().flush()
    }
}

impl Repl {
    /// Ends the programs' last line of output if it is open.
    fn end_line(&self) {
        if !self.at_line_start.swap(true, Ordering::Relaxed) {
            println!();
        }
    }
}

impl Repl {
    fn error(&self, input: &str, e: &Error) {
        let mut err = std::io::stderr();
        match e {
            Error::Compile(ds) => {
                for d in ds {
                    let _ = writeln!(err, "{}", d);
                    if d.file == gosub::session::INPUT_FILE && d.line > 0 {
                        if let Some(line) = input.lines().nth(d.line as usize - 1) {
                            let _ = writeln!(err, "    {}", line);
                            let pad: String = line
                                .chars()
                                .take(d.col.saturating_sub(1) as usize)
                                .map(|c| if c == '\t' { '\t' } else { ' ' })
                                .collect();
                            let _ = writeln!(err, "    {}^", pad);
                        }
                    }
                }
            }
            Error::Panic { value, traceback } => {
                // Where it happened, in the session's inputs (`<input 3>:2`), as Go's
                // traceback gives the file and line.
                let _ = writeln!(err, "panic: {}", value);
                if !traceback.trim().is_empty() {
                    let _ = writeln!(err, "{}", traceback.trim_end());
                }
            }
            other => {
                let _ = writeln!(err, "{}", other);
            }
        }
    }

    /// The session heap's statistics and its spaces (`:mem`).
    fn heap_now(&self) -> (Option<gosub_heap::MemStats>, Option<(u64, u64, u64)>) {
        let vm = self.vm.borrow();
        (vm.mem_stats(), vm.heap_spaces())
    }

    /// A full collection of the session heap, then its statistics (`:gc`).
    fn collect(&self) -> Result<Option<gosub_heap::MemStats>, Error> {
        let mut vm = self.vm.borrow_mut();
        vm.collect_garbage().map(|()| vm.mem_stats())
    }

    /// Runs one complete input; false to quit.
    fn handle(&mut self, input: &str) -> bool {
        let t = input.trim();
        if t.is_empty() {
            return true;
        }
        if let Some(cmd) = t.strip_prefix(':') {
            return self.command(cmd);
        }
        let start = self
            .timing
            .then(|| (std::time::Instant::now(), cpu_seconds()));
        let r = self.vm.borrow_mut().eval(input);
        let took = start.map(|(wall, cpu)| (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu));
        let _ = std::io::stdout().flush();
        self.end_line();
        match r {
            Ok(_) => {
                let quiet = t.starts_with("fmt.Print") || t.starts_with("fmt.Fprint");
                if !quiet {
                    let mut out = std::io::stdout();
                    let vm = self.vm.borrow();
                    for (v, ty) in vm.last_echo() {
                        let _ = writeln!(out, "{} ({})", v, ty);
                    }
                }
            }
            Err(e) => self.error(input, &e),
        }
        if let Some((wall, cpu)) = took {
            println!("time: {:.3} ms wall, {:.3} ms cpu", wall * 1e3, cpu * 1e3);
        }
        let _ = std::io::stdout().flush();
        true
    }

    fn command(&mut self, cmd: &str) -> bool {
        let (name, arg) = match cmd.split_once(char::is_whitespace) {
            Some((n, a)) => (n, a.trim()),
            None => (cmd, ""),
        };
        match name {
            "q" | "quit" | "exit" => return false,
            "h" | "help" => print!("{}", HELP),
            "type" | "t" => {
                let r = self.vm.borrow_mut().type_of(arg);
                match r {
                    Ok(t) => println!("{}", t),
                    Err(e) => self.error(arg, &e),
                }
            }
            "time" => {
                self.timing = !self.timing;
                println!("timing {}", if self.timing { "on" } else { "off" });
            }
            "reset" => {
                self.vm.borrow_mut().reset();
                println!("session reset");
            }
            "load" => match std::fs::read_to_string(arg) {
                Ok(src) => {
                    let r = self.vm.borrow_mut().eval(&src);
                    if let Err(e) = r {
                        self.error(&src, &e);
                    }
                }
                Err(e) => eprintln!("cannot read {}: {}", arg, e),
            },
            "memreport" if arg.is_empty() => eprintln!("usage: :memreport FILE.html"),
            "memreport" => match self.vm.borrow().write_memory_report(arg) {
                Ok(()) => println!("wrote the memory report to {}", arg),
                Err(e) => eprintln!("{}", e),
            },
            "save" if arg.is_empty() => eprintln!("usage: :save FILE.go"),
            "save" => {
                let (src, errs) = self.vm.borrow().session_source();
                match std::fs::write(arg, &src) {
                    Err(e) => eprintln!("cannot write {}: {}", arg, e),
                    Ok(()) if errs.is_empty() => println!("saved the session to {}", arg),
                    Ok(()) => {
                        println!("saved the session to {}, but it does not compile:", arg);
                        for e in errs.iter().take(5) {
                            println!("  {}", e);
                        }
                    }
                }
            }
            "mem" => match self.heap_now() {
                (Some(m), Some((young, old, large))) => println!(
                    "heap in use {} B in {} objects: nursery {} B, old space {} B, large objects {} B; committed {} B, total allocated {} B; collections {} ({} minor, {} major)",
                    m.heap_alloc,
                    m.heap_objects,
                    young,
                    old,
                    large,
                    m.heap_sys,
                    m.total_alloc,
                    m.num_gc,
                    m.num_minor,
                    m.num_major
                ),
                _ => println!("nothing has run yet"),
            },
            "gc" => match self.collect() {
                Ok(stats) => match stats {
                    Some(m) => println!(
                        "collected: heap in use {} B in {} objects",
                        m.heap_alloc, m.heap_objects
                    ),
                    None => println!("collected"),
                },
                Err(e) => self.error("", &e),
            },
            "disasm" => {
                let only = if arg.is_empty() { None } else { Some(arg) };
                print!("{}", self.vm.borrow_mut().disasm(only));
            }
            "escape" => {
                let level = if arg.contains("-m -m") || arg == "2" { 2 } else { 1 };
                let lines = self.vm.borrow_mut().escape_report(level);
                if lines.is_empty() {
                    println!("no escape decisions in the last input");
                }
                for l in lines {
                    println!("{}", l);
                }
            }
            "doc" => {
                let decls = self.vm.borrow().session_decls();
                match crate::complete::doc(arg, &decls) {
                    Ok(d) => print!("{}", d),
                    Err(m) => eprintln!("{}", m),
                }
            }
            _ => eprintln!("unknown command :{} (:help lists them)", name),
        }
        let _ = std::io::stdout().flush();
        true
    }
}

/// CPU time of this process so far, in seconds (user + system).
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage writes the struct it is given; a zeroed rusage is a valid value.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: RUSAGE_SELF with a valid pointer.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) } != 0 {
        return 0.0;
    }
    let t = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 * 1e-6;
    t(ru.ru_utime) + t(ru.ru_stime)
}

/// The REPL; returns the exit code.
pub fn main() -> i32 {
    let tty = std::io::stdin().is_terminal();
    let at_line_start = Arc::new(AtomicBool::new(true));
    // As `gosub run`: Go's heap has no bound but the machine's (and GOSUBGC=reserve=SIZE
    // says otherwise).
    let reserve = gosub_heap::HeapConfig::reserve_from_env().unwrap_or(gosub_heap::DEFAULT_RESERVE);
    let mut vm = Vm::builder()
        .reserve(reserve)
        .allow_all_packages()
        .stdout(Stdout(at_line_start.clone()))
        .keep_memory_report()
        .build();
    vm.set_echo(true);
    let mut repl = Repl {
        vm: Rc::new(RefCell::new(vm)),
        tty,
        timing: false,
        at_line_start,
    };
    if repl.tty {
        interactive(&mut repl)
    } else {
        piped(&mut repl)
    }
}

fn piped(repl: &mut Repl) -> i32 {
    let stdin = std::io::stdin();
    let mut buf = String::new();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        buf.push_str(&line);
        buf.push('\n');
        if incomplete(&buf) {
            continue;
        }
        let input = std::mem::take(&mut buf);
        if !repl.handle(&input) {
            return 0;
        }
    }
    if !buf.trim().is_empty() {
        repl.handle(&buf);
    }
    0
}

fn interactive(repl: &mut Repl) -> i32 {
    use rustyline::error::ReadlineError;
    let _ = INTERRUPT.set(repl.vm.borrow().interrupt_handle());
    // SAFETY: the handler only performs an atomic store (async-signal-safe).
    unsafe {
        libc::signal(
            libc::SIGINT,
            on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t,
        );
    }
    // Tab lists the candidates and completes their common prefix, as readline does in
    // bash (the default, `Circular`, cycles through them one at a time).
    let config = rustyline::Config::builder()
        .completion_type(rustyline::CompletionType::List)
        .build();
    let mut rl =
        match rustyline::Editor::<ReplHelper, rustyline::history::DefaultHistory>::with_config(
            config,
        ) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("gosub: cannot start the line editor: {}", e);
                return piped(repl);
            }
        };
    rl.set_helper(Some(ReplHelper::new(repl.vm.clone())));
    let hist = history_path();
    if let Some(h) = &hist {
        let _ = rl.load_history(h);
    }
    println!(
        "gosub {} (Go subset) — :help for commands, Ctrl-D to quit",
        env!("CARGO_PKG_VERSION")
    );
    let _ = repl.tty;
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() { "gosub> " } else { "...... " };
        match rl.readline(prompt) {
            Ok(line) => {
                buf.push_str(&line);
                buf.push('\n');
                if incomplete(&buf) {
                    continue;
                }
                let input = std::mem::take(&mut buf);
                if !input.trim().is_empty() {
                    let _ = rl.add_history_entry(input.trim_end());
                }
                if !repl.handle(&input) {
                    break;
                }
                if let Some(h) = rl.helper_mut() {
                    let vm = repl.vm.borrow();
                    h.names = vm.session_names();
                    h.members = vm.session_members();
                }
            }
            Err(ReadlineError::Interrupted) => {
                buf.clear();
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("gosub: {}", e);
                break;
            }
        }
    }
    if let Some(h) = &hist {
        if let Some(d) = h.parent() {
            let _ = std::fs::create_dir_all(d);
        }
        let _ = rl.save_history(h);
    }
    0
}
