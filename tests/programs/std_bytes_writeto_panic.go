// bytes.Buffer.WriteTo panics when the writer claims to have written more than it was
// given; the message is Go's.
package main

import (
	"bytes"
	"fmt"
)

// liar reports one byte more than it received.
type liar struct{ total int }

func (l *liar) Write(p []byte) (int, error) {
	l.total += len(p)
	return len(p) + 1, nil
}

func main() {
	var b bytes.Buffer
	b.WriteString("some data")
	var ok bytes.Buffer
	n, err := b.WriteTo(&ok)
	fmt.Println(n, err, ok.String())
	b.WriteString("more data")
	l := &liar{}
	defer func() { fmt.Println("deferred: liar saw", l.total, "bytes") }()
	b.WriteTo(l)
}
