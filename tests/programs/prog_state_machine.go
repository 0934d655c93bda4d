package main

import "fmt"

type State int

const (
	Idle State = iota
	Running
	Paused
	Stopped
)

var names = map[State]string{Idle: "Idle", Running: "Running", Paused: "Paused", Stopped: "Stopped"}

func (s State) String() string { return names[s] }

type Event string

type transition struct {
	from State
	ev   Event
}

var table = map[transition]State{
	{Idle, "start"}:    Running,
	{Running, "pause"}: Paused,
	{Paused, "resume"}: Running,
	{Running, "stop"}:  Stopped,
	{Paused, "stop"}:   Stopped,
}

type Machine struct {
	state State
	log   []string
}

func (m *Machine) Fire(e Event) error {
	next, ok := table[transition{m.state, e}]
	if !ok {
		return fmt.Errorf("invalid event %q in state %v", e, m.state)
	}
	m.log = append(m.log, fmt.Sprintf("%v-%s->%v", m.state, e, next))
	m.state = next
	return nil
}

func main() {
	m := &Machine{}
	for _, e := range []Event{"start", "pause", "start", "resume", "stop", "resume"} {
		if err := m.Fire(e); err != nil {
			fmt.Println("error:", err)
		}
	}
	for _, l := range m.log {
		fmt.Println(l)
	}
	fmt.Println("final:", m.state)
}
