// path/filepath's Match on the cases of Go's match_test.go (on Unix a backslash escapes),
// and its ErrBadPattern, which is path's error value in a different variable.
package main

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
)

var tests = [][2]string{
	{"abc", "abc"}, {"*", "abc"}, {"*c", "abc"}, {"a*", "a"}, {"a*", "abc"}, {"a*", "ab/c"},
	{"a*/b", "abc/b"}, {"a*/b", "a/c/b"}, {"a*b*c*d*e*/f", "axbxcxdxe/f"},
	{"a*b*c*d*e*/f", "axbxcxdxexxx/f"}, {"a*b*c*d*e*/f", "axbxcxdxe/xxx/f"},
	{"a*b*c*d*e*/f", "axbxcxdxexxx/fff"}, {"a*b?c*x", "abxbbxdbxebxczzx"},
	{"a*b?c*x", "abxbbxdbxebxczzy"}, {"ab[c]", "abc"}, {"ab[b-d]", "abc"}, {"ab[e-g]", "abc"},
	{"ab[^c]", "abc"}, {"ab[^b-d]", "abc"}, {"ab[^e-g]", "abc"}, {"a\\*b", "a*b"},
	{"a\\*b", "ab"}, {"a?b", "a☺b"}, {"a[^a]b", "a☺b"}, {"a???b", "a☺b"},
	{"a[^a][^a][^a]b", "a☺b"}, {"[a-ζ]*", "α"}, {"*[a-ζ]", "A"}, {"a?b", "a/b"},
	{"a*b", "a/b"}, {"[\\]a]", "]"}, {"[\\-]", "-"}, {"[x\\-]", "x"}, {"[x\\-]", "-"},
	{"[x\\-]", "z"}, {"[\\-x]", "x"}, {"[\\-x]", "-"}, {"[\\-x]", "a"}, {"[]a]", "]"},
	{"[-]", "-"}, {"[x-]", "x"}, {"[x-]", "-"}, {"[x-]", "z"}, {"[-x]", "x"}, {"[-x]", "-"},
	{"[-x]", "a"}, {"\\", "a"}, {"[a-b-c]", "a"}, {"[", "a"}, {"[^", "a"}, {"[^bc", "a"},
	{"a[", "a"}, {"a[", "ab"}, {"a[", "x"}, {"a/b[", "x"}, {"*x", "xxx"}, {"[\\", "a"},
	{"[a-", "a"}, {"a*/[", "ab/c"}, {"", ""}, {"", "a"}, {"*", "/"}, {"?", "/"},
	{"/*/*.go", "/src/x.go"}, {"*.go", "dir/x.go"}, {"[^/]", "/"},
}

func main() {
	for _, t := range tests {
		ok, err := filepath.Match(t[0], t[1])
		fmt.Printf("Match(%q, %q) = %v, %v\n", t[0], t[1], ok, err)
	}
	_, err := filepath.Match("[", "x")
	fmt.Println(errors.Is(err, filepath.ErrBadPattern), err == filepath.ErrBadPattern, filepath.ErrBadPattern == path.ErrBadPattern)
	_, err = filepath.Glob("[")
	fmt.Println(err == filepath.ErrBadPattern)
	m, err := filepath.Glob("/nonexistent-gosub-dir/*")
	fmt.Println(m, m == nil, err)
}
