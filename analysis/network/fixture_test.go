package network

import (
	"time"

	"github.com/baokan/baokan/corpus"
)

// twentyNames are the persons of the twenty-node test network.
var twentyNames = []string{
	"毛泽东", "刘少奇", "周恩来", "朱德", "陈毅", "彭真", "邓小平", "江泽民", "李鹏", "乔石",
	"胡锦涛", "朱镕基", "李瑞环", "尉健行", "李岚清", "迟浩田", "张万年", "刘华清", "杨尚昆", "万里",
}

// twentyDocs returns 60 articles over twentyNames by a fixed rule (the same rule feeds the
// networkx script, which receives the docs as JSON): article i names two to four persons,
// and every tenth names none.
func twentyDocs() []Doc {
	docs := make([]Doc, 60)
	for i := range docs {
		d := Doc{ID: "T" + string(rune('A'+i%26)) + string(rune('0'+i/26)), Page: 1 + i%8,
			Date: corpus.Date{Year: 1950 + i, Month: time.Month(1 + i%12), Day: 1 + i%28}}
		if i%10 != 9 {
			k := 2 + i%3
			picks := []int{(i * 7) % 20, (i*11 + 3) % 20, (i*13 + 5) % 20, (i*3 + 1) % 20}
			for _, p := range picks[:k] {
				d.Persons = append(d.Persons, twentyNames[p])
			}
		}
		docs[i] = d
	}
	return docs
}
