//! The heap profile (`gosub run --memprofile`, `runtime/pprof`), decoded here from its
//! gzipped protobuf: the stacks name Go functions and lines, every allocation is counted
//! at `MemProfileRate = 1`, in-use objects follow what collections freed, and the default
//! rate samples about one allocation per 512 KiB, scaled back up as Go scales it.
//! (tests/pprof.sh has real Go's `go tool pprof` read the same files.)

use std::collections::HashMap;
use std::io::Read;

/// A protobuf field: its number and either an integer or bytes.
enum Field<'a> {
    Int(u64),
    Bytes(&'a [u8]),
}

fn varint(b: &[u8], i: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let byte = b[*i];
        *i += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return v;
        }
        shift += 7;
    }
}

fn fields(b: &[u8]) -> Vec<(u64, Field<'_>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let key = varint(b, &mut i);
        match key & 7 {
            0 => out.push((key >> 3, Field::Int(varint(b, &mut i)))),
            2 => {
                let n = varint(b, &mut i) as usize;
                out.push((key >> 3, Field::Bytes(&b[i..i + n])));
                i += n;
            }
            w => panic!("unexpected wire type {w}"),
        }
    }
    out
}

fn ints(f: &Field) -> Vec<u64> {
    match f {
        Field::Int(v) => vec![*v],
        Field::Bytes(b) => {
            let mut i = 0;
            let mut v = Vec::new();
            while i < b.len() {
                v.push(varint(b, &mut i));
            }
            v
        }
    }
}

fn int_field(msg: &[u8], n: u64) -> u64 {
    fields(msg)
        .iter()
        .find(|(k, _)| *k == n)
        .map_or(0, |(_, f)| ints(f)[0])
}

/// A decoded profile: sample type names, and each sample's stack (`func:line`, innermost
/// first) with its values.
struct Profile {
    types: Vec<String>,
    period: u64,
    samples: Vec<(Vec<String>, Vec<i64>)>,
}

impl Profile {
    /// Values summed over the samples whose innermost frame is `top`.
    fn at(&self, top: &str) -> Vec<i64> {
        let mut sum = vec![0; self.types.len()];
        for (stack, vals) in &self.samples {
            if stack.first().map(String::as_str) == Some(top) {
                for (s, v) in sum.iter_mut().zip(vals) {
                    *s += v;
                }
            }
        }
        sum
    }
}

fn decode(gz: &[u8]) -> Profile {
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_end(&mut raw)
        .expect("gzip");
    let top = fields(&raw);
    let strings: Vec<String> = top
        .iter()
        .filter(|(k, _)| *k == 6)
        .map(|(_, f)| match f {
            Field::Bytes(b) => String::from_utf8(b.to_vec()).unwrap(),
            Field::Int(_) => panic!("string"),
        })
        .collect();
    assert_eq!(strings[0], "", "string 0 is empty");
    let msgs = |n: u64| -> Vec<&[u8]> {
        top.iter()
            .filter(|(k, _)| *k == n)
            .map(|(_, f)| match f {
                Field::Bytes(b) => *b,
                Field::Int(_) => panic!("message"),
            })
            .collect()
    };
    let funcs: HashMap<u64, String> = msgs(5)
        .iter()
        .map(|m| (int_field(m, 1), strings[int_field(m, 2) as usize].clone()))
        .collect();
    // A location's lines: one per function inlined there, innermost first, then the
    // function they were inlined into (pprof's representation of inlining).
    let locs: HashMap<u64, Vec<String>> = msgs(4)
        .iter()
        .map(|m| {
            let lines: Vec<String> = fields(m)
                .into_iter()
                .filter(|(k, _)| *k == 4)
                .map(|(_, f)| match f {
                    Field::Bytes(line) => {
                        let name = &funcs[&int_field(line, 1)];
                        format!("{}:{}", name, int_field(line, 2))
                    }
                    Field::Int(_) => panic!("line"),
                })
                .collect();
            assert!(!lines.is_empty(), "a location without lines");
            (int_field(m, 1), lines)
        })
        .collect();
    let types = msgs(1)
        .iter()
        .map(|m| strings[int_field(m, 1) as usize].clone())
        .collect();
    let samples = msgs(2)
        .iter()
        .map(|m| {
            let fs = fields(m);
            let get = |n| {
                fs.iter()
                    .filter(|(k, _)| *k == n)
                    .flat_map(|(_, f)| ints(f))
                    .collect::<Vec<u64>>()
            };
            let stack = get(1).iter().flat_map(|id| locs[id].clone()).collect();
            let vals = get(2).iter().map(|&v| v as i64).collect();
            (stack, vals)
        })
        .collect();
    Profile {
        types,
        period: top
            .iter()
            .find(|(k, _)| *k == 12)
            .map_or(0, |(_, f)| ints(f)[0]),
        samples,
    }
}

/// Runs `src` with `--memprofile` and decodes the profile written at exit.
fn profile_of(name: &str, src: &str) -> (String, Profile) {
    let path = std::env::temp_dir().join(format!(
        "gosub-memprofile-{}-{}.pb.gz",
        name,
        std::process::id()
    ));
    let opts = gosub::Options {
        memprofile: Some(path.clone()),
        ..gosub::Options::default()
    };
    let out = gosub::run_source("prog.go", src, &opts);
    assert_eq!(out.exit_code, 0, "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&path).expect("the profile was written");
    let _ = std::fs::remove_file(&path);
    (String::from_utf8(out.stdout).unwrap(), decode(&bytes))
}

const EVERY: &str = r#"package main

import (
	"fmt"
	"runtime"
)

type pair struct{ a, b *int }

var kept []*pair

func build(n int) {
	for i := 0; i < n; i++ {
		p := &pair{}
		if i%4 == 0 {
			kept = append(kept, p)
		}
	}
}

func main() {
	runtime.MemProfileRate = 1
	kept = make([]*pair, 0, 50)
	build(200)
	runtime.GC()
	kept = kept[:10]
	runtime.GC()
	fmt.Println(len(kept))
}
"#;

#[test]
fn every_allocation_is_counted_with_its_stack_at_rate_1() {
    let (out, p) = profile_of("every", EVERY);
    assert_eq!(out, "10\n");
    assert_eq!(
        p.types,
        [
            "alloc_objects",
            "alloc_space",
            "inuse_objects",
            "inuse_space"
        ]
    );
    assert_eq!(p.period, 1);
    let (stack, _) = p
        .samples
        .iter()
        .find(|(s, _)| s[0] == "main.build:14")
        .expect("a sample at the &pair{} of build");
    assert_eq!(stack, &["main.build:14", "main.main:24"]);
    // 200 pairs of 16 bytes (+8 of header: 24 each); `kept[:10]` leaves 10 of the 50 kept
    // reachable (the backing array still holds the others: 50).
    assert_eq!(p.at("main.build:14"), [200, 200 * 24, 50, 50 * 24]);
    let backing = p.at("main.main:23");
    assert_eq!(backing[0], 1, "one backing array made");
    assert_eq!(backing[2], 1, "still in use");
}

const DEFAULT_RATE: &str = r#"package main

import "fmt"

type block struct{ w [7]int }

var sink *block

func churn(n int) {
	for i := 0; i < n; i++ {
		sink = &block{}
	}
}

func main() {
	churn(1 << 20)
	fmt.Println(sink != nil)
}
"#;

#[test]
fn the_default_rate_samples_and_scales_as_go_does() {
    let (out, p) = profile_of("default", DEFAULT_RATE);
    assert_eq!(out, "true\n");
    assert_eq!(p.period, 512 * 1024);
    // 2^20 blocks of 64 bytes (56 + header): 64 MiB, so about 128 samples; scaled back
    // up by 1/(1-e^(-64/524288)), each sample stands for about 8,192 blocks.
    let v = p.at("main.churn:11");
    let samples = p
        .samples
        .iter()
        .filter(|(s, _)| s[0] == "main.churn:11")
        .count();
    assert_eq!(samples, 1, "one stack");
    let objects = v[0] as f64;
    assert!(
        (0.7..1.3).contains(&(objects / (1u64 << 20) as f64)),
        "estimated {objects} blocks for 1,048,576 allocated"
    );
    assert_eq!(v[1], v[0] * 64, "64 bytes each");
    assert!(v[2] < v[0] / 10, "almost all were freed: {v:?}");
}

/// An eval session whose input brings runtime/pprof keeps the profile from then on, at
/// Go's default rate, as a program importing the package does.
#[test]
fn a_session_that_imports_runtime_pprof_keeps_the_profile() {
    let mut vm = gosub::Vm::builder()
        .allow_package("runtime/pprof")
        .allow_package("bytes")
        .build();
    assert_eq!(
        vm.eval("runtime.MemProfileRate").unwrap(),
        gosub::Value::Int(0)
    );
    vm.eval("var buf bytes.Buffer\nvar keep [][]byte").unwrap();
    vm.eval("pprof.WriteHeapProfile(&buf)").unwrap();
    let empty = vm.eval("buf.Len()").unwrap();
    assert_eq!(
        vm.eval("runtime.MemProfileRate").unwrap(),
        gosub::Value::Int(512 * 1024)
    );
    vm.eval("for range 64 { keep = append(keep, make([]byte, 64<<10)) }\nbuf.Reset()\npprof.WriteHeapProfile(&buf)")
        .unwrap();
    let (gosub::Value::Int(empty), gosub::Value::Int(full)) =
        (empty, vm.eval("buf.Len()").unwrap())
    else {
        panic!("lengths");
    };
    assert!(
        full > empty + 20,
        "samples were written: {empty} then {full} bytes"
    );
}
