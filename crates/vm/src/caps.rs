//! Capabilities: what a program may reach outside the VM, granted by the host. A capability
//! is either named (`ENV`: the environment; `EXIT`: ending the run with os.Exit; others may
//! be added by name, e.g. for time-zone data) or a directory grant (read, or read-write,
//! below a canonical directory). The `gosub` CLI grants everything (`Capabilities::all`);
//! an embedding host starts from none and grants what it wants.
//!
//! Invariants: directory grants hold canonical absolute paths (symbolic links resolved), and
//! `check_path` compares canonical paths only, so `..` and links cannot lead outside a
//! grant; a path that cannot be resolved is refused. Write implies read. The checks are pure
//! functions of the grants: natives ask, the host decides once when it builds the VM.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

/// The named capability of reading and changing the environment (os.Getenv, os.Setenv...).
pub const ENV: &str = "env";
/// The named capability of ending the run early with an exit code (os.Exit).
pub const EXIT: &str = "exit";

/// A directory below which files may be read (and written when `write`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirGrant {
    /// Canonical absolute path.
    pub dir: PathBuf,
    pub write: bool,
}

/// The capabilities granted to a program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// Everything, and the whole file system without checks (the CLI).
    pub all: bool,
    /// Named capabilities (`ENV`, `EXIT`, ...).
    pub named: BTreeSet<String>,
    /// Directory grants.
    pub dirs: Vec<DirGrant>,
}

impl Capabilities {
    /// Every capability (what the `gosub` CLI grants).
    pub fn all() -> Self {
        Capabilities {
            all: true,
            ..Self::default()
        }
    }
    /// No capability (an embedding host's default).
    pub fn none() -> Self {
        Self::default()
    }
    /// Grants a named capability.
    pub fn grant(&mut self, name: &str) {
        self.named.insert(name.to_string());
    }
    /// Is the named capability granted?
    pub fn has(&self, name: &str) -> bool {
        self.all || self.named.contains(name)
    }
    /// Grants access below `dir` (read, or read-write). The directory must exist: it is
    /// canonicalized now, and an error is returned when it cannot be.
    pub fn grant_dir(&mut self, dir: &Path, write: bool) -> std::io::Result<()> {
        let dir = std::fs::canonicalize(dir)?;
        match self.dirs.iter_mut().find(|g| g.dir == dir) {
            Some(g) => g.write |= write,
            None => self.dirs.push(DirGrant { dir, write }),
        }
        Ok(())
    }
    /// May the file system be reached at all (some directory granted, or everything)?
    pub fn any_files(&self) -> bool {
        self.all || !self.dirs.is_empty()
    }
    /// May `path` (absolute) be read, or written when `write`? The path is resolved first
    /// (`resolve`): its longest existing prefix canonicalized, the rest cleaned lexically.
    pub fn check_path(&self, path: &Path, write: bool) -> bool {
        if self.all {
            return true;
        }
        let Some(real) = resolve(path) else {
            return false;
        };
        self.dirs
            .iter()
            .any(|g| (g.write || !write) && real.starts_with(&g.dir))
    }
}

/// The canonical form of an absolute path that may not exist yet: `..` and `.` removed
/// lexically, then the longest existing prefix canonicalized (links resolved) and the
/// missing rest appended. None for a relative path or one that cannot be resolved.
pub fn resolve(path: &Path) -> Option<PathBuf> {
    if !path.is_absolute() {
        return None;
    }
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    // Resolve the existing prefix component by component: a `..` after a link must apply
    // to the link's target, so clean only after canonicalizing what exists.
    let mut base = PathBuf::from("/");
    let mut rest: Vec<Component> = Vec::new();
    let mut missing = false;
    for c in path.components() {
        match c {
            Component::RootDir | Component::Prefix(_) | Component::CurDir => {}
            Component::ParentDir if !missing => {
                base.pop();
            }
            Component::ParentDir => {
                rest.pop()?;
            }
            Component::Normal(n) if !missing => {
                let next = base.join(n);
                match std::fs::canonicalize(&next) {
                    Ok(p) => base = p,
                    Err(_) => {
                        missing = true;
                        rest.push(c);
                    }
                }
            }
            Component::Normal(_) => rest.push(c),
        }
    }
    for c in rest {
        base.push(c);
    }
    Some(base)
}
