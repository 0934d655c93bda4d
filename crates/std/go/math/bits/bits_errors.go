// The run-time errors Div and Div32/Div64 panic with. Go's are the runtime's own error
// values (linked in from package runtime); gosub's have the same text and, like them,
// implement runtime.Error.

package bits

type runtimeError string

func (e runtimeError) Error() string { return "runtime error: " + string(e) }

func (e runtimeError) RuntimeError() {}

var overflowError error = runtimeError("integer overflow")

var divideError error = runtimeError("integer divide by zero")
