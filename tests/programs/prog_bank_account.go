package main

import (
	"errors"
	"fmt"
	"sort"
)

var ErrInsufficient = errors.New("insufficient funds")

type Account struct {
	ID      string
	Balance int
	History []string
}

func (a *Account) Deposit(n int) {
	a.Balance += n
	a.History = append(a.History, fmt.Sprintf("+%d", n))
}

func (a *Account) Withdraw(n int) error {
	if n > a.Balance {
		return fmt.Errorf("withdraw %d from %s: %w", n, a.ID, ErrInsufficient)
	}
	a.Balance -= n
	a.History = append(a.History, fmt.Sprintf("-%d", n))
	return nil
}

type Bank struct{ accounts map[string]*Account }

func (b *Bank) Transfer(from, to string, n int) error {
	src, ok := b.accounts[from]
	if !ok {
		return fmt.Errorf("no account %q", from)
	}
	if err := src.Withdraw(n); err != nil {
		return err
	}
	b.accounts[to].Deposit(n)
	return nil
}

func main() {
	bank := &Bank{accounts: map[string]*Account{}}
	for _, id := range []string{"alice", "bob", "carol"} {
		bank.accounts[id] = &Account{ID: id}
	}
	bank.accounts["alice"].Deposit(100)
	bank.accounts["bob"].Deposit(50)
	ops := []struct {
		from, to string
		amt      int
	}{{"alice", "bob", 30}, {"bob", "carol", 100}, {"dave", "bob", 1}, {"bob", "carol", 80}}
	for _, op := range ops {
		if err := bank.Transfer(op.from, op.to, op.amt); err != nil {
			fmt.Println("error:", err, errors.Is(err, ErrInsufficient))
		}
	}
	ids := make([]string, 0)
	for id := range bank.accounts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		a := bank.accounts[id]
		fmt.Printf("%-6s %4d %v\n", a.ID, a.Balance, a.History)
	}
}
