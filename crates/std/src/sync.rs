//! Package sync's native: the fatal error of a misused lock (`fatal error: sync: unlock of
//! unlocked mutex`), which Go does not let a program recover from.

use crate::natives::native;
use gosub_vm::{NativeRegistry, Trap};

pub fn register(r: &mut NativeRegistry) {
    native!(r, "sync.fatal", |a| {
        let s = a.string()?;
        return Err(Trap::Fatal(String::from_utf8_lossy(&s).into_owned()));
    });
}
