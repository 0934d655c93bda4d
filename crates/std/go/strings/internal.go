// Stand-ins for the internal packages Go's strings is built on (internal/bytealg,
// internal/stringslite, internal/abi), which gosub's standard library does not have. The
// other files of this package are Go 1.26's strings sources (BSD license, see
// crates/std/go/LICENSE) with `bytealg.X` and `stringslite.X` renamed to the functions
// below, abi.NoEscape removed, and Index a native (strings.rs).
//
// Invariants: every function here returns what its Go counterpart returns; the choices
// Go makes for speed only (MaxBruteForce = 0 disables the assembly-assisted path, which
// gives the same results) do not change any result. MakeNoZero's capacity is the
// allocator's size class for n, as Go's is, because append from nil rounds up the same
// way (strings.Builder's Cap shows it).
package strings

import "unicode/utf8"

const bytealg_PrimeRK = 16777619

// bytealg_MaxBruteForce is 0: no assembly IndexString, so strings.go never calls it.
const bytealg_MaxBruteForce = 0

func bytealg_IndexString(a, b string) int { return Index(a, b) }

func bytealg_Cutover(n int) int { return (n + 16) / 8 }

func bytealg_IndexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func bytealg_LastIndexByteString(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func bytealg_CountString(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

func bytealg_CompareString(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return +1
}

// bytealg_HashStrRev returns the hash of the reverse of sep and the appropriate factor
// for use in Rabin-Karp algorithm.
func bytealg_HashStrRev(sep string) (uint32, uint32) {
	hash := uint32(0)
	for i := len(sep) - 1; i >= 0; i-- {
		hash = hash*bytealg_PrimeRK + uint32(sep[i])
	}
	var pow, sq uint32 = 1, bytealg_PrimeRK
	for i := len(sep); i > 0; i >>= 1 {
		if i&1 != 0 {
			pow *= sq
		}
		sq *= sq
	}
	return hash, pow
}

// bytealg_MakeNoZero returns a slice of length n whose capacity is n rounded up to the
// allocator's size class.
func bytealg_MakeNoZero(n int) []byte {
	return append([]byte(nil), make([]byte, n)...)
}

func stringslite_IndexByte(s string, c byte) int { return bytealg_IndexByteString(s, c) }

func stringslite_HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

func stringslite_HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

func stringslite_TrimPrefix(s, prefix string) string {
	if stringslite_HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

func stringslite_TrimSuffix(s, suffix string) string {
	if stringslite_HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

func stringslite_Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func stringslite_CutPrefix(s, prefix string) (after string, found bool) {
	if !stringslite_HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func stringslite_CutSuffix(s, suffix string) (before string, found bool) {
	if !stringslite_HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// stringslite_Clone returns a fresh copy of s (nothing is allocated for "").
func stringslite_Clone(s string) string {
	if len(s) == 0 {
		return ""
	}
	b := make([]byte, len(s))
	copy(b, s)
	return string(b)
}

var _ = utf8.RuneSelf
