// strings.NewReplacer: the byte, byte-string, single-string and generic algorithms Go
// picks by argument shape, priority by argument order, empty old strings, WriteString,
// and the odd-argument panic (not recovered).
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	byteR := strings.NewReplacer("a", "1", "b", "2", "a", "3")
	fmt.Println(byteR.Replace("abcabc"))
	byteStr := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")
	fmt.Println(byteStr.Replace(`<a href="x">&</a>`))
	single := strings.NewReplacer("foo", "bar")
	fmt.Println(single.Replace("foofoo food fo"), single.Replace(""))
	gen := strings.NewReplacer("aaa", "3", "aa", "2", "a", "1")
	fmt.Println(gen.Replace("aaaaaa"), gen.Replace("aaaa"))
	gen2 := strings.NewReplacer("a", "1", "aa", "2", "aaa", "3")
	fmt.Println(gen2.Replace("aaaaaa"))
	empty := strings.NewReplacer("", "X")
	fmt.Printf("%s %s %q\n", empty.Replace("abc"), empty.Replace(""), empty.Replace("日本"))
	mixed := strings.NewReplacer("a", "A", "", "-")
	fmt.Println(mixed.Replace("banana"))
	overlap := strings.NewReplacer("hello", "HELLO", "hell", "HELL", "world", "WORLD")
	fmt.Println(overlap.Replace("hello hell world helloworld"))
	noop := strings.NewReplacer()
	fmt.Println(noop.Replace("unchanged"))
	n, err := overlap.WriteString(os.Stdout, "say hello to the world\n")
	fmt.Println(n, err)
	fmt.Println(strings.NewReplacer("a", "b", "b", "a").Replace("abba"))
	defer fmt.Println("deferred runs before the crash")
	strings.NewReplacer("a", "b", "c")
}
