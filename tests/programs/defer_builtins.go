// defer and go of builtins: arguments evaluated at the statement (close, delete, copy,
// clear, print, println, panic), and defer recover() which never stops a panic.
package main

import "fmt"

func f() (err error) {
	defer recover()
	defer fmt.Println("deferred print")
	panic("boom")
}

func main() {
	ch := make(chan int, 1)
	func() {
		defer close(ch)
		ch <- 1
	}()
	v, ok := <-ch
	w, ok2 := <-ch
	fmt.Println(v, ok, w, ok2)
	m := map[string]int{"a": 1}
	func() { defer delete(m, "a") }()
	fmt.Println(len(m))
	x := 1
	func() {
		defer println("x was", x)
		x = 2
	}()
	defer func() { fmt.Println("main recovered:", recover()) }()
	f()
}
