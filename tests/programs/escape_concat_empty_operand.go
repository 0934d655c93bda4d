// A concatenation with an empty operand returns the other operand itself (gc's
// concatstrings), but not when that operand's bytes sit in the frame: a string([]byte)
// conversion or an inner concatenation that does not escape on its own lives in a frame
// buffer, and an escaping result (returned, stored) must be copied out of it, or the
// next call reusing the frame would change it. path/filepath's Clean builds its result
// this way (volume + string(buf)).
package main

import "fmt"

func join(pre, s string) string {
	buf := make([]byte, len(s))
	copy(buf, s)
	return pre + string(buf)
}

func joinAfter(s, post string) string {
	buf := []byte(s)
	buf[0] = '>'
	return string(buf) + post
}

func inner(a, b, post string) string {
	return a + b + post
}

var sink []string

func appendTo(acc, s string) string {
	b := []byte(s)
	acc += string(b)
	return acc
}

func main() {
	a := join("", "abc")
	b := join("", "xyz")
	c := join("p:", "def")
	fmt.Println(a, b, c)

	d := joinAfter("first", "")
	e := joinAfter("second", "")
	fmt.Println(d, e)

	f := inner("ab", "cd", "")
	g := inner("ef", "gh", "")
	fmt.Println(f, g)

	for _, s := range []string{"one", "two", "three"} {
		sink = append(sink, join("", s))
	}
	fmt.Println(sink)

	h := appendTo("", "first")
	i := appendTo("", "second")
	fmt.Println(h, i)

	// Not escaping: the operand may be returned as it is.
	buf := []byte("local")
	local := "" + string(buf)
	buf[0] = 'L'
	fmt.Println(local, len(local))
}
