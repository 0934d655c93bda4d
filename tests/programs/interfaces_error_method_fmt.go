package main

import "fmt"

type E struct{ Code int }

func (e E) Error() string { return fmt.Sprintf("E%d", e.Code) }

type Both struct{}

func (Both) Error() string  { return "as-error" }
func (Both) String() string { return "as-string" }

type Holder struct {
	Err error
}

func main() {
	var err error = E{404}
	fmt.Println(err)
	fmt.Printf("%v %s %+v %d\n", err, err, err, err)
	fmt.Printf("%#v\n", err)
	fmt.Println(Both{})
	fmt.Println(Holder{E{1}}, Holder{})
	fmt.Printf("%q\n", err)
	fmt.Println([]error{E{1}, nil, E{2}})
}
