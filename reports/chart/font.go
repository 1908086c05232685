package chart

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// ErrNoCJKFont is wrapped by the error FindFont returns when no font with Chinese glyphs
// can be found, and by the errors for a font file that lacks them.
var ErrNoCJKFont = errors.New("no font with Chinese (CJK) glyphs found")

// FontEnv is the environment variable that names a font file to use, before any search.
const FontEnv = "BAOKAN_FONT"

// installHint tells the user how to get a usable font; it ends every font error.
const installHint = "install one (Debian/Ubuntu: apt-get install fonts-noto-cjk, or fonts-wqy-microhei) " +
	"or name a .ttf/.otf/.ttc file with CJK glyphs in $" + FontEnv + " or --font"

// probeRunes must all have glyphs in a font we accept: common characters of newspaper
// text, so that a font which merely maps a few CJK code points is refused.
const probeRunes = "中国人民日报解放军"

// wellKnownFonts lists CJK fonts at their usual install paths, most preferred first:
// sans-serif faces (Noto Sans CJK, WenQuanYi) read best at chart sizes.
func wellKnownFonts() []string {
	paths := []string{
		// Debian/Ubuntu: fonts-noto-cjk, fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-*.
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
		"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
		// Fedora (google-noto-sans-cjk-fonts), Arch (noto-fonts-cjk), Alpine.
		"/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
		"/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
		"/usr/share/fonts/truetype/arphic/uming.ttc",
		// macOS.
		"/System/Library/Fonts/PingFang.ttc",
		"/System/Library/Fonts/STHeiti Light.ttc",
		"/System/Library/Fonts/Hiragino Sans GB.ttc",
		"/Library/Fonts/Arial Unicode.ttf",
		"/System/Library/Fonts/Supplemental/Songti.ttc",
	}
	// Windows: Microsoft YaHei, SimHei, SimSun.
	windir := os.Getenv("WINDIR")
	if windir == "" {
		windir = `C:\Windows`
	}
	for _, name := range []string{"msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc"} {
		paths = append(paths, filepath.Join(windir, "Fonts", name))
	}
	return paths
}

// fcMatch asks fontconfig for its best font for Chinese; fc-match always answers with
// some font, so the caller must still check the glyphs.
func fcMatch() (string, error) {
	exe, err := exec.LookPath("fc-match")
	if err != nil {
		return "", err
	}
	out, err := exec.Command(exe, "-f", "%{file}", ":lang=zh").Output()
	if err != nil {
		return "", fmt.Errorf("fc-match: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// FindFont returns the path of a font with Chinese glyphs. It tries, in order:
// the file named by $BAOKAN_FONT (an error if that file is missing or lacks CJK glyphs:
// an explicit choice is never silently replaced); the usual install paths of Noto Sans
// CJK, WenQuanYi Micro Hei / Zen Hei, Noto Serif CJK and AR PL UMing on Debian/Ubuntu,
// Fedora, Arch; PingFang, STHeiti, Hiragino Sans GB, Songti on macOS; Microsoft YaHei,
// SimHei, SimSun on Windows; and last `fc-match -f '%{file}' ':lang=zh'`. A candidate is
// accepted only if it parses and has glyphs for common Chinese characters. On failure the
// error wraps ErrNoCJKFont and says what to install.
func FindFont() (string, error) {
	return findFont(os.Getenv(FontEnv), wellKnownFonts(), fcMatch)
}

// findFont is FindFont with its inputs injected, for tests.
func findFont(env string, paths []string, match func() (string, error)) (string, error) {
	if env != "" {
		if _, err := loadFont(env); err != nil {
			return "", fmt.Errorf("$%s: %w", FontEnv, err)
		}
		return env, nil
	}
	var rejected []string
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if _, err := loadFont(p); err != nil {
			rejected = append(rejected, err.Error())
			continue
		}
		return p, nil
	}
	if match != nil {
		if p, err := match(); err == nil && p != "" {
			if _, err := loadFont(p); err == nil {
				return p, nil
			} else {
				rejected = append(rejected, "fc-match: "+err.Error())
			}
		}
	}
	msg := fmt.Sprintf("chart: %v; %s", ErrNoCJKFont, installHint)
	if len(rejected) > 0 {
		msg += " (rejected: " + strings.Join(rejected, "; ") + ")"
	}
	return "", &fontError{msg: msg}
}

// fontError carries a full message and unwraps to ErrNoCJKFont.
type fontError struct{ msg string }

func (e *fontError) Error() string { return e.msg }
func (e *fontError) Unwrap() error { return ErrNoCJKFont }

// loadedFont is one parsed face of a font file.
type loadedFont struct {
	face   *opentype.Font
	family string // the face's family name, e.g. "Noto Sans CJK SC"
}

// fontOnce parses one font file once per process.
type fontOnce struct {
	once sync.Once
	font *loadedFont
	err  error
}

// parsedFonts caches parsed fonts by path (path → *fontOnce): a Noto CJK collection is
// 20 MB, and every chart needs it. Parsed fonts are read-only, so sharing them is safe.
var parsedFonts sync.Map

// loadFont returns the parsed CJK face of the font file at path.
func loadFont(path string) (*loadedFont, error) {
	v, _ := parsedFonts.LoadOrStore(path, new(fontOnce))
	f := v.(*fontOnce)
	f.once.Do(func() { f.font, f.err = parseFontFile(path) })
	return f.font, f.err
}

// parseFontFile reads a .ttf/.otf font or a .ttc collection; from a collection it picks
// the face for Simplified Chinese (family ending in "SC", "GB" or "CN", as in "Noto Sans
// CJK SC"), proportional rather than "Mono", else the first face with Chinese glyphs.
func parseFontFile(path string) (*loadedFont, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &fontError{msg: fmt.Sprintf("chart: font %s: %v: %v; %s", path, err, ErrNoCJKFont, installHint)}
	}
	coll, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, &fontError{msg: fmt.Sprintf("chart: font %s: not a TrueType/OpenType font or collection (%v): %v; %s", path, err, ErrNoCJKFont, installHint)}
	}
	var (
		best      *loadedFont
		bestScore = -1
		buf       sfnt.Buffer
	)
	var faceErr error
	for i := range coll.NumFonts() {
		face, err := coll.Font(i)
		if err != nil {
			// WenQuanYi's collections start tables off 4-byte boundaries, which sfnt
			// refuses (golang.org/issue/46384); a copy with aligned tables parses.
			if aligned, aerr := alignTables(data, i); aerr == nil {
				face, err = opentype.Parse(aligned)
			}
		}
		if err != nil {
			faceErr = err
			continue
		}
		if !hasGlyphs(face, &buf, probeRunes) {
			continue
		}
		family, _ := face.Name(&buf, sfnt.NameIDFamily)
		score := 0
		for _, suffix := range []string{" SC", " GB", " CN"} {
			if strings.HasSuffix(family, suffix) {
				score += 2
				break
			}
		}
		if !strings.Contains(family, "Mono") {
			score++
		}
		if score > bestScore {
			best, bestScore = &loadedFont{face: face, family: family}, score
		}
	}
	if best == nil && faceErr != nil {
		return nil, &fontError{msg: fmt.Sprintf("chart: font %s cannot be read (%v): %v; %s", path, faceErr, ErrNoCJKFont, installHint)}
	}
	if best == nil {
		return nil, &fontError{msg: fmt.Sprintf("chart: font %s has no glyphs for Chinese text: %v; %s", path, ErrNoCJKFont, installHint)}
	}
	return best, nil
}

// hasGlyphs reports whether face maps every rune of s to a real glyph (not .notdef, index 0).
func hasGlyphs(face *sfnt.Font, buf *sfnt.Buffer, s string) bool {
	for _, r := range s {
		if i, err := face.GlyphIndex(buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// alignTables copies face i of a font file (a .ttc collection, or a single font for i = 0)
// into a single-font file whose tables start on 4-byte boundaries, as the OpenType
// specification asks ("Table Directory"): the table directory is rewritten with the new
// offsets, table contents are copied unchanged.
func alignTables(data []byte, i int) ([]byte, error) {
	be := binary.BigEndian
	short := errors.New("truncated font file")
	var dir uint32 // offset of the face's table directory
	if len(data) >= 12 && string(data[:4]) == "ttcf" {
		n := int(be.Uint32(data[8:]))
		if i >= n || len(data) < 12+4*n {
			return nil, short
		}
		dir = be.Uint32(data[12+4*i:])
	} else if i != 0 {
		return nil, fmt.Errorf("face %d of a single font", i)
	}
	if uint64(dir)+12 > uint64(len(data)) {
		return nil, short
	}
	numTables := int(be.Uint16(data[dir+4:]))
	records := data[dir+12:]
	if len(records) < 16*numTables {
		return nil, short
	}
	size := 12 + 16*numTables
	for t := range numTables {
		size += (int(be.Uint32(records[16*t+12:])) + 3) &^ 3
	}
	out := make([]byte, 12+16*numTables, size)
	copy(out, data[dir:dir+12])
	for t := range numTables {
		rec := records[16*t : 16*t+16]
		off, length := uint64(be.Uint32(rec[8:])), uint64(be.Uint32(rec[12:]))
		if off+length > uint64(len(data)) {
			return nil, short
		}
		copy(out[12+16*t:], rec[:8]) // tag and checksum
		be.PutUint32(out[12+16*t+8:], uint32(len(out)))
		be.PutUint32(out[12+16*t+12:], uint32(length))
		out = append(out, data[off:off+length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}
