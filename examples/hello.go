// hello.go — the smallest gosub program: a package, an import, a print.
package main

import "fmt"

func main() {
	fmt.Println("Hello, gosub!")
	name := "gopher"
	fmt.Printf("Nice to meet you, %s. 6 x 7 = %d\n", name, 6*7)
}
