mod util;

#[test]
fn hello() {
    util::ok("package main\n\nfunc main() {\n\tx := 1\n\tprintln(x + 2)\n}\n");
}
