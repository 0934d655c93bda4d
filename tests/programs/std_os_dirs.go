package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "gosub-dirs-*")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	fmt.Println(os.MkdirAll(dir+"/a/b/c", 0750))
	fmt.Println(os.MkdirAll(dir+"/a/b", 0750))
	for _, n := range []string{"zeta.txt", "alpha.go", "mid.md"} {
		os.WriteFile(dir+"/a/"+n, []byte(strings.Repeat(n, 2)), 0644)
	}
	os.Chmod(dir+"/a/b", 0750)
	entries, err := os.ReadDir(dir + "/a")
	fmt.Println(err)
	for _, e := range entries {
		info, _ := e.Info()
		os.Chmod(dir+"/a/"+e.Name(), info.Mode().Perm()&0750)
		info, _ = e.Info()
		fmt.Println(e, e.Name(), e.IsDir(), e.Type(), info.Size())
	}

	// Reading a directory in chunks (in the file system's order: sorted here).
	f, _ := os.Open(dir + "/a")
	var seen []string
	for {
		chunk, err := f.ReadDir(2)
		if err == io.EOF {
			fmt.Println("EOF")
			break
		}
		for _, e := range chunk {
			seen = append(seen, e.Name())
		}
		fmt.Println(len(chunk), err)
	}
	slices.Sort(seen)
	fmt.Println(seen)
	f.Seek(0, io.SeekStart)
	names, err := f.Readdirnames(-1)
	slices.Sort(names)
	fmt.Println(names, err)
	f.Close()
	f, _ = os.Open(dir + "/a")
	infos, _ := f.Readdir(-1)
	slices.SortFunc(infos, func(a, b os.FileInfo) int { return strings.Compare(a.Name(), b.Name()) })
	for _, fi := range infos {
		fmt.Println(fi.Name(), fi.Mode(), fi.IsDir())
	}
	f.Close()

	// Stat, Lstat and symbolic links.
	fmt.Println(os.Symlink("alpha.go", dir+"/a/link"))
	fi, _ := os.Lstat(dir + "/a/link")
	fmt.Println(fi.Mode()&fs.ModeSymlink != 0, fi.Mode().Type() == fs.ModeSymlink)
	fi, _ = os.Stat(dir + "/a/link")
	fmt.Println(fi.Name(), fi.Size(), fi.Mode().IsRegular())
	target, err := os.Readlink(dir + "/a/link")
	fmt.Println(target, err)

	// Rename and Remove.
	fmt.Println(os.Rename(dir+"/a/mid.md", dir+"/a/b/moved.md"))
	_, err = os.Stat(dir + "/a/mid.md")
	fmt.Println(os.IsNotExist(err))
	fmt.Println(os.Remove(dir + "/a/link"))

	// Relative paths after Chdir.
	wd, _ := os.Getwd()
	fmt.Println(os.Chdir(dir + "/a/b"))
	b, err := os.ReadFile("moved.md")
	fmt.Println(string(b), err)
	here, _ := os.Getwd()
	fmt.Println(strings.HasSuffix(here, "/a/b"))
	fmt.Println(os.Chdir(wd))

	// DirFS and the io/fs helpers.
	fsys := os.DirFS(dir + "/a")
	data, err := fs.ReadFile(fsys, "zeta.txt")
	fmt.Println(string(data), err)
	ents, _ := fs.ReadDir(fsys, "b")
	fmt.Println(len(ents), ents[0].Name())
	st, err := fs.Stat(fsys, "alpha.go")
	fmt.Println(st.Name(), st.Size(), err)
	_, err = fsys.Open("../escape")
	fmt.Println(err)
	_, err = fs.ReadFile(fsys, "nope")
	fmt.Println(err)
	fmt.Println(fs.ValidPath("a/b"), fs.ValidPath("/a"), fs.ValidPath("a/../b"), fs.ValidPath("."))

	// FileMode strings.
	for _, m := range []fs.FileMode{0644, 0755 | fs.ModeDir, fs.ModeSymlink | 0777, fs.ModeNamedPipe | 0600,
		fs.ModeSetuid | fs.ModeSticky | 0711, fs.ModeDevice | fs.ModeCharDevice | 0620, 0} {
		fmt.Println(m, m.IsDir(), m.IsRegular(), m.Perm(), m.Type())
	}
}
