//! Package math's natives: the elementary functions, computed with Rust's f64 methods (the
//! platform's libm, which may differ from Go's own implementations in the last bit), and the
//! float <-> bits conversions.

use crate::natives::native;
use gosub_vm::NativeRegistry;

macro_rules! math1 {
    ($r:ident, $($name:expr => $f:expr),* $(,)?) => {
        $(native!($r, $name, |a| {
            let x = a.f64()?;
            let f: fn(f64) -> f64 = $f;
            a.ret_f64(f(x))?;
        });)*
    };
}

pub fn register(r: &mut NativeRegistry) {
    math1!(r,
        "math.Sqrt" => f64::sqrt, "math.Abs" => f64::abs, "math.Floor" => f64::floor, "math.Ceil" => f64::ceil,
        "math.Trunc" => f64::trunc, "math.Round" => f64::round, "math.RoundToEven" => |x: f64| x.round_ties_even(),
        "math.Log" => f64::ln, "math.Log2" => f64::log2, "math.Log10" => f64::log10, "math.Log1p" => f64::ln_1p,
        "math.Exp" => f64::exp, "math.Exp2" => f64::exp2, "math.Sin" => f64::sin, "math.Cos" => f64::cos,
        "math.Tan" => f64::tan, "math.Asin" => f64::asin, "math.Acos" => f64::acos, "math.Atan" => f64::atan,
        "math.Sinh" => f64::sinh, "math.Cosh" => f64::cosh, "math.Tanh" => f64::tanh, "math.Cbrt" => f64::cbrt,
    );
    native!(r, "math.Pow", |a| {
        let x = a.f64()?;
        let y = a.f64()?;
        a.ret_f64(x.powf(y))?;
    });
    native!(r, "math.Mod", |a| {
        let x = a.f64()?;
        let y = a.f64()?;
        a.ret_f64(x % y)?;
    });
    native!(r, "math.Atan2", |a| {
        let y = a.f64()?;
        let x = a.f64()?;
        a.ret_f64(y.atan2(x))?;
    });
    native!(r, "math.Hypot", |a| {
        let x = a.f64()?;
        let y = a.f64()?;
        a.ret_f64(x.hypot(y))?;
    });
    native!(r, "math.Float64bits", |a| {
        let x = a.f64()?;
        a.ret_int(x.to_bits() as i64)?;
    });
    native!(r, "math.Float64frombits", |a| {
        let x = a.int()?;
        a.ret_f64(f64::from_bits(x as u64))?;
    });
    native!(r, "math.Float32bits", |a| {
        let x = a.f32()?;
        a.ret_int(x.to_bits() as i64)?;
    });
    native!(r, "math.Float32frombits", |a| {
        let x = a.int()?;
        let at = a.addr(8);
        a.vm.heap.write_u64(at, x as u32 as u64)?;
    });
}
