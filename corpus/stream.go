package corpus

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Bounds on what one file may cost. A file (or archive member) of at most wholeFileBytes
// is read whole and parsed in one go, as nearly every real file is (one article is a few
// KB; a month of articles a few MB). A larger one is streamed: read line by line through
// its decoder, its articles handed over in parts of about partBytes (a streamed file holds
// at most three parts at once: one read, one handed over, one being parsed), so that memory
// stays bounded whatever the file's size. In both modes a line longer than maxLineBytes or an
// article longer than maxArticleBytes (real ones: 815 and 25,000 bytes at most) is
// left out with a too_large diagnostic, and the rest of the file is read.
var (
	wholeFileBytes  int64 = 8 << 20
	partBytes             = 1 << 20
	maxLineBytes          = 4 << 20
	maxArticleBytes       = 16 << 20
)

// streamSample is what a streamed file's encoding is detected on.
const streamSample = 64 << 10

// DefaultMaxMemberSize bounds what one archive member may expand to (Options.MaxMemberSize).
const DefaultMaxMemberSize = 256 << 20

// errNotRegularFile: a FIFO, device or socket, which could block or never end.
var errNotRegularFile = errors.New("not a regular file (a FIFO, device or socket): not read")

// fileID identifies a file, to read it once however many sources lead to it: a 63-bit
// digest of its device and inode on disk, or, for an archive member (top bit set), of its
// name in the archive and its bytes (two archives holding the same member are read once).
// 0 is unknown. It is one word because the reader keeps one per file read (8 MB for a
// million files); two files of a corpus share a digest with odds of about n²/2⁶⁴.
type fileID uint64

const memberBit = 1 << 63

func (id fileID) member() bool { return id&memberBit != 0 }

// diskID digests a device and inode number.
func diskID(dev, ino uint64) fileID {
	x := dev*0x9E3779B97F4A7C15 ^ ino
	x ^= x >> 31 // splitmix64's finaliser
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	if x &^= memberBit; x == 0 {
		x = 1
	}
	return fileID(x)
}

// memberSeed hashes member contents; any fixed seed will do within one process.
var memberSeed = maphash.MakeSeed()

// parseUnit reads and parses one unit. Results of a streamed file come as parts: the first
// returned, the others sent on its more channel (closed after the last).
func parseUnit(ctx context.Context, u unit, skipBody bool, paper string, streams *sync.WaitGroup) *fileResult {
	fail := func(err error, kind Kind) *fileResult {
		if kind == "" {
			kind = KindReadError
		}
		return &fileResult{path: u.path, err: err, diags: []Diagnostic{{Path: u.path, Kind: kind, Message: err.Error()}}}
	}
	// done is called when the unit is finished with: at once, or, for a streamed file, when
	// its last part is handed over (the file, or the tar stream, is read until then).
	done := func() {}
	if u.done != nil {
		done = u.done
	}
	streamed := false
	defer func() {
		if !streamed {
			done()
		}
	}()
	switch {
	case u.err != nil:
		return fail(u.err, u.kind)
	case u.data != nil:
		res := parseContent(u.path, u.data, skipBody, paper)
		res.id = memberID(u.member, u.data)
		return res
	case u.fsys != nil:
		data, err := fs.ReadFile(u.fsys, u.disk)
		if err != nil {
			return fail(err, "")
		}
		return parseContent(u.path, data, skipBody, paper)
	case u.open != nil:
		rc, err := u.open()
		if err != nil {
			return fail(err, "")
		}
		var head []byte
		if u.size <= wholeFileBytes {
			head, err = io.ReadAll(io.LimitReader(rc, wholeFileBytes+1))
			if err != nil {
				rc.Close()
				return fail(err, "")
			}
			if int64(len(head)) <= wholeFileBytes {
				rc.Close()
				res := parseContent(u.path, head, skipBody, paper)
				res.id = memberID(u.member, head)
				return res
			}
		}
		// A member larger than its header said is streamed too, and bounded all the same.
		r := io.MultiReader(bytes.NewReader(head), rc)
		streamed = true
		// Not hashed: a streamed member is always read.
		return streamFile(ctx, u.path, &limitedReader{r: r, left: u.maxSize}, 0, skipBody, paper, streams, func() { rc.Close(); done() })
	default:
		data, big, id, err := readDisk(u.disk, wholeFileBytes)
		if errors.Is(err, errNotRegularFile) {
			return fail(err, KindNotRegular)
		}
		if err != nil {
			return fail(err, "")
		}
		if big != nil {
			streamed = true
			return streamFile(ctx, u.path, big, id, skipBody, paper, streams, func() { big.Close(); done() })
		}
		res := parseContent(u.path, data, skipBody, paper)
		res.id = id
		return res
	}
}

func memberID(member string, data []byte) fileID {
	if member == "" {
		return 0
	}
	var h maphash.Hash
	h.SetSeed(memberSeed)
	h.WriteString(member)
	h.WriteByte(0)
	h.Write(data)
	return fileID(h.Sum64() | memberBit)
}

// errMemberTooLarge ends the stream of a member that expands beyond --max-member-size.
var errMemberTooLarge = errors.New("member larger than the limit")

// limitedReader reads at most left bytes, then fails with errMemberTooLarge.
type limitedReader struct {
	r    io.Reader
	left int64
}

func (l *limitedReader) Read(b []byte) (int, error) {
	if l.left <= 0 {
		return 0, errMemberTooLarge
	}
	if int64(len(b)) > l.left {
		b = b[:l.left]
	}
	n, err := l.r.Read(b)
	l.left -= int64(n)
	return n, err
}

// streamFile parses a large file line by line and hands its articles over in parts: the
// first part is returned, the rest are sent on its more channel, which is closed after the
// last part (the one with the file's closing diagnostics). Decoding is detected on the
// first 64 KB (see Decode).
//
// The form is told from the first bytes as for a whole file (parseContent): the JSON forms
// are read record by record (streamJSON), the tagged export line by line (streamParse),
// its articles given paper.
func streamFile(ctx context.Context, name string, r io.Reader, id fileID, skipBody bool, paper string, streams *sync.WaitGroup, cleanup func()) *fileResult {
	more := make(chan *fileResult, 1)
	first := make(chan *fileResult, 1)
	streams.Add(1)
	go func() {
		defer streams.Done() // last: after every read of the bounds, for Reader.Close
		defer close(more)
		defer cleanup()
		sent := false
		send := func(res *fileResult) bool {
			res.more, res.continued = more, sent
			for _, a := range res.articles {
				if skipBody { // the bodies were parsed (not skipped as in parseFile), and dropped
					a.Body = nil
				}
				if paper != "" && a.Paper == "" {
					a.Paper = paper
				}
			}
			if !sent {
				sent = true
				res.id = id
				first <- res
				return true
			}
			select {
			case more <- res:
				return true
			case <-ctx.Done():
				return false
			}
		}
		br := bufio.NewReaderSize(r, 64<<10)
		if head, _ := br.Peek(streamSample); sniffForm(head) == formJSON {
			streamJSON(name, br, skipBody, send)
		} else {
			streamParse(name, br, send)
		}
		if !sent {
			send(&fileResult{path: name})
		}
	}()
	return <-first
}

// streamParse is parseFile for a stream: see streamFile.
func streamParse(name string, r io.Reader, send func(*fileResult) bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(streamSample)
	if len(head) == 0 {
		send(&fileResult{path: name, diags: []Diagnostic{{Path: name, Kind: KindEmptyFile, Message: "the file is empty"}}})
		return
	}
	res := &fileResult{path: name}
	enc, dec := detectStream(head)
	res.encoding = enc
	p := parser{path: name, res: res, streaming: true}
	var lines *bufio.Reader
	utf16 := enc == EncodingUTF16LE || enc == EncodingUTF16BE
	switch {
	case utf16:
		lines = bufio.NewReaderSize(transform.NewReader(br, dec.NewDecoder()), 64<<10)
	default:
		if enc == EncodingUTF8BOM {
			br.Discard(len(utf8BOM))
			res.bytes += len(utf8BOM)
		}
		lines = br
	}
	var gb *encoding.Decoder
	if enc == EncodingGB18030 {
		gb = simplifiedchinese.GB18030.NewDecoder()
	}
	delim := byte('\n')
	if !bytes.Contains(head, []byte{'\n'}) && bytes.Contains(head, []byte{'\r'}) {
		delim = '\r' // old Mac line ends
	}
	cancelled := false
	p.stream = func(part *fileResult) {
		if !cancelled && !send(part) {
			cancelled = true
		}
	}
	lineNo := 0
	lastComplete, endsMidLine := true, false
	var long []byte
	for !cancelled {
		raw, err := lines.ReadSlice(delim)
		if err == bufio.ErrBufferFull {
			// A line longer than the buffer: gather it up to the cap, then skip the rest.
			if len(long)+len(raw) <= maxLineBytes+1 {
				long = append(long, raw...)
			}
			p.res.bytes += len(raw)
			continue
		}
		if long != nil {
			if len(long)+len(raw) <= maxLineBytes+1 {
				long = append(long, raw...)
			}
			raw, long = long, nil
		}
		p.res.bytes += len(raw)
		if len(raw) > 0 {
			lineNo++
			endsMidLine = raw[len(raw)-1] != delim
			line := bytes.TrimSuffix(raw, []byte{delim})
			if delim == '\n' {
				line = bytes.TrimSuffix(line, []byte{'\r'})
			}
			var text string
			switch {
			case gb != nil && !isASCII(line):
				out, _ := gb.Bytes(line)
				out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
				if bad := bytes.Count(out, []byte("\uFFFD")); bad > 0 {
					p.invalid += max(0, bad-bytes.Count(line, gb18030FFFD))
				}
				text = string(out)
			case utf8.Valid(line):
				text = string(line)
			default:
				var bad int
				text, bad = decodeUTF8(line)
				p.invalid += bad
			}
			lastComplete = p.lineCapped(text, lineNo, len(raw))
		}
		if err != nil {
			if errors.Is(err, errMemberTooLarge) {
				p.diag(0, KindMemberTooLarge, fmt.Sprintf("the member expands beyond the limit (--max-member-size); read up to line %d", lineNo))
			} else if err != io.EOF {
				p.diag(lineNo, KindReadError, err.Error())
			}
			break
		}
	}
	if cancelled {
		return
	}
	p.end(lineNo, lastComplete, endsMidLine)
	send(p.res)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// detectStream chooses a streamed file's encoding from its first bytes, as Decode does for
// a whole file.
func detectStream(head []byte) (Encoding, encoding.Encoding) {
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		return EncodingUTF8BOM, nil
	case bytes.HasPrefix(head, utf16LEBOM):
		return EncodingUTF16LE, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(head, utf16BEBOM):
		return EncodingUTF16BE, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	// A character cut by the end of the sample is not a fault of the file (when the sample
	// is the whole file, it is, as Decode says).
	cut := head
	for i := 0; i < utf8.UTFMax && len(cut) > 0 && (i == 0 || len(head) == streamSample); i++ {
		if utf8.Valid(cut) {
			return EncodingUTF8, nil
		}
		cut = cut[:len(cut)-1]
	}
	if multi, bad := utf8Census(head); bad*20 < multi {
		return EncodingUTF8, nil
	}
	return EncodingGB18030, nil
}

// lineCapped hands one line to the parser, or, when it is longer than maxLineBytes,
// leaves out the article it belongs to (too_large). rawLen is its length in the file.
func (p *parser) lineCapped(line string, n, rawLen int) bool {
	if len(line) > maxLineBytes {
		if p.cur == nil {
			p.startArticle(n)
		}
		p.tooLarge(n, fmt.Sprintf("line %d holds more than %d bytes", n, maxLineBytes))
		return true
	}
	complete := p.line(line, n)
	if p.cur != nil && !p.overflow {
		if p.curLen += len(line); p.curLen > maxArticleBytes {
			p.tooLarge(n, fmt.Sprintf("the article holds more than %d bytes by line %d", maxArticleBytes, n))
		}
	}
	return complete
}

// tooLarge leaves the current article out: what it holds is dropped, and its lines up to
// the next article are skipped.
func (p *parser) tooLarge(n int, why string) {
	if p.overflow {
		return
	}
	p.res.diags = append(p.res.diags, Diagnostic{Path: p.path, Line: n, Kind: KindTooLarge,
		Message: fmt.Sprintf("%s; the article at line %d is left out, the rest of the file is read", why, p.cur.Line)})
	p.overflow = true
	a := p.cur
	a.Body, a.Extra, a.Kicker, a.Title, a.Subtitles, a.Authors, a.Topics, a.RW = nil, nil, "", "", nil, nil, nil, nil
	p.joins, p.spill = nil, nil
}

// flushPart hands the articles and diagnostics gathered so far over as one part of a
// streamed file.
func (p *parser) flushPart() {
	res := p.res
	sortDiagnostics(res.diags)
	p.stream(res)
	p.res = &fileResult{path: p.path, encoding: res.encoding}
}

// utf16 byte-order marks.
var (
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// clipName shortens a long name for a message.
func clipName(s string) string { return clip(strings.TrimSpace(s), 60) }

// streamJSON is parseJSONFile for a stream of JSON Lines too large to hold whole: records
// are gathered into pieces of about jsonChunk bytes, each parsed and handed over as a part.
// A record longer than MaxJSONRecordBytes is skipped (too_large) without being held.
// Duplicates are checked by the reader across parts as across files (res.keys).
func streamJSON(name string, br *bufio.Reader, skipBody bool, send func(*fileResult) bool) {
	total := 0
	if bom, _ := br.Peek(len(utf8BOM)); bytes.Equal(bom, utf8BOM) {
		br.Discard(len(utf8BOM))
		total += len(utf8BOM)
	}
	var piece []byte
	pieceLine, lineNo := 1, 0
	part := &fileResult{path: name, encoding: EncodingUTF8}
	c := jsonConverter{path: name, res: part, skipBody: skipBody}
	flush := func(last bool) bool {
		c.records(piece, pieceLine)
		piece = piece[:0]
		if !last && len(part.articles) == 0 && len(part.diags) == 0 {
			return true
		}
		if last && len(part.articles) == 0 && part.skipped == 0 && total == 0 {
			part.diags = append(part.diags, Diagnostic{Path: name, Kind: KindEmptyFile, Message: "the file is empty"})
		}
		part.bytes = total
		total = 0
		sortDiagnostics(part.diags)
		ok := send(part)
		part = &fileResult{path: name, encoding: EncodingUTF8}
		c.res = part
		return ok
	}
	var long []byte // a line longer than the buffer, gathered up to the limit
	longSize := 0   // its size, counted past the limit too
	for {
		raw, err := br.ReadSlice('\n')
		total += len(raw)
		if err == bufio.ErrBufferFull {
			if longSize+len(raw) <= MaxJSONRecordBytes {
				long = append(long, raw...)
			}
			longSize += len(raw)
			continue
		}
		if longSize > 0 {
			if longSize+len(raw) <= MaxJSONRecordBytes {
				long = append(long, raw...)
			}
			longSize += len(raw)
			raw = long
		}
		if len(raw) > 0 || longSize > 0 {
			lineNo++
			if longSize > MaxJSONRecordBytes {
				c.line = lineNo
				c.skip(KindTooLarge, fmt.Sprintf("a JSON record of %d bytes, over the limit of %d: not decoded", longSize, MaxJSONRecordBytes))
				raw = []byte{'\n'} // keeps the line count of the piece
			}
			if len(piece) == 0 {
				pieceLine = lineNo
			}
			piece = append(piece, raw...)
			long, longSize = long[:0], 0
		}
		if err != nil {
			if errors.Is(err, errMemberTooLarge) {
				part.diags = append(part.diags, Diagnostic{Path: name, Kind: KindMemberTooLarge, Message: fmt.Sprintf("the member expands beyond the limit (--max-member-size); read up to line %d", lineNo)})
			} else if err != io.EOF {
				part.diags = append(part.diags, Diagnostic{Path: name, Line: lineNo, Kind: KindReadError, Message: err.Error()})
			}
			flush(true)
			return
		}
		if len(piece) >= jsonChunk && !flush(false) {
			return
		}
	}
}
