// Package cache stores a segmented corpus in one compact file, so that a corpus is parsed
// and segmented once and then analysed many times at memory speed: `baokan index` writes
// it, every analysis command reads it in place of the raw files.
//
// A cache holds, in corpus order, every file the reader saw (path, size, encoding,
// diagnostics) and every article with all its fields, its body text, and the words the
// segmenter cut from its titles (kicker, title, subtitles) and from its body, as ids into a
// vocabulary. The words are stored before any filtering (stop words, punctuation, numbers,
// Latin tokens and short words are all there), so that each analysis applies its own
// filter: a filter decides token by token, and the filter of a vocabulary id is computed
// once per run. Titles are segmented separately from the body, so --titles is chosen at
// analysis time too. Only what changes the cutting itself — the segmentation mode, the
// dictionary, the corpus words — is fixed when the cache is made; it is recorded as
// Settings, which the command compares with those a run asks for.
//
// The reader's Summary and every diagnostic are recorded, so that a scan of a cache counts
// and reports exactly what a read of the raw files does (Scanner.Summary). The sources'
// paths, sizes and modification times are recorded so that a reader can say when they
// changed (ChangedSources); the cache needs them no more once it is made.
//
// The body text is stored (zstd-compressed to about half its size; half of the file), so that
// commands that need it (listing articles with their bodies, finding persons in the text)
// work from the cache alone; its paragraph and character counts are stored apart, so that
// scans that do not need the text (ScanOptions.Body false) never read nor decompress it.
//
// # Reading
//
// Articles are stored in blocks of whole files (a block is closed at the first file
// boundary after 256 articles or 1 MiB of body text). A Scanner reads and decodes blocks on
// several goroutines, each with one positioned read of the parts the scan needs (metadata,
// words, body), and hands the articles out in corpus order. Words come as vocabulary ids
// (Scanner.Tokens), filtered on the decoding goroutines when ScanOptions.Keep is given, so
// that counting is a slice lookup per word (terms.Counter.AddDocIDs), with no string hashed
// or allocated. The file is read, not mapped: the operating system's page cache makes a
// second read as fast as memory, and the process holds only the blocks in flight whatever
// the file's size.
//
// # The positional index
//
// For each word, the cache lists the articles whose body holds it and its positions there
// (Reader.Postings), so that a query of words finds its hits, and the blocks holding them,
// by reading the lists of its words alone: a concordance of the first hits of a frequent
// word reads a few blocks, and the numbers of hits and articles need no block at all
// (query.Query.PostingHits). The lists are written at the end, from memory: about 1.3
// bytes a body word (a 100,000-article cache grows from 185 to 288 MB).
//
// # Layout (version 4)
//
// All integers are unsigned LEB128 varints (encoding/binary's Uvarint) unless said
// otherwise; signed integers (line numbers, serial, date parts, page, item, and the
// summary's counts) are zig-zag varints (binary.Varint); a string is its byte
// length then its UTF-8 bytes; a list is its length then its items. A section is a varint
// byte length, the payload, and the payload's CRC-32C (Castagnoli) as 4 little-endian bytes.
//
//	file    = magic "BAOKANIX" | version uint32 LE (4) | header section | blocks |
//	          vocabulary section | summary section | sources section | index section |
//	          postings | postings directory section | footer
//	header  = settings: list of (name string, value string) in the writer's order
//	sources = base string (the working directory relative source paths start from),
//	          then a list of (path string, size, modtime signed: Unix nanoseconds)
//	block   = meta | tokens | body (a zstd frame, with its XXH64 checksum), back to back;
//	          the index gives the lengths and a CRC-32C of the meta and of the tokens
//	meta    = list of files; a file = path, bytes, encoding, skipped, diagnostics, articles
//	          (a list of article records); a diagnostic = path ("" for the file's path),
//	          line, kind, message; an article = path ("" for the file's path), line, serial,
//	          date (year, month, day), date_raw, page, item, kicker, title,
//	          subtitles, authors, author_unit, classification, column, page_name, topics,
//	          genres, rw, rw_source, paper (version 2), extra (code, name, value, line), diagnostics,
//	          paragraphs, chars (of the body)
//	tokens  = per article: title count, body count, then that many vocabulary ids
//	body    = per article: paragraphs (a list of strings), the whole zstd-compressed
//	vocabulary = count, every term's byte length, then all the terms' bytes back to back;
//	          ids are given in order of first occurrence in the corpus
//	summary = files, bytes, ignored, articles, then the maps skipped, files_no_article,
//	          diagnostics, articles_by_kind, encodings (lists of (key string, count) sorted
//	          by key), articles_problems
//	index   = list of blocks: (offset, meta length, tokens length, body length, body
//	          length uncompressed, articles, meta CRC-32C, tokens CRC-32C)
//	postings = every word's list, back to back in id order (not a section: each list has
//	          its own CRC-32C in the directory, so that a query reads and checks only the
//	          lists of its words); a word's list is, for each article whose body holds it
//	          (in corpus order), the article's ordinal among the cache's articles (from 0)
//	          as the difference from the previous one's (the first from 0), the number of
//	          occurrences, then their positions among the body's words as cut (every word,
//	          from 0), each as the difference from the previous (the first from 0). Title
//	          words are not listed: a query of words matches bodies.
//	postings directory = offset of the first list, count (the vocabulary's), every
//	          word's list byte length, then every list's CRC-32C (4 bytes LE each)
//	footer  = vocabulary, summary, sources, index and postings directory offsets (uint64
//	          LE each) | "baokanix"
//
// The bytes depend only on the input and the settings: the same corpus indexed with the
// same settings gives the same file whatever the number of workers.
package cache

import (
	"errors"
	"fmt"
	"hash/crc32"
)

// Magic opens every cache file; the footer ends with endMagic.
const (
	Magic    = "BAOKANIX"
	endMagic = "baokanix"
	// Version is the layout version written; readers refuse any other.
	// Version 2 added the article's paper (Article.Paper) after rw_source; version 3 the
	// word-blocks section; version 4 replaced it with the positional postings (the
	// articles and positions of each word), one list read at a time.
	Version = 4

	footerSize = 5*8 + len(endMagic)
)

// Setting is one segmentation setting recorded in a cache: a name and a value (by
// convention the command-line flag that sets it and its value).
type Setting struct {
	Name, Value string
}

// Source is one file the cache was made from: its path (as the reader named it, relative
// to Header.Base when not absolute), size and modification time.
type Source struct {
	Path    string
	Size    int64
	ModTime int64 // Unix nanoseconds
}

// Header is what a cache records about how it was made (its sources aside: see
// Reader.Sources, read on demand as there may be a million).
type Header struct {
	Settings []Setting
}

// Setting returns the value of the named setting and whether it was recorded.
func (h Header) Setting(name string) (string, bool) {
	for _, s := range h.Settings {
		if s.Name == name {
			return s.Value, true
		}
	}
	return "", false
}

// ErrFormat is wrapped by every error about a file that is not a valid cache.
var ErrFormat = errors.New("not a baokan cache, or a damaged one")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func formatErr(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrFormat}, args...)...)
}
