// The fused pairs `MulInt` + immediate operation and `float64(n)` + division, with
// wrap-around, negative dividends, division by zero giving infinities and NaN, a jump
// into the second half; and narrow loads and stores (int8 to uint32 fields, sign
// extension) of young, old and stack objects inside hot loops.
package main

import (
	"fmt"
	"runtime"
)

type rec struct {
	a int8
	b uint8
	c int16
	d uint16
	e int32
	f uint32
	g int64
}

type big struct {
	w [5]int
	s string
}

func tri(s int) int { return s * (s + 1) / 2 }

func main() {
	// s*(s+1)/2 rounds toward zero for negative products; the product wraps.
	for _, s := range []int{0, 1, 5, -1, -2, -3, 1 << 32, 3037000500} {
		fmt.Print(tri(s), " ")
	}
	fmt.Println()
	x, y := -7, 3
	for i := 0; i < 3; i++ {
		fmt.Print(x*y%4, " ", x*y/8, " ", x*y>>1, " ", x*y&6, " ", uint(x*y)%8, "; ")
		x++
	}
	fmt.Println()

	// 1.0 / float64(n): +Inf, -Inf, and the quotient of an exact int conversion.
	acc := 0.0
	for n := -3; n <= 3; n++ {
		q := 1.0 / float64(n)
		fmt.Print(q, " ")
		if n != 0 {
			acc += q
		}
	}
	fmt.Println(acc)
	z := 0.0
	for _, n := range []int{0, 1 << 53, (1 << 53) + 1, -1 << 63} {
		fmt.Print(z/float64(n), " ", float64(n)/3, " ")
	}
	fmt.Println()

	// A jump into the second half: the loop's back edge lands on the division alone.
	k, v, one := 2, 0.0, 1.0
	d := 10.0
	for i := 0; i < 4; i++ {
		if i%2 == 0 {
			d = float64(k)
		}
		v += one / d
		k++
	}
	fmt.Println(v, d)

	// Narrow fields: stored and loaded with their width, signed ones sign-extended.
	rs := make([]*rec, 0, 64)
	for i := 0; i < 64; i++ {
		r := &rec{}
		r.a = int8(i*5 - 100)
		r.b = uint8(i * 9)
		r.c = int16(i*1000 - 30000)
		r.d = uint16(i * 2000)
		r.e = int32(i*100000000 - 2000000000)
		r.f = uint32(i) * 70000000
		r.g = int64(r.a) + int64(r.c) + int64(r.e)
		rs = append(rs, r)
		if i == 32 {
			runtime.GC() // the first half now lives in the old space
		}
	}
	var sa, sb, sc, sd, se, sf, sg int64
	for _, r := range rs {
		r.a++
		r.b += 200
		r.c -= 3000
		r.d += 60000
		r.e *= 3
		r.f += 4000000000
		sa += int64(r.a)
		sb += int64(r.b)
		sc += int64(r.c)
		sd += int64(r.d)
		se += int64(r.e)
		sf += int64(r.f)
		sg += r.g
	}
	fmt.Println(sa, sb, sc, sd, se, sf, sg)
	fmt.Println(*rs[0], *rs[40], *rs[63])

	// A frame array of narrow elements, and multi-word values moved and zeroed.
	var buf [8]int16
	for i := range buf {
		buf[i] = int16(-i * 4097)
	}
	fmt.Println(buf)
	bs := make([]big, 3)
	for i := range bs {
		b := big{w: [5]int{i, i + 1, i + 2, i + 3, i + 4}, s: fmt.Sprint("s", i)}
		bs[i] = b
		c := b
		c.w[0] = -1
		b = big{}
		fmt.Print(b.w, b.s == "", c.w, c.s, " ")
	}
	fmt.Println(bs)
	pb := &big{}
	for i := 0; i < 3; i++ {
		*pb = bs[i]
	}
	fmt.Println(*pb)
}
