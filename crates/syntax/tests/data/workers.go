package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Account struct {
	sync.Mutex
	ID      int
	Owner   string
	balance int64
	history []Txn
}

type Txn struct {
	Amount int64
	Note   string
}

var ErrInsufficient = errors.New("insufficient funds")

type Bank struct {
	accounts map[int]*Account
	nextID   int
}

func NewBank() *Bank {
	return &Bank{accounts: make(map[int]*Account), nextID: 1}
}

func (b *Bank) Open(owner string, initial int64) *Account {
	a := &Account{ID: b.nextID, Owner: owner}
	b.nextID++
	b.accounts[a.ID] = a
	if initial > 0 {
		a.Deposit(initial, "initial")
	}
	return a
}

func (a *Account) Deposit(amt int64, note string) {
	a.Lock()
	defer a.Unlock()
	a.balance += amt
	a.history = append(a.history, Txn{amt, note})
}

func (a *Account) Withdraw(amt int64) error {
	a.Lock()
	defer a.Unlock()
	if a.balance < amt {
		return fmt.Errorf("account %d: %w", a.ID, ErrInsufficient)
	}
	a.balance -= amt
	a.history = append(a.history, Txn{Amount: -amt, Note: "withdraw"})
	return nil
}

func (a *Account) Balance() int64 {
	a.Lock()
	defer a.Unlock()
	return a.balance
}

type byBalance []*Account

func (s byBalance) Len() int           { return len(s) }
func (s byBalance) Less(i, j int) bool { return s[i].Balance() < s[j].Balance() }
func (s byBalance) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func worker(id int, jobs <-chan func() error, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for job := range jobs {
		if err := job(); err != nil {
			results <- fmt.Sprintf("worker %d: %v", id, err)
			continue
		}
		results <- fmt.Sprintf("worker %d: ok", id)
	}
}

func main() {
	bank := NewBank()
	alice := bank.Open("alice", 100)
	bob := bank.Open("bob", 50)

	jobs := make(chan func() error, 16)
	results := make(chan string, 16)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	amounts := []int64{10, 20, 200, 5}
	for _, amt := range amounts {
		amt := amt
		jobs <- func() error { return alice.Withdraw(amt) }
	}
	jobs <- func() error {
		bob.Deposit(25, "gift")
		return nil
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	var lines []string
	for r := range results {
		lines = append(lines, r)
	}
	sort.Strings(lines)
	fmt.Println(strings.Join(lines, "\n"))

	accts := make(byBalance, 0, len(bank.accounts))
	for _, a := range bank.accounts {
		accts = append(accts, a)
	}
	sort.Sort(accts)
	var sb strings.Builder
	for i, a := range accts {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%s=%d", a.Owner, a.Balance())
	}
	fmt.Println(sb.String())

	switch total := alice.Balance() + bob.Balance(); {
	case total > 100:
		fmt.Println("rich")
	case total > 50:
		fmt.Println("ok")
	default:
		fmt.Println("poor")
	}
	var err error = ErrInsufficient
	if errors.Is(fmt.Errorf("wrap: %w", err), ErrInsufficient) {
		fmt.Println("is insufficient")
	}
	matrix := [][]int{{1, 2, 3}, {4, 5, 6}}
search:
	for i, row := range matrix {
		for j, v := range row {
			if v == 5 {
				fmt.Println("found at", i, j)
				break search
			}
		}
	}
	counts := map[string]int{}
	for _, w := range strings.Fields("a b a c b a") {
		counts[w]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return counts[keys[i]] > counts[keys[j]] })
	fmt.Println(keys)
}
