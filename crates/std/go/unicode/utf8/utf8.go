// Package unicode/utf8: rune encoding and decoding. Decoding, counting and validation are
// natives (crates/std/src/utf8.rs) that read slices and strings in place.
//
// Invariant: an invalid or incomplete sequence decodes as RuneError of width 1, the
// empty input as RuneError of width 0, exactly as Go's.
package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

func DecodeRune(p []byte) (r rune, size int)
func DecodeRuneInString(s string) (r rune, size int)
func DecodeLastRune(p []byte) (r rune, size int)
func DecodeLastRuneInString(s string) (r rune, size int)
func RuneCount(p []byte) int
func RuneCountInString(s string) int
func Valid(p []byte) bool
func ValidString(s string) bool

func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case 0xD800 <= r && r <= 0xDFFF:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

func ValidRune(r rune) bool {
	return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= MaxRune)
}

func EncodeRune(p []byte, r rune) int {
	b := AppendRune(nil, r)
	return copy(p, b)
}

func AppendRune(p []byte, r rune) []byte {
	if r >= 0 && r < 0x80 {
		return append(p, byte(r))
	}
	if !ValidRune(r) {
		r = RuneError
	}
	switch {
	case r < 0x800:
		return append(p, byte(0xC0|r>>6), byte(0x80|r&0x3F))
	case r < 0x10000:
		return append(p, byte(0xE0|r>>12), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return append(p, byte(0xF0|r>>18), byte(0x80|(r>>12)&0x3F), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
}

func FullRuneInString(s string) bool {
	if len(s) == 0 {
		return false
	}
	r, size := DecodeRuneInString(s)
	if r != RuneError || size != 1 {
		return true
	}
	c := s[0]
	need := 0
	switch {
	case c < 0xC0:
		return true
	case c < 0xE0:
		need = 2
	case c < 0xF0:
		need = 3
	case c < 0xF8:
		need = 4
	default:
		return true
	}
	if len(s) >= need {
		return true
	}
	for i := 1; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			return true
		}
	}
	return false
}

func FullRune(p []byte) bool { return FullRuneInString(string(p)) }

// RuneStart reports whether the byte could be the first byte of an encoded, possibly
// invalid rune. Second and subsequent bytes always have the top two bits set to 10.
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }
