package main

import (
	"fmt"
	"sort"
	"strings"
)

type Handler func(args []string) string

func main() {
	handlers := map[string]Handler{
		"upper": func(a []string) string { return strings.ToUpper(strings.Join(a, " ")) },
		"count": func(a []string) string { return fmt.Sprint(len(a)) },
		"rev": func(a []string) string {
			out := make([]string, len(a))
			for i, s := range a {
				out[len(a)-1-i] = s
			}
			return strings.Join(out, " ")
		},
	}
	cmds := []string{"upper hello world", "count a b c", "rev 1 2 3", "nope x"}
	for _, c := range cmds {
		f := strings.Fields(c)
		h, ok := handlers[f[0]]
		if !ok {
			fmt.Printf("%s: unknown command\n", f[0])
			continue
		}
		fmt.Printf("%s: %s\n", f[0], h(f[1:]))
	}
	names := make([]string, 0, len(handlers))
	for n := range handlers {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Println(names)
	pipeline := []func(int) int{
		func(x int) int { return x + 1 },
		func(x int) int { return x * x },
		func(x int) int { return -x },
	}
	v := 3
	for _, p := range pipeline {
		v = p(v)
	}
	fmt.Println(v)
}
