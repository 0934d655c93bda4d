// Every errno's message as Go prints it (syscall.go keeps them as the lines of one string:
// the first, the empty one, is errno 0; gaps and numbers past the table print "errno N").

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

func main() {
	for e := syscall.Errno(0); e < 136; e++ {
		fmt.Printf("%d %q\n", int(e), e.Error())
	}
	fmt.Println(syscall.Errno(1<<40).Error(), syscall.ENOENT, syscall.EACCES)
	_, err := os.Open("/nonexistent/file")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOENT))
}
