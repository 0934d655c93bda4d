//! Package os's natives for the process: the program's arguments, exit, the environment,
//! the working directory, host name and pid. The files are in `os_file.rs`. Every native
//! that reaches the host checks the VM's capabilities (`gosub_vm::caps`) first and reports
//! a refusal as an errno (EPERM / EACCES) for the Go side to wrap as Go would.
//!
//! Invariants: the environment is the VM's own copy (taken from the process on first use,
//! and only with the `env` capability): Setenv never changes the host process's
//! environment, nor does Chdir change its working directory (relative paths resolve
//! against `OsState::cwd`). os.Exit ends the run (`Trap::Exit`) only with the `exit`
//! capability, else it is a fatal error; the host process never exits from here.

use crate::natives::native;
use crate::os_file::{errno_of, EACCES, EPERM};
use gosub_vm::caps::{ENV, EXIT};
use gosub_vm::{NativeRegistry, Trap, Vm};
use std::path::PathBuf;

/// The run's process state: its environment copy and working directory.
#[derive(Default)]
pub struct OsState {
    env: Option<Vec<(Vec<u8>, Vec<u8>)>>,
    cwd: Option<PathBuf>,
}

impl OsState {
    fn env(&mut self, granted: bool) -> &mut Vec<(Vec<u8>, Vec<u8>)> {
        self.env.get_or_insert_with(|| {
            if !granted {
                return Vec::new();
            }
            use std::os::unix::ffi::OsStrExt;
            std::env::vars_os()
                .map(|(k, v)| (k.as_bytes().to_vec(), v.as_bytes().to_vec()))
                .collect()
        })
    }
}

/// The VM's working directory (the process's when the run started, until Chdir).
pub fn cwd(vm: &mut Vm) -> PathBuf {
    let st = vm.ext_mut::<OsState>();
    st.cwd
        .get_or_insert_with(|| std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")))
        .clone()
}

pub(crate) fn env_lookup(vm: &mut Vm, key: &[u8]) -> Option<Vec<u8>> {
    let granted = vm.config.caps.has(ENV);
    let env = vm.ext_mut::<OsState>().env(granted);
    env.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// The numbers on the line of /proc/self/status that starts with `key` (`Uid:` gives the
/// real, effective, saved and file-system user ids), or None if it cannot be read.
fn proc_status_ids(key: &str) -> Option<Vec<i64>> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .split_whitespace()
        .map(|v| v.parse().ok())
        .collect()
}

pub fn register(r: &mut NativeRegistry) {
    crate::os_file::register(r);
    native!(r, "os.runtimeArgs", |a| {
        let args = a.vm.config.args.clone();
        let gcty = a.vm.heap.register_type(16, &[0]);
        let n = args.len();
        let arr = if n == 0 { 0 } else { a.vm.alloc(gcty, n)? };
        for (i, s) in args.iter().enumerate() {
            a.vm.store_new_string(arr + 16 * i as u64, s.as_bytes())?;
        }
        let at = a.addr(24);
        a.vm.heap.write_u64(at, arr)?;
        a.vm.heap.write_u64(at + 8, n as u64)?;
        a.vm.heap.write_u64(at + 16, n as u64)?;
    });
    native!(r, "os.Exit", |a| {
        let c = a.int()? as i32;
        if a.vm.config.caps.has(EXIT) {
            return Err(Trap::Exit(c));
        }
        return Err(Trap::Fatal(format!(
            "os.Exit({c}): this VM was not granted the exit capability"
        )));
    });
    native!(r, "os.sysGetenv", |a| {
        let k = a.string()?;
        let v = env_lookup(a.vm, &k);
        a.ret_string(v.as_deref().unwrap_or_default())?;
        a.ret_bool(v.is_some())?;
    });
    native!(r, "os.sysSetenv", |a| {
        let k = a.string()?;
        let v = a.string()?;
        let granted = a.vm.config.caps.has(ENV);
        let e = if !granted {
            EPERM
        } else {
            let env = a.vm.ext_mut::<OsState>().env(true);
            match env.iter_mut().find(|(ek, _)| *ek == k) {
                Some(slot) => slot.1 = v,
                None => env.push((k, v)),
            }
            0
        };
        a.ret_int(e)?;
    });
    native!(r, "os.sysUnsetenv", |a| {
        let k = a.string()?;
        let granted = a.vm.config.caps.has(ENV);
        let e = if granted {
            a.vm.ext_mut::<OsState>()
                .env(true)
                .retain(|(ek, _)| *ek != k);
            0
        } else {
            EPERM
        };
        a.ret_int(e)?;
    });
    native!(r, "os.sysClearenv", |a| {
        let granted = a.vm.config.caps.has(ENV);
        if granted {
            a.vm.ext_mut::<OsState>().env(true).clear();
        }
    });
    native!(r, "os.sysEnviron", |a| {
        let granted = a.vm.config.caps.has(ENV);
        let mut all = Vec::new();
        for (k, v) in a.vm.ext_mut::<OsState>().env(granted).iter() {
            all.extend_from_slice(k);
            all.push(b'=');
            all.extend_from_slice(v);
            all.push(0);
        }
        a.ret_string(&all)?;
    });
    native!(r, "os.sysHostname", |a| {
        let (name, e) = if a.vm.config.caps.has(ENV) {
            // What Go reads on Linux.
            match std::fs::read("/proc/sys/kernel/hostname") {
                Ok(mut b) => {
                    while b.last() == Some(&b'\n') {
                        b.pop();
                    }
                    (b, 0)
                }
                Err(e) => (Vec::new(), errno_of(&e)),
            }
        } else {
            (Vec::new(), EPERM)
        };
        a.ret_string(&name)?;
        a.ret_int(e)?;
    });
    native!(r, "os.Getpid", |a| {
        a.ret_int(std::process::id() as i64)?;
    });
    native!(r, "os.Getppid", |a| {
        a.ret_int(std::os::unix::process::parent_id() as i64)?;
    });
    native!(r, "os.ids", |a| {
        let uid = proc_status_ids("Uid:");
        let gid = proc_status_ids("Gid:");
        let at = |v: &Option<Vec<i64>>, i: usize| v.as_ref().and_then(|v| v.get(i).copied());
        for v in [at(&uid, 0), at(&uid, 1), at(&gid, 0), at(&gid, 1)] {
            a.ret_int(v.unwrap_or(-1))?;
        }
    });
    native!(r, "os.sysGetgroups", |a| {
        let (gids, e) = match proc_status_ids("Groups:") {
            Some(g) => (g, 0),
            None => (Vec::new(), crate::os_file::EIO),
        };
        let n = gids.len() as u64;
        let arr = if gids.is_empty() {
            0
        } else {
            let gcty = a.vm.heap.register_type(8, &[]);
            let p = a.vm.alloc(gcty, gids.len())?;
            for (i, g) in gids.iter().enumerate() {
                a.vm.heap.write_u64(p + 8 * i as u64, *g as u64)?;
            }
            p
        };
        let out = a.addr(24);
        a.vm.heap.write_u64(out, arr)?;
        a.vm.heap.write_u64(out + 8, n)?;
        a.vm.heap.write_u64(out + 16, n)?;
        a.ret_int(e)?;
    });
    native!(r, "os.sysGetwd", |a| {
        let (dir, e) = if a.vm.config.caps.any_files() {
            use std::os::unix::ffi::OsStrExt;
            (cwd(a.vm).as_os_str().as_bytes().to_vec(), 0)
        } else {
            (Vec::new(), EACCES)
        };
        a.ret_string(&dir)?;
        a.ret_int(e)?;
    });
    native!(r, "os.sysChdir", |a| {
        let name = a.string()?;
        let e = match crate::os_file::host_path(a.vm, &name, false) {
            Ok(p) => match std::fs::metadata(&p) {
                Ok(m) if m.is_dir() => {
                    // Keep the path as given (made absolute), as the shell's PWD would.
                    a.vm.ext_mut::<OsState>().cwd = Some(clean(&p));
                    0
                }
                Ok(_) => crate::os_file::ENOTDIR,
                Err(e) => errno_of(&e),
            },
            Err(e) => e,
        };
        a.ret_int(e)?;
    });
    native!(r, "os.sysTempDir", |a| {
        let t = env_lookup(a.vm, b"TMPDIR").filter(|t| !t.is_empty());
        a.ret_string(t.as_deref().unwrap_or(b"/tmp"))?;
    });
}

/// `p` with `.` and `..` components removed lexically (an absolute path).
fn clean(p: &std::path::Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::from("/");
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    out
}
