package index

import "fmt"

// The base of an index by year: the 1960s of the periods 1958 to 1980.
func ExampleBaseRange() {
	var years []string
	for y := 1958; y <= 1980; y++ {
		years = append(years, fmt.Sprint(y))
	}
	fmt.Println(BaseRange(years, "1960,1969"))
	fmt.Println(BaseRange(years, ""))
	_, _, err := BaseRange(years, "1969,1960")
	fmt.Println(err)
	// Output:
	// 2 11 <nil>
	// 0 22 <nil>
	// 1969,1960: FROM after TO
}
