// Package query is baokan's one query language: it parses a query into plain Go values
// and matches them against an article and the words cut from its body, giving whether
// the article matches and where (the hits a concordance shows).
//
// # Grammar
//
//	query   = or
//	or      = and { "OR" and }
//	and     = not { [ "AND" ] not }          (two terms side by side: AND)
//	not     = "NOT" not | near
//	near    = primary { "NEAR/" N primary }  (N a whole number, 0 or more)
//	primary = "(" query ")" | [ field ":" ] value
//	value   = WORD | '"' text '"' | "/" regexp "/"
//	field   = "text" | "title" | "person" | "topic" | "genre" | "page"
//
// Operators are upper case (and, or, not are words to look for). NOT binds tightest, then
// NEAR, then AND, then OR: `古巴 OR 导弹 危机` is `古巴 OR (导弹 AND 危机)`. A WORD is any run
// of characters but white space, parentheses and the double quote; inside quotes, \" is a
// quote and \\ a backslash; inside slashes, \/ is a slash (other escapes are the regexp's).
//
// # Terms
//
// Word terms match the words the segmenter cut from the article's body, every token as cut
// (stop words, punctuation and numbers included; whatever a command's filters), in order:
//
//	古巴              the word 古巴 as cut
//	"美国 帝国主义"     the words 美国 then 帝国主义, next to each other
//	/^导弹/            any one word matching the Go regexp (RE2 syntax)
//
// A quoted text without spaces is one word. Field terms look at the article's fields:
//
//	text:"古巴导弹"     the characters 古巴导弹 in a body paragraph, a kicker, title or subtitle,
//	                   whatever the segmentation (text:/RE/: a regexp over each of them)
//	title:古巴         kicker, title or a subtitle containing 古巴 (text, not words, as the
//	                   --title flag: titles are not segmented unless a command asks);
//	                   title:/RE/ a regexp
//	person:毛泽东       the article's RW persons as analysis/persons resolves them (aliases
//	                   mapped, titles cut, run-together lists split by shape) — article by
//	                   article, without the names learned from the rest of the corpus
//	topic:中苏友好协会   one of the GJ topics, exactly (topic:/RE/: any matching)
//	genre:社论          one of the TC genres, exactly (genre:/RE/)
//	page:1             the page (BH); page:1-4 a range, inclusive
//
// # Operators
//
// a AND b (or a b) matches articles matching both; a OR b either; NOT a those that do not
// match a; a NEAR/N b articles where an occurrence of a and one of b (word terms, text: in
// the body, or OR-groups of them) are at most N words apart — N words or fewer between
// them, in either order; NEAR/0 is next to each other.
//
// # Hits
//
// Hits are spans of body words, for a concordance: a word term's occurrences; a text:
// term's occurrences in the body, widened to the words they overlap; a NEAR pair's span
// from the first word of the one to the last of the other. AND and OR give the hits of
// their matching operands, NOT and field terms none. The hits of an article are sorted by
// start, then end, without duplicates.
package query
