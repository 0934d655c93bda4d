package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d\n", n, n, n, n, n, n)
	fmt.Printf("%b|%o|%O|%x|%X|%#x|%#o|%#b\n", n, n, n, n, n, n, n, n)
	fmt.Printf("%c|%q|%U|%#U\n", 65, 'é', 0x1F600, 'x')
	fmt.Printf("%d|%x|%08b\n", -5, -255, 5)
	fmt.Printf("%v|%d\n", int8(-128), uint64(18446744073709551615))
	fmt.Printf("%x|%X|% x\n", "hi!", []byte("go"), "abc")
	fmt.Printf("%6.3d|%.0d|%.0d\n", 7, 0, 1)
	fmt.Printf("%+05d|%-+5d|\n", 42, 42)
	fmt.Printf("%*d|%-*d|\n", 6, 1, 4, 2)
	fmt.Printf("%t|%v|%5t\n", true, false, true)
	fmt.Printf("%d %d\n", []int{1, 2}, [2]int8{3, 4})
	fmt.Printf("%x\n", []int{10, 255})
}
