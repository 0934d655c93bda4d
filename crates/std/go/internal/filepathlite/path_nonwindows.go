// Package filepathlite, file path_nonwindows.go: Go 1.26.6's
// internal/filepathlite/path_nonwindows.go (Copyright The Go Authors, BSD-style license,
// crates/std/go/LICENSE) unchanged but for its build constraint.
package filepathlite

func postClean(out *lazybuf) {}
