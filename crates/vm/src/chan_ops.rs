//! The goroutine and channel instructions (`go`, `make(chan)`, send, receive, close,
//! `len`/`cap`, `select`), executed outside the dispatch loop: each reads its operands
//! from the running frame and hands the work to `sched.rs` (spawning) or `chan.rs` (the
//! channel operations and their wait queues).
//!
//! Invariants: an operation that cannot complete returns `Flow::Park` with Go's wait
//! reason, and the dispatch loop parks the goroutine *after* the instruction (the partner
//! that completes it copies the value, `chan.rs`); slots handed to `chan.rs` are VM
//! addresses in the running frame (`u64::MAX`: no slot).

use crate::chan::{Case, Flow};
use crate::error::Trap;
use crate::frame::{rd, wr, Frame};
use crate::interp::NONE;
use crate::vm::Vm;
use gosub_bytecode::bytecode::Op;

/// Executes one goroutine or channel instruction of the frame `fr`.
pub fn exec(vm: &mut Vm, op: &Op, fr: &Frame) -> Result<Flow, Trap> {
    let fp = fr.fp;
    let slot = |r: u32| if r == NONE { u64::MAX } else { fp + r as u64 };
    match *op {
        Op::Go {
            fv,
            args,
            args_size,
        } => {
            let clo = rd(vm, fr, fv)?;
            if clo == 0 {
                return Err(Trap::Fatal("go of nil func value".into()));
            }
            let bytes = vm
                .heap
                .bytes(fp + args as u64, args_size as usize)?
                .to_vec();
            crate::sched::spawn(vm, clo, &bytes)?;
            Ok(Flow::Done)
        }
        Op::MakeChan { dst, rtype, size } => {
            let n = rd(vm, fr, size)? as i64;
            let c = crate::chan::make(vm, rtype, n)?;
            wr(vm, fr, dst, c)?;
            Ok(Flow::Done)
        }
        Op::ChanSend { ch, src } => crate::chan::send(vm, rd(vm, fr, ch)?, fp + src as u64),
        Op::ChanRecv { dst, ch, ok } => {
            let okp = ok.map(|o| fp + o as u64);
            crate::chan::recv(vm, rd(vm, fr, ch)?, slot(dst), okp)
        }
        Op::ChanClose { ch } => {
            crate::chan::close(vm, rd(vm, fr, ch)?)?;
            Ok(Flow::Done)
        }
        Op::ChanLen { dst, ch, cap } => {
            let n = crate::chan::len(vm, rd(vm, fr, ch)?, cap)?;
            wr(vm, fr, dst, n)?;
            Ok(Flow::Done)
        }
        Op::Select {
            chosen,
            ref cases,
            has_default,
        } => {
            let mut cs = Vec::with_capacity(cases.len());
            for c in cases {
                cs.push(Case {
                    send: c.send,
                    ch: rd(vm, fr, c.ch)?,
                    slot: slot(c.val),
                    ok: c.ok.map(|o| fp + o as u64),
                });
            }
            crate::chan::select(vm, &cs, has_default, fp + chosen as u64)
        }
        _ => Err(Trap::Fatal(format!("not a channel instruction: {op:?}"))),
    }
}
