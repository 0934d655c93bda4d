// Package time: durations, the wall clock and Sleep (a subset of Go's package time).
//
// Time values hold nanoseconds since the Unix epoch (UTC); formatting and time zones are
// not implemented (Time.String prints the Unix nanoseconds). Sleep parks the goroutine:
// other goroutines run meanwhile, and the program sleeps only when none can.
package time

// A Duration is an elapsed time in nanoseconds.
type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// String formats the duration as Go does: "72h3m0.5s", "1.5s", "100ms", "1µs", "0s".
func (d Duration) String() string { return formatDuration(int64(d)) }

func (d Duration) Nanoseconds() int64   { return int64(d) }
func (d Duration) Microseconds() int64  { return int64(d) / 1e3 }
func (d Duration) Milliseconds() int64  { return int64(d) / 1e6 }
func (d Duration) Seconds() float64     { return float64(d) / 1e9 }
func (d Duration) Minutes() float64     { return float64(d) / 6e10 }
func (d Duration) Hours() float64       { return float64(d) / 3.6e12 }
func (d Duration) Abs() Duration {
	if d < 0 {
		return -d
	}
	return d
}

// A Time is an instant with nanosecond precision.
type Time struct {
	ns int64
}

func (t Time) Sub(u Time) Duration    { return Duration(t.ns - u.ns) }
func (t Time) Add(d Duration) Time    { return Time{t.ns + int64(d)} }
func (t Time) Before(u Time) bool     { return t.ns < u.ns }
func (t Time) After(u Time) bool      { return t.ns > u.ns }
func (t Time) Equal(u Time) bool      { return t.ns == u.ns }
func (t Time) IsZero() bool           { return t.ns == 0 }
func (t Time) Unix() int64            { return t.ns / 1e9 }
func (t Time) UnixMilli() int64       { return t.ns / 1e6 }
func (t Time) UnixMicro() int64       { return t.ns / 1e3 }
func (t Time) UnixNano() int64        { return t.ns }
func (t Time) String() string         { return formatUnix(t.ns) }
func Unix(sec int64, nsec int64) Time { return Time{sec*1e9 + nsec} }
func UnixMilli(msec int64) Time       { return Time{msec * 1e6} }

// Now returns the current wall-clock time.
func Now() Time { return Time{nowNano()} }

// Since returns the time elapsed since t.
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the duration until t.
func Until(t Time) Duration { return t.Sub(Now()) }

// Sleep pauses the current goroutine for at least d.
func Sleep(d Duration) {
	if d > 0 {
		sleep(int64(d))
	}
}

func nowNano() int64
func sleep(ns int64)
func formatDuration(d int64) string
func formatUnix(ns int64) string
