package main

// Explicit variables larger than gc's MaxStackVarSize (128 KiB) are moved to the heap
// whether or not their address is taken; those at the limit stay in the frame.
func sizes() int {
	var a [1 << 14]int64
	var b [1<<14 + 1]int64
	var c [1 << 17]byte
	var d [1<<17 + 1]byte
	a[1], b[2], c[3], d[4] = 1, 2, 3, 4
	return int(a[1]+b[2]) + int(c[3]+d[4])
}

func main() {
	println(sizes())
}
