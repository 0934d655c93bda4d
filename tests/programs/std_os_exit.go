package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: never printed")
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "flushed before exit")
	w.Flush()
	fmt.Fprintln(w, "lost: still in the buffer")
	fmt.Fprintln(os.Stderr, "to stderr")
	os.Stdout.WriteString("direct\n")
	os.Exit(3)
}
