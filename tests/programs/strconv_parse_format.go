package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.ParseInt("-ff", 16, 64))
	fmt.Println(strconv.ParseInt("0x1f", 0, 64))
	fmt.Println(strconv.ParseInt("300", 10, 8))
	fmt.Println(strconv.ParseInt("1010", 2, 0))
	fmt.Println(strconv.ParseUint("-1", 10, 64))
	fmt.Println(strconv.ParseFloat("3.25", 64))
	fmt.Println(strconv.ParseFloat("1e400", 64))
	fmt.Println(strconv.ParseFloat("abc", 64))
	fmt.Println(strconv.ParseFloat("inf", 64))
	fmt.Println(strconv.ParseBool("true"))
	fmt.Println(strconv.ParseBool("T"))
	fmt.Println(strconv.ParseBool("yes"))
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(5, 2), strconv.FormatInt(35, 36))
	fmt.Println(strconv.FormatUint(1<<64-1, 10))
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1234.5, 'e', -1, 64))
	fmt.Println(strconv.FormatFloat(0.1, 'g', -1, 32), strconv.FormatFloat(2, 'f', -1, 64))
	fmt.Println(strconv.FormatBool(false), strconv.FormatBool(true))
}
