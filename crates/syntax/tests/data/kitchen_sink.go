// Package main exercises every construct of gosub's Go subset.
package main

import (
	"errors"
	"fmt"
	str "strings"
	_ "os"
)

import . "math"

const Pi2 = Pi * 2

const (
	A = iota
	B
	C, D = iota * 10, iota * 100
	E, F
	_
	G float64 = 1.5e3
)

var (
	x, y int = 1, 2
	z        = 0x1F + 0o17 + 017 + 0b101 + 1_000_000
	fl       = .5 + 1e-3 + 0x1p-2 + 0X1.8P3 + 1.
	im       = 2i + 3.5i
	r        = 'a' + '\n' + '\x41' + '\101' + '\u00e9' + '\U0001F600' + '\''
	s        = "tab\there \"quoted\" \\ \a\b\f\v\r \xff \u00e9"
	raw      = `raw
string \n`
)

type Point struct {
	X, Y int `json:"x"`
	Name string
	*Embedded
	fmt.Stringer
	inner struct{ a, b []int }
}

type Embedded struct{}

type Shape interface {
	Area() float64
	Perimeter() (p float64)
	fmt.Stringer
	error
}

type (
	Alias     = Point
	IntList   []int
	Handler   func(int, string) (bool, error)
	Ch        <-chan int
	SendCh    chan<- []int
	ChOfCh    chan<- chan int
	RecvOfCh  chan (<-chan int)
	Matrix    [3][4]float64
	M         map[string]map[int]*Point
	Arr       [...]int
	Fn        func(a, b int, c ...string) func() int
	Ptr       *Point
	ParenType (int)
)

func sum(nums ...int) (total int) {
	for _, n := range nums {
		total += n
	}
	return
}

func native(x int) int

func (p *Point) Move(dx, dy int) {
	p.X += dx
	p.Y -= dy
}

func (Point) String() string { return "pt" }

func divmod(a, b int) (q, r int, err error) {
	if b == 0 {
		err = errors.New("div by zero")
		return
	}
	return a / b, a % b, nil
}

func main() {
	var ops int
	ops++
	ops--
	ops += 1
	ops -= 1
	ops *= 2
	ops /= 2
	ops %= 7
	ops &= 3
	ops |= 4
	ops ^= 1
	ops <<= 2
	ops >>= 1
	ops &^= 8
	a, b := 1, 2
	a, b = b, a
	_ = a<<2 + b*3 - -a&^b | 1 ^ 2
	_ = a == b || a != b && a < b || a <= b && a > b || a >= b
	_ = !true
	_ = ^a
	p := &Point{X: 1, Y: 2}
	pts := []Point{{1, 2, "a", nil, nil, struct{ a, b []int }{}}, {X: 3}}
	m := map[string]Point{"a": {X: 1}, "b": {}}
	mm := map[Point]string{{X: 1}: "one"}
	arr := [...]int{1, 2, 3}
	grid := [2][2]int{{1, 2}, {3, 4}}
	ptrs := []*Point{{X: 1}, &Point{}}
	_, _, _, _, _, _ = pts, m, mm, arr, grid, ptrs
	sl := arr[1:]
	sl = arr[:2]
	sl = arr[:]
	sl = arr[0:1:2]
	sl = sl[:0:0]
	_ = sl[0]
	bs := []byte("hello")
	_ = string(bs)
	_ = []rune(str.ToUpper("x"))
	_ = (*Point)(nil)
	_ = (<-chan int)(nil)
	_ = interface{}(1)
	_ = map[string]int(nil)
	_ = func() int { return 1 }()
	f := func(a, b int, s ...string) (int, error) { return 0, nil }
	_ = f
	var i interface{} = p
	if v, ok := i.(*Point); ok {
		v.Move(1, 2)
	} else if i == nil {
		return
	} else {
		panic("no")
	}
	switch t := i.(type) {
	case *Point, Point:
		_ = t
	case nil:
	case []int, map[string]int, func(), chan int:
	default:
	}
	switch i.(type) {
	}
	switch x := 5; {
	case x > 3:
		fallthrough
	case x > 1:
	default:
	}
	switch ops {
	case 1, 2:
		break
	}
	switch {
	}
	ch := make(chan int, 10)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range ch {
			_ = v
		}
	}()
	ch <- 1
	select {
	case v := <-ch:
		_ = v
	case v, ok := <-ch:
		_, _ = v, ok
	case ch <- 2:
	case <-done:
	default:
	}
	close(ch)
	<-done
outer:
	for i := 0; i < 10; i++ {
		for j := range 10 {
			if j == 5 {
				continue outer
			}
			if j == 7 {
				break outer
			}
		}
	}
	for {
		break
	}
	for ops < 100 {
		ops++
	}
	for range 3 {
	}
	var k, v int
	for k, v = range []int{1, 2} {
	}
	for range ch {
	}
	for k := range m {
		_ = k
	}
	_, _ = k, v
	if p == (&Point{}) {
	}
	if (Point{}) == *p {
	}
	for _, x := range []Point{{1, 2, "", nil, nil, struct{ a, b []int }{}}} {
		_ = x
	}
	goto end
end:
	defer fmt.Println(sum(1, 2, 3), sum([]int{1}...))
	{
		nested := 1
		_ = nested
	}
	type local struct{ v int }
	const lc = 1
	var lv = local{lc}
	_ = lv
	_ = func(x int) {}
	var fn func(int) func() (int, error)
	_ = fn
	x := new(int)
	*x = 3
	_ = x
	_ = make([]int, 3, 10)
	_ = make(map[string][]int)
	_ = new(func())
	_ = make(chan func())
	_ = len("abc") + cap(sl)
	var e error = fmt.Errorf("%w", errors.New("x"))
	_ = e.Error()
	L:
	;
}
