package main

import "fmt"

type Celsius float64
type Fahrenheit float64

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }
func (f Fahrenheit) ToC() Celsius { return Celsius((f - 32) * 5 / 9) }
func (c Celsius) String() string  { return fmt.Sprintf("%.1f°C", float64(c)) }

func main() {
	boiling := Celsius(100)
	fmt.Println(boiling, boiling.ToF())
	body := Fahrenheit(98.6)
	fmt.Println(body.ToC())
	var c Celsius = 20
	c += 5
	fmt.Println(c, c > 24, float64(c))
	fmt.Printf("%v %.2f %T %T\n", c, c, c, body)
	temps := []Celsius{-40, 0, 37}
	fmt.Println(temps)
	fmt.Println(Celsius(-40).ToF() == Fahrenheit(-40))
}
