package main

import (
	"fmt"
	"math"
)

type Point struct {
	Tag byte
	Pos complex64 // at offset 4: complex64 is aligned to 4
	Vel complex128
}

type Key struct {
	Z    complex128
	Name string
}

// Complex values in maps (as keys and values), structs, arrays and slices.
func main() {
	m := map[complex128]int{}
	m[1i]++
	m[1i]++
	m[1]++
	m[0] = 10
	m[complex(math.Copysign(0, -1), 0)] += 5 // equal to 0: updates it, and the key becomes -0
	m[complex(math.NaN(), 0)] = 7            // NaN != NaN: a key that can never be found
	_, found := m[complex(math.NaN(), 0)]
	fmt.Println(len(m), m[1i], m[0], found)
	delete(m, complex(math.NaN(), 0)) // deletes nothing
	fmt.Println(len(m), m)

	k := map[Key]string{{1 + 1i, "a"}: "first"}
	k[Key{1 + 1i, "a"}] += "!"
	k[Key{1 - 1i, "a"}] = "second"
	fmt.Println(k)

	c64 := map[complex64][]complex64{}
	c64[2i] = append(c64[2i], 1, 2)
	c64[2i] = append(c64[2i], 3i)
	fmt.Println(c64)

	p := Point{1, 2 + 3i, -4i}
	q := p
	q.Pos *= 2
	fmt.Println(p, q, p == q, p == Point{1, 2 + 3i, -4i})
	fmt.Printf("%+v\n", []Point{p, q})

	arr := [3]complex64{1, 2, 3}
	brr := arr
	brr[0] = complex(float32(math.NaN()), 0)
	fmt.Println(arr == [3]complex64{1, 2, 3}, brr == brr, arr != brr)

	s := make([]complex128, 2, 4)
	s = append(s, 5i, 6)
	copy(s, s[2:])
	fmt.Println(s, len(s), cap(s))
	ps := &s[3]
	*ps += 1i
	fmt.Println(s[3])

	grid := [2][2]complex128{{1, 1i}, {-1, -1i}}
	var sum complex128
	for _, row := range grid {
		for _, v := range row {
			sum += v * v
		}
	}
	fmt.Println(sum, grid)
}
