//! `#[derive(GoStruct)]` (crates/derive): the same conversions as a hand-written
//! `go_struct!` call, with Go names derived from the Rust ones (`first_name` →
//! `FirstName`) or given by `#[go(name = "...")]`.

use gosub::{FromValue, GoStruct, Value, Vm};

#[derive(Debug, Clone, PartialEq, GoStruct)]
struct Person {
    first_name: String,
    age: i64,
    #[go(name = "Office")]
    work: Option<Address>,
    home: Address,
    tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, GoStruct)]
struct Address {
    city: String,
    r#type: i32,
}

#[derive(Debug, Clone, PartialEq, GoStruct)]
struct Empty {}

fn sample() -> Person {
    Person {
        first_name: "Ada".into(),
        age: 36,
        work: None,
        home: Address {
            city: "London".into(),
            r#type: 2,
        },
        tags: vec!["math".into()],
    }
}

#[test]
fn derived_names_and_fields_round_trip_through_go() {
    // The trait, as go_struct! implements it: Go names in field order.
    let fields = GoStruct::to_fields(sample());
    let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["FirstName", "Age", "Office", "Home", "Tags"]);
    let mut vm = Vm::new();
    vm.eval(
        "type Address struct { City string; Type int32 }\n\
         type Person struct { FirstName string; Age int64; Office *Address; Home Address; Tags []string }",
    )
    .unwrap();
    vm.eval("func Older(p Person) Person { p.Age++; p.Home.City += \"!\"; return p }")
        .unwrap();
    let got = Person::from_value(vm.call("Older", &[sample().into()]).unwrap()).unwrap();
    let mut want = sample();
    want.age = 37;
    want.home.city = "London!".into();
    assert_eq!(got, want);
    // A Go struct without a field the Rust one needs: the error names both.
    vm.eval("type Thin struct { FirstName string }\nfunc Get() Thin { return Thin{\"x\"} }")
        .unwrap();
    let err = Person::from_value(vm.call("Get", &[]).unwrap()).unwrap_err();
    assert!(
        err.to_string()
            .contains("Go type main.Thin has no field Age (Rust i64 needs it)"),
        "{err}"
    );
    assert_eq!(Empty::from_value(Value::from(Empty {})).unwrap(), Empty {});
}

#[test]
fn a_derived_struct_is_a_host_function_parameter_and_result() {
    let mut vm = Vm::builder().capture_stdout().build();
    vm.register_fn("people", "Rename", |mut p: Person, name: String| {
        p.first_name = name;
        // (Rust to Go: `Some` is a pointer. A non-nil Go pointer nested in a struct
        // reaches Rust as an opaque value, so Go passes nil here.)
        assert!(p.work.is_none());
        p.work = Some(Address {
            city: "Kew".into(),
            r#type: 11,
        });
        p
    });
    vm.eval("p := people.Rename(people.Person{FirstName: \"x\", Home: people.Address{City: \"Oslo\"}}, \"Grace\")\nfmt.Printf(\"%T %s %s %v\\n\", p, p.FirstName, p.Home.City, *p.Office)")
        .unwrap();
    assert_eq!(vm.take_stdout(), "people.Person Grace Oslo {Kew 11}\n");
}
