// Package runtime/debug: FreeOSMemory, GC percent control and GC statistics, Stack,
// PrintStack, SetMemoryLimit, SetMaxStack, SetMaxThreads, and build information (mod.go).
package debug

import (
	"runtime"
	"time"
)

// FreeOSMemory forces a full collection and returns as much memory to the operating
// system as possible (visible in runtime.MemStats.HeapReleased).
func FreeOSMemory()

// SetGCPercent sets the garbage collection target percentage (GOGC) and returns the
// previous setting. A negative percentage disables major collections by pacing.
func SetGCPercent(percent int) int

// GCStats collects information about recent garbage collections.
type GCStats struct {
	LastGC         time.Time       // time of last collection
	NumGC          int64           // number of garbage collections
	PauseTotal     time.Duration   // total pause for all collections
	Pause          []time.Duration // pause history, most recent first
	PauseEnd       []time.Time     // pause end times history, most recent first
	PauseQuantiles []time.Duration
}

// ReadGCStats reads statistics about garbage collection into stats, from the same
// counters as runtime.ReadMemStats (the last 256 pauses are kept).
func ReadGCStats(stats *GCStats) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	stats.NumGC = int64(m.NumGC)
	stats.PauseTotal = time.Duration(m.PauseTotalNs)
	stats.LastGC = time.Unix(0, int64(m.LastGC))
	n := int(m.NumGC)
	if n > len(m.PauseNs) {
		n = len(m.PauseNs)
	}
	stats.Pause = stats.Pause[:0]
	stats.PauseEnd = stats.PauseEnd[:0]
	for i := 0; i < n; i++ {
		j := (int(m.NumGC) - 1 - i) % len(m.PauseNs)
		stats.Pause = append(stats.Pause, time.Duration(m.PauseNs[j]))
		stats.PauseEnd = append(stats.PauseEnd, time.Unix(0, int64(m.PauseEnd[j])))
	}
	if q := len(stats.PauseQuantiles); q > 0 {
		sorted := append([]time.Duration(nil), stats.Pause...)
		for i := 1; i < len(sorted); i++ {
			for k := i; k > 0 && sorted[k] < sorted[k-1]; k-- {
				sorted[k], sorted[k-1] = sorted[k-1], sorted[k]
			}
		}
		for i := 0; i < q; i++ {
			if len(sorted) == 0 {
				stats.PauseQuantiles[i] = 0
				continue
			}
			if q == 1 {
				stats.PauseQuantiles[i] = sorted[len(sorted)-1]
				continue
			}
			stats.PauseQuantiles[i] = sorted[i*(len(sorted)-1)/(q-1)]
		}
	}
}

// Stack returns a formatted stack trace of the goroutine that calls it (runtime.Stack's
// text, this function included).
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// SetMemoryLimit provides the runtime with a soft memory limit and returns the previous
// one (initially math.MaxInt64: none, or GOMEMLIMIT's value); a negative limit only reads
// it. As in Go, the collector then runs more often as the heap nears the limit, GOGC=off
// included. gosub counts the heap against it (its old generation plus the young
// generation's capacity), not stacks or other runtime memory.
func SetMemoryLimit(limit int64) int64

// SetMaxStack sets the maximum amount of memory a single goroutine stack may use (gosub's
// frames, whose sizes are gosub's, not gc's) and returns the previous setting, initially
// 1,000,000,000 bytes as on 64-bit Go. A goroutine that grows past it, or past the range
// gosub reserved for it (1 GiB for main, 8 MiB for others), dies of stack overflow.
func SetMaxStack(bytes int) int

// SetMaxThreads sets the maximum number of operating system threads the program may use
// and returns the previous setting (initially 10000). gosub runs every goroutine on one
// thread, so no program reaches the limit.
func SetMaxThreads(threads int) int {
	old := maxThreads
	maxThreads = threads
	return old
}

var maxThreads = 10000

// PrintStack prints to standard error the stack trace returned by Stack.
func PrintStack() {
	print(string(Stack()))
}
