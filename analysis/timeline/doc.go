// Package timeline counts a corpus by period — day, ISO week, month, quarter, year or
// decade — for time series of articles, body characters, tokens, words, persons, topics and
// genres, with the rates that compare them with the paper's size at the time, and
// Kleinberg bursts (package burst).
//
// An Aggregator takes one Doc per article (its date, page, characters, and the words,
// persons, topics and genres the caller has found) and keeps integer counts per period, so
// that partial aggregators built on several goroutines can be merged in any order with the
// same result. Table fills every period between the first and the last, zeros included,
// and gives, for each series and period (see Point):
//
//	count            occurrences (word series) or articles (person, topic, genre series)
//	total            the period's tokens (word series) or articles (the others)
//	per_10k          count × 10,000 / total
//	share            articles where the series occurs / the period's articles
//	front_page_share of the articles where it occurs, those on page 1 (BH 1)
//
// Articles without a valid date are not in any period: they are counted (Undated) so that
// the caller can report them.
package timeline
