// path/filepath's lexical functions on Unix, on cases from Go's path_test.go: Clean, Join,
// Split, Ext, Base, Dir, IsAbs, Rel (and its errors), IsLocal, Localize, SplitList,
// ToSlash, FromSlash, VolumeName, HasPrefix, and the separator constants.
package main

import (
	"fmt"
	"path/filepath"
)

func main() {
	fmt.Printf("Separator %q ListSeparator %q\n", filepath.Separator, filepath.ListSeparator)

	for _, p := range []string{
		"abc", "abc/def", "a/b/c", ".", "..", "../..", "../../abc", "/abc", "/", "",
		"abc/", "abc/def/", "a/b/c/", "./", "../", "../../", "/abc/",
		"abc//def//ghi", "abc//", "abc/./def", "/./abc/def", "abc/.",
		"abc/def/ghi/../jkl", "abc/def/../ghi/../jkl", "abc/def/..", "abc/def/../..",
		"/abc/def/../..", "abc/def/../../..", "/abc/def/../../..",
		"abc/def/../../../ghi/jkl/../../../mno", "/../abc", "a/../c:", "abc/./../def",
		"abc//./../def", "abc/../../././../def", `a\b/..\c`,
	} {
		fmt.Printf("Clean(%q) = %q\n", p, filepath.Clean(p))
	}

	for _, e := range [][]string{
		{}, {""}, {"/"}, {"a"}, {"a", "b"}, {"a", ""}, {"", "b"}, {"/", "a"}, {"/", "a/b"},
		{"/", ""}, {"/a", "b"}, {"a/", "b"}, {"a/", ""}, {"", ""}, {"/", "a", "b"},
		{"//", "a"}, {"a", "../../b"}, {"", "", "/x"},
	} {
		fmt.Printf("Join(%q) = %q\n", e, filepath.Join(e...))
	}

	for _, p := range []string{"a/b", "a/b/", "a/", "a", "/", "", "/usr/bin/", "x//y"} {
		d, f := filepath.Split(p)
		fmt.Printf("Split(%q) = %q, %q\n", p, d, f)
	}

	for _, p := range []string{"path.go", "path.pb.go", "a.dir/b", "a.dir/b.go", "a.dir/", ".x", "a/.x", ""} {
		fmt.Printf("Ext(%q) = %q\n", p, filepath.Ext(p))
	}
	for _, p := range []string{"", ".", "/.", "/", "////", "x/", "abc", "abc/def", "a/b/.x", "a/b/c.", "a/b/c.x"} {
		fmt.Printf("Base(%q) = %q Dir(%q) = %q\n", p, filepath.Base(p), p, filepath.Dir(p))
	}
	for _, p := range []string{"", "/", "/usr/bin/gcc", "..", "/a/../bb", ".", "./", "lala"} {
		fmt.Printf("IsAbs(%q) = %v\n", p, filepath.IsAbs(p))
	}

	rel := [][2]string{
		{"a/b", "a/b"}, {"a/b/.", "a/b"}, {"a/b", "a/b/."}, {"./a/b", "a/b"}, {"a/b", "./a/b"},
		{"ab/cd", "ab/cde"}, {"ab/cd", "ab/c"}, {"a/b", "a/b/c/d"}, {"a/b", "a/b/../c"},
		{"a/b/../c", "a/b"}, {"a/b/c", "a/c/d"}, {"a/b", "c/d"}, {"a/b/c/d", "a/b"},
		{"a/b/c/d", "a/b/"}, {"a/b/c/d/", "a/b"}, {"a/b/c/d/", "a/b/"},
		{"../../a/b", "../../a/b/c/d"}, {"/a/b", "/a/b"}, {"/a/b/.", "/a/b"},
		{"/a/b", "/a/b/."}, {"/ab/cd", "/ab/cde"}, {"/ab/cd", "/ab/c"}, {"/a/b", "/a/b/c/d"},
		{"/a/b", "/a/b/../c"}, {"/a/b/../c", "/a/b"}, {"/a/b/c", "/a/c/d"}, {"/a/b", "/c/d"},
		{"/a/b/c/d", "/a/b"}, {"/a/b/c/d", "/a/b/"}, {"/a/b/c/d/", "/a/b"},
		{"/a/b/c/d/", "/a/b/"}, {"/../../a/b", "/../../a/b/c/d"}, {".", "a/b"},
		{".", ".."}, {"", "../../."},
		{"..", "."}, {"..", "a"}, {"../..", ".."}, {"a", "/a"}, {"/a", "a"},
	}
	for _, r := range rel {
		got, err := filepath.Rel(r[0], r[1])
		fmt.Printf("Rel(%q, %q) = %q, %v\n", r[0], r[1], got, err)
	}

	for _, p := range []string{"", ".", "..", "../a", "/", "/a", "/a/../..", "a", "a/../a", "a/", "a/.", "a/./b/./c", `a/../b:/../../c`, "a/b/../../..", "NUL", `\a`} {
		fmt.Printf("IsLocal(%q) = %v\n", p, filepath.IsLocal(p))
	}
	for _, p := range []string{"", ".", "..", "a/..", "/", "/a", "a\xffb", "a/", "a/./b", "\x00", "a", "a/b/c", "#a", `a\b:c`} {
		got, err := filepath.Localize(p)
		fmt.Printf("Localize(%q) = %q, %v\n", p, got, err)
	}
	for _, p := range []string{"", "a:b", ":a:b", "/bin:/usr/bin:", "::"} {
		fmt.Printf("SplitList(%q) = %q (%d)\n", p, filepath.SplitList(p), len(filepath.SplitList(p)))
	}
	for _, p := range []string{"", "/", "/a/b", `a\b`, "c:/x"} {
		fmt.Printf("ToSlash(%q) = %q FromSlash = %q VolumeName = %q\n", p, filepath.ToSlash(p), filepath.FromSlash(p), filepath.VolumeName(p))
	}
	fmt.Println(filepath.HasPrefix("/usr/lib", "/usr"), filepath.HasPrefix("/usrlib", "/usr/"), filepath.HasPrefix("a", ""))
}
