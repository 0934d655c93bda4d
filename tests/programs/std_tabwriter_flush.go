// text/tabwriter's flushing: Flush ends the current line's cells and the block, a form
// feed ('\f') or a one-cell line flushes mid-stream, nothing is written before a block
// ends, output errors (and short writes) come back from Write and Flush, a panic in the
// output writer is re-raised as "tabwriter: panic during ...", Init reuses a Writer, and
// Init's own panic for negative sizes (uncaught, last).
package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
)

// recorder shows each Write the tabwriter makes to its output.
type recorder struct{ calls []string }

func (r *recorder) Write(p []byte) (int, error) {
	r.calls = append(r.calls, string(p))
	return len(p), nil
}

// failing accepts limit bytes, then fails (or writes short, with no error).
type failing struct {
	limit int
	short bool
	got   strings.Builder
}

func (f *failing) Write(p []byte) (int, error) {
	if f.got.Len()+len(p) <= f.limit {
		f.got.Write(p)
		return len(p), nil
	}
	if f.short {
		return 0, nil
	}
	return 0, errors.New("disk full")
}

type panicky struct{ after int }

func (p *panicky) Write(b []byte) (int, error) {
	p.after--
	if p.after < 0 {
		panic("output broke")
	}
	return len(b), nil
}

func main() {
	// Nothing is written until a block ends.
	rec := &recorder{}
	w := tabwriter.NewWriter(rec, 0, 8, 1, '.', 0)
	fmt.Fprint(w, "a\tb\n")
	fmt.Fprint(w, "ccc\td\n")
	fmt.Printf("before Flush: %q\n", rec.calls)
	w.Flush()
	fmt.Printf("after Flush: %q\n", rec.calls)

	// Flush in the middle of a line: the partial line is a block of its own.
	var sb strings.Builder
	w.Init(&sb, 0, 8, 1, '.', 0)
	fmt.Fprint(w, "a\tb\naaaa\tpartial")
	w.Flush()
	fmt.Fprint(w, "\tmore\nz\tq\n")
	w.Flush()
	fmt.Printf("mid-line: %q\n", sb.String())

	// A form feed ends the block (and is written); so does a line of one cell, such as
	// an empty line.
	rec = &recorder{}
	w.Init(rec, 0, 8, 1, '.', 0)
	fmt.Fprint(w, "a\tb\nlonger\tc\n\fx\ty\n")
	fmt.Printf("after formfeed: %q\n", rec.calls)
	fmt.Fprint(w, "\n")
	fmt.Printf("after empty line: %q\n", rec.calls)
	w.Flush()
	fmt.Printf("final: %q\n", rec.calls)

	// Form feed with Debug, and in a cell's middle.
	sb.Reset()
	w.Init(&sb, 0, 8, 1, ' ', tabwriter.Debug)
	fmt.Fprint(w, "a\tbb\n\fccc\td\nx\f\ty\n")
	w.Flush()
	fmt.Printf("formfeeds: %q\n", sb.String())

	// Output errors.
	f := &failing{limit: 5}
	w = tabwriter.NewWriter(f, 0, 8, 1, '.', 0)
	n, err := fmt.Fprint(w, "abc\tdef\n")
	fmt.Println("Write:", n, err)
	n, err = w.Write([]byte("\fxyz\n"))
	fmt.Printf("Write: %d %v (written %q)\n", n, err, f.got.String())
	fmt.Println("Flush:", w.Flush())
	f = &failing{limit: 3, short: true}
	w = tabwriter.NewWriter(f, 0, 8, 1, '.', 0)
	fmt.Fprint(w, "abc\tdef\n")
	err = w.Flush()
	fmt.Println("short:", err, err == errors.Unwrap(err), errors.Is(err, err))
	fmt.Println("after error, Flush again:", w.Flush())

	// A panic in the output is re-raised with the operation's name.
	for _, op := range []string{"Write", "Flush"} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			w := tabwriter.NewWriter(&panicky{}, 0, 8, 1, '.', 0)
			if op == "Write" {
				fmt.Fprint(w, "a\tb\f")
			} else {
				fmt.Fprint(w, "a\tb\n")
				w.Flush()
			}
		}()
	}

	// Writes after a Flush start afresh; Init resets the options.
	sb.Reset()
	w = new(tabwriter.Writer)
	w.Init(&sb, 0, 8, 1, '.', 0)
	fmt.Fprint(w, "a\tb\n")
	w.Flush()
	w.Init(&sb, 4, 8, 0, '*', tabwriter.AlignRight)
	fmt.Fprint(w, "a\tb\t\n")
	w.Flush()
	fmt.Printf("reinit: %q\n", sb.String())

	tabwriter.NewWriter(&sb, 0, -1, 1, ' ', 0)
}
