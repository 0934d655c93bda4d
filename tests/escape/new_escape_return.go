package main

func mk() *int { return new(int) }

func main() { println(*mk()) }
