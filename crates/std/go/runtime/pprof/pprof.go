// Package pprof writes the heap profile in the format `go tool pprof` reads (a gzipped
// profile.proto). gosub keeps the allocation profile only: Lookup knows "heap" and
// "allocs", and WriteTo writes the protobuf form (debug 0) only. The samples come from
// the VM's allocation profile (crates/vm/src/alloc_profile.rs), kept for every run of a
// program that imports this package, at runtime.MemProfileRate.
package pprof

import (
	"errors"
	"io"
)

// A Profile is a collection of stack traces showing the call sequences that led to
// instances of a particular event, here allocations.
type Profile struct {
	name string
}

// Lookup returns the profile with the given name, or nil if no such profile exists.
func Lookup(name string) *Profile {
	switch name {
	case "heap", "allocs":
		return &Profile{name: name}
	}
	return nil
}

// Name returns this profile's name.
func (p *Profile) Name() string { return p.name }

// WriteTo writes a pprof-formatted snapshot of the profile to w. Only debug 0, the
// gzipped protobuf, is supported.
func (p *Profile) WriteTo(w io.Writer, debug int) error {
	if debug != 0 {
		return errors.New("runtime/pprof: gosub writes only the protobuf form (debug=0)")
	}
	allocs := 0
	if p.name == "allocs" {
		allocs = 1
	}
	_, err := w.Write(heapProfile(allocs))
	return err
}

// WriteHeapProfile is shorthand for Lookup("heap").WriteTo(w, 0).
func WriteHeapProfile(w io.Writer) error {
	return Lookup("heap").WriteTo(w, 0)
}

// heapProfile is the VM's allocation profile in pprof's format (crates/std/src/pprof.rs),
// showing allocated rather than in-use space by default when allocs is 1.
func heapProfile(allocs int) []byte
