package cache

// BlockArticles returns how many articles each block holds, in block order: the articles
// of block b are those numbered from the sum of the counts before it, in corpus order, so
// that a reader that keeps an article's number can read it back alone with
// ScanOptions.Blocks.
func (r *Reader) BlockArticles() []int {
	n := make([]int, len(r.blocks))
	for i, b := range r.blocks {
		n[i] = b.articles
	}
	return n
}
