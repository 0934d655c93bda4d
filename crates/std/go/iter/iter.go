// Package iter: iterator function types (Seq, Seq2) and pull iterators (Pull, Pull2).
//
// Pull runs the push iterator `seq` as a coroutine: a goroutine that only runs while the
// caller waits for it, handing control back and forth over two unbuffered channels (Go's
// runtime switches coroutines directly; the observable behaviour is the same). The
// coroutine's goroutine starts at the first call of next or stop, its stack is committed
// 64 KiB at a time like every goroutine stack, and it ends (freeing its stack) when seq
// returns, which stop brings about by making yield return false. A panic in seq is
// recovered in the coroutine and raised again by the next or stop call that resumed it.
//
// Invariants: at most one of the caller and the coroutine runs at a time; `done` is set
// once seq can no longer be resumed, and then next returns the zero value and false; the
// goroutine has ended when the resume that saw seq return comes back.
package iter

import "runtime"

type Seq[V any] func(yield func(V) bool)

type Seq2[K, V any] func(yield func(K, V) bool)

// coro is a coroutine running f; resume and yield transfer control.
type coro struct {
	in, out  chan struct{}
	started  bool
	finished bool
	f        func(c *coro)
}

func newcoro(f func(c *coro)) *coro {
	return &coro{in: make(chan struct{}), out: make(chan struct{}), f: f}
}

// resume runs the coroutine until it yields or returns (the caller's side).
func (c *coro) resume() {
	if !c.started {
		c.started = true
		go func() {
			<-c.in
			c.f(c)
			c.finished = true
			c.out <- struct{}{}
		}()
	}
	c.in <- struct{}{}
	<-c.out
	if c.finished {
		// Let the coroutine's goroutine end now, as Go's coroutine switch does, so that
		// runtime.NumGoroutine does not depend on when the scheduler next switches.
		runtime.Gosched()
	}
}

// yield hands control back to the caller until the next resume (the coroutine's side).
func (c *coro) yield() {
	c.out <- struct{}{}
	<-c.in
}

func Pull[V any](seq Seq[V]) (func() (V, bool), func()) {
	var (
		v          V
		ok         bool
		done       bool
		yieldNext  bool
		seqDone    bool
		panicValue any
		panicked   bool
	)
	c := newcoro(func(c *coro) {
		if done {
			return
		}
		yield := func(v1 V) bool {
			if done {
				return false
			}
			if !yieldNext {
				panic("iter.Pull: yield called again before next")
			}
			yieldNext = false
			v, ok = v1, true
			c.yield()
			return !done
		}
		defer func() {
			if !seqDone {
				panicValue = recover()
				panicked = true
			}
			done = true
		}()
		seq(yield)
		var v0 V
		v, ok = v0, false
		seqDone = true
	})
	next := func() (v1 V, ok1 bool) {
		if done {
			return
		}
		if yieldNext {
			panic("iter.Pull: next called again before yield")
		}
		yieldNext = true
		c.resume()
		if panicked {
			panicked = false
			panic(panicValue)
		}
		return v, ok
	}
	stop := func() {
		if !done {
			done = true
			c.resume()
			if panicked {
				panicked = false
				panic(panicValue)
			}
		}
	}
	return next, stop
}

func Pull2[K, V any](seq Seq2[K, V]) (func() (K, V, bool), func()) {
	var (
		k          K
		v          V
		ok         bool
		done       bool
		yieldNext  bool
		seqDone    bool
		panicValue any
		panicked   bool
	)
	c := newcoro(func(c *coro) {
		if done {
			return
		}
		yield := func(k1 K, v1 V) bool {
			if done {
				return false
			}
			if !yieldNext {
				panic("iter.Pull2: yield called again before next")
			}
			yieldNext = false
			k, v, ok = k1, v1, true
			c.yield()
			return !done
		}
		defer func() {
			if !seqDone {
				panicValue = recover()
				panicked = true
			}
			done = true
		}()
		seq(yield)
		var k0 K
		var v0 V
		k, v, ok = k0, v0, false
		seqDone = true
	})
	next := func() (k1 K, v1 V, ok1 bool) {
		if done {
			return
		}
		if yieldNext {
			panic("iter.Pull2: next called again before yield")
		}
		yieldNext = true
		c.resume()
		if panicked {
			panicked = false
			panic(panicValue)
		}
		return k, v, ok
	}
	stop := func() {
		if !done {
			done = true
			c.resume()
			if panicked {
				panicked = false
				panic(panicValue)
			}
		}
	}
	return next, stop
}
