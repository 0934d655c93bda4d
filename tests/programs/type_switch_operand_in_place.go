// A type switch reads its operand where it is (no copy): a clause that changes the variable
// switched on, through a closure or directly, still sees the value bound at its start, and
// operands that are calls, shadowed names and nil interfaces work as before.
package main

import "fmt"

func get(i int) any {
	if i%2 == 0 {
		return i
	}
	return fmt.Sprint(i)
}

func main() {
	var i any = 5
	f := func() { i = "captured" }
	switch x := i.(type) {
	case int:
		f()
		fmt.Println("int", x, i)
	}
	switch x := i.(type) {
	case string:
		i = 7
		fmt.Println("string", x, i)
	default:
		fmt.Println("default", x)
	}
	var x any = 3.5
	switch x := x.(type) {
	case float64:
		fmt.Println("float", x*2)
	}
	for k := 0; k < 4; k++ {
		switch y := get(k).(type) {
		case int, string:
			fmt.Printf("%T %v\n", y, y)
		}
	}
	var e error
	switch e := e.(type) {
	case nil:
		fmt.Println("nil", e == nil)
	}
}
