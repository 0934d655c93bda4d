//! Source files, positions and diagnostics shared by every stage.
//!
//! Invariants: positions are global byte offsets into a `SourceMap` (like go/token's
//! `FileSet`): each added file occupies `base..base+len+1`, files never overlap, and a
//! `Span` from any stage can be turned back into `file:line:col` here. Columns are 1-based
//! byte columns, exactly as gc reports them (a tab counts as one column).

use crate::ast::Span;
use std::borrow::Cow;

#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    /// The text: borrowed for the standard library's sources (compiled into the binary),
    /// owned for everything else.
    pub src: Cow<'static, str>,
    pub base: u32,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(
        name: impl Into<String>,
        src: impl Into<Cow<'static, str>>,
        base: u32,
    ) -> SourceFile {
        let src = src.into();
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile {
            name: name.into(),
            src,
            base,
            line_starts,
        }
    }

    /// 1-based line and byte column of a global offset inside this file.
    pub fn line_col(&self, pos: u32) -> (u32, u32) {
        let off = pos.saturating_sub(self.base).min(self.src.len() as u32);
        let line = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, off - self.line_starts[line] + 1)
    }

    pub fn contains(&self, pos: u32) -> bool {
        pos >= self.base && pos <= self.base + self.src.len() as u32
    }
}

/// All files of one program (the user's files and the standard-library sources).
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    /// Shared (`Arc`): an eval session's map, and the sessions started from one standard
    /// library, copy pointers, not the files' line tables.
    pub files: Vec<std::sync::Arc<SourceFile>>,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Adds a file and returns its index; its positions start at the returned file's `base`.
    pub fn add(&mut self, name: impl Into<String>, src: impl Into<Cow<'static, str>>) -> usize {
        let base = self
            .files
            .last()
            .map(|f| f.base + f.src.len() as u32 + 1)
            .unwrap_or(1);
        self.files
            .push(std::sync::Arc::new(SourceFile::new(name, src, base)));
        self.files.len() - 1
    }

    pub fn file_of(&self, pos: u32) -> Option<&SourceFile> {
        self.files
            .iter()
            .rev()
            .find(|f| pos >= f.base)
            .filter(|f| f.contains(pos))
            .map(|f| &**f)
    }

    /// `name:line:col` as gc prints positions.
    pub fn position(&self, pos: u32) -> String {
        match self.file_of(pos) {
            Some(f) => {
                let (l, c) = f.line_col(pos);
                format!("{}:{}:{}", f.name, l, c)
            }
            None => "<unknown>".to_string(),
        }
    }

    /// `name:line` as Go tracebacks print positions.
    pub fn file_line(&self, pos: u32) -> (String, u32) {
        match self.file_of(pos) {
            Some(f) => (f.name.clone(), f.line_col(pos).0),
            None => ("<unknown>".to_string(), 0),
        }
    }
}

/// gc stops after this many errors and prints `too many errors` (for syntax errors in
/// `recovery.rs`, for type errors in the checker).
pub const MAX_ERRORS: usize = 10;

/// An error or warning with a position, worded as gc words it (without the position prefix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub msg: String,
}

impl Diagnostic {
    pub fn new(span: Span, msg: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            msg: msg.into(),
        }
    }

    /// `file:line:col: msg`
    pub fn render(&self, map: &SourceMap) -> String {
        format!("{}: {}", map.position(self.span.lo), self.msg)
    }
}
