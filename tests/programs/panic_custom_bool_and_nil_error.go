package main

func main() {
	defer func() {
		r := recover()
		println("got", r.(bool))
		var e error
		panic(e)
	}()
	panic(true)
}
