// Map of package sync: a map safe for concurrent use, with Go 1.26's methods.
//
// Invariants: entries live in one Go map from key to value, so keys need what map keys
// need (an unhashable key panics with the runtime's `hash of unhashable type`), and
// CompareAndSwap/CompareAndDelete compare values with == (an uncomparable value panics as
// in Go). Each method body runs without a goroutine switch (see sync.go). Range visits
// entries in map order, which, as in Go, is unspecified.
package sync

// Map is like a map[any]any but is safe for concurrent use by multiple goroutines. The
// zero Map is empty and ready for use.
type Map struct {
	m map[any]any
}

// Load returns the value stored in the map for a key, or nil if no value is present.
func (m *Map) Load(key any) (value any, ok bool) {
	value, ok = m.m[key]
	return
}

// Store sets the value for a key.
func (m *Map) Store(key, value any) {
	if m.m == nil {
		m.m = map[any]any{}
	}
	m.m[key] = value
}

// Clear deletes all the entries.
func (m *Map) Clear() { clear(m.m) }

// LoadOrStore returns the existing value for the key if present; otherwise it stores and
// returns the given value. loaded is true if the value was loaded.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	if v, ok := m.m[key]; ok {
		return v, true
	}
	m.Store(key, value)
	return value, false
}

// LoadAndDelete deletes the value for a key, returning the previous value if any.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	value, loaded = m.m[key]
	delete(m.m, key)
	return
}

// Delete deletes the value for a key.
func (m *Map) Delete(key any) { delete(m.m, key) }

// Swap swaps the value for a key and returns the previous value if any.
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	previous, loaded = m.m[key]
	m.Store(key, value)
	return
}

// CompareAndSwap swaps the old and new values for key if the value stored in the map is
// equal to old. The old value must be of a comparable type.
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	v, ok := m.m[key]
	if !ok || v != old {
		return false
	}
	m.m[key] = new
	return true
}

// CompareAndDelete deletes the entry for key if its value is equal to old. The old value
// must be of a comparable type.
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	v, ok := m.m[key]
	if !ok || v != old {
		return false
	}
	delete(m.m, key)
	return true
}

// Range calls f sequentially for each key and value present in the map; if f returns
// false, range stops the iteration. Entries stored or deleted during Range may or may not
// be visited, as Go allows.
func (m *Map) Range(f func(key, value any) bool) {
	for k, v := range m.m {
		if !f(k, v) {
			return
		}
	}
}
