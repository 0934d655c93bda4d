// A cache of weak pointers: entries whose values nobody else holds disappear after a
// collection; entries still in use stay.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"weak"
)

type image struct {
	name   string
	pixels []byte
}

var inUse, all []*image

type cache struct {
	m map[string]weak.Pointer[image]
}

func (c *cache) get(name string) *image {
	if w, ok := c.m[name]; ok {
		if img := w.Value(); img != nil {
			return img
		}
	}
	img := &image{name: name, pixels: make([]byte, 256<<10)}
	c.m[name] = weak.Make(img)
	return img
}

func (c *cache) alive() []string {
	var out []string
	for k, w := range c.m {
		if w.Value() != nil {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func main() {
	c := &cache{m: map[string]weak.Pointer[image]{}}
	// (Package-level slices: a local one's first elements would sit in a stack buffer
	// that gosub keeps live for the whole function; docs/memory.md, "Liveness".)
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		img := c.get(n)
		all = append(all, img)
		if n == "b" || n == "d" {
			inUse = append(inUse, img)
		}
	}
	fmt.Println("before a collection:", c.alive())
	all = nil
	runtime.GC()
	fmt.Println("after a collection:", c.alive())
	fmt.Println("same object from the cache:", c.get("b") == inUse[0])
	again := c.get("a")
	fmt.Println("a rebuilt:", again.name, len(again.pixels))
	inUse = nil
	runtime.GC()
	fmt.Println("after dropping the rest:", c.alive())
	runtime.KeepAlive(again)
}
