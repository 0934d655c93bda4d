// Package strconv: conversions to and from strings.
package strconv

import "unicode/utf8"

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

// The Append functions append what the corresponding Format or Quote function returns.

func AppendInt(dst []byte, i int64, base int) []byte   { return append(dst, FormatInt(i, base)...) }
func AppendUint(dst []byte, i uint64, base int) []byte { return append(dst, FormatUint(i, base)...) }
func AppendBool(dst []byte, b bool) []byte             { return append(dst, FormatBool(b)...) }
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}
func AppendQuote(dst []byte, s string) []byte            { return append(dst, Quote(s)...) }
func AppendQuoteToASCII(dst []byte, s string) []byte     { return append(dst, QuoteToASCII(s)...) }
func AppendQuoteToGraphic(dst []byte, s string) []byte   { return append(dst, QuoteToGraphic(s)...) }
func AppendQuoteRune(dst []byte, r rune) []byte          { return append(dst, QuoteRune(r)...) }
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte   { return append(dst, QuoteRuneToASCII(r)...) }
func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte { return append(dst, QuoteRuneToGraphic(r)...) }

// Quoting and printability (natives over gosub_syntax::quote, the one implementation).
func QuoteToGraphic(s string) string
func QuoteRuneToASCII(r rune) string
func QuoteRuneToGraphic(r rune) string
func IsPrint(r rune) bool
func IsGraphic(r rune) bool
func quotedPrefix(s string) int

// QuotedPrefix returns the quoted string (as understood by Unquote) at the prefix of s.
func QuotedPrefix(s string) (string, error) {
	n := quotedPrefix(s)
	if n < 0 {
		return "", ErrSyntax
	}
	return s[:n], nil
}

// CanBackquote reports whether the string s can be represented unchanged as a
// single-line backquoted string without control characters other than tab.
func CanBackquote(s string) bool {
	for len(s) > 0 {
		r, wid := utf8.DecodeRuneInString(s)
		s = s[wid:]
		if wid > 1 {
			if r == '\ufeff' {
				return false // BOMs are invisible and should not be quoted.
			}
			continue // All other multibyte runes are correctly encoded and assumed printable.
		}
		if r == utf8.RuneError {
			return false
		}
		if (r < ' ' && r != '\t') || r == '`' || r == '\u007F' {
			return false
		}
	}
	return true
}

// UnquoteChar decodes the first character or byte in the escaped string or character
// literal represented by the string s; it returns the value, whether it needs a multibyte
// UTF-8 encoding, the rest of s, and ErrSyntax for a bad escape. quote is the quote
// character of the literal (an escaped quote of the other kind is an error), or 0.
// (strconv's API over the escapes the scanner decodes in gosub_syntax::literal.)
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	if len(s) == 0 {
		err = ErrSyntax
		return
	}
	switch c := s[0]; {
	case c == quote && (quote == '\'' || quote == '"'):
		err = ErrSyntax
		return
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRuneInString(s)
		return r, true, s[size:], nil
	case c != '\\':
		return rune(s[0]), false, s[1:], nil
	}
	if len(s) <= 1 {
		err = ErrSyntax
		return
	}
	c := s[1]
	s = s[2:]
	switch c {
	case 'a':
		value = '\a'
	case 'b':
		value = '\b'
	case 'f':
		value = '\f'
	case 'n':
		value = '\n'
	case 'r':
		value = '\r'
	case 't':
		value = '\t'
	case 'v':
		value = '\v'
	case 'x', 'u', 'U':
		n := 2
		if c == 'u' {
			n = 4
		} else if c == 'U' {
			n = 8
		}
		if len(s) < n {
			err = ErrSyntax
			return
		}
		var v rune
		for j := 0; j < n; j++ {
			x, ok := unhex(s[j])
			if !ok {
				err = ErrSyntax
				return
			}
			v = v<<4 | x
		}
		s = s[n:]
		if c == 'x' {
			value = v // a single byte, possibly not UTF-8
			break
		}
		if !utf8.ValidRune(v) {
			err = ErrSyntax
			return
		}
		value = v
		multibyte = true
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := rune(c) - '0'
		if len(s) < 2 {
			err = ErrSyntax
			return
		}
		for j := 0; j < 2; j++ {
			x := rune(s[j]) - '0'
			if x < 0 || x > 7 {
				err = ErrSyntax
				return
			}
			v = v<<3 | x
		}
		s = s[2:]
		if v > 255 {
			err = ErrSyntax
			return
		}
		value = v
	case '\\':
		value = '\\'
	case '\'', '"':
		if c != quote {
			err = ErrSyntax
			return
		}
		value = rune(c)
	default:
		err = ErrSyntax
		return
	}
	tail = s
	return
}

func unhex(b byte) (v rune, ok bool) {
	c := rune(b)
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return
}
