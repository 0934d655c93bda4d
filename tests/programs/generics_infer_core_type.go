// Inference inside generic code: an argument whose type is the caller's own type
// parameter S (constraint ~[]E) unifies with a []T parameter through S's core type, as
// Go's unifier does (enableCoreTypeUnification).
package main

import "fmt"

type Names []string

func first[T any](s []T) T { return s[0] }

func lastTwo[T any](s []T) []T { return s[len(s)-2:] }

func keys[K comparable, V any](m map[K]V, k K) (V, bool) {
	v, ok := m[k]
	return v, ok
}

func head[S ~[]E, E any](s S) (E, []E) {
	return first(s), lastTwo(s[1:])
}

func lookup[K comparable, V any, M ~map[K]V](m M, k K) V {
	v, _ := keys(m, k)
	return v
}

type Ages map[string]int

func main() {
	fmt.Println(head(Names{"ann", "bob", "cy", "dee"}))
	fmt.Println(head([]int{7, 8, 9}))
	fmt.Println(lookup(Ages{"ann": 31}, "ann"), lookup(map[int]bool{1: true}, 1))
}
