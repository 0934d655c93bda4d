// Package os: the parts scripts use (Args, Exit, Stdout, Stderr).
package os

type File struct {
	fd int
}

var (
	Stdin  = &File{0}
	Stdout = &File{1}
	Stderr = &File{2}
)

var Args []string = runtimeArgs()

func runtimeArgs() []string

func writeFd(fd int, s string)

func (f *File) WriteString(s string) (n int, err error) {
	writeFd(f.fd, s)
	return len(s), nil
}

func (f *File) Write(b []byte) (n int, err error) {
	writeFd(f.fd, string(b))
	return len(b), nil
}

func Exit(code int)

func Getenv(key string) string
