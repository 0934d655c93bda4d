package main

import "fmt"

type MyErr struct {
	Code int
}

func (e MyErr) Error() string { return fmt.Sprintf("my error %d", e.Code) }

func main() {
	panic(MyErr{7})
}
