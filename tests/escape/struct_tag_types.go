package main

var sink any

// Struct tags in types print as strconv.Quote prints them, as gc's type printer does.
func main() {
	p := &struct {
		a int "\u00a0\x01é"
	}{}
	sink = p
	q := []struct {
		a int "t"
	}{{1}}
	sink = q
	r := map[int]struct {
		b int `json:"b"`
	}{}
	sink = r
}
