// maps.go — creating maps, comma-ok lookups, delete, maps of slices,
// struct keys, and printing (fmt sorts map keys).
package main

import (
	"fmt"
	"sort"
)

type City struct {
	Name, Country string
}

func main() {
	ages := map[string]int{"alice": 31, "bob": 25}
	ages["carol"] = 40
	if age, ok := ages["dave"]; !ok {
		fmt.Println("dave not found; zero value is", age)
	}
	delete(ages, "bob")
	fmt.Println(ages, len(ages))

	byLetter := map[byte][]string{}
	for _, w := range []string{"go", "rust", "gopher", "ruby", "zig"} {
		byLetter[w[0]] = append(byLetter[w[0]], w)
	}
	keys := make([]int, 0)
	for k := range byLetter {
		keys = append(keys, int(k))
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Printf("%c: %v\n", k, byLetter[byte(k)])
	}

	population := map[City]int{
		{"Paris", "FR"}: 2_100_000,
		{"Lyon", "FR"}:  520_000,
		{"Rome", "IT"}:  2_800_000,
	}
	perCountry := map[string]int{}
	for c, n := range population {
		perCountry[c.Country] += n
	}
	fmt.Println(perCountry)

	var nilMap map[string]bool
	fmt.Println(nilMap["anything"], len(nilMap)) // reading a nil map is fine
}
