package main

import "fmt"

type Tree struct {
	Left, Right *Tree
	Key         int
	Count       int
}

func (t *Tree) Insert(k int) *Tree {
	if t == nil {
		return &Tree{Key: k, Count: 1}
	}
	switch {
	case k < t.Key:
		t.Left = t.Left.Insert(k)
	case k > t.Key:
		t.Right = t.Right.Insert(k)
	default:
		t.Count++
	}
	return t
}

func (t *Tree) InOrder(visit func(*Tree)) {
	if t == nil {
		return
	}
	t.Left.InOrder(visit)
	visit(t)
	t.Right.InOrder(visit)
}

func (t *Tree) Height() int {
	if t == nil {
		return 0
	}
	return 1 + max(t.Left.Height(), t.Right.Height())
}

func (t *Tree) Contains(k int) bool {
	for t != nil {
		if k == t.Key {
			return true
		} else if k < t.Key {
			t = t.Left
		} else {
			t = t.Right
		}
	}
	return false
}

func main() {
	var root *Tree
	for _, k := range []int{50, 30, 70, 20, 40, 60, 80, 30, 65, 20, 20} {
		root = root.Insert(k)
	}
	root.InOrder(func(n *Tree) { fmt.Printf("%d(x%d) ", n.Key, n.Count) })
	fmt.Println()
	fmt.Println("height", root.Height())
	fmt.Println(root.Contains(65), root.Contains(66))
	sum := 0
	root.InOrder(func(n *Tree) { sum += n.Key * n.Count })
	fmt.Println("sum", sum)
}
