package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}, {"Eve", 35}, {"Fay", 25}}
	byAge := make([]Person, len(people))
	copy(byAge, people)
	sort.SliceStable(byAge, func(i, j int) bool { return byAge[i].Age < byAge[j].Age })
	fmt.Println(byAge)
	byName := append([]Person(nil), people...)
	sort.Slice(byName, func(i, j int) bool { return byName[i].Name > byName[j].Name })
	fmt.Println(byName)
	multi := append([]Person(nil), people...)
	sort.Slice(multi, func(i, j int) bool {
		if multi[i].Age != multi[j].Age {
			return multi[i].Age > multi[j].Age
		}
		return multi[i].Name < multi[j].Name
	})
	fmt.Println(multi)
	words := []string{"ccc", "a", "bb", "dd", "e"}
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) < len(words[j]) })
	fmt.Println(words)
}
