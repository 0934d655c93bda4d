package main

type B struct {
	buf []int
	a, b *int
}

func (b *B) shift() { b.buf = b.buf[1:] }
func (b *B) swap()  { b.a = b.b }

func main() {
	x := &B{buf: []int{1, 2}}
	x.shift()
	x.swap()
	println(len(x.buf))
}
