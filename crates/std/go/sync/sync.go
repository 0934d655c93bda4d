// Package sync: WaitGroup, Mutex, RWMutex, Once and Locker for gosub's goroutines (this
// file); Cond (cond.go), Map (map.go), Pool (pool.go) and OnceFunc/OnceValue/OnceValues
// (oncefunc.go).
//
// gosub runs all goroutines on one thread and switches only at blocking operations, calls
// and loop back-edges, never inside a function body between two statements of these
// methods' straight-line code, so plain fields plus a channel to sleep on are enough.
package sync

// A WaitGroup waits for a collection of goroutines to finish.
type WaitGroup struct {
	n    int
	wake chan struct{}
}

func (wg *WaitGroup) Add(delta int) {
	wg.n += delta
	if wg.n < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if wg.n == 0 && wg.wake != nil {
		close(wg.wake)
		wg.wake = nil
	}
}

func (wg *WaitGroup) Done() { wg.Add(-1) }

func (wg *WaitGroup) Wait() {
	if wg.n == 0 {
		return
	}
	if wg.wake == nil {
		wg.wake = make(chan struct{})
	}
	w := wg.wake
	<-w
}

// Go calls f in a new goroutine and adds that task to the WaitGroup (Go 1.25).
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// A Mutex is a mutual exclusion lock.
type Mutex struct {
	locked bool
	wake   chan struct{}
}

func (m *Mutex) Lock() {
	for m.locked {
		if m.wake == nil {
			m.wake = make(chan struct{})
		}
		w := m.wake
		<-w
	}
	m.locked = true
}

func (m *Mutex) TryLock() bool {
	if m.locked {
		return false
	}
	m.locked = true
	return true
}

func (m *Mutex) Unlock() {
	if !m.locked {
		fatal("sync: unlock of unlocked mutex")
	}
	m.locked = false
	if m.wake != nil {
		close(m.wake)
		m.wake = nil
	}
}

// An RWMutex is a reader/writer mutual exclusion lock.
type RWMutex struct {
	w       Mutex
	readers int
	wake    chan struct{}
}

func (rw *RWMutex) Lock() {
	rw.w.Lock()
	for rw.readers > 0 {
		if rw.wake == nil {
			rw.wake = make(chan struct{})
		}
		w := rw.wake
		<-w
	}
}

func (rw *RWMutex) Unlock() {
	if !rw.w.locked {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	rw.w.Unlock()
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if rw.readers > 0 {
		rw.w.Unlock()
		return false
	}
	return true
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	if rw.w.locked {
		return false
	}
	rw.readers++
	return true
}

// RLocker returns a Locker interface that implements the Lock and Unlock methods by
// calling rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

func (rw *RWMutex) RLock() {
	rw.w.Lock()
	rw.readers++
	rw.w.Unlock()
}

func (rw *RWMutex) RUnlock() {
	rw.readers--
	if rw.readers < 0 {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	if rw.readers == 0 && rw.wake != nil {
		close(rw.wake)
		rw.wake = nil
	}
}

// Locker is the interface of Lock and Unlock.
type Locker interface {
	Lock()
	Unlock()
}

// Once performs exactly one action.
type Once struct {
	done bool
	m    Mutex
}

func (o *Once) Do(f func()) {
	if o.done {
		return
	}
	o.m.Lock()
	defer o.m.Unlock()
	if !o.done {
		defer func() { o.done = true }()
		f()
	}
}

func fatal(s string)
