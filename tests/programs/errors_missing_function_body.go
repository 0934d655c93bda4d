// A function or method of the program declared without a body is gc's "missing function
// body" (the standard library's bodiless declarations are gosub's natives).
package main

type T struct{}

func (T) M() int

func g(x int) (int, error)

func main() {}
