// Text before the package clause: the go command reads the header first and says so in
// go/parser's words, not gc's.
x package main

func main() {}
