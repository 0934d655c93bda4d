package main

import (
	"errors"
	"fmt"
)

type Stringer interface{ String() string }
type ID int

func (i ID) String() string { return fmt.Sprintf("ID-%d", int(i)) }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case string:
		return "string of len " + fmt.Sprint(len(x))
	case error:
		return "error: " + x.Error()
	case Stringer:
		return "stringer " + x.String()
	case []int:
		return fmt.Sprint("slice ", len(x))
	case func() int:
		return fmt.Sprint("func returning ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	fmt.Println(classify(nil))
	fmt.Println(classify(3))
	fmt.Println(classify(int64(4)))
	fmt.Println(classify("héllo"))
	fmt.Println(classify(errors.New("bad")))
	fmt.Println(classify(ID(7)))
	fmt.Println(classify([]int{1, 2}))
	fmt.Println(classify(func() int { return 9 }))
	fmt.Println(classify(3.5))
	var p *int
	fmt.Println(classify(p))
	switch v := any(ID(1)).(type) {
	case fmt.Stringer:
		fmt.Println("fmt.Stringer first", v)
	case ID:
		fmt.Println("ID", v)
	}
}
