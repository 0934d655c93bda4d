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
func parseFloat(s string, bitSize int) (float64, int)
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
	v, code := parseFloat(s, bitSize)
	if code != 0 {
		return v, numErr("ParseFloat", s, code)
	}
	return v, nil
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
