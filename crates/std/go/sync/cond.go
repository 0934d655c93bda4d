// Cond of package sync: a rendezvous point for goroutines waiting for an event.
//
// Invariants: waiters wake in the order they called Wait (Go's notifyList hands out
// tickets in that order); Signal wakes the longest waiter, Broadcast all current ones;
// a waiter re-acquires L before Wait returns. Go's "sync.Cond is copied" check is not
// made: gosub's collector moves objects, so an address cannot identify a Cond.
package sync

// Cond implements a condition variable; L is held while observing or changing the
// condition.
type Cond struct {
	L       Locker
	waiters []chan struct{}
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait atomically unlocks c.L and suspends execution of the calling goroutine; after
// resuming, Wait locks c.L before returning.
func (c *Cond) Wait() {
	ch := make(chan struct{})
	c.waiters = append(c.waiters, ch)
	c.L.Unlock()
	<-ch
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() {
	if len(c.waiters) == 0 {
		return
	}
	close(c.waiters[0])
	c.waiters[0] = nil
	c.waiters = c.waiters[1:]
}

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() {
	for _, ch := range c.waiters {
		close(ch)
	}
	c.waiters = nil
}
