// Operators a type parameter's type set does not support.
package main

import "fmt"

func Less[T any](a, b T) bool { return a < b }

func Add[T any](a, b T) T { return a + b }

func main() {
	fmt.Println(Less(1, 2), Add(1, 2))
}
