// runtime.Caller, Callers, CallersFrames, FuncForPC (methods and closures by gc's names),
// runtime.Stack and debug.Stack, GOOS/GOARCH/Compiler/Version.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

func where() string {
	pc, file, line, ok := runtime.Caller(1)
	return fmt.Sprintf("%s %s:%d %v", runtime.FuncForPC(pc).Name(), base(file), line, ok)
}

func base(p string) string { return p[strings.LastIndex(p, "/")+1:] }

type T struct{}

func (T) M() string { return where() }

func trace() {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		fmt.Println(f.Function, base(f.File), f.Line)
		if !more || f.Function == "main.main" {
			break
		}
	}
}

func main() {
	fmt.Println(where())
	fmt.Println(T{}.M())
	func() { fmt.Println(where()) }()
	trace()
	_, _, _, ok := runtime.Caller(50)
	fmt.Println(ok, runtime.FuncForPC(0) == nil, runtime.FuncForPC(0).Name())
	s := string(debug.Stack())
	fmt.Println(strings.Split(s, "\n")[0], strings.Contains(s, "main.main()"), strings.Contains(s, "runtime/debug.Stack()"))
	buf := make([]byte, 10)
	fmt.Println(runtime.Stack(buf, false), string(buf))
	fmt.Println(runtime.GOOS, runtime.GOARCH, runtime.Compiler, strings.HasPrefix(runtime.Version(), "go1."))
}
