package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	g, err := os.Getgroups()
	fmt.Println(os.Getuid() >= 0, os.Geteuid() == os.Getuid(), os.Getgid() >= 0, os.Getegid() == os.Getgid(), err, len(g) >= 0, os.Getppid() > 0)
	runtime.SetDefaultGOMAXPROCS()
	fmt.Println(runtime.NumCPU() > 0, runtime.GOMAXPROCS(0) > 0)
}
