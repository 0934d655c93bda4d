//! Conversions that build new values: string <-> []byte, string <-> []rune, rune ->
//! string, and slice -> array (or pointer to array).
//!
//! Invariants: a conversion copies (strings are immutable), except `StrBytesShared`, which
//! the compiler emits only for a `[]byte(s)` escape analysis proved never mutated and not
//! escaping (gc's zero-copy conversion); an invalid rune converts to
//! U+FFFD and invalid UTF-8 decodes as Go does (`strings.rs`); capacities of new byte and
//! rune slices follow Go's size classes (`gosub_heap::size_class::roundupsize`), and a
//! result that does not escape and fits in 32 bytes (32 runes) uses the frame's buffer —
//! except that a constant converts to exactly its length (gc makes it a `[n]byte` or a
//! `[]rune{...}` literal), in a frame array of that size when it does not escape.

use crate::error::Trap;
use crate::frame::{rd, set_str, str_of, wr, Frame};
use crate::interp::NONE;
use crate::vm::Vm;
use gosub_bytecode::bytecode::Op;
use gosub_heap::size_class::roundupsize;
use gosub_heap::GcTypeId;

/// Executes a conversion instruction.
#[inline]
pub fn exec(vm: &mut Vm, op: &Op, fr: &Frame) -> Result<(), Trap> {
    let fp = fr.fp;
    match *op {
        Op::RuneToStr { dst, a } => {
            let v = rd(vm, fr, a)? as i64;
            let c = u32::try_from(v)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}');
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let (p, n) = vm.new_string(s.as_bytes())?;
            set_str(vm, fr, dst, p, n)?;
        }
        Op::BytesToStr { dst, a, buf } => {
            let n = rd(vm, fr, a + 8)?;
            let p = if n == 0 {
                0
            } else if buf != NONE && n <= 32 {
                fp + buf as u64
            } else {
                vm.alloc(GcTypeId::BYTES, n as usize)?
            };
            let src = rd(vm, fr, a)?;
            if n > 0 {
                vm.heap.copy(p, src, n as usize)?;
            }
            set_str(vm, fr, dst, p, n)?;
        }
        Op::StrToBytes { dst, a, buf, exact } => {
            let n = rd(vm, fr, a + 8)?;
            let (p, cap) = if exact {
                // A constant: an array of exactly n bytes, in the frame if it does not escape.
                let p = if n == 0 {
                    vm.zerobase
                } else if buf != NONE {
                    fp + buf as u64
                } else {
                    vm.alloc(GcTypeId::BYTES, n as usize)?
                };
                (p, n)
            } else if buf != NONE && n <= 32 {
                // gc's tmpBuf of 32 bytes for a result that does not escape.
                vm.heap.fill_zero(fp + buf as u64, 32)?;
                (fp + buf as u64, 32)
            } else if n == 0 {
                (vm.zerobase, 0)
            } else {
                let cap = roundupsize(n);
                (vm.alloc(GcTypeId::BYTES, cap as usize)?, cap)
            };
            let src = rd(vm, fr, a)?;
            if n > 0 {
                vm.heap.copy(p, src, n as usize)?;
            }
            wr(vm, fr, dst, p)?;
            wr(vm, fr, dst + 8, n)?;
            wr(vm, fr, dst + 16, cap)?;
        }
        Op::StrBytesShared { dst, a } => {
            let p = rd(vm, fr, a)?;
            let n = rd(vm, fr, a + 8)?;
            wr(vm, fr, dst, if n == 0 { vm.zerobase } else { p })?;
            wr(vm, fr, dst + 8, n)?;
            wr(vm, fr, dst + 16, n)?;
        }
        Op::RunesToStr { dst, a } => {
            let n = rd(vm, fr, a + 8)?;
            let p = rd(vm, fr, a)?;
            let mut s = String::new();
            for i in 0..n {
                let r = vm.heap.read_u32(p + 4 * i)? as i32;
                s.push(
                    u32::try_from(r)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}'),
                );
            }
            let (sp, sn) = vm.new_string(s.as_bytes())?;
            set_str(vm, fr, dst, sp, sn)?;
        }
        Op::StrToRunes { dst, a, buf, exact } => {
            let bytes = str_of(vm, fp, a)?;
            let runes: Vec<u32> = crate::strings::decode_runes(&bytes);
            let n = runes.len() as u64;
            let (p, cap) = if exact {
                // A constant: a slice literal of exactly n runes, in the frame if it does
                // not escape.
                let p = if n == 0 {
                    vm.zerobase
                } else if buf != NONE {
                    fp + buf as u64
                } else {
                    vm.alloc(GcTypeId::BYTES, (n * 4) as usize)?
                };
                (p, n)
            } else if buf != NONE && n <= 32 {
                // gc's tmpBuf of 32 runes for a result that does not escape.
                vm.heap.fill_zero(fp + buf as u64, 128)?;
                (fp + buf as u64, 32)
            } else if n == 0 {
                (vm.zerobase, 0)
            } else {
                let cap = roundupsize(n * 4) / 4;
                (vm.alloc(GcTypeId::BYTES, (cap * 4) as usize)?, cap)
            };
            for (i, r) in runes.iter().enumerate() {
                vm.heap.write_u32(p + 4 * i as u64, *r)?;
            }
            wr(vm, fr, dst, p)?;
            wr(vm, fr, dst + 8, n)?;
            wr(vm, fr, dst + 16, cap)?;
        }
        Op::SliceToArray {
            dst,
            src,
            n,
            size,
            ptr,
        } => {
            let len = rd(vm, fr, src + 8)?;
            if len < n {
                return Err(Trap::Runtime(format!(
                    "cannot convert slice with length {} to array or pointer to array with length {}",
                    len, n
                )));
            }
            let p = rd(vm, fr, src)?;
            if ptr {
                wr(vm, fr, dst, if p == 0 && n == 0 { 0 } else { p })?;
            } else if size > 0 {
                crate::frame::load_reg(vm, fp + dst as u64, p, size as u64, None)?;
            }
        }
        _ => {
            return Err(Trap::Fatal(format!(
                "not a conversion instruction: {:?}",
                op
            )))
        }
    }
    Ok(())
}
