// Pool of package sync: a set of temporary objects that may be individually saved and
// retrieved.
//
// Invariants: the pool behaves as Go's does with one P (gosub runs goroutines on one
// thread): Put fills the private slot first, then pushes on a shared stack; Get takes the
// private slot first, then pops the stack, then calls New (or returns nil). Put(nil) is
// ignored. Unlike Go's, a pool is not emptied by garbage collections: items stay until
// taken (Go may drop them at any two collections, so no program can rely on either).
package sync

// A Pool is a set of temporary objects; it must not be copied after first use.
type Pool struct {
	private any
	shared  []any
	// New optionally specifies a function to generate a value when Get would otherwise
	// return nil.
	New func() any
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	if p.private == nil {
		p.private = x
		return
	}
	p.shared = append(p.shared, x)
}

// Get selects an arbitrary item from the Pool, removes it from the Pool, and returns it
// to the caller; if the pool is empty it returns the result of calling p.New, or nil.
func (p *Pool) Get() any {
	x := p.private
	p.private = nil
	if x == nil {
		if n := len(p.shared); n > 0 {
			x = p.shared[n-1]
			p.shared[n-1] = nil
			p.shared = p.shared[:n-1]
		}
	}
	if x == nil && p.New != nil {
		x = p.New()
	}
	return x
}
