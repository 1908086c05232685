package segment_test

import (
	"fmt"
	"strings"

	"github.com/baokan/baokan/analysis/segment"
)

// Build one Segmenter with the corpus's words before cutting, share it between workers, and
// filter the words of each text in place.
func Example() {
	userDict, err := segment.ParseDict(strings.NewReader("福田赳夫\n"))
	if err != nil {
		panic(err)
	}
	seg, err := segment.New(segment.Options{
		Words:      userDict,
		Candidates: []string{"中苏友好协会", "刘少奇周恩来陈毅", "接见外宾"}, // RW entries, GJ topics
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(seg.Added())
	for _, r := range seg.Rejected() {
		fmt.Println("rejected:", r.Entry, "-", r.Reason)
	}

	text := "1978年，日本首相福田赳夫会见了中苏友好协会的代表。"
	words := seg.Cut(text)
	fmt.Println(strings.Join(words, " "))

	filter := segment.DefaultFilter()
	words = filter.Apply(words)
	fmt.Println(strings.Join(words, " "))
	// Output:
	// [中苏友好协会 福田赳夫]
	// rejected: 刘少奇周恩来陈毅 - length outside 2-7 characters
	// rejected: 接见外宾 - contains a role or event word
	// 1978 年 ， 日本首相 福田赳夫 会见 了 中苏友好协会 的 代表 。
	// 日本首相 福田赳夫 会见 中苏友好协会 代表
}
