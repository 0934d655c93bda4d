package main

import "fmt"

type Row struct {
	Name  string
	Qty   int
	Price float64
}

func main() {
	rows := []Row{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"kiwi", 12, 0.2}}
	fmt.Printf("%-12s %5s %8s\n", "ITEM", "QTY", "TOTAL")
	total := 0.0
	for _, r := range rows {
		t := float64(r.Qty) * r.Price
		total += t
		fmt.Printf("%-12s %5d %8.2f\n", r.Name, r.Qty, t)
	}
	fmt.Printf("%-12s %5s %8.2f\n", "SUM", "", total)
	line := fmt.Sprintf("|%*s|%-*s|", 6, "r", 6, "l")
	fmt.Println(line)
	fmt.Printf("|%6.2f|%-8.3e|%+.1f|\n", 3.14159, 1234.5, -0.05)
	fmt.Printf("|%x|%X|%#08x|\n", 3054, 3054, 3054)
	fmt.Printf("|%3c|%-3c|\n", 'a', 'b')
	fmt.Printf("|%v|%6v|%-6v|\n", []int{1}, true, nil)
}
