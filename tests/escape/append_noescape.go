package main

func main() {
	var s []int
	for i := 0; i < 5; i++ {
		s = append(s, i)
	}
	println(len(s))
}
