// Package time, waiting: Sleep, Timer (NewTimer, After, AfterFunc), Ticker (NewTicker,
// Tick), with Go 1.23's semantics.
//
// The waiting itself is the VM scheduler's (crates/vm/src/timers.rs): Sleep parks the
// goroutine until its deadline; a timer's deadline sends the current time on its channel
// or starts AfterFunc's goroutine; other goroutines run meanwhile, and when none can, the
// program sleeps until the next deadline.
//
// Invariants (Go 1.23+): a timer channel has a one-element buffer but reports len and cap
// 0; the VM drops a tick the buffer has no room for. After Stop or Reset returns, no value
// sent before can be received (they drain the buffer), and they report true when the
// timer had not fired yet or its value was still unreceived. A Timer or Ticker holds the
// id of its VM timer while it is active (0 when stopped or fired); a timer channel nobody
// is blocked on does not keep a deadlocked program alive.
package time

// Sleep pauses the current goroutine for at least the duration d; d <= 0 returns at once.
func Sleep(d Duration) {
	if d > 0 {
		sleep(int64(d))
	}
}

func sleep(ns int64)

// The VM's timers (natives): a timer sending the time on c (loc is the sent Time's
// Location), one starting f in a goroutine, and stopTimer, true if the timer was active.
func newChanTimer(c chan Time, loc *Location, when, period int64) int64
func newFuncTimer(f func(), when int64) int64
func stopTimer(id int64) bool

// when is the deadline d from now on the VM's clock (Go's when).
func when(d Duration) int64 {
	if d <= 0 {
		return runtimeNano()
	}
	t := runtimeNano() + int64(d)
	if t < 0 {
		t = 1<<63 - 1 // math.MaxInt64
	}
	return t
}

// The Timer type represents a single event. When the Timer expires, the current time
// will be sent on C, unless the Timer was created by AfterFunc.
type Timer struct {
	C         <-chan Time
	c         chan Time
	f         func()
	id        int64
	initTimer bool
}

// drain empties a timer channel's buffer: true if it held an unreceived value.
func drain(c chan Time) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// Stop prevents the Timer from firing. It returns true if the call stops the timer, false
// if the timer has already expired (and its value was received) or been stopped.
func (t *Timer) Stop() bool {
	if !t.initTimer {
		panic("time: Stop called on uninitialized Timer")
	}
	pending := t.id != 0 && stopTimer(t.id)
	t.id = 0
	if t.c != nil && drain(t.c) {
		pending = true
	}
	return pending
}

// NewTimer creates a new Timer that will send the current time on its channel after at
// least duration d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c, c: c, initTimer: true}
	t.id = newChanTimer(c, Local, when(d), 0)
	return t
}

// Reset changes the timer to expire after duration d. It returns true if the timer had
// been active, false if the timer had expired or been stopped.
func (t *Timer) Reset(d Duration) bool {
	if !t.initTimer {
		panic("time: Reset called on uninitialized Timer")
	}
	pending := t.id != 0 && stopTimer(t.id)
	if t.c != nil {
		if drain(t.c) {
			pending = true
		}
		t.id = newChanTimer(t.c, Local, when(d), 0)
	} else {
		t.id = newFuncTimer(t.f, when(d))
	}
	return pending
}

// After waits for the duration to elapse and then sends the current time on the returned
// channel. It is equivalent to NewTimer(d).C.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for the duration to elapse and then calls f in its own goroutine. It
// returns a Timer that can be used to cancel the call using its Stop method.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{f: f, initTimer: true}
	t.id = newFuncTimer(f, when(d))
	return t
}

// A Ticker holds a channel that delivers “ticks” of a clock at intervals.
type Ticker struct {
	C          <-chan Time
	c          chan Time
	id         int64
	initTicker bool
}

// NewTicker returns a new Ticker containing a channel that will send the current time on
// the channel after each tick. The period of the ticks is specified by the duration
// argument. It panics if d <= 0.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c, c: c, initTicker: true}
	t.id = newChanTimer(c, Local, when(d), int64(d))
	return t
}

// Stop turns off a ticker. After Stop, no more ticks will be sent.
func (t *Ticker) Stop() {
	if !t.initTicker {
		return
	}
	if t.id != 0 {
		stopTimer(t.id)
		t.id = 0
	}
	drain(t.c)
}

// Reset stops a ticker and resets its period to the specified duration. The next tick
// will arrive after the new period elapses. It panics if d <= 0.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if !t.initTicker {
		panic("time: Reset called on uninitialized Ticker")
	}
	if t.id != 0 {
		stopTimer(t.id)
	}
	drain(t.c)
	t.id = newChanTimer(t.c, Local, when(d), int64(d))
}

// Tick is a convenience wrapper for NewTicker providing access to the ticking channel
// only. Unlike NewTicker, Tick will return nil if d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
