mod util;

#[test]
fn big_program_checks_and_records_everything() {
    let src = include_str!("progs/v1.go");
    let p = util::check_with_stubs("prog.go", src).unwrap_or_else(|e| panic!("{}", e));
    let gaps = util::missing_types(&p);
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}
