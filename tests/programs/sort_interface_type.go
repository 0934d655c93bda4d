package main

import (
	"fmt"
	"sort"
)

type Card struct {
	Rank int
	Suit string
}

type ByRank []Card

func (b ByRank) Len() int           { return len(b) }
func (b ByRank) Less(i, j int) bool { return b[i].Rank < b[j].Rank }
func (b ByRank) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type Desc struct{ sort.IntSlice }

func (d Desc) Less(i, j int) bool { return d.IntSlice[i] > d.IntSlice[j] }

func main() {
	hand := []Card{{10, "h"}, {2, "s"}, {14, "d"}, {7, "c"}, {2, "h"}}
	sort.Stable(ByRank(hand))
	fmt.Println(hand)
	fmt.Println(sort.IsSorted(ByRank(hand)))
	nums := []int{3, 1, 4, 1, 5, 9, 2, 6}
	sort.Sort(Desc{nums})
	fmt.Println(nums)
	var iface sort.Interface = ByRank(hand)
	fmt.Println(iface.Len(), iface.Less(0, 1))
}
