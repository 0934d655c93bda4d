// The runtime's description of itself and of the call stack: GOOS, GOARCH, Compiler,
// Version, Caller, Callers, CallersFrames, FuncForPC, Stack, LockOSThread.
//
// Invariants: a PC is what the natives of callers.rs hand out (see that file); a nil
// *Func answers "" and 0 as Go's does; Frames yields the PCs it was given in order,
// skipping none (gosub inlines only leaf functions, which never appear in a stack).
// gosub reports itself as the Go it implements: Version is go1.26.6 and Compiler "gc",
// so programs that check them behave as under the toolchain gosub follows.
package runtime

// GOOS and GOARCH are the operating system and architecture gosub presents: its memory
// layout is amd64's.
const (
	GOOS   = "linux"
	GOARCH = "amd64"
)

// Compiler is the name of the compiler toolchain whose behaviour gosub follows.
const Compiler = "gc"

// Version returns the Go version gosub implements.
func Version() string { return "go1.26.6" }

// Caller reports file and line number information about function invocations on the
// calling goroutine's stack; skip 0 is the caller of Caller.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers fills the slice pc with the program counters of function invocations on the
// calling goroutine's stack (skip 0 is Callers itself) and returns how many it wrote.
func Callers(skip int, pc []uintptr) int

func funcName(pc uintptr) string
func funcFileLine(pc uintptr) (file string, line int)
func stack(all bool) string

// A Func represents a Go function in the running binary.
type Func struct {
	entry uintptr
	pc    uintptr
}

// FuncForPC returns a *Func describing the function that contains the given program
// counter address, or else nil.
func FuncForPC(pc uintptr) *Func {
	if funcName(pc) == "" {
		return nil
	}
	// gosub's PCs (crates/std/src/callers.rs): the function index in bits 32..55, an
	// inline depth in bits 56..62. As gc's, a PC in inlined code names the innermost
	// function, with the entry of the function it was inlined into.
	return &Func{entry: pc & ((1<<24 - 1) << 32), pc: pc}
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return funcName(f.pc)
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

// FileLine returns the file name and line number of the source code corresponding to
// the program counter pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	if f == nil {
		return "", 0
	}
	return funcFileLine(pc)
}

// Frames may be used to get function/file/line information for a slice of PC values
// returned by Callers.
type Frames struct {
	pcs []uintptr
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to return
// function/file/line information.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{pcs: callers}
}

// Next returns a Frame representing the next call frame in the slice of PC values,
// and whether there are more frames after it.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.pcs) > 0 {
		pc := ci.pcs[0]
		ci.pcs = ci.pcs[1:]
		f := FuncForPC(pc)
		if f == nil {
			continue
		}
		file, line := funcFileLine(pc)
		frame = Frame{PC: pc, Func: f, Function: f.Name(), File: file, Line: line, Entry: f.entry}
		break
	}
	return frame, len(ci.pcs) > 0
}

// Stack formats a stack trace of the calling goroutine into buf and returns the number
// of bytes written (all: the other goroutines are not listed yet; only the caller's).
func Stack(buf []byte, all bool) int {
	return copy(buf, stack(all))
}

// Goexit terminates the goroutine that calls it, after running its deferred calls (a
// recover in them returns nil). Goexit in the main goroutine lets the others run on; when
// none is left the program dies with Go's "no goroutines" deadlock error.
func Goexit()

// LockOSThread wires the calling goroutine to its current operating system thread; all
// of gosub's goroutines run on one thread, so it holds already.
func LockOSThread() {}

// UnlockOSThread undoes an earlier call to LockOSThread.
func UnlockOSThread() {}

// NumCgoCall returns the number of cgo calls made by the current process (gosub's
// package C is emulated inside the VM and makes none).
func NumCgoCall() int64 { return 0 }
