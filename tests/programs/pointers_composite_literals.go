package main

import "fmt"

type Item struct {
	Name string
	Qty  int
}

func main() {
	p := &Item{"apple", 3}
	q := &Item{Name: "pear"}
	fmt.Println(*p, *q, p.Qty+q.Qty)
	items := []*Item{{"a", 1}, {"b", 2}}
	for _, it := range items {
		it.Qty *= 10
	}
	fmt.Println(*items[0], *items[1])
	m := map[string]*Item{"x": {"x", 5}}
	m["x"].Qty++
	fmt.Println(m["x"].Qty)
	arrp := &[3]int{1, 2, 3}
	arrp[0] = 9
	fmt.Println(*arrp, len(arrp))
	sp := &[]int{4, 5}
	*sp = append(*sp, 6)
	fmt.Println(*sp)
	fmt.Printf("%v %+v\n", p, q)
	ip := new(int)
	fmt.Println(*ip)
}
