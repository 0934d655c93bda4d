// Package os, file file.go: File (Stdin, Stdout, Stderr, Open, Create, OpenFile, NewFile)
// and its methods, ReadFile and WriteFile, following Go's os/file.go and file_unix.go
// (Copyright 2009 The Go Authors, BSD-style license, crates/std/go/LICENSE) over the
// natives of crates/std/src/os_file.rs.
//
// Invariants: a *File's descriptor is the VM's (0-2 its standard streams, others its own
// table), never the host's; every error is Go's: a *PathError with the operation ("open",
// "read", "write", "seek", "close", ...), the name as given and a syscall.Errno (EACCES
// when the host did not grant the path), ErrClosed after Close, ErrInvalid on a nil *File;
// Read returns io.EOF at the end; a directory's entries are listed sorted by name.
package os

import (
	"errors"
	"io"
	"io/fs"
	"syscall"
)

// File represents an open file descriptor.
type File struct {
	*file
}

type file struct {
	fd         int
	name       string
	closed     bool
	appendMode bool
	dirNames   []string // a directory's names, read on first use
	dirRead    bool
	dirPos     int
}

// Flags to OpenFile (Linux's values).
const (
	O_RDONLY int = syscall.O_RDONLY
	O_WRONLY int = syscall.O_WRONLY
	O_RDWR   int = syscall.O_RDWR
	O_APPEND int = syscall.O_APPEND
	O_CREATE int = syscall.O_CREAT
	O_EXCL   int = syscall.O_EXCL
	O_SYNC   int = syscall.O_SYNC
	O_TRUNC  int = syscall.O_TRUNC
)

// Seek whence values (deprecated: use io.SeekStart, io.SeekCurrent, io.SeekEnd).
const (
	SEEK_SET int = 0
	SEEK_CUR int = 1
	SEEK_END int = 2
)

const (
	PathSeparator     = '/'
	PathListSeparator = ':'
	DevNull           = "/dev/null"
)

var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

func sysOpen(name string, flag int, perm int) (int, int)
func sysRead(fd int, b []byte) (int, int)
func sysPread(fd int, b []byte, off int64) (int, int)
func sysWrite(fd int, b []byte) (int, int)
func sysWriteString(fd int, s string) (int, int)
func sysPwrite(fd int, b []byte, off int64) (int, int)
func sysSeek(fd int, off int64, whence int) (int64, int)
func sysClose(fd int) int
func sysFsync(fd int) int
func sysFtruncate(fd int, size int64) int
func sysFstat(fd int) (size int64, mode int, sec int64, nsec int64, e int)
func sysReadDirNames(fd int) (string, int)

// NewFile returns a new File with the given descriptor and name (gosub's descriptors:
// 0, 1 and 2 are the standard streams).
func NewFile(fd uintptr, name string) *File {
	return &File{&file{fd: int(fd), name: name}}
}

// Name returns the name of the file as presented to Open.
func (f *File) Name() string { return f.name }

// Fd returns the file's descriptor (gosub's, not the host's).
func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

// checkValid checks whether f is valid for use.
func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	return nil
}

// wrapErr wraps an error that occurred during an operation on an open file.
func (f *File) wrapErr(op string, err error) error {
	if err == nil || err == io.EOF {
		return err
	}
	return &PathError{Op: op, Path: f.name, Err: err}
}

// Open opens the named file for reading.
func Open(name string) (*File, error) {
	return OpenFile(name, O_RDONLY, 0)
}

// Create creates or truncates the named file (mode 0666 before umask).
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// OpenFile is the generalized open call.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	mode := int(perm.Perm())
	if perm&ModeSetuid != 0 {
		mode |= syscall.S_ISUID
	}
	if perm&ModeSetgid != 0 {
		mode |= syscall.S_ISGID
	}
	if perm&ModeSticky != 0 {
		mode |= syscall.S_ISVTX
	}
	fd, e := sysOpen(name, flag, mode)
	if e != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: syscall.Errno(e)}
	}
	f := NewFile(uintptr(fd), name)
	f.appendMode = flag&O_APPEND != 0
	return f, nil
}

// Read reads up to len(b) bytes from the File and stores them in b; at end of file it
// returns 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if f.closed {
		return 0, f.wrapErr("read", ErrClosed)
	}
	n, e := sysRead(f.fd, b)
	if e != 0 {
		return 0, f.wrapErr("read", syscall.Errno(e))
	}
	if n == 0 && len(b) > 0 {
		return 0, io.EOF
	}
	return n, nil
}

// ReadAt reads len(b) bytes from the File starting at byte offset off; it returns a
// non-nil error when n < len(b) (io.EOF at end of file).
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "readat", Path: f.name, Err: errors.New("negative offset")}
	}
	if f.closed {
		return 0, f.wrapErr("read", ErrClosed)
	}
	for len(b) > 0 {
		m, e := sysPread(f.fd, b, off)
		if e != 0 {
			err = f.wrapErr("read", syscall.Errno(e))
			break
		}
		if m == 0 {
			return n, io.EOF
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return
}

// onlyWriter and onlyReader hide a File's ReadFrom and WriteTo from io.Copy.
type onlyWriter struct{ f *File }

func (w onlyWriter) Write(b []byte) (int, error) { return w.f.Write(b) }

type onlyReader struct{ f *File }

func (r onlyReader) Read(b []byte) (int, error) { return r.f.Read(b) }

// ReadFrom implements io.ReaderFrom (by io.Copy through the File's Write).
func (f *File) ReadFrom(r io.Reader) (n int64, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	return io.Copy(onlyWriter{f}, r)
}

// WriteTo implements io.WriterTo (by io.Copy through the File's Read).
func (f *File) WriteTo(w io.Writer) (n int64, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	return io.Copy(w, onlyReader{f})
}

// Write writes len(b) bytes from b to the File.
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if f.closed {
		return 0, f.wrapErr("write", ErrClosed)
	}
	n, e := sysWrite(f.fd, b)
	if e != 0 {
		return n, f.wrapErr("write", syscall.Errno(e))
	}
	if n != len(b) {
		return n, io.ErrShortWrite
	}
	return n, nil
}

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if f.closed {
		return 0, f.wrapErr("write", ErrClosed)
	}
	n, e := sysWriteString(f.fd, s)
	if e != 0 {
		return n, f.wrapErr("write", syscall.Errno(e))
	}
	return n, nil
}

var errWriteAtInAppendMode = errors.New("os: invalid use of WriteAt on file opened with O_APPEND")

// WriteAt writes len(b) bytes to the File starting at byte offset off.
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if f.appendMode {
		return 0, errWriteAtInAppendMode
	}
	if off < 0 {
		return 0, &PathError{Op: "writeat", Path: f.name, Err: errors.New("negative offset")}
	}
	if f.closed {
		return 0, f.wrapErr("write", ErrClosed)
	}
	n, e := sysPwrite(f.fd, b, off)
	if e != 0 {
		return 0, f.wrapErr("write", syscall.Errno(e))
	}
	return n, nil
}

// Seek sets the offset for the next Read or Write on file to offset, interpreted
// according to whence.
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.checkValid("seek"); err != nil {
		return 0, err
	}
	if f.closed {
		return 0, f.wrapErr("seek", ErrClosed)
	}
	r, e := sysSeek(f.fd, offset, whence)
	if e == 0 && f.dirRead && r != 0 {
		e = int(syscall.EISDIR)
	}
	if e != 0 {
		return 0, f.wrapErr("seek", syscall.Errno(e))
	}
	if f.dirRead && r == 0 {
		f.dirPos = 0
	}
	return r, nil
}

// Close closes the File; a second Close returns an error.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	if e := sysClose(f.fd); e != 0 {
		return &PathError{Op: "close", Path: f.name, Err: syscall.Errno(e)}
	}
	return nil
}

// Sync commits the current contents of the file to stable storage.
func (f *File) Sync() error {
	if err := f.checkValid("sync"); err != nil {
		return err
	}
	if f.closed {
		return f.wrapErr("sync", ErrClosed)
	}
	return f.wrapErr("sync", errno(sysFsync(f.fd)))
}

// Truncate changes the size of the file.
func (f *File) Truncate(size int64) error {
	if err := f.checkValid("truncate"); err != nil {
		return err
	}
	if f.closed {
		return f.wrapErr("truncate", ErrClosed)
	}
	return f.wrapErr("truncate", errno(sysFtruncate(f.fd, size)))
}

// Chmod changes the mode of the file to mode.
func (f *File) Chmod(mode FileMode) error {
	if err := f.checkValid("chmod"); err != nil {
		return err
	}
	if f.closed {
		return f.wrapErr("chmod", ErrClosed)
	}
	if e := sysChmod(f.name, int(syscallMode(mode))); e != 0 {
		return f.wrapErr("chmod", syscall.Errno(e))
	}
	return nil
}

// Chdir changes the current working directory to the file, which must be a directory.
func (f *File) Chdir() error {
	if err := f.checkValid("chdir"); err != nil {
		return err
	}
	return Chdir(f.name)
}

// Stat returns the FileInfo structure describing file.
func (f *File) Stat() (FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	if f.closed {
		return nil, &PathError{Op: "stat", Path: f.name, Err: ErrClosed}
	}
	if f.fd < 3 {
		// The VM's standard streams: pipes as far as scripts can tell.
		return &fileStat{name: basename(f.name), mode: ModeNamedPipe | 0600}, nil
	}
	size, mode, sec, nsec, e := sysFstat(f.fd)
	if e != 0 {
		return nil, &PathError{Op: "stat", Path: f.name, Err: syscall.Errno(e)}
	}
	return newFileStat(basename(f.name), size, mode, sec, nsec), nil
}

// ReadFile reads the named file and returns its contents; a successful call returns
// err == nil, not err == EOF.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int
	if info, err := f.Stat(); err == nil {
		size64 := info.Size()
		if int64(int(size64)) == size64 {
			size = int(size64)
		}
	}
	size++ // one byte for final read at EOF
	// If a file claims a small size, read at least 512 bytes.
	if size < 512 {
		size = 512
	}
	data := make([]byte, 0, size)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
		if len(data) >= cap(data) {
			d := append(data[:cap(data)], 0)
			data = d[:len(data)]
		}
	}
}

// WriteFile writes data to the named file, creating it with perm (before umask) if
// necessary, truncating it otherwise.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// syscallMode returns the syscall-specific mode bits from Go's portable mode bits.
func syscallMode(i FileMode) (o uint32) {
	o |= uint32(i.Perm())
	if i&ModeSetuid != 0 {
		o |= syscall.S_ISUID
	}
	if i&ModeSetgid != 0 {
		o |= syscall.S_ISGID
	}
	if i&ModeSticky != 0 {
		o |= syscall.S_ISVTX
	}
	return
}

var _ fs.File = (*File)(nil)
