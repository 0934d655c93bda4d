// os.CopyFS walks a file system with fs.WalkDir and recreates it below a directory:
// directories, files (contents and execute bits) and symbolic links (from ReadLinkFS), from
// os.DirFS and from an fs.Sub of it; copying onto existing files fails with ErrExist, and
// the walk's error (a missing root) is returned. Temporary directories; only relative
// names are printed.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func list(title string, fsys fs.FS) {
	fmt.Println("--", title)
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			t, err := fs.ReadLink(fsys, path)
			fmt.Println(path, "->", t, err)
		case d.IsDir():
			fmt.Println(path + "/")
		default:
			info, _ := d.Info()
			b, err := fs.ReadFile(fsys, path)
			fmt.Printf("%s %q exec=%v %v\n", path, b, info.Mode()&0100 != 0, err)
		}
		return nil
	})
	fmt.Println("=>", err)
}

func main() {
	src, err := os.MkdirTemp("", "gosub-copyfs-src-*")
	must(err)
	defer os.RemoveAll(src)
	dst, err := os.MkdirTemp("", "gosub-copyfs-dst-*")
	must(err)
	defer os.RemoveAll(dst)

	must(os.MkdirAll(src+"/a/b", 0755))
	must(os.MkdirAll(src+"/empty", 0755))
	must(os.WriteFile(src+"/a/one.txt", []byte("one"), 0644))
	must(os.WriteFile(src+"/a/b/two.txt", []byte("two\n"), 0600))
	must(os.WriteFile(src+"/run.sh", []byte("#!/bin/sh\n"), 0755))
	must(os.Chmod(src+"/run.sh", 0755))
	must(os.Symlink("a/one.txt", src+"/link"))

	// Into a directory that does not exist yet.
	fmt.Println(os.CopyFS(dst+"/copy", os.DirFS(src)))
	list("copy", os.DirFS(dst+"/copy"))

	// Again: the first existing file stops it.
	err = os.CopyFS(dst+"/copy", os.DirFS(src))
	fmt.Println(errors.Is(err, fs.ErrExist), strings.ReplaceAll(err.Error(), dst, "DST"))

	// A sub tree.
	sub, err := fs.Sub(os.DirFS(src), "a")
	must(err)
	fmt.Println(os.CopyFS(dst+"/sub/", sub))
	list("sub", os.DirFS(dst+"/sub"))

	// A file system whose walk reports an error.
	err = os.CopyFS(dst+"/none", os.DirFS(src+"/missing"))
	fmt.Println(errors.Is(err, fs.ErrNotExist), err)
}
