package main

import (
	"fmt"
	"io"
)

// Reads a small matrix and queries from standard input (NAME.stdin) with Scan/Scanln/Scanf.
func main() {
	var rows, cols int
	n, err := fmt.Scanf("%d %d\n", &rows, &cols)
	fmt.Println(n, err, rows, cols)
	m := make([][]int, rows)
	for i := range m {
		m[i] = make([]int, cols)
		for j := range m[i] {
			fmt.Scan(&m[i][j])
		}
	}
	fmt.Println(m)
	var name string
	var k int
	n, err = fmt.Scanln(&name, &k)
	fmt.Println(n, err, name, k)
	for {
		var op string
		var r, c int
		n, err := fmt.Scanln(&op, &r, &c)
		if err == io.EOF {
			fmt.Println("done")
			break
		}
		if err != nil {
			fmt.Println("bad query:", n, err)
			continue
		}
		switch op {
		case "get":
			fmt.Println(op, r, c, "=", m[r][c])
		case "sum":
			fmt.Println(op, "=", m[r][0]+m[0][c])
		}
	}
}
