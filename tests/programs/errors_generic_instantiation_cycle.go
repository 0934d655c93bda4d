// A generic function instantiating itself with a growing type argument.
package main

func F[T any](n int, x T) int {
	if n == 0 {
		return 0
	}
	return F(n-1, []T{x}) + 1
}

func main() {
	println(F(3, 1))
}
