package corpus

import "strings"

// knownGenres are the TC (体裁) values seen in the archive. They let splitGenres take apart
// values whose separator was lost ("新华社通讯照片", "图片照片", "公文照片").
var knownGenres = [...]string{
	"新华社通讯", "图片新闻", "标题新闻", "本报评论", "本报社论", "报告文学", "政论文", "评论员文章",
	"通讯", "消息", "照片", "图片", "散文", "公文", "诗歌", "短讯", "其他", "语录", "讣告", "标语",
	"社论", "评论", "言论", "小说", "杂文", "新闻", "专访", "访谈", "特写", "报道", "文件", "公告",
	"来信", "读者来信", "综述", "述评", "简讯", "图表", "漫画", "寓言", "歌曲", "剧本", "日记",
}

// splitGenres splits a TC value on "；", ";" and "/", then takes apart each piece that is a
// run of known genres with no separator. A piece that is not wholly made of known genres
// is kept as it is.
func splitGenres(s string) []string {
	var out []string
	for _, piece := range splitList(s) {
		if parts, ok := decomposeGenres(piece); ok {
			out = appendUnique(out, parts...)
		} else {
			out = appendUnique(out, piece)
		}
	}
	return out
}

// decomposeGenres splits s into known genres, longest match first; ok is false when some
// part of s is not a known genre. A known genre is never split ("图片新闻" stays whole).
func decomposeGenres(s string) (parts []string, ok bool) {
	for _, g := range knownGenres {
		if s == g {
			return []string{s}, true
		}
	}
	for len(s) > 0 {
		best := ""
		for _, g := range knownGenres {
			if len(g) > len(best) && strings.HasPrefix(s, g) {
				best = g
			}
		}
		if best == "" {
			return nil, false
		}
		parts = append(parts, best)
		s = s[len(best):]
	}
	return parts, true
}
