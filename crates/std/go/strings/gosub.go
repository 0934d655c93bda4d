// Package strings as gosub builds it: Go 1.26.6's strings sources (BSD license, see
// crates/std/go/LICENSE) over gosub's internal/bytealg and internal/stringslite, with two
// changes: Index is a native (crates/std/src/strings.rs; Go's choice of search algorithm
// does not show in any result), and builder.go does without internal/abi's NoEscape.
package strings
