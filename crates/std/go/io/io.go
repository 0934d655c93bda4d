// Package io: the Writer and Reader interfaces.
package io

type Writer interface {
	Write(p []byte) (n int, err error)
}

type Reader interface {
	Read(p []byte) (n int, err error)
}

type StringWriter interface {
	WriteString(s string) (n int, err error)
}

type eofError struct{}

func (eofError) Error() string { return "EOF" }

var EOF error = eofError{}
