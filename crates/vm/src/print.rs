//! Printing values as the `print`/`println` builtins and panic messages do (floats in Go's
//! shortest form, `strconv.FormatFloat(f, 'g', -1, bits)`, from `float_fmt.rs`).

use crate::error::Trap;
use crate::frame::Frame;
use crate::vm::Vm;
use gosub_bytecode::bytecode::Op;
use gosub_bytecode::program::{Program, RKind};
use gosub_heap::Addr;

/// Go's `%v` of a float: strconv's shortest 'g' (`float_fmt.rs`).
fn format_float(f: f64, bits: u32) -> String {
    crate::float_fmt::format_float(f, 'g', None, bits, false)
}

/// The `print` builtin's rendering of the value of rtype `t` at `addr`.
pub fn print_value(vm: &Vm, prog: &Program, t: u32, addr: Addr) -> Result<String, Trap> {
    let rt = &prog.rtypes[t as usize];
    Ok(match rt.kind {
        RKind::Bool => (vm.heap.read_u64(addr)? & 0xff != 0).to_string(),
        RKind::Int | RKind::Int64 => (vm.heap.read_u64(addr)? as i64).to_string(),
        RKind::Int8 => (vm.heap.read_u8(addr)? as i8).to_string(),
        RKind::Int16 => (vm.heap.read_u16(addr)? as i16).to_string(),
        RKind::Int32 => (vm.heap.read_u32(addr)? as i32).to_string(),
        RKind::Uint | RKind::Uint64 | RKind::Uintptr => vm.heap.read_u64(addr)?.to_string(),
        RKind::Uint8 => vm.heap.read_u8(addr)?.to_string(),
        RKind::Uint16 => vm.heap.read_u16(addr)?.to_string(),
        RKind::Uint32 => vm.heap.read_u32(addr)?.to_string(),
        RKind::Float64 => format_float(vm.heap.read_f64(addr)?, 64),
        RKind::Float32 => format_float(f32::from_bits(vm.heap.read_u32(addr)?) as f64, 32),
        RKind::Complex128 => {
            let (re, im) = (vm.heap.read_f64(addr)?, vm.heap.read_f64(addr + 8)?);
            crate::float_fmt::format_complex(re, im, 'g', None, 128)
        }
        RKind::Complex64 => {
            let re = f32::from_bits(vm.heap.read_u32(addr)?) as f64;
            let im = f32::from_bits(vm.heap.read_u32(addr + 4)?) as f64;
            crate::float_fmt::format_complex(re, im, 'g', None, 64)
        }
        RKind::String => crate::strings::lossy(&vm.read_string(addr)?),
        RKind::Interface => format!(
            "({:#x},{:#x})",
            itab_addr(vm.heap.read_u64(addr)?),
            vm.heap.read_u64(addr + 8)?
        ),
        RKind::Slice => format!(
            "[{}/{}]{:#x}",
            vm.heap.read_u64(addr + 8)?,
            vm.heap.read_u64(addr + 16)?,
            vm.heap.read_u64(addr)?
        ),
        _ => format!("{:#x}", vm.heap.read_u64(addr)?),
    })
}

fn itab_addr(w: u64) -> u64 {
    if w == 0 {
        0
    } else {
        0x4c0000 + 32 * w
    }
}

/// Executes `Print` (one operand of `print`/`println`, with its separator and newline), writing
/// to the VM's stderr.
#[inline]
pub fn exec(vm: &mut Vm, prog: &Program, op: &Op, fr: &Frame) -> Result<(), Trap> {
    let fp = fr.fp;
    match *op {
        Op::Print { src, rtype, flags } => {
            let mut s = String::new();
            if flags & 1 != 0 {
                s.push(' ');
            }
            if rtype != u32::MAX {
                // A printed address is an observed one: it must not change later.
                if prog.rtypes[rtype as usize].kind.starts_with_address() {
                    let w = vm.heap.read_u64(fp + src as u64)?;
                    crate::gc::pin_observed(vm, &[w])?;
                }
                s.push_str(&print_value(vm, prog, rtype, fp + src as u64)?);
            }
            if flags & 2 != 0 {
                s.push('\n');
            }
            vm.write_stderr(&s);
        }
        _ => return Err(Trap::Fatal(format!("not a print instruction: {:?}", op))),
    }
    Ok(())
}
