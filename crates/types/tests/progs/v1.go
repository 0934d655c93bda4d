package main

import (
	"errors"
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct {
	W, H float64
}

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

type Circle struct{ R float64 }

func (c *Circle) Area() float64      { return 3.14 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * 3.14 * c.R }

type Named struct {
	Rect
	Name string
}

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "red"
	case Green:
		return "green"
	default:
		return "blue"
	}
}

const big = 1 << 40
const fl = big / 3.0

var global = compute()

func compute() int { return len(table) }

var table = []string{"a", "b"}

func divmod(a, b int) (q, r int, err error) {
	if b == 0 {
		err = errors.New("div by zero")
		return
	}
	return a / b, a % b, nil
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func apply(f func(int) int, v int) int { return f(v) }


func main() {
	var shapes []Shape
	shapes = append(shapes, Rect{W: 2, H: 3}, &Circle{R: 1})
	for i, s := range shapes {
		fmt.Println(i, s.Area(), s.Perimeter())
	}
	n := Named{Rect{1, 2}, "x"}
	fmt.Println(n.Area(), n.W, n.Rect.H)
	var sh Shape = n
	if r, ok := sh.(Named); ok {
		fmt.Println(r.Name)
	}
	switch v := sh.(type) {
	case Rect, Named:
		fmt.Println("rect-ish", v)
	case *Circle:
		fmt.Println(v.R)
	case nil:
	default:
		_ = v
	}
	q, r, err := divmod(7, 2)
	fmt.Println(q, r, err)
	fmt.Println(sum(1, 2, 3), sum(table2()...), Blue, Color(1).String())
	counter := 0
	inc := func() int {
		counter++
		return counter
	}
	inc()
	fmt.Println(apply(func(x int) int { return x * counter }, 3))
	m := map[string][]int{"a": {1, 2}, "b": nil}
	m["c"] = append(m["c"], 5)
	if v, ok := m["a"]; ok {
		fmt.Println(len(v), cap(v))
	}
	delete(m, "a")
	var arr [5]int
	for i := range arr {
		arr[i] = i * i
	}
	sl := arr[1:3]
	p := &arr
	p[2] = 7
	fmt.Println(sl, len(p), arr[len(arr)-1])
	var sb strings.Builder
	sb.WriteString("hi")
	fmt.Println(sb.String(), strings.ToUpper("x"))
	bs := []byte("hello")
	bs = append(bs, " world"...)
	rs := []rune("héllo")
	copy(bs, "HE")
	fmt.Println(string(bs), string(rs[1]), len(rs))
	for i, c := range "héllo" {
		fmt.Println(i, c)
	}
	for i := range 3 {
		fmt.Println(i)
	}
	ch := make(chan int, 3)
	done := make(chan struct{})
	go func() {
		for v := range ch {
			fmt.Println(v)
		}
		close(done)
	}()
	ch <- 1
	close(ch)
	<-done
	select {
	case v, ok := <-ch:
		_, _ = v, ok
	default:
	}
	x := 10
	px := &x
	*px += 5
	fmt.Println(min(x, 3, 4), max(2.5, 1), fl, big)
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered", r)
		}
	}()
	type local struct{ a, b int }
	l := local{1, 2}
	ls := []local{{3, 4}, {a: 5}}
	lp := []*local{{6, 7}}
	fmt.Println(l, ls, lp[0].a)
	var e error = fmt.Errorf("x %d", 1)
	fmt.Println(e.Error())
	var u8 uint8 = 255
	u8++
	var f32 float32 = 1.5
	f32 *= 2
	shift := 1 << u8
	fmt.Println(u8, f32, shift, x<<2, ^x, -x, !true)
	goto end
end:
	fmt.Println(global)
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	switch {
	case x > 5:
		fmt.Println("big")
		fallthrough
	case x > 2:
	}
	var iface interface{ String() string } = Red
	fmt.Println(iface)
	fn := Color.String
	fmt.Println(fn(Green))
	var st struct {
		A int
		B string
	}
	st.A = 1
	fmt.Println(st, [...]int{1, 2, 3}, [2][2]int{{1, 2}, {3, 4}})
	clear(m)
	panic("done")
}

func table2() []int { return []int{4, 5} }
