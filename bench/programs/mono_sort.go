// slices.Sort's algorithm written by hand for []int: the by-hand half of the generics sort
// benchmark (generics_sort.go sorts the same data with slices.Sort). It is gosub's
// crates/std/go/slices/zsortordered.go with E = int and cmp.Less(a, b) as a < b, so both
// make the same comparisons and swaps and print the same result.
package main

import "fmt"

func main() {
	xs := make([]int, 1_000_000)
	r := uint64(88172645463325252)
	for i := range xs {
		r ^= r << 13
		r ^= r >> 7
		r ^= r << 17
		xs[i] = int(r % 1_000_000)
	}
	pdqsortInts(xs, 0, len(xs), bitLen(uint(len(xs))))
	sum := 0
	for i, x := range xs {
		if i > 0 && xs[i-1] > x {
			fmt.Println("not sorted at", i)
			return
		}
		sum = (sum*31 + x) % 1_000_000_007
	}
	fmt.Println(xs[0], xs[len(xs)/2], xs[len(xs)-1], sum)
}

// sortedHint is what choosing a pivot learned about the order of the range.
type sortedHint int

const (
	unknownHint sortedHint = iota
	increasingHint
	decreasingHint
)

// xorshift is the pseudo-random generator breakPatterns uses (Marsaglia's xorshift).
type xorshift uint64

func (r *xorshift) Next() uint64 {
	*r ^= *r << 13
	*r ^= *r >> 7
	*r ^= *r << 17
	return uint64(*r)
}

func nextPowerOfTwo(length int) uint {
	return 1 << bitLen(uint(length))
}

// bitLen is math/bits.Len: the number of bits needed to represent x (0 for 0).
func bitLen(x uint) int {
	n := 0
	for x != 0 {
		x >>= 1
		n++
	}
	return n
}

// insertionSortInts sorts data[a:b] by insertion.
func insertionSortInts(data []int, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && (data[j] < data[j-1]); j-- {
			data[j], data[j-1] = data[j-1], data[j]
		}
	}
}

// siftDownInts restores the heap property of data[lo:hi], a heap rooted at first.
func siftDownInts(data []int, lo, hi, first int) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			break
		}
		if child+1 < hi && (data[first+child] < data[first+child+1]) {
			child++
		}
		if !(data[first+root] < data[first+child]) {
			return
		}
		data[first+root], data[first+child] = data[first+child], data[first+root]
		root = child
	}
}

// heapSortInts sorts data[a:b] with a max-heap.
func heapSortInts(data []int, a, b int) {
	first := a
	lo := 0
	hi := b - a
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDownInts(data, i, hi, first)
	}
	for i := hi - 1; i >= 0; i-- {
		data[first], data[first+i] = data[first+i], data[first]
		siftDownInts(data, lo, i, first)
	}
}

// pdqsortInts sorts data[a:b]; limit is how many bad (very unbalanced) pivots it
// accepts before it falls back to heapsort.
func pdqsortInts(data []int, a, b, limit int) {
	const maxInsertion = 12

	wasBalanced := true    // the last partition was reasonably balanced
	wasPartitioned := true // the last partition moved nothing

	for {
		length := b - a
		if length <= maxInsertion {
			insertionSortInts(data, a, b)
			return
		}
		if limit == 0 {
			heapSortInts(data, a, b)
			return
		}
		if !wasBalanced {
			breakPatternsInts(data, a, b)
			limit--
		}

		pivot, hint := choosePivotInts(data, a, b)
		if hint == decreasingHint {
			reverseRangeInts(data, a, b)
			// The pivot was pivot-a after the start; now it is as far before the end.
			pivot = (b - 1) - (pivot - a)
			hint = increasingHint
		}

		// Probably sorted already: a few insertion steps may finish the job.
		if wasBalanced && wasPartitioned && hint == increasingHint {
			if partialInsertionSortInts(data, a, b) {
				return
			}
		}

		// The element before the range is a pivot no greater than this one: many
		// duplicates, so split off the elements equal to the pivot.
		if a > 0 && !(data[a-1] < data[pivot]) {
			mid := partitionEqualInts(data, a, b, pivot)
			a = mid
			continue
		}

		mid, alreadyPartitioned := partitionInts(data, a, b, pivot)
		wasPartitioned = alreadyPartitioned

		leftLen, rightLen := mid-a, b-mid
		balanceThreshold := length / 8
		// Recurse into the shorter side, loop on the longer one.
		if leftLen < rightLen {
			wasBalanced = leftLen >= balanceThreshold
			pdqsortInts(data, a, mid, limit)
			a = mid + 1
		} else {
			wasBalanced = rightLen >= balanceThreshold
			pdqsortInts(data, mid+1, b, limit)
			b = mid
		}
	}
}

// partitionInts partitions data[a:b] around p = data[pivot]: afterwards data[i] < p
// before newpivot, data[newpivot] == p, and data[j] >= p after it. alreadyPartitioned
// reports that no element had to move.
func partitionInts(data []int, a, b, pivot int) (newpivot int, alreadyPartitioned bool) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1 // data[i..j] (inclusive) is still to be partitioned

	for i <= j && (data[i] < data[a]) {
		i++
	}
	for i <= j && !(data[j] < data[a]) {
		j--
	}
	if i > j {
		data[j], data[a] = data[a], data[j]
		return j, true
	}
	data[i], data[j] = data[j], data[i]
	i++
	j--

	for {
		for i <= j && (data[i] < data[a]) {
			i++
		}
		for i <= j && !(data[j] < data[a]) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	data[j], data[a] = data[a], data[j]
	return j, false
}

// partitionEqualInts moves the elements of data[a:b] equal to data[pivot] before the
// greater ones (there are no smaller ones) and returns where the greater ones start.
func partitionEqualInts(data []int, a, b, pivot int) (newpivot int) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1

	for {
		for i <= j && !(data[a] < data[i]) {
			i++
		}
		for i <= j && (data[a] < data[j]) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	return i
}

// partialInsertionSortInts fixes up to 5 adjacent out-of-order pairs of data[a:b]
// (none in a range shorter than 50) and reports whether the range is then sorted.
func partialInsertionSortInts(data []int, a, b int) bool {
	const (
		maxSteps         = 5
		shortestShifting = 50
	)
	i := a + 1
	for j := 0; j < maxSteps; j++ {
		for i < b && !(data[i] < data[i-1]) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < shortestShifting {
			return false
		}
		data[i], data[i-1] = data[i-1], data[i]

		// Shift the smaller element left...
		if i-a >= 2 {
			for j := i - 1; j >= 1; j-- {
				if !(data[j] < data[j-1]) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
		// ...and the greater one right.
		if b-i >= 2 {
			for j := i + 1; j < b; j++ {
				if !(data[j] < data[j-1]) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
	}
	return false
}

// breakPatternsInts swaps three elements around the middle of data[a:b] with
// pseudo-random ones, seeded by the length, to break patterns that unbalance partitions.
func breakPatternsInts(data []int, a, b int) {
	length := b - a
	if length >= 8 {
		random := xorshift(length)
		modulus := nextPowerOfTwo(length)
		for idx := a + (length/4)*2 - 1; idx <= a+(length/4)*2+1; idx++ {
			other := int(uint(random.Next()) & (modulus - 1))
			if other >= length {
				other -= length
			}
			data[idx], data[a+other] = data[a+other], data[idx]
		}
	}
}

// choosePivotInts picks a pivot of data[a:b]: a fixed one below 8 elements, the
// median of three up to 50, Tukey's ninther beyond. The hint says whether the samples
// were in increasing order (no swaps), decreasing order (all 12 swaps) or neither.
func choosePivotInts(data []int, a, b int) (pivot int, hint sortedHint) {
	const (
		shortestNinther = 50
		maxSwaps        = 4 * 3
	)
	l := b - a
	swaps := 0
	i := a + l/4*1
	j := a + l/4*2
	k := a + l/4*3

	if l >= 8 {
		if l >= shortestNinther {
			i = medianAdjacentInts(data, i, &swaps)
			j = medianAdjacentInts(data, j, &swaps)
			k = medianAdjacentInts(data, k, &swaps)
		}
		j = medianInts(data, i, j, k, &swaps)
	}

	switch swaps {
	case 0:
		return j, increasingHint
	case maxSwaps:
		return j, decreasingHint
	default:
		return j, unknownHint
	}
}

// order2Ints returns a, b ordered so that data[x] <= data[y], counting a swap.
func order2Ints(data []int, a, b int, swaps *int) (int, int) {
	if (data[b] < data[a]) {
		*swaps++
		return b, a
	}
	return a, b
}

// medianInts returns whichever of a, b, c indexes the median of their elements.
func medianInts(data []int, a, b, c int, swaps *int) int {
	a, b = order2Ints(data, a, b, swaps)
	b, c = order2Ints(data, b, c, swaps)
	a, b = order2Ints(data, a, b, swaps)
	return b
}

// medianAdjacentInts returns the index of the median of data[a-1], data[a], data[a+1].
func medianAdjacentInts(data []int, a int, swaps *int) int {
	return medianInts(data, a-1, a, a+1, swaps)
}

func reverseRangeInts(data []int, a, b int) {
	i := a
	j := b - 1
	for i < j {
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
}

func swapRangeInts(data []int, a, b, n int) {
	for i := 0; i < n; i++ {
		data[a+i], data[b+i] = data[b+i], data[a+i]
	}
}

// stableInts sorts data[:n] stably: insertion-sorted blocks of 20, then rounds of
// SymMerge of neighbouring blocks, doubling the block size each round.
func stableInts(data []int, n int) {
	blockSize := 20
	a, b := 0, blockSize
	for b <= n {
		insertionSortInts(data, a, b)
		a = b
		b += blockSize
	}
	insertionSortInts(data, a, n)

	for blockSize < n {
		a, b = 0, 2*blockSize
		for b <= n {
			symMergeInts(data, a, a+blockSize, b)
			a = b
			b += 2 * blockSize
		}
		if m := a + blockSize; m < n {
			symMergeInts(data, a, m, n)
		}
		blockSize *= 2
	}
}

// symMergeInts merges the sorted data[a:m] and data[m:b] in place and stably (Kim and
// Kutzner's SymMerge, ESA 2004). It needs a < m && m < b.
func symMergeInts(data []int, a, m, b int) {
	// One element on the left: binary-search its place in data[m:b] and rotate it there.
	if m-a == 1 {
		i := m
		j := b
		for i < j {
			h := int(uint(i+j) >> 1)
			if (data[h] < data[a]) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := a; k < i-1; k++ {
			data[k], data[k+1] = data[k+1], data[k]
		}
		return
	}
	// One element on the right: its place in data[a:m] is after every element <= it.
	if b-m == 1 {
		i := a
		j := m
		for i < j {
			h := int(uint(i+j) >> 1)
			if !(data[m] < data[h]) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := m; k > i; k-- {
			data[k], data[k-1] = data[k-1], data[k]
		}
		return
	}

	mid := int(uint(a+b) >> 1)
	n := mid + m
	var start, r int
	if m > mid {
		start = n - b
		r = mid
	} else {
		start = a
		r = m
	}
	p := n - 1
	for start < r {
		c := int(uint(start+r) >> 1)
		if !(data[p-c] < data[c]) {
			start = c + 1
		} else {
			r = c
		}
	}

	end := n - start
	if start < m && m < end {
		rotateInts(data, start, m, end)
	}
	if a < start && start < mid {
		symMergeInts(data, a, start, mid)
	}
	if mid < end && end < b {
		symMergeInts(data, mid, end, b)
	}
}

// rotateInts exchanges the neighbouring blocks data[a:m] and data[m:b] with at most
// b-a swaps. It needs a < m && m < b.
func rotateInts(data []int, a, m, b int) {
	i := m - a
	j := b - m
	for i != j {
		if i > j {
			swapRangeInts(data, m-i, m, j)
			i -= j
		} else {
			swapRangeInts(data, m-i, m+j-i, i)
			j -= i
		}
	}
	swapRangeInts(data, m-i, m, i)
}
