//! The compiled program handed to the VM: functions, runtime type descriptors, itabs,
//! string constants, the globals block and the entry sequence.
//!
//! Invariants: `rtypes` is indexed by `gosub_types::TypeId.0` (every type of the checked
//! program has a descriptor); an interface's first word holds `itab index + 1` (0 = nil
//! interface); `gctypes[i]` is registered with the heap as GC type id `i`, in order, before
//! the program runs (index 0 is the byte type).

use crate::bytecode::Function;
use gosub_layered::{Chunked, Prefixed};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    Pointer,
    Slice,
    Array,
    Map,
    Chan,
    Func,
    Struct,
    Interface,
    Tuple,
}

impl RKind {
    /// The width of a signed integer kind narrower than a word, whose register form is
    /// sign-extended (`bytecode.rs`: canonical form); None for every other kind.
    pub fn narrow_signed(self) -> Option<crate::bytecode::Width> {
        use crate::bytecode::Width;
        match self {
            RKind::Int8 => Some(Width::I8),
            RKind::Int16 => Some(Width::I16),
            RKind::Int32 => Some(Width::I32),
            _ => None,
        }
    }

    /// A value of this kind begins with an address that `%p` and `println` print (a
    /// pointer, map, channel, func, unsafe.Pointer, or a slice's data pointer).
    pub fn starts_with_address(self) -> bool {
        matches!(
            self,
            RKind::Pointer
                | RKind::Map
                | RKind::Chan
                | RKind::Func
                | RKind::UnsafePointer
                | RKind::Slice
        )
    }

    /// An integer kind, signed or unsigned (uintptr included).
    pub fn is_integer(self) -> bool {
        matches!(
            self,
            RKind::Int
                | RKind::Int8
                | RKind::Int16
                | RKind::Int32
                | RKind::Int64
                | RKind::Uint
                | RKind::Uint8
                | RKind::Uint16
                | RKind::Uint32
                | RKind::Uint64
                | RKind::Uintptr
        )
    }
}

#[derive(Clone, Debug)]
pub struct RField {
    pub name: String,
    pub typ: u32,
    pub offset: u64,
    pub embedded: bool,
    pub exported: bool,
}

/// A runtime type descriptor (what Go calls `*_type` / `abi.Type`).
#[derive(Clone, Debug)]
pub struct RType {
    pub kind: RKind,
    /// As `%T` prints it: `int`, `main.Point`, `[]string`, `*main.Node`.
    pub name: String,
    /// True for declared (named) types.
    pub named: bool,
    pub size: u64,
    /// The GC type describing one value of this type.
    pub gcty: u32,
    /// Element type for pointers, slices, arrays, maps (value), chans.
    pub elem: u32,
    /// Key type for maps.
    pub key: u32,
    /// Length of arrays.
    pub len: u64,
    pub fields: Vec<RField>,
    /// Pointer-shaped: stored directly in an interface's data word.
    pub direct: bool,
    /// Comparable with `==` (and usable as a map key).
    pub comparable: bool,
    /// Methods callable through an interface holding this type, sorted by name: the function
    /// receives the interface data word as its receiver (wrappers adapt value receivers).
    pub methods: Vec<(String, u32)>,
    /// The signature (func type without receiver) of each entry of `methods`.
    pub method_sigs: Vec<u32>,
    /// The underlying type's descriptor (itself for unnamed types).
    pub underlying: u32,
    /// Interface types: method names, sorted (the dispatch order).
    pub iface_methods: Vec<String>,
    /// Interface types: the signature of each method in `iface_methods`.
    pub iface_sigs: Vec<u32>,
    /// Func types: the parameter types.
    pub params: Vec<u32>,
    /// Func types: the result types.
    pub results: Vec<u32>,
}

#[derive(Clone, Debug)]
pub struct Itab {
    /// Dynamic type.
    pub rtype: u32,
    /// Interface type.
    pub iface: u32,
    /// Function per interface method, in the interface's method order.
    pub funcs: Vec<u32>,
}

#[derive(Clone, Debug)]
pub struct GcType {
    pub size: u32,
    pub ptr_words: Vec<u32>,
}

#[derive(Clone, Debug, Default)]
pub struct Program {
    /// Shared, so that an eval session's grown program and the one it grew from share
    /// every function the input did not add, and every VM the standard library's
    /// (`gosub_layered::Prefixed`: cloning a program copies the session's own pointers; a
    /// pass that changes a function writes through `func_mut`). Runtime types likewise.
    pub funcs: Prefixed<Arc<Function>>,
    pub rtypes: Prefixed<Arc<RType>>,
    pub itabs: Chunked<Itab>,
    pub gctypes: Chunked<GcType>,
    /// String constants (bytes); `Op::Str` refers to them by index.
    pub strings: Chunked<Vec<u8>>,
    /// Size of the globals block and its pointer words.
    pub globals_size: u32,
    pub globals_ptr_words: Vec<u32>,
    /// Names of native functions (`strings.Index`); `Function::native` indexes this.
    pub natives: Chunked<String>,
    /// The function that initializes globals, runs init()s and then main.main.
    pub entry: u32,
    /// Fixed messages for `Op::PanicMsg`.
    pub messages: Chunked<String>,
    /// Itabs (with `any`) of the runtime's error types, to box runtime error panics.
    pub runtime_errors: RuntimeErrorItabs,
    /// Read-only static values constants are boxed into (`Op::IfaceStatic`).
    pub static_boxes: Chunked<StaticBox>,
    /// Itab of (string, any), for panics with plain string messages.
    pub string_itab: Option<u32>,
    /// Package-level variables, for hosts that read and write them (the embedding API).
    pub globals: Chunked<GlobalVar>,
    /// Signatures of package-level functions (no methods), for hosts that call them.
    pub signatures: Chunked<Arc<FuncSig>>,
}

impl Program {
    /// Makes the constant tables shared with the copies made from now on (an eval
    /// session's next input copies the program: `funcs` and `rtypes`, which the
    /// interpreter indexes, share their prefix; the rest are chunked).
    pub fn freeze(&mut self) {
        if self.funcs.tail_outgrew_prefix() || self.rtypes.tail_outgrew_prefix() {
            // A program compiled from nothing (an eval session's start, which every VM of
            // the process copies), or a session's that grew by a quarter since.
            self.freeze_prefix();
        }
        self.itabs.freeze();
        self.gctypes.freeze();
        self.strings.freeze();
        self.natives.freeze();
        self.messages.freeze();
        self.static_boxes.freeze();
        self.globals.freeze();
        self.signatures.freeze();
    }

    /// Makes every function and runtime type part of the prefix shared by the copies made
    /// from now on. The interpreter finds a function of the prefix a little faster than
    /// one of the tail (`gosub_vm::fast_loop`), so a whole program is all prefix.
    pub fn freeze_prefix(&mut self) {
        self.funcs.freeze();
        self.rtypes.freeze();
    }

    /// A copy with room for `extra_funcs` more functions and `extra_rtypes` more runtime
    /// types: the copy an eval session's input grows, made in one allocation per vector
    /// rather than cloned and then grown (a second copy).
    pub fn clone_with_room(&self, extra_funcs: usize, extra_rtypes: usize) -> Program {
        Program {
            funcs: self.funcs.clone_with_room(extra_funcs),
            rtypes: self.rtypes.clone_with_room(extra_rtypes),
            itabs: self.itabs.clone(),
            gctypes: self.gctypes.clone(),
            strings: self.strings.clone(),
            globals_size: self.globals_size,
            globals_ptr_words: self.globals_ptr_words.clone(),
            natives: self.natives.clone(),
            entry: self.entry,
            messages: self.messages.clone(),
            runtime_errors: self.runtime_errors.clone(),
            static_boxes: self.static_boxes.clone(),
            string_itab: self.string_itab,
            globals: self.globals.clone(),
            signatures: self.signatures.clone(),
        }
    }

    /// Function `idx` for changing it: copied first if another program shares it.
    pub fn func_mut(&mut self, idx: u32) -> &mut Function {
        self.funcs.make_mut(idx as usize)
    }
}

/// A constant's memory form, which the VM copies into static data at load: `bytes`, with the
/// data pointer of string constant `strings[k]` written at each (offset, k) of `strings`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct StaticBox {
    pub bytes: Vec<u8>,
    pub strings: Vec<(u32, u32)>,
}

/// The itabs (dynamic type, `any`) of the types Go's runtime panics with, where the
/// program has package runtime: each is `None` otherwise (the panic value is then a string).
#[derive(Clone, Debug, Default)]
pub struct RuntimeErrorItabs {
    /// runtime.errorString: `runtime error: integer divide by zero`, nil dereference, ...
    pub error_string: Option<u32>,
    /// runtime.boundsError: `runtime error: index out of range`, `slice bounds out of range`.
    pub bounds_error: Option<u32>,
    /// runtime.plainError: runtime errors without the prefix (`assignment to entry in nil
    /// map`, `close of closed channel`, ...).
    pub plain_error: Option<u32>,
    /// *runtime.TypeAssertionError: `interface conversion: ...`.
    pub type_assertion: Option<u32>,
    /// *runtime.PanicNilError: the value of `panic(nil)`.
    pub panic_nil: Option<u32>,
}

/// A package-level variable: `pkg.name` lives at `offset` in the globals block.
#[derive(Clone, Debug)]
pub struct GlobalVar {
    /// Qualified name (`main.count`).
    pub name: String,
    pub offset: u32,
    /// Its type's descriptor (index into `rtypes`).
    pub rtype: u32,
}

/// The Go signature of a package-level function (`funcs[func]`).
#[derive(Clone, Debug)]
pub struct FuncSig {
    pub func: u32,
    /// Parameter and result types (indices into `rtypes`).
    pub params: Vec<u32>,
    pub results: Vec<u32>,
    pub variadic: bool,
}
