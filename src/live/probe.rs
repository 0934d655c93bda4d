//! Questions about a session answered by type-checking alone, nothing compiled or run:
//! the type of an expression (`:type`, `Vm::type_of`) and the fields and methods a
//! selector can name after one (the REPL's completion after `f().`, `Vm::members_of`).
//! Each checks the session plus one probe variable, `__gosub_probe := (expr)`, and keeps
//! nothing of it.

use super::{rendered, Live};
use crate::error::Error;
use crate::session::Input;
use gosub_syntax::SourceMap;

impl Live {
    /// The Go type (as `%T` spells it) of an expression, found by checking only.
    pub(crate) fn type_of(&self, expr: &str, hosts: &[String]) -> Result<String, Error> {
        let (types, t) = self.probe(expr, hosts)?;
        Ok(types.types.type_string(t, true))
    }

    /// The fields and methods a selector can name after an expression (`f().`, `xs[0].`),
    /// found by checking only.
    pub(crate) fn members_of(&self, expr: &str, hosts: &[String]) -> Result<Vec<String>, Error> {
        let (types, t) = self.probe(expr, hosts)?;
        let ms = gosub_types::members::members(&types, t, "main");
        Ok(ms.into_iter().map(|(n, _)| n).collect())
    }

    /// The checked session with `expr` added as a probe variable, and the probe's type.
    fn probe(
        &self,
        expr: &str,
        hosts: &[String],
    ) -> Result<(gosub_types::Program, gosub_types::TypeId), Error> {
        let probe = "__gosub_probe";
        let inp = Input {
            stmts: format!("{} := ({})\n", probe, expr),
            ..Default::default()
        };
        let imports = self.imports_for(&inp, hosts);
        let (text, placed) = Self::file_text(self.inputs + 1, &inp, &imports, false);
        let fname = "<probe>".to_string();
        let mut map = self
            .map
            .lock()
            .map_err(|_| Error::Usage("the session's source map is poisoned".into()))?
            .clone();
        let fail = |d: &[gosub_syntax::Diagnostic], map: &SourceMap| {
            let mut ds = rendered(d, map);
            for x in &mut ds {
                Self::map_diag(x, &fname, &placed, None);
                x.col = x.col.saturating_sub(probe.len() as u32 + 5).max(1);
            }
            Error::Compile(ds)
        };
        let (types, resume, _) = self.check_file(&mut map, &fname, &text, &fail)?;
        resume
            .session_vars()
            .iter()
            .rev()
            .map(|&o| types.obj(o))
            .find(|o| o.name == probe)
            .map(|o| o.ty)
            .ok_or_else(|| Error::Usage(format!("cannot type {}", expr)))
            .map(|t| (types, t))
    }
}
