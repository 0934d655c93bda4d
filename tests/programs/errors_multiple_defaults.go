// A select, like a switch, has at most one default: each further one is gc's
// "multiple defaults (first at ...)", always naming the first.
package main

func main() {
	c := make(chan int)
	select {
	default:
	case <-c:
	default:
	default:
	}
	switch {
	default:
	default:
	default:
	}
	var i any
	switch i.(type) {
	default:
	default:
	}
}
