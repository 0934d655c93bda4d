// bytes.Buffer.Truncate beyond the unread length panics with Go's message.
package main

import (
	"bytes"
	"fmt"
)

func main() {
	var b bytes.Buffer
	b.WriteString("hello, world")
	b.Next(7)
	fmt.Println(b.String(), b.Len())
	b.Truncate(3)
	fmt.Println(b.String(), b.Len())
	b.Truncate(4)
	fmt.Println("unreachable")
}
