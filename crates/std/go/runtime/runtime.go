// Package runtime: the runtime error type, collection control and memory statistics.
package runtime

// Error identifies a run-time error.
type Error interface {
	error
	RuntimeError()
}

// errorString is the dynamic type of run-time error panics raised by the VM.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return string(e) }

// GC runs a full garbage collection.
func GC()

func NumGoroutine() int { return 1 }

func KeepAlive(x any) {}

func Gosched() {}

func GOMAXPROCS(n int) int { return 1 }

func NumCPU() int { return 1 }
