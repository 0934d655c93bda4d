// A timer channel nobody is blocked on does not keep a program alive (Go 1.23's timers):
// main waits on a channel nothing will send to while a Ticker and a long Timer exist,
// after a short Sleep, and Go reports the deadlock.
package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(time.Hour)
	t := time.NewTimer(time.Hour)
	_, _ = tk, t
	time.Sleep(time.Millisecond)
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { fmt.Println("after func ran") })
	fmt.Println("waiting")
	<-done
}
