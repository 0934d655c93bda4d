// path's lexical functions (Clean, Split, Join, Ext, Base, Dir, IsAbs) on the cases of
// Go's path_test.go, plus the examples of its documentation.
package main

import (
	"fmt"
	"path"
)

func main() {
	clean := []string{
		"", "abc", "abc/def", "a/b/c", ".", "..", "../..", "../../abc", "/abc", "/",
		"abc/", "abc/def/", "a/b/c/", "./", "../", "../../", "/abc/",
		"abc//def//ghi", "//abc", "///abc", "//abc//", "abc//",
		"abc/./def", "/./abc/def", "abc/.",
		"abc/def/ghi/../jkl", "abc/def/../ghi/../jkl", "abc/def/..", "abc/def/../..",
		"/abc/def/../..", "abc/def/../../..", "/abc/def/../../..",
		"abc/def/../../../ghi/jkl/../../../mno",
		"abc/./../def", "abc//./../def", "abc/../../././../def",
		"/../a/b/../././/c", "a/../..//b/./",
	}
	for _, p := range clean {
		c := path.Clean(p)
		fmt.Printf("Clean(%q) = %q, again %q\n", p, c, path.Clean(c))
	}

	for _, p := range []string{"a/b", "a/b/", "a/", "a", "/", "", "static/myfile.css", "myfile.css", "/a//b"} {
		dir, file := path.Split(p)
		fmt.Printf("Split(%q) = %q, %q\n", p, dir, file)
	}

	joins := [][]string{
		{}, {""}, {"a"}, {"a", "b"}, {"a", ""}, {"", "b"}, {"/", "a"}, {"/", ""},
		{"a/", "b"}, {"a/", ""}, {"", ""}, {"a", "b/c"}, {"a/b", "c"}, {"a/b", "../../../xyz"},
		{"", "", "a", "", "b", ""}, {"/a", "/b/", "c/"},
	}
	for _, e := range joins {
		fmt.Printf("Join(%q) = %q\n", e, path.Join(e...))
	}

	for _, p := range []string{"path.go", "path.pb.go", "a.dir/b", "a.dir/b.go", "a.dir/", "/a/b/c.bar/", ".hidden", ""} {
		fmt.Printf("Ext(%q) = %q\n", p, path.Ext(p))
	}

	for _, p := range []string{"", ".", "/.", "/", "////", "x/", "abc", "abc/def", "a/b/.x", "a/b/c.", "a/b/c.x", "/baz.js", "/a/b/"} {
		fmt.Printf("Base(%q) = %q\n", p, path.Base(p))
	}

	for _, p := range []string{"", ".", "/.", "/", "////", "/foo", "x/", "abc", "abc/def", "abc////def", "a/b/.x", "a/b/c.", "a/b/c.x", "/a/b/c", "a/b/c/", "a/../.."} {
		fmt.Printf("Dir(%q) = %q\n", p, path.Dir(p))
	}

	for _, p := range []string{"", "/", "/usr/bin/gcc", "..", "/a/../bb", ".", "./", "lala"} {
		fmt.Printf("IsAbs(%q) = %v\n", p, path.IsAbs(p))
	}
}
