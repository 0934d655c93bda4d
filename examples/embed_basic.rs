// Embedding gosub: evaluate Go, keep a session, exchange values with Rust.
//
// `cargo run --example embed_basic`

use gosub::{Error, Value, Vm};

/// The example's transcript (also checked by tests/embedding.rs).
pub fn transcript() -> Result<String, Error> {
    let mut out = String::new();
    let mut vm = Vm::builder().capture_stdout().build();

    // Statements and declarations persist across evals; a trailing expression is returned.
    vm.eval("x := 21")?;
    let v = vm.eval("x * 2")?;
    out.push_str(&format!("x * 2 = {:?}\n", v));

    vm.eval(
        r#"
type Point struct{ X, Y int }

func (p Point) Norm1() int { return abs(p.X) + abs(p.Y) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

var origin = Point{3, -4}
"#,
    )?;
    let n: i64 = vm.eval_as("origin.Norm1()")?;
    out.push_str(&format!("origin.Norm1() = {}\n", n));

    // Output of scripts goes to the sink (captured here); imports are added on demand.
    vm.eval(r#"fmt.Println(strings.Repeat("go", 3))"#)?;
    out.push_str(&format!("stdout: {}", vm.take_stdout()));

    // Calling Go from Rust, reading and writing variables.
    vm.eval("var counter int\nfunc Bump(by int) int { counter += by; return counter }")?;
    vm.call("Bump", &[Value::Int(5)])?;
    let c = vm.call("Bump", &[Value::Int(10)])?;
    out.push_str(&format!("Bump -> {:?}\n", c));
    vm.set("counter", 100i64)?;
    out.push_str(&format!("counter = {}\n", vm.get::<i64>("counter")?));

    // Compound values.
    let words: Vec<String> = vm.eval_as(r#"strings.Fields("a b c")"#)?;
    out.push_str(&format!("words = {:?}\n", words));

    // Errors are values the host matches on; the session survives them.
    match vm.eval("undefinedName + 1") {
        Err(Error::Compile(d)) => out.push_str(&format!("compile error: {}\n", d[0])),
        other => out.push_str(&format!("unexpected: {:?}\n", other)),
    }
    match vm.eval("var xs []int\nxs[3]") {
        Err(Error::Panic { value, .. }) => out.push_str(&format!("panic: {}\n", value)),
        other => out.push_str(&format!("unexpected: {:?}\n", other)),
    }
    out.push_str(&format!("x is still {}\n", vm.get::<i64>("x")?));
    Ok(out)
}

#[allow(dead_code)]
fn main() {
    match transcript() {
        Ok(t) => print!("{}", t),
        Err(e) => {
            eprintln!("error: {}", e);
            std::process::exit(1);
        }
    }
}
