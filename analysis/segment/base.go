package segment

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/go-ego/gse"
)

// dictBase is gse's embedded Chinese dictionary as gse loads it: its entries in gse's order
// (Dictionary.Tokens: the key, which is the word with ASCII letters lower-cased, its
// frequency and part of speech), the total frequency and the longest word in units. It is
// all the shortest-path mode needs of gse: New indexes it, looks words up in it, and adds
// words to it as gse's AddToken would.
//
// Loading it through gse takes about 2 s (gse parses the text, fills its cedar trie and then
// cuts every entry for its search mode). So, as jieba keeps its parsed dictionary in a
// cache file, the base is saved once in the user's cache folder and read from there in
// about 0.1 s afterwards (see loadBase).
type dictBase struct {
	keys   []string
	freqs  []float64
	pos    []string
	total  float64
	maxLen int
}

// baseOf copies the dictionary of a gse Segmenter.
func baseOf(d *gse.Dictionary) *dictBase {
	b := &dictBase{
		keys:   make([]string, len(d.Tokens)),
		freqs:  make([]float64, len(d.Tokens)),
		pos:    make([]string, len(d.Tokens)),
		total:  d.TotalFreq(),
		maxLen: d.MaxTokenLen(),
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		b.keys[i], b.freqs[i], b.pos[i] = t.Text(), t.Freq(), t.Pos()
	}
	return b
}

// loadGse loads gse's embedded Chinese dictionary into g with gse's logging off and without
// its HMM model (loaded once per process where needed, see New).
func loadGse(g *gse.Segmenter) error {
	g.SkipLog = true
	g.NotLoadHMM = true
	if err := g.LoadDictEmbed("zh"); err != nil {
		return fmt.Errorf("segment: loading gse's embedded dictionary: %w", err)
	}
	if g.Dict == nil || g.Dict.NumTokens() == 0 {
		return fmt.Errorf("segment: gse's embedded dictionary is empty (built with the ne tag?)")
	}
	return nil
}

// The saved base is read once per process and shared: New copies what it changes.
var (
	baseOnce sync.Once
	baseVal  *dictBase
	baseErr  error
)

// loadBase returns gse's dictionary: from the saved copy when there is a valid one, else
// loaded through gse and saved for the next time (best effort: a cache folder that cannot
// be written only costs the 2 s again). The copy is named by gse's module version and this
// package's Revision, and checked by a CRC-32C; $BAOKAN_CACHE_DIR overrides the folder
// (default: os.UserCacheDir()/baokan), and BAOKAN_CACHE_DIR=off always loads through gse.
func loadBase() (*dictBase, error) {
	baseOnce.Do(func() { baseVal, baseErr = loadBaseFile(basePath()) })
	return baseVal, baseErr
}

// loadBaseFile reads the base saved at path, or, when there is none or it is damaged, loads
// it through gse and saves it there (path "": neither reads nor saves).
func loadBaseFile(path string) (*dictBase, error) {
	if path != "" {
		if data, err := os.ReadFile(path); err == nil {
			if b, err := unmarshalBase(data); err == nil {
				return b, nil
			}
		}
	}
	var g gse.Segmenter
	if err := loadGse(&g); err != nil {
		return nil, err
	}
	b := baseOf(g.Dict)
	if path != "" {
		saveFile(path, b.marshal())
	}
	return b, nil
}

// basePath is the saved base's file, or "" when it is not to be saved: no cache folder,
// BAOKAN_CACHE_DIR=off, or no gse version in the build information to name it by.
func basePath() string {
	dir := os.Getenv("BAOKAN_CACHE_DIR")
	if dir == "off" {
		return ""
	}
	if dir == "" {
		user, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(user, "baokan")
	}
	v := GseVersion()
	if v == "" || strings.Contains(v, "@") { // a local copy may differ from the version it replaces
		return ""
	}
	return filepath.Join(dir, fmt.Sprintf("gse-%s-dict-r%d.bin", v, Revision))
}

// GseVersion is the version of github.com/go-ego/gse this program was built with (which
// fixes its embedded dictionary), PATH@VERSION for a replaced module, "" when the build
// records none (test binaries).
func GseVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range info.Deps {
		if m.Path == "github.com/go-ego/gse" {
			if m.Replace != nil {
				return m.Replace.Path + "@" + m.Replace.Version
			}
			return m.Version
		}
	}
	return ""
}

// saveFile writes data to path whole or not at all (a temporary file renamed), so that
// processes starting together never read half a file.
func saveFile(path string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

const baseMagic = "baokan gse dictionary\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// marshal encodes b: the magic, the entry count, the total and the longest word, then per
// entry the key, the frequency and the part of speech, then a CRC-32C of all that.
func (b *dictBase) marshal() []byte {
	out := []byte(baseMagic)
	out = binary.AppendUvarint(out, uint64(len(b.keys)))
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(b.total))
	out = binary.AppendUvarint(out, uint64(b.maxLen))
	for i, k := range b.keys {
		out = binary.AppendUvarint(out, uint64(len(k)))
		out = append(out, k...)
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(b.freqs[i]))
		out = binary.AppendUvarint(out, uint64(len(b.pos[i])))
		out = append(out, b.pos[i]...)
	}
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli))
}

var errBadBase = errors.New("segment: damaged dictionary file")

// unmarshalBase decodes what marshal encoded. The keys are slices of one string; the parts
// of speech (a few dozen) are shared.
func unmarshalBase(data []byte) (*dictBase, error) {
	if len(data) < len(baseMagic)+4 || !bytes.HasPrefix(data, []byte(baseMagic)) {
		return nil, errBadBase
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(body):]) {
		return nil, errBadBase
	}
	all := string(body)
	pos := len(baseMagic)
	uv := func() int {
		v, n := binary.Uvarint(body[pos:])
		if n <= 0 || v > uint64(len(body)) {
			pos = len(body) + 1
			return 0
		}
		pos += n
		return int(v)
	}
	f64 := func() float64 {
		if pos+8 > len(body) {
			pos = len(body) + 1
			return 0
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(body[pos:]))
		pos += 8
		return v
	}
	str := func() string {
		n := uv()
		if pos+n > len(body) {
			pos = len(body) + 1
			return ""
		}
		s := all[pos : pos+n]
		pos += n
		return s
	}
	n := uv()
	b := &dictBase{keys: make([]string, n), freqs: make([]float64, n), pos: make([]string, n)}
	b.total = f64()
	b.maxLen = uv()
	tags := map[string]string{}
	for i := 0; i < n && pos <= len(body); i++ {
		b.keys[i] = str()
		b.freqs[i] = f64()
		p := str()
		if t, ok := tags[p]; ok {
			p = t
		} else {
			p = string([]byte(p)) // not kept pointing into the whole file for the tags alone
			tags[p] = p
		}
		b.pos[i] = p
	}
	if pos != len(body) {
		return nil, errBadBase
	}
	return b, nil
}
