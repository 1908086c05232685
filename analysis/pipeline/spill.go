package pipeline

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// write appends an article's ids: their count, then each, as varints.
func (sp *spill) write(ids []uint32) error {
	sp.buf = binary.AppendUvarint(sp.buf[:0], uint64(len(ids)))
	for _, id := range ids {
		sp.buf = binary.AppendUvarint(sp.buf, uint64(id))
	}
	if _, err := sp.w.Write(sp.buf); err != nil {
		return fmt.Errorf("keeping the words for the next pass: %w", err)
	}
	return nil
}

// spillReader reads the ids back, article by article.
type spillReader struct{ r *bufio.Reader }

func (sp *spill) rewind() (*spillReader, error) {
	if err := sp.w.Flush(); err != nil {
		return nil, fmt.Errorf("keeping the words for the next pass: %w", err)
	}
	if _, err := sp.f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return &spillReader{r: bufio.NewReaderSize(sp.f, 1<<20)}, nil
}

func spillErr(err error) error {
	return fmt.Errorf("reading back the words of the first pass: %w", err)
}

func (r *spillReader) next(ids []uint32) ([]uint32, error) {
	n, err := binary.ReadUvarint(r.r)
	if err != nil {
		return nil, spillErr(err)
	}
	for range n {
		id, err := binary.ReadUvarint(r.r)
		if err != nil {
			return nil, spillErr(err)
		}
		ids = append(ids, uint32(id))
	}
	return ids, nil
}

// end checks that the first pass had no more articles than this one.
func (r *spillReader) end() error {
	if _, err := r.r.ReadByte(); err != io.EOF {
		return spillErr(errors.New("the corpus has fewer articles than in the first pass"))
	}
	return nil
}
