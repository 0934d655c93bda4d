package main

import (
	"errors"
	"fmt"
)

type Phasor complex128

func (p Phasor) String() string { return fmt.Sprintf("∠%.2f", imag(complex128(p))) }

type Scaler interface{ Scale(float64) Vec }

type Vec complex64

func (v Vec) Scale(f float64) Vec { return v * Vec(complex(float32(f), 0)) }

type ZErr complex128

func (z ZErr) Error() string { return fmt.Sprint("bad value ", complex128(z)) }

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case complex64:
		return fmt.Sprint("complex64 ", x)
	case complex128:
		return fmt.Sprint("complex128 ", x)
	case Phasor:
		return fmt.Sprint("Phasor ", complex128(x))
	case fmt.Stringer:
		return "Stringer " + x.String()
	}
	return fmt.Sprintf("other %T", v)
}

// Complex values in interfaces: boxing, type switches and assertions, ==, methods on
// named complex types, Stringer and error implementations.
func main() {
	vals := []any{1i, complex64(2), Phasor(3 + 4i), Vec(1 + 1i), nil, 2.0}
	for _, v := range vals {
		fmt.Println(kind(v))
	}
	var a, b any = 1 + 2i, 1 + 2i
	var c any = complex64(1 + 2i)
	fmt.Println(a == b, a == c, a != nil, c == any(complex64(1+2i)))

	var s Scaler = Vec(1 - 2i)
	fmt.Println(s.Scale(2), s.Scale(0.5).Scale(4))
	f := s.Scale
	fmt.Println(f(3))

	fmt.Println(Phasor(1+0.5i), []Phasor{1i, 2i})
	fmt.Printf("%v %s %d\n", Phasor(1i), Phasor(2i), Phasor(3i))

	var err error = ZErr(1 - 1i)
	fmt.Println(err)
	var ze ZErr
	fmt.Println(errors.As(fmt.Errorf("wrapped: %w", err), &ze), complex128(ze))

	z, ok := a.(complex64)
	fmt.Println(z, ok)
	w := a.(complex128)
	fmt.Println(w * w)

	m := map[any]int{1i: 1, complex64(1i): 2, Phasor(1i): 3}
	m[1i] += 10
	fmt.Println(len(m), m[1i], m[complex64(1i)], m[Phasor(1i)])
}
