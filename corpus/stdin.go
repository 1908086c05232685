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
// in memory, as zip needs to seek), a .tar.gz archive (gzip's 1f 8b; streamed), else one
// file of tagged text.
func (p *producer) stdinSource() bool {
	if p.stdin == nil {
		return p.emit(unit{path: StdinPath, err: errNoStdin})
	}
	br := bufio.NewReader(p.stdin)
	magic, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(magic, []byte("PK\x03\x04")):
		data, err := io.ReadAll(br)
		if err != nil {
			return p.emit(unit{path: StdinPath, err: err})
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return p.emit(unit{path: StdinPath, err: fmt.Errorf("open zip: %w", err)})
		}
		return p.zipMembers(StdinPath, zr)
	case bytes.HasPrefix(magic, []byte{0x1f, 0x8b}):
		return p.tarStream(StdinPath, br)
	default:
		data, err := io.ReadAll(br)
		if data == nil {
			data = []byte{}
		}
		return p.emit(unit{path: StdinPath, data: data, err: err})
	}
}
