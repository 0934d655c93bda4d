// strings search, split, trim and cut functions, including the ones gosub lacked
// (Clone, LastIndexAny, LastIndexFunc, ContainsFunc, IndexFunc on invalid UTF-8), edge
// cases with empty separators, n limits and invalid UTF-8.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	s := "chicken kitchen"
	fmt.Println(strings.Index(s, "ken"), strings.LastIndex(s, "ken"), strings.Index(s, ""), strings.LastIndex(s, ""),
		strings.IndexAny(s, "xyzk"), strings.LastIndexAny(s, "ck"), strings.LastIndexAny(s, ""), strings.IndexRune(s, 'k'),
		strings.IndexRune("a\xffb", utf8RuneError), strings.IndexByte(s, 't'), strings.LastIndexByte(s, 'c'))
	fmt.Println(strings.IndexFunc("Hello, 世界", unicode.IsUpper), strings.LastIndexFunc("go 123 x", unicode.IsDigit),
		strings.ContainsFunc("abc", unicode.IsDigit), strings.Count("cheese", "e"), strings.Count("five", ""),
		strings.ContainsAny("failure", "ui"), strings.ContainsRune("abc", 'c'))
	fmt.Printf("%q\n", strings.Split("a,b,,c,", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitN("a,b", ",", 0))
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Printf("%q\n", strings.SplitAfterN("a,b,c", ",", 2))
	fmt.Printf("%q\n", strings.Split("héllo", ""))
	fmt.Printf("%q\n", strings.Split("a\xffb", ""))
	fmt.Printf("%q\n", strings.Fields("  foo bar\u00a0baz\u2003qux  "))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b22c333", unicode.IsDigit))
	fmt.Printf("%q %q %q\n", strings.TrimSpace("\t\n hi \u3000\r\n"), strings.Trim("xxhixyx", "xy"), strings.TrimLeft("aabbcc", "ab"))
	fmt.Printf("%q %q %q\n", strings.TrimRight("hello!!?", "!?"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	fmt.Printf("%q %q\n", strings.TrimFunc("123abc456", unicode.IsDigit), strings.Trim("\xffa\xff", "\xff"))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.CutPrefix("v1.2", "v"))
	fmt.Println(strings.CutSuffix("v1.2", ".3"))
	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("", 5) == "", strings.Replace("oink oink oink", "k", "ky", 2),
		strings.Replace("abc", "", "-", -1), strings.ReplaceAll("aaaa", "aa", "b"))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"), strings.HasPrefix("golang", "go"),
		strings.HasSuffix("golang", "ng"), strings.Join([]string{"a", "b", "c"}, "-"), strings.Join(nil, ","))
	big := strings.Repeat("x", 100)
	c := strings.Clone(big[10:20])
	fmt.Println(c, len(c), strings.Clone("") == "")
}

const utf8RuneError = '\uFFFD'
