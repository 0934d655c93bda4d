// Package C: gosub's emulation of cgo's pseudo-package "C" for programs that use C's
// allocator and C's numeric types but no C code of their own (there is no C compiler:
// a preamble comment before `import "C"` is ignored, and only the names below exist).
//
// Differences from cgo, on purpose:
//   - Names are C's, lower case (C.malloc, C.int) and still visible outside the package:
//     the checker treats every name of package C as exported (crates/types/src/lookup.rs).
//   - C memory is outside the garbage-collected heap (it is never scanned, moved or
//     collected) and is tracked by the VM (crates/vm/src/cmem.rs): a double free, a free of
//     a pointer C.malloc did not return, and an access after free are fatal errors naming
//     the source positions; blocks never freed are listed at exit with --gcstats or
//     GOSUBDEBUG=cleak=1.
//   - Using C without `import "C"` is accepted with a warning (gc says `undefined: C`;
//     `gosub run --strict` does too).
//
// The numeric types are defined types as cgo defines them on linux/amd64
// (`type _Ctype_int int32`, and size_t an alias of ulong), so C.int and int32 need an
// explicit conversion, as with cgo.
package C

import "unsafe"

type char int8
type schar int8
type uchar uint8
type short int16
type ushort uint16
type int int32
type uint uint32
type long int64
type ulong uint64
type longlong int64
type ulonglong uint64
type float float32
type double float64
type size_t = ulong

// malloc allocates n bytes of C memory (zeroed, in gosub). Like cgo's C.malloc it never
// returns nil: running out of memory is a fatal error. malloc(0) returns a unique
// non-nil pointer.
func malloc(n size_t) unsafe.Pointer

// calloc allocates zeroed C memory for n objects of size bytes each.
func calloc(n size_t, size size_t) unsafe.Pointer

// realloc resizes the block at p (nil: like malloc) to n bytes, keeping its contents up
// to the smaller size; the block may move. realloc(p, 0) frees p and returns nil.
func realloc(p unsafe.Pointer, n size_t) unsafe.Pointer

// free releases a block returned by malloc, calloc, realloc, CString or CBytes. free(nil)
// does nothing.
func free(p unsafe.Pointer)

// CString copies s into new C memory with a terminating NUL byte; the caller frees it.
func CString(s string) *char

// CBytes copies b into new C memory; the caller frees it.
func CBytes(b []byte) unsafe.Pointer

// GoString copies the NUL-terminated C string at p into a Go string ("" for nil).
func GoString(p *char) string

// GoStringN copies n bytes at p into a Go string.
func GoStringN(p *char, n int) string

// GoBytes copies n bytes at p into a new Go byte slice.
func GoBytes(p unsafe.Pointer, n int) []byte
