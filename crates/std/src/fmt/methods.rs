//! fmt's calls of the methods of the values it prints, as Go's `handleMethods`: a
//! `Formatter`'s `Format` for any verb, then `GoString` for `%#v`, else `Error` or `String`
//! for the verbs that print strings.
//!
//! Invariant: a method is called only with the signature its interface gives it (other
//! methods of the same name are ignored, as Go's type assertion would); never for a value
//! fmt reached through an unexported field (`Printer::no_methods`).

use super::Printer;
use gosub_bytecode::program::RKind;
use gosub_heap::Addr;
use gosub_vm::Trap;

impl Printer<'_> {
    /// Calls GoString() for `%#v`, else Error() or String() if the value has it and the
    /// verb allows; true if handled.
    pub(super) fn handle_methods(&mut self, t: u32, addr: Addr, verb: char) -> Result<bool, Trap> {
        if self.no_methods {
            return Ok(false);
        }
        if let Some(i) = self.prog.rtypes[t as usize]
            .methods
            .iter()
            .position(|(n, _)| n == "Format")
        {
            if self.call_format(t, i, addr, verb)? {
                return Ok(true);
            }
        }
        if !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            return Ok(false);
        }
        let rt = &self.prog.rtypes[t as usize];
        let m = if self.f.sharp_v {
            // Go's GoStringer: its result is printed as is (verb 's').
            rt.methods.iter().find(|(n, _)| n == "GoString")
        } else {
            rt.methods
                .iter()
                .find(|(n, _)| n == "Error")
                .or_else(|| rt.methods.iter().find(|(n, _)| n == "String"))
        };
        let verb = if self.f.sharp_v { 's' } else { verb };
        let Some(&(_, func)) = m else {
            return Ok(false);
        };
        let f = &self.prog.funcs[func as usize];
        if f.params_size != 8 || f.results_size != 16 {
            return Ok(false);
        }
        let recv = if rt.direct {
            self.vm.heap.read_u64(addr)?
        } else {
            addr
        };
        let res = match gosub_vm::call::call_sync(self.vm, func, &recv.to_le_bytes()) {
            Ok(r) => r,
            // A nil pointer receiver whose method dereferences it: Go catches the panic and
            // prints <nil>.
            Err(Trap::Runtime(_)) if rt.kind == RKind::Pointer && recv == 0 => {
                self.pad(b"<nil>");
                return Ok(true);
            }
            Err(e) => return Err(e),
        };
        let p = u64::from_le_bytes(res[0..8].try_into().unwrap_or([0; 8]));
        let n = u64::from_le_bytes(res[8..16].try_into().unwrap_or([0; 8]));
        let s = if n == 0 {
            Vec::new()
        } else {
            self.vm.heap.bytes(p, n as usize)?.to_vec()
        };
        self.fmt_string(&s, verb);
        Ok(true)
    }

    /// A Formatter (its method `method` is `Format(State, rune)`) formats itself, for any
    /// verb: Go's fmt gives it a State with this directive's width, precision and flags
    /// (fmt's `formatState`, made and read by the Go helpers `newFormatState` and
    /// `formatStateText`) and prints what it writes. False if the method is not
    /// Formatter's (another signature) or the helpers are missing.
    fn call_format(&mut self, t: u32, method: usize, addr: Addr, verb: char) -> Result<bool, Trap> {
        let rt = &self.prog.rtypes[t as usize];
        let func = rt.methods[method].1;
        let f = &self.prog.funcs[func as usize];
        // Receiver word, State (two words), rune; no results.
        if f.params_size != 32 || f.results_size != 0 {
            return Ok(false);
        }
        let find = |name: &str| self.prog.funcs.iter().position(|f| f.name == name);
        let [new_fn, text_fn] = crate::GO_FUNCS_CALLED_BY_NATIVES else {
            return Ok(false);
        };
        let (Some(new_state), Some(state_text)) = (find(new_fn), find(text_fn)) else {
            return Ok(false);
        };
        let recv = if rt.direct {
            self.vm.heap.read_u64(addr)?
        } else {
            addr
        };
        let fl = self.f;
        let words: [u64; 9] = [
            fl.width.unwrap_or(0) as u64,
            fl.prec.unwrap_or(0) as u64,
            fl.width.is_some() as u64,
            fl.prec.is_some() as u64,
            fl.minus as u64,
            (fl.plus || fl.plus_v) as u64,
            (fl.sharp || fl.sharp_v) as u64,
            fl.space as u64,
            fl.zero as u64,
        ];
        let params: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        let state = gosub_vm::call::call_sync(self.vm, new_state as u32, &params)?;
        let mut params = recv.to_le_bytes().to_vec();
        params.extend_from_slice(&state[..16]);
        params.extend_from_slice(&(verb as u64).to_le_bytes());
        gosub_vm::call::call_sync(self.vm, func, &params)?;
        let text = gosub_vm::call::call_sync(self.vm, state_text as u32, &state[..16])?;
        let word = |i: usize| u64::from_le_bytes(text[i..i + 8].try_into().unwrap_or([0; 8]));
        let (p, n) = (word(0), word(8));
        if n > 0 {
            let s = self.vm.heap.bytes(p, n as usize)?.to_vec();
            self.buf.extend_from_slice(&s);
        }
        Ok(true)
    }
}
