package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Print("a", "b", 1, 2, "c", 3.5, true, "\n")
	fmt.Print(1, 2, 3, "\n")
	fmt.Println("a", "b", 1, 2, nil)
	s := fmt.Sprint("x", 1, 2, "y")
	fmt.Println(s, len(s))
	ln := fmt.Sprintln("line", 1)
	fmt.Printf("%q\n", ln)
	n, err := fmt.Println("counted")
	fmt.Println(n, err)
	n, _ = fmt.Printf("%d-%d\n", 1, 2)
	fmt.Println(n)
	fmt.Fprintln(os.Stdout, "to stdout via Fprintln")
	fmt.Fprintln(os.Stderr, "to stderr via Fprintln")
	fmt.Fprintf(os.Stderr, "err %d\n", 5)
	fmt.Fprint(os.Stdout, "fprint", 1, "\n")
	fmt.Println()
	fmt.Print()
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil), fmt.Sprint(1.0, 2))
}
