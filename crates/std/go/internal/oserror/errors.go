// Package oserror: the sentinel errors shared by io/fs, os and syscall (Go's
// internal/oserror, Copyright 2020 The Go Authors, BSD-style license). One owner for these
// values, so that syscall.Errno.Is and fs.ErrNotExist agree.
package oserror

import "errors"

var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)
