//! The bytecode: a register machine whose registers are byte offsets into the current frame.
//!
//! Invariants:
//! - Every operand named `dst`, `a`, `b`, `src`, `ptr`... of type `Reg` is a byte offset from
//!   the frame base; the compiler guarantees `offset + size <= Function::frame_size` for every
//!   access (the VM re-checks this once per function at load time in `verify.rs`, which is
//!   what makes unchecked frame access in the interpreter sound).
//! - Instructions are specialized by type: there are no dynamic type tests on arithmetic.
//!   Integers of every size are kept in frame registers in canonical 64-bit form
//!   (sign-extended for signed kinds, zero-extended for unsigned), and an `Ext` after each
//!   arithmetic operation on a sized type gives Go's wraparound. In memory (and inside
//!   aggregates in the frame) values have Go's layout, so a narrow value is its low bytes.
//!   float32 is kept as f32 bits (low 4 bytes) everywhere and computed in f32.
//! - Pointers in frames and memory are VM addresses (u64, 0 = nil).
//! - Jump targets are instruction indices within the same function.

pub use crate::function::Function;
pub use crate::operations::{BoundsKind, BoxKind, CmpOp, Conv, FloatOp, IntOp, SelectCase, Width};

pub type Reg = u32;

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Nop,
    // ---- constants and moves ----
    Const {
        dst: Reg,
        val: u64,
    },
    /// Copies one 8-byte word.
    Move {
        dst: Reg,
        src: Reg,
    },
    /// Copies `size` bytes (multi-word values: strings, slices, interfaces, structs, arrays).
    MoveN {
        dst: Reg,
        src: Reg,
        size: u32,
    },
    Zero {
        dst: Reg,
        size: u32,
    },
    /// Writes the string constant `Program::strings[idx]` as {ptr, len}.
    Str {
        dst: Reg,
        idx: u32,
    },
    /// Reads `w` bytes at frame offset `src`, extends to 64 bits (Go's wraparound/truncation).
    Ext {
        dst: Reg,
        src: Reg,
        w: Width,
    },
    /// Writes the low `w` bytes of the word at `src` to frame offset `dst`.
    StoreNarrow {
        dst: Reg,
        src: Reg,
        w: Width,
    },

    // ---- integer arithmetic (64-bit, wrapping) ----
    Int {
        op: IntOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    IntImm {
        op: IntOp,
        dst: Reg,
        a: Reg,
        imm: i64,
    },
    Neg {
        dst: Reg,
        a: Reg,
    },
    Not {
        dst: Reg,
        a: Reg,
    },
    /// Boolean not.
    BNot {
        dst: Reg,
        a: Reg,
    },
    Cmp {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    CmpImm {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        imm: i64,
    },
    /// Panics `negative shift amount` if the signed count at `a` is negative.
    CheckShift {
        a: Reg,
    },

    // ---- floating point ----
    F64 {
        op: FloatOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    F32 {
        op: FloatOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    NegF64 {
        dst: Reg,
        a: Reg,
    },
    /// Go's min/max on floats: NaN wins, min(-0, +0) = -0, max(-0, +0) = +0.
    FMinMax {
        dst: Reg,
        a: Reg,
        b: Reg,
        max: bool,
        f32: bool,
    },
    NegF32 {
        dst: Reg,
        a: Reg,
    },
    CmpF64 {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    CmpF32 {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Conv {
        conv: Conv,
        dst: Reg,
        a: Reg,
    },

    // ---- complex numbers ----
    // A complex128 is two f64 words {real, imag} (16 bytes); a complex64 is one word whose
    // low 4 bytes are the real part's f32 bits and high 4 bytes the imaginary part's, which
    // is also its memory layout. real/imag/complex() are plain moves (`Move`, `Ext`,
    // `StoreNarrow`); these are the operations with Go's own semantics.
    /// `a op b` as gc computes it: + and - part by part in the type's precision, * in
    /// float64 (rounded back for complex64), / by the runtime's `complex128div` (complex64
    /// operands widened and the result narrowed).
    Cplx {
        op: FloatOp,
        dst: Reg,
        a: Reg,
        b: Reg,
        c64: bool,
    },
    NegCplx {
        dst: Reg,
        a: Reg,
        c64: bool,
    },
    /// `a == b` (or `!=` when `ne`): both parts equal as floats.
    CmpCplx {
        dst: Reg,
        a: Reg,
        b: Reg,
        ne: bool,
        c64: bool,
    },
    /// complex64(x) of a complex128 (`to_c64`) or complex128(x) of a complex64.
    ConvCplx {
        dst: Reg,
        a: Reg,
        to_c64: bool,
    },

    // ---- strings ----
    /// `buf`: a 32-byte frame buffer for a result that does not escape (gc's tmpBuf), or NONE.
    Concat {
        dst: Reg,
        a: Reg,
        b: Reg,
        buf: Reg,
    },
    CmpStr {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `s[i]` with bounds check.
    StrIndex {
        dst: Reg,
        s: Reg,
        i: Reg,
    },
    /// `s[lo:hi]`; `lo`/`hi` are registers or u32::MAX for absent.
    StrSlice {
        dst: Reg,
        s: Reg,
        lo: Reg,
        hi: Reg,
    },
    /// string(rune)
    RuneToStr {
        dst: Reg,
        a: Reg,
    },
    /// string([]byte)
    BytesToStr {
        dst: Reg,
        a: Reg,
        buf: Reg,
    },
    /// []byte(string). `buf` is a frame buffer (or NONE): gc's 32-byte tmpBuf for a
    /// result that does not escape, or, when `exact`, an array of exactly the length of
    /// the constant string converted. `exact` (a constant operand, which gc converts
    /// into a new `[n]byte`) makes the capacity the length rather than a size class.
    StrToBytes {
        dst: Reg,
        a: Reg,
        buf: Reg,
        exact: bool,
    },
    /// string([]rune)
    RunesToStr {
        dst: Reg,
        a: Reg,
    },
    /// []rune(string). `buf` is a frame buffer (or NONE): gc's tmpBuf of 32 runes for a
    /// result that does not escape, or, when `exact`, an array of exactly the runes of the
    /// constant string converted. `exact` (a constant operand, which gc turns into a
    /// slice literal) makes the capacity the rune count rather than a size class.
    StrToRunes {
        dst: Reg,
        a: Reg,
        buf: Reg,
        exact: bool,
    },
    /// for-range over a string: decodes the rune at byte index `i` of `s`; writes the rune
    /// to `rune` and the byte width to `width`.
    StrRangeNext {
        s: Reg,
        i: Reg,
        rune: Reg,
        width: Reg,
    },

    // ---- control flow ----
    Jmp {
        target: u32,
    },
    JmpIf {
        cond: Reg,
        target: u32,
    },
    JmpIfNot {
        cond: Reg,
        target: u32,
    },
    /// Fused compare-and-branch for loops: jump if `!(a op b)`.
    JmpCmpNot {
        op: CmpOp,
        a: Reg,
        b: Reg,
        target: u32,
    },
    /// The same for float64 operands: jump if `!(a op b)`, so also when either is NaN
    /// (there is no jump-if form: negating a float comparison is not exact).
    JmpCmpF64Not {
        op: CmpOp,
        a: Reg,
        b: Reg,
        target: u32,
    },
    JmpCmpImmNot {
        op: CmpOp,
        a: Reg,
        imm: i64,
        target: u32,
    },

    // ---- fused forms (fused.rs) ----
    // A loop's increment and its back edge as one dispatch. Each stands for two instructions:
    // its `Op::generic` form, and the jump that stays at the next index (`fused::second_half`),
    // which executing the fused form skips when it does not jump.
    /// `AddIntImm { dst: i, a: i, imm }`, then `JmpLt { a: i, b: n, target }`.
    IncJmpLt {
        i: Reg,
        n: Reg,
        imm: i32,
        target: u32,
    },
    /// `AddIntImm { dst: i, a: i, imm }`, then `JmpLe { a: i, b: n, target }`.
    IncJmpLe {
        i: Reg,
        n: Reg,
        imm: i32,
        target: u32,
    },
    /// `AddIntImm { dst: i, a: i, imm }`, then `JmpLtImm { a: i, imm: bound, target }`.
    IncJmpLtImm {
        i: Reg,
        imm: i32,
        bound: i64,
        target: u32,
    },
    /// `AddInt { dst: i, a: i, b: step }`, then `JmpLe { a: i, b: n, target }`.
    AddJmpLe {
        i: Reg,
        step: Reg,
        n: Reg,
        target: u32,
    },
    /// `AddInt { dst: i, a: i, b: step }`, then `JmpLt { a: i, b: n, target }`.
    AddJmpLt {
        i: Reg,
        step: Reg,
        n: Reg,
        target: u32,
    },
    /// `IncJmpLt` landing on `LoadElem { dst, s, i, W64 }` (a range loop's head), which it
    /// runs when it jumps: `IncLoadJmpLt(i, imm, n, target, dst, s)` (`fused::at_target`).
    IncLoadJmpLt(Reg, i32, Reg, u32, Reg, Reg),

    // Straight-line sequences as one dispatch. Each stands for its `Op::generic` form here
    // and the instructions that stay after it (`fused::tail`), which executing the fused
    // form runs in order, then skips.
    /// `MulF64 { dst: t, a, b }`, then `AddF64 { dst: d, a: x, b: y }` (`acc += a * b`),
    /// each rounded on its own, as Go on amd64 does.
    MulAddF64 {
        t: Reg,
        a: Reg,
        b: Reg,
        d: Reg,
        x: Reg,
        y: Reg,
    },
    /// `Load { dst: t1, ptr, off, W64 }`, `AddInt { dst: t2, a: t1, b: x }`, then
    /// `Store { ptr, off, src: t2, W64 }` (`*p += x`, `s.f += x`), with neither `t1` nor
    /// `t2` the register `ptr`.
    AddToMem {
        t1: Reg,
        t2: Reg,
        ptr: Reg,
        off: u32,
        x: Reg,
    },
    /// As `AddToMem` with `AddIntImm { dst: t2, a: t1, imm }` (`*p++`, `s.f += 3`).
    AddImmToMem {
        t1: Reg,
        t2: Reg,
        ptr: Reg,
        off: u32,
        imm: i64,
    },
    // Two instructions in a row as one dispatch, each named for them: their operands are the
    // first's, then the second's, in field order; what each stands for is `fused::pair_halves`,
    // its one definition (`Load2` is `Load { dst, ptr, off, W64 }` twice, `MoveRet` is `Move`
    // then `Ret`).
    Load2(Reg, Reg, u32, Reg, Reg, u32),
    Store2(Reg, u32, Reg, Reg, u32, Reg),
    LoadElem2(Reg, Reg, Reg, Reg, Reg, Reg),
    StoreElem2(Reg, Reg, Reg, Reg, Reg, Reg),
    SliceElemAddr2(Reg, Reg, Reg, u16, Reg, Reg, Reg, u16),
    AddIntImm2(Reg, Reg, i32, Reg, Reg, i32),
    Move2(Reg, Reg, Reg, Reg),
    AddAddImm(Reg, Reg, Reg, Reg, Reg, i32),
    MulIntImm(Reg, Reg, Reg, IntOp, Reg, Reg, i32),
    ConvDivF64(Reg, Reg, Reg, Reg, Reg),
    F64Pair(FloatOp, Reg, Reg, Reg, FloatOp, Reg, Reg, Reg),
    MoveRet(Reg, Reg),
    IntRet(IntOp, Reg, Reg, Reg),
    AddImmCall(Reg, Reg, i32, u32, u32),
    MoveJmp(Reg, Reg, u32),
    F64JmpNot(FloatOp, Reg, Reg, Reg, CmpOp, Reg, Reg, u32),
    F64Store(FloatOp, Reg, Reg, Reg, Reg, u32),
    /// Three in a row: `AddIntImm` in place twice, then `JmpLt` (`for i, j := ...; i < j; i,
    /// j = i+1, j-1`): `Inc2JmpLt(i, m, j, n, a, b, target)` (`fused::tail`).
    Inc2JmpLt(Reg, i32, Reg, i32, Reg, Reg, u32),
    /// `StoreElem`, `AddInt` in place, `JmpLe` (a sieve's `for ...; j <= n; j += step { s[j]
    /// = v }`): `StoreAddJmpLe(s, i, src, w, j, step, n, target)` (`fused::tail`).
    StoreAddJmpLe(Reg, Reg, Reg, Width, Reg, Reg, Reg, u32),

    // ---- specialised forms (specialized.rs) ----
    /// `JmpCmpF64Not` with `Lt`, `Le`, `Gt`, `Ge`: jump unless `a op b` (NaN: jump).
    JmpNotLtF64 {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JmpNotLeF64 {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JmpNotGtF64 {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JmpNotGeF64 {
        a: Reg,
        b: Reg,
        target: u32,
    },
    // The commonest cases of `Int`, `IntImm`, `F64`, `JmpCmpNot` and `JmpCmpImmNot` as
    // opcodes of their own, so the interpreter dispatches once instead of twice. Only the
    // compiler's last pass writes them; each means exactly its `Op::generic` form.
    AddInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    SubInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    MulInt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `IntImm` with `Add` (and `Sub`, with the immediate negated: wrapping makes the two
    /// the same, `i64::MIN` included).
    AddIntImm {
        dst: Reg,
        a: Reg,
        imm: i64,
    },
    AddF64 {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    SubF64 {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    MulF64 {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    DivF64 {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Jump if `a < b` (signed integers); the five after it likewise.
    JmpLt {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JmpLe {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JmpGt {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JmpGe {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JmpEq {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JmpNe {
        a: Reg,
        b: Reg,
        target: u32,
    },
    /// Jump if `a < imm` (signed); the five after it likewise.
    JmpLtImm {
        a: Reg,
        imm: i64,
        target: u32,
    },
    JmpLeImm {
        a: Reg,
        imm: i64,
        target: u32,
    },
    JmpGtImm {
        a: Reg,
        imm: i64,
        target: u32,
    },
    JmpGeImm {
        a: Reg,
        imm: i64,
        target: u32,
    },
    JmpEqImm {
        a: Reg,
        imm: i64,
        target: u32,
    },
    JmpNeImm {
        a: Reg,
        imm: i64,
        target: u32,
    },

    // ---- calls ----
    /// Calls `Program::funcs[func]` with its frame starting at `base` (params, then results).
    Call {
        func: u32,
        base: Reg,
    },
    /// `Call` with the callee's frame starting at `base` itself, overlapping the caller's
    /// frame (`in_place.rs` says when the compiler may write it): nothing is copied in or
    /// out.
    CallInPlace {
        func: u32,
        base: Reg,
    },
    /// Calls the func value at `fv` (a pointer to a closure object whose word 0 is the
    /// function index); the callee finds its closure in its context register.
    /// Calls the func value at `fv` with the argument region at `base`: `args_size` bytes
    /// of parameters, then the results to the end of the region's frame slot.
    CallClosure {
        fv: Reg,
        base: Reg,
        args_size: u32,
    },
    /// Calls method `index` of the interface at `iface`; the receiver (the data word) is
    /// passed as the first parameter word.
    CallIface {
        iface: Reg,
        index: u32,
        base: Reg,
        args_size: u32,
    },
    Ret,
    /// `defer`: allocates a defer record {closure, next, args...} and links it into the
    /// frame's defer list at `Function::defer_off` or, when `list` is not `NONE`, into the
    /// defer list whose address `list` holds: a `defer` in a range-over-func loop body adds
    /// to the list of the function the loop is in (its token, gc's `deferprocat`).
    Defer {
        fv: Reg,
        args: Reg,
        args_size: u32,
        gcty: u32,
        list: Reg,
    },
    Panic {
        val: Reg,
    },
    /// `recover()`: writes the interface value (or nil).
    Recover {
        dst: Reg,
    },
    /// Creates a closure for function `func` with `ncap` captured words copied from
    /// `caps` (consecutive registers).
    MakeClosure {
        dst: Reg,
        func: u32,
        caps: Reg,
        ncap: u32,
        gcty: u32,
    },
    /// Writes the static closure of a top-level function (no captures).
    FuncVal {
        dst: Reg,
        func: u32,
    },
    /// Loads captured word `index` of the current closure.
    LoadCapture {
        dst: Reg,
        index: u32,
    },

    // ---- memory ----
    /// Address of a frame slot.
    AddrLocal {
        dst: Reg,
        src: Reg,
    },
    /// `runtime.deferrangefunc()`: this frame's defer-list slot `slot` as an offset into
    /// the goroutine's stack (an address would go stale when the stack moves), for the
    /// `Defer { list }` of a range-over-func loop body.
    DeferToken {
        dst: Reg,
        slot: Reg,
    },
    /// Address of a global (offset into the globals block).
    AddrGlobal {
        dst: Reg,
        off: u32,
    },
    /// Loads `w` bytes from `*(ptr) + off` (nil check), extended.
    Load {
        dst: Reg,
        ptr: Reg,
        off: u32,
        w: Width,
    },
    LoadN {
        dst: Reg,
        ptr: Reg,
        off: u32,
        size: u32,
    },
    Store {
        ptr: Reg,
        off: u32,
        src: Reg,
        w: Width,
    },
    /// Stores `size` bytes; words listed by gc type `gcty` hold pointers (write barrier).
    StoreN {
        ptr: Reg,
        off: u32,
        src: Reg,
        size: u32,
        gcty: u32,
    },
    /// Stores one pointer word (with write barrier).
    StorePtr {
        ptr: Reg,
        off: u32,
        src: Reg,
    },
    /// `ptr + off` after a nil check (address of a field through a pointer).
    FieldAddr {
        dst: Reg,
        ptr: Reg,
        off: u32,
    },
    /// Nil check only.
    NilCheck {
        ptr: Reg,
    },
    /// Allocates a zeroed object of gc type `gcty` (size `size`) and writes its address.
    New {
        dst: Reg,
        gcty: u32,
        size: u32,
    },
    /// Address of element `i` of the slice at `s` (bounds-checked against len).
    SliceElemAddr {
        dst: Reg,
        s: Reg,
        i: Reg,
        size: u32,
    },
    /// Address of element `i` of the array at address `ptr` with length `len`.
    ArrayElemAddr {
        dst: Reg,
        ptr: Reg,
        i: Reg,
        len: u64,
        size: u32,
    },
    /// Fused `s[i]` load for elements of width `w`.
    LoadElem {
        dst: Reg,
        s: Reg,
        i: Reg,
        w: Width,
    },
    /// Fused `s[i] = v` for non-pointer elements of width `w`.
    StoreElem {
        s: Reg,
        i: Reg,
        src: Reg,
        w: Width,
    },
    /// Bounds check `i < len` (unsigned) raising an index panic.
    BoundsCheck {
        i: Reg,
        len: Reg,
    },
    /// `make([]T, len, cap)`: gcty is the element's gc type; cap = u32::MAX means cap = len.
    MakeSlice {
        dst: Reg,
        gcty: u32,
        elem_size: u32,
        len: Reg,
        cap: Reg,
    },
    /// Slicing a slice (`ptr,len,cap` at `s`). `lo`,`hi`,`max` are registers or NONE.
    SliceSlice {
        dst: Reg,
        s: Reg,
        lo: Reg,
        hi: Reg,
        max: Reg,
        elem_size: u32,
    },
    /// Slicing the array at the address in register `s` whose length is in register `len`
    /// (so that no instruction needs more than 32 bytes); operands as for `SliceSlice`.
    SliceArray {
        dst: Reg,
        s: Reg,
        lo: Reg,
        hi: Reg,
        max: Reg,
        elem_size: u32,
        len: Reg,
    },
    /// `append(s, elems...)`: appends `n` elements (each `elem_size` bytes) from frame offset
    /// `src` (`n` is a register holding the count, for the variadic-slice form `src` holds a
    /// slice and `spread` is true).
    Append {
        dst: Reg,
        s: Reg,
        src: Reg,
        n: u32,
        elem_size: u32,
        gcty: u32,
        spread: bool,
        /// A 32-byte frame buffer for an append whose result does not escape (u32::MAX:
        /// none): growth that fits in it uses it instead of the heap, as gc does.
        buf: Reg,
        /// With `buf`: every growth that fits uses the buffer, with the capacity of the
        /// length's size class (gc's `growsliceBuf`, for a slice later moved to the heap
        /// whose capacity is observed); else only the first growth from capacity 0 does.
        buf_grow: bool,
    },
    /// gc's `move2heap`: if the slice in `s` points into this frame (an append's buffer),
    /// copy it to a new heap array: all `cap` elements with the same capacity when
    /// `keep_cap`, else the `len` elements with the capacity of their size class.
    MoveToHeap {
        s: Reg,
        elem_size: u32,
        gcty: u32,
        keep_cap: bool,
    },
    /// `append([]byte, string...)`
    AppendStr {
        dst: Reg,
        s: Reg,
        str: Reg,
    },
    /// `copy(dst, src)` for slices (or a string source when `from_str`); writes the count.
    Copy {
        n: Reg,
        dst: Reg,
        src: Reg,
        elem_size: u32,
        gcty: u32,
        from_str: bool,
    },
    /// `[N]T(s)` (copies `size` bytes) or `(*[N]T)(s)` (`ptr`): panics when len(s) < N.
    SliceToArray {
        dst: Reg,
        src: Reg,
        n: u64,
        size: u32,
        ptr: bool,
    },
    /// `[]byte(s)` that escape analysis proved never mutated and not escaping: shares the
    /// string's bytes (gc's zero-copy conversion); cap = len.
    StrBytesShared {
        dst: Reg,
        a: Reg,
    },
    /// `clear(slice)`
    ClearSlice {
        s: Reg,
        elem_size: u32,
    },
    /// `unsafe.Pointer(u)` for an integer `u` (a uintptr): fatal error when `u` points into
    /// a garbage-collected space (the nursery moves objects, so an address kept as an
    /// integer is not a reference); other addresses (C memory, stacks, globals) pass.
    /// Implemented in crates/vm/src/unsafe_ops.rs.
    UintptrToPtr {
        dst: Reg,
        a: Reg,
    },
    /// `uintptr(p)` for an unsafe.Pointer `p`: the address is observed, so a young object
    /// is promoted first and the number stays the object's address (`gc::pin_observed`).
    PtrToUintptr {
        dst: Reg,
        a: Reg,
    },
    /// `unsafe.Slice(ptr, len)` → {ptr, len, len}, or `unsafe.String(ptr, len)` (`string`)
    /// → {ptr, len}, with Go's run-time checks (`len out of range`, nil ptr with len > 0).
    UnsafeSlice {
        dst: Reg,
        ptr: Reg,
        len: Reg,
        elem_size: u32,
        string: bool,
    },

    // ---- interfaces ----
    /// Boxes the value at `src` (size `size`, gc type `gcty`) into an interface with itab
    /// `itab`, as `box_kind` says (pointer-shaped values are the data word themselves).
    MakeIface {
        dst: Reg,
        src: Reg,
        itab: u32,
        size: u32,
        gcty: u32,
        box_kind: BoxKind,
    },
    /// An interface holding a constant: itab `itab`, data word the address of static box
    /// `idx` (`Program::static_boxes`), as gc boxes constants into read-only data.
    IfaceStatic {
        dst: Reg,
        itab: u32,
        idx: u32,
    },
    /// Converts an interface to another interface type (`iface_ty` is the rtype of the
    /// target); panics if `!commaok` and it does not implement it.
    /// `assert` is false for implicit conversions (a nil interface converts to nil).
    IfaceToIface {
        dst: Reg,
        src: Reg,
        iface_ty: u32,
        commaok: Option<Reg>,
        assert: bool,
    },
    /// `x.(T)` for a concrete T: compares the dynamic type with `rtype`, copies the value
    /// (`size` bytes) out. With `commaok` writes ok and zero value instead of panicking.
    AssertType {
        dst: Reg,
        src: Reg,
        rtype: u32,
        size: u32,
        direct: bool,
        commaok: Option<Reg>,
        iface_ty: u32,
    },
    /// Writes the rtype index + 1 of the dynamic type (0 for nil) to `dst`.
    IfaceType {
        dst: Reg,
        src: Reg,
    },
    /// Interface equality (dynamic types and values), panics on uncomparable types.
    IfaceEq {
        dst: Reg,
        a: Reg,
        b: Reg,
        ne: bool,
    },
    /// Equality of two values of type `rtype` in memory layout (structs, arrays).
    MemEq {
        dst: Reg,
        a: Reg,
        b: Reg,
        rtype: u32,
        ne: bool,
    },

    // ---- maps ----
    MakeMap {
        dst: Reg,
        rtype: u32,
        hint: Reg,
    },
    /// `m[k]`: copies the value (or zero) to `dst`; with `ok` writes the comma-ok flag.
    MapGet {
        dst: Reg,
        m: Reg,
        key: Reg,
        ok: Option<Reg>,
        vsize: u32,
    },
    /// Address of the value slot for `k`, inserting a zero value if absent (panics on nil map).
    MapSlot {
        dst: Reg,
        m: Reg,
        key: Reg,
    },
    MapDelete {
        m: Reg,
        key: Reg,
    },
    MapLen {
        dst: Reg,
        m: Reg,
    },
    MapClear {
        m: Reg,
    },
    /// Starts an iteration: `it` is a 3-word iterator register {map, index, count}.
    MapIterInit {
        it: Reg,
        m: Reg,
    },
    /// Advances; jumps to `done` at the end, else copies key/value (registers not u32::MAX).
    MapIterNext {
        it: Reg,
        key: Reg,
        val: Reg,
        done: u32,
    },

    // ---- goroutines and channels ----
    /// `go f(args)`: starts a goroutine running the closure at `fv` with the parameters in
    /// the argument region at `args` (`args_size` bytes).
    Go {
        fv: Reg,
        args: Reg,
        args_size: u32,
    },
    /// `make(chan T, size)`: `rtype` is the channel type.
    MakeChan {
        dst: Reg,
        rtype: u32,
        size: Reg,
    },
    /// `ch <- v` (the value at `src`).
    ChanSend {
        ch: Reg,
        src: Reg,
    },
    /// `v [, ok] = <-ch`; `dst` may be u32::MAX to discard.
    ChanRecv {
        dst: Reg,
        ch: Reg,
        ok: Option<Reg>,
    },
    ChanClose {
        ch: Reg,
    },
    /// len or cap of a channel.
    ChanLen {
        dst: Reg,
        ch: Reg,
        cap: bool,
    },
    /// `select`: tries the cases in order (blocking unless `has_default`), performs one, and
    /// writes its index (or -1 for default) to `chosen`.
    Select {
        chosen: Reg,
        cases: Vec<SelectCase>,
        has_default: bool,
    },

    // ---- globals ----
    LoadGlobal {
        dst: Reg,
        off: u32,
        size: u32,
    },
    StoreGlobal {
        off: u32,
        src: Reg,
        size: u32,
        gcty: u32,
    },

    // ---- runtime ----
    /// Calls a native function directly (bodyless declaration): same frame convention as Call.
    CallNative {
        native: u32,
        base: Reg,
    },
    /// Stops the goroutine with Go's fatal error for unreachable code (missing return at run time).
    Unreachable,
    /// print/println builtin of one value of rtype `rtype` (to stderr). `sep`: 0 none,
    /// 1 space before, 2 newline after (bit flags).
    Print {
        src: Reg,
        rtype: u32,
        flags: u32,
    },
    /// Raises a runtime error panic with a fixed message (e.g. for conversions).
    PanicMsg {
        msg: u32,
    },
    /// `runtime.KeepAlive`: the `size` bytes at `src` are read here (liveness keeps what
    /// they point to alive up to this instruction); nothing else happens.
    KeepAlive {
        src: Reg,
        size: u32,
    },
    /// Counts an allocation escape analysis kept in the frame, of `bytes` had it been on
    /// the heap (the memory report's bytes saved, `gosub_vm::alloc_profile`); emitted only
    /// when compiling for a report (`gosub_compile::compile_counting`).
    NoteFrameAlloc {
        bytes: u32,
    },
}
