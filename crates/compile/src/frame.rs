//! Frame layout and instruction emission for one function being compiled.
//!
//! Invariants:
//! - Layout of every frame: parameters from offset 0 (each 8-byte aligned), then results,
//!   then the closure context word and the defer-list word when the function needs them,
//!   then locals and temporaries. All registers are 8-byte aligned.
//! - A frame word is either always a pointer word or never one during the whole function
//!   (temporaries are recycled only into slots of the same pointer shape), so the pointer
//!   words of a function (`Function::ptr_words`) are one list, and which of them are live
//!   at an instruction is computed from the bytecode (`gosub_bytecode::liveness`).
//! - Every slot is recorded (`Function::slots`); an instruction operand lies inside one.
//! - Temporaries allocated while compiling a statement are released when it is done.

use crate::bytecode::{Function, Op, Reg};
use crate::layout::{round_up, Layout, PtrWords};
use gosub_bytecode::inline_pos::INLINED;
use gosub_layered::HashMap;
use gosub_syntax::ast::{self, Stmt, StmtKind};
use gosub_syntax::walk::{self, Node};
use gosub_types::{Builtin, ObjKind, Program};

pub type Label = usize;

/// The largest frame gosub builds (Go's goroutine stacks are limited to 1 GB; large
/// variables move to the heap, as in gc, so only many of them together reach it).
pub const MAX_FRAME: u64 = 256 << 20;

#[derive(Default)]
pub struct FrameBuilder {
    /// A slot did not fit in `MAX_FRAME`.
    pub too_large: bool,
    pub code: Vec<Op>,
    pub pos: Vec<u32>,
    pub cur_pos: u32,
    /// The inlined call whose body is being compiled (index in `inl_calls`), if any: the
    /// instructions emitted get tagged positions (`gosub_bytecode::inline_pos`).
    pub cur_inl: Option<u32>,
    /// `Function::inl_pos` and `Function::inl_calls` being built, and the index of each
    /// `inl_pos` entry.
    inl_pos: Vec<(u32, u32)>,
    inl_calls: Vec<(u32, u32)>,
    inl_index: HashMap<(u32, u32), u32>,
    pub size: u32,
    pub ptr_words: Vec<u32>,
    /// Every slot allocated, (offset, size): `Function::slots`.
    pub slots: Vec<(u32, u32)>,
    /// Where each temporary was in use: `Function::temp_ranges`.
    temp_ranges: Vec<(u32, u32, u32)>,
    free: HashMap<(u32, PtrWords), Vec<Reg>>,
    /// Temporaries in use since the start of the current statement, with the index of
    /// their entry in `temp_ranges`.
    live_temps: Vec<(Reg, u32, PtrWords, usize)>,
    labels: Vec<Option<u32>>,
    /// (instruction index, label) to patch.
    fixups: Vec<(usize, Label)>,
}

impl FrameBuilder {
    pub fn new() -> FrameBuilder {
        FrameBuilder::default()
    }

    /// Allocates a dedicated (never recycled) slot for a value of this layout.
    pub fn alloc_slot(&mut self, l: &Layout) -> Reg {
        let off = round_up(self.size as u64, 8);
        let size = round_up(l.size.max(1), 8);
        if off + size > MAX_FRAME {
            // Too large for a frame: remember it (the generator reports an error) and hand
            // out a harmless slot so compilation can finish.
            self.too_large = true;
            return 0;
        }
        let off = off as u32;
        self.size = off + size as u32;
        self.slots.push((off, size as u32));
        for w in &l.ptr_words {
            self.ptr_words.push(off / 8 + w);
        }
        off
    }

    /// A temporary for the current statement, recycled afterwards.
    pub fn temp(&mut self, l: &Layout) -> Reg {
        let size = round_up(l.size.max(1), 8) as u32;
        let key = (size, l.ptr_words.clone());
        let r = match self.free.get_mut(&key).and_then(|v| v.pop()) {
            Some(r) => r,
            None => self.alloc_slot(l),
        };
        self.temp_ranges.push((r, self.code.len() as u32, u32::MAX));
        let i = self.temp_ranges.len() - 1;
        self.live_temps.push((r, size, l.ptr_words.clone(), i));
        r
    }

    /// Marks the temporaries in use; `release_temps(mark)` frees those allocated after it.
    pub fn temp_mark(&self) -> usize {
        self.live_temps.len()
    }

    pub fn release_temps(&mut self, mark: usize) {
        while self.live_temps.len() > mark {
            if let Some((r, size, ptrs, i)) = self.live_temps.pop() {
                self.temp_ranges[i].2 = self.code.len() as u32;
                self.free.entry((size, ptrs)).or_default().push(r);
            }
        }
    }

    pub fn emit(&mut self, op: Op) -> usize {
        // Registers are whole words: zeroing one zeroes its padding too, so narrow values
        // keep their canonical 64-bit form.
        let op = match op {
            Op::Zero { dst, size } if dst % 8 == 0 => Op::Zero {
                dst,
                size: size.div_ceil(8) * 8,
            },
            other => other,
        };
        self.code.push(op);
        let p = self.pos_value();
        self.pos.push(p);
        self.code.len() - 1
    }

    /// The `pos` of an instruction emitted now: `cur_pos`, tagged inside an inlined body.
    pub fn pos_value(&mut self) -> u32 {
        let Some(call) = self.cur_inl else {
            return self.cur_pos;
        };
        let key = (self.cur_pos, call);
        if let Some(&i) = self.inl_index.get(&key) {
            return INLINED | i;
        }
        let i = self.inl_pos.len() as u32;
        self.inl_pos.push(key);
        self.inl_index.insert(key, i);
        INLINED | i
    }

    /// Can an inlined body start here: is the current position below the tag bit, and is
    /// there room in the tables (`begin_inlined`'s precondition)?
    pub fn inline_room(&self) -> bool {
        self.cur_pos & INLINED == 0 && (self.inl_pos.len() as u32) < INLINED - 1
    }

    /// Starts the body of an inlined call of function `callee` at the current position
    /// (`inline_room` must hold): returns what `cur_inl` was, to give back to `end_inlined`.
    pub fn begin_inlined(&mut self, callee: u32) -> Option<u32> {
        let at = self.pos_value();
        let k = self.inl_calls.len() as u32;
        self.inl_calls.push((callee, at));
        self.cur_inl.replace(k)
    }

    pub fn end_inlined(&mut self, saved: Option<u32>) {
        self.cur_inl = saved;
    }

    /// Ends the code with a `Nop` outside inlined bodies, at the position of the outermost
    /// call the last instruction was inlined through (its own when it is not inlined):
    /// the instruction before the epilogue is then never in an inlined body, even once the
    /// passes delete a last `return`'s jump to the epilogue (inline_body.rs).
    pub fn end_outside_inlined(&mut self) {
        let Some(mut p) = self.pos.last().copied() else {
            return;
        };
        for _ in 0..=self.inl_calls.len() {
            if p & INLINED == 0 {
                break;
            }
            let call = self.inl_pos.get((p & !INLINED) as usize).map(|e| e.1);
            p = call
                .and_then(|c| self.inl_calls.get(c as usize))
                .map_or(0, |c| c.1);
        }
        self.code.push(Op::Nop);
        self.pos.push(p);
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        self.labels.len() - 1
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l] = Some(self.code.len() as u32);
    }

    pub fn label_pos(&self, l: Label) -> Option<u32> {
        self.labels.get(l).copied().flatten()
    }

    pub fn here(&self) -> u32 {
        self.code.len() as u32
    }

    /// Emits a jump-like instruction whose target is patched when `l` is bound.
    pub fn emit_jump(&mut self, op: Op, l: Label) -> usize {
        let i = self.emit(op);
        self.fixups.push((i, l));
        i
    }

    pub fn finish(mut self, mut f: Function) -> Function {
        for (i, l) in std::mem::take(&mut self.fixups) {
            let t = self.labels[l].unwrap_or(self.code.len() as u32);
            if let Some(target) = self.code[i].jump_target_mut() {
                *target = t;
            }
        }
        self.ptr_words.sort_unstable();
        self.ptr_words.dedup();
        f.code = self.code;
        f.pos = self.pos;
        f.inl_pos = self.inl_pos;
        f.inl_calls = self.inl_calls;
        f.frame_size = round_up(self.size as u64, 8) as u32;
        f.ptr_words = self.ptr_words;
        f.slots = self.slots;
        let end = f.code.len() as u32;
        f.temp_ranges = self
            .temp_ranges
            .into_iter()
            .map(|(r, a, b)| (r, a, b.min(end)))
            .collect();
        f
    }
}

/// Does the function with this body keep a defer list: does it run a `defer` statement of
/// its own (not one of a function literal in it, nor one of a range-over-func loop body,
/// which adds to the list of the function the loop is in: `Info::rangefunc.defer_at`), or
/// hand its list to its loop bodies (`var #defers = runtime.deferrangefunc()`, which the
/// lowering writes as a statement of this function)? Such a frame gets a defer-list slot.
pub fn has_defer(p: &Program, body: &ast::Block) -> bool {
    let mut found = false;
    walk::inspect_code_stmts(&body.stmts, &mut |n| match n {
        Node::Stmt(Stmt {
            kind: StmtKind::Defer(e),
            ..
        }) => {
            found |= !p.info.rangefunc.defer_at.contains_key(&e.id);
            false
        }
        Node::Stmt(Stmt {
            kind: StmtKind::Decl(d),
            ..
        }) if let ast::Decl::Var(g) = &**d => {
            let token = |e: &ast::Expr| {
                let fun = e.as_call().map(|(f, _, _)| f);
                let obj = match fun.map(|f| &f.kind) {
                    Some(ast::ExprKind::Ident(id)) => p.info.uses.get(&id.id),
                    _ => None,
                };
                obj.is_some_and(|o| {
                    matches!(p.obj(*o).kind, ObjKind::Builtin(Builtin::DeferRangeFunc))
                })
            };
            found |= g.specs.iter().flat_map(|s| &s.values).any(token);
            false
        }
        // Expressions hold no statements of this function (only literal bodies).
        Node::Stmt(_) => !found,
        _ => false,
    });
    found
}
