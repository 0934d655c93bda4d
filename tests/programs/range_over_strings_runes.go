package main

import "fmt"

func main() {
	s := "aé世😀"
	for i, r := range s {
		fmt.Printf("%d:%c(%U) ", i, r, r)
	}
	fmt.Println()
	bad := "a\xffb\xe4\xb8"
	for i, r := range bad {
		fmt.Printf("%d:%q ", i, r)
	}
	fmt.Println()
	for i := range "héllo" {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i := 0; i < len("hé"); i++ {
		fmt.Printf("%x ", "hé"[i])
	}
	fmt.Println()
	count := 0
	for range "日本語" {
		count++
	}
	fmt.Println(count, len("日本語"))
	fmt.Println(s[1], s[1:3], string(s[1]))
}
