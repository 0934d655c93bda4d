// Constraints with type sets: unions, ~T terms, named and embedded constraints, and
// interface elements that combine methods with a type set.
package main

import (
	"fmt"
	"strconv"
)

type Signed interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

type Unsigned interface {
	~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

type Integer interface {
	Signed | Unsigned
}

type Float interface{ ~float32 | ~float64 }

type Ordered interface {
	Integer | Float | ~string
}

type Celsius int16

func (c Celsius) String() string { return strconv.Itoa(int(c)) + "°C" }

// IntStringer: integers that also have a String method.
type IntStringer interface {
	Integer
	String() string
}

func Clamp[T Ordered](x, lo, hi T) T {
	return max(lo, min(x, hi))
}

func Abs[T Signed | Float](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

func Describe[T IntStringer](xs []T) string {
	var sum T
	out := ""
	for _, x := range xs {
		sum += x
		out += x.String() + " "
	}
	return out + "sum=" + sum.String()
}

func Bits[T Unsigned](x T) int {
	n := 0
	for x != 0 {
		n += int(x & 1)
		x >>= 1
	}
	return n
}

func main() {
	fmt.Println(Clamp(15, 0, 10), Clamp(-2.5, -1, 1), Clamp("m", "a", "k"))
	fmt.Println(Abs(-3), Abs(int8(-128)), Abs(-2.5), Abs(float32(1.25)))
	fmt.Println(Describe([]Celsius{20, -5, 7}))
	fmt.Println(Bits(uint8(255)), Bits(uint64(1<<40|1)), Bits[uint](0))
}
