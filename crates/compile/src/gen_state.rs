//! What the generator keeps between the inputs of an eval session (`Gen::resume` continues
//! from it, `Gen::run_increment` returns it): the program compiled so far, shared with the
//! VM that loaded it, and the tables that give each function, global, string constant, GC
//! type, wrapper, native and message its index.
//!
//! Invariant: the tables are layered (`gosub_layered`) and frozen after each
//! compilation, so a copy for the next input shares what earlier inputs made; an index
//! once given never changes.

use crate::program::Program;
use gosub_types::{self as types, ObjId, TypeId};
use types::layout::Layouts;

/// The generator's tables between the inputs of an eval session (see `Gen::resume`):
/// layered (`gosub_layered`), so the next input's generator shares what earlier
/// ones made instead of copying it.
#[derive(Clone)]
pub struct GenState {
    /// The program compiled so far (shared with the VM that loaded it).
    pub out: std::sync::Arc<Program>,
    pub layouts: Layouts,
    pub func_index: types::Layered<ObjId, u32>,
    pub globals: types::Layered<ObjId, u32>,
    pub strings: types::Layered<Vec<u8>, u32>,
    pub gctypes: types::Layered<(u32, Vec<u32>), u32>,
    pub wrappers: types::Layered<(TypeId, String), u32>,
    pub natives: types::Layered<String, u32>,
    pub messages: types::Layered<String, u32>,
    /// `out.itabs` by (dynamic type, interface), for the first `itabs_indexed` of them
    /// (the VM may append more at run time; `Gen::resume` indexes those).
    pub itabs: types::Layered<(u32, u32), u32>,
    pub itabs_indexed: usize,
    /// `out.static_boxes` by content.
    pub static_boxes: types::Layered<crate::program::StaticBox, u32>,
    /// How many checker objects the compiled program had (the next increment's main
    /// package declares variables only among the newer ones).
    pub objects_seen: usize,
}

impl GenState {
    /// Makes what the last compilation added shared with the copies made from now on.
    pub(crate) fn freeze(&mut self) {
        self.layouts.freeze();
        self.func_index.freeze();
        self.globals.freeze();
        self.strings.freeze();
        self.gctypes.freeze();
        self.wrappers.freeze();
        self.natives.freeze();
        self.messages.freeze();
        self.itabs.freeze();
        self.static_boxes.freeze();
    }
}
