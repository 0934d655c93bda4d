package main

import "fmt"

func counterWithLog() (count int, log []string) {
	add := func(n int) {
		count += n
		log = append(log, fmt.Sprint("+", n, "=", count))
	}
	defer func() {
		log = append(log, "final")
		count *= 10
	}()
	for i := 1; i <= 3; i++ {
		add(i)
	}
	return count, log
}

func tricky() (x int) {
	defer func() {
		if r := recover(); r != nil {
			x = len(fmt.Sprint(r))
		}
	}()
	x = 1
	var arr []int
	return arr[x]
}

func main() {
	c, l := counterWithLog()
	fmt.Println(c, l)
	fmt.Println(tricky())
}
