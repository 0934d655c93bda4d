// Package strconv: conversions to and from strings.
package strconv

type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

type strError struct{ s string }

func (e *strError) Error() string { return e.s }

var ErrRange error = &strError{"value out of range"}
var ErrSyntax error = &strError{"invalid syntax"}

const IntSize = 64

func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func Quote(s string) string
func QuoteRune(r rune) string
func QuoteToASCII(s string) string

// parseInt returns the value and an error code: 0 ok, 1 syntax, 2 range.
func parseInt(s string, base int, bitSize int) (int64, int)
func parseUint(s string, base int, bitSize int) (uint64, int)
// parseFloatPrefix reads the longest prefix of s that is a float: value, bytes read and
// an error code as parseInt's.
func parseFloatPrefix(s string, bitSize int) (float64, int, int)
func unquote(s string) (string, bool)

func Itoa(i int) string { return FormatInt(int64(i), 10) }

func numErr(fn, s string, code int) error {
	if code == 1 {
		return &NumError{fn, s, ErrSyntax}
	}
	return &NumError{fn, s, ErrRange}
}

func Atoi(s string) (int, error) {
	v, code := parseInt(s, 10, 0)
	if code != 0 {
		return int(v), numErr("Atoi", s, code)
	}
	return int(v), nil
}

func ParseInt(s string, base int, bitSize int) (int64, error) {
	v, code := parseInt(s, base, bitSize)
	if code != 0 {
		return v, numErr("ParseInt", s, code)
	}
	return v, nil
}

func ParseUint(s string, base int, bitSize int) (uint64, error) {
	v, code := parseUint(s, base, bitSize)
	if code != 0 {
		return v, numErr("ParseUint", s, code)
	}
	return v, nil
}

func ParseFloat(s string, bitSize int) (float64, error) {
	f, n, code := parseFloatPrefix(s, bitSize)
	if n != len(s) && code != 1 {
		return 0, numErr("ParseFloat", s, 1)
	}
	if code != 0 {
		return f, numErr("ParseFloat", s, code)
	}
	return f, nil
}

// FormatComplex formats c as (a+bi), a and b as FormatFloat formats them with bitSize/2.
func FormatComplex(c complex128, fmt byte, prec, bitSize int) string {
	if bitSize != 64 && bitSize != 128 {
		panic("invalid bitSize")
	}
	bitSize >>= 1 // complex64 uses float32 internally
	re := FormatFloat(real(c), fmt, prec, bitSize)
	im := FormatFloat(imag(c), fmt, prec, bitSize)
	// The imaginary part always has a sign.
	if im[0] != '+' && im[0] != '-' {
		im = "+" + im
	}
	return "(" + re + im + "i)"
}

// ParseComplex reads a complex number of the form N, Ni or N±Ni (N as ParseFloat reads
// it), possibly parenthesized, with the precision of bitSize (64: complex64).
func ParseComplex(s string, bitSize int) (complex128, error) {
	c, code := parseComplex(s, bitSize)
	if code != 0 {
		return c, numErr("ParseComplex", s, code)
	}
	return c, nil
}

// parseComplex is Go's internal/strconv.ParseComplex, with error codes.
func parseComplex(s string, bitSize int) (complex128, int) {
	size := 64
	if bitSize == 64 {
		size = 32 // complex64 uses float32 parts
	}
	// Remove parentheses, if any.
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = s[1 : len(s)-1]
	}
	pending := 0 // pending range error, or 0
	// Read real part (possibly imaginary part if followed by 'i').
	re, n, code := parseFloatPrefix(s, size)
	if code != 0 {
		if code != 2 {
			return 0, code
		}
		pending = code
	}
	s = s[n:]
	// If we have nothing left, we're done.
	if len(s) == 0 {
		return complex(re, 0), pending
	}
	// Otherwise, look at the next character.
	switch s[0] {
	case '+':
		// Consume the '+' to avoid an error if we have "+NaNi", but
		// do this only if we don't have a "++" (don't hide that error).
		if len(s) > 1 && s[1] != '+' {
			s = s[1:]
		}
	case '-':
		// ok
	case 'i':
		// If 'i' is the last character, we only have an imaginary part.
		if len(s) == 1 {
			return complex(0, re), pending
		}
		return 0, 1
	default:
		return 0, 1
	}
	// Read imaginary part.
	im, n, code := parseFloatPrefix(s, size)
	if code != 0 {
		if code != 2 {
			return 0, code
		}
		pending = code
	}
	s = s[n:]
	if s != "i" {
		return 0, 1
	}
	return complex(re, im), pending
}

func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func Unquote(s string) (string, error) {
	r, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return r, nil
}

func AppendInt(dst []byte, i int64, base int) []byte { return append(dst, FormatInt(i, base)...) }

func AppendQuote(dst []byte, s string) []byte { return append(dst, Quote(s)...) }

func AppendQuoteRune(dst []byte, r rune) []byte { return append(dst, QuoteRune(r)...) }

func QuoteRuneToASCII(r rune) string { return QuoteRune(r) }

func CanBackquote(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '`' || (c < ' ' && c != '\t') || c == 0x7F {
			return false
		}
	}
	return true
}
