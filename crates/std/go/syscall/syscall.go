// Package syscall: the parts of Go's syscall package that scripts see through package os,
// for Linux: Errno with Go's messages (the error table of zerrors_linux_amd64.go,
// Copyright 2009 The Go Authors, BSD-style license, crates/std/go/LICENSE), the errno
// constants (zerrors.go), the open(2) flags and the file-type bits. No system calls: package os's
// natives make them and report errno numbers, which are Linux's.
//
// Invariants: an Errno's Error() is Linux's strerror text as Go prints it ("errno N" for an
// unknown one); Is maps errnos onto the io/fs sentinel errors (internal/oserror) as Go does.
package syscall

import (
	"errors"
	"internal/oserror"
	"strconv"
)

// An Errno is an unsigned number describing an error condition.
type Errno uintptr

func (e Errno) Error() string {
	// Skip e lines of the table; what is left of the next one is the message.
	s := errorText
	for n := e; n > 0 && s != ""; n-- {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		s = s[min(i+1, len(s)):]
	}
	i := 0
	for i < len(s) && s[i] != '\n' {
		i++
	}
	if i > 0 {
		return s[:i]
	}
	return "errno " + strconv.Itoa(int(e))
}

func (e Errno) Is(target error) bool {
	switch target {
	case oserror.ErrPermission:
		return e == EACCES || e == EPERM
	case oserror.ErrExist:
		return e == EEXIST || e == ENOTEMPTY
	case oserror.ErrNotExist:
		return e == ENOENT
	case errors.ErrUnsupported:
		return e == ENOSYS || e == ENOTSUP || e == EOPNOTSUPP
	}
	return false
}

func (e Errno) Temporary() bool {
	return e == EINTR || e == EMFILE || e == ENFILE || e.Timeout()
}

func (e Errno) Timeout() bool {
	return e == EAGAIN || e == EWOULDBLOCK || e == ETIMEDOUT
}

// open(2) flags.
const (
	O_RDONLY = 0x0
	O_WRONLY = 0x1
	O_RDWR   = 0x2
	O_APPEND = 0x400
	O_CREAT  = 0x40
	O_EXCL   = 0x80
	O_SYNC   = 0x101000
	O_TRUNC  = 0x200
)

// File type bits of a stat's mode.
const (
	S_IFBLK  = 0x6000
	S_IFCHR  = 0x2000
	S_IFDIR  = 0x4000
	S_IFIFO  = 0x1000
	S_IFLNK  = 0xa000
	S_IFMT   = 0xf000
	S_IFREG  = 0x8000
	S_IFSOCK = 0xc000
	S_ISGID  = 0x400
	S_ISUID  = 0x800
	S_ISVTX  = 0x200
)

// Error table: line N of errorText (counting from 0, the empty text before the first
// newline) is errno N's message, empty where Linux has none. (One raw string rather than a
// keyed [...]string: a program that only may print an Errno checks one constant, not 130.)
const errorText = `
operation not permitted
no such file or directory
no such process
interrupted system call
input/output error
no such device or address
argument list too long
exec format error
bad file descriptor
no child processes
resource temporarily unavailable
cannot allocate memory
permission denied
bad address
block device required
device or resource busy
file exists
invalid cross-device link
no such device
not a directory
is a directory
invalid argument
too many open files in system
too many open files
inappropriate ioctl for device
text file busy
file too large
no space left on device
illegal seek
read-only file system
too many links
broken pipe
numerical argument out of domain
numerical result out of range
resource deadlock avoided
file name too long
no locks available
function not implemented
directory not empty
too many levels of symbolic links

no message of desired type
identifier removed
channel number out of range
level 2 not synchronized
level 3 halted
level 3 reset
link number out of range
protocol driver not attached
no CSI structure available
level 2 halted
invalid exchange
invalid request descriptor
exchange full
no anode
invalid request code
invalid slot

bad font file format
device not a stream
no data available
timer expired
out of streams resources
machine is not on the network
package not installed
object is remote
link has been severed
advertise error
srmount error
communication error on send
protocol error
multihop attempted
RFS specific error
bad message
value too large for defined data type
name not unique on network
file descriptor in bad state
remote address changed
can not access a needed shared library
accessing a corrupted shared library
.lib section in a.out corrupted
attempting to link in too many shared libraries
cannot exec a shared library directly
invalid or incomplete multibyte or wide character
interrupted system call should be restarted
streams pipe error
too many users
socket operation on non-socket
destination address required
message too long
protocol wrong type for socket
protocol not available
protocol not supported
socket type not supported
operation not supported
protocol family not supported
address family not supported by protocol
address already in use
cannot assign requested address
network is down
network is unreachable
network dropped connection on reset
software caused connection abort
connection reset by peer
no buffer space available
transport endpoint is already connected
transport endpoint is not connected
cannot send after transport endpoint shutdown
too many references: cannot splice
connection timed out
connection refused
host is down
no route to host
operation already in progress
operation now in progress
stale file handle
structure needs cleaning
not a XENIX named type file
no XENIX semaphores available
is a named type file
remote I/O error
disk quota exceeded
no medium found
wrong medium type
operation canceled
required key not available
key has expired
key has been revoked
key was rejected by service
owner died
state not recoverable
operation not possible due to RF-kill`

