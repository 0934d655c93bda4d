// Command list prints the exported top-level identifiers of Go packages (as real Go has them
// for linux/amd64), one per line as "PKG KIND NAME", KIND being func, type, const or var
// (func[] and type[] when generic). Used by tests/stdapi.sh.
package main

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
)

func main() {
	for _, path := range os.Args[1:] {
		bp, err := build.Default.Import(path, "", 0)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fset := token.NewFileSet()
		var lines []string
		for _, name := range bp.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, name), nil, parser.SkipObjectResolution)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil && d.Name.IsExported() {
						k := "func"
						if d.Type.TypeParams != nil {
							k = "func[]"
						}
						lines = append(lines, k+" "+d.Name.Name)
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							if s.Name.IsExported() {
								k := "type"
								if s.TypeParams != nil {
									k = "type[]"
								}
								lines = append(lines, k+" "+s.Name.Name)
							}
						case *ast.ValueSpec:
							for _, n := range s.Names {
								if n.IsExported() {
									lines = append(lines, d.Tok.String()+" "+n.Name)
								}
							}
						}
					}
				}
			}
		}
		sort.Strings(lines)
		for _, l := range lines {
			fmt.Println(path, l)
		}
	}
}
