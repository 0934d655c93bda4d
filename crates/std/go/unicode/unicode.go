// Package unicode: character classes and case mapping of runes. The predicates and the
// simple case mappings are natives over Go's own tables (crates/std/src/unicode_tables.rs,
// Unicode 15.0.0, as Go 1.26); SpecialCase (with TurkishCase/AzeriCase) and To are Go.
//
// Invariants: a value that is not a code point belongs to no class and maps to itself;
// a SpecialCase's ranges are sorted and disjoint (lookupCaseRange binary-searches them),
// and a rune it does not map falls back to the simple mapping, as in Go.
package unicode

const (
	MaxRune         = '\U0010FFFF'
	ReplacementChar = '\uFFFD'
	MaxASCII        = '\u007F'
	MaxLatin1       = '\u00FF'
)

// Indices into the Delta arrays of CaseRanges, and the arguments of To.
const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

// UpperLower as a Delta marks an alternating sequence of upper and lower case letters.
const UpperLower = MaxRune + 1

func IsLetter(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsSpace(r rune) bool
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsTitle(r rune) bool
func IsPunct(r rune) bool
func IsPrint(r rune) bool
func IsGraphic(r rune) bool
func IsControl(r rune) bool
func IsMark(r rune) bool
func IsSymbol(r rune) bool
func ToUpper(r rune) rune
func ToLower(r rune) rune
func ToTitle(r rune) rune

// SimpleFold iterates over the runes equivalent under simple case folding: it returns
// the smallest rune > r in r's orbit if there is one, else the smallest rune >= 0.
func SimpleFold(r rune) rune

// To maps r to the case _case (UpperCase, LowerCase or TitleCase).
func To(_case int, r rune) rune {
	switch _case {
	case UpperCase:
		return ToUpper(r)
	case LowerCase:
		return ToLower(r)
	case TitleCase:
		return ToTitle(r)
	}
	return ReplacementChar
}

// A CaseRange maps the runes Lo..Hi (inclusive) to another case by adding the Delta
// for that case (or, with UpperLower, by alternating upper and lower case).
type CaseRange struct {
	Lo    uint32
	Hi    uint32
	Delta d
}

type d [MaxCase]rune

// A SpecialCase is language-specific case mappings, such as Turkish.
type SpecialCase []CaseRange

// TurkishCase maps dotted and dotless i as Turkish and Azeri do.
var TurkishCase SpecialCase = _TurkishCase

var _TurkishCase = SpecialCase{
	CaseRange{0x0049, 0x0049, d{0, 0x131 - 0x49, 0}},
	CaseRange{0x0069, 0x0069, d{0x130 - 0x69, 0, 0x130 - 0x69}},
	CaseRange{0x0130, 0x0130, d{0, 0x69 - 0x130, 0}},
	CaseRange{0x0131, 0x0131, d{0x49 - 0x131, 0, 0x49 - 0x131}},
}

var AzeriCase SpecialCase = _TurkishCase

func (special SpecialCase) ToUpper(r rune) rune {
	r1, hadMapping := to(UpperCase, r, []CaseRange(special))
	if r1 == r && !hadMapping {
		r1 = ToUpper(r)
	}
	return r1
}

func (special SpecialCase) ToTitle(r rune) rune {
	r1, hadMapping := to(TitleCase, r, []CaseRange(special))
	if r1 == r && !hadMapping {
		r1 = ToTitle(r)
	}
	return r1
}

func (special SpecialCase) ToLower(r rune) rune {
	r1, hadMapping := to(LowerCase, r, []CaseRange(special))
	if r1 == r && !hadMapping {
		r1 = ToLower(r)
	}
	return r1
}

// to maps r through caseRange (Go's algorithm, Copyright 2009 The Go Authors, BSD-style
// license): the mapped rune, and whether a range held r.
func to(_case int, r rune, caseRange []CaseRange) (mappedRune rune, foundMapping bool) {
	if _case < 0 || MaxCase <= _case {
		return ReplacementChar, false
	}
	if cr := lookupCaseRange(r, caseRange); cr != nil {
		return convertCase(_case, r, cr), true
	}
	return r, false
}

func lookupCaseRange(r rune, caseRange []CaseRange) *CaseRange {
	lo := 0
	hi := len(caseRange)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		cr := &caseRange[m]
		if rune(cr.Lo) <= r && r <= rune(cr.Hi) {
			return cr
		}
		if r < rune(cr.Lo) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return nil
}

func convertCase(_case int, r rune, cr *CaseRange) rune {
	delta := cr.Delta[_case]
	if delta > MaxRune {
		// Even offsets of an UpperLower sequence are upper case, odd ones lower case.
		return rune(cr.Lo) + ((r-rune(cr.Lo))&^1 | rune(_case&1))
	}
	return r + delta
}
