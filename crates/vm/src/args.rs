//! The native calling convention, as seen from inside a native: `Args` reads the parameters
//! and writes the results of a native's frame in declaration order.
//!
//! Invariants: the frame is laid out like any Go function's (`natives.rs`): parameters from
//! offset 0, each rounded up to 8 bytes, results right after them; `Args` advances one
//! cursor over both in that order (`consumed`/`skip` let a native resume at a known offset).
//! Strings are two words (data, length); reading one copies or borrows its bytes from the
//! heap, writing one allocates (the collector is inhibited while a native runs).

use crate::error::Trap;
use crate::frame::{frame_ptr, rd, wr, Frame};
use crate::vm::Vm;
use gosub_heap::Addr;

/// Reads parameters and writes results of a native's frame, in declaration order. Its
/// methods are `#[inline]`: the natives that call them live in another crate (gosub-std),
/// and the string natives are hot enough for a call per parameter to show.
pub struct Args<'a> {
    pub vm: &'a mut Vm,
    pub fp: Addr,
    /// The frame's words, through its machine pointer when `natives::call` named this
    /// frame (`Vm::native_frame`), else (size 0) through the heap's checked accessors.
    fr: Frame,
    off: u64,
}

impl<'a> Args<'a> {
    #[inline]
    pub fn new(vm: &'a mut Vm, fp: Addr) -> Args<'a> {
        let (nfp, size) = vm.native_frame;
        let ptr = (nfp == fp && size > 0).then(|| frame_ptr(vm, fp, size).ok());
        let fr = match ptr.flatten() {
            Some(ptr) => Frame { fp, ptr, size },
            None => Frame {
                fp,
                ptr: std::ptr::null_mut(),
                size: 0,
            },
        };
        Args { vm, fp, fr, off: 0 }
    }
    /// Bytes of the frame read or written so far (to continue later with `skip`).
    #[inline]
    pub fn consumed(&self) -> u64 {
        self.off
    }
    /// Continues after `n` bytes of the frame (see `consumed`).
    #[inline]
    pub fn skip(&mut self, n: u64) {
        self.off += n;
    }
    #[inline]
    fn take(&mut self, size: u64) -> Addr {
        self.fp + self.take_off(size) as u64
    }
    /// As `take`, as a frame offset.
    #[inline]
    fn take_off(&mut self, size: u64) -> u32 {
        let o = self.off;
        self.off += size.div_ceil(8) * 8;
        o as u32
    }
    #[inline]
    fn word(&self, off: u32) -> Result<u64, Trap> {
        rd(self.vm, &self.fr, off)
    }
    #[inline]
    fn set_word(&mut self, off: u32, v: u64) -> Result<(), Trap> {
        wr(self.vm, &self.fr, off, v)
    }
    #[inline]
    pub fn int(&mut self) -> Result<i64, Trap> {
        let o = self.take_off(8);
        Ok(self.word(o)? as i64)
    }
    #[inline]
    pub fn f64(&mut self) -> Result<f64, Trap> {
        let o = self.take_off(8);
        Ok(f64::from_bits(self.word(o)?))
    }
    #[inline]
    pub fn f32(&mut self) -> Result<f32, Trap> {
        let o = self.take_off(8);
        Ok(f32::from_bits(self.word(o)? as u32))
    }
    #[inline]
    pub fn string(&mut self) -> Result<Vec<u8>, Trap> {
        let r = self.string_ref()?;
        Ok(self.bytes(r)?.to_vec())
    }
    /// A string parameter as (data address, length), without copying its bytes.
    #[inline]
    pub fn string_ref(&mut self) -> Result<(Addr, u64), Trap> {
        let o = self.take_off(16);
        Ok((self.word(o)?, self.word(o + 8)?))
    }
    /// A slice parameter (three words: data, length, capacity) as (data address, length),
    /// without copying its elements; `bytes` borrows a `[]byte`'s contents.
    #[inline]
    pub fn slice_ref(&mut self) -> Result<(Addr, u64), Trap> {
        let o = self.take_off(24);
        Ok((self.word(o)?, self.word(o + 8)?))
    }
    /// The bytes of a string parameter read with `string_ref` (borrowed from the heap).
    #[inline]
    pub fn bytes(&self, (p, n): (Addr, u64)) -> Result<&[u8], Trap> {
        if n == 0 {
            return Ok(&[]);
        }
        Ok(self.vm.heap.bytes(p, n as usize)?)
    }
    /// An interface or slice parameter: its address in the frame.
    #[inline]
    pub fn addr(&mut self, size: u64) -> Addr {
        self.take(size)
    }
    #[inline]
    pub fn ret_int(&mut self, v: i64) -> Result<(), Trap> {
        let o = self.take_off(8);
        self.set_word(o, v as u64)
    }
    #[inline]
    pub fn ret_bool(&mut self, v: bool) -> Result<(), Trap> {
        self.ret_int(v as i64)
    }
    #[inline]
    pub fn ret_f64(&mut self, v: f64) -> Result<(), Trap> {
        let o = self.take_off(8);
        self.set_word(o, v.to_bits())
    }
    /// A `float32` result: its bits in the word's low half.
    #[inline]
    pub fn ret_f32(&mut self, v: f32) -> Result<(), Trap> {
        let o = self.take_off(8);
        self.set_word(o, v.to_bits() as u64)
    }
    /// A `[]byte` result: a new backing array holding `s` (a nil slice when `s` is empty).
    #[inline]
    pub fn ret_bytes(&mut self, s: &[u8]) -> Result<(), Trap> {
        let o = self.take_off(24);
        let (p, n) = self.vm.new_string(s)?;
        self.set_word(o, p)?;
        self.set_word(o + 8, n)?;
        self.set_word(o + 16, n)
    }
    #[inline]
    pub fn ret_string(&mut self, s: &[u8]) -> Result<(), Trap> {
        let o = self.take_off(16);
        let (p, n) = self.vm.new_string(s)?;
        self.set_word(o, p)?;
        self.set_word(o + 8, n)
    }
}
