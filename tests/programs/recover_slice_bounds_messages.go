// The runtime's slice-bounds messages for every failing check, as Go's runtime prints them:
// negative operands use the short forms ("[-1:]", "[::-1]"), a 3-index expression's low >
// high is "[2:1:]", arrays and strings report their length, slices their capacity.
package main

import "fmt"

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	s := []int{1, 2, 3}
	str := "abc"
	n := -1
	two := 2
	one := 1
	try(func() { _ = s[n] })
	try(func() { _ = s[n:] })
	try(func() { _ = s[:n] })
	try(func() { _ = s[n:n] })
	try(func() { _ = s[two:one] })
	try(func() { _ = s[n:one:two] })
	try(func() { _ = s[two:one:two] })
	try(func() { _ = s[one:n:two] })
	try(func() { _ = s[one:two:n] })
	try(func() { _ = s[one : two : 9+two] })
	try(func() { _ = s[one : 3+two : two] })
	try(func() { _ = str[n:] })
	try(func() { _ = str[:n] })
	try(func() { _ = str[two:one] })
	try(func() { _ = str[n] })
	a := [3]int{}
	try(func() { _ = a[n:] })
	try(func() { _ = a[:two+two] })
	try(func() { _ = a[n:one:two] })
}

func init() {
	a := [3]int{}
	k := 5
	try(func() { _ = a[0:1:k] })
	p := &a
	try(func() { _ = p[0:k] })
	try(func() { _ = p[0:1:k] })
	s := make([]int, 2, 4)
	try(func() { _ = s[0:1:k] })
	try(func() { _ = s[0:k] })
	try(func() { _ = s[k:] })
}
