// A run-time panic inside an instance of a generic function and of a generic method:
// gc's traceback names them F[...] and (*T[...]).M.
package main

import "fmt"

type Ring[T any] struct{ buf []T }

func (r *Ring[T]) At(i int) T { return r.buf[i%len(r.buf)] }

func Last[T any](xs []T) T { return xs[len(xs)-1] }

func main() {
	r := &Ring[string]{buf: []string{"a", "b"}}
	fmt.Println(r.At(3), Last([]int{1, 2}))
	var empty Ring[int]
	fmt.Println(Last([]float64{}), empty.At(1))
}
