// Package bytealg, file bytealg.go: gosub's internal/bytealg, the portable Go code of Go
// 1.26.6's internal/bytealg (Copyright The Go Authors, BSD-style license,
// crates/std/go/LICENSE): bytealg.go's PrimeRK, HashStr, HashStrRev, IndexRabinKarp and
// LastIndexRabinKarp, and the files Go builds on architectures without assembly
// (lastindexbyte_generic.go, index_generic.go) unchanged; IndexByte, IndexByteString,
// Count and CountString are natives (crates/std/src/bytes.rs) where Go has them in
// assembly; CompareString (compare_generic.go's result), and MakeNoZero (in Go a runtime hook) as
// a stand-in. Left out: bytealg.go's CPU-feature offsets (internal/cpu, unsafe.Offsetof).
//
// Invariants: MaxLen is 0 and MaxBruteForce 0 as on an architecture without assembly, so
// callers (internal/stringslite) never reach Index, IndexString or Cutover, which panic as
// Go's generic ones do.
package bytealg

// MaxLen is the maximum length of the string to be searched for (argument b) in Index.
// If MaxLen is not 0, make sure MaxLen >= 4.
var MaxLen int

// PrimeRK is the prime base used in Rabin-Karp algorithm.
const PrimeRK = 16777619

// HashStr returns the hash and the appropriate multiplicative
// factor for use in Rabin-Karp algorithm.
func HashStr[T string | []byte](sep T) (uint32, uint32) {
	hash := uint32(0)
	for i := 0; i < len(sep); i++ {
		hash = hash*PrimeRK + uint32(sep[i])
	}
	var pow, sq uint32 = 1, PrimeRK
	for i := len(sep); i > 0; i >>= 1 {
		if i&1 != 0 {
			pow *= sq
		}
		sq *= sq
	}
	return hash, pow
}

// HashStrRev returns the hash of the reverse of sep and the
// appropriate multiplicative factor for use in Rabin-Karp algorithm.
func HashStrRev[T string | []byte](sep T) (uint32, uint32) {
	hash := uint32(0)
	for i := len(sep) - 1; i >= 0; i-- {
		hash = hash*PrimeRK + uint32(sep[i])
	}
	var pow, sq uint32 = 1, PrimeRK
	for i := len(sep); i > 0; i >>= 1 {
		if i&1 != 0 {
			pow *= sq
		}
		sq *= sq
	}
	return hash, pow
}

// IndexRabinKarp uses the Rabin-Karp search algorithm to return the index of the
// first occurrence of sep in s, or -1 if not present.
func IndexRabinKarp[T string | []byte](s, sep T) int {
	// Rabin-Karp search
	hashss, pow := HashStr(sep)
	n := len(sep)
	var h uint32
	for i := 0; i < n; i++ {
		h = h*PrimeRK + uint32(s[i])
	}
	if h == hashss && string(s[:n]) == string(sep) {
		return 0
	}
	for i := n; i < len(s); {
		h *= PrimeRK
		h += uint32(s[i])
		h -= pow * uint32(s[i-n])
		i++
		if h == hashss && string(s[i-n:i]) == string(sep) {
			return i - n
		}
	}
	return -1
}

// LastIndexRabinKarp uses the Rabin-Karp search algorithm to return the last index of the
// occurrence of sep in s, or -1 if not present.
func LastIndexRabinKarp[T string | []byte](s, sep T) int {
	// Rabin-Karp search from the end of the string
	hashss, pow := HashStrRev(sep)
	n := len(sep)
	last := len(s) - n
	var h uint32
	for i := len(s) - 1; i >= last; i-- {
		h = h*PrimeRK + uint32(s[i])
	}
	if h == hashss && string(s[last:]) == string(sep) {
		return last
	}
	for i := last - 1; i >= 0; i-- {
		h *= PrimeRK
		h += uint32(s[i])
		h -= pow * uint32(s[i+n])
		if h == hashss && string(s[i:i+n]) == string(sep) {
			return i
		}
	}
	return -1
}

func IndexByte(b []byte, c byte) int // native (bytes.rs), as Go's assembly on amd64

func IndexByteString(s string, c byte) int // native (bytes.rs), as Go's assembly on amd64

func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func LastIndexByteString(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func Count(b []byte, c byte) int // native (bytes.rs), as Go's assembly on amd64

func CountString(s string, c byte) int // native (bytes.rs), as Go's assembly on amd64

const MaxBruteForce = 0

// Index returns the index of the first instance of b in a, or -1 if b is not present in a.
// Requires 2 <= len(b) <= MaxLen.
func Index(a, b []byte) int {
	panic("unimplemented")
}

// IndexString returns the index of the first instance of b in a, or -1 if b is not present in a.
// Requires 2 <= len(b) <= MaxLen.
func IndexString(a, b string) int {
	panic("unimplemented")
}

// Cutover reports the number of failures of IndexByte we should tolerate
// before switching over to Index.
// n is the number of bytes processed so far.
// See the bytes.Index implementation for details.
func Cutover(n int) int {
	panic("unimplemented")
}

// CompareString returns an integer comparing two strings lexicographically: Go's
// runtime.cmpstring result, computed by the VM's own string comparison.
func CompareString(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return +1
}

// MakeNoZero makes a slice of length n and capacity of at least n Bytes without zeroing
// the bytes (in gosub they are zero). Its capacity is the allocator's size class for n,
// as Go's is, because append from nil rounds up the same way (strings.Builder's Cap
// shows it).
func MakeNoZero(n int) []byte {
	return append([]byte(nil), make([]byte, n)...)
}
