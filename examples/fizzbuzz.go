// fizzbuzz.go — loops, if/else chains, the modulo operator and a tagless switch.
package main

import "fmt"

func fizzbuzz(n int) string {
	switch {
	case n%15 == 0:
		return "FizzBuzz"
	case n%3 == 0:
		return "Fizz"
	case n%5 == 0:
		return "Buzz"
	}
	return fmt.Sprint(n)
}

func main() {
	for i := 1; i <= 30; i++ {
		fmt.Println(fizzbuzz(i))
	}
}
