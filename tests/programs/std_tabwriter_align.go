// text/tabwriter's alignment: columns of tab-terminated cells padded to the widest cell
// plus padding (minwidth respected), blocks of consecutive lines, the trailing cell after
// the last tab left alone, padding with tabs (tabwidth), right alignment, widths counted
// in runes, and cells split across several Write calls.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

func show(title string, minwidth, tabwidth, padding int, padchar byte, flags uint, text ...string) {
	var sb strings.Builder
	w := tabwriter.NewWriter(&sb, minwidth, tabwidth, padding, padchar, flags)
	for _, t := range text {
		n, err := w.Write([]byte(t))
		if n != len(t) || err != nil {
			fmt.Println("Write:", n, err)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Println("Flush:", err)
	}
	out := sb.String()
	if !utf8.ValidString(out) {
		out = "(invalid UTF-8, shown quoted only)\n"
	}
	fmt.Printf("== %s\n%q\n%s", title, sb.String(), out)
	if !strings.HasSuffix(sb.String(), "\n") {
		fmt.Println("|no newline")
	}
}

func main() {
	show("empty", 0, 8, 1, '.', 0)
	show("no tabs", 0, 8, 1, '.', 0, "hello\nworld\n")
	show("one column", 0, 8, 1, '.', 0, "a\tb\naaaa\tb\naa\tb\n")
	show("minwidth", 6, 8, 1, '.', 0, "a\tb\naaaa\tb\n")
	show("padding 3", 0, 8, 3, '.', 0, "a\tb\naaaa\tb\n")
	show("padding 0", 0, 8, 0, '.', 0, "a\tb\naaaa\tb\n")
	show("columns", 0, 8, 1, ' ', 0,
		"name\tage\tcity\n",
		"Alice\t30\tParis\n",
		"Bartholomew\t7\tRome\n")
	show("ragged rows", 0, 8, 1, '_', 0, "a\tb\tc\td\n", "aa\tbb\n", "aaa\tbbb\tccc\n", "\n", "x\ty\n")
	show("trailing cell", 0, 8, 1, '.', 0, "a\tlong trailing text\naaaa\tb\n")
	show("no final newline", 0, 8, 1, '.', 0, "a\tb\naaaa\tb")
	show("ends in tab", 0, 8, 1, '.', 0, "a\tb\t\naaaa\t")
	show("tab padding", 0, 8, 1, '\t', 0, "a\tb\tc\naaaaaaaaa\tbb\tc\n")
	show("tab padding, tabwidth 4", 0, 4, 1, '\t', 0, "a\tb\naaaaa\tbb\n")
	show("tab padding, minwidth 10", 10, 4, 0, '\t', 0, "a\tb\naaaaa\tbb\n")
	show("tabwidth 0", 0, 0, 1, '\t', 0, "a\tb\naaaaa\tbb\n")
	show("align right", 0, 8, 1, ' ', tabwriter.AlignRight, "1\t22\t333\t\n", "4444\t5\t66\t\n", "x\ty\n")
	show("align right, tabs", 0, 8, 1, '\t', tabwriter.AlignRight, "1\t22\n4444\t5\n")
	show("runes", 0, 8, 1, '.', 0, "日本\tx\nüber\ty\na\tz\n")
	show("invalid utf8", 0, 8, 1, '.', 0, "\xc3\x80\x80\tx\nab\ty\n")
	show("split writes", 0, 8, 1, '.', 0, "ab", "c\td", "e\t", "f\n", "x", "\t", "y\n")
	show("byte at a time", 0, 8, 1, '.', 0, strings.Split("a\tbb\tccc\ndddd\te\tf\n", "")...)
	show("wide column", 0, 8, 2, ' ', 0, "k\tv\n", strings.Repeat("k", 40)+"\tv\n")
	show("vertical tab", 0, 8, 1, '.', 0, "a\vb\tc\naaa\vbbb\tc\n")

	// Straight to os.Stdout, as most programs use it.
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tSTATUS")
	fmt.Fprintf(w, "%d\t%s\t%s\n", 1, "web", "running")
	fmt.Fprintf(w, "%d\t%s\t%s\n", 22, "database-primary", "stopped")
	w.Flush()
}
