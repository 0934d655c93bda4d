// fmt calls String and Error on the values it reaches inside an operand (exported struct
// fields, elements, map keys and values), never through unexported fields or for a bad verb.
package main

import (
	"errors"
	"fmt"
	"time"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Reading struct {
	Where string
	T     Celsius
	temps []Celsius
	Err   error
}

type ID int

func (i *ID) String() string { return fmt.Sprint("id-", int(*i)) }

func main() {
	fmt.Println(struct {
		Name string
		D    time.Duration
	}{"test", time.Second})
	fmt.Println(map[string]time.Duration{"a": time.Second, "b": 1500 * time.Millisecond})
	r := Reading{"lab", 21.5, []Celsius{1, 2}, errors.New("e")}
	fmt.Printf("%v\n%+v\n", r, r)
	fmt.Println([]Celsius{3, 4}, [2]Celsius{5}, map[Celsius]bool{7: true})
	x := ID(4)
	fmt.Println([]*ID{&x}[0] == &x, struct{ P *ID }{&x})
	fmt.Printf("%d %s\n", []Celsius{1}, []Celsius{2})
}
