package main

import "github.com/spf13/cobra"

// addQueryCmds adds the reading layer's commands and the query help topic.
func addQueryCmds(root *cobra.Command, io *streams) {
	root.AddCommand(newKWICCmd(io), newCollocationsCmd(io), newShowCmd(io), newQueryHelpTopic())
}

// queryHelp is 'baokan help query'.
const queryHelp = `One query language serves kwic, collocations, show and the --query flag of every corpus
command. A query is terms combined by operators:

Word terms (the words the segmenter cut from the body, every token as cut: stop words,
punctuation and numbers included, whatever a command's filters):
  古巴                 the word 古巴
  "美国 帝国主义"        the words 美国 then 帝国主义, next to each other (a sequence)
  /^导弹/               one word matching a Go regexp (RE2 syntax: ^ $ . * + ? [ ] | \p{Han} …)

Field terms:
  text:"古巴导弹"        the characters 古巴导弹 in a body paragraph, kicker, title or
                        subtitle, whatever the segmentation; text:/RE/ a regexp
  title:古巴            kicker, title or a subtitle containing 古巴 (as text: titles are not
                        segmented); title:/RE/ a regexp (as --title)
  person:毛泽东          a person of the article's RW list as 'baokan persons' resolves it
                        (aliases mapped: 毛主席 → 毛泽东; titles cut; run-together lists
                        split by shape), article by article (without the names learned
                        from the rest of the corpus)
  topic:中苏友好协会      one of the GJ topics, exactly; topic:/RE/ any matching
  genre:社论             one of the TC genres, exactly; genre:/RE/
  page:1  page:1-4      the page (BH), or a range of pages, inclusive

Operators (upper case; and, or, not are words to look for):
  a AND b, a b          both (two terms side by side: AND)
  a OR b                either
  NOT a                 not a (an article-level test: it gives no hit)
  a NEAR/N b            an occurrence of a and one of b at most N words apart (N words or
                        fewer between them), in either order; NEAR/0: next to each other.
                        a and b are word terms, text: terms, or OR-groups of them.
  ( … )                 grouping
NOT binds tightest, then NEAR, then AND, then OR: 古巴 OR 导弹 危机 is 古巴 OR (导弹 AND
危机). Inside quotes \" is a quote and \\ a backslash; inside slashes \/ is a slash.

Hits (what kwic shows and collocations counts around): each occurrence of a word term; each
text: occurrence in the body, widened to the words it overlaps; each NEAR pair, from the
first word of one to the last of the other. Positions count every word of the body as cut,
from 0, across paragraphs.

A word the segmenter never cuts whole (古巴导弹 is cut 古巴 | 导弹) is never found as one
word: ask for the sequence "古巴 导弹" or the text text:"古巴导弹". kwic and collocations
say so when a word of the query is not a word of the corpus.

--query keeps the articles that match in every corpus command; the summary line on stderr
counts the others as filtered out. Commands that cut words anyway (terms, keywords, keyness,
timeline, export, report, kwic, collocations) match on their own cut (--hmm, --dict,
--no-corpus-words). The others cut the bodies only when the query has word terms, the
default way (gse's shortest path with the corpus's RW persons and GJ topics); fields and
text: need no cutting. From a cache the words are those it was cut into, and a query of
words reads only the blocks of the cache where its words occur (unless a date, page,
genre or title filter or --verbose needs every article seen). A cache lists, for every
word, the articles and positions where it occurs: kwic counts the hits of a query of words,
"sequences", /patterns/, NEAR, AND and OR from these lists, and with --limit (in corpus
order) reads only the blocks of its first hits. person: resolves the RW lists as 'baokan
persons' does, with the names learned from the RW lists of the whole corpus (one pass over
the articles' metadata first).

A query that cannot be parsed gets an error naming the character where parsing failed,
with a caret under it.

Examples:
  baokan kwic 古巴 --sort right                      every 古巴 in context, by the word after
  baokan kwic '"美国 帝国主义"' --window 5 archive.bki
  baokan kwic '古巴 NEAR/10 导弹' --from 1962-10-01 --to 1962-12-31
  baokan terms --query 'text:"古巴" page:1'          word counts of front-page articles on Cuba
  baokan network --query '古巴 OR 卡斯特罗'            who is named with whom in them
  baokan keyness --target 'query=person:毛泽东'       what sets the articles naming Mao apart
  baokan collocations 美国 --by decade --span 5,5    the company of 美国, decade by decade`

func newQueryHelpTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "query",
		Short: "The query language of kwic, collocations, show and --query",
		Long:  queryHelp,
	}
}
