package main

// Expressions quoted in messages, as gc's syntax.String prints them (gosub_syntax::gosrc).
func main() {
	var s1 string = '\a'
	var s2 string = '\u00a0'
	var s3 string = '\u2028'
	var s4 string = func() {}
	var s5 string = func() { println() }
	var s6 string = [](int){}
	var s7 string = map[(string)]*(int){1: nil}
	var s8 string = struct{ a, b int "t" }{}
	var s9 string = func((int), ...(string)) (int) { return 0 }
	_, _, _, _, _, _, _, _, _ = s1, s2, s3, s4, s5, s6, s7, s8, s9
}
