// path.Match on the cases of Go's match_test.go: wildcards, character classes, escapes,
// and the malformed patterns that report ErrBadPattern (also when the name does not
// match before the error is reached).
package main

import (
	"errors"
	"fmt"
	"path"
)

type matchTest struct {
	pattern, s string
}

var tests = []matchTest{
	{"abc", "abc"},
	{"*", "abc"},
	{"*c", "abc"},
	{"a*", "a"},
	{"a*", "abc"},
	{"a*", "ab/c"},
	{"a*/b", "abc/b"},
	{"a*/b", "a/c/b"},
	{"a*b*c*d*e*/f", "axbxcxdxe/f"},
	{"a*b*c*d*e*/f", "axbxcxdxexxx/f"},
	{"a*b*c*d*e*/f", "axbxcxdxe/xxx/f"},
	{"a*b*c*d*e*/f", "axbxcxdxexxx/fff"},
	{"a*b?c*x", "abxbbxdbxebxczzx"},
	{"a*b?c*x", "abxbbxdbxebxczzy"},
	{"ab[c]", "abc"},
	{"ab[b-d]", "abc"},
	{"ab[e-g]", "abc"},
	{"ab[^c]", "abc"},
	{"ab[^b-d]", "abc"},
	{"ab[^e-g]", "abc"},
	{"a\\*b", "a*b"},
	{"a\\*b", "ab"},
	{"a?b", "a☺b"},
	{"a[^a]b", "a☺b"},
	{"a???b", "a☺b"},
	{"a[^a][^a][^a]b", "a☺b"},
	{"[a-ζ]*", "α"},
	{"*[a-ζ]", "A"},
	{"a?b", "a/b"},
	{"a*b", "a/b"},
	{"[\\]a]", "]"},
	{"[\\-]", "-"},
	{"[x\\-]", "x"},
	{"[x\\-]", "-"},
	{"[x\\-]", "z"},
	{"[\\-x]", "x"},
	{"[\\-x]", "-"},
	{"[\\-x]", "a"},
	{"[]a]", "]"},
	{"[-]", "-"},
	{"[x-]", "x"},
	{"[x-]", "-"},
	{"[x-]", "z"},
	{"[-x]", "x"},
	{"[-x]", "-"},
	{"[-x]", "a"},
	{"\\", "a"},
	{"[a-b-c]", "a"},
	{"[", "a"},
	{"[^", "a"},
	{"[^bc", "a"},
	{"a[", "a"},
	{"a[", "ab"},
	{"a[", "x"},
	{"a/b[", "x"},
	{"*x", "xxx"},
	{"[\\", "a"},
	{"[a-", "a"},
	{"a*/[", "ab/c"},
	{"*/[", "x/y"},
	{"a/b[a", "a/b"},
	{"", ""},
	{"", "a"},
	{"?", ""},
	{"?", "/"},
	{"*", "/"},
	{"[!a]", "b"},
	{"[a-c]", "\xff"},
}

func main() {
	for _, tt := range tests {
		ok, err := path.Match(tt.pattern, tt.s)
		fmt.Printf("Match(%q, %q) = %v, %v (bad pattern: %v)\n", tt.pattern, tt.s, ok, err, errors.Is(err, path.ErrBadPattern))
	}
	fmt.Println(path.ErrBadPattern)
}
