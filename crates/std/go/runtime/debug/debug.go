// Package runtime/debug: FreeOSMemory and GC percent control.
package debug

// FreeOSMemory forces a full collection and returns free memory to the operating system.
func FreeOSMemory()

func SetGCPercent(percent int) int
