// io/fs's generic functions over a file system of the program's own (an in-memory tree
// that implements only Open, plus wrappers adding one optional interface each): WalkDir
// when reading a directory fails (the callback sees the directory twice), Glob with and
// without GlobFS (and its bad patterns), Sub with and without SubFS (names in errors are
// the sub tree's), ReadLink and Lstat with and without ReadLinkFS, and os.DirFS's
// ReadLink/Lstat through Sub.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"
)

// memFS maps slash-separated names to file contents; directories are implied by the
// names below them. A name ending in "!" is a directory whose listing fails.
type memFS map[string]string

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0555
	}
	return 0444
}
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }

type memFile struct {
	info memInfo
	r    *strings.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *memFile) Close() error               { return nil }

type memDir struct {
	info    memInfo
	entries []fs.DirEntry
	err     error
	off     int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errors.New("is a directory")}
}
func (d *memDir) Close() error { return nil }
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if d.err != nil {
		return nil, d.err
	}
	rest := d.entries[d.off:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && len(rest) > n {
		rest = rest[:n]
	}
	d.off += len(rest)
	return rest, nil
}

func base(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 {
		return name[i+1:]
	}
	return name
}

func (m memFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := m[name]; ok {
		return &memFile{memInfo{base(name), int64(len(data)), false}, strings.NewReader(data)}, nil
	}
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	seen := map[string]bool{}
	var entries []fs.DirEntry
	for full, data := range m {
		rest, ok := strings.CutPrefix(full, prefix)
		if !ok {
			continue
		}
		child, _, isDir := strings.Cut(rest, "/")
		if seen[child] {
			continue
		}
		seen[child] = true
		entries = append(entries, fs.FileInfoToDirEntry(memInfo{child, int64(len(data)), isDir}))
	}
	if len(entries) == 0 && name != "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	d := &memDir{info: memInfo{base(name), 0, true}, entries: entries}
	if strings.HasSuffix(name, "!") {
		d.err = &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrPermission}
	}
	return d, nil
}

// onlyOpen hides every optional interface of the FS it wraps.
type onlyOpen struct{ fs fs.FS }

func (o onlyOpen) Open(name string) (fs.File, error) { return o.fs.Open(name) }

type globFS struct{ memFS }

func (g globFS) Glob(pattern string) ([]string, error) {
	fmt.Println("  (GlobFS.Glob called with", pattern+")")
	return fs.Glob(onlyOpen{g.memFS}, pattern)
}

type subFS struct{ memFS }

func (s subFS) Sub(dir string) (fs.FS, error) {
	fmt.Println("  (SubFS.Sub called with", dir+")")
	return fs.Sub(onlyOpen{s.memFS}, dir)
}

type linkFS struct{ memFS }

func (l linkFS) ReadLink(name string) (string, error) { return "target-of-" + name, nil }
func (l linkFS) Lstat(name string) (fs.FileInfo, error) {
	return memInfo{"lstat:" + base(name), 7, false}, nil
}

func main() {
	tree := memFS{
		"a/x.txt":       "x",
		"a/b/y.txt":     "yy",
		"a/b/z.go":      "package z",
		"a/c.go":        "package c",
		"bad!/hidden":   "h",
		"docs/intro.md": "# intro",
		"readme":        "hello",
	}

	fmt.Println("-- WalkDir with a failing directory")
	err := fs.WalkDir(tree, ".", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path, d.IsDir(), err)
		return nil
	})
	fmt.Println("=>", err)
	err = fs.WalkDir(tree, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			fmt.Println("stopping at", path, "with", err)
			return err
		}
		return nil
	})
	fmt.Println("=>", err, errors.Is(err, fs.ErrPermission))
	err = fs.WalkDir(tree, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			fmt.Println("skipping", path)
			return fs.SkipDir
		}
		return nil
	})
	fmt.Println("=>", err)

	fmt.Println("-- Glob")
	for _, pat := range []string{"*", "a/*", "a/*/*.go", "*/*.??", "[ab]*/[xy]*", "a/b", "nope/*", "a/[", "[", "a/b/\\", "*/b/../x"} {
		m, err := fs.Glob(tree, pat)
		fmt.Printf("%q: %q %v\n", pat, m, err)
	}
	m, err := fs.Glob(globFS{tree}, "a/*.go")
	fmt.Printf("%q %v\n", m, err)
	m, err = fs.Glob(globFS{tree}, "a/[")
	fmt.Printf("%q %v\n", m, err)

	fmt.Println("-- Sub")
	sub, err := fs.Sub(tree, "a")
	fmt.Println(err)
	data, err := fs.ReadFile(sub, "b/y.txt")
	fmt.Printf("%q %v\n", data, err)
	_, err = fs.ReadFile(sub, "b/missing")
	fmt.Println(err)
	_, err = sub.Open("../readme")
	fmt.Println(err)
	ents, err := fs.ReadDir(sub, "b")
	for _, e := range ents {
		fmt.Println(" ", e.Name(), e.IsDir())
	}
	fmt.Println(err)
	m, err = fs.Glob(sub, "*/*")
	fmt.Printf("%q %v\n", m, err)
	m, err = fs.Glob(sub, "[")
	fmt.Printf("%q %v\n", m, err)
	subsub, err := fs.Sub(sub, "b")
	fmt.Println(err)
	fs.WalkDir(subsub, ".", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(" ", path, d.IsDir(), err)
		return nil
	})
	same, err := fs.Sub(tree, ".")
	_, isMem := same.(memFS)
	fmt.Println(isMem, err)
	_, err = fs.Sub(tree, "/abs")
	fmt.Println(err)
	_, err = fs.Sub(tree, "a/../b")
	fmt.Println(err)
	viaMethod, err := fs.Sub(subFS{tree}, "docs")
	fmt.Println(err)
	data, err = fs.ReadFile(viaMethod, "intro.md")
	fmt.Printf("%q %v\n", data, err)
	_, err = fs.Stat(sub, "zz")
	fmt.Println(err)

	fmt.Println("-- ReadLink and Lstat")
	target, err := fs.ReadLink(tree, "readme")
	fmt.Printf("%q %v %v\n", target, err, errors.Is(err, fs.ErrInvalid))
	info, err := fs.Lstat(tree, "readme")
	fmt.Println(info.Name(), info.Size(), info.Mode(), err)
	_, err = fs.Lstat(tree, "nope")
	fmt.Println(err)
	target, err = fs.ReadLink(linkFS{tree}, "readme")
	fmt.Printf("%q %v\n", target, err)
	info, err = fs.Lstat(linkFS{tree}, "a/x.txt")
	fmt.Println(info.Name(), info.Size(), err)

	// os.DirFS implements ReadLinkFS; Sub passes ReadLink and Lstat through.
	dir, err := os.MkdirTemp("", "gosub-fsys-*")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	os.MkdirAll(dir+"/d/e", 0755)
	os.WriteFile(dir+"/d/e/f.txt", []byte("f"), 0644)
	os.Symlink("e/f.txt", dir+"/d/ln")
	os.Symlink("/elsewhere", dir+"/d/abs")
	dfs := os.DirFS(dir)
	_, ok := dfs.(fs.ReadLinkFS)
	_, ok2 := dfs.(fs.StatFS)
	_, ok3 := dfs.(fs.ReadDirFS)
	_, ok4 := dfs.(fs.ReadFileFS)
	_, ok5 := dfs.(fs.GlobFS)
	fmt.Println(ok, ok2, ok3, ok4, ok5)
	target, err = fs.ReadLink(dfs, "d/ln")
	fmt.Println(target, err)
	info, err = fs.Lstat(dfs, "d/ln")
	fmt.Println(info.Name(), info.Mode().Type() == fs.ModeSymlink, err)
	info, err = fs.Stat(dfs, "d/ln")
	fmt.Println(info.Name(), info.Mode().IsRegular(), info.Size(), err)
	_, err = fs.Lstat(dfs, "d/none")
	fmt.Println(err)
	_, err = fs.ReadLink(dfs, "/d/ln")
	fmt.Println(err)
	dsub, _ := fs.Sub(dfs, "d")
	target, err = fs.ReadLink(dsub, "ln")
	fmt.Println(target, err)
	_, err = fs.ReadLink(dsub, "abs")
	fmt.Println(err)
	info, err = fs.Lstat(dsub, "ln")
	fmt.Println(info.Name(), info.Mode().Type() == fs.ModeSymlink, err)
	_, err = fs.Lstat(dsub, "nothing")
	fmt.Println(err)
	m, err = fs.Glob(dsub, "*/*.txt")
	fmt.Println(m, err)
	st, err := fs.Stat(dfs, ".")
	fmt.Println(st.Name(), st.IsDir(), err)
	_, err = fs.ReadFile(os.DirFS(""), "x")
	fmt.Println(err)
}
