//! The fmt formatting engine: Go's verbs, flags, width and precision over run-time type
//! descriptors, calling Format/Error/String methods through the VM (`fmt/methods.rs`).
//!
//! Invariants: values are addressed as (rtype, address of the value's bytes); an interface at
//! address `ia` holding a pointer-shaped value has its value at `ia + 8`, otherwise at the
//! data word. Natives run with the collector inhibited, so these addresses stay valid while
//! formatting, including across String()/Error() calls made through `call_sync`. Maps print
//! in fmtsort's key order (`fmtsort.rs`), floats through `gosub_vm::float_fmt`, quoted
//! strings through `gosub_syntax::quote`.

mod methods;
mod observe;

use crate::fmtsort::map_entries;
use crate::strconv::format_int;
use gosub_bytecode::program::{Program, RKind};
use gosub_heap::Addr;
use gosub_syntax::quote::{quote, quote_rune, quote_to_ascii};
use gosub_vm::float_fmt::format_float;
use gosub_vm::{Args, NativeRegistry, Trap, Vm};
use std::sync::Arc;

#[derive(Clone, Copy, Default)]
struct Flags {
    plus: bool,
    minus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
    plus_v: bool,
    sharp_v: bool,
}

struct Printer<'a> {
    vm: &'a mut Vm,
    prog: Arc<Program>,
    buf: Vec<u8>,
    f: Flags,
    /// Errorf: `%w` accepts error operands.
    wrap_errs: bool,
    /// Printing a value whose methods Go's fmt cannot call: one reached through an
    /// unexported struct field (reflect's CanInterface is false for it and everything
    /// inside it), or the operand of a bad verb (`%!d(T=raw)`, Go's `erroring`).
    no_methods: bool,
    /// Where the machine stack stood when printing started (see `print_value`).
    stack_top: usize,
    /// How long `buf` may grow (`Heap::max_object_bytes`): a value whose
    /// text would be longer (2^39 empty structs of a slice of zero-size elements) ends the
    /// run out of memory, as Go's fmt runs out growing its buffer, instead of taking the
    /// host's memory without bound.
    budget: u64,
}

/// How much machine stack printing one value may take: the printer recurses into nested
/// values (about 700 bytes a level; a `[]any` inside a `[]any` is two), and a host may
/// run the VM on a thread with a small stack (Rust's default is 2 MiB). A value nested
/// deeper than this allows (about 380 levels of `[]any`) prints its innermost part as
/// `...`, where Go, whose stacks grow to 1 GB, would print it all.
const STACK_BUDGET: usize = 512 << 10;

/// An address on the current machine stack (which grows down on every supported
/// platform): the difference of two says how much stack lies between.
fn stack_here() -> usize {
    let probe = 0u8;
    std::hint::black_box(&probe) as *const u8 as usize
}

/// An argument: an interface value stored at `ia`.
#[derive(Clone, Copy)]
struct Arg {
    ia: Addr,
}

impl<'a> Printer<'a> {
    fn new(vm: &'a mut Vm) -> Printer<'a> {
        let prog = vm.prog.clone();
        let budget = vm.heap.max_object_bytes();
        Printer {
            vm,
            prog,
            buf: Vec::new(),
            f: Flags::default(),
            wrap_errs: false,
            no_methods: false,
            stack_top: stack_here(),
            budget,
        }
    }

    fn iface(&self, ia: Addr) -> Result<Option<(u32, Addr)>, Trap> {
        let it = self.vm.heap.read_u64(ia)?;
        if it == 0 {
            return Ok(None);
        }
        let rt = gosub_vm::iface::dyn_rtype(self.vm, it).unwrap_or(0);
        let direct = self.prog.rtypes[rt as usize].direct;
        let addr = if direct {
            ia + 8
        } else {
            self.vm.heap.read_u64(ia + 8)?
        };
        Ok(Some((rt, addr)))
    }

    fn pad(&mut self, s: &[u8]) {
        let w = self.f.width.unwrap_or(0);
        // Runes as Go counts them (an invalid byte is one).
        let n = crate::utf8::rune_count(s);
        if n >= w {
            self.buf.extend_from_slice(s);
            return;
        }
        let fill = w - n;
        if self.f.minus {
            self.buf.extend_from_slice(s);
            self.buf.extend(std::iter::repeat_n(b' ', fill));
        } else if self.f.zero {
            // Zero padding goes after a sign.
            let (sign, rest) = match s.first() {
                Some(b'+') | Some(b'-') => (&s[..1], &s[1..]),
                _ => (&s[..0], s),
            };
            self.buf.extend_from_slice(sign);
            self.buf.extend(std::iter::repeat_n(b'0', fill));
            self.buf.extend_from_slice(rest);
        } else {
            self.buf.extend(std::iter::repeat_n(b' ', fill));
            self.buf.extend_from_slice(s);
        }
    }

    fn pad_spaces(&mut self, s: &[u8]) {
        let z = self.f.zero;
        self.f.zero = false;
        self.pad(s);
        self.f.zero = z;
    }

    // ----- primitives -----

    fn fmt_integer(&mut self, v: i128, unsigned: bool, verb: char) {
        let base = match verb {
            'b' => 2,
            'o' | 'O' => 8,
            'x' | 'X' => 16,
            _ => 10,
        };
        let neg = v < 0;
        let mut digits = format_int(v.abs(), base);
        if verb == 'X' {
            digits = digits.to_uppercase();
        }
        if let Some(p) = self.f.prec {
            if p == 0 && v == 0 {
                digits.clear();
            }
            while digits.len() < p {
                digits.insert(0, '0');
            }
        } else if self.f.zero && !self.f.minus {
            if let Some(w) = self.f.width {
                let extra = (neg || self.f.plus || self.f.space) as usize;
                while digits.len() + extra < w {
                    digits.insert(0, '0');
                }
            }
        }
        let mut s = String::new();
        if neg {
            s.push('-');
        } else if self.f.plus {
            s.push('+');
        } else if self.f.space {
            s.push(' ');
        }
        match (self.f.sharp, verb) {
            (true, 'x') => s.push_str("0x"),
            (true, 'X') => s.push_str("0X"),
            (true, 'b') => s.push_str("0b"),
            (true, 'o') if !digits.starts_with('0') => s.push('0'),
            (_, 'O') => s.push_str("0o"),
            _ => {}
        }
        let _ = unsigned;
        s.push_str(&digits);
        self.pad_spaces(s.as_bytes());
    }

    fn fmt_float(&mut self, v: f64, bits: u32, verb: char) {
        let (fmt_c, prec) = match verb {
            'v' => ('g', self.f.prec),
            'F' => ('f', Some(self.f.prec.unwrap_or(6))),
            'e' | 'E' | 'f' => (verb, Some(self.f.prec.unwrap_or(6))),
            'g' | 'G' if self.f.sharp && self.f.prec.is_none() => (verb, Some(6)),
            'g' | 'G' => (verb, self.f.prec),
            'x' | 'X' => (verb, self.f.prec),
            'b' => ('b', None),
            _ => ('g', self.f.prec),
        };
        let mut s = format_float(v, fmt_c, prec, bits, self.f.sharp);
        if self.f.plus && !s.starts_with('-') && !s.starts_with('+') {
            s.insert(0, '+');
        } else if self.f.space && !s.starts_with('-') && !s.starts_with('+') {
            s.insert(0, ' ');
        }
        if v.is_infinite() || v.is_nan() {
            if self.f.space && s.starts_with('+') {
                s.replace_range(0..1, " ");
            }
            self.pad_spaces(s.as_bytes());
            return;
        }
        self.pad(s.as_bytes());
    }

    /// Go's fmtComplex: `(re+imi)`, each part as fmt_float formats a float of half the size,
    /// the imaginary part always signed.
    fn fmt_complex(&mut self, re: f64, im: f64, bits: u32, verb: char) {
        let plus = self.f.plus;
        self.buf.push(b'(');
        self.fmt_float(re, bits / 2, verb);
        self.f.plus = true;
        self.fmt_float(im, bits / 2, verb);
        self.buf.extend_from_slice(b"i)");
        self.f.plus = plus;
    }

    fn fmt_string(&mut self, s: &[u8], verb: char) {
        let mut s = s.to_vec();
        if let Some(p) = self.f.prec {
            if matches!(verb, 's' | 'v' | 'q') {
                // Go's truncateString: the first p runes, bytes kept as they are (an
                // invalid byte is one rune).
                let (mut i, mut n) = (0, 0);
                while i < s.len() && n < p {
                    i += gosub_vm::strings::decode_rune(&s[i..]).1.max(1);
                    n += 1;
                }
                s.truncate(i);
            }
        }
        match verb {
            'q' => {
                let q = if self.f.sharp
                    && !s.contains(&b'`')
                    && std::str::from_utf8(&s)
                        .is_ok_and(|t| !t.chars().any(|c| c.is_control() && c != '\t'))
                {
                    format!("`{}`", String::from_utf8_lossy(&s))
                } else if self.f.plus {
                    quote_to_ascii(&s)
                } else {
                    quote(&s)
                };
                self.pad(q.as_bytes());
            }
            'x' | 'X' => {
                let mut out = String::new();
                for (i, b) in s.iter().enumerate() {
                    if i > 0 && self.f.space {
                        out.push(' ');
                    }
                    if self.f.sharp && (i == 0 || self.f.space) {
                        out.push_str(if verb == 'x' { "0x" } else { "0X" });
                    }
                    if verb == 'x' {
                        out.push_str(&format!("{:02x}", b));
                    } else {
                        out.push_str(&format!("{:02X}", b));
                    }
                }
                self.pad(out.as_bytes());
            }
            _ => self.pad(&s),
        }
    }

    fn bad_verb(&mut self, verb: char, rt: Option<(u32, Addr)>) -> Result<(), Trap> {
        self.buf
            .extend_from_slice(format!("%!{}(", verb).as_bytes());
        match rt {
            None => self.buf.extend_from_slice(b"<nil>"),
            Some((t, a)) => {
                let name = self.prog.rtypes[t as usize].name.clone();
                self.buf.extend_from_slice(name.as_bytes());
                self.buf.push(b'=');
                // As Go's badVerb: the value prints with %v under the directive's flags,
                // width and precision, and without calling its methods.
                let outer = std::mem::replace(&mut self.no_methods, true);
                self.print_value(t, a, 'v', 0)?;
                self.no_methods = outer;
            }
        }
        self.buf.push(b')');
        Ok(())
    }

    // ----- values -----

    fn print_arg(&mut self, arg: Arg, verb: char) -> Result<(), Trap> {
        let v = self.iface(arg.ia)?;
        let Some((t, addr)) = v else {
            match verb {
                'T' | 'v' => self.pad(b"<nil>"),
                _ => self.bad_verb(verb, None)?,
            }
            return Ok(());
        };
        match verb {
            'T' => {
                let n = self.prog.rtypes[t as usize].name.clone();
                self.fmt_string(n.as_bytes(), 's');
                return Ok(());
            }
            'p' => {
                let rt = &self.prog.rtypes[t as usize];
                if rt.kind.starts_with_address() {
                    let w = self.vm.heap.read_u64(addr)?;
                    let s = if self.f.sharp {
                        format!("{:x}", w)
                    } else {
                        format!("0x{:x}", w)
                    };
                    self.pad(s.as_bytes());
                } else {
                    self.bad_verb('p', Some((t, addr)))?;
                }
                return Ok(());
            }
            _ => {}
        }
        self.print_value(t, addr, verb, 0)
    }

    fn print_value(&mut self, t: u32, addr: Addr, verb: char, depth: u32) -> Result<(), Trap> {
        if self.buf.len() as u64 > self.budget {
            return Err(Trap::OutOfMemory);
        }
        // The buffer grows here, fallibly, so that an element's text (under 4 KiB but for
        // strings, which the heap already holds) does not make the allocator abort.
        if self.buf.capacity() - self.buf.len() < 4096 {
            let more = self.buf.len().max(4096);
            self.buf.try_reserve(more).map_err(|_| Trap::OutOfMemory)?;
        }
        if self.stack_top.saturating_sub(stack_here()) > STACK_BUDGET {
            self.buf.extend_from_slice(b"...");
            return Ok(());
        }
        if self.handle_methods(t, addr, verb)? {
            return Ok(());
        }
        let rt = self.prog.rtypes[t as usize].clone();
        let heap = &self.vm.heap;
        match rt.kind {
            RKind::Bool => {
                let b = heap.read_u8(addr)? != 0;
                match verb {
                    't' | 'v' => self.pad(if b { b"true" } else { b"false" }),
                    _ => self.bad_verb(verb, Some((t, addr)))?,
                }
            }
            k if k.is_integer() => {
                let v: i128 = match rt.kind {
                    RKind::Int8 => heap.read_u8(addr)? as i8 as i128,
                    RKind::Int16 => heap.read_u16(addr)? as i16 as i128,
                    RKind::Int32 => heap.read_u32(addr)? as i32 as i128,
                    RKind::Int | RKind::Int64 => heap.read_u64(addr)? as i64 as i128,
                    RKind::Uint8 => heap.read_u8(addr)? as i128,
                    RKind::Uint16 => heap.read_u16(addr)? as i128,
                    RKind::Uint32 => heap.read_u32(addr)? as i128,
                    _ => heap.read_u64(addr)? as i128,
                };
                let unsigned = matches!(
                    rt.kind,
                    RKind::Uint
                        | RKind::Uint8
                        | RKind::Uint16
                        | RKind::Uint32
                        | RKind::Uint64
                        | RKind::Uintptr
                );
                match verb {
                    'v' if self.f.sharp_v && unsigned => {
                        let s = format!("0x{:x}", v);
                        self.pad(s.as_bytes());
                    }
                    'v' | 'd' => self.fmt_integer(v, unsigned, 'd'),
                    'b' | 'o' | 'O' | 'x' | 'X' => self.fmt_integer(v, unsigned, verb),
                    'c' => {
                        let c = u32::try_from(v)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or('\u{FFFD}');
                        self.pad(c.to_string().as_bytes());
                    }
                    'q' => {
                        // As Go's fmtQc: the value as a uint64, past utf8.MaxRune U+FFFD.
                        let r = if v as u64 > 0x10FFFF {
                            0xFFFD
                        } else {
                            v as i32
                        };
                        let s = if self.f.plus {
                            gosub_syntax::quote::quote_rune_to_ascii(r)
                        } else {
                            quote_rune(r)
                        };
                        self.pad(s.as_bytes());
                    }
                    'U' => {
                        // As Go: the value as a uint64 (a negative rune is 16 hex digits),
                        // and with # the character itself only if it is printable.
                        let mut s = format!("U+{:04X}", v as u64);
                        if self.f.sharp {
                            if let Some(c) = u32::try_from(v)
                                .ok()
                                .and_then(char::from_u32)
                                .filter(|&c| gosub_syntax::quote::is_print(c))
                            {
                                s.push_str(&format!(" '{}'", c));
                            }
                        }
                        self.pad(s.as_bytes());
                    }
                    _ => self.bad_verb(verb, Some((t, addr)))?,
                }
            }
            RKind::Float32 | RKind::Float64 => {
                let (v, bits) = if rt.kind == RKind::Float32 {
                    (f32::from_bits(heap.read_u32(addr)?) as f64, 32)
                } else {
                    (heap.read_f64(addr)?, 64)
                };
                match verb {
                    'v' | 'b' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'x' | 'X' => {
                        self.fmt_float(v, bits, verb)
                    }
                    _ => self.bad_verb(verb, Some((t, addr)))?,
                }
            }
            RKind::Complex64 | RKind::Complex128 => {
                let (re, im, bits) = if rt.kind == RKind::Complex64 {
                    let re = f32::from_bits(heap.read_u32(addr)?) as f64;
                    (re, f32::from_bits(heap.read_u32(addr + 4)?) as f64, 64)
                } else {
                    (heap.read_f64(addr)?, heap.read_f64(addr + 8)?, 128)
                };
                match verb {
                    'v' | 'b' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'x' | 'X' => {
                        self.fmt_complex(re, im, bits, verb)
                    }
                    _ => self.bad_verb(verb, Some((t, addr)))?,
                }
            }
            RKind::String => {
                let s = self.vm.read_string(addr)?;
                match verb {
                    'v' if self.f.sharp_v => {
                        let q = quote(&s);
                        self.pad(q.as_bytes());
                    }
                    'v' | 's' | 'q' | 'x' | 'X' => self.fmt_string(&s, verb),
                    _ => self.bad_verb(verb, Some((t, addr)))?,
                }
            }
            RKind::Pointer | RKind::UnsafePointer => {
                let p = heap.read_u64(addr)?;
                if depth == 0 && p != 0 && rt.kind == RKind::Pointer {
                    let et = rt.elem;
                    let ek = self.prog.rtypes[et as usize].kind;
                    if matches!(ek, RKind::Struct | RKind::Array | RKind::Slice | RKind::Map) {
                        self.buf.push(b'&');
                        return self.print_value(et, p, verb, depth + 1);
                    }
                }
                self.fmt_pointer(p, &rt.name, verb, t, addr)?;
            }
            RKind::Chan | RKind::Func => {
                let p = heap.read_u64(addr)?;
                self.fmt_pointer(p, &rt.name, verb, t, addr)?;
            }
            RKind::Slice | RKind::Array => {
                let (base, len) = if rt.kind == RKind::Slice {
                    (heap.read_u64(addr)?, heap.read_u64(addr + 8)?)
                } else {
                    (addr, rt.len)
                };
                let et = rt.elem;
                let ert = &self.prog.rtypes[et as usize];
                let es = ert.size;
                if matches!(ert.kind, RKind::Uint8) && matches!(verb, 's' | 'q' | 'x' | 'X') {
                    let bytes = if len == 0 {
                        vec![]
                    } else {
                        self.vm.heap.bytes(base, len as usize)?.to_vec()
                    };
                    self.fmt_string(&bytes, verb);
                    return Ok(());
                }
                if self.f.sharp_v {
                    if rt.kind == RKind::Slice && base == 0 {
                        self.buf
                            .extend_from_slice(format!("{}(nil)", rt.name).as_bytes());
                        return Ok(());
                    }
                    self.buf.extend_from_slice(rt.name.as_bytes());
                    self.buf.push(b'{');
                    for i in 0..len {
                        if i > 0 {
                            self.buf.extend_from_slice(b", ");
                        }
                        self.print_value(et, base + i * es, verb, depth + 1)?;
                    }
                    self.buf.push(b'}');
                    return Ok(());
                }
                self.buf.push(b'[');
                for i in 0..len {
                    if i > 0 {
                        self.buf.push(b' ');
                    }
                    self.print_value(et, base + i * es, verb, depth + 1)?;
                }
                self.buf.push(b']');
            }
            RKind::Map => {
                let m = heap.read_u64(addr)?;
                if self.f.sharp_v {
                    if m == 0 {
                        self.buf
                            .extend_from_slice(format!("{}(nil)", rt.name).as_bytes());
                        return Ok(());
                    }
                    self.buf.extend_from_slice(rt.name.as_bytes());
                    self.buf.push(b'{');
                } else {
                    self.buf.extend_from_slice(b"map[");
                }
                let entries = map_entries(self.vm, &self.prog, t, m)?;
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.buf
                            .extend_from_slice(if self.f.sharp_v { b", " } else { b" " });
                    }
                    self.print_value(rt.key, *k, verb, depth + 1)?;
                    self.buf.push(b':');
                    self.print_value(rt.elem, *v, verb, depth + 1)?;
                }
                self.buf.push(if self.f.sharp_v { b'}' } else { b']' });
            }
            RKind::Struct => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(rt.name.as_bytes());
                }
                self.buf.push(b'{');
                for (i, fld) in rt.fields.iter().enumerate() {
                    if i > 0 {
                        self.buf
                            .extend_from_slice(if self.f.sharp_v { b", " } else { b" " });
                    }
                    if self.f.plus_v || self.f.sharp_v {
                        self.buf.extend_from_slice(fld.name.as_bytes());
                        self.buf.push(b':');
                    }
                    let fa = addr + fld.offset;
                    let outer = self.no_methods;
                    self.no_methods |= !fld.exported;
                    self.print_value(fld.typ, fa, verb, depth + 1)?;
                    self.no_methods = outer;
                }
                self.buf.push(b'}');
            }
            RKind::Interface => match self.iface(addr)? {
                None => {
                    if self.f.sharp_v {
                        self.buf
                            .extend_from_slice(format!("{}(nil)", rt.name).as_bytes());
                    } else {
                        self.pad(b"<nil>");
                    }
                }
                Some((dt, da)) => self.print_value(dt, da, verb, depth + 1)?,
            },
            _ => self.buf.extend_from_slice(b"?"),
        }
        Ok(())
    }

    fn fmt_pointer(
        &mut self,
        p: u64,
        _name: &str,
        verb: char,
        t: u32,
        addr: Addr,
    ) -> Result<(), Trap> {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    let s = format!(
                        "({})({})",
                        self.prog.rtypes[t as usize].name,
                        if p == 0 {
                            "nil".to_string()
                        } else {
                            format!("0x{:x}", p)
                        }
                    );
                    self.pad(s.as_bytes());
                } else if p == 0 {
                    self.pad(b"<nil>");
                } else {
                    self.pad(format!("0x{:x}", p).as_bytes());
                }
            }
            'p' => self.pad(format!("0x{:x}", p).as_bytes()),
            'b' | 'o' | 'd' | 'x' | 'X' => {
                let saved = self.f.sharp;
                self.f.sharp = verb != 'd';
                self.fmt_integer(p as i128, true, verb);
                self.f.sharp = saved;
            }
            _ => self.bad_verb(verb, Some((t, addr)))?,
        }
        Ok(())
    }

    /// Go's `doPrintf`.
    fn printf(&mut self, format: &[u8], args: &[Arg]) -> Result<(), Trap> {
        let mut argi = 0usize;
        let mut reordered = false;
        let mut i = 0;
        let n = format.len();
        while i < n {
            let lasti = i;
            while i < n && format[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.extend_from_slice(&format[lasti..i]);
            }
            if i >= n {
                break;
            }
            i += 1; // skip %
            self.f = Flags::default();
            // flags
            while i < n {
                match format[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => {
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            // argument index
            let mut bad_index = false;
            let nargs = args.len();
            let parse_index =
                |i: &mut usize, argi: &mut usize, reordered: &mut bool, bad: &mut bool| {
                    if *i < n && format[*i] == b'[' {
                        *reordered = true;
                        match format[*i..].iter().position(|&c| c == b']') {
                            Some(end) => {
                                match std::str::from_utf8(&format[*i + 1..*i + end])
                                    .unwrap_or("x")
                                    .parse::<usize>()
                                {
                                    Ok(k) if k >= 1 && k <= nargs => *argi = k - 1,
                                    _ => *bad = true,
                                }
                                *i += end + 1;
                            }
                            None => *bad = true,
                        }
                    }
                };
            parse_index(&mut i, &mut argi, &mut reordered, &mut bad_index);
            // width
            if i < n && format[i] == b'*' {
                i += 1;
                match self.int_arg(args, argi)?.filter(|w| !too_large(*w)) {
                    Some(w) => {
                        if w < 0 {
                            self.f.minus = true;
                            self.f.zero = false;
                        }
                        self.f.width = Some(w.unsigned_abs() as usize);
                    }
                    None => self.buf.extend_from_slice(b"%!(BADWIDTH)"),
                }
                argi += 1;
            } else {
                let (w, next) = parsenum(format, i);
                self.f.width = w;
                i = next;
            }
            // precision
            if i + 1 < n && format[i] == b'.' {
                i += 1;
                parse_index(&mut i, &mut argi, &mut reordered, &mut bad_index);
                if i < n && format[i] == b'*' {
                    i += 1;
                    // Go: a negative precision argument is as bad as a missing one.
                    match self.int_arg(args, argi)?.filter(|p| !too_large(*p)) {
                        Some(p) if p >= 0 => self.f.prec = Some(p as usize),
                        _ => self.buf.extend_from_slice(b"%!(BADPREC)"),
                    }
                    argi += 1;
                } else {
                    let (p, next) = parsenum(format, i);
                    self.f.prec = Some(p.unwrap_or(0));
                    i = next;
                }
            }
            parse_index(&mut i, &mut argi, &mut reordered, &mut bad_index);
            if i >= n {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let rest = String::from_utf8_lossy(&format[i..]);
            let verb = rest.chars().next().unwrap_or('?');
            i += verb.len_utf8();
            if verb == '%' {
                self.buf.push(b'%');
                continue;
            }
            if bad_index {
                self.buf
                    .extend_from_slice(format!("%!{}(BADINDEX)", verb).as_bytes());
                continue;
            }
            if argi >= args.len() {
                self.buf
                    .extend_from_slice(format!("%!{}(MISSING)", verb).as_bytes());
                continue;
            }
            if verb == 'w' {
                let a = args[argi];
                argi += 1;
                let is_err = match self.iface(a.ia)? {
                    Some((t, _)) => self.prog.rtypes[t as usize]
                        .methods
                        .iter()
                        .any(|(n, _)| n == "Error"),
                    None => false,
                };
                if self.wrap_errs && is_err {
                    self.print_arg(a, 'v')?;
                } else {
                    let v = self.iface(a.ia)?;
                    self.bad_verb('w', v)?;
                }
                continue;
            }
            if verb == 'v' {
                if self.f.sharp {
                    self.f.sharp = false;
                    self.f.sharp_v = true;
                }
                if self.f.plus {
                    self.f.plus = false;
                    self.f.plus_v = true;
                }
            }
            let a = args[argi];
            argi += 1;
            self.print_arg(a, verb)?;
        }
        if !reordered && argi < args.len() {
            self.f = Flags::default();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (k, a) in args[argi..].iter().enumerate() {
                if k > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                match self.iface(a.ia)? {
                    None => self.buf.extend_from_slice(b"<nil>"),
                    Some((t, _)) => {
                        let name = self.prog.rtypes[t as usize].name.clone();
                        self.buf.extend_from_slice(name.as_bytes());
                        self.buf.push(b'=');
                        self.print_arg(*a, 'v')?;
                    }
                }
            }
            self.buf.push(b')');
        }
        Ok(())
    }

    fn int_arg(&mut self, args: &[Arg], i: usize) -> Result<Option<i64>, Trap> {
        let Some(a) = args.get(i) else {
            return Ok(None);
        };
        let Some((t, addr)) = self.iface(a.ia)? else {
            return Ok(None);
        };
        let k = self.prog.rtypes[t as usize].kind;
        Ok(match k {
            RKind::Int | RKind::Int64 | RKind::Uint | RKind::Uint64 | RKind::Uintptr => {
                Some(self.vm.heap.read_u64(addr)? as i64)
            }
            RKind::Int32 => Some(self.vm.heap.read_u32(addr)? as i32 as i64),
            RKind::Uint32 => Some(self.vm.heap.read_u32(addr)? as i64),
            RKind::Int16 => Some(self.vm.heap.read_u16(addr)? as i16 as i64),
            RKind::Uint16 => Some(self.vm.heap.read_u16(addr)? as i64),
            RKind::Int8 => Some(self.vm.heap.read_u8(addr)? as i8 as i64),
            RKind::Uint8 => Some(self.vm.heap.read_u8(addr)? as i64),
            _ => None,
        })
    }

    fn is_string(&self, a: Arg) -> Result<bool, Trap> {
        Ok(
            matches!(self.iface(a.ia)?, Some((t, _)) if self.prog.rtypes[t as usize].kind == RKind::String),
        )
    }

    /// Go's `doPrint`: spaces between operands when neither is a string.
    fn print(&mut self, args: &[Arg]) -> Result<(), Trap> {
        let mut prev_string = false;
        for (i, a) in args.iter().enumerate() {
            let is_str = self.is_string(*a)?;
            if i > 0 && !is_str && !prev_string {
                self.buf.push(b' ');
            }
            self.f = Flags::default();
            self.print_arg(*a, 'v')?;
            prev_string = is_str;
        }
        Ok(())
    }

    fn println(&mut self, args: &[Arg]) -> Result<(), Trap> {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.buf.push(b' ');
            }
            self.f = Flags::default();
            self.print_arg(*a, 'v')?;
        }
        self.buf.push(b'\n');
        Ok(())
    }
}

/// Go's bound on widths and precisions: larger ones are bad (`%!(BADWIDTH)`) rather than
/// a request for a million-byte pad.
fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

/// Go's `parsenum`: the decimal number starting at `i` (None if there is none) and the index
/// after it; a number that grows too large consumes the rest of the format, as in Go (the
/// directive then has no verb: `%!(NOVERB)`).
fn parsenum(format: &[u8], mut i: usize) -> (Option<usize>, usize) {
    let mut num: i64 = 0;
    let mut isnum = false;
    while let Some(d) = format.get(i).filter(|c| c.is_ascii_digit()) {
        if too_large(num) {
            return (None, format.len());
        }
        num = num * 10 + (d - b'0') as i64;
        isnum = true;
        i += 1;
    }
    (isnum.then_some(num as usize), i)
}

/// Interface arguments of a `...any` parameter stored at `slice`.
fn args_of(vm: &Vm, slice: Addr) -> Result<Vec<Arg>, Trap> {
    let p = vm.heap.read_u64(slice)?;
    let n = vm.heap.read_u64(slice + 8)?;
    Ok((0..n).map(|i| Arg { ia: p + 16 * i }).collect())
}

pub fn register(r: &mut NativeRegistry) {
    r.register("fmt.Sprintf", |vm, fp| {
        let format = vm.read_string(fp)?;
        observe::pin_printed(vm, fp + 16, Some(&format))?;
        let args = args_of(vm, fp + 16)?;
        let mut p = Printer::new(vm);
        p.printf(&format, &args)?;
        let out = std::mem::take(&mut p.buf);
        vm.store_new_string(fp + 40, &out)
    });
    r.register("fmt.errorf", |vm, fp| {
        let format = vm.read_string(fp)?;
        observe::pin_printed(vm, fp + 16, Some(&format))?;
        let args = args_of(vm, fp + 16)?;
        let mut p = Printer::new(vm);
        p.wrap_errs = true;
        p.printf(&format, &args)?;
        let out = std::mem::take(&mut p.buf);
        vm.store_new_string(fp + 40, &out)
    });
    r.register("fmt.Sprint", |vm, fp| {
        observe::pin_printed(vm, fp, None)?;
        let args = args_of(vm, fp)?;
        let mut p = Printer::new(vm);
        p.print(&args)?;
        let out = std::mem::take(&mut p.buf);
        vm.store_new_string(fp + 24, &out)
    });
    r.register("fmt.Sprintln", |vm, fp| {
        observe::pin_printed(vm, fp, None)?;
        let args = args_of(vm, fp)?;
        let mut p = Printer::new(vm);
        p.println(&args)?;
        let out = std::mem::take(&mut p.buf);
        vm.store_new_string(fp + 24, &out)
    });
    r.register("fmt.wrapped", |vm, fp| {
        let format = vm.read_string(fp)?;
        // Indices of the arguments consumed by %w verbs (left to right).
        let mut argi = 0u64;
        let mut found = Vec::new();
        let mut i = 0;
        while i < format.len() {
            if format[i] == b'%' {
                i += 1;
                while i < format.len() && b"#0+- .123456789*".contains(&format[i]) {
                    if format[i] == b'*' {
                        argi += 1;
                    }
                    i += 1;
                }
                if i < format.len() {
                    if format[i] == b'w' {
                        found.push(argi);
                    }
                    if format[i] != b'%' {
                        argi += 1;
                    }
                }
            }
            i += 1;
        }
        let n = found.len();
        let p = if n == 0 {
            0
        } else {
            vm.alloc(gosub_heap::GcTypeId::BYTES, 8 * n)?
        };
        for (k, v) in found.iter().enumerate() {
            vm.heap.write_u64(p + 8 * k as u64, *v)?;
        }
        vm.heap.write_u64(fp + 40, p)?;
        vm.heap.write_u64(fp + 48, n as u64)?;
        vm.heap.write_u64(fp + 56, n as u64)?;
        Ok(())
    });
    let _ = Args::new;
}
