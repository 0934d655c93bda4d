package main

func buf() []byte {
	var b [8]byte
	return b[:4]
}

func main() { println(len(buf())) }
