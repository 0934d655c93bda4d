// container/list: pushing, inserting, moving and removing, a zero List used directly,
// operations with elements of another list (no effect), and an LRU cache built on it.
package main

import (
	"container/list"
	"fmt"
)

func dump(l *list.List) {
	fmt.Print(l.Len(), ": [")
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(" ", e.Value)
	}
	fmt.Print(" ] back:")
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(" ", e.Value)
	}
	fmt.Println()
}

type lru struct {
	cap   int
	order *list.List
	items map[string]*list.Element
}

type entry struct {
	key string
	val int
}

func (c *lru) get(k string) (int, bool) {
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*entry).val, true
	}
	return 0, false
}

func (c *lru) put(k string, v int) {
	if e, ok := c.items[k]; ok {
		e.Value.(*entry).val = v
		c.order.MoveToFront(e)
		return
	}
	c.items[k] = c.order.PushFront(&entry{k, v})
	if c.order.Len() > c.cap {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.items, old.Value.(*entry).key)
		fmt.Println("evict", old.Value.(*entry).key)
	}
}

func main() {
	var l list.List // the zero value is ready to use
	fmt.Println(l.Front(), l.Back(), l.Len())
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	dump(&l)
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	dump(&l)
	l.MoveBefore(e1, e4)
	l.MoveAfter(e4, l.Back())
	dump(&l)
	fmt.Println(l.Remove(e4), l.Remove(e4)) // the second Remove is a no-op
	dump(&l)

	other := list.New()
	o := other.PushBack("x")
	fmt.Println(l.InsertBefore(9, o), l.InsertAfter(9, o)) // mark not in l: nil
	l.MoveToFront(o)                                       // not in l: no effect
	fmt.Println(l.Remove(o), other.Len())
	dump(&l)

	l.PushBackList(&l)
	dump(&l)
	l.PushFrontList(other)
	dump(&l)
	fmt.Println(e4.Next(), e4.Prev(), l.Front().Prev(), l.Back().Next())
	l.Init()
	dump(&l)

	c := &lru{cap: 2, order: list.New(), items: map[string]*list.Element{}}
	c.put("a", 1)
	c.put("b", 2)
	fmt.Println(c.get("a"))
	c.put("c", 3)
	fmt.Println(c.get("b"))
	c.put("a", 10)
	c.put("d", 4)
	fmt.Println(c.get("a"))
	fmt.Println(c.get("c"))
}
