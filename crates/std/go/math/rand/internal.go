// Stand-ins for what Go's math/rand takes from outside the package: internal/godebug's
// settings (randautoseed, randseednop) and runtime.rand, the source of the top-level
// functions. The other files of this package are Go 1.26's math/rand sources (BSD
// license, see crates/std/go/LICENSE) with `godebug.New` renamed to godebug_New and the
// go:linkname of runtime_rand removed.
//
// Invariants: a godebug setting's Value is what $GODEBUG says now (its last `name=value`
// item, read by the native godebug in rand.rs), "" when it says nothing, so Go 1.26's
// defaults hold: the top-level functions are randomly seeded and Seed is a no-op unless
// GODEBUG has randautoseed=0 or randseednop=0. (gosub has no go.mod and no //go:debug
// lines, which could change those defaults in Go.) runtime_rand is wyrand, the
// generator of Go's runtime.cheaprand, seeded on first use from runtimeSeed, a native
// reading the operating system's randomness and the clock, as Go's runtime seeds its
// generator at startup: its values are not reproducible, like gc's. Its state is read
// and advanced with no call or backward jump in between, where goroutines never switch
// (see sync/atomic's doc.go), so concurrent callers never share a value.
package rand

import "math/bits"

// godebug_Setting is internal/godebug.Setting: one GODEBUG setting, read each time.
type godebug_Setting struct {
	name string
}

func godebug_New(name string) *godebug_Setting {
	return &godebug_Setting{name: name}
}

// Value is the setting's current value in $GODEBUG, or "".
func (s *godebug_Setting) Value() string { return godebug(s.name) }

// IncNonDefault counts uses of non-default settings in Go (runtime/metrics); gosub has
// no such metrics.
func (s *godebug_Setting) IncNonDefault() {}

// godebug returns the value $GODEBUG gives name, or "" (native, rand.rs).
func godebug(name string) string

// runtimeSeed returns 64 bits of the operating system's randomness, mixed with the
// clock (native, rand.rs).
func runtimeSeed() uint64

// runtimeState is the wyrand state behind runtime_rand; 0 until first use.
var runtimeState uint64

// runtime_rand stands in for runtime.rand: a randomly seeded wyrand stream.
func runtime_rand() uint64 {
	for runtimeState == 0 {
		runtimeState = runtimeSeed()
	}
	st := runtimeState + 0xa0761d6478bd642f
	runtimeState = st
	hi, lo := bits.Mul64(st, st^0xe7037ed1a0b428db)
	return hi ^ lo
}
