// A type parameter cannot be a term of a union or an embedded element of a constraint
// (gc's "term cannot be a type parameter"); gosub's checker recursed on `[T T | float64]`
// until its stack overflowed (found by the mutation fuzzer, tests/fuzz.rs).
package main

func F[T T | float64](x T) T { return x }

func G[T interface{ T }](x T) T { return x }

func H[T ~T | int](x T) T { return x }

type C[T any] interface{ T | int }

func main() {}
