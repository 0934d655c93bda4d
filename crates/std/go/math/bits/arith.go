// Full-width arithmetic of math/bits: additions and subtractions with carry and borrow,
// double-width products, and division of a double-width dividend.
//
// Invariants: carry and borrow inputs are 0 or 1 (Go leaves other values undefined; these
// functions then give the same bits Go's do); Div64 and Div32 panic with a real division
// by zero when y is 0, and with overflowError when the quotient does not fit (y <= hi).
package bits

// runtimeError is a runtime.Error with the runtime's message, for the quotient overflow
// the runtime itself raises in Go (runtime.overflowError).
type runtimeError string

func (e runtimeError) RuntimeError() {}

func (e runtimeError) Error() string { return "runtime error: " + string(e) }

var overflowError error = runtimeError("integer overflow")

// Add returns the sum with carry of x, y and carry: sum = x + y + carry; carryOut is 0 or 1.
func Add(x, y, carry uint) (sum, carryOut uint) {
	s, c := Add64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}

// Add32 returns the sum with carry of x, y and carry: sum = x + y + carry; carryOut is 0 or 1.
func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	sum64 := uint64(x) + uint64(y) + uint64(carry)
	return uint32(sum64), uint32(sum64 >> 32)
}

// Add64 returns the sum with carry of x, y and carry: sum = x + y + carry; carryOut is 0 or 1.
func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	// The carry out is the top bit of the majority of x, y and the complement of sum.
	carryOut = ((x & y) | ((x | y) &^ sum)) >> 63
	return
}

// Sub returns the difference of x, y and borrow: diff = x - y - borrow; borrowOut is 0 or 1.
func Sub(x, y, borrow uint) (diff, borrowOut uint) {
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}

// Sub32 returns the difference of x, y and borrow: diff = x - y - borrow; borrowOut is 0 or 1.
func Sub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	diff = x - y - borrow
	borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> 31
	return
}

// Sub64 returns the difference of x, y and borrow: diff = x - y - borrow; borrowOut is 0 or 1.
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> 63
	return
}

// Mul returns the full-width product of x and y: (hi, lo) = x * y.
func Mul(x, y uint) (hi, lo uint) {
	h, l := Mul64(uint64(x), uint64(y))
	return uint(h), uint(l)
}

// Mul32 returns the 64-bit product of x and y: (hi, lo) = x * y.
func Mul32(x, y uint32) (hi, lo uint32) {
	tmp := uint64(x) * uint64(y)
	return uint32(tmp >> 32), uint32(tmp)
}

// Mul64 returns the 128-bit product of x and y: (hi, lo) = x * y.
func Mul64(x, y uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	x0, x1 := x&mask32, x>>32
	y0, y1 := y&mask32, y>>32
	w0 := x0 * y0
	t := x1*y0 + w0>>32
	w1 := t&mask32 + x0*y1
	hi = x1*y1 + t>>32 + w1>>32
	lo = x * y
	return
}

// Div returns the quotient and remainder of (hi, lo) divided by y; it panics for y == 0
// (division by zero) or y <= hi (quotient overflow).
func Div(hi, lo, y uint) (quo, rem uint) {
	q, r := Div64(uint64(hi), uint64(lo), uint64(y))
	return uint(q), uint(r)
}

// Div32 returns the quotient and remainder of (hi, lo) divided by y; it panics for y == 0
// (division by zero) or y <= hi (quotient overflow).
func Div32(hi, lo, y uint32) (quo, rem uint32) {
	if y != 0 && y <= hi {
		panic(overflowError)
	}
	z := uint64(hi)<<32 | uint64(lo)
	return uint32(z / uint64(y)), uint32(z % uint64(y))
}

// Div64 returns the quotient and remainder of (hi, lo) divided by y; it panics for y == 0
// (division by zero) or y <= hi (quotient overflow).
func Div64(hi, lo, y uint64) (quo, rem uint64) {
	if y == 0 {
		_ = hi / y // the runtime's divide error
	}
	if y <= hi {
		panic(overflowError)
	}
	// Restoring long division, one quotient bit per step: rem < y holds before each
	// shift, so the shifted remainder is below 2y (its 65th bit is the carry).
	rem = hi
	for i := 63; i >= 0; i-- {
		carry := rem >> 63
		rem = rem<<1 | (lo>>uint(i))&1
		quo <<= 1
		if carry != 0 || rem >= y {
			rem -= y
			quo |= 1
		}
	}
	return quo, rem
}

// Rem returns the remainder of (hi, lo) divided by y; it panics for y == 0 (division by
// zero) but, unlike Div, not on a quotient overflow.
func Rem(hi, lo, y uint) uint { return uint(Rem64(uint64(hi), uint64(lo), uint64(y))) }

// Rem32 returns the remainder of (hi, lo) divided by y; it panics for y == 0 (division by
// zero) but, unlike Div32, not on a quotient overflow.
func Rem32(hi, lo, y uint32) uint32 {
	return uint32((uint64(hi)<<32 | uint64(lo)) % uint64(y))
}

// Rem64 returns the remainder of (hi, lo) divided by y; it panics for y == 0 (division by
// zero) but, unlike Div64, not on a quotient overflow.
func Rem64(hi, lo, y uint64) uint64 {
	// (hi, lo) ≡ (hi % y, lo) mod y, and hi % y < y cannot overflow.
	_, rem := Div64(hi%y, lo, y)
	return rem
}
