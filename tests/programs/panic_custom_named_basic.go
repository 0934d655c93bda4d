package main

type Code int
type Msg string

func main() {
	defer func() {
		r := recover()
		println("recovered", r.(Code))
		panic(Msg("named string"))
	}()
	panic(Code(5))
}
