// Package runtime/debug: FreeOSMemory and GC percent control.
//
// ReadGCStats and GCStats are not provided: their fields are time.Time and
// time.Duration values and gosub has no package time. runtime.ReadMemStats has the
// same information (NumGC, PauseTotalNs, PauseNs, PauseEnd, LastGC).
package debug

// FreeOSMemory forces a full collection and returns as much memory to the operating
// system as possible (visible in runtime.MemStats.HeapReleased).
func FreeOSMemory()

// SetGCPercent sets the garbage collection target percentage (GOGC) and returns the
// previous setting. A negative percentage disables major collections by pacing.
func SetGCPercent(percent int) int
