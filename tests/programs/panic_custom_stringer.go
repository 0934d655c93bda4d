package main

import "fmt"

type Status int

func (s Status) String() string { return fmt.Sprintf("status-%d", int(s)) }

func main() {
	panic(Status(3))
}
