package main

func mk(n int) []int { return make([]int, n) }

func main() { println(len(mk(3))) }
