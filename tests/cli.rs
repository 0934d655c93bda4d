//! What `gosub run` says about a source file before running it, worded as `go run` words
//! it (checked against Go 1.26.6): bytes that are not UTF-8, a byte order mark or NUL
//! inside the file, and a package other than main. These files cannot be snapshot
//! programs (tests/programs holds UTF-8 text), so each is written here byte by byte.

use std::process::Command;

/// Runs `gosub run` on a file holding `bytes`; returns (exit code, stderr, stdout).
fn run(name: &str, bytes: &[u8]) -> (i32, String, String) {
    let dir = std::env::temp_dir().join(format!("gosub-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.go"));
    std::fs::write(&file, bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gosub"))
        .arg("run")
        .arg(format!("{name}.go"))
        .current_dir(&dir)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn invalid_utf8_is_reported_at_each_bad_byte() {
    let (code, err, out) = run(
        "badutf8",
        b"package main\n\nfunc main() { println(\"h\xffi\") }\n",
    );
    assert_eq!(code, 1);
    assert_eq!(err, "badutf8.go:3:25: invalid UTF-8 encoding\n");
    assert_eq!(out, "");
    // A truncated sequence is two bad bytes, but gc reports one error per line.
    let (code, err, _) = run(
        "trunc",
        b"package main\n\nfunc main() {\n\t// \xe2\x82x\n\tprintln(\"\xff\")\n}\n",
    );
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "trunc.go:4:5: invalid UTF-8 encoding\ntrunc.go:5:11: invalid UTF-8 encoding\n"
    );
}

#[test]
fn a_bom_is_allowed_only_at_the_start() {
    let (code, err, out) = run(
        "bomstart",
        b"\xef\xbb\xbfpackage main\n\nfunc main() { println(\"hi\") }\n",
    );
    assert_eq!((code, err.as_str(), out.as_str()), (0, "hi\n", ""));
    let (code, err, _) = run(
        "bommid",
        b"package main\n\nfunc main() { println(\"hi\") \xef\xbb\xbf}\n",
    );
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "bommid.go:3:29: invalid BOM in the middle of the file\n"
    );
}

#[test]
fn nul_is_an_invalid_character() {
    let (code, err, _) = run(
        "nul",
        b"package main\n\nfunc main() { println(\"hi\") }\x00\n",
    );
    assert_eq!(code, 1);
    assert_eq!(err, "nul.go:3:30: invalid NUL character\n");
}

#[test]
fn only_package_main_runs() {
    let (code, err, out) = run(
        "notmain",
        b"package foo\n\nfunc main() { println(\"hi\") }\n",
    );
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "package command-line-arguments is not a main package\n"
    );
    assert_eq!(out, "");
    // Before compiling: the unused variable is not reported, as with go run.
    let (code, err, _) = run("notmain2", b"package foo\n\nfunc main() { var x int }\n");
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "package command-line-arguments is not a main package\n"
    );
}

/// A closed standard output ends the process by SIGPIPE, as it ends a Go binary (and
/// `head`'s other writers); before, `gosub disasm | head` was a Rust panic.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_process_by_sigpipe() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    let dir = std::env::temp_dir().join(format!("gosub-cli-{}-pipe", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("pipe.go");
    // Enough functions that the disassembly outgrows a pipe's buffer (64 KiB).
    let mut src = String::from(
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println(i)\n\t}\n}\n",
    );
    for i in 0..2000 {
        src.push_str(&format!("\nfunc f{i}(x int) int {{ return x*{i} + 1 }}\n"));
    }
    std::fs::write(&file, src).unwrap();
    for cmd in ["run", "disasm"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gosub"))
            .arg(cmd)
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 2];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The read end is dropped here; the next write fails.
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.signal(), Some(13), "{cmd}: {:?}", out.status);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{cmd}: {err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
