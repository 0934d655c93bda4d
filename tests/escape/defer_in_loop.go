package main

func main() {
	for i := 0; i < 2; i++ {
		defer func() { println(i) }()
	}
}
