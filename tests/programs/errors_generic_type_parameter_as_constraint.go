// A type parameter used as a constraint (`[T T]`) is gc's error, not a recursion (found by
// the fuzzer: the checker overflowed the host's stack); converting a constant to a type
// parameter without specific types is the error after it.
package main

import "fmt"

func Unit[T T]() T { return T(1i) }

func main() {
	fmt.Println(Unit[complex64]())
}
