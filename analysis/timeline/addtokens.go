package timeline

// AddTokens counts d as Add does, for a document of tokens kept words of which d.Words
// holds only those a Term or TermRegex series may count (the others are counted in the
// period's tokens without being looked at): a caller that found the series' words in an
// index need not read every article's words. With every kept word in d.Words it is Add.
func (a *Aggregator) AddTokens(d Doc, tokens int) {
	extra := tokens - len(d.Words)
	if extra <= 0 || d.Date.IsZero() {
		a.Add(d)
		return
	}
	b := a.bucket(a.unit.Of(d.Date).Index)
	b.totals.Tokens += extra
	for _, i := range a.totals {
		if a.series[i].Kind == Tokens {
			b.count[i] += extra
			a.mark(i) // Add counts the document in the series with the others it marks
		}
	}
	a.Add(d)
}
