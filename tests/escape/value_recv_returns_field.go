package main

type S struct{ name string; p *int }

func (s S) P() *int { return s.p }
func (s *S) Name() string { return s.name }

func main() {
	x := 1
	s := S{"a", &x}
	println(*s.P(), s.Name())
}
