// Package path/filepath, file symlink_unix.go: Go 1.26.6's path/filepath/symlink_unix.go
// (Copyright The Go Authors, BSD-style license, crates/std/go/LICENSE) unchanged but for its
// build constraint.

package filepath

func evalSymlinks(path string) (string, error) {
	return walkSymlinks(path)
}
