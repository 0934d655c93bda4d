package main

import "fmt"

func main() {
	var name string
	var age, year int
	var height float64
	n, err := fmt.Sscanf("name=Ada age=36 height=1.65", "name=%s age=%d height=%f", &name, &age, &height)
	fmt.Println(n, err, name, age, height)
	n, err = fmt.Sscanf("2024-03-15", "%4d-%2d-%2d", &year, &age, &age)
	fmt.Println(n, err, year, age)
	var hex, oct, bin int
	n, err = fmt.Sscanf("ff 17 101", "%x %o %b", &hex, &oct, &bin)
	fmt.Println(n, err, hex, oct, bin)
	var q string
	n, err = fmt.Sscanf(`"quoted \"str\"" rest`, "%q %s", &q, &name)
	fmt.Println(n, err, q, name)
	var c1, c2 rune
	n, err = fmt.Sscanf("xy", "%c%c", &c1, &c2)
	fmt.Println(n, err, string(c1), string(c2))
	n, err = fmt.Sscanf("5%", "%d%%", &age)
	fmt.Println(n, err, age)
	var v any = &age
	n, err = fmt.Sscanf("77", "%v", v)
	fmt.Println(n, err, age)
	var hx []byte
	n, err = fmt.Sscanf("cafe", "%x", &hx)
	fmt.Println(n, err, hx)

	// Errors.
	n, err = fmt.Sscanf("age: 12", "age=%d", &age)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("x", "%d", &age)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("12", "%d %d", &age, &year)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1\n2", "%d %d", &age, &year)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1\n2", "%d\n%d", &age, &year)
	fmt.Println(n, err, age, year)
	n, err = fmt.Sscanf("3", "%s", &age)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("3 4", "%d", &age, &year)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("3", "%d %d", &age)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("true", "%t", new(bool))
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1.5", "%d", &age)
	fmt.Println(n, err, age)
}
