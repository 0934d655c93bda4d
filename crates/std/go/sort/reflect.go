// Stand-ins for the two internal/reflectlite calls of Go's sort.Slice, SliceStable and
// SliceIsSorted (the other files of this package are Go 1.26's sort sources, BSD
// license, see crates/std/go/LICENSE): the length of any slice and a function swapping
// two of its elements, both natives (sort.rs) because they work on a slice of any type.
//
// Invariant: as with reflect, a non-slice argument panics in Swapper, before any element
// is compared; Len of a non-slice panics in Len.
package sort

// lenOf is the length of the slice held by x (native).
func lenOf(x any) int

// swapAny swaps elements i and j of the slice held by x (native; it panics as reflect's
// Swapper does for a non-slice, and with the runtime's index error for a bad index).
func swapAny(x any, i, j int)

// checkSwapper panics as reflect.Swapper does when x does not hold a slice (native).
func checkSwapper(x any)

type reflectValue struct{ x any }

func reflectliteValueOf(x any) reflectValue { return reflectValue{x} }

func (v reflectValue) Len() int { return lenOf(v.x) }

func reflectliteSwapper(x any) func(i, j int) {
	checkSwapper(x)
	return func(i, j int) { swapAny(x, i, j) }
}
