// A built-in function before a selector: reported at the dot, as types2 does.
package main

import "fmt"

func main() {
	a := make.foo
	fmt.Println(a, len.x)
}
