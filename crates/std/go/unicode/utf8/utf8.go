// Package unicode/utf8: rune encoding and decoding.
package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

func DecodeRuneInString(s string) (r rune, size int) {
	if len(s) == 0 {
		return RuneError, 0
	}
	for i, c := range s {
		_ = i
		if c == RuneError {
			// Either a real U+FFFD (3 bytes) or an invalid byte (1 byte).
			if len(s) >= 3 && s[0] == 0xEF && s[1] == 0xBF && s[2] == 0xBD {
				return c, 3
			}
			return c, 1
		}
		return c, RuneLen(c)
	}
	return RuneError, 1
}

func DecodeRune(p []byte) (r rune, size int) { return DecodeRuneInString(string(p)) }

func DecodeLastRuneInString(s string) (r rune, size int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	start := end - 1
	for start > 0 && end-start < UTFMax && s[start]&0xC0 == 0x80 {
		start--
	}
	r, size = DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

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

func RuneCountInString(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

func RuneCount(p []byte) int { return RuneCountInString(string(p)) }

func ValidString(s string) bool {
	for i, r := range s {
		if r == RuneError {
			_, size := DecodeRuneInString(s[i:])
			if size == 1 {
				return false
			}
		}
	}
	return true
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

func Valid(p []byte) bool { return ValidString(string(p)) }

func DecodeLastRune(p []byte) (r rune, size int) { return DecodeLastRuneInString(string(p)) }
