//! What the generator keeps between the inputs of an eval session (`Gen::resume` continues
//! from it, `Gen::run_increment` returns it): the program compiled so far, shared with the
//! VM that loaded it, and the tables that give each function, global, string constant, GC
//! type, wrapper, native and message its index.
//!
//! Invariant: the tables are layered (`gosub_layered`) and frozen after each
//! compilation, so a copy for the next input shares what earlier inputs made; an index
//! once given never changes.

use crate::gen::{Gen, Increment};
use crate::program::Program;
use gosub_syntax::Diagnostic;
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

impl<'a> Gen<'a> {
    /// Continues a compilation (an eval session's next input): `st` is the state the last
    /// compilation ended in, `p` the checked program grown from the one it compiled (ids
    /// of types, objects and nodes keep their meaning). Everything already in `st.out`
    /// keeps its index; what is new is appended, and `Program::entry` becomes a function
    /// that initializes what `inc` adds and calls the session's new input functions.
    pub fn resume(p: &'a types::Program, esc: &'a gosub_escape::Escapes, st: GenState) -> Gen<'a> {
        let mut g = Gen::new(p, esc);
        // Room to grow in the session's own functions and types (the tail of each table:
        // gosub_layered::Prefixed): an eighth, not the doubling a push would leave (each
        // VM of a process keeps its session's copy: embedding's memory per VM).
        let room = |own: usize| own / 8 + 8;
        g.out = match std::sync::Arc::try_unwrap(st.out) {
            Ok(mut own) => {
                own.funcs.reserve_exact(room(own.funcs.parts().1.len()));
                own.rtypes.reserve_exact(room(own.rtypes.parts().1.len()));
                own
            }
            Err(shared) => shared.clone_with_room(
                room(shared.funcs.parts().1.len()),
                room(shared.rtypes.parts().1.len()),
            ),
        };
        g.layouts = st.layouts;
        g.func_index = st.func_index;
        g.globals = st.globals;
        g.strings = st.strings;
        g.gctypes = st.gctypes;
        g.wrappers = st.wrappers;
        g.natives = st.natives;
        g.messages = st.messages;
        g.static_boxes = st.static_boxes;
        g.objects_seen = st.objects_seen;
        g.itabs = st.itabs;
        // Itabs the VM made at run time since (appended to `out.itabs` by the session).
        let known = st.itabs_indexed;
        for (i, it) in g.out.itabs.from(known).enumerate() {
            g.itabs.insert((it.rtype, it.iface), (known + i) as u32);
        }
        g
    }

    /// Compiles what `inc` adds; see `resume`.
    pub fn run_increment(
        mut self,
        inc: Increment,
    ) -> Result<(std::sync::Arc<Program>, GenState), Vec<Diagnostic>> {
        self.compile_increment(inc)?;
        self.out.freeze();
        let out = std::sync::Arc::new(self.out);
        let mut st = GenState {
            out: out.clone(),
            layouts: self.layouts,
            func_index: self.func_index,
            globals: self.globals,
            strings: self.strings,
            gctypes: self.gctypes,
            wrappers: self.wrappers,
            natives: self.natives,
            messages: self.messages,
            itabs: self.itabs,
            itabs_indexed: out.itabs.len(),
            static_boxes: self.static_boxes,
            objects_seen: self.p.objects.len(),
        };
        st.freeze();
        Ok((out, st))
    }
}
