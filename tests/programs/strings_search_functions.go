package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "the quick brown fox jumps over the lazy dog"
	fmt.Println(strings.Contains(s, "fox"), strings.Contains(s, "cat"), strings.Contains(s, ""))
	fmt.Println(strings.ContainsRune(s, 'z'), strings.ContainsAny(s, "xyz"))
	fmt.Println(strings.Index(s, "the"), strings.LastIndex(s, "the"), strings.Index(s, "cat"))
	fmt.Println(strings.IndexByte(s, 'q'), strings.IndexRune("héllo", 'l'), strings.IndexAny(s, "zq"))
	fmt.Println(strings.HasPrefix(s, "the"), strings.HasSuffix(s, "dog"), strings.HasPrefix(s, "dog"))
	fmt.Println(strings.Count(s, "o"), strings.Count(s, "the"), strings.Count("five", ""))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("straße", "STRASSE"))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Println(strings.Index("", ""), strings.LastIndex("go gopher", "go"), strings.LastIndex("x", ""))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Cut("novalue", "="))
}
