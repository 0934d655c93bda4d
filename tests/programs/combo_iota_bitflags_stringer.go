package main

import (
	"fmt"
	"strings"
)

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
	All = Read | Write | Exec
)

func (p Perm) String() string {
	if p == 0 {
		return "none"
	}
	var parts []string
	for _, f := range []struct {
		bit  Perm
		name string
	}{{Read, "r"}, {Write, "w"}, {Exec, "x"}} {
		if p&f.bit != 0 {
			parts = append(parts, f.name)
		}
	}
	if rest := p &^ All; rest != 0 {
		parts = append(parts, fmt.Sprintf("0x%x", uint8(rest)))
	}
	return strings.Join(parts, "|")
}

func main() {
	var p Perm
	fmt.Println(p)
	p |= Read | Exec
	fmt.Println(p, uint8(p))
	p &^= Read
	fmt.Println(p)
	fmt.Println(All, Perm(0xff))
	fmt.Printf("%v %d %08b %s\n", Write, Write, All, Perm(6))
	fmt.Println(p&Write == 0, All.String() == "r|w|x")
}
