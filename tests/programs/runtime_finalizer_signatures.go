// The finalizer's parameter may be the object's pointer type or an interface the object
// implements (it then receives the object as that interface); its results are ignored.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"time"
)

type T struct{ name string }

func (t *T) Name() string { return t.name }

type Namer interface{ Name() string }

var got = make(chan string, 8)

func main() {
	func() {
		a, b, c := &T{"a"}, &T{"b"}, &T{"c"}
		runtime.SetFinalizer(a, func(t *T) { got <- "pointer " + t.name })
		runtime.SetFinalizer(b, func(x any) { got <- fmt.Sprintf("any %T %s", x, x.(*T).name) })
		runtime.SetFinalizer(c, func(n Namer) { got <- "Namer " + n.Name() })
		runtime.SetFinalizer(&T{"d"}, func(t *T) int { got <- "with a result " + t.name; return 1 })
	}()
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	var out []string
	for len(got) > 0 {
		out = append(out, <-got)
	}
	sort.Strings(out)
	for _, s := range out {
		fmt.Println(s)
	}
}
