package main

import "fmt"

type Logger interface{ Log(string) }

type prefixLogger struct {
	prefix string
	lines  *[]string
}

func (p prefixLogger) Log(s string) { *p.lines = append(*p.lines, p.prefix+s) }

type Service struct {
	Logger
	name string
}

func (s Service) Run() { s.Log("running " + s.name) }

type Loud struct{ Service }

func (l Loud) Log(s string) { l.Service.Log(s + "!!!") }

func main() {
	var lines []string
	s := Service{prefixLogger{"[svc] ", &lines}, "db"}
	s.Run()
	s.Log("direct")
	l := Loud{s}
	l.Log("loud")
	l.Run()
	var lg Logger = l
	lg.Log("via iface")
	for _, ln := range lines {
		fmt.Println(ln)
	}
	var empty Service
	defer func() { fmt.Println("recovered:", recover()) }()
	empty.Run()
}
