package main

import (
	"errors"
	"fmt"
	"strconv"
)

// strconv.FormatComplex and ParseComplex, with Go's errors.
func main() {
	c := complex(1.5, -2.25)
	for _, f := range []byte{'e', 'E', 'f', 'g', 'G', 'x', 'X'} {
		fmt.Println(strconv.FormatComplex(c, f, -1, 128), strconv.FormatComplex(c, f, 2, 64),
			strconv.FormatComplex(complex(0.1, 0.2), f, -1, 64))
	}
	fmt.Println(strconv.FormatComplex(complex(1e21, -1e-7), 'g', -1, 128))

	inputs := []string{"1+2i", "(3.5-4e2i)", "2i", "-i", "i", "+1", "NaN+NaNi", "+Inf-Infi",
		"inf", "(1+2i", "1++2i", "1+2", "", "1 + 2i", "0x10p0+0x1p-2i", "1_000-2_0i", "1__0i",
		"1e400+1i", "1+1e400i", "3.5e38+1i", "1.1+2.2i", "1+-2i", "+NaNi", "1e+i"}
	for _, s := range inputs {
		z, err := strconv.ParseComplex(s, 128)
		z64, err64 := strconv.ParseComplex(s, 64)
		fmt.Printf("%-16q %v %v | %v %v\n", s, z, err, z64, err64)
	}
	_, err := strconv.ParseComplex("x", 128)
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax, errors.Is(err, strconv.ErrSyntax))
	_, err = strconv.ParseComplex("1e999i", 128)
	fmt.Println(errors.Is(err, strconv.ErrRange))

	// Round trips.
	for _, z := range []complex128{1 + 2i, complex(1.0/3, -1e-300), complex(5e-324, 1.7976931348623157e308)} {
		s := strconv.FormatComplex(z, 'g', -1, 128)
		back, err := strconv.ParseComplex(s, 128)
		fmt.Println(s, back == z, err)
	}
}
