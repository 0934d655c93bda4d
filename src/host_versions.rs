//! Host functions registered while an eval session runs (`Vm::register_fn` after the
//! session imported the package): what the next input sees.
//!
//! A host package is Go source generated from the registered functions (host.rs,
//! `package_source`), loaded into the session when an input first imports it. When the
//! registrations of a loaded package change:
//! - a function registered again with the same Go signature is rebound in place: every
//!   native slot of that name gets the new closure, so code compiled earlier calls it too
//!   (the frame it reads is the same);
//! - a function that is new, or registered again with another signature, makes the package
//!   stale: the next input that imports it loads the package again, as a new package with
//!   the same path (the session's import of a path takes the latest package:
//!   `Checker::find_import`). A changed function gets a native slot of its own (its name is
//!   dropped from the compiler's native table), so code compiled against the old
//!   signature keeps calling the old closure with the frame it was compiled for.
//!
//! Invariant: `loaded[path]` is the source of the latest version of `path` in the session,
//! and `slots[i]` the name and Go signature native slot `i` was compiled for; a slot is
//! only ever bound to a closure of that signature.

use crate::driver::Options;
use crate::host::HostEntry;
use gosub_compile::GenState;
use gosub_vm::natives::Native;
use gosub_vm::Vm as RawVm;
use std::collections::HashMap;

#[derive(Clone, Default)]
pub(crate) struct HostVersions {
    loaded: HashMap<String, String>,
    slots: HashMap<usize, (String, String)>,
}

impl HostVersions {
    /// Takes the current registrations: rebinds the native slots compiled for a
    /// function's current signature, and makes the compiler give a function whose
    /// signature changed a new slot. Returns the loaded host packages that are stale.
    pub fn update(
        &mut self,
        opts: &Options,
        hosts: &[HostEntry],
        vm: &mut RawVm,
        gen: &mut GenState,
    ) -> Vec<String> {
        for h in hosts {
            let (name, sig) = (h.native_name(), sig_text(h));
            for (&i, (n, s)) in &self.slots {
                if *n == name && *s == sig && i < vm.natives.len() {
                    *vm.natives.slot_mut(i) = Native::Closure(h.native.clone());
                }
            }
            let current = gen.natives.get(&name).map(|&i| i as usize);
            if current.is_some_and(|i| self.slots.get(&i).is_some_and(|(_, s)| *s != sig)) {
                gen.natives.remove(&name);
            }
        }
        opts.host_packages
            .iter()
            .filter(|(path, src)| self.loaded.get(path).is_some_and(|old| old != src))
            .map(|(path, _)| path.clone())
            .collect()
    }

    /// Records what a load added: the host packages among `paths`, and the native slots
    /// from `first_slot` on that are host functions.
    pub fn record<'a>(
        &mut self,
        paths: impl Iterator<Item = &'a str>,
        first_slot: usize,
        vm: &RawVm,
        opts: &Options,
        hosts: &[HostEntry],
    ) {
        if hosts.is_empty() && opts.host_packages.is_empty() {
            return;
        }
        for path in paths {
            if let Some((_, src)) = opts.host_packages.iter().find(|(p, _)| p == path) {
                self.loaded.insert(path.to_string(), src.clone());
            }
        }
        for (i, n) in vm.prog.natives.iter().enumerate().skip(first_slot) {
            if let Some(h) = hosts.iter().find(|h| h.native_name() == *n) {
                self.slots.insert(i, (n.clone(), sig_text(h)));
            }
        }
    }
}

fn sig_text(h: &HostEntry) -> String {
    format!("{:?}", h.sig)
}
