// sorting.go — sort.Ints/Strings, sort.Slice with a custom order,
// sort.SliceStable keeping ties in place, and a sort.Interface type.
package main

import (
	"fmt"
	"sort"
)

type Player struct {
	Name  string
	Score int
}

type ByName []Player

func (b ByName) Len() int           { return len(b) }
func (b ByName) Less(i, j int) bool { return b[i].Name < b[j].Name }
func (b ByName) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	nums := []int{42, 7, 19, 7, -3, 100}
	sort.Ints(nums)
	fmt.Println(nums)

	langs := []string{"go", "Rust", "c", "Zig", "python"}
	sort.Strings(langs)
	fmt.Println(langs) // uppercase sorts before lowercase

	players := []Player{{"ana", 90}, {"ben", 75}, {"cy", 90}, {"dee", 60}, {"eli", 75}}
	sort.SliceStable(players, func(i, j int) bool { return players[i].Score > players[j].Score })
	for i, p := range players {
		fmt.Printf("%d. %-4s %d\n", i+1, p.Name, p.Score)
	}

	sort.Sort(sort.Reverse(ByName(players)))
	fmt.Println(players)

	idx := sort.SearchInts(nums, 19)
	fmt.Println("19 is at index", idx)
}
