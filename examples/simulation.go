// simulation.go — a deterministic bank-queue simulation driven by a fixed
// linear congruential generator: structs, slices as queues, methods, and
// formatted reporting. Same seed, same output, every run.
package main

import "fmt"

type LCG struct{ state uint32 }

func (g *LCG) Next() uint32 {
	g.state = g.state*1664525 + 1013904223
	return g.state >> 8
}

func (g *LCG) Intn(n int) int { return int(g.Next() % uint32(n)) }

type Customer struct {
	ID      int
	Arrived int
	Service int
}

type Teller struct {
	BusyUntil int
	Served    int
}

func main() {
	rng := &LCG{state: 2024}
	var queue []Customer
	tellers := make([]Teller, 2)
	nextID, totalWait, maxQueue, served := 1, 0, 0, 0

	for minute := 0; minute < 120; minute++ {
		if rng.Intn(10) < 6 { // 60% chance a customer arrives
			queue = append(queue, Customer{nextID, minute, 1 + rng.Intn(5)})
			nextID++
		}
		for i := range tellers {
			t := &tellers[i]
			if t.BusyUntil <= minute && len(queue) > 0 {
				c := queue[0]
				queue = queue[1:]
				totalWait += minute - c.Arrived
				t.BusyUntil = minute + c.Service
				t.Served++
				served++
			}
		}
		maxQueue = max(maxQueue, len(queue))
		if minute%30 == 29 {
			fmt.Printf("t=%3d queue=%2d served=%3d\n", minute+1, len(queue), served)
		}
	}
	fmt.Printf("arrived=%d served=%d still waiting=%d\n", nextID-1, served, len(queue))
	fmt.Printf("average wait %.2f min, longest queue %d\n", float64(totalWait)/float64(served), maxQueue)
	for i, t := range tellers {
		fmt.Printf("teller %d served %d\n", i+1, t.Served)
	}
}
