// fmt.FormatString rebuilds a directive from a State (flags, width, precision, verb);
// fs.FormatFileInfo and fs.FormatDirEntry format a custom FileInfo.
package main

import (
	"fmt"
	"io/fs"
	"time"
)

// state is a fmt.State with fixed flags, width and precision.
type state struct {
	flags      string
	wid, prec  int
	hasW, hasP bool
}

func (s state) Write(b []byte) (int, error) { return len(b), nil }
func (s state) Width() (int, bool)          { return s.wid, s.hasW }
func (s state) Precision() (int, bool)      { return s.prec, s.hasP }
func (s state) Flag(c int) bool {
	for _, f := range s.flags {
		if int(f) == c {
			return true
		}
	}
	return false
}

type info struct {
	name string
	size int64
	mode fs.FileMode
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) Mode() fs.FileMode  { return i.mode }
func (i info) ModTime() time.Time { return time.Date(1970, 1, 1, 12, 0, 0, 0, time.UTC) }
func (i info) IsDir() bool        { return i.mode.IsDir() }
func (i info) Sys() any           { return nil }

func main() {
	for _, c := range []struct {
		s    state
		verb rune
	}{
		{state{}, 'v'}, {state{flags: "+"}, 'v'}, {state{flags: "#"}, 'x'}, {state{flags: "-", wid: 8, hasW: true, prec: 3, hasP: true}, 'f'},
		{state{flags: "0", wid: 8, hasW: true}, 'd'}, {state{flags: "0# -+", wid: 12, hasW: true, prec: 5, hasP: true}, 'q'},
		{state{prec: 0, hasP: true}, 'é'}, {state{flags: "xyz"}, 'U'},
	} {
		fmt.Print(fmt.FormatString(c.s, c.verb), " ")
	}
	fmt.Println()
	for _, i := range []info{{"hello.go", 100, 0o644}, {"subdir", 4096, fs.ModeDir | 0o755}, {"link", -1, fs.ModeSymlink | 0o777}} {
		fmt.Println(fs.FormatFileInfo(i))
		fmt.Println(fs.FormatDirEntry(fs.FileInfoToDirEntry(i)))
	}
}
