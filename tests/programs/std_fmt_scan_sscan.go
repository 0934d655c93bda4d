package main

import "fmt"

func main() {
	var i int
	var u uint8
	var f float64
	var s string
	var b bool
	var r rune
	n, err := fmt.Sscan("  42 200\n 3.25e2 word true", &i, &u, &f, &s, &b)
	fmt.Println(n, err, i, u, f, s, b)
	n, err = fmt.Sscan("0x1F 0b101 0o17", &i, &u, &r)
	fmt.Println(n, err, i, u, r)
	n, err = fmt.Sscan("300", &u)
	fmt.Println(n, err)
	n, err = fmt.Sscan("abc", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscan("1", &i, &s)
	fmt.Println(n, err)
	n, err = fmt.Sscan("", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscan("maybe", &b)
	fmt.Println(n, err)
	var c complex128
	n, err = fmt.Sscan("(1+2i)", &c)
	fmt.Println(n, err, c)
	var bs []byte
	var i64 int64
	var f32 float32
	n, err = fmt.Sscan("bytes -9223372036854775808 1.5", &bs, &i64, &f32)
	fmt.Println(n, err, string(bs), i64, f32)
	n, err = fmt.Sscan("5", i)
	fmt.Println(n, err)

	// Sscanln stops at newlines.
	n, err = fmt.Sscanln("1 2\n3", &i, &r)
	fmt.Println(n, err, i, r)
	n, err = fmt.Sscanln("1\n2", &i, &r)
	fmt.Println(n, err)
	n, err = fmt.Sscanln("1 2 3", &i, &r)
	fmt.Println(n, err)
	n, err = fmt.Sscanln("7 8", &i, &r)
	fmt.Println(n, err, i, r)
}
