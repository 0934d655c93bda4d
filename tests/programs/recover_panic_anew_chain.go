// A deferred function that recovers and panics anew aborts the first panic: once the
// new one is recovered further out, both are over, and a later fatal panic prints only
// its own chain. A panic recovered inside a deferred call leaves the panic running that
// call in progress. (text/tabwriter's handlePanic turns panics into new ones this way.)
package main

import "fmt"

func recoverAndPanic(tag string) {
	if e := recover(); e != nil {
		panic(fmt.Sprintf("%s (%v)", tag, e))
	}
}

func twice() {
	defer recoverAndPanic("second")
	panic("first")
}

func thrice() {
	defer recoverAndPanic("third")
	twice()
}

func catch(f func()) {
	defer func() { fmt.Println("caught:", recover()) }()
	f()
}

// inner recovers its own panic while the outer panic's deferred call runs.
func nested() {
	defer func() {
		func() {
			defer func() { fmt.Println("  inner caught:", recover()) }()
			panic("inner")
		}()
		fmt.Println("  still panicking with the outer one")
	}()
	panic("outer")
}

func main() {
	catch(twice)
	catch(thrice)
	catch(nested)
	catch(func() {
		defer func() {
			catch(twice)
			fmt.Println("  back in a deferred call of:", recover())
		}()
		panic("uncaught so far")
	})
	func() {
		defer recoverAndPanic("last")
		panic("fatal")
	}()
}
