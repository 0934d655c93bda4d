package main

func mk() (p *int) {
	x := 3
	p = &x
	return
}

func main() { println(*mk()) }
