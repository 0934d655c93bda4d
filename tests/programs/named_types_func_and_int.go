package main

import "fmt"

type Op func(int, int) int

func (o Op) Apply(a, b int) int { return o(a, b) }

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue"}[d]
}

func (d Weekday) Next() Weekday { return (d + 1) % 3 }

type Flag bool

func (f Flag) Not() Flag { return !f }

func main() {
	add := Op(func(a, b int) int { return a + b })
	fmt.Println(add.Apply(3, 4), add(1, 1))
	d := Monday
	fmt.Println(d, d.Next(), d.Next().Next())
	fmt.Printf("%v %d %s %T\n", d, d, d, d)
	fmt.Println(Flag(true).Not())
	days := []Weekday{Tuesday, Sunday}
	fmt.Println(days)
	m := map[Weekday]int{Monday: 1, Sunday: 0}
	fmt.Println(m)
}
