// Package fmt: formatted I/O. The formatting engine is native (crates/std/src/fmt.rs);
// these declarations give its Go signatures; Fprint* write the formatted text with one
// io.WriteString and return its result, as Go's. Scanning is in scan.go and
// scan_convert.go.
package fmt

import (
	"errors"
	"io"
	"os"
	"strconv"
	"unicode/utf8"
)

type Stringer interface {
	String() string
}

type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

type Formatter interface {
	Format(f State, verb rune)
}

type GoStringer interface {
	GoString() string
}

// formatState is the State the native printer gives a Formatter's Format method: it
// collects what Format writes and answers the directive's width, precision and flags.
type formatState struct {
	buf                 []byte
	wid, prec           int
	widOK, precOK       bool
	minus, plus, sharp  bool
	space, zero         bool
}

func (s *formatState) Write(b []byte) (int, error) {
	s.buf = append(s.buf, b...)
	return len(b), nil
}

func (s *formatState) WriteString(str string) (int, error) {
	s.buf = append(s.buf, str...)
	return len(str), nil
}

func (s *formatState) Width() (int, bool) { return s.wid, s.widOK }

func (s *formatState) Precision() (int, bool) { return s.prec, s.precOK }

func (s *formatState) Flag(c int) bool {
	switch c {
	case '-':
		return s.minus
	case '+':
		return s.plus
	case '#':
		return s.sharp
	case ' ':
		return s.space
	case '0':
		return s.zero
	}
	return false
}

// newFormatState and formatStateText are called by the native printer around a Format
// call (crates/std/src/fmt.rs, call_format).
func newFormatState(wid, prec int, widOK, precOK, minus, plus, sharp, space, zero bool) State {
	return &formatState{wid: wid, prec: prec, widOK: widOK, precOK: precOK,
		minus: minus, plus: plus, sharp: sharp, space: space, zero: zero}
}

func formatStateText(s State) string { return string(s.(*formatState).buf) }

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string

func Printf(format string, a ...any) (n int, err error) {
	s := Sprintf(format, a...)
	os.Stdout.WriteString(s)
	return len(s), nil
}

func Print(a ...any) (n int, err error) {
	s := Sprint(a...)
	os.Stdout.WriteString(s)
	return len(s), nil
}

func Println(a ...any) (n int, err error) {
	s := Sprintln(a...)
	os.Stdout.WriteString(s)
	return len(s), nil
}

func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return io.WriteString(w, Sprintf(format, a...))
}

func Fprint(w io.Writer, a ...any) (n int, err error) {
	return io.WriteString(w, Sprint(a...))
}

func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return io.WriteString(w, Sprintln(a...))
}

// Append formats using the default formats for its operands, appends the result to the
// byte slice, and returns the updated slice.
func Append(b []byte, a ...any) []byte {
	return append(b, Sprint(a...)...)
}

// Appendf formats according to a format specifier, appends the result to the byte
// slice, and returns the updated slice.
func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, Sprintf(format, a...)...)
}

// Appendln formats using the default formats for its operands, appends the result to
// the byte slice, and returns the updated slice.
func Appendln(b []byte, a ...any) []byte {
	return append(b, Sprintln(a...)...)
}

// wrapped returns the indices of the arguments %w verbs refer to (native).
func wrapped(format string, a ...any) []int

// errorf is Sprintf with %w accepting error operands.
func errorf(format string, a ...any) string

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string   { return e.msg }
func (e *wrapErrors) Unwrap() []error { return e.errs }

func Errorf(format string, a ...any) error {
	s := errorf(format, a...)
	var errs []error
	for _, i := range wrapped(format, a...) {
		if i < len(a) {
			if e, isErr := a[i].(error); isErr {
				errs = append(errs, e)
			}
		}
	}
	switch len(errs) {
	case 0:
		return errors.New(s)
	case 1:
		return &wrapError{msg: s, err: errs[0]}
	}
	return &wrapErrors{msg: s, errs: errs}
}

// FormatString returns a string representing the fully qualified formatting directive
// captured by the State, followed by the argument verb. (State does not itself contain the
// verb.) The result has a leading percent sign followed by any flags, the width, and the
// precision. Missing flags, width, and precision are omitted. (Go 1.20; as Go writes it.)
func FormatString(state State, verb rune) string {
	var tmp [16]byte // Use a local buffer.
	b := append(tmp[:0], '%')
	for _, c := range " +-#0" { // All known flags
		if state.Flag(int(c)) { // The argument is an int for historical reasons.
			b = append(b, byte(c))
		}
	}
	if w, ok := state.Width(); ok {
		b = strconv.AppendInt(b, int64(w), 10)
	}
	if p, ok := state.Precision(); ok {
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(p), 10)
	}
	b = utf8.AppendRune(b, verb)
	return string(b)
}
