// wordfreq.go — counts the words of an embedded text with a map, then sorts
// them by frequency (ties alphabetically) with sort.Slice.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const poem = `
Tyger Tyger, burning bright,
In the forests of the night;
What immortal hand or eye,
Could frame thy fearful symmetry?

In what distant deeps or skies.
Burnt the fire of thine eyes?
On what wings dare he aspire?
What the hand, dare seize the fire?
`

func main() {
	notLetter := func(r rune) bool { return !unicode.IsLetter(r) }
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(poem), notLetter) {
		counts[w]++
	}

	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		a, b := words[i], words[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return a < b
	})

	fmt.Printf("%d distinct words\n", len(words))
	for _, w := range words[:10] {
		fmt.Printf("%-10s %d\n", w, counts[w])
	}
}
