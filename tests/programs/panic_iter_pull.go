// A panic in a pulled sequence that nobody recovers: raised by next, with gc's traceback.
package main

import (
	"fmt"
	"iter"
)

func main() {
	next, stop := iter.Pull(iter.Seq[string](func(yield func(string) bool) {
		yield("first")
		var m map[string]int
		m["x"] = 1
	}))
	defer stop()
	fmt.Println(next())
	fmt.Println(next())
}
