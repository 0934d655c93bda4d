// container/heap: a priority queue with updates (Fix) and removals, an int heap whose
// Less and Swap calls are counted (the same calls as Go's), and heap sort by repeated Pop.
package main

import (
	"container/heap"
	"fmt"
	"strings"
)

type Item struct {
	value    string
	priority int
	index    int
}

type PQ []*Item

func (pq PQ) Len() int            { return len(pq) }
func (pq PQ) Less(i, j int) bool  { return pq[i].priority > pq[j].priority }
func (pq PQ) Swap(i, j int)       { pq[i], pq[j] = pq[j], pq[i]; pq[i].index = i; pq[j].index = j }
func (pq *PQ) Push(x any)         { it := x.(*Item); it.index = len(*pq); *pq = append(*pq, it) }
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	it := old[n-1]
	old[n-1] = nil
	it.index = -1
	*pq = old[:n-1]
	return it
}

type counted struct {
	xs          []int
	less, swaps int
}

func (h *counted) Len() int           { return len(h.xs) }
func (h *counted) Less(i, j int) bool { h.less++; return h.xs[i] < h.xs[j] }
func (h *counted) Swap(i, j int)      { h.swaps++; h.xs[i], h.xs[j] = h.xs[j], h.xs[i] }
func (h *counted) Push(x any)         { h.xs = append(h.xs, x.(int)) }
func (h *counted) Pop() any {
	x := h.xs[len(h.xs)-1]
	h.xs = h.xs[:len(h.xs)-1]
	return x
}

func main() {
	items := map[string]int{"banana": 3, "apple": 2, "pear": 4}
	pq := PQ{}
	for _, name := range []string{"banana", "apple", "pear"} {
		pq = append(pq, &Item{value: name, priority: items[name], index: len(pq)})
	}
	heap.Init(&pq)
	orange := &Item{value: "orange", priority: 1}
	heap.Push(&pq, orange)
	orange.priority = 5
	heap.Fix(&pq, orange.index)
	removed := heap.Remove(&pq, pq[len(pq)-1].index).(*Item)
	fmt.Println("removed", removed.value, removed.index)
	for pq.Len() > 0 {
		it := heap.Pop(&pq).(*Item)
		fmt.Printf("%.2d:%s ", it.priority, it.value)
	}
	fmt.Println()

	h := &counted{}
	x := uint32(2463534242)
	for i := 0; i < 200; i++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		h.xs = append(h.xs, int(x%100))
	}
	heap.Init(h)
	fmt.Println("init:", h.less, h.swaps)
	for i := 0; i < 50; i++ {
		heap.Push(h, i*7%100)
	}
	heap.Fix(h, 10)
	h.xs[5] = -1
	heap.Fix(h, 5)
	heap.Remove(h, 20)
	var out []string
	for h.Len() > 0 {
		out = append(out, fmt.Sprint(heap.Pop(h)))
	}
	fmt.Println("pops:", h.less, h.swaps, len(out))
	fmt.Println(strings.Join(out[:30], " "))
}
