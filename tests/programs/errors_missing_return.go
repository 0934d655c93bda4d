package main

import "fmt"

func sign(x int) int {
	if x > 0 {
		return 1
	} else if x < 0 {
		return -1
	}
}

func loop() string {
	for i := 0; i < 3; i++ {
		return "x"
	}
}

func main() {
	fmt.Println(sign(1), loop())
}
