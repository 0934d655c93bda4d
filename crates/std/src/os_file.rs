//! Package os's natives for files: open, read, write, seek, stat, directories, renames and
//! removals, as the system calls Go's os package makes on Linux. Each returns an errno
//! (0 for success) that the Go side (crates/std/go/os) wraps in a *fs.PathError with the
//! operation and the name, as Go does.
//!
//! Invariants: every path is checked against the VM's capabilities (`host_path`) before
//! the host is touched, write operations against write grants; a refusal is EACCES
//! ("permission denied"). Descriptors 0, 1 and 2 are the VM's stdin, stdout and stderr
//! (a read of 0 flushes stdout first, a write to 2 too, so a prompt shows and interleaved
//! output keeps Go's order); others index the run's `FileTable`, never the host's
//! descriptors, so a script cannot reach a file it did not open.

use crate::natives::native;
use gosub_vm::{NativeRegistry, Trap, Vm};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, FileExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

pub const EPERM: i64 = 1;
pub const ENOENT: i64 = 2;
pub const EIO: i64 = 5;
pub const EBADF: i64 = 9;
pub const EACCES: i64 = 13;
pub const EEXIST: i64 = 17;
pub const ENOTDIR: i64 = 20;
pub const EINVAL: i64 = 22;

/// The errno of a host I/O error.
pub fn errno_of(e: &std::io::Error) -> i64 {
    if let Some(n) = e.raw_os_error() {
        return n as i64;
    }
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => ENOENT,
        PermissionDenied => EACCES,
        AlreadyExists => EEXIST,
        InvalidInput | InvalidData => EINVAL,
        _ => EIO,
    }
}

struct OpenFile {
    file: File,
    path: PathBuf,
}

/// The run's open files, by descriptor (index + 3).
#[derive(Default)]
pub struct FileTable {
    files: Vec<Option<OpenFile>>,
}

impl FileTable {
    fn get(&mut self, fd: i64) -> Result<&mut OpenFile, i64> {
        let i = fd.checked_sub(3).filter(|i| *i >= 0).ok_or(EBADF)? as usize;
        self.files.get_mut(i).and_then(|f| f.as_mut()).ok_or(EBADF)
    }
    fn add(&mut self, f: OpenFile) -> i64 {
        let i = match self.files.iter().position(|s| s.is_none()) {
            Some(i) => i,
            None => {
                self.files.push(None);
                self.files.len() - 1
            }
        };
        self.files[i] = Some(f);
        i as i64 + 3
    }
}

/// The host path of a script's file name (relative to the VM's working directory), if the
/// capabilities allow reading it (or writing, when `write`); else EACCES (ENOENT for "").
pub fn host_path(vm: &mut Vm, name: &[u8], write: bool) -> Result<PathBuf, i64> {
    if name.is_empty() {
        return Err(ENOENT);
    }
    if name.contains(&0) {
        return Err(EINVAL);
    }
    let p = Path::new(std::ffi::OsStr::from_bytes(name));
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        crate::os::cwd(vm).join(p)
    };
    if vm.config.caps.check_path(&p, write) {
        Ok(p)
    } else {
        Err(EACCES)
    }
}

/// Returns (result, errno) of a host operation as two Go ints.
fn ret2(a: &mut gosub_vm::Args, r: Result<i64, i64>) -> Result<(), Trap> {
    let (v, e) = match r {
        Ok(v) => (v, 0),
        Err(e) => (0, e),
    };
    a.ret_int(v)?;
    a.ret_int(e)
}

fn io<T>(r: std::io::Result<T>) -> Result<T, i64> {
    r.map_err(|e| errno_of(&e))
}

/// Writes a stat's (size, mode, mtime seconds, nanoseconds, errno).
fn ret_stat(a: &mut gosub_vm::Args, m: Result<std::fs::Metadata, i64>) -> Result<(), Trap> {
    let (size, mode, sec, nsec, e) = match m {
        Ok(m) => (
            m.size() as i64,
            m.mode() as i64,
            m.mtime(),
            m.mtime_nsec(),
            0,
        ),
        Err(e) => (0, 0, 0, 0, e),
    };
    for v in [size, mode, sec, nsec, e] {
        a.ret_int(v)?;
    }
    Ok(())
}

/// Opens `name` with Linux open(2) flags and permission bits.
fn open(vm: &mut Vm, name: &[u8], flag: i64, perm: i64) -> Result<i64, i64> {
    const ACCMODE: i64 = 3;
    const WRITE_FLAGS: i64 = 0x40 | 0x200 | 0x400; // O_CREAT | O_TRUNC | O_APPEND
    let write = flag & ACCMODE != 0 || flag & WRITE_FLAGS != 0;
    let path = host_path(vm, name, write)?;
    let mut o = std::fs::OpenOptions::new();
    match flag & ACCMODE {
        0 => o.read(true),
        1 => o.write(true),
        _ => o.read(true).write(true),
    };
    o.custom_flags((flag & !ACCMODE) as i32)
        .mode((perm & 0o7777) as u32);
    let file = io(o.open(&path))?;
    Ok(vm.ext_mut::<FileTable>().add(OpenFile { file, path }))
}

fn read(vm: &mut Vm, fd: i64, (p, n): (u64, u64), off: Option<i64>) -> Result<i64, i64> {
    if n == 0 {
        return Ok(0);
    }
    let vm = &mut *vm;
    if fd == 0 {
        let _ = vm.stdout.flush();
    }
    let Ok(buf) = vm.heap.bytes_mut(p, n as usize) else {
        return Err(EIO);
    };
    if fd == 0 && off.is_none() {
        return io(vm.stdin.read(buf)).map(|n| n as i64);
    }
    let tbl = vm
        .ext
        .iter_mut()
        .find_map(|b| b.downcast_mut::<FileTable>())
        .ok_or(EBADF)?;
    let f = tbl.get(fd)?;
    let n = match off {
        Some(o) if o < 0 => return Err(EINVAL),
        Some(o) => io(f.file.read_at(buf, o as u64))?,
        None => io(f.file.read(buf))?,
    };
    Ok(n as i64)
}

fn write(vm: &mut Vm, fd: i64, data: &[u8], off: Option<i64>) -> Result<i64, i64> {
    if off.is_none() && (fd == 1 || fd == 2) {
        if fd == 2 {
            let _ = vm.stdout.flush();
            let _ = vm.stderr.write_all(data);
            let _ = vm.stderr.flush();
        } else {
            let _ = vm.stdout.write_all(data);
        }
        return Ok(data.len() as i64);
    }
    let f = vm.ext_mut::<FileTable>().get(fd)?;
    match off {
        Some(o) if o < 0 => Err(EINVAL),
        Some(o) => io(f.file.write_all_at(data, o as u64)).map(|_| data.len() as i64),
        None => io(f.file.write_all(data)).map(|_| data.len() as i64),
    }
}

fn seek(vm: &mut Vm, fd: i64, off: i64, whence: i64) -> Result<i64, i64> {
    let f = vm.ext_mut::<FileTable>().get(fd)?;
    let pos = match whence {
        0 if off >= 0 => SeekFrom::Start(off as u64),
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => return Err(EINVAL),
    };
    io(f.file.seek(pos)).map(|p| p as i64)
}

/// The names in a directory, sorted, each followed by a NUL byte.
fn dir_names(path: &Path) -> Result<Vec<u8>, i64> {
    let mut names: Vec<Vec<u8>> = Vec::new();
    for e in io(std::fs::read_dir(path))? {
        names.push(io(e)?.file_name().as_bytes().to_vec());
    }
    names.sort();
    Ok(names
        .into_iter()
        .flat_map(|mut n| {
            n.push(0);
            n
        })
        .collect())
}

/// Registers a native `name(path string) errno` writing at one path.
macro_rules! path_op {
    ($r:ident, $name:literal, $f:expr) => {
        native!($r, $name, |a| {
            let n = a.string()?;
            let e = host_path(a.vm, &n, true).and_then(|p| io($f(&p)));
            a.ret_int(e.err().unwrap_or(0))?;
        });
    };
}

/// Registers a native `name(from, to string) errno` writing at two paths.
macro_rules! two_path_op {
    ($r:ident, $name:literal, $f:expr) => {
        native!($r, $name, |a| {
            let from = a.string()?;
            let to = a.string()?;
            let e = host_path(a.vm, &from, true)
                .and_then(|p| Ok((p, host_path(a.vm, &to, true)?)))
                .and_then(|(p, q)| io($f(&p, &q)));
            a.ret_int(e.err().unwrap_or(0))?;
        });
    };
}

pub fn register(r: &mut NativeRegistry) {
    native!(r, "os.sysOpen", |a| {
        let name = a.string()?;
        let flag = a.int()?;
        let perm = a.int()?;
        let v = open(a.vm, &name, flag, perm);
        ret2(&mut a, v)?;
    });
    native!(r, "os.sysRead", |a| {
        let fd = a.int()?;
        let b = a.slice_ref()?;
        let v = read(a.vm, fd, b, None);
        ret2(&mut a, v)?;
    });
    native!(r, "os.sysPread", |a| {
        let fd = a.int()?;
        let b = a.slice_ref()?;
        let off = a.int()?;
        let v = read(a.vm, fd, b, Some(off));
        ret2(&mut a, v)?;
    });
    native!(r, "os.sysWrite", |a| {
        let fd = a.int()?;
        let b = a.slice_ref()?;
        let data = a.bytes(b)?.to_vec();
        let v = write(a.vm, fd, &data, None);
        ret2(&mut a, v)?;
    });
    native!(r, "os.sysWriteString", |a| {
        let fd = a.int()?;
        let s = a.string()?;
        let v = write(a.vm, fd, &s, None);
        ret2(&mut a, v)?;
    });
    native!(r, "os.sysPwrite", |a| {
        let fd = a.int()?;
        let b = a.slice_ref()?;
        let off = a.int()?;
        let data = a.bytes(b)?.to_vec();
        let v = write(a.vm, fd, &data, Some(off));
        ret2(&mut a, v)?;
    });
    native!(r, "os.sysSeek", |a| {
        let fd = a.int()?;
        let off = a.int()?;
        let whence = a.int()?;
        let v = seek(a.vm, fd, off, whence);
        ret2(&mut a, v)?;
    });
    native!(r, "os.sysClose", |a| {
        let fd = a.int()?;
        let e = if fd < 3 {
            0
        } else {
            let t = a.vm.ext_mut::<FileTable>();
            match t.get(fd) {
                Ok(_) => {
                    t.files[(fd - 3) as usize] = None;
                    0
                }
                Err(e) => e,
            }
        };
        a.ret_int(e)?;
    });
    native!(r, "os.sysFsync", |a| {
        let fd = a.int()?;
        let e = match a.vm.ext_mut::<FileTable>().get(fd) {
            Ok(f) => io(f.file.sync_all()).err().unwrap_or(0),
            Err(_) if fd < 3 => EINVAL,
            Err(e) => e,
        };
        a.ret_int(e)?;
    });
    native!(r, "os.sysFtruncate", |a| {
        let fd = a.int()?;
        let size = a.int()?;
        let e = match a.vm.ext_mut::<FileTable>().get(fd) {
            Ok(_) if size < 0 => EINVAL,
            Ok(f) => io(f.file.set_len(size as u64)).err().unwrap_or(0),
            Err(_) if fd < 3 => EINVAL,
            Err(e) => e,
        };
        a.ret_int(e)?;
    });
    native!(r, "os.sysFstat", |a| {
        let fd = a.int()?;
        let m = if fd < 3 {
            // The standard streams: character devices as Go reports a terminal's or a
            // pipe's type is host-specific; gosub's are always its own streams.
            Err(EINVAL)
        } else {
            a.vm.ext_mut::<FileTable>()
                .get(fd)
                .and_then(|f| io(f.file.metadata()))
        };
        ret_stat(&mut a, m)?;
    });
    native!(r, "os.sysStat", |a| {
        let name = a.string()?;
        let follow = a.int()? != 0;
        let m = host_path(a.vm, &name, false).and_then(|p| {
            io(if follow {
                std::fs::metadata(p)
            } else {
                std::fs::symlink_metadata(p)
            })
        });
        ret_stat(&mut a, m)?;
    });
    native!(r, "os.sysReadDirNames", |a| {
        let fd = a.int()?;
        let r = a.vm.ext_mut::<FileTable>().get(fd).map(|f| f.path.clone());
        let (names, e) = match r.and_then(|p| dir_names(&p)) {
            Ok(n) => (n, 0),
            Err(e) => (Vec::new(), e),
        };
        a.ret_string(&names)?;
        a.ret_int(e)?;
    });
    native!(r, "os.sysMkdir", |a| {
        let name = a.string()?;
        let perm = a.int()?;
        let e = host_path(a.vm, &name, true).and_then(|p| {
            io(std::fs::DirBuilder::new()
                .mode((perm & 0o7777) as u32)
                .create(p))
        });
        a.ret_int(e.err().unwrap_or(0))?;
    });
    path_op!(r, "os.sysUnlink", std::fs::remove_file);
    path_op!(r, "os.sysRmdir", std::fs::remove_dir);
    two_path_op!(r, "os.sysRename", std::fs::rename);
    two_path_op!(r, "os.sysLink", std::fs::hard_link);
    native!(r, "os.sysSymlink", |a| {
        let old = a.string()?;
        let new = a.string()?;
        // The link's text is not resolved: only where the link is made is checked.
        let e = host_path(a.vm, &new, true).and_then(|p| {
            io(std::os::unix::fs::symlink(
                std::ffi::OsStr::from_bytes(&old),
                p,
            ))
        });
        a.ret_int(e.err().unwrap_or(0))?;
    });
    native!(r, "os.sysReadlink", |a| {
        let name = a.string()?;
        let r = host_path(a.vm, &name, false).and_then(|p| io(std::fs::read_link(p)));
        let (s, e) = match r {
            Ok(t) => (t.as_os_str().as_bytes().to_vec(), 0),
            Err(e) => (Vec::new(), e),
        };
        a.ret_string(&s)?;
        a.ret_int(e)?;
    });
    native!(r, "os.sysTruncate", |a| {
        let name = a.string()?;
        let size = a.int()?;
        let e = host_path(a.vm, &name, true).and_then(|p| {
            if size < 0 {
                return Err(EINVAL);
            }
            let f = io(std::fs::OpenOptions::new().write(true).open(p))?;
            io(f.set_len(size as u64))
        });
        a.ret_int(e.err().unwrap_or(0))?;
    });
    native!(r, "os.sysChmod", |a| {
        let name = a.string()?;
        let mode = a.int()?;
        let e = host_path(a.vm, &name, true).and_then(|p| {
            io(std::fs::set_permissions(
                p,
                std::fs::Permissions::from_mode((mode & 0o7777) as u32),
            ))
        });
        a.ret_int(e.err().unwrap_or(0))?;
    });
}
