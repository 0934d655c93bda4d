// The predefined RangeTables of package unicode (Latin, Han, Lu, White_Space, ...), read from
// real Go's own src/unicode/tables.go and checked against the package's maps; part of
// gen_unicode_tables.go (run that).
//
// The table data goes to Rust (range_tables.rs: Range16/Range32 triples per table) and the
// declarations to Go (tables.go: every exported variable, Go's maps verbatim), so that a
// VM builds the tables natively, outside the collected heap, as Go keeps them in its data
// segment.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"unicode"
)

type rangeTable struct {
	name        string // Go's variable (_Lu, _Latin, foldLl, ...)
	r16, r32    [][3]uint32
	latinOffset int
}

type goTables struct {
	src    []byte
	tables []rangeTable
	index  map[string]int // table variable -> index in tables
	// Declarations of tables.go, in order: exported aliases (name = _X) resolved to
	// table indices, and the verbatim source of the other exported variables.
	aliases []alias
	verbatim []string
}

type alias struct {
	name  string
	table int
}

func fatal(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gen_unicode_tables: "+format+"\n", args...)
	os.Exit(1)
}

func intLit(e ast.Expr) uint32 {
	lit, ok := e.(*ast.BasicLit)
	if !ok {
		fatal("not a literal: %T", e)
	}
	v, err := strconv.ParseUint(lit.Value, 0, 32)
	if err != nil {
		fatal("%v", err)
	}
	return uint32(v)
}

func triples(e ast.Expr) [][3]uint32 {
	var out [][3]uint32
	for _, el := range e.(*ast.CompositeLit).Elts {
		c := el.(*ast.CompositeLit)
		out = append(out, [3]uint32{intLit(c.Elts[0]), intLit(c.Elts[1]), intLit(c.Elts[2])})
	}
	return out
}

func parseTables() *goTables {
	bp, err := build.Default.Import("unicode", "", 0)
	if err != nil {
		fatal("%v", err)
	}
	path := filepath.Join(bp.Dir, "tables.go")
	src, err := os.ReadFile(path)
	if err != nil {
		fatal("%v", err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		fatal("%v", err)
	}
	g := &goTables{src: src, index: map[string]int{}}
	text := func(n ast.Node) string {
		return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
	}
	// First pass: the table definitions.
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			if len(vs.Values) != 1 {
				continue
			}
			u, ok := vs.Values[0].(*ast.UnaryExpr)
			if !ok || u.Op != token.AND {
				continue
			}
			cl := u.X.(*ast.CompositeLit)
			if id, ok := cl.Type.(*ast.Ident); !ok || id.Name != "RangeTable" {
				continue
			}
			t := rangeTable{name: vs.Names[0].Name}
			for _, el := range cl.Elts {
				kv := el.(*ast.KeyValueExpr)
				switch kv.Key.(*ast.Ident).Name {
				case "R16":
					t.r16 = triples(kv.Value)
				case "R32":
					t.r32 = triples(kv.Value)
				case "LatinOffset":
					t.latinOffset = int(intLit(kv.Value))
				default:
					fatal("unknown RangeTable field in %s", t.name)
				}
			}
			g.index[t.name] = len(g.tables)
			g.tables = append(g.tables, t)
		}
	}
	// Second pass: the exported variables.
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			name := vs.Names[0].Name
			if len(vs.Names) != 1 || len(vs.Values) != 1 || !ast.IsExported(name) {
				continue
			}
			switch v := vs.Values[0].(type) {
			case *ast.Ident:
				if i, ok := g.index[v.Name]; ok {
					g.aliases = append(g.aliases, alias{name, i})
				} else if name == "CaseRanges" {
					g.verbatim = append(g.verbatim, "var CaseRanges = loadCaseRanges()")
				} else {
					fatal("%s = %s: not a table", name, v.Name)
				}
			case *ast.CompositeLit:
				g.verbatim = append(g.verbatim, "var "+text(vs))
			default:
				fatal("%s: unexpected initializer %T", name, v)
			}
		}
	}
	g.check()
	return g
}

// check compares every table reachable from Go's maps with the one parsed for it.
func (g *goTables) check() {
	byName := map[string]int{}
	for _, a := range g.aliases {
		byName[a.name] = a.table
	}
	for name, i := range g.index {
		byName[name] = i
	}
	same := func(what string, rt *unicode.RangeTable, i int) {
		t := g.tables[i]
		var r16, r32 [][3]uint32
		for _, r := range rt.R16 {
			r16 = append(r16, [3]uint32{uint32(r.Lo), uint32(r.Hi), uint32(r.Stride)})
		}
		for _, r := range rt.R32 {
			r32 = append(r32, [3]uint32{r.Lo, r.Hi, r.Stride})
		}
		if !reflect.DeepEqual(r16, t.r16) || !reflect.DeepEqual(r32, t.r32) || rt.LatinOffset != t.latinOffset {
			fatal("%s: parsed table %s differs from Go's", what, t.name)
		}
	}
	n := 0
	for k, rt := range unicode.Categories {
		same("Categories["+k+"]", rt, byName[k])
		n++
	}
	for k, rt := range unicode.Scripts {
		same("Scripts["+k+"]", rt, byName[k])
		n++
	}
	for k, rt := range unicode.Properties {
		same("Properties["+k+"]", rt, byName[k])
		n++
	}
	for k, rt := range unicode.FoldCategory {
		same("FoldCategory["+k+"]", rt, byName["fold"+k])
		n++
	}
	for k, rt := range unicode.FoldScript {
		same("FoldScript["+k+"]", rt, byName["fold"+k])
		n++
	}
	if n < len(g.tables) {
		fatal("only %d of %d tables checked", n, len(g.tables))
	}
}

func emitRangeTablesRust(g *goTables) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `//! Go's predefined RangeTables (unicode.Latin, unicode.Lu, ...: Go 1.26.6, Unicode %s),
//! generated by crates/std/gen/gen_unicode_tables.go from real Go's src/unicode/tables.go;
//! do not edit. TABLES[i] is the table crates/std/go/unicode/tables.go names tables[i].
//!
//! Invariant: each table is Go's, entry for entry (R16, R32, LatinOffset), so that
//! Is/In/IsOneOf over it answer as Go's do and a program that prints one sees Go's values.

/// One RangeTable: Range16 and Range32 as (lo, hi, stride) triples, and LatinOffset.
pub struct RangeTableData {
    pub r16: &'static [[u16; 3]],
    pub r32: &'static [[u32; 3]],
    pub latin_offset: u32,
}

#[rustfmt::skip]
pub static TABLES: [RangeTableData; %d] = [
`, unicode.Version, len(g.tables))
	list := func(rs [][3]uint32) string {
		var parts []string
		for _, r := range rs {
			parts = append(parts, fmt.Sprintf("[0x%X, 0x%X, %d]", r[0], r[1], r[2]))
		}
		var lines []string
		for len(parts) > 0 {
			n := min(6, len(parts))
			lines = append(lines, "            "+strings.Join(parts[:n], ", ")+",")
			parts = parts[n:]
		}
		if len(lines) == 0 {
			return "&[]"
		}
		return "&[\n" + strings.Join(lines, "\n") + "\n        ]"
	}
	for i, t := range g.tables {
		fmt.Fprintf(&b, "    // %d: %s\n    RangeTableData {\n        r16: %s,\n        r32: %s,\n        latin_offset: %d,\n    },\n",
			i, t.name, list(t.r16), list(t.r32), t.latinOffset)
	}
	b.WriteString("];\n")
	os.Stdout.Write(b.Bytes())
}

func emitRangeTablesGo(g *goTables) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Code generated by crates/std/gen/gen_unicode_tables.go from Go 1.26.6's
// src/unicode/tables.go; DO NOT EDIT.

// The predefined range tables of package unicode (Unicode %s): the categories, scripts
// and properties, Go's maps over them, and CaseRanges.
//
// Invariant: tables[i] is crates/std/src/range_tables.rs's TABLES[i]; the package's
// init fills it natively, its entries in static data outside the collected heap, as Go
// keeps its tables in its data segment. Only the variables' initializers run before
// that, and they copy table addresses, never contents.

package unicode

var tables [%d]RangeTable

func init() { loadTables(&tables) }

// loadTables fills t with the predefined tables, built from Go's data.
func loadTables(t *[%d]RangeTable)

// loadCaseRanges returns Go's CaseRanges table.
func loadCaseRanges() []CaseRange

`, unicode.Version, len(g.tables), len(g.tables))
	b.WriteString("var (\n")
	for _, a := range g.aliases {
		fmt.Fprintf(&b, "\t%s = &tables[%d] // %s\n", a.name, a.table, g.tables[a.table].name)
	}
	for i, t := range g.tables {
		if strings.HasPrefix(t.name, "fold") {
			fmt.Fprintf(&b, "\t%s = &tables[%d]\n", t.name, i)
		}
	}
	b.WriteString(")\n")
	for _, v := range g.verbatim {
		b.WriteString("\n" + v + "\n")
	}
	out, err := format.Source(b.Bytes())
	if err != nil {
		fatal("%v", err)
	}
	os.Stdout.Write(out)
}
