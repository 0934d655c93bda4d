// Map lookups, assignments and deletes served through machine pointers (word and string
// keys) while the maps' headers and tables move from the nursery to a survivor space and
// to the old space, mixed with the general path's cases: keys whose bytes are on a stack,
// wide values, tombstones reused, growth at the load limit, pointer keys the collector
// moved, nil maps.
package main

import (
	"fmt"
	"sort"
)

type big struct {
	a, b, c int
	s       string
}

var sink [][]byte

// churn allocates enough to run a few minor collections.
func churn(n int) {
	for i := 0; i < n; i++ {
		sink = append(sink, make([]byte, 512))
		if len(sink) > 64 {
			sink = sink[:0]
		}
	}
}

func main() {
	// An int map used across minor collections: its header and table are copied to a
	// survivor space, then promoted.
	m := map[int]int{}
	sum := 0
	for round := 0; round < 6; round++ {
		for i := 0; i < 500; i++ {
			m[i*3+round] += i
		}
		churn(300)
		for i := 0; i < 1600; i++ {
			if v, ok := m[i]; ok {
				sum += v
			}
		}
		for i := round; i < 1600; i += 7 {
			delete(m, i)
		}
	}
	fmt.Println("int", len(m), sum)

	// Tombstones reused: delete and insert the same keys many times without growing.
	t := map[int64]int16{}
	for r := 0; r < 200; r++ {
		for k := int64(0); k < 5; k++ {
			t[k-2] = int16(r)
		}
		for k := int64(0); k < 5; k += 2 {
			delete(t, k-2)
		}
	}
	keys := []int{}
	for k, v := range t {
		keys = append(keys, int(k)*1000+int(v))
	}
	sort.Ints(keys)
	fmt.Println("tomb", keys)

	// Growth exactly at the load limit: 6 of 8 slots, 12 of 16, ...
	g := map[uint32]bool{}
	for i := uint32(0); i < 100; i++ {
		g[i] = i%2 == 0
		if i == 5 || i == 6 || i == 11 || i == 12 || i == 95 {
			fmt.Print(len(g), g[i], g[i-1], " ")
		}
	}
	fmt.Println()

	// String keys: heap, static and stack bytes, the empty string.
	s := map[string]int{"": -1, "static": 1}
	var buf [8]byte
	for i := range buf {
		buf[i] = 'a' + byte(i)
	}
	for i := 1; i <= len(buf); i++ {
		s[string(buf[:i])] = i // converted bytes, stack or heap
	}
	churn(300)
	fmt.Println("str", len(s), s[""], s["static"], s["abc"], s["abcdefgh"], s["abcdefghi"])
	word := string(buf[2:5])
	s[word] += 100
	delete(s, "a")
	v, ok := s["a"]
	fmt.Println("str", s["cde"], v, ok, len(s))

	// Values wider than a word, and values with pointers.
	w := map[int]big{}
	for i := 0; i < 50; i++ {
		w[i] = big{i, i * i, -i, fmt.Sprint("v", i)}
	}
	churn(300)
	b, ok := w[7]
	nb, nok := w[70]
	fmt.Println("wide", b, ok, nb, nok)
	w[7] = big{s: "changed"}
	fmt.Println("wide", w[7], len(w))

	// Pointer keys: the collector moves the objects and the table is rehashed.
	type node struct{ id int }
	pk := map[*node]int{}
	nodes := []*node{}
	for i := 0; i < 40; i++ {
		n := &node{i}
		nodes = append(nodes, n)
		pk[n] = i
	}
	churn(600)
	total := 0
	for _, n := range nodes {
		total += pk[n]
		pk[n]++
	}
	fmt.Println("ptr", total, pk[nodes[39]], len(pk))

	// Narrow keys, negative values.
	n8 := map[int8]int{}
	for i := -5; i < 5; i++ {
		n8[int8(i)] = i
	}
	delete(n8, -5)
	fmt.Println("int8", n8[-1], n8[4], len(n8))

	// A nil map reads as empty and deletes nothing.
	var nm map[string]int
	x, present := nm["k"]
	delete(nm, "k")
	fmt.Println("nil", x, present, len(nm))
}
