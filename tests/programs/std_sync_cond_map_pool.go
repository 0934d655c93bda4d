// sync: Cond (Wait/Signal/Broadcast in FIFO order, a bounded queue), Map (every method),
// Pool (Get/Put order and New), RWMutex's TryLock/TryRLock/RLocker.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type queue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	cap      int
}

func newQueue(n int) *queue {
	q := &queue{cap: n}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(x int) {
	q.mu.Lock()
	for len(q.items) == q.cap {
		q.notFull.Wait()
	}
	q.items = append(q.items, x)
	q.notEmpty.Signal()
	q.mu.Unlock()
}

func (q *queue) get() int {
	q.mu.Lock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	x := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	q.mu.Unlock()
	return x
}

func main() {
	q := newQueue(2)
	var wg sync.WaitGroup
	sum := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 10; i++ {
			sum += q.get()
		}
	}()
	for i := 1; i <= 10; i++ {
		q.put(i)
	}
	wg.Wait()
	fmt.Println("sum", sum)

	// Broadcast wakes every waiter; each re-acquires the lock in turn.
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	var woke []int
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for !ready {
				c.Wait()
			}
			woke = append(woke, i)
			mu.Unlock()
		}()
	}
	for len(woke) == 0 && !ready {
		mu.Lock()
		ready = true
		c.Broadcast()
		mu.Unlock()
	}
	wg.Wait()
	sort.Ints(woke)
	fmt.Println("woke", woke)
	c.Signal() // no waiters: nothing happens

	var m sync.Map
	m.Store("a", 1)
	m.Store(2, "two")
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	v, ok = m.Load("missing")
	fmt.Println(v, ok)
	act, loaded := m.LoadOrStore("a", 100)
	fmt.Println(act, loaded)
	act, loaded = m.LoadOrStore("b", 2)
	fmt.Println(act, loaded)
	prev, loaded := m.Swap("b", 3)
	fmt.Println(prev, loaded)
	fmt.Println(m.CompareAndSwap("b", 2, 4), m.CompareAndSwap("b", 3, 4), m.CompareAndDelete("b", 3), m.CompareAndDelete("b", 4))
	v, loaded = m.LoadAndDelete(2)
	fmt.Println(v, loaded)
	m.Delete("nothing")
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	m.Clear()
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	fmt.Println("after Clear:", n)
	var empty sync.Map
	fmt.Println(empty.Load("x"))
	empty.Range(func(k, v any) bool { return true })
	empty.Delete("x")

	made := 0
	p := sync.Pool{New: func() any { made++; return fmt.Sprint("new", made) }}
	fmt.Println(p.Get(), p.Get())
	p.Put("a")
	p.Put("b")
	p.Put("c")
	p.Put(nil)
	fmt.Println(p.Get(), p.Get(), p.Get(), p.Get())
	var bare sync.Pool
	fmt.Println(bare.Get())

	var rw sync.RWMutex
	fmt.Println(rw.TryRLock(), rw.TryRLock(), rw.TryLock())
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println(rw.TryLock(), rw.TryRLock())
	rw.Unlock()
	l := rw.RLocker()
	l.Lock()
	fmt.Println(rw.TryLock())
	l.Unlock()
	fmt.Println(rw.TryLock())
}
