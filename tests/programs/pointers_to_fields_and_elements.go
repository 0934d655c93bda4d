package main

import "fmt"

type Rect struct {
	W, H int
}

func main() {
	r := Rect{2, 3}
	pw := &r.W
	*pw = 20
	fmt.Println(r)
	nums := []int{1, 2, 3}
	pe := &nums[1]
	*pe = 200
	fmt.Println(nums)
	nums = append(nums, 4, 5, 6)
	*pe = -1
	fmt.Println(nums, *pe)
	rs := []Rect{{1, 1}, {2, 2}}
	pr := &rs[0]
	pr.H = 50
	fmt.Println(rs)
	arr := [3]Rect{}
	pa := &arr[2].W
	*pa = 7
	fmt.Println(arr)
	m := map[string]*Rect{"a": &r}
	m["a"].H = 30
	fmt.Println(r)
}
