//! Statements, functions and the program's declarations (the rules are in mod.rs).

use super::{Func, Gen, Ty, IK};

const INT_VERBS: &[&str] = &[
    "%d", "%v", "%x", "%X", "%o", "%b", "%5d", "%-5d|", "%+d", "%08d", "%c", "%q", "%U",
];
const FLOAT_VERBS: &[&str] = &["%v", "%.2f", "%g", "%e", "%8.3f", "%G", "%.0f", "%6.2e"];
const STR_VERBS: &[&str] = &["%s", "%q", "%x", "%10s", "%-6s|", "%.2s", "%v", "% x"];

impl Gen {
    /// The whole program: types, methods, generic helpers, helper functions, main.
    pub fn program(&mut self) {
        let p = self.p.clone();
        for i in 0..1 + self.below(3) {
            let mut fields = Vec::new();
            for f in 0..1 + self.below(4) {
                let ft = match self.below(7) {
                    0 | 1 => Ty::int(),
                    2 => Ty::I(IK::I32),
                    3 => Ty::I(IK::U16),
                    4 => Ty::Str,
                    5 => Ty::F64,
                    _ if self.chance(50) => Ty::Bool,
                    _ => Ty::Slice(Box::new(Ty::int())),
                };
                fields.push((format!("f{f}"), ft));
            }
            let body: Vec<String> = fields
                .iter()
                .map(|(n, t)| format!("\t{n} {}", self.tyname(t)))
                .collect();
            self.out.push_str(&format!(
                "type {p}S{i} struct {{\n{}\n}}\n\n",
                body.join("\n")
            ));
            // M reads the value; Bump changes it through the pointer.
            let ints: Vec<&String> = fields
                .iter()
                .filter(|f| f.1 == Ty::int())
                .map(|f| &f.0)
                .collect();
            let m = match ints.first() {
                Some(f) => format!("s.{f}*{} + len(fmt.Sprint(s))", 1 + self.below(5)),
                None => "len(fmt.Sprint(s))".into(),
            };
            self.out.push_str(&format!(
                "func (s {p}S{i}) M() int {{\n\treturn {m}\n}}\n\n"
            ));
            let bump = match fields.iter().find(|f| matches!(f.1, Ty::I(_) | Ty::Str)) {
                Some((f, Ty::Str)) => format!("p.{f} += strconv.Itoa(k)"),
                Some((f, t)) => format!("p.{f} += {}(k)", self.tyname(t)),
                None => "_ = k".into(),
            };
            self.out.push_str(&format!(
                "func (p *{p}S{i}) Bump(k int) {{\n\t{bump}\n}}\n\n"
            ));
            self.structs.push(fields);
        }
        self.out.push_str(&format!(
            "type {p}I interface {{\n\tM() int\n}}\n\n\
             func {p}Map[T, U any](xs []T, f func(T) U) []U {{\n\tout := make([]U, 0, len(xs))\n\tfor _, x := range xs {{\n\t\tout = append(out, f(x))\n\t}}\n\treturn out\n}}\n\n\
             func {p}Sum[T int | uint8 | float64 | string](xs []T) T {{\n\tvar s T\n\tfor _, x := range xs {{\n\t\ts += x\n\t}}\n\treturn s\n}}\n\n\
             func {p}vsum(base int, xs ...int) (int, int) {{\n\tfor _, x := range xs {{\n\t\tbase += x\n\t}}\n\treturn base, len(xs)\n}}\n\n\
             type {p}E struct {{\n\t{p}S0\n\tn int\n}}\n\n\
             func {p}cap(s string) string {{\n\tif len(s) > 64 {{\n\t\treturn s[:64]\n\t}}\n\treturn s\n}}\n\n\
             func {p}rec(n int) int {{\n\tif n <= 0 {{\n\t\treturn 1\n\t}}\n\treturn (n*3 + {p}rec(n-1)) % 1000\n}}\n\n"
        ));
        for i in 0..self.below(5) {
            self.func(i);
        }
        let globals = self.globals();
        self.out.push_str(&format!("func {p}main() {{\n"));
        self.ind = 1;
        self.scopes = vec![globals];
        self.budget = 15 + self.below(30);
        self.calls_left = 12;
        while self.budget > 0 {
            self.stmt();
        }
        self.print_some();
        self.ind = 0;
        self.out.push_str("}\n\n");
    }

    /// Package-level variables, declared in pairs (`var a, b = x, y`: an initializer each),
    /// initialized before any `main` runs, in dependency order (a later pair may read an
    /// earlier one), from pure expressions and the bounded recursive helper; `main` reads
    /// and assigns them. Returns them, for `main`'s scope.
    fn globals(&mut self) -> Vec<super::Var> {
        let p = self.p.clone();
        self.scopes = vec![Vec::new()];
        let pure = std::mem::replace(&mut self.pure, true);
        for i in 0..self.below(4) {
            let (a, b) = (format!("{p}g{i}a"), format!("{p}g{i}b"));
            let tb = if self.chance(50) { Ty::int() } else { Ty::Str };
            let ea = self.expr(&Ty::int(), 2).s;
            let ea = match self.below(3) {
                0 => format!("{ea} + {p}rec({})", self.below(6)),
                _ => ea,
            };
            let eb = self.expr(&tb, 2).s;
            self.out.push_str(&format!("var {a}, {b} = {ea}, {eb}\n\n"));
            self.declare(&a, Ty::int());
            self.declare(&b, tb);
        }
        self.pure = pure;
        self.scopes.pop().unwrap_or_default()
    }

    /// Helper function `i`: parameters, maybe a named result with defers, statements,
    /// a return.
    fn func(&mut self, i: usize) {
        let p = self.p.clone();
        let params: Vec<Ty> = (0..self.below(4)).map(|_| self.any_type()).collect();
        let result = self.printable_type();
        let name = format!("{p}f{i}");
        let plist: Vec<String> = params
            .iter()
            .enumerate()
            .map(|(j, t)| format!("a{j} {}", self.tyname(t)))
            .collect();
        let named = self.chance(40);
        let res = if named {
            format!("(r {})", self.tyname(&result))
        } else {
            self.tyname(&result)
        };
        self.out
            .push_str(&format!("func {name}({}) {res} {{\n", plist.join(", ")));
        self.ind = 1;
        self.scopes = vec![params
            .iter()
            .enumerate()
            .map(|(j, t)| super::Var {
                name: format!("a{j}"),
                ty: t.clone(),
                ro: false,
            })
            .collect()];
        if named {
            if self.chance(60) {
                let v = self.lit(&result).s;
                self.line("defer func() {");
                self.line(&format!(
                    "\tif e := recover(); e != nil {{\n\t\t\tfmt.Println(\"{name} recovered:\", e)\n\t\t\tr = {v}\n\t\t}}"
                ));
                self.line("}()");
            }
            if self.chance(40) {
                self.line(&format!("defer fmt.Println(\"{name} deferred\", r)"));
            }
            self.declare("r", result.clone());
        }
        if self.chance(30) {
            let x = self.expr(&Ty::int(), 1).s;
            self.line(&format!("defer fmt.Println(\"{name} defer arg\", {x})"));
        }
        self.budget = 2 + self.below(6);
        self.calls_left = 3;
        while self.budget > 0 {
            self.stmt();
        }
        if named && self.chance(30) {
            let x = self.expr(&Ty::Str, 1).s;
            self.line(&format!(
                "if len({x}) > 3 {{\n\t\tpanic(\"boom in {name}\")\n\t}}"
            ));
        }
        let ret = self.expr(&result, 2).s;
        self.line(&format!("return {ret}"));
        self.ind = 0;
        self.out.push_str("}\n\n");
        self.funcs.push(Func {
            name,
            params,
            result,
        });
    }

    /// A block of 1 to `most` statements in a new scope.
    fn block(&mut self, most: usize) {
        let n = 1 + self.below(most);
        self.ind += 1;
        self.depth += 1;
        self.scopes.push(Vec::new());
        for _ in 0..n {
            if self.budget == 0 {
                break;
            }
            self.stmt();
        }
        self.scopes.pop();
        self.depth -= 1;
        self.ind -= 1;
    }

    fn stmt(&mut self) {
        self.budget = self.budget.saturating_sub(1);
        let nested = self.depth < 3;
        match self.below(57) {
            0..=8 => self.decl(),
            9..=13 => self.assign(),
            14..=18 => self.print(),
            19 | 20 if nested => {
                let c = self.expr(&Ty::Bool, 2).s;
                self.line(&format!("if {c} {{"));
                self.block(3);
                if self.chance(50) {
                    self.line("} else {");
                    self.block(2);
                }
                self.line("}");
            }
            21 | 22 if nested => {
                let v = self.fresh("i");
                let n = self.below(5);
                self.line(&format!("for {v} := range {n} {{"));
                self.scopes.push(vec![super::Var {
                    name: v.clone(),
                    ty: Ty::int(),
                    ro: false,
                }]);
                self.line(&format!("\t_ = {v}"));
                self.block(3);
                self.scopes.pop();
                self.line("}");
            }
            23 if nested => self.range_slice(),
            24 if nested => self.switch(),
            25 | 26 => self.slice_or_map_op(),
            27 => self.struct_op(),
            28 => self.closure(),
            29 if nested => self.loop_closures(),
            30 if nested => self.goroutines(),
            31 if nested => self.recover_block(),
            32 => self.interface_use(),
            33 if nested => self.labeled(),
            34 => self.generics(),
            35 => {
                let n = self.expr(&Ty::int(), 1);
                let arg = if n.konst {
                    self.below(12).to_string()
                } else {
                    format!("int(uint({}) % 12)", n.s)
                };
                self.line(&format!("fmt.Println(\"rec\", {}rec({arg}))", self.p));
            }
            36 if nested => self.map_sum(),
            37 => self.string_range(),
            38 => self.arrays(),
            39 if nested => self.defer_loop(),
            40 => self.variadic(),
            41 => self.method_values(),
            42 => self.embedded(),
            43 => self.errors_and_atoi(),
            44 => self.clear_and_select(),
            45 if nested => self.if_switch_init(),
            46 if nested => self.classic_loop(),
            47 => self.closure_factory(),
            48 => self.slices_and_maps(),
            49 if nested => self.iterator(),
            50 => self.swap(),
            51 if nested => self.string_switch(),
            52 => self.builder(),
            53 => self.struct_slice(),
            _ => self.decl(),
        }
    }

    fn decl(&mut self) {
        let t = self.any_type();
        let v = self.fresh("v");
        let x = self.expr(&t, 3);
        if x.konst || self.chance(20) {
            // A typed declaration (an untyped constant would take its default type).
            let tn = self.tyname(&t);
            self.line(&format!("var {v} {tn} = {}", x.s));
        } else {
            self.line(&format!("{v} := {}", x.s));
        }
        self.line(&format!("_ = {v}"));
        self.declare(&v, t);
    }

    fn assign(&mut self) {
        let vars: Vec<_> = self.all_vars().into_iter().filter(|v| !v.ro).collect();
        if vars.is_empty() {
            return self.decl();
        }
        let v = vars[self.below(vars.len())].clone();
        match &v.ty {
            Ty::I(k) if self.chance(40) => {
                let ops = ["+=", "-=", "*=", "|=", "^="];
                let op = ops[self.below(ops.len())];
                let x = self.expr(&v.ty, 2).s;
                self.line(&format!("{} {op} {x}", v.name));
                if self.chance(20) {
                    let n = self.below(k.bits() as usize);
                    self.line(&format!("{} <<= {n}", v.name));
                }
            }
            Ty::Str => {
                // Capped: `v += v` in nested loops would double it 64 times.
                let x = self.expr(&v.ty, 2).s;
                let rhs = if self.chance(40) {
                    format!("{} + {x}", v.name)
                } else {
                    x
                };
                self.line(&format!("{} = {}cap({rhs})", v.name, self.p));
            }
            Ty::I(_) if self.chance(20) => {
                let op = if self.chance(50) { "++" } else { "--" };
                self.line(&format!("{}{op}", v.name));
            }
            t => {
                let t = t.clone();
                let x = self.expr(&t, 3).s;
                self.line(&format!("{} = {x}", v.name));
            }
        }
    }

    fn verb(&mut self, t: &Ty) -> &'static str {
        let pick = |g: &mut Gen, vs: &[&'static str]| vs[g.below(vs.len())];
        match t {
            Ty::I(_) => pick(self, INT_VERBS),
            Ty::F64 => pick(self, FLOAT_VERBS),
            Ty::Str => pick(self, STR_VERBS),
            Ty::Bool => pick(self, &["%t", "%v"]),
            Ty::Slice(e) if matches!(**e, Ty::I(_)) => pick(self, &["%v", "%d", "%x"]),
            Ty::S(_) => pick(self, &["%v", "%+v"]),
            _ => "%v",
        }
    }

    fn print(&mut self) {
        let n = 1 + self.below(3);
        let mut args = Vec::new();
        let mut verbs = Vec::new();
        for _ in 0..n {
            let t = self.printable_type();
            let x = self.expr(&t, 2).s;
            verbs.push(self.verb(&t));
            args.push(x);
        }
        if self.chance(50) {
            self.line(&format!("fmt.Println({})", args.join(", ")));
        } else {
            self.line(&format!(
                "fmt.Printf(\"{}\\n\", {})",
                verbs.join(" "),
                args.join(", ")
            ));
        }
    }

    /// Prints every printable variable in scope (the end of main).
    fn print_some(&mut self) {
        let vars: Vec<String> = self
            .all_vars()
            .into_iter()
            .filter(|v| v.ty.printable())
            .map(|v| v.name)
            .collect();
        for chunk in vars.chunks(4) {
            self.line(&format!("fmt.Println({})", chunk.join(", ")));
        }
    }

    fn range_slice(&mut self) {
        let el = self.elem_type();
        let st = Ty::Slice(Box::new(el.clone()));
        let s = self.expr(&st, 2).s;
        let (i, x) = (self.fresh("j"), self.fresh("x"));
        self.line(&format!("for {i}, {x} := range {s} {{"));
        self.scopes.push(vec![
            super::Var {
                name: i.clone(),
                ty: Ty::int(),
                ro: false,
            },
            super::Var {
                name: x.clone(),
                ty: el,
                ro: false,
            },
        ]);
        self.line(&format!("\t_, _ = {i}, {x}"));
        self.block(3);
        self.scopes.pop();
        self.line("}");
    }

    fn switch(&mut self) {
        if self.chance(30) {
            self.line("switch {");
            for _ in 0..1 + self.below(3) {
                let c = self.expr(&Ty::Bool, 2).s;
                self.line(&format!("case {c}:"));
                self.block(2);
            }
        } else {
            let x = self.expr(&Ty::int(), 2).s;
            self.line(&format!("switch {x} {{"));
            let mut vals: Vec<i64> = (-2..6).collect();
            for _ in 0..1 + self.below(3) {
                let a = vals.remove(self.below(vals.len()));
                if self.chance(30) && !vals.is_empty() {
                    let b = vals.remove(self.below(vals.len()));
                    self.line(&format!("case {a}, {b}:"));
                } else {
                    self.line(&format!("case {a}:"));
                }
                self.block(2);
                if self.chance(15) {
                    self.line("\tfallthrough");
                }
            }
        }
        self.line("default:");
        self.block(1);
        self.line("}");
    }

    fn slice_or_map_op(&mut self) {
        let vars = self.all_vars();
        let cands: Vec<_> = vars
            .iter()
            .filter(|v| matches!(v.ty, Ty::Slice(_) | Ty::Map(..)))
            .collect();
        if cands.is_empty() {
            return self.decl();
        }
        let v = cands[self.below(cands.len())].clone();
        match &v.ty {
            Ty::Slice(el) => match self.below(4) {
                0 | 1 => {
                    let x = self.expr(el, 2).s;
                    self.line(&format!("{} = append({}, {x})", v.name, v.name));
                }
                2 => {
                    let x = self.expr(el, 2).s;
                    self.line(&format!(
                        "if len({n}) > 0 {{\n\t{ind}{n}[len({n})-1] = {x}\n{ind}}}",
                        n = v.name,
                        ind = self.indent()
                    ));
                }
                _ => {
                    let tmp = self.fresh("c");
                    let tn = self.tyname(&v.ty);
                    self.line(&format!(
                        "{tmp} := make({tn}, len({n})/2+1)\n{ind}fmt.Println(\"copied\", copy({tmp}, {n}), len({tmp}))",
                        n = v.name,
                        ind = self.indent()
                    ));
                    self.declare(&tmp, v.ty.clone());
                }
            },
            Ty::Map(kt, vt) => {
                let key = self.expr(kt, 1).s;
                match self.below(3) {
                    0 => {
                        let x = self.expr(vt, 2).s;
                        self.line(&format!("{}[{key}] = {x}", v.name));
                    }
                    1 => self.line(&format!("delete({}, {key})", v.name)),
                    _ => {
                        let (x, ok) = (self.fresh("mv"), self.fresh("ok"));
                        self.line(&format!(
                            "if {x}, {ok} := {}[{key}]; {ok} {{\n{ind}\tfmt.Println(\"found\", {x}, len({}))\n{ind}}} else {{\n{ind}\tfmt.Println(\"missing\", {x})\n{ind}}}",
                            v.name,
                            v.name,
                            ind = self.indent()
                        ));
                    }
                }
            }
            _ => {}
        }
    }

    fn struct_op(&mut self) {
        let vars = self.all_vars();
        let cands: Vec<_> = vars
            .iter()
            .filter(|v| matches!(v.ty, Ty::S(_) | Ty::P(_)))
            .collect();
        if cands.is_empty() {
            return self.decl();
        }
        let v = cands[self.below(cands.len())].clone();
        let (Ty::S(i) | Ty::P(i)) = v.ty else { return };
        let fields = self.structs[i].clone();
        match self.below(3) {
            0 => {
                let (f, ft) = &fields[self.below(fields.len())];
                let x = self.expr(ft, 2).s;
                self.line(&format!("{}.{f} = {x}", v.name));
            }
            1 => {
                let k = self.expr(&Ty::int(), 1).s;
                self.line(&format!("{}.Bump({k})", v.name));
            }
            _ => {
                self.line(&format!("fmt.Println(\"M\", {}.M())", v.name));
            }
        }
    }

    fn closure(&mut self) {
        let f = self.fresh("fn");
        let c = self.fresh("cnt");
        let k = self.below(7);
        let x = self.expr(&Ty::int(), 1).s;
        let ind = self.indent();
        self.line(&format!(
            "{c} := 0\n{ind}{f} := func(x int) int {{\n{ind}\t{c}++\n{ind}\treturn x*{k} + {c}\n{ind}}}\n{ind}fmt.Println(\"closure\", {f}(1), {f}({x}), {c})"
        ));
        self.declare(&c, Ty::int());
    }

    fn loop_closures(&mut self) {
        let fs = self.fresh("fs");
        let k = 1 + self.below(5);
        let n = 1 + self.below(4);
        let ind = self.indent();
        self.line(&format!(
            "var {fs} []func() int\n{ind}for i := range {n} {{\n{ind}\t{fs} = append({fs}, func() int {{ return i * {k} }})\n{ind}}}\n{ind}for _, f := range {fs} {{\n{ind}\tfmt.Print(f(), \" \")\n{ind}}}\n{ind}fmt.Println()"
        ));
    }

    /// Goroutines: results combined by sum (order-independent) or by index.
    fn goroutines(&mut self) {
        let n = 1 + self.below(5);
        let ind = self.indent();
        self.pure = true;
        self.scopes.push(vec![super::Var {
            name: "i".into(),
            ty: Ty::int(),
            ro: false,
        }]);
        let x = self.expr(&Ty::int(), 2).s;
        self.scopes.pop();
        self.pure = false;
        let (ch, wg, sum) = (self.fresh("ch"), self.fresh("wg"), self.fresh("sum"));
        match self.below(3) {
            0 => self.line(&format!(
                "{ch} := make(chan int, {n})\n{ind}var {wg} sync.WaitGroup\n{ind}for i := range {n} {{\n{ind}\t_ = i\n{ind}\t{wg}.Add(1)\n{ind}\tgo func() {{\n{ind}\t\tdefer {wg}.Done()\n{ind}\t\t{ch} <- {x}\n{ind}\t}}()\n{ind}}}\n{ind}{wg}.Wait()\n{ind}close({ch})\n{ind}{sum} := 0\n{ind}for v := range {ch} {{\n{ind}\t{sum} += v\n{ind}}}\n{ind}fmt.Println(\"goroutines\", {sum})"
            )),
            1 => self.line(&format!(
                "{ch} := make(chan int)\n{ind}go func() {{\n{ind}\tfor i := range {n} {{\n{ind}\t\t_ = i\n{ind}\t\t{ch} <- {x}\n{ind}\t}}\n{ind}\tclose({ch})\n{ind}}}()\n{ind}for v := range {ch} {{\n{ind}\tfmt.Print(v, \";\")\n{ind}}}\n{ind}fmt.Println()"
            )),
            _ => self.line(&format!(
                "var {wg} sync.WaitGroup\n{ind}var mu{sum} sync.Mutex\n{ind}{sum} := make([]int, {n})\n{ind}total{sum} := 0\n{ind}for i := range {n} {{\n{ind}\t{wg}.Add(1)\n{ind}\tgo func() {{\n{ind}\t\tdefer {wg}.Done()\n{ind}\t\t{sum}[i] = {x}\n{ind}\t\tmu{sum}.Lock()\n{ind}\t\ttotal{sum} += i\n{ind}\t\tmu{sum}.Unlock()\n{ind}\t}}()\n{ind}}}\n{ind}{wg}.Wait()\n{ind}fmt.Println(\"by index\", {sum}, total{sum})"
            )),
        }
        let _ = ch;
    }

    fn recover_block(&mut self) {
        self.line("func() {");
        self.line("\tdefer func() {");
        self.line("\t\tif e := recover(); e != nil {");
        self.line("\t\t\tfmt.Println(\"recovered:\", e)");
        self.line("\t\t}");
        self.line("\t}()");
        self.block(3);
        let ind = "\t".repeat(self.ind + 1);
        match self.below(4) {
            0 => {
                let x = self.expr(&Ty::Str, 1).s;
                self.line(&format!("\tpanic({x})"));
            }
            1 => {
                let x = self.expr(&Ty::int(), 1).s;
                self.line(&format!("\tpanic(fmt.Errorf(\"err %d\", {x}))"));
            }
            2 => {
                let x = self.expr(&Ty::int(), 1).s;
                self.line(&format!(
                    "\tvar arr [3]int\n{ind}idx := {x}\n{ind}fmt.Println(arr[idx%5])"
                ));
            }
            _ => self.line("\tvar m map[string]int\n\t\tm[\"x\"] = 1"),
        }
        self.line("}()");
    }

    fn interface_use(&mut self) {
        if self.structs.is_empty() {
            return self.decl();
        }
        let i = self.below(self.structs.len());
        let x = self.expr(&Ty::S(i), 2).s;
        let (iv, a) = (self.fresh("iv"), self.fresh("anyv"));
        let p = self.p.clone();
        let ind = self.indent();
        let other = self.printable_type();
        let y = self.expr(&other, 1).s;
        self.line(&format!(
            "var {iv} {p}I = {x}\n{ind}fmt.Println(\"iface\", {iv}.M())\n{ind}if s, ok := {iv}.({p}S{i}); ok {{\n{ind}\tfmt.Printf(\"%+v\\n\", s)\n{ind}}}\n{ind}var {a} any = {y}\n{ind}switch t := {a}.(type) {{\n{ind}case int:\n{ind}\tfmt.Println(\"int\", t+1)\n{ind}case string:\n{ind}\tfmt.Println(\"string\", len(t))\n{ind}case float64, bool:\n{ind}\tfmt.Printf(\"%T %v\\n\", t, t)\n{ind}case {p}I:\n{ind}\tfmt.Println(\"I\", t.M())\n{ind}default:\n{ind}\tfmt.Printf(\"other %T\\n\", t)\n{ind}}}"
        ));
    }

    fn labeled(&mut self) {
        let l = self.fresh("L");
        let n = 1 + self.below(4);
        let x = self.expr(&Ty::int(), 1).s;
        let ind = self.indent();
        self.line(&format!(
            "{l}:\n{ind}for i := range {n} {{\n{ind}\tfor j := range {n} {{\n{ind}\t\tif j == {x}%{n} {{\n{ind}\t\t\tcontinue {l}\n{ind}\t\t}}\n{ind}\t\tif i+j > {n} {{\n{ind}\t\t\tbreak {l}\n{ind}\t\t}}\n{ind}\t\tfmt.Print(i, j, \" \")\n{ind}\t}}\n{ind}}}\n{ind}fmt.Println()"
        ));
    }

    fn generics(&mut self) {
        let el = match self.below(4) {
            0 => Ty::int(),
            1 => Ty::I(IK::U8),
            2 => Ty::F64,
            _ => Ty::Str,
        };
        let s = self.expr(&Ty::Slice(Box::new(el)), 2).s;
        self.line(&format!("fmt.Println(\"sum\", {}Sum({s}))", self.p));
    }

    /// Sums a map's values: the iteration order does not show.
    fn map_sum(&mut self) {
        let mt = Ty::Map(Box::new(Ty::Str), Box::new(Ty::int()));
        let m = self.expr(&mt, 2).s;
        let (acc, n) = (self.fresh("acc"), self.fresh("n"));
        let ind = self.indent();
        self.line(&format!(
            "{acc}, {n} := 0, 0\n{ind}for k, v := range {m} {{\n{ind}\t{acc} += v + len(k)\n{ind}\t{n}++\n{ind}}}\n{ind}fmt.Println(\"map sum\", {acc}, {n})"
        ));
        self.declare(&acc, Ty::int());
        self.declare(&n, Ty::int());
    }

    fn string_range(&mut self) {
        let x = self.expr(&Ty::Str, 2).s;
        let (sv, bs, rs) = (self.fresh("str"), self.fresh("bs"), self.fresh("rs"));
        let ind = self.indent();
        self.line(&format!(
            "{sv} := {x}\n{ind}for i, r := range {sv} {{\n{ind}\tfmt.Print(i, \":\", r, \" \")\n{ind}}}\n{ind}fmt.Println()\n{ind}{bs}, {rs} := []byte({sv}), []rune({sv})\n{ind}fmt.Println(len({bs}), len({rs}), string({rs}), {bs}, string({bs}[:len({bs})/2]))"
        ));
        self.declare(&sv, Ty::Str);
    }

    /// Arrays are values: a copy is independent, arrays compare with ==.
    fn arrays(&mut self) {
        let el = if self.chance(50) { Ty::int() } else { Ty::Str };
        let items: Vec<String> = (0..3).map(|_| self.expr(&el, 1).s).collect();
        let i = self.expr(&Ty::int(), 1).s;
        let v = self.expr(&el, 1).s;
        let (a, b, pa) = (self.fresh("arr"), self.fresh("arr"), self.fresh("pa"));
        let tn = self.tyname(&el);
        let ind = self.indent();
        self.line(&format!(
            "{a} := [3]{tn}{{{}}}\n{ind}{b} := {a}\n{ind}{b}[max(0, min({i}, 2))] = {v}\n{ind}{pa} := &{b}\n{ind}{pa}[0] = {a}[2]\n{ind}fmt.Println({a}, {b}, {a} == {b}, len({a}))",
            items.join(", ")
        ));
    }

    /// Defers in a loop run last-in first-out when the function returns.
    fn defer_loop(&mut self) {
        let n = 1 + self.below(4);
        let x = self.expr(&Ty::int(), 1).s;
        self.line(&format!(
            "func() {{\n{ind}\tfor i := range {n} {{\n{ind}\t\tdefer fmt.Print(i*{x}, \" \")\n{ind}\t}}\n{ind}\tfmt.Print(\"| \")\n{ind}}}()\n{ind}fmt.Println()",
            ind = self.indent()
        ));
    }

    fn variadic(&mut self) {
        let p = self.p.clone();
        let (a, b) = (self.fresh("va"), self.fresh("vb"));
        let base = self.expr(&Ty::int(), 1).s;
        let args = if let (true, Some(v)) = (
            self.chance(50),
            self.pick_var(&Ty::Slice(Box::new(Ty::int()))),
        ) {
            format!("{v}...")
        } else {
            let n = self.below(4);
            let xs: Vec<String> = (0..n).map(|_| self.expr(&Ty::int(), 1).s).collect();
            xs.join(", ")
        };
        let sep = if args.is_empty() { "" } else { ", " };
        let ind = self.indent();
        self.line(&format!(
            "{a}, {b} := {p}vsum({base}{sep}{args})\n{ind}fmt.Println(\"vsum\", {a}, {b})"
        ));
        self.declare(&a, Ty::int());
        self.declare(&b, Ty::int());
    }

    fn method_values(&mut self) {
        if self.structs.is_empty() {
            return self.decl();
        }
        let i = self.below(self.structs.len());
        let x = self.lit(&Ty::S(i)).s;
        let k = self.expr(&Ty::int(), 1).s;
        let p = self.p.clone();
        let (sv, mv, bump) = (self.fresh("sv"), self.fresh("mv"), self.fresh("bump"));
        let ind = self.indent();
        self.line(&format!(
            "{sv} := {x}\n{ind}{mv} := {sv}.M\n{ind}{bump} := (*{p}S{i}).Bump\n{ind}{bump}(&{sv}, {k})\n{ind}fmt.Println(\"method values\", {mv}(), {sv}.M(), {p}S{i}.M({sv}))"
        ));
        self.declare(&sv, Ty::S(i));
    }

    fn embedded(&mut self) {
        let p = self.p.clone();
        let x = self.lit(&Ty::S(0)).s;
        let n = self.expr(&Ty::int(), 1).s;
        let (ev, iv) = (self.fresh("emb"), self.fresh("iv"));
        let ind = self.indent();
        self.line(&format!(
            "{ev} := {p}E{{{p}S0: {x}, n: {n}}}\n{ind}{ev}.Bump(2)\n{ind}var {iv} {p}I = {ev}\n{ind}fmt.Printf(\"%v %+v %d %d\\n\", {ev}, {ev}, {ev}.M(), {iv}.M())"
        ));
    }

    fn errors_and_atoi(&mut self) {
        let x = self.expr(&Ty::Str, 1).s;
        let n = self.expr(&Ty::int(), 1).s;
        let (v, err, w) = (self.fresh("num"), self.fresh("err"), self.fresh("werr"));
        let ind = self.indent();
        let src = if self.chance(50) {
            format!("strconv.Itoa({n})")
        } else {
            x
        };
        self.line(&format!(
            "{v}, {err} := strconv.Atoi({src})\n{ind}{w} := fmt.Errorf(\"wrap %d: %w\", {v}, errors.New(\"base\"))\n{ind}fmt.Println({v}, {err}, {w}, errors.Unwrap({w}), {err} == nil)"
        ));
        self.declare(&v, Ty::int());
    }

    fn clear_and_select(&mut self) {
        let mt = Ty::Map(Box::new(Ty::Str), Box::new(Ty::int()));
        let m = self.lit(&mt).s;
        let s = self.lit(&Ty::Slice(Box::new(Ty::int()))).s;
        let x = self.expr(&Ty::int(), 1).s;
        let (mv, sv, ch) = (self.fresh("cm"), self.fresh("cs"), self.fresh("sch"));
        let ind = self.indent();
        let send = if self.chance(50) {
            format!("{ch} <- {x}\n{ind}")
        } else {
            String::new()
        };
        self.line(&format!(
            "{mv}, {sv} := {m}, {s}\n{ind}clear({mv})\n{ind}clear({sv})\n{ind}fmt.Println(len({mv}), {sv})\n{ind}{ch} := make(chan int, 1)\n{ind}{send}select {{\n{ind}case v := <-{ch}:\n{ind}\tfmt.Println(\"received\", v)\n{ind}default:\n{ind}\tfmt.Println(\"nothing ready\")\n{ind}}}"
        ));
    }

    fn if_switch_init(&mut self) {
        let x = self.expr(&Ty::int(), 2).s;
        let v = self.fresh("w");
        let c = self.below(5) as i64 - 2;
        if self.chance(50) {
            self.line(&format!("if {v} := {x}; {v} > {c} {{"));
            self.scopes.push(vec![super::Var {
                name: v.clone(),
                ty: Ty::int(),
                ro: false,
            }]);
            self.block(2);
            self.line("} else {");
            self.line(&format!("\tfmt.Println(\"else\", {v})"));
            self.scopes.pop();
            self.line("}");
        } else {
            self.line(&format!("switch {v} := {x}; {{"));
            self.line(&format!("case {v} > {c}:"));
            self.line(&format!("\tfmt.Println(\"above\", {v})"));
            self.line(&format!("case {v} == {c}:"));
            self.block(1);
            self.line("default:");
            self.line(&format!("\tfmt.Println(\"below\", {v})"));
            self.line("}");
        }
    }

    fn classic_loop(&mut self) {
        let v = self.fresh("k");
        let n = 1 + self.below(5);
        let step = 1 + self.below(2);
        self.line(&format!("for {v} := 0; {v} < {n}; {v} += {step} {{"));
        self.scopes.push(vec![super::Var {
            name: v.clone(),
            ty: Ty::int(),
            ro: true,
        }]);
        self.line(&format!(
            "\tif {v}%2 == 1 {{\n{}\t\tcontinue\n{}\t}}",
            self.indent(),
            self.indent()
        ));
        self.block(2);
        self.scopes.pop();
        self.line("}");
    }

    fn closure_factory(&mut self) {
        let mk = self.fresh("mk");
        let x = self.expr(&Ty::int(), 1).s;
        let a = self.expr(&Ty::int(), 1).s;
        let k = self.below(5);
        let ind = self.indent();
        self.line(&format!(
            "{mk} := func(k int) func(int) int {{\n{ind}\treturn func(x int) int {{ return x*k + {x} }}\n{ind}}}\n{ind}fmt.Println(\"factory\", {mk}({k})(4), {mk}({a})(2))"
        ));
    }

    fn slices_and_maps(&mut self) {
        let mt = Ty::Map(Box::new(Ty::Str), Box::new(Ty::int()));
        let m = self.expr(&mt, 2).s;
        let s = self.expr(&Ty::Slice(Box::new(Ty::int())), 2).s;
        let (ks, xs) = (self.fresh("ks"), self.fresh("xs"));
        let ind = self.indent();
        self.line(&format!(
            "{ks} := slices.Sorted(maps.Keys({m}))\n{ind}{xs} := slices.Clone({s})\n{ind}slices.Sort({xs})\n{ind}sort.Sort(sort.Reverse(sort.IntSlice({xs})))\n{ind}fmt.Println({ks}, slices.Index({ks}, \"k1\"), slices.Contains({xs}, 7), {xs}, len(slices.Compact({xs})))"
        ));
    }

    /// A range-over-func iterator, stopped early by `break` (yield returns false).
    fn iterator(&mut self) {
        let seq = self.fresh("seq");
        let n = 1 + self.below(5);
        let k = self.below(7);
        let stop = self.below(6);
        let ind = self.indent();
        self.line(&format!(
            "{seq} := func(yield func(int, string) bool) {{\n{ind}\tfor i := range {n} {{\n{ind}\t\tif !yield(i, strconv.Itoa(i*{k})) {{\n{ind}\t\t\tfmt.Println(\"stopped at\", i)\n{ind}\t\t\treturn\n{ind}\t\t}}\n{ind}\t}}\n{ind}}}\n{ind}for i, s := range {seq} {{\n{ind}\tif i == {stop} {{\n{ind}\t\tbreak\n{ind}\t}}\n{ind}\tfmt.Print(i, s, \" \")\n{ind}}}\n{ind}fmt.Println()"
        ));
    }

    /// A parallel assignment: both sides are read before either is written.
    fn swap(&mut self) {
        let t = if self.chance(50) { Ty::int() } else { Ty::Str };
        let vars: Vec<String> = self
            .all_vars()
            .into_iter()
            .filter(|v| v.ty == t && !v.ro)
            .map(|v| v.name)
            .collect();
        if vars.len() < 2 {
            return self.decl();
        }
        let (a, b) = (&vars[self.below(vars.len())], &vars[self.below(vars.len())]);
        if a == b {
            return self.decl();
        }
        let ind = self.indent();
        self.line(&format!(
            "{a}, {b} = {b}, {a}\n{ind}fmt.Println(\"swapped\", {a}, {b})"
        ));
    }

    fn string_switch(&mut self) {
        let x = self.expr(&Ty::Str, 2).s;
        self.line(&format!("switch {x} {{"));
        let cases = ["\"\"", "\"a\"", "\"go\"", "\"Z\""];
        let n = 1 + self.below(3);
        for c in &cases[..n] {
            self.line(&format!("case {c}:"));
            self.block(1);
        }
        self.line("default:");
        self.line(&format!("\tfmt.Println(\"no case for\", len({x}))"));
        self.line("}");
    }

    fn builder(&mut self) {
        let b = self.fresh("sb");
        let n = 1 + self.below(4);
        let x = self.expr(&Ty::Str, 1).s;
        let r = self.expr(&Ty::I(IK::I32), 1).s;
        let ind = self.indent();
        self.line(&format!(
            "var {b} strings.Builder\n{ind}for i := range {n} {{\n{ind}\tfmt.Fprintf(&{b}, \"%d:%s;\", i, {x})\n{ind}\t{b}.WriteRune(rune({r}))\n{ind}\t{b}.WriteByte('|')\n{ind}}}\n{ind}fmt.Println({b}.Len(), {b}.String())"
        ));
    }

    /// Elements of a slice of structs changed through an index and through a pointer
    /// method; a range copy changes nothing.
    fn struct_slice(&mut self) {
        if self.structs.is_empty() {
            return self.decl();
        }
        let i = self.below(self.structs.len());
        let items: Vec<String> = (0..1 + self.below(3))
            .map(|_| self.lit(&Ty::S(i)).s)
            .collect();
        let k = self.expr(&Ty::int(), 1).s;
        let ss = self.fresh("ss");
        let p = self.p.clone();
        let ind = self.indent();
        self.line(&format!(
            "{ss} := []{p}S{i}{{{}}}\n{ind}for j := range {ss} {{\n{ind}\t{ss}[j].Bump({k} + j)\n{ind}}}\n{ind}for _, e := range {ss} {{\n{ind}\te.Bump(100)\n{ind}}}\n{ind}fmt.Printf(\"%v %+v\\n\", {ss}, {ss}[len({ss})-1])",
            items.join(", ")
        ));
        self.declare(&ss, Ty::Slice(Box::new(Ty::S(i))));
    }
}
