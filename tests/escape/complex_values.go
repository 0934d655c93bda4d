package main

import "fmt"

type Wave struct {
	Amp complex128
	F   complex64
}

func newWave(a complex128) *Wave { return &Wave{Amp: a} }

func keep(c complex64) *complex64 { return &c }

func sum(xs []complex128) complex128 {
	var s complex128
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	w := newWave(1 + 2i)
	p := keep(3i)
	local := Wave{2i, 1}
	q := &local
	q.Amp *= 2
	var i any = w.Amp
	buf := make([]complex128, 4)
	buf[1] = 5i
	fmt.Println(w.Amp, *p, i, sum(buf), q.F)
}
