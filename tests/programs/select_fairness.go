// When several cases of a select are ready, each is chosen with the same probability:
// two always-ready receives split 1000 selects between them, and a loop whose only exit
// is the second of two identical cases ends.
package main

import "fmt"

func main() {
	a, b := make(chan int, 1000), make(chan int, 1000)
	for i := 0; i < 1000; i++ {
		a <- i
		b <- i
	}
	na, nb := 0, 0
	for i := 0; i < 1000; i++ {
		select {
		case <-a:
			na++
		case <-b:
			nb++
		}
	}
	fmt.Println(na+nb, na > 350, nb > 350)

	done := make(chan struct{})
	close(done)
	for {
		select {
		case <-done:
		case <-done:
			fmt.Println("the second case was taken")
			return
		}
	}
}
