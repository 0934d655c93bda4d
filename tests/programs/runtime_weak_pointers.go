// Package weak: a weak pointer follows its object while the object lives (wherever the
// collector moves it) and becomes nil once it is collected.
package main

import (
	"fmt"
	"runtime"
	"weak"
)

type blob struct {
	name string
	data [64]byte
}

var strong *blob

func main() {
	strong = &blob{name: "kept"}
	gone := &blob{name: "dropped"}
	wk := weak.Make(strong)
	wg := weak.Make(gone)
	fmt.Println("equal for the same pointer:", weak.Make(strong) == wk)
	fmt.Println("different objects differ:", wk != wg)
	fmt.Println("zero value:", weak.Pointer[blob]{}.Value() == nil, weak.Make[blob](nil) == weak.Pointer[blob]{})
	fmt.Println("before any collection:", wk.Value().name, wg.Value().name)
	runtime.KeepAlive(gone) // the last use: gone is dead after this

	runtime.GC()
	fmt.Println("after a collection:", wk.Value() != nil, wg.Value() == nil)
	fmt.Println("still the same object:", wk.Value() == strong, wk.Value().name)

	// Through many young collections and a promotion.
	for i := 0; i < 20000; i++ {
		_ = &blob{name: fmt.Sprint(i)}
	}
	runtime.GC()
	fmt.Println("after churn:", wk.Value() == strong, weak.Make(strong) == wk)

	// An interior pointer keeps its offset; the object dies when the last strong
	// pointer goes.
	inner := &strong.data[10]
	wi := weak.Make(inner)
	strong = nil
	runtime.GC()
	fmt.Println("object kept by the interior pointer:", wi.Value() == inner, wk.Value() != nil)
	inner = nil
	runtime.GC()
	fmt.Println("all gone:", wi.Value() == nil, wk.Value() == nil)
}
