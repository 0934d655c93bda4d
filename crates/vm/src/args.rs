//! The native calling convention, as seen from inside a native: `Args` reads the parameters
//! and writes the results of a native's frame in declaration order.
//!
//! Invariants: the frame is laid out like any Go function's (`natives.rs`): parameters from
//! offset 0, each rounded up to 8 bytes, results right after them; `Args` advances one
//! cursor over both in that order (`consumed`/`skip` let a native resume at a known offset).
//! Strings are two words (data, length); reading one copies or borrows its bytes from the
//! heap, writing one allocates (the collector is inhibited while a native runs).

use crate::error::Trap;
use crate::vm::Vm;
use gosub_heap::Addr;

/// Reads parameters and writes results of a native's frame, in declaration order. Its
/// methods are `#[inline]`: the natives that call them live in another crate (gosub-std),
/// and the string natives are hot enough for a call per parameter to show.
pub struct Args<'a> {
    pub vm: &'a mut Vm,
    pub fp: Addr,
    off: u64,
}

impl<'a> Args<'a> {
    #[inline]
    pub fn new(vm: &'a mut Vm, fp: Addr) -> Args<'a> {
        Args { vm, fp, off: 0 }
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
        let a = self.fp + self.off;
        self.off += size.div_ceil(8) * 8;
        a
    }
    #[inline]
    pub fn int(&mut self) -> Result<i64, Trap> {
        let a = self.take(8);
        Ok(self.vm.heap.read_u64(a)? as i64)
    }
    #[inline]
    pub fn f64(&mut self) -> Result<f64, Trap> {
        let a = self.take(8);
        Ok(self.vm.heap.read_f64(a)?)
    }
    #[inline]
    pub fn f32(&mut self) -> Result<f32, Trap> {
        let a = self.take(8);
        Ok(f32::from_bits(self.vm.heap.read_u32(a)?))
    }
    #[inline]
    pub fn string(&mut self) -> Result<Vec<u8>, Trap> {
        let a = self.take(16);
        self.vm.read_string(a)
    }
    /// A string parameter as (data address, length), without copying its bytes.
    #[inline]
    pub fn string_ref(&mut self) -> Result<(Addr, u64), Trap> {
        let a = self.take(16);
        Ok((self.vm.heap.read_u64(a)?, self.vm.heap.read_u64(a + 8)?))
    }
    /// A slice parameter (three words: data, length, capacity) as (data address, length),
    /// without copying its elements; `bytes` borrows a `[]byte`'s contents.
    #[inline]
    pub fn slice_ref(&mut self) -> Result<(Addr, u64), Trap> {
        let a = self.take(24);
        Ok((self.vm.heap.read_u64(a)?, self.vm.heap.read_u64(a + 8)?))
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
        let a = self.take(8);
        Ok(self.vm.heap.write_u64(a, v as u64)?)
    }
    #[inline]
    pub fn ret_bool(&mut self, v: bool) -> Result<(), Trap> {
        self.ret_int(v as i64)
    }
    #[inline]
    pub fn ret_f64(&mut self, v: f64) -> Result<(), Trap> {
        let a = self.take(8);
        Ok(self.vm.heap.write_u64(a, v.to_bits())?)
    }
    /// A `float32` result: its bits in the word's low half.
    #[inline]
    pub fn ret_f32(&mut self, v: f32) -> Result<(), Trap> {
        let a = self.take(8);
        Ok(self.vm.heap.write_u64(a, v.to_bits() as u64)?)
    }
    /// A `[]byte` result: a new backing array holding `s` (a nil slice when `s` is empty).
    #[inline]
    pub fn ret_bytes(&mut self, s: &[u8]) -> Result<(), Trap> {
        let a = self.take(24);
        let (p, n) = self.vm.new_string(s)?;
        self.vm.heap.write_u64(a, p)?;
        self.vm.heap.write_u64(a + 8, n)?;
        Ok(self.vm.heap.write_u64(a + 16, n)?)
    }
    #[inline]
    pub fn ret_string(&mut self, s: &[u8]) -> Result<(), Trap> {
        let a = self.take(16);
        self.vm.store_new_string(a, s)
    }
}
