package main

import (
	"fmt"
	"sort"
	"strings"
)

type Item struct {
	SKU      string
	Category string
	Qty      int
	Price    float64
}

type Inventory []Item

func (inv Inventory) ByCategory() map[string][]Item {
	out := map[string][]Item{}
	for _, it := range inv {
		out[it.Category] = append(out[it.Category], it)
	}
	return out
}

func (inv Inventory) LowStock(threshold int) (low []string) {
	for _, it := range inv {
		if it.Qty < threshold {
			low = append(low, it.SKU)
		}
	}
	sort.Strings(low)
	return
}

func main() {
	inv := Inventory{
		{"A-1", "tools", 5, 12.5}, {"B-7", "garden", 0, 30}, {"A-2", "tools", 40, 3.75},
		{"C-3", "kitchen", 2, 8}, {"B-1", "garden", 12, 1.2},
	}
	cats := inv.ByCategory()
	names := make([]string, 0, len(cats))
	for c := range cats {
		names = append(names, c)
	}
	sort.Strings(names)
	grand := 0.0
	for _, c := range names {
		total := 0.0
		for _, it := range cats[c] {
			total += float64(it.Qty) * it.Price
		}
		grand += total
		fmt.Printf("%-8s items=%d value=%8.2f\n", strings.ToUpper(c), len(cats[c]), total)
	}
	fmt.Printf("%-8s %17.2f\n", "TOTAL", grand)
	fmt.Println("low stock:", inv.LowStock(5))
}
