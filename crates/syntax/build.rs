//! Build script: generates the LR(1) parser from the workspace's `grammar/go.lalrpop` into
//! OUT_DIR (as `go.rs`). Invariant: rerun only when the grammar changes.

fn main() {
    println!("cargo:rerun-if-changed=../../grammar/go.lalrpop");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    if let Err(e) = lalrpop::Configuration::new()
        .set_in_dir("../../grammar")
        .set_out_dir(out)
        .emit_rerun_directives(false)
        .process()
    {
        eprintln!("lalrpop failed: {e}");
        std::process::exit(1);
    }
}
