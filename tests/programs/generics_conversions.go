// Conversions involving type parameters: between two type parameters whose type sets
// convert element-wise, to and from ordinary types, and of untyped constants.
package main

import "fmt"

type Number interface {
	~int8 | ~int32 | ~int64 | ~uint8 | ~float32 | ~float64
}

func Convert[To, From Number](xs []From) []To {
	out := make([]To, len(xs))
	for i, x := range xs {
		out[i] = To(x)
	}
	return out
}

func Half[T Number](x T) T { return x / 2 }

func Bytes[S ~string | ~[]byte](s S) []byte { return []byte(s) }

func Str[T ~string](t T) string { return string(t) }

type Name string

func main() {
	fmt.Println(Convert[int8]([]float64{1.9, -2.9, 127.5}))
	fmt.Println(Convert[uint8]([]int64{255, 256, -1}))
	fmt.Println(Convert[float32]([]int32{1 << 24, 1<<24 + 1}))
	fmt.Println(Half(7), Half(7.0), Half(int8(-7)), Half(uint8(255)))
	fmt.Println(Bytes("hi"), Bytes([]byte{1}), Str(Name("n")))
}
