package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

func write(sb *strings.Builder, v any, indent int) {
	pad := strings.Repeat("  ", indent)
	switch x := v.(type) {
	case nil:
		sb.WriteString("null")
	case bool:
		sb.WriteString(strconv.FormatBool(x))
	case int:
		sb.WriteString(strconv.Itoa(x))
	case float64:
		sb.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
	case string:
		sb.WriteString(strconv.Quote(x))
	case []any:
		if len(x) == 0 {
			sb.WriteString("[]")
			return
		}
		sb.WriteString("[\n")
		for i, e := range x {
			sb.WriteString(pad + "  ")
			write(sb, e, indent+1)
			if i < len(x)-1 {
				sb.WriteByte(',')
			}
			sb.WriteByte('\n')
		}
		sb.WriteString(pad + "]")
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		sb.WriteString("{\n")
		for i, k := range keys {
			fmt.Fprintf(sb, "%s  %q: ", pad, k)
			write(sb, x[k], indent+1)
			if i < len(keys)-1 {
				sb.WriteByte(',')
			}
			sb.WriteByte('\n')
		}
		sb.WriteString(pad + "}")
	default:
		fmt.Fprintf(sb, "\"<%T>\"", x)
	}
}

func main() {
	doc := map[string]any{
		"name":    "gosub",
		"version": 0.1,
		"tags":    []any{"vm", "go", 42, true, nil},
		"nested":  map[string]any{"empty": []any{}, "q": "say \"hi\"\n"},
		"weird":   struct{}{},
	}
	var sb strings.Builder
	write(&sb, doc, 0)
	fmt.Println(sb.String())
}
