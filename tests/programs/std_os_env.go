package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println(os.Setenv("GOSUB_TEST_NAME", "gopher"), os.Setenv("GOSUB_TEST_N", "3"))
	fmt.Println(os.Getenv("GOSUB_TEST_NAME"))
	v, ok := os.LookupEnv("GOSUB_TEST_N")
	fmt.Println(v, ok)
	v, ok = os.LookupEnv("GOSUB_TEST_UNSET")
	fmt.Printf("%q %v\n", v, ok)
	os.Setenv("GOSUB_TEST_EMPTY", "")
	v, ok = os.LookupEnv("GOSUB_TEST_EMPTY")
	fmt.Printf("%q %v\n", v, ok)

	var mine []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GOSUB_TEST_") {
			mine = append(mine, kv)
		}
	}
	fmt.Println(len(mine))

	fmt.Println(os.ExpandEnv("hello $GOSUB_TEST_NAME, ${GOSUB_TEST_N} times; $GOSUB_TEST_UNSET|"))
	fmt.Println(os.Expand("$a ${b} $$ $1 ${} ${unterminated $", func(k string) string {
		return "<" + k + ">"
	}))
	fmt.Println(os.Expand("no vars", strings.ToUpper))

	fmt.Println(os.Unsetenv("GOSUB_TEST_N"), os.Getenv("GOSUB_TEST_N") == "")
	err := os.Setenv("BAD=KEY", "x")
	fmt.Println(err)
	fmt.Println(os.Setenv("", "x"))

	fmt.Println(len(os.Args), os.Getpid() > 0)
	h, err := os.Hostname()
	fmt.Println(h != "", err)
	os.Setenv("TMPDIR", "/var/tmp")
	fmt.Println(os.TempDir())
	os.Setenv("TMPDIR", "")
	fmt.Println(os.TempDir())
	os.Setenv("HOME", "/home/gopher")
	os.Unsetenv("XDG_CONFIG_HOME")
	fmt.Println(os.UserHomeDir())
	fmt.Println(os.UserConfigDir())
	os.Unsetenv("HOME")
	fmt.Println(os.UserHomeDir())
}
