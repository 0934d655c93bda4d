package main

import "fmt"

type Matrix [][]float64

func New(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func (a Matrix) Mul(b Matrix) (Matrix, error) {
	if len(a[0]) != len(b) {
		return nil, fmt.Errorf("dimension mismatch: %dx%d * %dx%d", len(a), len(a[0]), len(b), len(b[0]))
	}
	out := New(len(a), len(b[0]))
	for i := range a {
		for j := range b[0] {
			for k := range b {
				out[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return out, nil
}

func (m Matrix) String() string {
	s := ""
	for _, row := range m {
		for j, v := range row {
			if j > 0 {
				s += " "
			}
			s += fmt.Sprintf("%6.1f", v)
		}
		s += "\n"
	}
	return s
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	b := Matrix{{7, 8}, {9, 10}, {11, 12}}
	c, err := a.Mul(b)
	fmt.Print(c, err, "\n")
	id := Matrix{{1, 0}, {0, 1}}
	p, _ := c.Mul(id)
	fmt.Print(p)
	_, err = a.Mul(a)
	fmt.Println(err)
	pow := Matrix{{1, 1}, {1, 0}}
	r := Matrix{{1, 0}, {0, 1}}
	for i := 0; i < 10; i++ {
		r, _ = r.Mul(pow)
	}
	fmt.Print(r)
}
