package main

func main() {
	xs := []int{1, 2, 3}
	var ps []*int
	for _, v := range xs {
		ps = append(ps, &v)
	}
	println(*ps[0])
}
