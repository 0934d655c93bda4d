// math/rand's Rand over NewSource(seed): every method with Go's exact values (Int63n and
// Int31n with their rejection loops, Intn's two paths, Float32/Float64, Perm, Shuffle,
// NormFloat64, ExpFloat64, Read keeping a partial word between calls and Seed resetting
// it), Zipf, and a user Source that is not a Source64.
package main

import (
	"fmt"
	"math/rand"
)

// lcg is a user Source without Uint64, so Rand.Uint64 combines two Int63 calls.
type lcg struct{ x int64 }

func (l *lcg) Int63() int64 {
	l.x = l.x*6364136223846793005 + 1442695040888963407
	return int64(uint64(l.x) >> 1)
}

func (l *lcg) Seed(s int64) { l.x = s }

func main() {
	r := rand.New(rand.NewSource(1))
	fmt.Println("Int63:", r.Int63(), r.Int63())
	fmt.Println("Int31:", r.Int31(), r.Int31())
	fmt.Println("Int:", r.Int(), r.Int())
	fmt.Println("Uint32:", r.Uint32(), r.Uint32())
	fmt.Println("Uint64:", r.Uint64(), r.Uint64())
	fmt.Println("Int63n:", r.Int63n(10), r.Int63n(1<<40), r.Int63n(1<<62+1), r.Int63n(1<<63-1), r.Int63n(1))
	fmt.Println("Int31n:", r.Int31n(10), r.Int31n(1<<20), r.Int31n(1<<30+1), r.Int31n(1<<31-1))
	fmt.Println("Intn:", r.Intn(6), r.Intn(1000), r.Intn(1<<31-1), r.Intn(1<<31), r.Intn(1<<50))
	fmt.Println("Float64:", r.Float64(), r.Float64())
	fmt.Println("Float32:", r.Float32(), r.Float32())
	for i := 0; i < 4; i++ {
		fmt.Printf("Norm %.17g Exp %.17g\n", r.NormFloat64(), r.ExpFloat64())
	}
	var ns, es float64
	for i := 0; i < 20000; i++ {
		ns += r.NormFloat64()
		es += r.ExpFloat64()
	}
	fmt.Printf("sums %.17g %.17g\n", ns, es)
	fmt.Println("Perm:", r.Perm(0), r.Perm(1), r.Perm(12))
	s := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println("Shuffle:", s)

	// Read: seven bytes per Int63, the rest kept for the next call.
	r = rand.New(rand.NewSource(7))
	for _, n := range []int{0, 3, 5, 7, 1, 16} {
		b := make([]byte, n)
		k, err := r.Read(b)
		fmt.Printf("Read(%d) = %d %v %x\n", n, k, err, b)
	}
	r.Seed(7)
	b := make([]byte, 10)
	r.Read(b)
	fmt.Printf("after Seed: %x\n", b)

	// A histogram of Intn(5).
	var h [5]int
	for i := 0; i < 5000; i++ {
		h[r.Intn(5)]++
	}
	fmt.Println("histogram:", h)

	// A user Source.
	u := rand.New(&lcg{1})
	fmt.Println("lcg:", u.Int63(), u.Uint64(), u.Uint32(), u.Intn(100), u.Float64(), u.Perm(5))
	u.Seed(1)
	fmt.Println("lcg reseeded:", u.Int63())
	ub := make([]byte, 9)
	u.Read(ub)
	fmt.Printf("lcg Read: %x\n", ub)

	// Zipf.
	z := rand.NewZipf(rand.New(rand.NewSource(3)), 1.2, 1, 500)
	for i := 0; i < 12; i++ {
		fmt.Print(z.Uint64(), " ")
	}
	fmt.Println()
	z = rand.NewZipf(rand.New(rand.NewSource(3)), 2.5, 3, 40)
	var zs uint64
	for i := 0; i < 1000; i++ {
		zs += z.Uint64()
	}
	fmt.Println("zipf sum:", zs)
	fmt.Println("bad zipf:", rand.NewZipf(r, 0.9, 1, 5) == nil, rand.NewZipf(r, 2, 0.99, 5) == nil)
}
