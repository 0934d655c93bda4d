//! A readable listing of compiled code (`gosub disasm`), with the live pointer words
//! (frame word numbers) at each safepoint.

use crate::program::Program;
use std::fmt::Write;

pub fn disasm(p: &Program, only: Option<&str>) -> String {
    let mut s = String::new();
    for (i, f) in p.funcs.iter().enumerate() {
        if only.is_some_and(|n| !f.name.ends_with(n)) {
            continue;
        }
        let _ =
            writeln!(
            s,
            "func #{} {} (frame {} bytes: params 0..{}, results {}..{}; pointer words {:?}{}{})",
            i,
            f.name,
            f.frame_size,
            f.params_size,
            f.results_off,
            f.results_off + f.results_size,
            f.ptr_words,
            f.ctx_off.map(|o| format!(", closure ctx @{}", o)).unwrap_or_default(),
            f.defer_off.map(|o| format!(", defer list @{}", o)).unwrap_or_default(),
        );
        if let Some(n) = f.native {
            let _ = writeln!(
                s,
                "    native {}",
                p.natives.get(n as usize).map(|s| s.as_str()).unwrap_or("?")
            );
            continue;
        }
        let live = crate::liveness::analyze(p, f);
        for (pc, op) in f.code.iter().enumerate() {
            let _ = write!(s, "  {:4}  {:?}", pc, op);
            if let Some((first, _)) = crate::fused::pair_halves(op) {
                // A fused pair's operands read better as its first instruction (the second
                // is listed next).
                let _ = write!(s, "    ; {first:?}, then the next");
            }
            if !f.ptr_words.is_empty() && crate::effects::is_safepoint(&f.code, pc) {
                // The pointer words live at this safepoint (the whole stack map when the
                // function was too large to analyse).
                // For a call, the words its caller keeps while suspended in it.
                let words = live
                    .as_ref()
                    .map_or(&f.ptr_words[..], |m| m.during_call(pc));
                let _ = write!(s, "    ; live {:?}", words);
            }
            let _ = writeln!(s);
        }
    }
    s
}
