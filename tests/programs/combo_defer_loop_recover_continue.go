package main

import (
	"fmt"
	"strconv"
)

func mustParse(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	if n < 0 {
		panic(fmt.Sprintf("negative: %d", n))
	}
	return n
}

func safe(s string) (n int, err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case error:
			err = r
		case string:
			err = fmt.Errorf("%s", r)
		}
	}()
	return mustParse(s), nil
}

func main() {
	total := 0
	for _, s := range []string{"10", "x", "-3", "7", "999999999999999999999"} {
		n, err := safe(s)
		if err != nil {
			fmt.Println("skip:", err)
			continue
		}
		total += n
	}
	fmt.Println("total", total)
}
