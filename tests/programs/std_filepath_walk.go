// path/filepath on a real tree (made in a temporary directory; only paths relative to it
// are printed): Walk (FileInfo, links not followed, SkipDir on a directory and on a
// file, SkipAll, a missing root, an error from the callback), WalkDir, Glob (patterns in
// several elements, an escaped meta character, a bad pattern), EvalSymlinks (relative and
// absolute links, .. after a link, a loop, a missing file, a file used as a directory)
// and Abs (against the working directory, also after Chdir).
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

var root string

func rel(p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil {
		return "!" + err.Error()
	}
	return r
}

// name is the base name the walk reports, but not the temporary root's (it varies).
func name(path, base string) string {
	if path == root {
		return "(root)"
	}
	return base
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	dir, err := os.MkdirTemp("", "gosub-filepath-*")
	must(err)
	defer os.RemoveAll(dir)
	// Resolve the temporary directory itself ($TMPDIR may be a link).
	root, err = filepath.EvalSymlinks(dir)
	must(err)

	for _, d := range []string{"src/pkg/sub", "src/cmd", "docs", "empty", "x*y"} {
		must(os.MkdirAll(filepath.Join(root, d), 0755))
	}
	for name, text := range map[string]string{
		"src/pkg/a.go":     "package pkg",
		"src/pkg/b.go":     "package pkg // b",
		"src/pkg/sub/c.go": "package sub",
		"src/cmd/main.go":  "package main",
		"docs/guide.md":    "# guide",
		"docs/notes.txt":   "notes",
		"x*y/star.txt":     "*",
		"README":           "readme",
	} {
		must(os.WriteFile(filepath.Join(root, name), []byte(text), 0644))
	}
	must(os.Symlink("src/pkg", filepath.Join(root, "pkglink")))
	must(os.Symlink(filepath.Join(root, "docs"), filepath.Join(root, "abslink")))
	must(os.Symlink("../README", filepath.Join(root, "docs/readme-link")))
	must(os.Symlink("loop2", filepath.Join(root, "loop1")))
	must(os.Symlink("loop1", filepath.Join(root, "loop2")))

	fmt.Println("-- Walk")
	err = filepath.Walk(root, func(path string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		size := int64(-1) // a link's size is its target's length: not printed
		if info.Mode().IsRegular() {
			size = info.Size()
		}
		fmt.Println(rel(path), name(path, info.Name()), info.IsDir(), info.Mode().Type(), size)
		return nil
	})
	fmt.Println("=>", err)

	fmt.Println("-- Walk with SkipDir (on src/pkg, and on a file of docs) and SkipAll")
	err = filepath.Walk(root, func(path string, info fs.FileInfo, err error) error {
		r := rel(path)
		fmt.Println(r)
		switch r {
		case "src/pkg", "docs/guide.md":
			return filepath.SkipDir
		case "src/cmd":
			return filepath.SkipAll
		}
		return nil
	})
	fmt.Println("=>", err)

	fmt.Println("-- Walk: a missing root, and an error from the callback")
	err = filepath.Walk(filepath.Join(root, "missing"), func(path string, info fs.FileInfo, err error) error {
		fmt.Println(rel(path), info == nil, errors.Is(err, fs.ErrNotExist))
		return err
	})
	fmt.Println("=>", errors.Is(err, fs.ErrNotExist))
	stop := errors.New("stop")
	err = filepath.Walk(filepath.Join(root, "src"), func(path string, info fs.FileInfo, err error) error {
		fmt.Println(rel(path))
		if info.Name() == "b.go" {
			return stop
		}
		return nil
	})
	fmt.Println("=>", err)

	fmt.Println("-- WalkDir")
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fmt.Println(rel(path), name(path, d.Name()), d.IsDir(), d.Type())
		if d.Name() == "sub" {
			return filepath.SkipDir
		}
		return nil
	})
	fmt.Println("=>", err)
	err = filepath.WalkDir(filepath.Join(root, "pkglink"), func(path string, d fs.DirEntry, err error) error {
		fmt.Println(rel(path), d.IsDir(), d.Type(), err)
		return nil
	})
	fmt.Println("=>", err)
	err = filepath.WalkDir(filepath.Join(root, "nope"), func(path string, d fs.DirEntry, err error) error {
		fmt.Println(rel(path), d == nil, errors.Is(err, fs.ErrNotExist))
		return nil
	})
	fmt.Println("=>", err)

	fmt.Println("-- Glob")
	for _, pat := range []string{"*", "src/*/*.go", "*/*.md", "src/pkg/[ab].go", "x\\*y/*", "x*y/*.txt", "*/sub/*", "pkglink/*", "nomatch*", "src/[", "[]"} {
		m, err := filepath.Glob(filepath.Join(root, pat))
		rs := []string{}
		for _, p := range m {
			rs = append(rs, rel(p))
		}
		fmt.Printf("%q: %q %v\n", pat, rs, err)
	}

	fmt.Println("-- EvalSymlinks")
	// Not Join: it would clean "pkglink/.." away before the link is read.
	for _, p := range []string{"pkglink", "pkglink/a.go", "pkglink/../cmd/main.go", "abslink/readme-link", "abslink/../src/./cmd", "docs/readme-link", "src//pkg/", "."} {
		got, err := filepath.EvalSymlinks(root + "/" + p)
		fmt.Printf("%q: %q %v\n", p, rel(got), err)
	}
	for _, p := range []string{"loop1", "missing/x", "README/x"} {
		_, err := filepath.EvalSymlinks(root + "/" + p)
		fmt.Printf("%q: %s\n", p, strings.ReplaceAll(fmt.Sprint(err), root, "ROOT"))
	}

	fmt.Println("-- Abs")
	wd, err := os.Getwd()
	must(err)
	for _, p := range []string{"", ".", "a/b/../c", "/already/abs/../x", "./d/"} {
		abs, err := filepath.Abs(p)
		if strings.HasPrefix(p, "/") {
			fmt.Println(p, abs, err)
		} else {
			r, _ := filepath.Rel(wd, abs)
			fmt.Println(p, filepath.IsAbs(abs), r, err)
		}
	}
	must(os.Chdir(filepath.Join(root, "src")))
	abs, err := filepath.Abs("pkg/a.go")
	fmt.Println(rel(abs), err)
	got, err := filepath.EvalSymlinks("../pkglink/sub")
	fmt.Println(got, err)
	m, err := filepath.Glob("*/*.go")
	fmt.Println(m, err)
	must(os.Chdir(wd))
}
