// Package os, file env.go: the program's arguments, exit, pid, host name and environment
// (Getenv, LookupEnv, Setenv, Unsetenv, Clearenv, Environ, Expand, ExpandEnv; Expand is
// Go's os/env.go, Copyright 2010 The Go Authors, BSD-style license).
//
// Invariants: the environment is the VM's copy (natives in crates/std/src/os.rs); without
// the host's `env` capability it is empty and changing it fails with EPERM, as a
// SyscallError ("setenv: operation not permitted"). Exit never returns.
package os

import "syscall"

var Args []string = runtimeArgs()

func runtimeArgs() []string

// Exit causes the current program to exit with the given status code; deferred functions
// are not run.
func Exit(code int)

func Getpid() int

// Getppid returns the process id of the caller's parent.
func Getppid() int

// Getuid returns the numeric user id of the caller.
func Getuid() int { return ids()[0] }

// Geteuid returns the numeric effective user id of the caller.
func Geteuid() int { return ids()[1] }

// Getgid returns the numeric group id of the caller.
func Getgid() int { return ids()[2] }

// Getegid returns the numeric effective group id of the caller.
func Getegid() int { return ids()[3] }

// Getgroups returns a list of the numeric ids of groups that the caller belongs to.
func Getgroups() ([]int, error) {
	gids, e := sysGetgroups()
	if e != 0 {
		return nil, NewSyscallError("getgroups", syscall.Errno(e))
	}
	return gids, nil
}

// ids returns the process's real and effective user and group ids, as the kernel reports
// them in /proc/self/status (-1 where it cannot be read).
func ids() [4]int

func sysGetgroups() ([]int, int)

func sysGetenv(key string) (string, bool)
func sysSetenv(key, value string) int
func sysUnsetenv(key string) int
func sysClearenv()
func sysEnviron() string
func sysHostname() (string, int)

// Getenv retrieves the value of the environment variable named by the key ("" if unset).
func Getenv(key string) string {
	v, _ := sysGetenv(key)
	return v
}

// LookupEnv retrieves the value of the environment variable named by the key and reports
// whether it is set.
func LookupEnv(key string) (string, bool) {
	return sysGetenv(key)
}

// Setenv sets the value of the environment variable named by the key.
func Setenv(key, value string) error {
	if len(key) == 0 {
		return NewSyscallError("setenv", syscall.EINVAL)
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '=' || key[i] == 0 {
			return NewSyscallError("setenv", syscall.EINVAL)
		}
	}
	for i := 0; i < len(value); i++ {
		if value[i] == 0 {
			return NewSyscallError("setenv", syscall.EINVAL)
		}
	}
	return NewSyscallError("setenv", errno(sysSetenv(key, value)))
}

// Unsetenv unsets a single environment variable.
func Unsetenv(key string) error {
	return NewSyscallError("unsetenv", errno(sysUnsetenv(key)))
}

// Clearenv deletes all environment variables.
func Clearenv() { sysClearenv() }

// Environ returns a copy of strings representing the environment, in the form "key=value".
func Environ() []string {
	all := sysEnviron()
	var out []string
	start := 0
	for i := 0; i < len(all); i++ {
		if all[i] == 0 {
			out = append(out, all[start:i])
			start = i + 1
		}
	}
	return out
}

// Hostname returns the host name reported by the kernel.
func Hostname() (name string, err error) {
	name, e := sysHostname()
	if e != 0 {
		return "", NewSyscallError("hostname", errno(e))
	}
	return name, nil
}

// Expand replaces ${var} or $var in the string based on the mapping function.
func Expand(s string, mapping func(string) string) string {
	var buf []byte
	// ${} is all ASCII, so bytes are fine for this operation.
	i := 0
	for j := 0; j < len(s); j++ {
		if s[j] == '$' && j+1 < len(s) {
			if buf == nil {
				buf = make([]byte, 0, 2*len(s))
			}
			buf = append(buf, s[i:j]...)
			name, w := getShellName(s[j+1:])
			if name == "" && w > 0 {
				// Encountered invalid syntax; eat the characters.
			} else if name == "" {
				// Valid syntax, but $ was not followed by a name. Leave the dollar
				// character untouched.
				buf = append(buf, s[j])
			} else {
				buf = append(buf, mapping(name)...)
			}
			j += w
			i = j + 1
		}
	}
	if buf == nil {
		return s
	}
	return string(buf) + s[i:]
}

// ExpandEnv replaces ${var} or $var in the string according to the values of the current
// environment variables. References to undefined variables are replaced by the empty
// string.
func ExpandEnv(s string) string {
	return Expand(s, Getenv)
}

func isShellSpecialVar(c uint8) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

func isAlphaNum(c uint8) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func getShellName(s string) (string, int) {
	switch {
	case s[0] == '{':
		if len(s) > 2 && isShellSpecialVar(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		// Scan to closing brace
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2 // Bad syntax; eat "${}"
				}
				return s[1:i], i + 1
			}
		}
		return "", 1 // Bad syntax; eat "${"
	case isShellSpecialVar(s[0]):
		return s[0:1], 1
	}
	// Scan alphanumerics.
	var i int
	for i = 0; i < len(s) && isAlphaNum(s[i]); i++ {
	}
	return s[:i], i
}
