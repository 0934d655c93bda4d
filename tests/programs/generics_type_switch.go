// Type switches and assertions on type-parameter-typed values (through any), and type
// parameters as switch cases.
package main

import (
	"fmt"
	"strconv"
)

func Format[T any](x T) string {
	switch v := any(x).(type) {
	case nil:
		return "nil"
	case int:
		return "int:" + strconv.Itoa(v)
	case string:
		return "string:" + v
	case []T:
		return fmt.Sprintf("slice of %d", len(v))
	case fmt.Stringer:
		return "stringer:" + v.String()
	default:
		return fmt.Sprintf("%T", v)
	}
}

func As[T any](x any) (T, bool) {
	v, ok := x.(T)
	return v, ok
}

func Kind[T any]() string {
	var z T
	switch any(z).(type) {
	case int, int64:
		return "integer"
	case float64:
		return "float"
	}
	return "other"
}

type ID int

func (i ID) String() string { return "#" + strconv.Itoa(int(i)) }

func main() {
	fmt.Println(Format(1), Format("a"), Format(ID(4)), Format(2.5), Format[any](nil))
	fmt.Println(As[int](3))
	fmt.Println(As[string](3))
	fmt.Println(As[fmt.Stringer](ID(9)))
	fmt.Println(Kind[int](), Kind[float64](), Kind[string]())
}
