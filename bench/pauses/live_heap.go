// A large live heap of small objects (a map of structs and a tree) kept while the program
// allocates garbage: the pauses of the old generation's collections grow with the live
// heap (issue 17). The first argument sets the live size in MiB (default 256).
package main

import (
	"fmt"
	"os"
	"strconv"
)

type node struct {
	left, right *node
	key         int
	payload     [2]int
}

func build(lo, hi int) *node {
	if lo >= hi {
		return nil
	}
	mid := (lo + hi) / 2
	return &node{left: build(lo, mid), right: build(mid+1, hi), key: mid}
}

func (n *node) count() int {
	if n == nil {
		return 0
	}
	return 1 + n.left.count() + n.right.count()
}

type rec struct {
	id    int
	name  string
	score float64
	next  *rec
}

func main() {
	liveMB := 256
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			liveMB = v
		}
	}
	// About half the live bytes in a tree of 48-byte nodes, half in a map of records.
	nodes := liveMB << 20 / 2 / 48
	tree := build(0, nodes)
	recs := make(map[int]*rec, nodes/2)
	for i := 0; i < nodes/2; i++ {
		recs[i] = &rec{id: i, name: "r", score: float64(i)}
	}
	// Garbage: short-lived lists, and a slow turnover of the live map.
	sum := 0
	for round := 0; round < 200; round++ {
		var head *rec
		for i := 0; i < 20000; i++ {
			head = &rec{id: i, next: head}
		}
		for p := head; p != nil; p = p.next {
			sum += p.id & 1
		}
		for i := 0; i < 2000; i++ {
			k := (round*2000 + i) % (nodes / 2)
			recs[k] = &rec{id: k, name: "s", score: float64(round)}
		}
	}
	fmt.Println(tree.count(), len(recs), sum)
}
