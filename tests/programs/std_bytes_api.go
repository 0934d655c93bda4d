// Every exported identifier of Go 1.26's package bytes, each function and method taken as a
// value of its exact signature, and the io interfaces Buffer and Reader implement: the
// program compiles only if gosub's bytes has the whole API.
package main

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"unicode"
)

var _ io.Reader
var _ iter.Seq[int]
var _ unicode.SpecialCase

func main() {
	var _ func(b []byte) []byte = bytes.Clone
	var _ func(a, b []byte) int = bytes.Compare
	var _ func(b, subslice []byte) bool = bytes.Contains
	var _ func(b []byte, chars string) bool = bytes.ContainsAny
	var _ func(b []byte, f func(rune) bool) bool = bytes.ContainsFunc
	var _ func(b []byte, r rune) bool = bytes.ContainsRune
	var _ func(s, sep []byte) int = bytes.Count
	var _ func(s, sep []byte) (before, after []byte, found bool) = bytes.Cut
	var _ func(s, prefix []byte) (after []byte, found bool) = bytes.CutPrefix
	var _ func(s, suffix []byte) (before []byte, found bool) = bytes.CutSuffix
	var _ func(a, b []byte) bool = bytes.Equal
	var _ func(s, t []byte) bool = bytes.EqualFold
	var _ func(s []byte) [][]byte = bytes.Fields
	var _ func(s []byte, f func(rune) bool) [][]byte = bytes.FieldsFunc
	var _ func(s []byte, f func(rune) bool) iter.Seq[[]byte] = bytes.FieldsFuncSeq
	var _ func(s []byte) iter.Seq[[]byte] = bytes.FieldsSeq
	var _ func(s, prefix []byte) bool = bytes.HasPrefix
	var _ func(s, suffix []byte) bool = bytes.HasSuffix
	var _ func(s, sep []byte) int = bytes.Index
	var _ func(s []byte, chars string) int = bytes.IndexAny
	var _ func(b []byte, c byte) int = bytes.IndexByte
	var _ func(s []byte, f func(r rune) bool) int = bytes.IndexFunc
	var _ func(s []byte, r rune) int = bytes.IndexRune
	var _ func(s [][]byte, sep []byte) []byte = bytes.Join
	var _ func(s, sep []byte) int = bytes.LastIndex
	var _ func(s []byte, chars string) int = bytes.LastIndexAny
	var _ func(s []byte, c byte) int = bytes.LastIndexByte
	var _ func(s []byte, f func(r rune) bool) int = bytes.LastIndexFunc
	var _ func(s []byte) iter.Seq[[]byte] = bytes.Lines
	var _ func(mapping func(r rune) rune, s []byte) []byte = bytes.Map
	var _ func(b []byte, count int) []byte = bytes.Repeat
	var _ func(s, old, new []byte, n int) []byte = bytes.Replace
	var _ func(s, old, new []byte) []byte = bytes.ReplaceAll
	var _ func(s []byte) []rune = bytes.Runes
	var _ func(s, sep []byte) [][]byte = bytes.Split
	var _ func(s, sep []byte) [][]byte = bytes.SplitAfter
	var _ func(s, sep []byte, n int) [][]byte = bytes.SplitAfterN
	var _ func(s, sep []byte) iter.Seq[[]byte] = bytes.SplitAfterSeq
	var _ func(s, sep []byte, n int) [][]byte = bytes.SplitN
	var _ func(s, sep []byte) iter.Seq[[]byte] = bytes.SplitSeq
	var _ func(s []byte) []byte = bytes.Title
	var _ func(s []byte) []byte = bytes.ToLower
	var _ func(c unicode.SpecialCase, s []byte) []byte = bytes.ToLowerSpecial
	var _ func(s []byte) []byte = bytes.ToTitle
	var _ func(c unicode.SpecialCase, s []byte) []byte = bytes.ToTitleSpecial
	var _ func(s []byte) []byte = bytes.ToUpper
	var _ func(c unicode.SpecialCase, s []byte) []byte = bytes.ToUpperSpecial
	var _ func(s, replacement []byte) []byte = bytes.ToValidUTF8
	var _ func(s []byte, cutset string) []byte = bytes.Trim
	var _ func(s []byte, f func(r rune) bool) []byte = bytes.TrimFunc
	var _ func(s []byte, cutset string) []byte = bytes.TrimLeft
	var _ func(s []byte, f func(r rune) bool) []byte = bytes.TrimLeftFunc
	var _ func(s, prefix []byte) []byte = bytes.TrimPrefix
	var _ func(s []byte, cutset string) []byte = bytes.TrimRight
	var _ func(s []byte, f func(r rune) bool) []byte = bytes.TrimRightFunc
	var _ func(s []byte) []byte = bytes.TrimSpace
	var _ func(s, suffix []byte) []byte = bytes.TrimSuffix
	var _ func(buf []byte) *bytes.Buffer = bytes.NewBuffer
	var _ func(s string) *bytes.Buffer = bytes.NewBufferString
	var _ func(b []byte) *bytes.Reader = bytes.NewReader
	var _ func(b *bytes.Buffer) int = (*bytes.Buffer).Available
	var _ func(b *bytes.Buffer) []byte = (*bytes.Buffer).AvailableBuffer
	var _ func(b *bytes.Buffer) []byte = (*bytes.Buffer).Bytes
	var _ func(b *bytes.Buffer) int = (*bytes.Buffer).Cap
	var _ func(b *bytes.Buffer, n int)  = (*bytes.Buffer).Grow
	var _ func(b *bytes.Buffer) int = (*bytes.Buffer).Len
	var _ func(b *bytes.Buffer, n int) []byte = (*bytes.Buffer).Next
	var _ func(b *bytes.Buffer, n int) ([]byte, error) = (*bytes.Buffer).Peek
	var _ func(b *bytes.Buffer, p []byte) (n int, err error) = (*bytes.Buffer).Read
	var _ func(b *bytes.Buffer) (byte, error) = (*bytes.Buffer).ReadByte
	var _ func(b *bytes.Buffer, delim byte) (line []byte, err error) = (*bytes.Buffer).ReadBytes
	var _ func(b *bytes.Buffer, r io.Reader) (n int64, err error) = (*bytes.Buffer).ReadFrom
	var _ func(b *bytes.Buffer) (r rune, size int, err error) = (*bytes.Buffer).ReadRune
	var _ func(b *bytes.Buffer, delim byte) (line string, err error) = (*bytes.Buffer).ReadString
	var _ func(b *bytes.Buffer)  = (*bytes.Buffer).Reset
	var _ func(b *bytes.Buffer) string = (*bytes.Buffer).String
	var _ func(b *bytes.Buffer, n int)  = (*bytes.Buffer).Truncate
	var _ func(b *bytes.Buffer) error = (*bytes.Buffer).UnreadByte
	var _ func(b *bytes.Buffer) error = (*bytes.Buffer).UnreadRune
	var _ func(b *bytes.Buffer, p []byte) (n int, err error) = (*bytes.Buffer).Write
	var _ func(b *bytes.Buffer, c byte) error = (*bytes.Buffer).WriteByte
	var _ func(b *bytes.Buffer, r rune) (n int, err error) = (*bytes.Buffer).WriteRune
	var _ func(b *bytes.Buffer, s string) (n int, err error) = (*bytes.Buffer).WriteString
	var _ func(b *bytes.Buffer, w io.Writer) (n int64, err error) = (*bytes.Buffer).WriteTo
	var _ func(r *bytes.Reader) int = (*bytes.Reader).Len
	var _ func(r *bytes.Reader, b []byte) (n int, err error) = (*bytes.Reader).Read
	var _ func(r *bytes.Reader, b []byte, off int64) (n int, err error) = (*bytes.Reader).ReadAt
	var _ func(r *bytes.Reader) (byte, error) = (*bytes.Reader).ReadByte
	var _ func(r *bytes.Reader) (ch rune, size int, err error) = (*bytes.Reader).ReadRune
	var _ func(r *bytes.Reader, b []byte)  = (*bytes.Reader).Reset
	var _ func(r *bytes.Reader, offset int64, whence int) (int64, error) = (*bytes.Reader).Seek
	var _ func(r *bytes.Reader) int64 = (*bytes.Reader).Size
	var _ func(r *bytes.Reader) error = (*bytes.Reader).UnreadByte
	var _ func(r *bytes.Reader) error = (*bytes.Reader).UnreadRune
	var _ func(r *bytes.Reader, w io.Writer) (n int64, err error) = (*bytes.Reader).WriteTo
	const m = bytes.MinRead
	var e error = bytes.ErrTooLarge
	var _ io.ReadWriter = new(bytes.Buffer)
	var _ io.ReaderFrom = new(bytes.Buffer)
	var _ io.WriterTo = new(bytes.Buffer)
	var _ io.ByteScanner = new(bytes.Buffer)
	var _ io.RuneScanner = new(bytes.Buffer)
	var _ io.StringWriter = new(bytes.Buffer)
	var _ io.ByteWriter = new(bytes.Buffer)
	var _ io.ReadSeeker = new(bytes.Reader)
	var _ io.ReaderAt = new(bytes.Reader)
	var _ io.WriterTo = new(bytes.Reader)
	var _ io.ByteScanner = new(bytes.Reader)
	var _ io.RuneScanner = new(bytes.Reader)
	var _ fmt.Stringer = new(bytes.Buffer)
	fmt.Println(m, e, 95)
}
