// Package runtime: the runtime error type, collection control and memory statistics.
package runtime

// Error identifies a run-time error.
type Error interface {
	error
	RuntimeError()
}

// The dynamic types of the VM's run-time error panics, as Go's runtime has them (the VM
// boxes each panic's message as one of these: crates/vm/src/panic.rs). Each holds just
// its message.

// errorString: `runtime error: integer divide by zero`, nil dereference, ...
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return string(e) }

// boundsError: `runtime error: index out of range [5] with length 3`, slice bounds.
type boundsError string

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string { return string(e) }

// plainError: run-time errors without the prefix (`close of closed channel`).
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string { return string(e) }

// A TypeAssertionError explains a failed type assertion.
type TypeAssertionError struct {
	msg string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string { return e.msg }

// A PanicNilError happens when code calls panic(nil).
type PanicNilError struct {
	// This field makes PanicNilError structurally different from
	// any other struct in this package, and the _ makes it different
	// from any struct in other packages too.
	_ [0]*PanicNilError
}

func (*PanicNilError) Error() string { return "panic called with nil argument" }
func (*PanicNilError) RuntimeError() {}

// MemProfileRate controls the fraction of memory allocations that are recorded and
// reported in the memory profile. The profiler aims to sample an average of one
// allocation per MemProfileRate bytes allocated. To include every allocated block in the
// profile, set MemProfileRate to 1. To turn off profiling entirely, set MemProfileRate to
// 0. gosub keeps the profile only when asked (`gosub run --memprofile`, or a program that
// imports runtime/pprof), and the VM reads this variable at each allocation then
// (crates/vm/src/alloc_profile.rs); otherwise it starts at 0, as Go's linker sets it in a
// program that cannot read the profile.
var MemProfileRate int = defaultMemProfileRate()

// defaultMemProfileRate is 512 KiB when the VM keeps an allocation profile, else 0.
func defaultMemProfileRate() int

// GC runs a full (major) garbage collection: every reachable young object is
// promoted, the old and large-object spaces are marked and swept.
func GC()

// MemStats records statistics about the memory allocator, with Go's field names,
// types and layout. gosub fills every field with a true value except those marked
// "always 0" (allocator internals gosub does not have). Sizes include gosub's 8-byte
// object header; old-space objects count their size-class cell.
type MemStats struct {
	// Alloc is bytes of allocated heap objects (same as HeapAlloc).
	Alloc uint64
	// TotalAlloc is cumulative bytes allocated for heap objects.
	TotalAlloc uint64
	// Sys is the total bytes of memory obtained from the OS (committed): heap
	// spaces, goroutine stacks, constants and globals.
	Sys uint64
	// Lookups: always 0 (gosub has no pointer lookups by the runtime).
	Lookups uint64
	// Mallocs is the cumulative count of heap objects allocated.
	Mallocs uint64
	// Frees is the cumulative count of heap objects freed.
	Frees uint64

	// HeapAlloc is bytes of allocated heap objects: the nursery and survivor
	// spaces' used parts, old-space cells in use and large objects.
	HeapAlloc uint64
	// HeapSys is bytes of heap memory obtained from the OS.
	HeapSys uint64
	// HeapIdle is bytes in idle (unused) spans.
	HeapIdle uint64
	// HeapInuse is bytes in in-use spans.
	HeapInuse uint64
	// HeapReleased is bytes of physical memory returned to the OS.
	HeapReleased uint64
	// HeapObjects is the number of allocated heap objects.
	HeapObjects uint64

	// StackInuse is bytes in stack spans (committed goroutine stacks).
	StackInuse uint64
	// StackSys is bytes of stack memory obtained from the OS.
	StackSys uint64
	// MSpanInuse, MSpanSys, MCacheInuse, MCacheSys, BuckHashSys, GCSys,
	// OtherSys: always 0 (gosub's allocator metadata lives outside the VM).
	MSpanInuse  uint64
	MSpanSys    uint64
	MCacheInuse uint64
	MCacheSys   uint64
	BuckHashSys uint64
	GCSys       uint64
	OtherSys    uint64

	// NextGC is the target heap size of the next major collection: the old
	// generation's goal plus the nursery.
	NextGC uint64
	// LastGC is the time the last collection finished, as nanoseconds since
	// 1970 (the UNIX epoch).
	LastGC uint64
	// PauseTotalNs is the cumulative nanoseconds in stop-the-world pauses.
	PauseTotalNs uint64
	// PauseNs is a circular buffer of recent pause times in nanoseconds; the
	// most recent pause is at PauseNs[(NumGC+255)%256].
	PauseNs [256]uint64
	// PauseEnd is a circular buffer of recent pause end times (ns since 1970).
	PauseEnd [256]uint64
	// NumGC is the number of completed collections (minor and major).
	NumGC uint32
	// NumForcedGC is the number of collections forced by runtime.GC or
	// debug.FreeOSMemory.
	NumForcedGC uint32
	// GCCPUFraction is the fraction of the program's wall time spent in
	// collections since it started.
	GCCPUFraction float64
	// EnableGC is always true.
	EnableGC bool
	// DebugGC: always false.
	DebugGC bool
	// BySize: always 0 (per-size-class statistics are not kept).
	BySize [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// ReadMemStats populates m with memory allocator statistics.
func ReadMemStats(m *MemStats)


func NumGoroutine() int

func KeepAlive(x any) {}

func Gosched()

func GOMAXPROCS(n int) int { return 1 }

// SetDefaultGOMAXPROCS sets GOMAXPROCS to the runtime's default: gosub runs goroutines on
// one thread, so it stays 1.
func SetDefaultGOMAXPROCS() {}

// GOROOT returns the GOROOT environment variable of the VM's environment; gosub has no Go
// tree of its own, so it is "" when the variable is not set (deprecated in Go).
func GOROOT() string

func NumCPU() int { return 1 }
