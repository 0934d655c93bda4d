//! Package os's natives: the program's arguments, writing to the standard streams, exit and
//! the environment.
//!
//! Invariant: writes to stderr flush stdout first, so interleaved output keeps Go's order.

use crate::natives::native;
use gosub_vm::{NativeRegistry, Trap};
use std::io::Write;

pub fn register(r: &mut NativeRegistry) {
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
    native!(r, "os.writeFd", |a| {
        let fd = a.int()?;
        let s = a.string()?;
        if fd == 2 {
            let _ = a.vm.stdout.flush();
            let _ = a.vm.stderr.write_all(&s);
            let _ = a.vm.stderr.flush();
        } else {
            let _ = a.vm.stdout.write_all(&s);
        }
    });
    native!(r, "os.Exit", |a| {
        let c = a.int()?;
        return Err(Trap::Exit(c as i32));
    });
    native!(r, "os.Getenv", |a| {
        let k = a.string()?;
        let v = std::env::var(String::from_utf8_lossy(&k).as_ref()).unwrap_or_default();
        a.ret_string(v.as_bytes())?;
    });
}
