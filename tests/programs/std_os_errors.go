package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

func main() {
	dir, err := os.MkdirTemp("", "gosub-errs-*")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	// Errors mention the names as given: strip the temporary directory.
	show := func(err error) {
		fmt.Println(strings.ReplaceAll(fmt.Sprint(err), dir, "DIR"))
	}

	_, err = os.Open("/definitely/not/here")
	fmt.Println(err)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		fmt.Println(pe.Op, pe.Path, pe.Err, pe.Err == syscall.ENOENT)
	}
	fmt.Printf("%T %T\n", err, pe.Err)
	fmt.Println(errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist), os.IsNotExist(err), os.IsExist(err))
	fmt.Println(errors.Unwrap(err) == syscall.ENOENT)

	os.Mkdir(dir+"/sub", 0755)
	os.WriteFile(dir+"/sub/f", []byte("x"), 0644)
	err = os.Mkdir(dir+"/sub", 0755)
	show(err)
	fmt.Println(os.IsExist(err), errors.Is(err, fs.ErrExist))
	err = os.Remove(dir + "/sub")
	show(err)
	fmt.Println(os.IsExist(err))
	show(os.Remove(dir + "/missing"))
	show(os.Mkdir(dir+"/missing/deeper", 0755))
	show(os.MkdirAll(dir+"/sub/f/x", 0755))
	_, err = os.ReadFile(dir + "/sub")
	show(err)
	_, err = os.ReadDir(dir + "/sub/f")
	show(err)
	show(os.Rename(dir+"/nothing", dir+"/other"))
	show(os.Rename(dir+"/sub/f", dir+"/sub"))
	var le *os.LinkError
	err = os.Rename(dir+"/nothing", dir+"/other")
	fmt.Println(errors.As(err, &le), le.Op, os.IsNotExist(err))

	// Writing to a file opened read-only.
	f, _ := os.Open(dir + "/sub/f")
	_, err = f.Write([]byte("y"))
	show(err)
	fmt.Println(errors.Is(err, syscall.EBADF))
	f.Close()

	// A file without permissions (root may still read it, so only the mode is shown).
	os.WriteFile(dir+"/secret", []byte("s"), 0600)
	os.Chmod(dir+"/secret", 0)
	fi, _ := os.Stat(dir + "/secret")
	fmt.Println(fi.Mode())

	fmt.Println(syscall.ENOENT, syscall.EACCES, syscall.EEXIST, syscall.ENOTEMPTY, syscall.Errno(200))
	fmt.Println(syscall.EACCES.Is(fs.ErrPermission), syscall.EPERM.Is(os.ErrPermission), syscall.ENOTEMPTY.Is(fs.ErrExist))
	fmt.Println(os.IsPermission(&fs.PathError{Op: "open", Path: "/x", Err: syscall.EACCES}))
	fmt.Println(os.NewSyscallError("getcwd", syscall.ERANGE), os.NewSyscallError("x", nil) == nil)
	fmt.Println(fs.ErrInvalid, fs.ErrClosed, os.ErrProcessDone)
	fmt.Println(os.Setenv("", "v"), os.Setenv("A=B", "v"))
}
