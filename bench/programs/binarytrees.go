// binarytrees: allocation and garbage collection. Many short-lived trees, one long-lived tree.
package main

import "fmt"

type Node struct{ left, right *Node }

func make_(d int) *Node {
	if d == 0 {
		return &Node{}
	}
	return &Node{make_(d - 1), make_(d - 1)}
}

func (n *Node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	const maxDepth = 16
	long := make_(maxDepth)
	for d := 4; d <= maxDepth; d += 2 {
		iters := 1 << (maxDepth - d + 4)
		sum := 0
		for i := 0; i < iters; i++ {
			sum += make_(d).check()
		}
		fmt.Println(iters, "trees of depth", d, "check:", sum)
	}
	fmt.Println("long lived tree of depth", maxDepth, "check:", long.check())
}
