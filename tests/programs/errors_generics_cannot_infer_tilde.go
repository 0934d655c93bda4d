// An untyped nil argument gives inference nothing, and a constraint with ~ (M2 ~map[K]V)
// does not decide a type parameter on its own: gc cannot infer M2.
package main

import "fmt"

func equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool {
	return len(m1) == len(m2)
}

func main() {
	fmt.Println(equal(map[int]bool{}, nil))
}
