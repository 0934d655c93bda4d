//! Printing values as the `print`/`println` builtins and panic messages do, and Go's
//! shortest float formatting (`strconv.FormatFloat(f, 'g', -1, 64)`).

use crate::error::Trap;
use crate::frame::Frame;
use crate::vm::Vm;
use gosub_bytecode::bytecode::Op;
use gosub_bytecode::program::{Program, RKind};
use gosub_heap::Addr;

/// Go's `%v` / strconv 'g' with the shortest representation.
pub fn format_float(f: f64, bits: u32) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    // Shortest digits that round-trip.
    let s = if bits == 32 {
        format!("{:e}", f as f32)
    } else {
        format!("{:e}", f)
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let nd = digits.len() as i32;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let eprec = 6;
    if exp < -4 || exp >= eprec {
        out.push_str(&digits[..1]);
        if nd > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let int_len = (exp + 1) as usize;
        if digits.len() <= int_len {
            out.push_str(&digits);
            for _ in digits.len()..int_len {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    }
    out
}

/// `%v`-style float: shortest digits, e-notation when the exponent is < -4 or >= 6.
pub fn format_float_v(f: f64, bits: u32) -> String {
    format_float(f, bits)
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
pub fn exec(vm: &mut Vm, prog: &Program, op: &Op, fr: &Frame) -> Result<(), Trap> {
    let fp = fr.fp;
    match *op {
        Op::Print { src, rtype, flags } => {
            let mut s = String::new();
            if flags & 1 != 0 {
                s.push(' ');
            }
            if rtype != u32::MAX {
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
