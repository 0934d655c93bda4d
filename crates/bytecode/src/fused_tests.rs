//! Tests of the fused instructions (fused.rs): each fuses where it should and nowhere
//! else, keeps its tail, and means its first instruction.

use super::*;
use crate::operations::CmpOp;

#[test]
fn a_fused_pair_keeps_its_jump_and_means_its_increment() {
    let mut code = vec![
        Op::AddIntImm {
            dst: 8,
            a: 8,
            imm: 1,
        },
        Op::JmpLt {
            a: 8,
            b: 16,
            target: 0,
        },
        Op::AddInt {
            dst: 8,
            a: 24,
            b: 32,
        },
        Op::JmpLe {
            a: 8,
            b: 16,
            target: 0,
        },
    ];
    let unfused = code.clone();
    fuse_code(&mut code);
    assert!(matches!(
        code[0],
        Op::IncJmpLt {
            i: 8,
            n: 16,
            imm: 1,
            target: 0
        }
    ));
    assert_eq!(code[1], unfused[1], "the jump stays");
    assert_eq!(second_half(&code[0]).as_ref(), Some(&unfused[1]));
    assert_eq!(code[0].generic(), unfused[0].generic());
    // `dst != a`: not a loop counter's increment.
    assert_eq!(code[2], unfused[2]);
    // A constant bound; a step that does not fit the fused form's 32 bits.
    let pair = |imm| {
        let mut c = vec![
            Op::AddIntImm { dst: 8, a: 8, imm },
            Op::JmpLtImm {
                a: 8,
                imm: 1 << 40,
                target: 0,
            },
        ];
        fuse_code(&mut c);
        c
    };
    let c = pair(-2);
    assert!(matches!(
        c[0],
        Op::IncJmpLtImm {
            i: 8,
            imm: -2,
            bound: 0x100_0000_0000,
            target: 0
        }
    ));
    assert_eq!(
        c[0].generic(),
        Op::AddIntImm {
            dst: 8,
            a: 8,
            imm: -2
        }
        .generic()
    );
    assert!(matches!(pair(1 << 33)[0], Op::AddIntImm { .. }));
}

#[test]
fn an_increment_in_memory_is_one_dispatch_and_keeps_its_tail() {
    let load = Op::Load {
        dst: 16,
        ptr: 0,
        off: 8,
        w: Width::W64,
    };
    let add = Op::AddIntImm {
        dst: 24,
        a: 16,
        imm: 1,
    };
    let store = Op::Store {
        ptr: 0,
        off: 8,
        src: 24,
        w: Width::W64,
    };
    let mut code = vec![load.clone(), add.clone(), store.clone()];
    fuse_code(&mut code);
    assert!(matches!(
        code[0],
        Op::AddImmToMem {
            t1: 16,
            t2: 24,
            ptr: 0,
            off: 8,
            imm: 1
        }
    ));
    assert_eq!(code[1..], [add.clone(), store.clone()], "the tail stays");
    assert_eq!(tail(&code[0]), code[1..].to_vec());
    assert_eq!(code[0].generic(), Some(load.clone()));
    // Not the same word, or the address register overwritten on the way: not fused.
    let other = Op::Store {
        ptr: 0,
        off: 0,
        src: 24,
        w: Width::W64,
    };
    let mut code = vec![load.clone(), add.clone(), other];
    fuse_code(&mut code);
    assert_eq!(code[0], load);
    let clobber = Op::Load {
        dst: 0,
        ptr: 0,
        off: 8,
        w: Width::W64,
    };
    let add0 = Op::AddIntImm {
        dst: 24,
        a: 0,
        imm: 1,
    };
    let mut code = vec![clobber.clone(), add0, store];
    fuse_code(&mut code);
    assert_eq!(code[0], clobber);
}

#[test]
fn a_multiply_add_is_one_dispatch_and_no_instruction_is_in_two_sequences() {
    let mul = Op::MulF64 { dst: 8, a: 0, b: 0 };
    let add = Op::AddF64 {
        dst: 16,
        a: 16,
        b: 8,
    };
    // mul, add, add: the second AddF64 stays alone, the first is the tail.
    let mut code = vec![mul.clone(), add.clone(), add.clone()];
    fuse_code(&mut code);
    assert!(matches!(
        code[0],
        Op::MulAddF64 {
            t: 8,
            a: 0,
            b: 0,
            d: 16,
            x: 16,
            y: 8
        }
    ));
    assert_eq!(code[1..], [add.clone(), add.clone()]);
    assert_eq!(tail(&code[0]), vec![add]);
    assert_eq!(code[0].generic(), mul.generic());
}

#[test]
fn pairs_mean_their_two_instructions_and_leave_back_edges_alone() {
    let w = Width::W64;
    let seqs: Vec<(Op, Op)> = vec![
        (
            Op::Load {
                dst: 8,
                ptr: 0,
                off: 0,
                w,
            },
            Op::Load {
                dst: 16,
                ptr: 0,
                off: 8,
                w,
            },
        ),
        (
            Op::Store {
                ptr: 0,
                off: 0,
                src: 8,
                w,
            },
            Op::Store {
                ptr: 0,
                off: 8,
                src: 16,
                w,
            },
        ),
        (
            Op::LoadElem {
                dst: 8,
                s: 24,
                i: 48,
                w,
            },
            Op::LoadElem {
                dst: 16,
                s: 24,
                i: 56,
                w,
            },
        ),
        (
            Op::StoreElem {
                s: 24,
                i: 48,
                src: 8,
                w,
            },
            Op::StoreElem {
                s: 24,
                i: 56,
                src: 16,
                w,
            },
        ),
        (
            Op::SliceElemAddr {
                dst: 8,
                s: 24,
                i: 48,
                size: 8,
            },
            Op::SliceElemAddr {
                dst: 16,
                s: 24,
                i: 56,
                size: 8,
            },
        ),
        (
            Op::AddIntImm {
                dst: 8,
                a: 8,
                imm: 1,
            },
            Op::AddIntImm {
                dst: 16,
                a: 16,
                imm: -1,
            },
        ),
        (Op::Move { dst: 8, src: 0 }, Op::Move { dst: 16, src: 8 }),
        (
            Op::AddInt {
                dst: 8,
                a: 0,
                b: 16,
            },
            Op::AddIntImm {
                dst: 24,
                a: 8,
                imm: 1,
            },
        ),
        (
            Op::MulInt {
                dst: 8,
                a: 0,
                b: 16,
            },
            Op::IntImm {
                op: IntOp::DivPow2,
                dst: 24,
                a: 8,
                imm: 1,
            },
        ),
        (
            Op::Conv {
                conv: ConvKind::IntToF64,
                dst: 8,
                a: 0,
            },
            Op::DivF64 {
                dst: 16,
                a: 24,
                b: 8,
            },
        ),
        (
            Op::SubF64 {
                dst: 8,
                a: 0,
                b: 16,
            },
            Op::DivF64 {
                dst: 24,
                a: 8,
                b: 8,
            },
        ),
        (Op::Move { dst: 8, src: 0 }, Op::Ret),
        (
            Op::MulInt {
                dst: 8,
                a: 0,
                b: 16,
            },
            Op::Ret,
        ),
        (
            Op::Int {
                op: IntOp::Rem,
                dst: 8,
                a: 0,
                b: 16,
            },
            Op::Ret,
        ),
        (
            Op::AddIntImm {
                dst: 24,
                a: 0,
                imm: -1,
            },
            Op::CallInPlace { func: 3, base: 24 },
        ),
    ];
    for (a, b) in seqs {
        let mut code = vec![a.clone(), b.clone()];
        fuse_code(&mut code);
        assert_eq!(
            pair_halves(&code[0]),
            Some((a.clone(), b.clone())),
            "{code:?}"
        );
        assert_eq!(code[1], b, "the second stays");
        assert_eq!(tail(&code[0]), vec![b.clone()]);
        assert_eq!(code[0].generic(), Some(a.generic().unwrap_or(a)));
    }
    // A narrow load, or an increment too large for the pair's 32 bits: not paired.
    let narrow = Op::Load {
        dst: 8,
        ptr: 0,
        off: 0,
        w: Width::U8,
    };
    let mut code = vec![narrow.clone(), narrow.clone()];
    fuse_code(&mut code);
    assert_eq!(code[0], narrow);
    // A conversion to float32, or an immediate beyond 32 bits: not paired.
    let to_f32 = Op::Conv {
        conv: ConvKind::IntToF32,
        dst: 8,
        a: 0,
    };
    let div = Op::DivF64 {
        dst: 16,
        a: 24,
        b: 8,
    };
    let mut code = vec![to_f32.clone(), div];
    fuse_code(&mut code);
    assert_eq!(code[0], to_f32);
    let mul = Op::MulInt {
        dst: 8,
        a: 0,
        b: 16,
    };
    let big = Op::IntImm {
        op: IntOp::And,
        dst: 24,
        a: 8,
        imm: 1 << 40,
    };
    let mut code = vec![mul.clone(), big];
    fuse_code(&mut code);
    assert_eq!(code[0], mul);
    // x++; i++; if i < n: one dispatch for the three (Inc2JmpLt), not x alone and the back
    // edge with its increment (IncJmpLt).
    let mut code = vec![
        Op::AddIntImm {
            dst: 0,
            a: 0,
            imm: 1,
        },
        Op::AddIntImm {
            dst: 8,
            a: 8,
            imm: 1,
        },
        Op::JmpLt {
            a: 8,
            b: 16,
            target: 0,
        },
    ];
    fuse_code(&mut code);
    assert!(matches!(code[0], Op::Inc2JmpLt(..)), "{code:?}");
    assert!(matches!(code[1], Op::AddIntImm { .. }), "{code:?}");
}

#[test]
fn a_float_result_stored_compared_or_a_move_before_a_jump_is_one_dispatch() {
    let sub = Op::SubF64 {
        dst: 16,
        a: 8,
        b: 24,
    };
    let store = |src| Op::Store {
        ptr: 0,
        off: 32,
        src,
        w: Width::W64,
    };
    // `p.f -= x`: the difference stored.
    let mut code = vec![sub.clone(), store(16)];
    fuse_code(&mut code);
    assert_eq!(code[0], Op::F64Store(FloatOp::Sub, 16, 8, 24, 0, 32));
    assert_eq!(tail(&code[0]), vec![store(16)]);
    assert_eq!(code[0].generic(), sub.generic());
    // Another register stored: not fused.
    let mut code = vec![sub.clone(), store(40)];
    fuse_code(&mut code);
    assert_eq!(code[0], sub);
    // `if n >= g`, n just computed: the jump keeps its specialised form.
    let jump = Op::JmpNotGeF64 {
        a: 16,
        b: 48,
        target: 7,
    };
    let mut code = vec![sub.clone(), jump.clone()];
    fuse_code(&mut code);
    assert_eq!(
        code[0],
        Op::F64JmpNot(FloatOp::Sub, 16, 8, 24, CmpOp::Ge, 16, 48, 7)
    );
    assert_eq!(tail(&code[0]), vec![jump]);
    // `g = n` at the end of a loop's body.
    let mv = Op::Move { dst: 8, src: 16 };
    let back = Op::Jmp { target: 0 };
    let mut code = vec![mv.clone(), back.clone()];
    fuse_code(&mut code);
    assert_eq!(code[0], Op::MoveJmp(8, 16, 0));
    assert_eq!(tail(&code[0]), vec![back]);
    assert_eq!(code[0].generic(), Some(mv));
}

#[test]
fn two_increments_and_a_back_edge_are_one_dispatch_only_in_place() {
    let inc = |dst, a, imm| Op::AddIntImm { dst, a, imm };
    let back = Op::JmpLt {
        a: 8,
        b: 16,
        target: 0,
    };
    let mut code = vec![inc(8, 8, 1), inc(16, 16, -1), back.clone()];
    fuse_code(&mut code);
    assert_eq!(code[0], Op::Inc2JmpLt(8, 1, 16, -1, 8, 16, 0));
    assert_eq!(tail(&code[0]), vec![inc(16, 16, -1), back.clone()]);
    assert_eq!(code[0].generic(), inc(8, 8, 1).generic());
    // An increment into another register: a pair at most.
    let mut code = vec![inc(8, 24, 1), inc(16, 16, -1), back];
    fuse_code(&mut code);
    assert!(matches!(code[0], Op::AddIntImm2(..)));
    // `if c { n++ }; i++; if i < m { goto top }` (a `continue` lands on `i++`): the back
    // edge keeps its increment, so the path that skips `n++` is one dispatch.
    let skip = Op::JmpIfNot {
        cond: 40,
        target: 2,
    };
    let edge = Op::JmpLt {
        a: 16,
        b: 24,
        target: 0,
    };
    let mut code = vec![skip.clone(), inc(8, 8, 1), inc(16, 16, 1), edge];
    fuse_code(&mut code);
    assert_eq!(code[..2], [skip, inc(8, 8, 1)]);
    assert!(matches!(code[2], Op::IncJmpLt { .. }), "{code:?}");
}

#[test]
fn an_element_store_and_a_stepped_back_edge_are_one_dispatch() {
    use crate::operations::Width;
    // `for j := i * i; j <= n; j += i { s[j] = true }`: StoreElem, AddInt, JmpLe.
    let store = |w| Op::StoreElem {
        s: 16,
        i: 72,
        src: 80,
        w,
    };
    let step = Op::AddInt {
        dst: 72,
        a: 72,
        b: 64,
    };
    let back = Op::JmpLe {
        a: 72,
        b: 0,
        target: 0,
    };
    let mut code = vec![store(Width::U8), step.clone(), back.clone()];
    fuse_code(&mut code);
    assert_eq!(
        code[0],
        Op::StoreAddJmpLe(16, 72, 80, Width::U8, 72, 64, 0, 0)
    );
    assert_eq!(tail(&code[0]), vec![step.clone(), back.clone()]);
    assert_eq!(code[0].generic(), Some(store(Width::U8)));
    // Other widths (the inner loop stores bytes and words with a constant width), and a
    // counter that is also its own step, keep the back edge's own fusion.
    let mut code = vec![store(Width::U32), step.clone(), back.clone()];
    fuse_code(&mut code);
    assert!(matches!(code[1], Op::AddJmpLe { .. }), "{code:?}");
    let self_step = Op::AddInt {
        dst: 72,
        a: 72,
        b: 72,
    };
    let mut code = vec![store(Width::W64), self_step, back];
    fuse_code(&mut code);
    assert!(matches!(code[0], Op::StoreElem { .. }), "{code:?}");
}

#[test]
fn element_addresses_fuse_only_when_both_sizes_fit_sixteen_bits() {
    let addr = |dst, size| Op::SliceElemAddr {
        dst,
        s: 24,
        i: 48,
        size,
    };
    for (z1, z2, fused) in [(65535, 16, true), (65536, 16, false), (16, 70008, false)] {
        let mut code = vec![addr(8, z1), addr(16, z2), Op::Ret];
        fuse_code(&mut code);
        assert_eq!(
            matches!(code[0], Op::SliceElemAddr2(..)),
            fused,
            "{z1} {z2}: {code:?}"
        );
        assert_eq!(code[1], addr(16, z2), "the tail stays");
        if fused {
            assert_eq!(pair_halves(&code[0]), Some((addr(8, z1), addr(16, z2))));
        } else {
            assert_eq!(code[0], addr(8, z1));
        }
    }
}

#[test]
fn a_back_edge_takes_the_word_load_of_its_range_loop_head() {
    use crate::operations::Width;
    // `for j, v := range s { acc += v }`: the head loads `s[j]`, the back edge increments
    // `j` and jumps to it.
    let load = |i, w| Op::LoadElem {
        dst: 40,
        s: 16,
        i,
        w,
    };
    let edge = |target| {
        vec![
            Op::AddIntImm {
                dst: 8,
                a: 8,
                imm: 1,
            },
            Op::JmpLt {
                a: 8,
                b: 32,
                target,
            },
        ]
    };
    let body = Op::F64 {
        op: crate::bytecode::FloatOp::Add,
        dst: 48,
        a: 48,
        b: 40,
    };
    let fused = |head: Op| {
        let mut code = vec![head, body.clone()];
        code.extend(edge(0));
        code.push(Op::Ret);
        let unfused = code.clone();
        fuse_code(&mut code);
        assert_eq!(
            code[0], unfused[0],
            "the head stays, to run alone when reached otherwise"
        );
        assert_eq!(code[3], unfused[3], "the jump stays");
        assert_eq!(
            code[2].generic(),
            unfused[2].generic(),
            "it means its increment"
        );
        code[2].clone()
    };
    let f = fused(load(8, Width::W64));
    assert_eq!(f, Op::IncLoadJmpLt(8, 1, 32, 0, 40, 16));
    assert_eq!(at_target(&f), Some(load(8, Width::W64)));
    assert_eq!(second_half(&f), Some(edge(0)[1].clone()));
    // A load of another index, or of a narrower element: the plain back edge.
    assert!(matches!(fused(load(24, Width::W64)), Op::IncJmpLt { .. }));
    assert!(matches!(fused(load(8, Width::U8)), Op::IncJmpLt { .. }));
    assert_eq!(at_target(&fused(load(8, Width::I32))), None);
}
