//! The REPL on a pseudo-terminal (rexpect): the real line editor, prompts, continuation
//! prompt, errors with a caret, Ctrl-C and Ctrl-D, tab completion.
//!
//! Robustness: every step waits for what the REPL prints before typing the next thing (so
//! no keystroke reaches the editor before it reads), timeouts are generous (60 s per
//! expectation), and escape codes are stripped, so matching is on the text only.

#![cfg(unix)]

use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};
use std::process::Command;

const TIMEOUT_MS: u64 = 60_000;

fn start(dir: &std::path::Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gosub"));
    cmd.env("HOME", dir)
        .env("XDG_DATA_HOME", dir)
        .env("TERM", "xterm")
        .env_remove("GOSUBDEBUG");
    spawn_with_options(
        cmd,
        Options {
            timeout_ms: Some(TIMEOUT_MS),
            strip_ansi_escape_codes: true,
        },
    )
    .expect("spawn gosub on a pty")
}

fn tmpdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("gosub-pty-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Types `text`, then Tab.
fn type_tab(p: &mut PtySession, text: &str) {
    p.send(text).unwrap();
    p.flush().unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
}

const PROMPT: &str = "gosub> ";
const MORE: &str = "...... ";

#[test]
fn interactive_session() {
    let dir = tmpdir("session");
    let mut p = start(&dir);
    p.exp_string(":help for commands").unwrap();
    p.exp_string(PROMPT).unwrap();

    // An expression is echoed with its type.
    p.send_line("1 + 2").unwrap();
    p.exp_string("3 (int)").unwrap();
    p.exp_string(PROMPT).unwrap();

    // A multi-line definition continues with the continuation prompt.
    p.send_line("func Sq(x int) int {").unwrap();
    p.exp_string(MORE).unwrap();
    p.send_line("return x * x").unwrap();
    p.exp_string(MORE).unwrap();
    p.send_line("}").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("Sq(7)").unwrap();
    p.exp_string("49 (int)").unwrap();
    p.exp_string(PROMPT).unwrap();

    // An error points at the column and keeps the session.
    p.send_line("y := nope + 1").unwrap();
    p.exp_string("<input>:1:6: undefined: nope").unwrap();
    p.exp_string("    y := nope + 1").unwrap();
    let (_, caret) = p.exp_regex(r"\n +\^").unwrap();
    // "\n" (maybe "\r\n" on the tty), four spaces of indent, five under `y := `.
    assert_eq!(caret.trim_start_matches(['\r', '\n']), "         ^");
    p.exp_string(PROMPT).unwrap();

    // Ctrl-C cancels a partial input: the next line is a fresh input, not a continuation.
    p.send_line("func Broken() {").unwrap();
    p.exp_string(MORE).unwrap();
    p.send("Sq(").unwrap();
    p.flush().unwrap();
    p.send_control('c').unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("Sq(3) + 1").unwrap();
    p.exp_string("10 (int)").unwrap();
    p.exp_string(PROMPT).unwrap();

    // Tab completion: a package member, then a session name.
    type_tab(&mut p, "strings.ToUpp");
    p.exp_string("strings.ToUpper").unwrap();
    p.send_line("(\"go\")").unwrap();
    p.exp_string("GO (string)").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send("S\t").unwrap();
    p.flush().unwrap();
    p.exp_string("Sq").unwrap();
    p.send_line("(4)").unwrap();
    p.exp_string("16 (int)").unwrap();
    p.exp_string(PROMPT).unwrap();

    // :doc
    p.send_line(":doc strings.ToUpper").unwrap();
    p.exp_string("func ToUpper(s string) string").unwrap();
    p.exp_string(PROMPT).unwrap();

    // Ctrl-D quits with status 0 and saves the history.
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let status = format!("{:?}", p.process().wait());
    assert!(
        status.starts_with("Ok(Exited(") && status.ends_with(", 0))"),
        "gosub did not exit 0 on Ctrl-D: {}",
        status
    );
    let hist = std::fs::read_to_string(dir.join("gosub").join("history")).unwrap_or_default();
    assert!(hist.contains("Sq(7)"), "history: {:?}", hist);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn completion_of_a_session_name() {
    let dir = tmpdir("complete");
    let mut p = start(&dir);
    p.exp_string(PROMPT).unwrap();
    p.send_line("uniqueCounter := 41").unwrap();
    p.exp_string(PROMPT).unwrap();
    // Only one candidate: Tab inserts it whole.
    type_tab(&mut p, "uniqueC");
    p.exp_string("uniqueCounter").unwrap();
    p.send_line(" + 1").unwrap();
    p.exp_string("42 (int)").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn open_output_lines_panics_and_help() {
    let dir = tmpdir("output");
    let mut p = start(&dir);
    p.exp_string(PROMPT).unwrap();
    // Output without a final newline is ended before the next prompt, not overwritten.
    p.send_line("fmt.Print(\"abc\")").unwrap();
    p.exp_regex("abc\r?\n").unwrap();
    p.exp_string(PROMPT).unwrap();
    // A panic shows where it happened, in the session's inputs.
    p.send_line("xs := []int{1}").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("xs[5]").unwrap();
    p.exp_string("panic: runtime error: index out of range [5] with length 1")
        .unwrap();
    p.exp_string("main.input3()").unwrap();
    p.exp_string("<input 3>:1").unwrap();
    p.exp_string(PROMPT).unwrap();
    // Tab with several candidates lists them, as readline does in bash.
    type_tab(&mut p, "strings.HasP");
    p.exp_string("strings.HasPrefix").unwrap();
    p.send_control('u').unwrap();
    type_tab(&mut p, "strings.Has");
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_regex("HasPrefix +HasSuffix").unwrap();
    p.send_control('u').unwrap();
    // :time prints each input's times after it.
    p.send_line(":time").unwrap();
    p.exp_string("timing on").unwrap();
    p.send_line("40 + 2").unwrap();
    p.exp_string("42 (int)").unwrap();
    p.exp_regex(r"time: [0-9.]+ ms wall, [0-9.]+ ms cpu")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    // :help says what :mem and :gc do in a live session.
    p.send_line(":help").unwrap();
    p.exp_string(":gc              collect the session's garbage now")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn completion_after_a_call_and_an_index() {
    let dir = tmpdir("operand");
    let mut p = start(&dir);
    p.exp_string(PROMPT).unwrap();
    p.send_line("type Cell struct{ Label string; Weight int }")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("func (c *Cell) Heavier() bool { return c.Weight > 9 }")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("func newCell() *Cell { return &Cell{\"x\", 12} }")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("cells := []Cell{{\"a\", 1}}").unwrap();
    p.exp_string(PROMPT).unwrap();
    // One candidate after a call: Tab inserts it.
    type_tab(&mut p, "newCell().Hea");
    p.exp_string("newCell().Heavier").unwrap();
    p.send_line("()").unwrap();
    p.exp_string("true (bool)").unwrap();
    p.exp_string(PROMPT).unwrap();
    // Several after an index: Tab twice lists them.
    type_tab(&mut p, "cells[0].");
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_regex("Heavier +Label +Weight").unwrap();
    p.send_line("Label").unwrap();
    p.exp_string("a (string)").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn redefinition_member_completion_and_save() {
    let dir = tmpdir("save");
    let mut p = start(&dir);
    p.exp_string(PROMPT).unwrap();
    // Redeclaring replaces, for later inputs.
    p.send_line("func Greet() string { return \"hi\" }")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("func Greet() string { return \"hello\" }")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("Greet()").unwrap();
    p.exp_string("hello (string)").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("n := 1").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("n := \"one\"").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("n").unwrap();
    p.exp_string("one (string)").unwrap();
    p.exp_string(PROMPT).unwrap();
    // Tab after `pt.` completes the value's fields and methods.
    p.send_line("type Point struct{ Xpos, Ypos int }").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("func (q Point) Norm1() int { return q.Xpos + q.Ypos }")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("pt := Point{3, 4}").unwrap();
    p.exp_string(PROMPT).unwrap();
    type_tab(&mut p, "pt.No");
    p.exp_string("pt.Norm1").unwrap();
    p.send_line("()").unwrap();
    p.exp_string("7 (int)").unwrap();
    p.exp_string(PROMPT).unwrap();
    type_tab(&mut p, "pt.");
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_regex("Norm1 +Xpos +Ypos").unwrap();
    p.send_control('u').unwrap();
    // :save writes a program that runs.
    let file = dir.join("saved.go");
    p.send_line(&format!(":save {}", file.display())).unwrap();
    p.exp_string("saved the session to").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
    let src = std::fs::read_to_string(&file).unwrap();
    assert!(
        src.contains("func Greet_1() string { return \"hi\" }"),
        "{}",
        src
    );
    assert!(src.contains("\tn_1 = 1\n\tn = \"one\"\n"), "{}", src);
    let out = Command::new(env!("CARGO_BIN_EXE_gosub"))
        .arg("run")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "hello\none\n7\n",
        "{}",
        src
    );
    let _ = std::fs::remove_dir_all(&dir);
}
