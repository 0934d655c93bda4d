//! Positions of inlined code: which function, and which line of it, an instruction of an
//! inlined body belongs to, and the chain of calls it was inlined through, so tracebacks,
//! `runtime.Caller` and heap profiles name the inlined functions as if they had been
//! called (gc's inline tree, `cmd/internal/obj.InlTree`).
//!
//! Invariants:
//! - `Function::pos[pc]` is either a source offset (below `INLINED`) or `INLINED | i`,
//!   where `inl_pos[i] = (source offset, call)` and `inl_calls[call] = (callee, call pos)`;
//!   `call pos` is again a `pos` value, tagged when the call itself is in an inlined body,
//!   so following it leads out to the function's own code in at most `inl_calls.len()`
//!   steps (the compiler makes each call's entry after its caller's: `call pos` is
//!   untagged or names an earlier entry).
//! - Source offsets are below `INLINED` (the compiler inlines nothing whose positions are
//!   not); an instruction outside inlined bodies reads its `pos` as before.
//! - Readers never trust the tables: a tag out of range reads as the function's
//!   declaration (a program from the compiler never has one; `verify.rs` rejects it).

use crate::function::Function;

/// The tag bit of an inlined instruction's `pos`.
pub const INLINED: u32 = 1 << 31;

/// One frame of the source-level call stack at an instruction: the function (None for the
/// compiled function itself, Some(index in `Program::funcs`) for an inlined callee) and
/// the source offset within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogicalFrame {
    pub inlined: Option<u32>,
    pub pos: u32,
}

impl Function {
    /// The source offset of instruction `pc` (innermost: inside an inlined body, the
    /// inlined function's line); the declaration's when `pc` is out of range.
    pub fn source_pos(&self, pc: usize) -> u32 {
        match self.pos.get(pc) {
            Some(&p) => self.untag(p).0,
            None => self.decl_pos,
        }
    }

    /// The source-level frames at instruction `pc`, innermost first: the inlined callees
    /// whose bodies `pc` is in, then the function itself (always last, always present).
    pub fn logical_frames(&self, pc: usize) -> Vec<LogicalFrame> {
        let mut out = Vec::new();
        let Some(&first) = self.pos.get(pc) else {
            out.push(LogicalFrame {
                inlined: None,
                pos: self.decl_pos,
            });
            return out;
        };
        let mut p = first;
        // Each step follows a call to an earlier entry (the invariant), so the chain ends;
        // the bound keeps a malformed table from looping.
        for _ in 0..=self.inl_calls.len() {
            if p & INLINED == 0 {
                break;
            }
            let (pos, call) = self.untag(p);
            match self.inl_calls.get(call as usize) {
                Some(&(callee, call_pos)) => {
                    out.push(LogicalFrame {
                        inlined: Some(callee),
                        pos,
                    });
                    p = call_pos;
                }
                None => {
                    p = self.decl_pos;
                    break;
                }
            }
        }
        out.push(LogicalFrame {
            inlined: None,
            pos: if p & INLINED == 0 { p } else { self.decl_pos },
        });
        out
    }

    /// Is instruction `pc` in an inlined body?
    pub fn inlined_at(&self, pc: usize) -> bool {
        self.pos.get(pc).is_some_and(|&p| p & INLINED != 0)
    }

    /// (source offset, inlined call index or `u32::MAX`) of a `pos` value.
    fn untag(&self, p: u32) -> (u32, u32) {
        if p & INLINED == 0 {
            return (p, u32::MAX);
        }
        match self.inl_pos.get((p & !INLINED) as usize) {
            Some(&(pos, call)) => (pos, call),
            None => (self.decl_pos, u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_follow_the_calls_outwards() {
        // pc 0: the function's own line 10; pc 1: callee 7 at 50, called at 11; pc 2:
        // callee 8 at 80, called from inside callee 7 at 51.
        let f = Function {
            pos: vec![10, INLINED, INLINED | 1],
            inl_pos: vec![(50, 0), (80, 1), (51, 0)],
            inl_calls: vec![(7, 11), (8, INLINED | 2)],
            decl_pos: 3,
            ..Default::default()
        };
        let fr = |inlined, pos| LogicalFrame { inlined, pos };
        assert_eq!(f.logical_frames(0), vec![fr(None, 10)]);
        assert_eq!(f.logical_frames(1), vec![fr(Some(7), 50), fr(None, 11)]);
        assert_eq!(
            f.logical_frames(2),
            vec![fr(Some(8), 80), fr(Some(7), 51), fr(None, 11)]
        );
        assert_eq!(f.source_pos(2), 80);
        assert_eq!(f.source_pos(9), 3);
    }

    #[test]
    fn a_bad_tag_reads_as_the_declaration() {
        let f = Function {
            pos: vec![INLINED | 5, INLINED],
            inl_pos: vec![(50, 9)],
            decl_pos: 3,
            ..Default::default()
        };
        assert_eq!(f.source_pos(0), 3);
        assert_eq!(
            f.logical_frames(1),
            vec![LogicalFrame {
                inlined: None,
                pos: 3
            }]
        );
        // A call that points at itself cannot loop: the walk stops after one step per
        // entry of `inl_calls`.
        let g = Function {
            pos: vec![INLINED],
            inl_pos: vec![(50, 0)],
            inl_calls: vec![(7, INLINED)],
            decl_pos: 3,
            ..Default::default()
        };
        assert_eq!(g.logical_frames(0).len(), 3);
    }
}
