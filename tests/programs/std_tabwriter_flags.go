// text/tabwriter's flags: FilterHTML (tags have no width, an entity is one character),
// Escape-bracketed text with and without StripEscape (tabs and newlines inside it are
// text), DiscardEmptyColumns, TabIndent, Debug's vertical bars, and combinations.
package main

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

func show(title string, minwidth, tabwidth, padding int, padchar byte, flags uint, text string) {
	var sb strings.Builder
	w := tabwriter.NewWriter(&sb, minwidth, tabwidth, padding, padchar, flags)
	fmt.Fprint(w, text)
	w.Flush()
	fmt.Printf("== %s\n%q\n", title, sb.String())
}

func main() {
	const E = "\xff" // tabwriter.Escape as a byte (string(tabwriter.Escape) would be "ÿ" in UTF-8)
	fmt.Printf("Escape = %q, flags %d %d %d %d %d %d\n", tabwriter.Escape,
		tabwriter.FilterHTML, tabwriter.StripEscape, tabwriter.AlignRight,
		tabwriter.DiscardEmptyColumns, tabwriter.TabIndent, tabwriter.Debug)

	html := "<b>bold</b>\tx\n&lt;tag&gt;\ty\na&amp;b\tz\n<i\tunclosed\n&amp\tbroken\n"
	show("html unfiltered", 0, 8, 1, '.', 0, html)
	show("FilterHTML", 0, 8, 1, '.', tabwriter.FilterHTML, html)
	show("FilterHTML|AlignRight", 0, 8, 1, '.', tabwriter.FilterHTML|tabwriter.AlignRight, "<b>x</b>\ty\n&gt;&gt;\tz\n")

	esc := "a" + E + "\tb\n" + E + "c\td\n" + E + "x" + E + E + "\ty\n"
	show("escaped", 0, 8, 1, '.', 0, esc)
	show("StripEscape", 0, 8, 1, '.', tabwriter.StripEscape, esc)
	show("unterminated escape", 0, 8, 1, '.', 0, "a\tb\n"+E+"c\td\n")
	show("escape with FilterHTML", 0, 8, 1, '.', tabwriter.FilterHTML|tabwriter.StripEscape, E+"<b>"+E+"\tx\n&\ty\n")

	empty := "a\t\tb\tc\nd\t\te\tf\n"
	show("empty column kept", 0, 8, 1, '.', 0, empty)
	show("DiscardEmptyColumns", 0, 8, 1, '.', tabwriter.DiscardEmptyColumns, empty)
	show("DiscardEmptyColumns, tabs", 0, 8, 1, '\t', tabwriter.DiscardEmptyColumns, empty)
	show("DiscardEmptyColumns, partly empty", 0, 8, 1, '.', tabwriter.DiscardEmptyColumns, "a\t\tb\nc\tx\td\n")
	show("DiscardEmptyColumns, vtab", 0, 8, 1, '.', tabwriter.DiscardEmptyColumns, "a\v\vb\tc\n")

	indent := "\tfunc f() {\n\t\treturn\n\t}\n\tx\ty\n"
	show("leading tabs, spaces", 0, 4, 1, ' ', 0, indent)
	show("TabIndent", 0, 4, 1, ' ', tabwriter.TabIndent, indent)
	show("TabIndent|DiscardEmptyColumns", 0, 4, 1, ' ', tabwriter.TabIndent|tabwriter.DiscardEmptyColumns, indent)

	table := "a\tbb\tccc\ndddd\te\tf\n\nx\ty\n"
	show("Debug", 0, 8, 1, ' ', tabwriter.Debug, table)
	show("Debug|AlignRight", 0, 8, 1, ' ', tabwriter.Debug|tabwriter.AlignRight, table)
	show("Debug, tabs", 0, 8, 1, '\t', tabwriter.Debug, table)
	show("Debug, empty cells", 0, 8, 1, '.', tabwriter.Debug, "\t\tx\na\t\t\n")
	show("Debug|DiscardEmptyColumns", 0, 8, 1, '.', tabwriter.Debug|tabwriter.DiscardEmptyColumns, "a\t\tb\tc\n")
	show("Debug|TabIndent", 0, 8, 1, ' ', tabwriter.Debug|tabwriter.TabIndent, "\ta\tb\n\tcc\td\n")
	show("everything", 3, 4, 2, '-', tabwriter.FilterHTML|tabwriter.StripEscape|tabwriter.AlignRight|
		tabwriter.DiscardEmptyColumns|tabwriter.TabIndent|tabwriter.Debug,
		"<b>a</b>\t\t"+E+"x\ty"+E+"\tz\n&amp;\t\tw\tv\n")
}
