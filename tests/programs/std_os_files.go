package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "gosub-files-*")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	name := dir + "/data.txt"
	// Errors mention the names as given: strip the temporary directory.
	show := func(err error) {
		fmt.Println(strings.ReplaceAll(fmt.Sprint(err), dir, "DIR"))
	}

	f, err := os.Create(name)
	fmt.Println(err)
	n, err := f.WriteString("hello, world\n")
	fmt.Println(n, err)
	n, err = f.Write([]byte("second line\n"))
	fmt.Println(n, err)
	pos, err := f.Seek(0, io.SeekCurrent)
	fmt.Println("pos", pos, err)
	pos, err = f.Seek(7, io.SeekStart)
	fmt.Println("pos", pos, err)
	buf := make([]byte, 5)
	n, err = f.Read(buf)
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	n, err = f.WriteAt([]byte("WORLD"), 7)
	fmt.Println(n, err)
	n, err = f.ReadAt(buf, 7)
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	n, err = f.ReadAt(buf, 23)
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	_, err = f.ReadAt(buf, -1)
	show(err)
	_, err = f.Seek(-100, io.SeekCurrent)
	show(err)
	fmt.Println(f.Name() == name)
	fi, _ := f.Stat()
	fmt.Println(fi.Name(), fi.Size(), fi.IsDir(), fi.Mode().IsRegular())
	fmt.Println(f.Truncate(5), f.Sync())
	fi, _ = f.Stat()
	fmt.Println("size after truncate", fi.Size())
	fmt.Println(f.Close())
	err = f.Close()
	show(err)
	fmt.Println(errors.Is(err, os.ErrClosed))
	_, err = f.Read(buf)
	show(err)
	_, err = f.Write(buf)
	show(err)

	// Append mode.
	f, _ = os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(" appended")
	_, err = f.WriteAt([]byte("x"), 0)
	fmt.Println(err)
	f.Close()
	b, err := os.ReadFile(name)
	fmt.Printf("%q %v\n", b, err)

	// Reading to the end: io.EOF, and ReadAll / io.Copy.
	f, _ = os.Open(name)
	all, err := io.ReadAll(f)
	fmt.Printf("%q %v\n", all, err)
	n, err = f.Read(buf)
	fmt.Println(n, err)
	f.Seek(0, io.SeekStart)
	cnt, err := io.Copy(os.Stdout, f)
	fmt.Println()
	fmt.Println(cnt, err)
	_, err = f.Write([]byte("no"))
	show(err)
	f.Close()

	// O_EXCL on an existing file; O_CREATE on a missing one.
	_, err = os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0600)
	fmt.Println(err == nil, os.IsExist(err))
	f, err = os.OpenFile(dir+"/new.txt", os.O_CREATE|os.O_RDWR, 0600)
	fmt.Println(err)
	fmt.Fprintf(f, "%d-%s", 42, "x")
	f.Seek(0, io.SeekStart)
	b, _ = io.ReadAll(f)
	fmt.Println(string(b))
	f.Close()
	fmt.Println(os.Truncate(dir+"/new.txt", 2))
	b, _ = os.ReadFile(dir + "/new.txt")
	fmt.Println(string(b))

	// A nil *File.
	var nf *os.File
	_, err = nf.Read(buf)
	fmt.Println(err, err == os.ErrInvalid, nf.Close())
}
