// io/fs's WalkDir over os.DirFS: the visiting order (lexical, a directory before its
// entries), SkipDir on a directory and on a file, SkipAll, an error returned by the
// callback, a missing or invalid root, and the DirEntry each call sees (a symbolic link
// in the tree is not followed; one given as the root is). The tree is made in a
// temporary directory; only relative names are printed.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

func build(dir string) {
	for _, d := range []string{"a/b/c", "a/d", "e", "f/g"} {
		if err := os.MkdirAll(dir+"/"+d, 0755); err != nil {
			panic(err)
		}
	}
	files := map[string]string{
		"a/x.go":       "package x",
		"a/b/y.go":     "package y",
		"a/b/c/z.txt":  "zzz",
		"a/d/skipped":  "",
		"e/readme.md":  "# e",
		"f/g/deep.txt": "deep",
		"top.txt":      "top",
	}
	for name, text := range files {
		if err := os.WriteFile(dir+"/"+name, []byte(text), 0644); err != nil {
			panic(err)
		}
	}
	if err := os.Symlink("a/b", dir+"/link"); err != nil {
		panic(err)
	}
}

func walk(fsys fs.FS, root string, fn fs.WalkDirFunc) {
	err := fs.WalkDir(fsys, root, fn)
	fmt.Println("=> WalkDir returned:", err)
}

func main() {
	dir, err := os.MkdirTemp("", "gosub-fswalk-*")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	build(dir)
	fsys := os.DirFS(dir)

	fmt.Println("-- everything")
	walk(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, ierr := d.Info()
		size := int64(-1)
		if ierr == nil && !d.IsDir() {
			size = info.Size()
		}
		fmt.Println(path, d.Name(), d.IsDir(), d.Type(), size)
		return nil
	})

	fmt.Println("-- SkipDir on a/b and on a file of e")
	walk(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path)
		if path == "a/b" {
			return fs.SkipDir
		}
		if path == "e/readme.md" {
			return fs.SkipDir // skips the rest of e
		}
		return nil
	})

	fmt.Println("-- SkipAll at a/d")
	walk(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path)
		if path == "a/d" {
			return fs.SkipAll
		}
		return nil
	})

	fmt.Println("-- an error from the callback stops the walk")
	stop := errors.New("stop here")
	err = fs.WalkDir(fsys, "a", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path)
		if path == "a/b/y.go" {
			return stop
		}
		return nil
	})
	fmt.Println("=> WalkDir returned:", err, err == stop)

	fmt.Println("-- a subtree, and a file as the root")
	walk(fsys, "f", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path, d.IsDir())
		return nil
	})
	walk(fsys, "top.txt", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path, d.IsDir())
		return nil
	})

	fmt.Println("-- a missing root: the callback sees the error with a nil DirEntry")
	walk(fsys, "nope", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path, d == nil, err, errors.Is(err, fs.ErrNotExist))
		return err
	})
	walk(fsys, "nope", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path, d == nil, err)
		return nil
	})

	fmt.Println("-- an invalid root")
	walk(fsys, "../up", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path, d == nil, err)
		return err
	})

	fmt.Println("-- SkipDir on the root")
	walk(fsys, "a", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path)
		return fs.SkipDir
	})

	fmt.Println("-- a link as the root is followed (fs.Stat); inside the tree it is not")
	walk(fsys, "link", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path, d.IsDir(), d.Type()&fs.ModeSymlink != 0)
		return nil
	})

	fmt.Println(fs.SkipDir, "|", fs.SkipAll)
}
