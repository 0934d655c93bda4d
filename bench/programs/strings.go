// strings: strings.Builder, +=, strconv, Split/Join and byte scans.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	var b strings.Builder
	for i := 0; i < 400000; i++ {
		b.WriteString(strconv.Itoa(i))
		b.WriteByte(',')
	}
	s := b.String()
	parts := strings.Split(s, ",")
	sum := 0
	for _, p := range parts {
		if p == "" {
			continue
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			panic(err)
		}
		sum += n
	}
	joined := strings.Join(parts[:1000], "-")
	small := ""
	for i := 0; i < 20000; i++ {
		small += string(rune('a' + i%26))
	}
	sevens := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '7' {
			sevens++
		}
	}
	fmt.Println(len(s), len(parts), sum, len(joined), strings.ToUpper(small[:26]), sevens)
}
