// The slices functions keep a named slice type (S ~[]E): results are of the caller's
// type, with its methods, and element types may be named too.
package main

import (
	"fmt"
	"slices"
	"strings"
)

type Celsius float64

type Readings []Celsius

func (r Readings) String() string {
	var b strings.Builder
	for i, c := range r {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%.1f°C", float64(c))
	}
	return b.String()
}

type Word string

type Sentence []Word

func main() {
	r := Readings{21.5, 19, 23.25, 19}
	slices.Sort(r)
	fmt.Println(r)
	fmt.Println(slices.Compact(r))
	fmt.Println(slices.Insert(r, 1, 20))
	fmt.Println(slices.Clone(r), slices.Clip(r), slices.Grow(r, 2))
	fmt.Println(slices.Max(r), slices.Min(r))
	i, ok := slices.BinarySearch(r, 23.25)
	fmt.Println(i, ok)
	fmt.Printf("%T %T %T\n", slices.Delete(slices.Clone(r), 0, 1), slices.Concat(r, r), slices.Repeat(r, 2))

	s := Sentence{"the", "quick", "brown", "fox"}
	slices.SortFunc(s, func(a, b Word) int { return strings.Compare(string(b), string(a)) })
	fmt.Println(s, slices.Index(s, "quick"), slices.Contains(s, Word("fox")))
	slices.Reverse(s)
	fmt.Println(s, slices.IsSorted(s))
	var collected Sentence = slices.Collect(slices.Values(s))
	fmt.Printf("%T %v\n", collected, collected)
}
