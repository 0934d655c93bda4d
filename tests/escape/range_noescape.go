package main

func main() {
	xs := []int{1, 2, 3}
	sum := 0
	for _, v := range xs {
		p := &v
		sum += *p
	}
	println(sum)
}
