package main

import "fmt"

func main() {
	arr := [4]int{1, 2, 3, 4}
	i := -1
	fmt.Println(arr[0])
	arr[i] = 5
}
