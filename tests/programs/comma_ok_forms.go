// Comma-ok type assertions and map lookups whose results go straight into the variables
// they define or assign (the compiler writes them there, without temporaries): to
// interfaces and to concrete types of every size, values of every size and narrow signed
// ones, failing and succeeding, into the variable asserted from or used as the key, on nil
// interfaces and maps, and in a loop that allocates, so collections run between them.
package main

import (
	"fmt"
	"strings"
)

type Named interface{ Name() string }

type dog struct{ n string }

func (d *dog) Name() string { return "dog " + d.n }

type cat struct{ lives int }

func (c cat) Name() string { return fmt.Sprint("cat ", c.lives) }

type pair struct{ a, b int }

func main() {
	vals := []any{&dog{"rex"}, cat{9}, 42, int8(-3), true, "str", []int{1, 2}, pair{3, 4}, nil, 2.5}
	for i, v := range vals {
		n, ok := v.(Named)
		s, sok := v.(string)
		p, pok := v.(pair)
		q, qok := v.(*dog)
		k, kok := v.(int)
		b, bok := v.(int8)
		sl, slok := v.([]int)
		name := "-"
		if ok {
			name = n.Name()
		}
		fmt.Println(i, name, ok, n == nil, s, sok, p, pok, q != nil, qok, k, kok, b, bok, sl, slok)
	}
	// Into the variable asserted from.
	var x any = cat{3}
	var ok bool
	x, ok = x.(Named)
	fmt.Println(x, ok)
	x, ok = x.(fmt.Stringer)
	fmt.Println(x, ok)
	// Destination and source the same variable (no conversion between them).
	var nm Named = cat{5}
	nm, ok = nm.(Named)
	fmt.Println(nm.Name(), ok)
	var st fmt.Stringer
	st, ok = st.(fmt.Stringer)
	fmt.Println(st == nil, ok)
	type M map[int]M
	mm := M{1: M{2: nil}}
	mm, ok = mm[1]
	fmt.Println(len(mm), ok, mm[2] == nil)
	mm, ok = mm[7]
	fmt.Println(mm == nil, ok)
	mb := map[string]bool{"t": true, "f": false}
	var bb bool
	bb, bb = mb["f"]
	fmt.Println(bb)
	bb, bb = mb["x"]
	fmt.Println(bb)
	// Without the flag: values of one to four words, a map value, a type switch's clauses.
	type quad struct{ a, b, c, d int }
	for _, v := range []any{"s", []int{9}, quad{1, 2, 3, 4}, pair{7, 8}} {
		switch x := v.(type) {
		case string:
			fmt.Println("string", x+x)
		case []int:
			fmt.Println("slice", x, len(x), cap(x))
		case quad:
			fmt.Println("quad", x.a+x.d)
		default:
			fmt.Println("default", x)
		}
	}
	var q any = quad{1, 2, 3, 4}
	qq := q.(quad)
	var sv any = []string{"a", "b"}
	ss := sv.([]string)
	var pv any = pair{1, 2}
	pp := pv.(pair)
	ms := map[int]string{1: "x"}
	m1, m2 := ms[1], ms[2]
	fmt.Println(qq, ss, pp, m1, m2 == "")
	many()
	defer func() { fmt.Println("recovered:", recover()) }()
	bad := q.(pair)
	fmt.Println("not reached", bad)
}

func many() {
	// Many, with garbage between them.
	total, names := 0, 0
	var keep []string
	for i := 0; i < 200000; i++ {
		var v any
		switch i % 4 {
		case 0:
			v = &dog{strings.Repeat("x", i%5)}
		case 1:
			v = cat{i}
		case 2:
			v = i
		default:
			v = fmt.Sprint(i)
		}
		if n, ok := v.(Named); ok {
			names += len(n.Name())
		}
		if c, ok := v.(cat); ok {
			total += c.lives
		}
		if s, ok := v.(string); ok && i%20000 == 3 {
			keep = append(keep, s)
		}
	}
	fmt.Println(total, names, keep)

	small := map[string]int8{"a": -1, "b": 7}
	words := map[int]string{1: "one", 2: "two"}
	pairs := map[string]pair{"p": {5, 6}}
	sets := map[int]struct{}{3: {}}
	var nilmap map[int]int
	for _, key := range []string{"a", "b", "c"} {
		v, ok := small[key]
		w, wok := words[len(key)]
		p, pok := pairs[key]
		_, sok := sets[len(key)+2]
		z, zok := nilmap[len(key)]
		fmt.Println(key, v, ok, int(v)+1, w, wok, p, pok, sok, z, zok)
	}
	k := 1
	var found bool
	next := map[int]int{1: 2, 2: 3, 3: 0}
	for i := 0; i < 5; i++ {
		k, found = next[k]
		fmt.Print(k, found, " ")
	}
	fmt.Println()
	counts := map[int]int{}
	for i := 0; i < 100000; i++ {
		if c, ok := counts[i%1000]; ok {
			counts[i%1000] = c + 1
		} else {
			counts[i%1000] = 1
		}
	}
	fmt.Println(len(counts), counts[0], counts[999])
}
