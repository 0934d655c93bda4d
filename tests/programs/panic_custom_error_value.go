package main

import (
	"errors"
	"fmt"
)

func main() {
	err := fmt.Errorf("config %q: %w", "app.yaml", errors.New("missing"))
	panic(err)
}
