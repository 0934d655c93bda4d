// Maps and slices of pointers that grow (and are rehashed or copied) while
// collections move their contents; pointer-keyed maps must keep working.
package main

import "fmt"

type Item struct {
	ID   int
	Name string
}

func main() {
	byID := map[int]*Item{}
	byPtr := map[*Item]int{}
	var all []*Item
	for i := 0; i < 3000; i++ {
		it := &Item{ID: i, Name: fmt.Sprint("item", i)}
		byID[i] = it
		byPtr[it] = i
		all = append(all, it)
		if i%7 == 0 {
			_ = make([]int, 100) // garbage
		}
	}
	bad := 0
	for i, it := range all {
		if byID[i] != it || byPtr[it] != i || it.ID != i {
			bad++
		}
	}
	fmt.Println("items", len(all), len(byID), len(byPtr), "bad", bad)

	// Delete half, grow again.
	for i := 0; i < 3000; i += 2 {
		delete(byPtr, all[i])
		delete(byID, i)
	}
	for i := 0; i < 2000; i++ {
		it := &Item{ID: 100000 + i}
		byPtr[it] = it.ID
	}
	n := 0
	for k, v := range byPtr {
		if k.ID != v {
			n++
		}
	}
	fmt.Println("after", len(byID), len(byPtr), "bad", n)

	// A slice of slices of pointers, resized repeatedly.
	grid := make([][]*Item, 0)
	for r := 0; r < 100; r++ {
		row := []*Item{}
		for c := 0; c < r; c++ {
			row = append(row, &Item{ID: r*1000 + c})
		}
		grid = append(grid, row)
	}
	sum := 0
	for _, row := range grid {
		for _, it := range row {
			sum += it.ID
		}
	}
	fmt.Println("grid", len(grid), sum)
}
