package persons_test

import (
	"fmt"
	"strings"

	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/corpus"
)

func Example() {
	aliases, err := persons.ParseAliases(strings.NewReader("老总\t朱德\n"))
	if err != nil {
		panic(err)
	}
	r := persons.NewResolver(persons.Options{Aliases: aliases})
	// First pass: learn the names standing alone in every article's RW list.
	r.Learn([]string{"拉扎克", "马来西亚总理"})
	// Second pass: resolve each list.
	entries := r.Resolve([]string{"毛主席", "会见", "拉扎克", "马来西亚总理", "刘少奇周恩来等", "卡特总统"}, corpus.Date{Year: 1974})
	for _, e := range entries {
		fmt.Printf("%s\t%s\t%v\n", e.Raw, e.Class, e.Persons)
	}
	fmt.Println(persons.Persons(entries))
	// Output:
	// 毛主席	person	[毛泽东]
	// 会见	event	[]
	// 拉扎克	person	[拉扎克]
	// 马来西亚总理	role	[]
	// 刘少奇周恩来等	person	[刘少奇 周恩来]
	// 卡特总统	person	[卡特]
	// [毛泽东 拉扎克 刘少奇 周恩来 卡特]
}
