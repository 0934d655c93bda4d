// sieve: sieve of Eratosthenes over a []bool, repeated. Slice indexing and tight loops.
package main

import "fmt"

func sieve(n int) int {
	composite := make([]bool, n+1)
	count := 0
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		count++
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return count
}

func main() {
	total := 0
	for r := 0; r < 40; r++ {
		total += sieve(2000000)
	}
	fmt.Println("primes below 2000000:", total/40)
}
