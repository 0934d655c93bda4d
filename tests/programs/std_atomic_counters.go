// sync/atomic: counters shared by goroutines (functions and typed values), compare-and-
// swap loops, And/Or, Swap, Bool and Pointer[T], with results that do not depend on the
// schedule.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

type config struct {
	name    string
	version int
}

func main() {
	var n32 int32
	var n64 int64
	var u32 uint32
	var u64 uint64
	var up uintptr
	var typed atomic.Int64
	var hits atomic.Uint32
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				atomic.AddInt32(&n32, 1)
				atomic.AddInt64(&n64, 2)
				atomic.AddUint32(&u32, 3)
				atomic.AddUint64(&u64, ^uint64(0)) // subtract 1
				atomic.AddUintptr(&up, 1)
				typed.Add(5)
				if i%100 == 0 {
					runtime.Gosched()
				}
				// A CAS loop doubling-with-cap, the classic lock-free update.
				for {
					old := hits.Load()
					if hits.CompareAndSwap(old, old+1) {
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt32(&n32), atomic.LoadInt64(&n64), atomic.LoadUint32(&u32),
		atomic.LoadUint64(&u64), atomic.LoadUintptr(&up), typed.Load(), hits.Load())

	fmt.Println(atomic.SwapInt32(&n32, -1), n32, atomic.CompareAndSwapInt32(&n32, 0, 1),
		atomic.CompareAndSwapInt32(&n32, -1, 7), n32)
	atomic.StoreUint64(&u64, 0xf0f0)
	fmt.Println(atomic.AndUint64(&u64, 0xff00), u64, atomic.OrUint64(&u64, 0x000f), u64)
	fmt.Println(atomic.AndInt32(&n32, 3), n32, atomic.OrUintptr(&up, 0x10000), up)

	var flags atomic.Uint32
	flags.Store(0b1010)
	fmt.Println(flags.Or(0b0101), flags.And(0b0110), flags.Load(), flags.Swap(9), flags.Load())
	var i32 atomic.Int32
	fmt.Println(i32.Add(-3), i32.CompareAndSwap(-3, 4), i32.Load(), i32.And(6), i32.Or(1), i32.Load())
	var u atomic.Uint64
	fmt.Println(u.Add(1<<63), u.Add(1<<63), u.Swap(42), u.Load(), u.Or(1), u.And(2), u.Load())
	var ptr atomic.Uintptr
	fmt.Println(ptr.Add(8), ptr.Swap(3), ptr.CompareAndSwap(3, 4), ptr.Load(), ptr.And(1), ptr.Or(1), ptr.Load())
	var i64 atomic.Int64
	i64.Store(-9)
	fmt.Println(i64.Swap(10), i64.And(8), i64.Or(3), i64.Load(), i64.CompareAndSwap(11, 0), i64.Load())

	var ready atomic.Bool
	fmt.Println(ready.Load(), ready.Swap(true), ready.Load(), ready.CompareAndSwap(false, true),
		ready.CompareAndSwap(true, false), ready.Load())
	ready.Store(true)
	fmt.Println(ready.Load())

	var cur atomic.Pointer[config]
	fmt.Println(cur.Load() == nil)
	c1 := &config{"a", 1}
	cur.Store(c1)
	c2 := &config{"b", 2}
	fmt.Println(cur.CompareAndSwap(c2, c1), cur.CompareAndSwap(c1, c2), *cur.Load())
	old := cur.Swap(&config{"c", 3})
	fmt.Println(*old, *cur.Load())

	var raw unsafe.Pointer
	atomic.StorePointer(&raw, unsafe.Pointer(c1))
	fmt.Println((*config)(atomic.LoadPointer(&raw)).name,
		atomic.CompareAndSwapPointer(&raw, unsafe.Pointer(c1), unsafe.Pointer(c2)),
		(*config)(atomic.SwapPointer(&raw, nil)).name, atomic.LoadPointer(&raw) == nil)

	fmt.Println(unsafe.Sizeof(atomic.Int64{}), unsafe.Sizeof(atomic.Bool{}), unsafe.Sizeof(atomic.Pointer[config]{}),
		unsafe.Alignof(atomic.Uint64{}))
}
