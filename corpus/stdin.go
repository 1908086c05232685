package corpus

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// StdinSource is the source name that stands for standard input (Options.Stdin).
const StdinSource = "-"

// StdinPath is the path articles read from standard input carry, and archive members
// StdinPath!MEMBER.
const StdinPath = "<stdin>"

var errNoStdin = errors.New("- (standard input): nothing to read it from")

// stdinSource emits what Options.Stdin holds: a .zip archive (it starts "PK\x03\x04"; held
// in memory, as zip needs to seek), a .tar.gz archive (gzip's 1f 8b; streamed), a plain
// .tar (ustar magic at byte 257; streamed), else one file of tagged text. What is held in
// memory is bounded by the member size limit (--max-member-size).
func (p *producer) stdinSource() bool {
	if p.opt.Stdin == nil {
		return p.emit(unit{path: StdinPath, err: errNoStdin})
	}
	br := bufio.NewReaderSize(p.opt.Stdin, 512)
	magic, _ := br.Peek(262)
	limit := p.maxMember()
	// readAll reads standard input whole; kind is member_too_large past the limit.
	readAll := func() (data []byte, kind Kind, err error) {
		data, err = io.ReadAll(io.LimitReader(br, limit+1))
		if err == nil && int64(len(data)) > limit {
			return nil, KindMemberTooLarge, fmt.Errorf("standard input holds more than %d bytes (--max-member-size): not read", limit)
		}
		if data == nil {
			data = []byte{}
		}
		return data, "", err
	}
	switch {
	case bytes.HasPrefix(magic, []byte("PK\x03\x04")):
		data, kind, err := readAll()
		if err != nil {
			return p.emit(unit{path: StdinPath, err: err, kind: kind})
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return p.emit(unit{path: StdinPath, err: fmt.Errorf("open zip: %w", err)})
		}
		return p.zipMembers(StdinPath, zr, func() error { return nil })
	case bytes.HasPrefix(magic, []byte{0x1f, 0x8b}):
		return p.tarStream(StdinPath, br, true)
	case len(magic) >= 262 && string(magic[257:262]) == "ustar":
		return p.tarStream(StdinPath, br, false)
	default:
		data, kind, err := readAll()
		if err != nil {
			return p.emit(unit{path: StdinPath, err: err, kind: kind})
		}
		return p.emit(unit{path: StdinPath, data: data})
	}
}
