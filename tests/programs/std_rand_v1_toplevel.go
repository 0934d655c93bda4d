// math/rand's panics in Go's words (the last one uncaught), and the top-level functions:
// randomly seeded since Go 1.20, so only their ranges are checked, and Seed a no-op since
// Go 1.24 (unless GODEBUG=randseednop=0): seeding twice with 42 does not repeat values,
// nor give NewSource(42)'s.
package main

import (
	"fmt"
	"math/rand"
)

func try(name string, f func()) {
	defer func() {
		e := recover()
		fmt.Printf("%s: %v (%T)\n", name, e, e)
	}()
	f()
}

func main() {
	r := rand.New(rand.NewSource(1))
	try("Int63n(0)", func() { r.Int63n(0) })
	try("Int31n(-1)", func() { r.Int31n(-1) })
	try("Intn(0)", func() { r.Intn(0) })
	try("Intn(-1<<40)", func() { r.Intn(-1 << 40) })
	try("Shuffle(-1)", func() { r.Shuffle(-1, func(i, j int) {}) })
	try("top Int63n(-3)", func() { rand.Int63n(-3) })
	try("top Int31n(0)", func() { rand.Int31n(0) })
	try("top Intn(0)", func() { rand.Intn(0) })
	try("top Shuffle(-5)", func() { rand.Shuffle(-5, func(i, j int) {}) })
	try("nil source", func() { rand.New(nil).Int63() })

	ok := true
	check := func(b bool) {
		if !b {
			ok = false
		}
	}
	for i := 0; i < 2000; i++ {
		check(rand.Int63() >= 0)
		check(rand.Int31() >= 0)
		check(rand.Int() >= 0)
		check(rand.Int63n(1000) < 1000)
		check(rand.Int31n(7) < 7)
		check(rand.Intn(3) < 3)
		f := rand.Float64()
		check(f >= 0 && f < 1)
		g := rand.Float32()
		check(g >= 0 && g < 1)
		check(rand.ExpFloat64() > 0)
		_ = rand.NormFloat64()
		_ = rand.Uint32()
		_ = rand.Uint64()
	}
	fmt.Println("ranges ok:", ok)
	p := rand.Perm(30)
	seen := map[int]bool{}
	for _, v := range p {
		seen[v] = true
	}
	fmt.Println("Perm is a permutation:", len(seen) == 30)
	s := []int{1, 2, 3, 4, 5}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println("Shuffle keeps elements:", s[0]+s[1]+s[2]+s[3]+s[4])
	b := make([]byte, 100)
	n, err := rand.Read(b)
	fmt.Println("Read:", n, err)

	// Seed is a no-op.
	rand.Seed(42)
	x := []int64{rand.Int63(), rand.Int63(), rand.Int63()}
	rand.Seed(42)
	y := []int64{rand.Int63(), rand.Int63(), rand.Int63()}
	want := rand.NewSource(42).Int63()
	fmt.Println("Seed ignored:", x[0] != y[0] || x[1] != y[1] || x[2] != y[2], x[0] != want || y[0] != want)

	rand.Intn(0)
}
