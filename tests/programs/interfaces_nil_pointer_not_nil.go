package main

import "fmt"

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil MyErr"
	}
	return e.msg
}

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{"failed"}
	}
	return p
}

func correct(fail bool) error {
	if fail {
		return &MyErr{"failed"}
	}
	return nil
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil, err)
	fmt.Printf("%T %v\n", err, err)
	err = correct(false)
	fmt.Println(err == nil, err)
	var p *MyErr
	var i any = p
	fmt.Println(p == nil, i == nil, i.(*MyErr) == nil)
	var s fmt.Stringer
	var a any = s
	fmt.Println(a == nil)
	fmt.Println(mayFail(true))
}
