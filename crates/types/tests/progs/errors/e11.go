package main

type R <-chan int

// Types as gc prints them in messages: chan (<-chan T), struct tags by strconv.Quote.
func main() {
	var s1 string = make(chan (<-chan int))
	var s2 string = new(chan (<-chan int))
	var c chan (<-chan int)
	var s3 string = c
	var d []chan (<-chan int)
	var s4 string = d
	var e chan R
	var s5 string = e
	c.x()
	var s6 string = struct{ a int "\u00a0\x01é\t'" }{}
	_, _, _, _, _, _ = s1, s2, s3, s4, s5, s6
}
