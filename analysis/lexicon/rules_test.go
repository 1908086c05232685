package lexicon

import (
	"slices"
	"testing"
)

// Each rule class of the package documentation on sentences of the real PLA Daily
// articles (../shared/corpus/jfjb, quoted as printed; file named in each case). The names
// expected were read in the text (testdata/names/annotated.tsv lists them); the strings
// that must not be found are the wrong cuts the rules guard against.
func TestRulesOnRealText(t *testing.T) {
	cases := []struct {
		rule, file string
		text       []string
		want, not  []string
	}{
		{"name after a title, ended by a function character or a dictionary word",
			"19630405 p01 #4", []string{"某炮团政委徐建章见到报纸后，立即开会作了布置。团长孙学典到炮一连进行动员，要求他们学习好八连。"},
			[]string{"徐建章", "孙学典"}, []string{"孙学", "徐建"}},
		{"a dictionary word after a title ends a two-character name",
			"19601002 p01 #1", []string{"上午十时，中共北京市委第二书记刘仁宣布首都人民庆祝中华人民共和国成立十一周年大会开始。"},
			[]string{"刘仁"}, []string{"刘仁宣"}},
		{"never a name whose own character starts a word (吴仪邀请)",
			"19960426 p04 #1", []string{"伊基米是应外经贸部部长吴仪邀请于24日抵京并与她共同主持中尼经贸联委会第三次会议的"},
			nil, []string{"吴仪邀"}},
		{"a calling before a name (老红军), a dictionary word after it",
			"19810125 p02 #5", []string{"祁阳县城关镇74岁的老红军王林离休后，十分注意培养革命家风。"},
			[]string{"王林"}, nil},
		{"dotted name, last part ended by a dictionary word inside it",
			"19621103 p03 #3", []string{"女职员玛丽亚·梅里诺坚决要求捐献二百CC的血。"},
			[]string{"玛丽亚·梅里诺"}, []string{"玛丽亚·梅里诺坚"}},
		{"dotted name, first part after the dictionary word before it",
			"19760224 p01 #1", []string{"毛泽东主席今天会见了美国前总统理查德·尼克松和夫人及其随行人员约翰·布伦南。"},
			[]string{"约翰·布伦南"}, []string{"人员约翰·布伦南"}},
		{"dotted name after a preposition (同)",
			"19711009 p01 #1", []string{"毛主席同海尔·塞拉西一世皇帝陛下握手。"},
			nil, []string{"同海尔·塞拉西"}},
		{"list: names sharing a surname and a first given character",
			"19930328 p01 #4", []string{"杨泰芳\n    杨振亚 杨振怀    杨烈宇 杨竞衡 杨海波 来金烈 吴大琨"},
			[]string{"杨振亚", "杨振怀"}, nil},
		{"transliteration between two titles",
			"19711009 p01 #1", []string{"宫廷大臣特费拉、外交大臣梅纳西博士。作战训练助理参谋长内加准将、皇帝私人办公室副大臣内比耶、外交副大臣"},
			[]string{"梅纳西", "内加", "特费拉", "内比耶"}, []string{"梅纳西博"}},
		{"built-in person met in the text",
			"19750216 p04 #6", []string{"日本首相三木武夫二月十三日表示拒绝勃列日涅夫提出的苏日之间“一面继续进行和约谈判”"},
			[]string{"勃列日涅夫"}, nil},
	}
	for _, c := range cases {
		got := texts(find(t, Options{NoWords: true}, c.text))
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s (%s): %s not found in %v", c.rule, c.file, w, got)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("%s (%s): %s found in %v", c.rule, c.file, w, got)
			}
		}
	}
}
