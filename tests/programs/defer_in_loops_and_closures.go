package main

import "fmt"

func process(items []string) {
	for _, it := range items {
		defer func() { fmt.Println("cleanup", it) }()
	}
	fmt.Println("processing", len(items))
}

func perIteration(n int) {
	for i := range n {
		func() {
			defer fmt.Println("end iteration", i)
			fmt.Println("start iteration", i)
		}()
	}
}

type Res struct{ name string }

func (r Res) Close()      { fmt.Println("close", r.name) }
func (r *Res) PClose()    { fmt.Println("pclose", r.name) }

func main() {
	process([]string{"a", "b", "c"})
	perIteration(2)
	r := Res{"one"}
	defer r.Close()
	defer r.PClose()
	r.name = "two"
	var f func()
	f = func() { fmt.Println("func value") }
	defer f()
	f = func() { fmt.Println("reassigned") }
}
