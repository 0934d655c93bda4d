//! Package time's natives: the wall and monotonic clocks, sleeping (a scheduler park),
//! timers (the VM's timer queue, `gosub_vm::timers`), and the host's time zone data.
//!
//! Invariants:
//! - `now` encodes an instant exactly as Go's `time.Now` does (wall clock seconds and
//!   nanoseconds plus a monotonic reading in `wall`/`ext`), so Go code decodes it with
//!   Go's own methods; a timer's channel receives the same encoding.
//! - The host is reached (the TZ variable, zoneinfo files) only as the VM's capabilities
//!   allow (`gosub_vm::caps`: the gosub command grants everything, an embedder what it
//!   asks for): `getenv` needs `env`, `readFile` a read grant covering the file. Without
//!   them, `getenv` finds nothing and `readFile` finds no file, so Local is UTC and
//!   LoadLocation knows only "UTC", "" and "Local".

use crate::natives::native;
use gosub_vm::timers::TimerKind;
use gosub_vm::{NativeRegistry, Trap, Vm};

/// Seconds from January 1, year 1 to the Unix epoch (Go's `unixToInternal`).
const UNIX_TO_INTERNAL: i64 = (1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * 86400;
/// Seconds from January 1, year 1 to 1885 (Go's `wallToInternal`, `minWall`).
const WALL_TO_INTERNAL: i64 = (1884 * 365 + 1884 / 4 - 1884 / 100 + 1884 / 400) * 86400;
const HAS_MONOTONIC: u64 = 1 << 63;
const NSEC_SHIFT: u32 = 30;

/// Largest zoneinfo file read (Go's maxFileSize).
const MAX_FILE_SIZE: u64 = 10 << 20;

/// The wall clock: seconds and nanoseconds since the Unix epoch.
fn wall_now() -> (i64, i64) {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, d.subsec_nanos() as i64),
        Err(e) => {
            let d = e.duration();
            let (s, n) = (d.as_secs() as i64, d.subsec_nanos() as i64);
            if n == 0 {
                (-s, 0)
            } else {
                (-s - 1, 1_000_000_000 - n)
            }
        }
    }
}

/// Go's `time.Now` without the Location: the `wall` and `ext` words of the current instant.
pub fn now_words(vm: &Vm) -> [u64; 2] {
    let (sec, nsec) = wall_now();
    let mono = vm.nanotime();
    let s = sec + UNIX_TO_INTERNAL - WALL_TO_INTERNAL;
    if (s as u64) >> 33 != 0 {
        return [nsec as u64, (s + WALL_TO_INTERNAL) as u64];
    }
    [
        HAS_MONOTONIC | (s as u64) << NSEC_SHIFT | nsec as u64,
        mono as u64,
    ]
}

pub fn register(r: &mut NativeRegistry) {
    native!(r, "time.now", |a| {
        let [wall, ext] = now_words(a.vm);
        a.ret_int(wall as i64)?;
        a.ret_int(ext as i64)?;
    });
    native!(r, "time.walltime", |a| {
        let (sec, nsec) = wall_now();
        a.ret_int(sec)?;
        a.ret_int(nsec)?;
    });
    native!(r, "time.runtimeNano", |a| {
        let t = a.vm.nanotime();
        a.ret_int(t)?;
    });
    native!(r, "time.sleep", |a| {
        let ns = a.int()?;
        return Err(Trap::Sleep(ns.max(0) as u64));
    });
    // newChanTimer(c chan Time, loc *Location, when, period int64) int64
    native!(r, "time.newChanTimer", |a| {
        let c = a.int()? as u64;
        let loc = a.int()? as u64;
        let when = a.int()?;
        let period = a.int()?;
        gosub_vm::chan::mark_timer(a.vm, c)?;
        let chan = a.vm.heap.new_handle(c);
        let loc = a.vm.heap.new_handle(loc);
        let kind = TimerKind::Send {
            chan,
            loc,
            stamp: now_words,
        };
        let id = a.vm.timers.add(when, period, kind);
        a.ret_int(id as i64)?;
    });
    // newFuncTimer(f func(), when int64) int64
    native!(r, "time.newFuncTimer", |a| {
        let f = a.int()? as u64;
        let when = a.int()?;
        let h = a.vm.heap.new_handle(f);
        let id = a.vm.timers.add(when, 0, TimerKind::Spawn(h));
        a.ret_int(id as i64)?;
    });
    native!(r, "time.stopTimer", |a| {
        let id = a.int()?;
        let pending = gosub_vm::timers::stop(a.vm, id as u64);
        a.ret_bool(pending)?;
    });
    // getenv(key string) (value string, found bool): only with the env capability.
    native!(r, "time.getenv", |a| {
        let k = a.string()?;
        let v = if a.vm.config.caps.has(gosub_vm::caps::ENV) {
            std::env::var_os(String::from_utf8_lossy(&k).as_ref())
        } else {
            None
        };
        let found = v.is_some();
        let v = v.map(|v| v.into_encoded_bytes()).unwrap_or_default();
        a.ret_string(&v)?;
        a.ret_bool(found)?;
    });
    // readFile(name string) (data string, err string, notExist bool): a zoneinfo file,
    // only where a read grant covers it (else every file is missing).
    native!(r, "time.readFile", |a| {
        let name = a.string()?;
        let name = String::from_utf8_lossy(&name).into_owned();
        let granted =
            a.vm.config
                .caps
                .check_path(std::path::Path::new(&name), false);
        let (data, err, missing) = if !granted {
            (Vec::new(), String::new(), true)
        } else {
            read_file(&name)
        };
        a.ret_string(&data)?;
        a.ret_string(err.as_bytes())?;
        a.ret_bool(missing)?;
    });
}

/// Reads a file as Go's time package does: (data, error text, file does not exist).
fn read_file(name: &str) -> (Vec<u8>, String, bool) {
    use std::io::Read;
    let f = match std::fs::File::open(name) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Vec::new(), String::new(), true)
        }
        Err(e) => return (Vec::new(), errno_text(&e), false),
    };
    let mut data = Vec::new();
    match f.take(MAX_FILE_SIZE + 1).read_to_end(&mut data) {
        Ok(_) if data.len() as u64 > MAX_FILE_SIZE => {
            (Vec::new(), format!("time: file {name} is too large"), false)
        }
        Ok(_) => (data, String::new(), false),
        Err(e) => (Vec::new(), errno_text(&e), false),
    }
}

/// The text of a syscall error as Go's time package reports it (a bare syscall.Errno:
/// `is a directory`, the C library's text, lower-case).
fn errno_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    // Rust appends " (os error N)"; Go prints the bare strerror text, lower-cased first.
    let s = s.split(" (os error").next().unwrap_or(&s).to_string();
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => s,
    }
}
