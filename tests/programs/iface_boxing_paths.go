// Boxing values into interfaces by every path: pointer-shaped values, small values that
// share the runtime's static table, word-sized values copied into new heap objects, narrow
// integers (whose registers are wider than their memory form), and multi-word structs; kept
// across many collections and compared, switched on and printed afterwards.
package main

import (
	"fmt"
	"runtime"
)

type pair struct{ a, b int }
type triple struct{ a, b, c int }
type wrap struct{ p *int }
type word struct{ x uint64 }

func kind(v any) string {
	switch x := v.(type) {
	case int:
		return fmt.Sprintf("int %d", x)
	case int8:
		return fmt.Sprintf("int8 %d", x)
	case uint16:
		return fmt.Sprintf("uint16 %d", x)
	case float64:
		return fmt.Sprintf("float64 %g", x)
	case pair:
		return fmt.Sprintf("pair %d %d", x.a, x.b)
	case triple:
		return fmt.Sprintf("triple %d %d %d", x.a, x.b, x.c)
	case wrap:
		return fmt.Sprintf("wrap %d", *x.p)
	case word:
		return fmt.Sprintf("word %d", x.x)
	case *int:
		return fmt.Sprintf("*int %d", *x)
	case string:
		return fmt.Sprintf("string %q", x)
	case []int:
		return fmt.Sprintf("[]int %v %v", x, x == nil)
	case struct{}:
		return "struct{}"
	default:
		return "other"
	}
}

func main() {
	var keep []any
	n := 7
	for i := -300; i < 300000; i++ {
		var v any
		switch i % 11 {
		case 0:
			v = i
		case 1:
			v = int8(i)
		case 2:
			v = uint16(i)
		case 3:
			v = float64(i) / 4
		case 4:
			v = pair{i, -i}
		case 5:
			v = triple{i, i * 2, i * 3}
		case 6:
			v = wrap{&n}
		case 7:
			v = word{uint64(i) * 1000003}
		case 8:
			v = ("ab" + fmt.Sprint(i))[:(i%3+3)%3]
		case 9:
			if i%2 == 0 {
				v = []int(nil)
			} else {
				v = []int{i, i + 1}[:(i%3+3)%3]
			}
		default:
			v = struct{}{}
		}
		if i%9973 == 0 || (i >= -3 && i < 260 && i%37 == 0) {
			keep = append(keep, v)
		}
		if i == 100000 {
			runtime.GC()
		}
	}
	for _, v := range keep {
		fmt.Println(kind(v))
	}
	// Boxed values compare by value, whichever way they were boxed.
	a, b := any(255), any(255)
	c, d := any(1<<20), any(1<<20)
	e, f := any(pair{1, 2}), any(pair{1, 2})
	g := any(int8(-1))
	fmt.Println(a == b, c == d, e == f, g == any(int8(-1)), g == any(-1))
	h, k := any("ab"), any("a"+fmt.Sprint("b"))
	fmt.Println(h == k, any("") == any(fmt.Sprint()), any(struct{}{}) == any(struct{}{}))
	fmt.Println(kind(any(-5)), kind(any(int8(-128))), kind(any(uint16(65535))), kind(any(-1<<40)))
	n = 8
	fmt.Println(kind(keep[7]), kind(any(&n)))
}
