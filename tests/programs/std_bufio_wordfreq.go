package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness.`

func main() {
	counts := map[string]int{}
	lines := 0
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		lines++
		words := bufio.NewScanner(strings.NewReader(sc.Text()))
		words.Split(bufio.ScanWords)
		for words.Scan() {
			w := strings.ToLower(strings.TrimFunc(words.Text(), unicode.IsPunct))
			counts[w]++
		}
	}
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range counts {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].v != all[j].v {
			return all[i].v > all[j].v
		}
		return all[i].k < all[j].k
	})
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintf(out, "%d lines, %d distinct words\n", lines, len(all))
	for _, e := range all[:8] {
		fmt.Fprintf(out, "%-8s %s %d\n", e.k, strings.Repeat("*", e.v), e.v)
	}
	// A Reader over the same text, field by field with ReadString.
	r := bufio.NewReader(strings.NewReader(text))
	commas := 0
	for {
		_, err := r.ReadString(',')
		if err != nil {
			break
		}
		commas++
	}
	fmt.Fprintln(out, "commas:", commas)
}
